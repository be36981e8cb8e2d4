"""Every command's --help in the user's language: its text from the catalogue, an
example, placeholders one way (<Datum>/<DATE>), whole first sentences in the list."""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from netzwerkctl.cli import app
from netzwerkctl.cli.language import first_sentence

runner = CliRunner()


def _paths(command: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        found += _paths(sub, (*path, name))
    return found


COMMANDS = _paths(typer.main.get_command(app))
GERMAN_WORDS = re.compile(r"[äöüÄÖÜß]|\b(der|die|und|oder|nicht|Beispiel|Standard|Optionen)\b")


@pytest.fixture(autouse=True)
def _outside_any_network(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)


def _help(path: tuple[str, ...], locale: str | None = None) -> str:
    result = runner.invoke(app, [*path, "--help"], env={"LANG": locale} if locale else None)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "netzwerkctl")
def test_every_command_has_help_with_an_example_in_both_languages(path: tuple[str, ...]) -> None:
    german = _help(path)
    english = _help(path, "en_US.UTF-8")
    assert "Beispiel" in german and "Aufruf:" in german
    assert "Example" in english and "Usage:" in english
    assert not GERMAN_WORDS.findall(english), GERMAN_WORDS.findall(english)
    # placeholders one way: <Wort>, never Typer's own <str>, {ID} or an upper-case DIR
    for text, words in ((german, r"[A-ZÄÖÜ][a-zäöüß|]+"), (english, r"[A-Z|]+")):
        shown = re.findall(r"(?<![\w-])<([^<>\s]+)>", text)
        values = [w for w in shown if "|" not in w or re.fullmatch(words, w)]
        assert all(re.fullmatch(words, w) for w in values), (path, values)
        assert not re.search(r"\{\w+\}|<(str|int|path|file|dir)\b", text), text
    # every value says what it stands for, none falls back to the bare <Wert>/<VALUE>
    assert "<Wert>" not in german and "<VALUE>" not in english, german


def test_first_sentence_does_not_end_at_an_abbreviation() -> None:
    assert first_sentence("Auskunft nach Art. 15 DSGVO: alles. Danach mehr.") == (
        "Auskunft nach Art. 15 DSGVO: alles."
    )
    assert first_sentence("Zeigt z. B. Partner. Mehr.") == "Zeigt z. B. Partner."
    assert first_sentence("Shows e.g. Partners. More.") == "Shows e.g. Partners."
    assert first_sentence("Ein Satz\nüber zwei Zeilen.\n\nBeispiel: x") == (
        "Ein Satz über zwei Zeilen."
    )


@pytest.mark.parametrize(
    ("locale", "person"),
    [
        (None, "person Auskunft nach Art. 15 DSGVO: ein Brief an die Person mit allem"),
        ("en_US.UTF-8", "person Access under Art. 15 GDPR: a letter to the person with"),
    ],
)
def test_every_command_lists_its_whole_first_sentence(locale: str | None, person: str) -> None:
    listing = " ".join(_help((), locale).split())
    for path in COMMANDS:
        if len(path) != 1:
            continue
        help_text = _help(path, locale)
        paragraph = " ".join(help_text.split("\n\n")[1].split())
        short = first_sentence(paragraph)
        assert short.endswith("."), (path, short)
        # Click wraps also after a hyphen ("CI-|Datei"): compare without any spaces
        assert "".join(f"{path[0]} {short}".split()) in "".join(listing.split()), path
    assert person in listing


def test_examples_are_shown_as_written_never_rewrapped() -> None:
    """An example is copied into a terminal: Click's rewrapping would break a long one
    inside an id (`tierheim-` / `bocholt`) or move its comment to the next line."""
    certificate = _help(("certificate",))
    assert (
        "    netzwerkctl certificate siegel-freiwillige-willkommen --to tierheim-bocholt "
        "-o urkunde.pdf\n" in certificate
    ), certificate
    changes = _help(("changes",), "en_US.UTF-8")
    assert "changes --since 2022-06-22      # since the last steering group\n" in changes
    assert "\b" not in certificate + changes  # Click's mark is not shown
