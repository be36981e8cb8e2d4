"""`netzwerkctl check` through Typer's CliRunner: formats, exit codes, discovery."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import BASE
from netzwerkctl.cli import app

runner = CliRunner()
TODAY = ["--today", "2022-01-01"]
TYPO = {"partners/fa.yaml": BASE["partners/fa.yaml"].replace("    email:", "    emial:")}
PLANNED = {"meetings/2021/2021-12-01-ag.yaml": "group: ag\ndate: 2021-12-01\nstatus: planned\n"}


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["-C", str(root), "check", *TODAY, *args])
    return result.exit_code, result.stdout, result.stderr


def test_clean_network_exits_0_with_summary(make_network: Callable[..., Path]) -> None:
    code, out, _ = run(make_network())
    assert code == 0
    assert out == "0 Fehler, 0 Warnungen in 10 Dateien\n"


def test_errors_exit_1_with_compiler_style_lines_and_the_source_line(
    make_network: Callable[..., Path],
) -> None:
    code, out, _ = run(make_network(TYPO))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        "partners/fa.yaml:8:5: error NW101 Unbekannter Schlüssel „emial“ in contacts. "
        "Meinten Sie „email“?"
    )
    assert lines[1] == "     8 |     emial: anna@example.org"
    assert lines[-1] == "1 Fehler, 0 Warnungen in 10 Dateien"


def test_colours_only_where_asked_for_and_the_same_text(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_network(TYPO)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    _, plain, _ = run(root)
    assert "\x1b[" not in plain
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, coloured, _ = run(root)
    assert "\x1b[1;31mpartners/fa.yaml:8:5: error NW101" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_control_characters_in_values_never_reach_the_terminal(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_network(
        {
            "partners/kirche.yaml": BASE["partners/kirche.yaml"].replace(
                "status: prospect", 'status: "pro\\tsp\\r\\e[31mect"'
            )
        }
    )
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    _, plain, _ = run(root)
    assert re.search("„pro +sp\\?\\?\\[31mect“", plain)
    assert not re.search("[\t\r\x1b]", plain)
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, coloured, _ = run(root)
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_a_line_break_or_escape_cannot_forge_a_problem_line(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    forged = "netzwerk.yaml:1:1: error NW999 gefälscht"
    root = make_network(
        {"partners/kirche.yaml": BASE["partners/kirche.yaml"] + f'"x\\n{forged}": 1\n'}
    )
    (root / "partners" / "b\x1b[31m\nnetzwerk.yaml:2:2: error NW998.yaml").write_text(
        BASE["partners/kirche.yaml"], encoding="utf-8"
    )
    for colour in ("", "1"):
        monkeypatch.setenv("FORCE_COLOR", colour)
        _, out, _ = run(root)
        text = re.sub(r"\x1b\[[0-9;]*m", "", out) if colour else out
        assert not any(line.startswith("netzwerk.yaml") for line in text.splitlines())
        assert "NW101 Unbekannter Schlüssel „x?netzwerk.yaml:1:1: error NW999 gefälscht“" in text
        assert "partners/b?[31m?netzwerk.yaml:2:2: error NW998.yaml:1:1: error NW012" in text
        assert "\x1b[31m\n" not in out


def test_warnings_pass_unless_strict(make_network: Callable[..., Path]) -> None:
    root = make_network(PLANNED)
    assert run(root)[0] == 0
    assert run(root, "--strict")[0] == 1


def test_json_is_pure_json_on_stdout(make_network: Callable[..., Path]) -> None:
    code, out, err = run(make_network({**TYPO, **PLANNED}), "--format", "json")
    assert code == 1
    rows = json.loads(out)
    assert [(r["code"], r["severity"], r["file"], r["line"], r["column"]) for r in rows] == [
        ("NW406", "warning", "meetings/2021/2021-12-01-ag.yaml", 3, 1),
        ("NW101", "error", "partners/fa.yaml", 8, 5),
    ]
    assert set(rows[0]) == {"file", "line", "column", "severity", "code", "message"}
    assert "1 Fehler, 1 Warnung" in err


def test_github_format(make_network: Callable[..., Path]) -> None:
    code, out, _ = run(make_network(TYPO), "--format", "github")
    assert code == 1
    assert out.startswith("::error file=partners/fa.yaml,line=8,col=5,title=NW101::Unbekannter")
    assert "\x1b[" not in out  # no colour codes, no Rich markup


def test_english_network_gets_english_messages(make_network: Callable[..., Path]) -> None:
    netz = BASE["netzwerk.yaml"].replace("language: de", "language: en")
    code, out, _ = run(make_network({**TYPO, "netzwerk.yaml": netz}))
    assert code == 1
    assert "error NW101 Unknown key 'emial' in contacts. Did you mean 'email'?" in out
    assert out.splitlines()[-1] == "1 error, 0 warnings in 10 files"


def test_no_network_exits_2_with_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 2
    assert "Kein Netzwerk gefunden" in result.stderr and "-C" in result.stderr
    result = runner.invoke(app, ["-C", str(tmp_path), "check"])
    assert result.exit_code == 2
    assert "keine netzwerk.yaml" in result.stderr


def test_network_is_found_from_a_subfolder(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_network(TYPO)
    monkeypatch.chdir(root / "meetings" / "2021")
    result = runner.invoke(app, ["check", *TODAY])
    assert result.exit_code == 1
    assert result.stdout.startswith("partners/fa.yaml:8:5:")  # paths stay relative to the root


@pytest.mark.parametrize("args", [["--today", "morgen"], ["--format", "xml"], ["--nope"]])
def test_usage_errors_exit_2(make_network: Callable[..., Path], args: list[str]) -> None:
    result = runner.invoke(app, ["-C", str(make_network()), "check", *args])
    assert result.exit_code == 2


def test_german_today(make_network: Callable[..., Path]) -> None:
    root = make_network(PLANNED)
    early = runner.invoke(app, ["-C", str(root), "check", "--strict", "--today", "30.11.2021"])
    late = runner.invoke(app, ["-C", str(root), "check", "--strict", "--today", "02.12.2021"])
    assert (early.exit_code, late.exit_code) == (0, 1)


def test_github_paths_are_relative_to_the_repository(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_network(TYPO)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(root.parent))
    result = runner.invoke(app, ["-C", str(root), "check", *TODAY, "--format", "github"])
    assert result.stdout.startswith(f"::error file={root.name}/partners/fa.yaml,line=8,")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(root))
    result = runner.invoke(app, ["-C", str(root), "check", *TODAY, "--format", "github"])
    assert result.stdout.startswith("::error file=partners/fa.yaml,")


def test_a_misnamed_marker_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "netzwerk.yml").write_text("name: X\n", encoding="utf-8")
    result = runner.invoke(app, ["-C", str(tmp_path), "check"])
    assert (
        result.exit_code == 2 and "netzwerk.yml" in result.stderr and "umbenennen" in result.stderr
    )


def test_gitlab_fingerprints_do_not_change_with_the_day_of_the_check(
    make_network: Callable[..., Path],
) -> None:
    held = "group: ag\ndate: 2030-12-01\nstatus: held\npresent: [anna]\n"
    root = make_network({"meetings/2030/2030-12-01-ag.yaml": held})

    def on(day: str) -> list[tuple[str, str]]:
        result = runner.invoke(app, ["-C", str(root), "check", "--today", day, "-f", "gitlab"])
        return [(r["check_name"], r["fingerprint"]) for r in json.loads(result.stdout)]

    first = on("2022-01-10")
    assert "NW410" in dict(first)  # held in the future: the message names the day
    assert on("2022-01-11") == first


def test_gitlab_code_quality_with_fingerprints_that_survive_moved_lines(
    make_network: Callable[..., Path],
) -> None:
    code, out, _ = run(make_network({**TYPO, **PLANNED}), "--format", "gitlab")
    assert code == 1
    rows = json.loads(out)
    assert [(r["check_name"], r["severity"], r["location"]) for r in rows] == [
        ("NW406", "minor", {"path": "meetings/2021/2021-12-01-ag.yaml", "lines": {"begin": 3}}),
        ("NW101", "major", {"path": "partners/fa.yaml", "lines": {"begin": 8}}),
    ]
    assert rows[1]["description"].startswith("NW101 Unbekannter Schlüssel „emial“")
    moved = {"partners/fa.yaml": "# ein Kommentar oben\n\n" + TYPO["partners/fa.yaml"]}
    again = json.loads(run(make_network({**moved, **PLANNED}), "--format", "gitlab")[1])
    assert again[1]["location"]["lines"]["begin"] == 10
    assert [r["fingerprint"] for r in again] == [r["fingerprint"] for r in rows]
    assert len({r["fingerprint"] for r in rows}) == len(rows)


@pytest.mark.parametrize("fmt", ["github", "json", "gitlab", "text"])
def test_no_terminal_sequence_or_reversed_text_from_a_file_name_reaches_the_log(
    make_network: Callable[..., Path], fmt: str
) -> None:

    name = "partners/x\x1b]0;gehackt\x07\x9b31m\u202eyaml.yaml"
    root = make_network({name: BASE["partners/bank.yaml"].replace("kind: bank", "kind: bnak")})
    result = CliRunner().invoke(app, ["-C", str(root), "check", "--format", fmt])
    assert result.exit_code == 1
    for bad in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert bad not in result.stdout and bad not in result.stderr
    if fmt == "text":
        assert "NW020" in result.stdout
