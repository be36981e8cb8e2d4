"""The reader: every row of "YAML as people write it" in the data format."""

from __future__ import annotations

import pytest
import yaml

from netzwerkctl import yamlio
from netzwerkctl.yamlio import MAX_DEPTH, read_document


def codes(raw: bytes) -> list[tuple[str, int | None]]:
    return [(p.code, p.line) for p in read_document(raw, "f.yaml").problems]


def test_scalars_stay_as_written() -> None:
    doc = read_document(
        b"start: 18:30\nphone: 0287112345\nok: no\nflag: on\nd: 2021-03-15\n"
        b"g: 15.03.2021\nn: 10\nf: 1140.00\nt: true\n",
        "f.yaml",
    )
    assert doc.problems == ()
    assert doc.data == {
        "start": "18:30",  # not 1110 (base 60)
        "phone": "0287112345",  # leading zero kept
        "ok": "no",  # not False
        "flag": "on",
        "d": "2021-03-15",  # the model decides it is a date
        "g": "15.03.2021",
        "n": "10",
        "f": "1140.00",  # trailing zeros kept
        "t": "true",
    }


@pytest.mark.parametrize("text", [b"a: null\n", b"a: ~\n", b"a:\n", b"a: NULL\n"])
def test_null_forms(text: bytes) -> None:
    assert read_document(text, "f.yaml").data == {"a": None}


def test_quoted_null_is_text() -> None:
    assert read_document(b'a: "null"\n', "f.yaml").data == {"a": "null"}


def test_duplicate_key_names_both_lines() -> None:
    doc = read_document(b"name: A\nkind: x\nname: B\n", "f.yaml")
    [p] = doc.problems
    assert (p.code, p.line, p.column) == ("NW005", 3, 1)
    assert dict(p.args)["first_line"] == "1"
    assert "Zeile 1" in p.message("de")
    assert doc.data == {"name": "A", "kind": "x"}  # the first one is kept


def test_duplicate_key_in_nested_mapping() -> None:
    assert codes(b"contacts:\n  - id: a\n    id: b\n") == [("NW005", 3)]


def test_tags_are_refused_and_nothing_is_executed() -> None:
    raw = b"a: !!python/object/apply:os.system ['echo pwned > /tmp/pwned']\nb: !!binary aGk=\n"
    doc = read_document(raw, "f.yaml")
    assert [(p.code, p.line) for p in doc.problems] == [("NW006", 1), ("NW006", 2)]
    assert "!!python/object/apply:os.system" in doc.problems[0].message("de")


def test_bom_and_crlf_are_fine() -> None:
    doc = read_document(b"\xef\xbb\xbfname: M\xc3\xbcller\r\nkind: x\r\n", "f.yaml")
    assert doc.problems == ()
    assert doc.data == {"name": "Müller", "kind": "x"}
    assert doc.at("kind").line == 2


def test_windows_1252_names_line_byte_and_hint() -> None:
    [p] = read_document("name: x\nort: Münster\n".encode("cp1252"), "f.yaml").problems
    assert (p.code, p.line, p.column) == ("NW001", 2, 7)
    assert "0xFC" in p.message("de") and "„ü“" in p.message("de") and "UTF-8" in p.message("de")


@pytest.mark.parametrize(
    "raw", [b"", b"\n\n", b"# nur ein Kommentar\n", b"---\n", b"\xef\xbb\xbf", b"~\n", b"null\n"]
)
def test_empty_file(raw: bytes) -> None:
    assert codes(raw) == [("NW002", 1)]


def test_tab_indentation_gets_a_hint() -> None:
    [p] = read_document(b"name: x\ncontacts:\n\t- id: a\n", "f.yaml").problems
    assert (p.code, p.line) == ("NW003", 3)
    assert "Leerzeichen" in p.message("de")


def test_tab_after_colon_is_fine() -> None:
    assert read_document(b"name:\tx\n", "f.yaml").data == {"name": "x"}


def test_aliases_are_refused_once() -> None:
    assert codes(b"a: &x [1]\nb: *x\nc: *x\n") == [("NW007", 2)]


def test_billion_laughs_is_bounded_work_with_one_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    # nine levels of nine aliases would expand to 9**9 strings; the reader stops at the
    # first alias, so it visits only the 100 nodes written in the file, once per pass (a
    # file with problems is read twice, the second time for their places); no wall
    # clock here: the work is counted
    lines = [b'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = b",".join([b"*a%d" % (i - 1)] * 9)
        lines.append(b"a%d: &a%d [%s]" % (i, i, refs))
    calls = 0
    original = yamlio._Builder.value

    def counted(self: yamlio._Builder, *args: object) -> object:
        nonlocal calls
        calls += 1
        return original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(yamlio._Builder, "value", counted)
    doc = read_document(b"\n".join(lines) + b"\n", "f.yaml")
    assert [p.code for p in doc.problems] == ["NW007"]
    assert calls <= 2 * 100


def test_recursive_alias_does_not_hang() -> None:
    assert codes(b"a: &a [*a]\n") == [("NW007", 1)]


@pytest.mark.parametrize(
    "raw",
    [
        b"a: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",  # would crash libyaml's composer
        b"".join(b" " * i + b"k:\n" for i in range(MAX_DEPTH + 5))
        + b" " * (MAX_DEPTH + 5)
        + b"v\n",
    ],
)
def test_deep_nesting_is_a_problem_not_a_crash(raw: bytes) -> None:
    assert [c for c, _ in codes(raw)] == ["NW010"]


@pytest.mark.parametrize("wording", ["exceeded maximum nesting depth", "something else entirely"])
def test_deep_nesting_refused_by_libyaml_itself_is_nw010_whatever_its_wording(
    monkeypatch: pytest.MonkeyPatch, wording: str
) -> None:
    """Newer libyaml releases stop at deep flow nesting on their own, before the
    events are counted; the place decides, never the library's message text."""
    raw = b"a: " + b"{x: " * 300 + b"1" + b"}" * 300 + b"\n"

    def refuse(text: str, Loader: object) -> object:
        mark = yaml.Mark("f.yaml", 250, 0, 250, "", 0)
        raise yaml.scanner.ScannerError("while increasing flow level", mark, wording, mark)
        yield  # pragma: no cover - makes this a generator like yaml.parse

    monkeypatch.setattr(yaml, "parse", refuse)
    [p] = read_document(raw, "f.yaml").problems
    assert (p.code, p.line) == ("NW010", 1)


def test_an_ordinary_syntax_error_stays_nw004_in_the_depth_check() -> None:
    """Many brackets send a file through the depth check; shallow ones are no NW010."""
    shallow = b"a: [x, y\nb: " + b"[1] " * 200 + b"\n"
    assert [c for c, _ in codes(shallow)] == ["NW004"]


def test_syntax_error_with_line_and_hint() -> None:
    [p] = read_document(b"name: x\ntitle: Bericht: 2021\n", "f.yaml").problems
    assert (p.code, p.line, p.column) == ("NW004", 2, 15)
    assert "Anführungszeichen" in p.message("de")
    assert "quotes" in p.message("en")


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        (b"name: AWO: Ortsverein\n", 'Anführungszeichen, name: "AWO: Ortsverein"'),
        (b"name: X\nkind:welfare\nstatus: active\n", "ein Leerzeichen: kind: welfare"),
        (b'c:\n  - id: a\n    name: Dr. "X": Y\n', "name: 'Dr. \"X\": Y'"),
        (b"a: b\nkey:value", "ein Leerzeichen: key: value"),
        # the first key of a mapping: libyaml stops a line later
        (b"name:Bocholt\nfounded: 2016-01-01\n", "ein Leerzeichen: name: Bocholt"),
        (b"contacts:\n  - id:anna\n    name: Anna\n", "ein Leerzeichen: id: anna"),
        (b"name: X\r\nkind:welfare\r\nstatus: a\r\n", "ein Leerzeichen: kind: welfare"),  # CRLF
        # a backslash is an escape in double quotes: single ones keep it
        (b"ablage: S:\\Netz\\alt: ja\n", "ablage: 'S:\\Netz\\alt: ja'"),
    ],
)
def test_the_two_common_slips_are_shown_corrected(raw: bytes, said: str) -> None:
    """The hint shows the person's own line as it should read — a real key, not an
    example from elsewhere — recognised on the line, not by libyaml's wording."""
    [p] = read_document(raw, "f.yaml").problems
    assert p.code == "NW004" and p.message("de").endswith(said), p.message("de")
    assert "Did you mean" not in p.message("en") and said.split(": ", 1)[1] in p.message("en")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"location: VHS, Raum #2.14\n", [("NW023", 1, 21)]),
        (b"agenda:\n  - title: Begr\xc3\xbc\xc3\x9fung #1\n", [("NW023", 2, 22)]),
        (b"status: #offen\n", [("NW023", 1, 9)]),  # read as empty
        (b"a: b\n  c #d\n", [("NW023", 2, 5)]),  # a value over two lines
        # comments as they are written, and a # that YAML keeps: nothing to say
        (b"a: b # Kommentar\nb: c\n# ganze Zeile\n", []),
        (b"a: \"Raum #2\"\nb: 'Raum #3'\n", []),
        (b"url: https://example.org/#anker\n", []),
        (b"notes: |\n  Raum #2\n  - Thema: Ehrenamt\n", []),
        # a contact typed below a text block is text
        (b"notes: |\n  Gut.\n  - id: lena\n    name: Lena\n", [("NW024", 3, 3)]),
        (b"notes: >\n  Gut.\n\n  - person: lena\n", [("NW024", 4, 3)]),
        (b"notes: >\n  Gut.\n  - id: lena\n    name: Lena\n", [("NW024", 3, 3)]),  # folded
        # the next item after a text block is no part of it
        (b"agenda:\n  - title: A\n    notes: |\n      Text.\n  - title: B\n", []),
        # a comment after a value that cannot hold a # (a date, number, id, value)
        (b"founded: 2015-09-01 #laut Satzung\nvalue_eur: 500 #circa\n", []),
        (b"present:\n  - anna #kam spaeter\nstatus: held #nachgetragen\n", []),
        (b"location: Raum #2.14\r\nname: x\r\n", [("NW023", 1, 16)]),  # CRLF
    ],
)
def test_text_that_yaml_takes_from_a_value_is_named(
    raw: bytes, expected: list[tuple[str, int, int]]
) -> None:
    """` #` ends a plain value, and lines below `notes: |` are text: both lose what a
    person meant as data without any error. Named as warnings; the value stays as read."""
    doc = read_document(raw, "f.yaml")
    assert [(p.code, p.line, p.column) for p in doc.problems] == expected
    assert doc.data is not None


def test_several_documents_are_refused() -> None:
    assert codes(b"a: 1\n---\nb: 2\n") == [("NW004", 2)]


def test_top_level_must_be_a_mapping() -> None:
    assert codes(b"- a\n- b\n") == [("NW008", 1)]
    assert codes(b"nur Text\n") == [("NW008", 1)]


def test_non_text_keys_are_refused() -> None:
    assert codes(b"[a, b]: c\nname: x\n") == [("NW011", 1)]


@pytest.mark.parametrize(
    ("raw", "line", "column", "char"),
    [
        (b"a: 1\x00\n", 1, 5, "U+0000"),
        (b"name: X\ncluster: Sozi\x0bales\n", 2, 14, "U+000B"),  # Word's Shift+Enter
        ('name: x\nnotes: "a\u2028b"\n'.encode(), 2, 10, "U+2028"),  # would shift lines
        ("a: b\nc: x\u0085y\n".encode(), 2, 5, "U+0085"),
    ],
)
def test_invisible_characters_are_named_where_they_are(
    raw: bytes, line: int, column: int, char: str
) -> None:
    [p] = read_document(raw, "f.yaml").problems
    assert (p.code, p.line, p.column, dict(p.args)["char"]) == ("NW016", line, column, char)


@pytest.mark.parametrize(
    ("raw", "line"),
    [
        (b"name: x\ntitle: 'unclosed\nkind: y\nstatus: z\n", 2),  # where the quote opens
        (b"name: x\nfoo\nkind: y\n", 2),
        (b"a: b\nkey:value", 2),  # not past the end of the file
        (b"a: [1,\nb: 2\n", 1),
    ],
)
def test_syntax_errors_point_at_the_line_to_fix(raw: bytes, line: int) -> None:
    [p] = read_document(raw, "f.yaml").problems
    assert (p.code, p.line) == ("NW004", line)


def test_tab_on_the_line_before_the_error_is_named() -> None:
    [p] = read_document(b"name: x\ncontacts:\n  - id: a\n\tname: b\n  - id: c\n", "f.yaml").problems
    assert (p.code, p.line) == ("NW003", 4)


def test_encoding_error_after_a_byte_order_mark() -> None:
    [p] = read_document(b"\xef\xbb\xbfa: b\n\xfc\n", "f.yaml").problems
    assert (p.code, p.line, p.column, dict(p.args)["byte"]) == ("NW001", 2, 1, "0xFC")
    [p] = read_document("name: Müller ä ".encode() + b"\xfc\n", "f.yaml").problems
    assert p.column == 16  # characters, not bytes


def test_utf16_is_named() -> None:
    assert codes("a: b\n".encode("utf-16")) == [("NW017", 1)]


def test_explicit_null_tag_does_not_swallow_text() -> None:
    doc = read_document(b"a: !!null text\n", "f.yaml")
    assert [p.code for p in doc.problems] == ["NW006"]
    assert doc.data == {"a": "text"}


def test_source_map_has_every_key_and_item() -> None:
    doc = read_document(
        b"name: x\ncontacts:\n  - id: a\n    name: A\n  - id: b\nlist: [p, q]\n", "f.yaml"
    )
    assert doc.positions[("name",)] == (1, 1)
    assert doc.positions[("contacts", 0)] == (3, 5)
    assert doc.positions[("contacts", 0, "name")] == (4, 5)
    assert doc.positions[("contacts", 1, "id")] == (5, 5)
    assert doc.positions[("list", 1)] == (6, 11)
    # a key that is not there points at the nearest enclosing one
    assert doc.at("contacts", 1, "email").line == 5
    assert doc.at("missing").line == 1


def test_control_characters_from_escapes_are_reported_and_replaced() -> None:
    doc = read_document(b'a: "x\\ey\\tz"\n"k\\a": 1\nb: "eins\\nzwei\\rX"\nc: \'\\e\'\n', "f.yaml")
    assert doc.data == {"a": "x?y\tz", "k?": "1", "b": "eins\nzwei?X", "c": "\\e"}
    assert [(p.code, p.line, dict(p.args)["char"]) for p in doc.problems] == [
        ("NW016", 1, "U+001B"),
        ("NW016", 2, "U+0007"),
        ("NW016", 3, "U+000D"),
    ]


@pytest.mark.parametrize("escape", ["\\0", "\\x7f", "\\N", "\\x9b", "\\L", "\\P", "\\v"])
def test_every_control_character_an_escape_makes_is_caught(escape: str) -> None:
    doc = read_document(f'a: "x{escape}y"\n'.encode(), "f.yaml")
    assert doc.data == {"a": "x?y"}
    assert [p.code for p in doc.problems] == ["NW016"]


def test_umlauts_spaces_and_emoji_in_double_quotes_stay() -> None:
    doc = read_document('a: "Grüße\\_aus\\tBocholt 🙂\\nZeile"\n'.encode(), "f.yaml")
    assert doc.data == {"a": "Grüße\u00a0aus\tBocholt 🙂\nZeile"}
    assert doc.problems == ()
