"""A third language is one file — and nothing escapes the catalogue.

The test builds a pseudo-language at test time: every message of the catalogue,
with its letters accented (Ȧġḗƞḓȧ) and wrapped in ⟦ ⟧, placeholders kept. Every
document of the example network and every problem message is rendered with it; any
plain word left after taking out the wrapped text, the network's own words (names,
titles, ids) and the calendar words of the locale is a string that escaped the
catalogue, and the test names it.
The command line is covered too: every command's --help (its text, Click's and
Typer's words, the placeholders) and the usage errors.
"""

from __future__ import annotations

import functools
import gettext
import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from conftest import EXAMPLE_NETWORK, text_of
from netzwerkctl import i18n
from netzwerkctl.cli import app
from netzwerkctl.codes import CODES

_READ_CATALOGUE = i18n.translations.__wrapped__
_PLACEHOLDER = re.compile(r"(%\(\w+\)[sd]|%%)")
_ACCENTED = dict(zip("aeiouyAEIOUYnNcCsSzZ", "ȧḗīōūẏȦḖĪŌŪẎƞŊçÇşŞẓẒ", strict=True))


def pseudo(text: str) -> str:
    """Accented, wrapped; placeholders (and `%%`) untouched."""
    parts = _PLACEHOLDER.split(text)
    out = [
        p if _PLACEHOLDER.fullmatch(p) else "".join(_ACCENTED.get(c, c) for c in p) for p in parts
    ]
    return "⟦" + "".join(out) + "⟧"


def _pseudo_mo() -> bytes:
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    source = i18n.LOCALE_DIR / "de" / "LC_MESSAGES" / "netzwerkctl.po"
    with source.open("rb") as handle:
        german = read_po(handle, locale="de")
    catalog = Catalog(locale="de", fuzzy=False)
    for message in german:
        if not message.id:
            continue
        if isinstance(message.id, (tuple, list)):
            strings = (pseudo(message.id[0]), pseudo(message.id[1]))
            catalog.add(tuple(message.id), strings, context=message.context)
        else:
            catalog.add(message.id, pseudo(message.id), context=message.context)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def pseudo_german() -> Iterator[None]:
    """German documents, every word of them from the pseudo catalogue."""
    catalogue = gettext.GNUTranslations(io.BytesIO(_pseudo_mo()))
    original = i18n.translations
    i18n.translations = lambda lang: catalogue  # type: ignore[assignment]
    try:
        yield
    finally:
        i18n.translations = original


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pseudo") / "stadt-bocholt"
    shutil.copytree(EXAMPLE_NETWORK, root, ignore=shutil.ignore_patterns(".netzwerkctl"))
    return root


def _allowed_words(root: Path, locale: str = "de") -> set[str]:
    """Words that may stand unwrapped: the network's own (from its files), the
    calendar words of the locale (Babel) and the program's name."""
    from babel.dates import get_day_names, get_month_names

    words: set[str] = {"netzwerkctl", "Uhr"}  # "Uhr": German Babel time patterns
    for path in root.rglob("*.yaml"):
        words |= set(re.findall(r"[^\W\d_]{2,}", path.read_text(encoding="utf-8")))
        words |= set(re.findall(r"[A-Za-z]{2,}", path.relative_to(root).as_posix()))  # ids
    for width in ("wide", "abbreviated"):
        words |= set(get_day_names(width, locale=locale).values())
        words |= set(get_month_names(width, locale=locale).values())
    return words


def _unwrapped(text: str) -> str:
    """The text without the wrapped messages (also nested ones: a translated phrase
    inside another)."""
    before = None
    while before != text:
        before, text = text, re.sub(r"⟦[^⟦⟧]*⟧", " ", text)
    return text


def _leaks(text: str, allowed: set[str]) -> set[str]:
    outside = _unwrapped(text)
    outside = re.sub(r"<!--.*?-->", " ", outside)  # the marker line (a file's, not a word)
    words = set(re.findall(r"[^\W\d_]{2,}", outside))
    return {w for w in words if w not in allowed}


TODAY = ["--today", "2022-09-01"]
DOCUMENTS = [
    ["agenda", "2022-09-14-ag-vereine-wirtschaft", *TODAY],
    ["minutes", "2021-03-15-ag-bildung"],
    ["minutes", "2022-07-06-ag-vereine-wirtschaft"],
    ["attendance", "2022-09-14-ag-vereine-wirtschaft", *TODAY],
    ["certificate", "siegel-freiwillige-willkommen", "--to", "awo-bocholt"],
    ["report", "2021"],
    ["remind", *TODAY],
    ["remind", "-f", "md", *TODAY],
    ["partners", *TODAY],
    ["partners", "--cluster", "-f", "md", *TODAY],
    ["partners", "-f", "csv", *TODAY],
    ["match", "Bildung", *TODAY],
    ["market"],
    ["person", "maria-schulte", *TODAY],
    ["check", *TODAY],
]


@pytest.mark.parametrize("args", DOCUMENTS, ids=lambda a: "-".join(a[:3]))
def test_every_word_of_every_document_comes_from_the_catalogue(
    pseudo_german: None, network: Path, args: list[str]
) -> None:
    result = CliRunner().invoke(app, ["-C", str(network), *args], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "⟦" in result.stdout  # the pseudo catalogue is the one in use
    leaks = _leaks(result.stdout, _allowed_words(network))
    assert not leaks, f"words not from the catalogue: {sorted(leaks)}"


def test_every_problem_message_comes_from_the_catalogue(pseudo_german: None) -> None:
    for code in CODES:
        args = dict.fromkeys(re.findall(r"%\((\w+)\)", CODES[code].message), "Q")
        for name in list(args):
            if name.startswith("t_"):
                args[name] = "text"
        from netzwerkctl.codes import format_message

        text = format_message(code, args, "de")
        assert text.startswith("⟦"), code
        assert not _leaks(text, {"Q"}), (code, text)


def test_the_pseudo_language_keeps_placeholders() -> None:
    assert pseudo("Meeting of %(group)s") == "⟦Mḗḗtīƞg ōf %(group)s⟧"


def test_every_word_of_the_reminder_mail_comes_from_the_catalogue(
    pseudo_german: None, network: Path, tmp_path: Path
) -> None:
    import email
    import email.policy

    outbox = tmp_path / "postausgang"
    args = ["-C", str(network), "remind", "--mail", "--outbox", str(outbox), *TODAY]
    assert CliRunner().invoke(app, args).exit_code == 0
    messages = sorted(outbox.glob("*.eml"))
    assert messages
    for path in messages:
        parsed = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        text = f"{parsed['Subject']}\n{text_of(parsed)}"
        leaks = _leaks(text, _allowed_words(network))
        assert not leaks, f"{path.name}: words not from the catalogue: {sorted(leaks)}"


def _commands(command: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        found += _commands(sub, (*path, name))
    return found


def _command_line_words(text: str) -> str:
    """Without what the user types as it is: default values, choices, option names."""
    text = re.sub(r"\[⟦[^⟦⟧]*⟧\s*[^\]]+\]", " ", text)  # [Standard: table]
    text = re.sub(r"<[\w|]+>", " ", text)  # choices: <md|html>
    text = re.sub(r"(?<![\w⟧])--?[\w-]+", " ", text)
    # the list of commands shows each one's first sentence: its message is cut there
    return re.sub(r"⟦[^⟦⟧]*?(?=\n  \S|\n\n|\Z)", " ", _unwrapped(text))


@pytest.mark.parametrize("path", _commands(get_command(app)), ids=lambda p: " ".join(p) or "-")
def test_every_help_text_comes_from_the_catalogue(
    pseudo_german: None, path: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    names = {"netzwerkctl", *(p for c in _commands(get_command(app)) for p in c)}
    leaks = _leaks(_command_line_words(result.stdout), names)
    assert not leaks, f"--help of {' '.join(path)}: words not from the catalogue: {sorted(leaks)}"


@pytest.mark.parametrize(
    "args",
    [["reminder"], ["report"], ["report", "abc"], ["check", "-f", "xx"], ["check", "--bogus"]],
)
def test_every_usage_error_comes_from_the_catalogue(
    pseudo_german: None, args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    names = {"netzwerkctl", "remind", "year", *args}
    leaks = _leaks(_command_line_words(result.stderr), names)
    assert not leaks, f"{args}: words not from the catalogue: {sorted(leaks)}"


@pytest.fixture
def french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A third language added the way a translator adds one: a folder with one
    catalogue next to de and en (here the pseudo text under the code `fr`), nothing
    else changed. Returns a copy of the example network that chose it."""
    locale = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, locale)
    (locale / "fr" / "LC_MESSAGES").mkdir(parents=True)
    (locale / "fr" / "LC_MESSAGES" / "netzwerkctl.mo").write_bytes(_pseudo_mo())
    monkeypatch.setattr(i18n, "LOCALE_DIR", locale)
    monkeypatch.setattr(i18n, "translations", functools.cache(_READ_CATALOGUE))  # empty cache
    root = tmp_path / "stadt-bocholt"
    shutil.copytree(EXAMPLE_NETWORK, root, ignore=shutil.ignore_patterns(".netzwerkctl"))
    settings = root / "netzwerk.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("language: de", "language: fr")
    )
    return root


def test_a_third_language_is_one_file(french: Path) -> None:
    assert "fr" in i18n.languages()
    allowed = _allowed_words(french, "fr")
    for args in [*DOCUMENTS, ["report", "2021", "-f", "html"], ["remind", "-f", "ics", *TODAY]]:
        result = CliRunner().invoke(app, ["-C", str(french), *args], env={"COLUMNS": "200"})
        assert result.exit_code == 0, (args, result.output)
        assert "⟦" in result.stdout, args
        if args[0] == "report" and "html" in args:
            continue  # HTML and CSS words: the Markdown report has the same text
        if "ics" in args:
            continue  # iCalendar keys (BEGIN, VEVENT); its words are in the Markdown
        leaks = _leaks(result.stdout, allowed)
        assert not leaks, f"{args}: words not from the catalogue: {sorted(leaks)}"
    # Babel formats its dates (French month names) and the command line speaks it too
    agenda = CliRunner().invoke(app, ["-C", str(french), *DOCUMENTS[0]]).stdout
    assert "septembre 2022" in agenda
    usage = CliRunner().invoke(app, ["-C", str(french), "reminder"])
    assert usage.stderr.startswith("⟦"), usage.stderr


def test_a_language_without_a_catalogue_is_refused_with_the_ones_there_are(
    network: Path, tmp_path: Path
) -> None:
    root = tmp_path / "net"
    shutil.copytree(network, root)
    settings = root / "netzwerk.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("language: de", "language: fr")
    )
    result = CliRunner().invoke(app, ["-C", str(root), "check"])
    assert result.exit_code == 1
    assert "NW106" in result.stdout and "de | en" in result.stdout, result.stdout
    result = CliRunner().invoke(app, ["-C", str(network), "report", "2021", "--lang", "fr"])
    assert result.exit_code == 2 and "fr" in result.stderr and "de, en" in result.stderr


def _schema_texts(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("title", "description") and isinstance(value, str):
                yield value
            elif key == "enumDescriptions":
                yield from value
            else:
                yield from _schema_texts(value)
    elif isinstance(node, list):
        for child in node:
            yield from _schema_texts(child)


def test_every_word_of_the_editor_schemas_comes_from_the_catalogue(pseudo_german: None) -> None:
    from netzwerkctl.schema import KINDS, schema_for

    for kind in KINDS:
        texts = list(_schema_texts(schema_for(kind, "de")))
        assert len(texts) > 5, kind
        leaks = [t for t in texts if _leaks(t, set())]
        assert not leaks, f"{kind}: texts not from the catalogue: {leaks}"


WEB_PAGES = [
    "/",
    "/probleme",
    "/partner",
    "/partner/awo-bocholt",
    "/gruppen",
    "/gruppen/ag-bildung",
    "/sitzungen?jahr=2021",
    "/sitzungen/2021-03-15-ag-bildung",
    "/sitzungen/2022-09-14-ag-vereine-wirtschaft",
    "/projekte",
    "/projekte/siegel-freiwillige-willkommen",
    "/marktplatz",
    "/bericht?jahr=2021",
    "/aenderungen",
    "/suche?q=Schulte",
    "/person/maria-schulte",
    "/gibt-es-nicht",
]


def _page_text(html: str) -> str:
    """What a reader of the page sees: the text, and the words in title, placeholder
    and aria-label attributes (the value of a form field is the user's, not ours)."""
    import html as entities

    said = re.findall(r'(?:placeholder|aria-label|title)="([^"]*)"', html)
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"<svg\b.*?</svg>", " ", text, flags=re.S)  # the charts: as in the report
    text = re.sub(r"<[^>]+>", " ", text)
    return entities.unescape(text + " " + " ".join(said))


@pytest.mark.parametrize("path", WEB_PAGES)
def test_every_word_of_the_web_view_comes_from_the_catalogue(
    pseudo_german: None, network: Path, path: str
) -> None:
    pytest.importorskip("starlette", reason="the extra 'serve' is not installed")
    from datetime import date

    from starlette.testclient import TestClient

    from netzwerkctl.web.app import Settings, create_app
    from netzwerkctl.web.state import LiveNetwork

    live = LiveNetwork(network, today=lambda: date(2022, 9, 1))
    client = TestClient(create_app(live, Settings(watch=False)), base_url="http://127.0.0.1")
    response = client.get(path)
    assert response.status_code in (200, 404), path
    text = _page_text(response.text)
    assert "⟦" in text
    allowed = _allowed_words(network) | {"git", "MD", "HTML", "PDF", "DOCX", "JSON"}
    leaks = _leaks(text, allowed)
    assert not leaks, f"{path}: words not from the catalogue: {sorted(leaks)}"
