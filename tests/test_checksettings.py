"""Checks a network can tune (`checks:` in netzwerk.yaml, `check --select/--ignore`):
warnings switched off or raised to errors, never an error switched off."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from conftest import BASE
from netzwerkctl.check import CheckResult, check_network
from netzwerkctl.cli import app

runner = CliRunner()
NO_CONSENT = BASE["partners/bank.yaml"].replace("    consent: 01.02.2016\n", "")  # NW502
PAST_PLANNED = {
    "meetings/2021/2021-12-01-ag.yaml": "group: ag\ndate: 2021-12-01\nstatus: planned\n"
}


def _with_checks(section: str) -> dict[str, str]:
    return {"netzwerk.yaml": BASE["netzwerk.yaml"] + "checks:\n" + section}


def check(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["-C", str(root), "check", "--today", "2022-01-01", *args])
    return result.exit_code, result.stdout, result.stderr


def test_a_warning_switched_off_or_raised_in_netzwerk_yaml(
    run_check: Callable[..., CheckResult],
) -> None:
    warned = {"partners/bank.yaml": NO_CONSENT, **PAST_PLANNED}
    assert sorted(p.code for p in run_check(warned).problems) == ["NW406", "NW502"]
    tuned = run_check({**warned, **_with_checks("  NW502: aus\n  NW406: fehler\n")})
    [raised] = tuned.problems
    assert (raised.code, raised.severity) == ("NW406", "error") and tuned.errors == 1
    english = run_check({**warned, **_with_checks("  NW502: off\n  NW406: warning\n")})
    assert [(p.code, p.severity) for p in english.problems] == [("NW406", "warning")]
    # German nouns have a capital: „Fehler“, „Aus“ are understood as well
    capital = run_check({**warned, **_with_checks("  NW502: Aus\n  NW406: Fehler\n")})
    assert [(p.code, p.severity) for p in capital.problems] == [("NW406", "error")]


def test_errors_cannot_be_switched_off_and_unknown_codes_are_named(
    run_check: Callable[..., CheckResult],
) -> None:
    bad_date = {
        "meetings/2021/2021-03-15-ag.yaml": BASE["meetings/2021/2021-03-15-ag.yaml"].replace(
            "date: 2021-03-15", "date: 2021-02-30"
        )
    }
    result = run_check({**bad_date, **_with_checks("  NW104: aus\n  NW52: aus\n  NW502: leise\n")})
    found = {(p.code, p.line) for p in result.problems}
    assert ("NW104", 2) in found  # still reported
    assert ("NW121", 10) in found and ("NW120", 11) in found and ("NW106", 12) in found
    [unknown] = [p for p in result.problems if p.code == "NW120"]
    assert "Meinten Sie" in unknown.message("de")


def test_the_summary_exit_code_and_every_format_agree(make_network: Callable[..., Path]) -> None:
    root = make_network({**PAST_PLANNED, **_with_checks("  NW406: fehler\n")})
    code, out, _ = check(root)
    assert code == 1 and "error NW406" in out and "1 Fehler, 0 Warnungen" in out
    code, out, _ = check(root, "--format", "json")
    assert code == 1 and '"severity": "error"' in out
    code, out, _ = check(root, "--format", "github")
    assert code == 1 and out.startswith("::error ")


def test_the_cache_does_not_answer_after_the_settings_changed(
    make_network: Callable[..., Path],
) -> None:
    root = make_network({"partners/bank.yaml": NO_CONSENT})
    assert [p.code for p in check_network(root, date(2022, 1, 1), use_cache=True).problems] == [
        "NW502"
    ]
    (root / "netzwerk.yaml").write_text(BASE["netzwerk.yaml"] + "checks:\n  NW502: aus\n", "utf-8")
    assert check_network(root, date(2022, 1, 1), use_cache=True).problems == []


def test_select_and_ignore_choose_among_warnings_only(make_network: Callable[..., Path]) -> None:
    broken = {
        "partners/bank.yaml": NO_CONSENT,
        **PAST_PLANNED,
        "partners/kaputt.yaml": "name: [\n",
    }
    root = make_network(broken)
    code, out, _ = check(root, "--ignore", "NW502")
    assert code == 1 and "NW502" not in out and "NW406" in out and "NW004" in out
    code, out, _ = check(root, "--select", "NW5")
    assert "NW502" in out and "NW406" not in out and "NW004" in out  # errors always shown
    code, out, _ = check(root, "--select", "NW406,NW502")
    assert "NW502" in out and "NW406" in out


def test_unknown_or_error_codes_on_the_command_line_exit_2(
    make_network: Callable[..., Path],
) -> None:
    root = make_network()
    code, _, err = check(root, "--ignore", "NW520")
    assert code == 2 and "„NW520“ gibt es nicht" in err and "Meinten Sie" in err
    code, _, err = check(root, "--ignore", "NW104")
    assert code == 2 and "NW104 ist ein Fehler" in err
    code, _, err = check(root, "--select", "XY")
    assert code == 2 and "„XY“ gibt es nicht" in err


def test_a_raised_warning_stops_documents_like_an_error(make_network: Callable[..., Path]) -> None:
    root = make_network({**PAST_PLANNED, **_with_checks("  NW406: fehler\n")})
    result = runner.invoke(app, ["-C", str(root), "partners", "--today", "2022-01-01"])
    assert result.exit_code == 1 and "error NW406" in result.stderr
