"""The command line speaks the user's language: the network's, else the locale's,
else German — also in Click's and Typer's own words and in usage errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import BASE
from netzwerkctl.cli import app
from netzwerkctl.cli.language import cli_language

ENGLISH = {**BASE, "netzwerk.yaml": BASE["netzwerk.yaml"].replace("language: de", "language: en")}


@pytest.fixture(autouse=True)
def _outside_any_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)


def test_the_networks_language_comes_first(make_network: Callable[..., Path]) -> None:
    english = make_network(ENGLISH)
    german = make_network()
    locale = {"LANG": "de_DE.UTF-8"}
    assert cli_language(["-C", str(english), "check"], locale, Path("/")) == "en"
    assert cli_language([f"--network={english}", "check"], locale, Path("/")) == "en"
    assert cli_language(["check"], locale, english / "partners") == "en"  # found upwards
    assert cli_language(["-C", str(german)], {"LANG": "en_GB.UTF-8"}, Path("/")) == "de"


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "de"),
        ({"LANG": "C.UTF-8"}, "de"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),
        ({"LANGUAGE": "fr:en", "LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "de"),
    ],
)
def test_without_a_network_the_locale_decides_else_german(
    environ: dict[str, str], lang: str, tmp_path: Path
) -> None:
    assert cli_language(["check"], environ, tmp_path) == lang


def _run(args: list[str], lang: str = "") -> tuple[int, str]:
    env = {"LANG": lang} if lang else {}
    result = CliRunner().invoke(app, args, env=env)
    return result.exit_code, result.output


# Click's and Typer's words and ours for them; checked only where the installed release
# still words them this way (a new release may reword: then its English shows).
WORDS = [
    ("Usage:", "Aufruf:"),
    ("Options:", "Optionen:"),
    ("Commands:", "Befehle:"),
    ("Show this message and exit.", "Diese Hilfe zeigen und beenden."),
    ("[default: ", "[Standard: "),
    ("required]", "Pflicht]"),
]


@pytest.mark.parametrize("args", [["--help"], ["report", "--help"], ["init", "--help"]])
def test_help_is_german_for_a_german_user(args: list[str]) -> None:
    code, english = _run(args, "en_US.UTF-8")
    assert code == 0
    code, german = _run(args)
    assert code == 0
    checked = 0
    for word, ours in WORDS:
        if word in english:
            assert ours in german and word not in german, word
            checked += 1
    if checked == 0:
        pytest.skip("this Typer words its help differently; its English shows")


@pytest.mark.parametrize(
    ("args", "german", "english"),
    [
        (
            ["reminder"],
            "Fehler: Den Befehl „reminder“ gibt es nicht. Meinten Sie „remind“?",
            "Error: No such command 'reminder'. Did you mean 'remind'?",
        ),
        (
            ["new", "meting"],
            "Den Befehl „meting“ gibt es nicht. Meinten Sie „meeting“?",
            "No such command 'meting'. Did you mean 'meeting'?",
        ),
        # an argument is named by its placeholder in the usage line, never by its
        # name in the code ('year', 'day')
        (["report"], "Fehler: Es fehlt das Argument <Jahr>.", "Error: Missing argument <YEAR>."),
        (
            ["report", "abc"],
            "Ungültiger Wert für <Jahr>: erwartet wird eine ganze Zahl von 1900 bis 2999.",
            "Invalid value for <YEAR>: a whole number from 1900 to 2999.",
        ),
        (
            ["new", "meeting", "ag", "2022-02-30"],
            "<Datum>: „2022-02-30“ ist kein Datum.",
            "<DATE>: '2022-02-30' is not a date.",
        ),
        (
            ["check", "--format", "xx"],
            "Ungültiger Wert für '--format' / '-f'; erlaubt: text, json, github, gitlab.",
            "Invalid value for '--format' / '-f'; allowed: text, json, github, gitlab.",
        ),
        (
            ["calendar", "-o", "."],
            "Ungültiger Wert für '--output' / '-o': „.“ ist ein Ordner; erwartet wird eine Datei.",
            "Invalid value for '--output' / '-o': '.' is a folder; a file is expected.",
        ),
        (
            ["check", "--today", "9999-12-31"],
            "--today: „9999-12-31“ liegt außerhalb der Jahre 1900 bis 2999.",
            "--today: '9999-12-31' is outside the years 1900 to 2999.",
        ),
        (["check", "--bogus"], "Unbekannte Option: --bogus.", "No such option: --bogus."),
        (
            ["remind", "--formt", "json"],
            "Unbekannte Option: --formt. Meinten Sie „--format“?",
            "No such option: --formt. Did you mean '--format'?",
        ),
        (["check", "extra"], "Ein Argument zu viel: extra.", "One argument too many: extra."),
        (
            ["check", "a", "b"],
            "Argumente zu viel: a b.",
            "Arguments too many: a b.",
        ),
        (
            ["check", "--today"],
            "Die Option „--today“ braucht einen Wert.",
            "'--today' needs a value",
        ),
    ],
)
def test_usage_errors_speak_the_language_of_the_network(
    make_network: Callable[..., Path], args: list[str], german: str, english: str
) -> None:
    code, out = _run(["-C", str(make_network()), *args])
    assert code == 2 and german in out, out
    assert "Traceback" not in out
    code, out = _run(["-C", str(make_network(ENGLISH)), *args])
    assert code == 2 and english in out, out
    if "Usage" in out:
        assert "Try '" in out and "for help." in out


def test_messages_of_an_english_network_are_english(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_network(ENGLISH)
    args = ["-C", str(root), "remind", "--mail", "--outbox", str(tmp_path / "out")]
    code, out = _run([*args, "--today", "2021-05-20"])
    assert code == 0 and "1 e-mail written to" in out and "geschrieben" not in out, out
    assert "please call" in out and "bitte anrufen" not in out
    code, out = _run(["-C", str(root), "report", "2021", "-o", str(tmp_path / "r.md")])
    assert code == 0 and "written: " in out and "geschrieben" not in out, out
    code, out = _run(["-C", str(root), "remind", "--today", "2021-13-01"])
    assert code == 2 and "is not a date" in out, out


@pytest.mark.parametrize("args", [[], ["new"]])
def test_no_arguments_show_the_help_not_an_error(args: list[str]) -> None:
    code, out = _run(args)
    assert code == 2  # as Click has it: no command is a usage error that shows the help
    assert "Fehler" not in out and "Error" not in out, out
    assert "meeting" in out or "check" in out


def test_path_checks_of_click_and_typer_in_german_and_other_wording_kept() -> None:
    from netzwerkctl.cli.language import _path_problem
    from netzwerkctl.i18n import Text

    de = Text("de")
    assert _path_problem("Path 'C:\\\\Daten' does not exist.", de) == "„C:\\Daten“ gibt es nicht."
    assert (
        _path_problem('dir "a\'b" is a file.', de)
        == "„a'b“ ist eine Datei; erwartet wird ein Ordner."
    )
    assert _path_problem("File 'x' is not writable.", de) == (
        "„x“ lässt sich nicht schreiben (keine Berechtigung)."
    )
    # a release that words it otherwise keeps its own English, never an error
    assert _path_problem("The file x cannot be used.", de) is None


def test_init_makes_the_network_in_the_language_it_speaks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No network yet: the command line speaks the locale's language, and the new
    network is in that language too (never English words about a German network)."""
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    result = CliRunner().invoke(app, ["init", str(tmp_path / "en"), "--today", "2026-01-15"])
    assert result.exit_code == 0 and "Network created" in result.stdout, result.output
    assert "Its language: en" in result.stdout  # taken from the system: said
    assert "language: en" in (tmp_path / "en" / "netzwerk.yaml").read_text(encoding="utf-8")
    monkeypatch.delenv("LANG")
    result = CliRunner().invoke(app, ["init", str(tmp_path / "de"), "--today", "2026-01-15"])
    assert result.exit_code == 0 and "Netzwerk angelegt" in result.stdout, result.output
    assert "language: de" in (tmp_path / "de" / "netzwerk.yaml").read_text(encoding="utf-8")
