"""`netzwerkctl remind` on the command line: formats, filters, defaults."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from icalendar import Calendar, Event
from typer.testing import CliRunner

from conftest import BASE, body
from netzwerkctl.cli import app
from remind_network import BANK, EXPECTED, REMIND

runner = CliRunner()
TODAY = ["--today", "2022-01-10"]


def remind(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["-C", str(root), "remind", *TODAY, *args])
    return result.exit_code, result.stdout, result.stderr


def test_json_lists_exactly_the_expected_reminders(make_network: Callable[..., Path]) -> None:
    code, out, _ = remind(make_network(REMIND), "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [(r["date"], r["kind"], r["subject"], r["recipients"]) for r in rows] == EXPECTED
    assert all({"kind", "date", "subject", "recipients", "message"} <= set(r) for r in rows)


def test_days_default_comes_from_the_network_rules(make_network: Callable[..., Path]) -> None:
    netz = BASE["netzwerk.yaml"].replace("remind_days: 14", "remind_days: 9")
    code, out, _ = remind(make_network({**REMIND, "netzwerk.yaml": netz}), "--format", "json")
    assert code == 0
    assert [r["date"] for r in json.loads(out)] == [
        row[0] for row in EXPECTED if row[0] <= "2022-01-19"
    ]
    _, out, _ = remind(
        make_network({**REMIND, "netzwerk.yaml": netz}), "--format", "json", "--days", "14"
    )
    assert len(json.loads(out)) == len(EXPECTED)


def test_for_one_person(make_network: Callable[..., Path]) -> None:
    code, out, _ = remind(make_network(REMIND), "--format", "json", "--for", "dora")
    assert [(r["kind"], r["subject"]) for r in json.loads(out)] == [
        ("meeting_upcoming", "2022-01-19-ag")
    ]
    code, _, err = remind(make_network(REMIND), "--for", "dorra")
    assert code == 2 and "Meinten Sie „dora“?" in err


def test_table_groups_by_person(make_network: Callable[..., Path]) -> None:
    code, out, _ = remind(make_network(REMIND))
    assert code == 0
    assert out.index("Anna Albers") < out.index("Bernd Brink") < out.index("Dora Dreyer")
    assert "Auftrag überfällig" in out and "task_overdue" not in out
    assert "13 Erinnerungen bis 24.01.2022 (Stand 10.01.2022)" in out


def test_markdown_is_a_printable_list_per_person(make_network: Callable[..., Path]) -> None:
    code, out, _ = remind(make_network(REMIND), "--format", "md")
    assert code == 0
    assert body(out).startswith(
        "# Erinnerungen – Testnetz\n\nStand: Montag, 10. Januar 2022; Vorschau: 14 Tage.\n"
    )
    assert (
        "## Bernd Brink (Volksbank Teststadt)\n\n- **überfällig** – 31.05.2021: Arbeitsauftrag „Porto klären“"
        in out
    )
    assert "## Dora Dreyer (TV Teststadt)\n\n- 19.01.2022: Sitzung „AG Bildung“" in out


def test_ics_has_an_all_day_event_per_reminder(make_network: Callable[..., Path]) -> None:
    result = runner.invoke(
        app, ["-C", str(make_network(REMIND)), "remind", *TODAY, "--format", "ics"]
    )
    events = [
        e for e in Calendar.from_ical(result.stdout_bytes).walk("VEVENT") if isinstance(e, Event)
    ]
    assert len(events) == len(EXPECTED)
    first = events[0]
    assert first.start.isoformat() == "2021-05-31"
    assert str(first["uid"]) == "porto-klaeren.2021-05-31@testnetz.netzwerkctl"  # no kind


def test_nothing_to_remind(make_network: Callable[..., Path]) -> None:
    result = runner.invoke(app, ["-C", str(make_network()), "remind", "--today", "2021-01-01"])
    assert result.exit_code == 0 and "Keine Erinnerungen." in result.stdout


def test_for_one_person_shows_and_mails_no_one_else(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_network(REMIND)
    code, out, _ = remind(root, "--for", "bernd", "--format", "md")
    assert code == 0 and "## Bernd Brink" in out and "## Anna Albers" not in out
    code, out, _ = remind(root, "--for", "bernd", "--mail", "--outbox", str(tmp_path / "out"))
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "out").glob("*.eml")) == ["2022-01-10-bernd.eml"]


def test_outbox_defaults_to_the_network_folder_not_the_working_folder(
    make_network: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_network(REMIND)
    elsewhere = tmp_path / "anderswo"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, out, _ = remind(root, "--for", "bernd", "--mail")
    assert code == 0 and str(root / "postausgang") in out
    assert [p.name for p in (root / "postausgang").glob("*.eml")] == ["2022-01-10-bernd.eml"]
    assert list(elsewhere.iterdir()) == []


def test_an_outbox_or_record_that_is_a_link_is_refused(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    root, elsewhere = make_network(REMIND), tmp_path / "anderswo"
    elsewhere.mkdir()
    (root / "postausgang").symlink_to(elsewhere, target_is_directory=True)
    code, _, err = remind(root, "--mail")
    assert code == 2 and "kein gewöhnlicher Ordner" in err
    assert list(elsewhere.iterdir()) == []
    (root / "postausgang").unlink()
    (root / "postausgang").mkdir()
    target = tmp_path / "fremd.txt"
    target.write_text("fremd\n", encoding="utf-8")
    (root / "postausgang" / "versendet.jsonl").symlink_to(target)
    code, _, err = remind(root, "--mail")
    assert code == 2 and "keine gewöhnliche Datei" in err
    assert target.read_text(encoding="utf-8") == "fremd\n"


def test_reminders_of_someone_who_left_go_to_the_coordinator(
    make_network: Callable[..., Path],
) -> None:
    gone = BANK.replace(
        "    consent: 01.02.2016\n", "    consent: 01.02.2016\n    until: 2021-12-31\n"
    )
    code, out, _ = remind(make_network({**REMIND, "partners/bank.yaml": gone}), "--format", "json")
    assert code == 0
    rows = {(r["kind"], r["subject"]): r["recipients"] for r in json.loads(out)}
    assert rows[("task_due", "2021-12-01-ag#1")] == ["anna"]  # bernd's task, to the office
    assert rows[("task_overdue", "porto-klaeren")] == ["anna"]


def test_a_meeting_of_a_group_without_members_goes_to_the_coordinator(
    make_network: Callable[..., Path],
) -> None:
    leer = {
        "groups/leer.yaml": "name: AG Leer\nkind: working\nstarted: 2021-01-01\n",
        "meetings/2022/2022-01-12-leer.yaml": "group: leer\ndate: 2022-01-12\nstatus: planned\n",
    }
    _, out, _ = remind(make_network({**REMIND, **leer}), "--format", "json")
    assert [r["recipients"] for r in json.loads(out) if r["subject"] == "2022-01-12-leer"] == [
        ["anna"]
    ]


@pytest.mark.parametrize(
    ("template", "args"),
    [("reminders", ["-f", "md"]), ("reminder-mail", ["--mail"])],
)
def test_a_broken_network_template_is_a_message_not_a_traceback(
    make_network: Callable[..., Path], tmp_path: Path, template: str, args: list[str]
) -> None:
    root = make_network({**REMIND, f"templates/de/{template}.md.j2": "{% for x in %}\n"})
    result = CliRunner().invoke(
        app,
        [
            "-C",
            str(root),
            "remind",
            "--today",
            "2022-01-10",
            "--outbox",
            str(tmp_path / "o"),
            *args,
        ],
    )
    assert result.exit_code == 1, result.stderr
    assert "Vorlage: " in result.stderr and f"{template}.md.j2:1" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").glob("*.eml"))


@pytest.mark.parametrize(
    "args",
    [["--today", "9999-12-31"], ["--today", "0001-01-01"], ["--days", "99999999"]],
)
def test_extreme_days_on_the_command_line_are_a_usage_error(
    make_network: Callable[..., Path], args: list[str]
) -> None:
    result = CliRunner().invoke(app, ["-C", str(make_network(REMIND)), "remind", *args])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_plain_lines_in_a_pipe_and_the_same_lines_coloured_on_a_terminal(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pipe, a file or a CI log gets one line per reminder (nothing drawn, no
    escape sequence); a terminal gets the same lines, the person in bold, overdue
    reminders in red, long sentences wrapped under their first word."""
    root = make_network()
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    plain = runner.invoke(app, ["-C", str(root), "remind", "--today", "2021-05-20"]).stdout
    assert "┃" not in plain and "│" not in plain and "\x1b" not in plain
    assert "Anna Albers (Freiwilligenagentur Teststadt)\n  " in plain
    assert "  31.05.2021  " in plain
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "60")
    coloured = runner.invoke(app, ["-C", str(root), "remind", "--today", "2021-05-20"]).stdout
    assert "\x1b[1mAnna Albers (Freiwilligenagentur Teststadt)" in coloured
    assert "\x1b[1;31m  " in coloured  # an overdue reminder
    bare = re.sub("\x1b\\[[0-9;]*m", "", coloured)
    assert all(len(line) <= 60 for line in bare.splitlines())
    first, second = [line for line in bare.splitlines() if line.startswith("  ")][:2]
    indent = len(first) - len(first.split("  ")[-1])
    assert second.startswith(" " * indent) and second[indent] != " "
