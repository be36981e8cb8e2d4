"""programm.yaml: read like a network's files — every fault a located problem, all of
them at once — and nothing that would make git run a command or read an option."""

from __future__ import annotations

import pytest

from netzwerkctl.federation.registry import read_registry

GOOD = b"""\
name: Engagierte Stadt
networks:
  - id: bocholt
    name: Engagierte Stadt Bocholt
    city: Bocholt
    url: https://git.example.org/bocholt/netzwerk.git
    ref: main
  - id: ahrensburg
    name: Netzwerk Ahrensburg
    url: git@git.example.org:ahrensburg/netzwerk.git
    folder: daten/netzwerk
  - id: lokal
    name: Lokales Netz
    url: ../netze/lokal
  - id: magdeburg
    name: Magdeburg engagiert
    export: https://magdeburg.example.org/netzwerk/export-{year}.json
"""


def codes(raw: bytes) -> list[tuple[str, int | None]]:
    return [(p.code, p.line) for p in read_registry(raw).problems]


def test_a_good_registry() -> None:
    read = read_registry(GOOD)
    assert read.problems == ()
    assert [n.id for n in read.networks] == ["bocholt", "ahrensburg", "lokal", "magdeburg"]
    assert read.networks[3].export is not None and read.networks[3].url is None


def test_every_fault_at_once_with_its_line() -> None:
    raw = b"""\
name: Programm
networks:
  - id: a
    name: A
  - id: b
    name: B
    url: https://x.example.org/b.git
    export: https://x.example.org/b-{year}.json
  - id: a
    name: A again
    url: ext::sh -c touch% /tmp/pwned
  - id: c
    name: C
    url: --upload-pack=touch /tmp/pwned
    ref: ../../etc
  - id: d
    name: D
    url: file:///srv/git/d.git
    folder: -x
"""
    assert codes(raw) == [
        ("NW701", 3),
        ("NW701", 5),
        ("NW702", 9),
        ("NW703", 11),
        ("NW703", 14),
        ("NW704", 15),
        ("NW704", 19),
    ]


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"networks: []\n", "NW102"),  # the programme's name is missing
        (b"name: P\nnetwork: []\n", "NW101"),  # a typo: "Did you mean networks?"
        (b"name: P\nnetworks:\n  - id: A B\n    name: x\n    url: ./a\n", "NW108"),
        (b"name: [P\n", "NW001"),
    ],
)
def test_shape_problems_are_the_checks_problems(raw: bytes, code: str) -> None:
    found = read_registry(raw).problems
    assert found and found[0].code.startswith(code[:4]), found
    assert found[0].line is not None


def test_an_empty_registry_is_filled_in_never_deleted() -> None:
    """Deleting the programme's list of networks is no advice, wherever it lies."""
    for file in ("programm.yaml", "../buero/programm.yaml"):
        [empty] = read_registry(b"", file).problems
        assert empty.code == "NW002"
        assert (
            empty.message("de")
            == "Die Datei ist leer. Tragen Sie mindestens die Pflichtfelder ein."
        )


def test_the_editor_schema_is_published_and_accepts_a_good_registry() -> None:
    import json
    from pathlib import Path

    import jsonschema
    import yaml
    from typer.testing import CliRunner

    from netzwerkctl.cli import app
    from netzwerkctl.federation.registry import registry_schema_text

    published = Path(__file__).parents[2] / "docs" / "programm.schema.json"
    assert published.read_text("utf-8") == registry_schema_text("de")
    schema = json.loads(registry_schema_text("de"))
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.Draft7Validator(schema).validate(yaml.safe_load(GOOD))
    typo = yaml.safe_load(GOOD.replace(b"  - id: lokal", b"  - idd: lokal"))
    assert list(jsonschema.Draft7Validator(schema).iter_errors(typo))
    assert (
        "git-Repository"
        in schema["definitions"]["RegisteredNetwork"]["properties"]["url"]["description"]
    )
    printed = CliRunner().invoke(app, ["federation", "schema", "--lang", "de"])
    assert printed.exit_code == 0 and printed.stdout == registry_schema_text("de")


@pytest.mark.parametrize(
    ("entry", "code"),
    [
        ("    url: ../gut\n    folder: /etc\n", "NW704"),
        ("    url: ../gut\n    folder: a/../../b\n", "NW704"),
        ("    url: -oProxyCommand=x@host:path\n", "NW703"),
        ("    url: ssh://-oProxyCommand=x/path\n", "NW703"),
        ("    url: https:///etc/passwd\n", "NW703"),
        ("    export: https://-x/export-{year}.json\n", "NW703"),
    ],
)
def test_nothing_leads_git_or_the_reader_astray(entry: str, code: str) -> None:
    raw = f"name: P\nnetworks:\n  - id: n\n    name: N\n{entry}".encode()
    assert [p.code for p in read_registry(raw).problems] == [code]
