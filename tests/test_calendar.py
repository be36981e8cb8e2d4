"""The iCalendar file, read back with the icalendar library."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar
from typer.testing import CliRunner

from conftest import BASE
from netzwerkctl.cli import app

runner = CliRunner()
BERLIN = ZoneInfo("Europe/Berlin")
CANCELLED = {"meetings/2021/2021-12-01-ag.yaml": "group: ag\ndate: 2021-12-01\nstatus: cancelled\n"}
WINTER = {
    "meetings/2021/2021-12-08-ag.yaml": "group: ag\ndate: 2021-12-08\nstart: 14:00\nstatus: planned\n"
}


def calendar(root: Path, *args: str) -> Calendar:
    result = runner.invoke(app, ["-C", str(root), "calendar", *args])
    assert result.exit_code == 0, result.stderr
    return Calendar.from_ical(result.stdout_bytes)


def events(cal: Calendar) -> dict[str, object]:
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def vevents(cal: Calendar) -> dict[str, Any]:
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def vevents_of(found: dict[str, object]) -> list[Any]:
    return list(found.values())


def test_meetings_in_the_network_time_zone(make_network: Callable[..., Path]) -> None:
    cal = calendar(make_network({**CANCELLED, **WINTER}))
    [vtz] = cal.walk("VTIMEZONE")
    assert vtz["tzid"] == "Europe/Berlin"
    found = events(cal)
    march = found["2021-03-15-ag@testnetz.netzwerkctl"]
    start = march["dtstart"].dt  # type: ignore[index]
    assert start == datetime(2021, 3, 15, 18, 0, tzinfo=BERLIN)
    assert start.utcoffset() == timedelta(hours=1)  # CET in March before the switch
    assert march["dtend"].dt == datetime(2021, 3, 15, 20, 0, tzinfo=BERLIN)  # type: ignore[index]
    assert march["dtstamp"].dt == datetime(2021, 3, 15, tzinfo=timezone.utc)  # type: ignore[index]
    assert march["status"] == "CONFIRMED"  # type: ignore[index]
    assert "1. Begrüßung" in str(march["description"])  # type: ignore[index]
    # no end, no timed agenda: two hours
    winter = found["2021-12-08-ag@testnetz.netzwerkctl"]
    assert winter["dtend"].dt - winter["dtstart"].dt == timedelta(hours=2)  # type: ignore[index]


def test_cancelled_and_untimed_meetings(make_network: Callable[..., Path]) -> None:
    found = events(calendar(make_network(CANCELLED)))
    cancelled = found["2021-12-01-ag@testnetz.netzwerkctl"]
    assert cancelled["status"] == "CANCELLED"  # type: ignore[index]
    assert cancelled["dtstart"].dt == date(2021, 12, 1)  # type: ignore[index]  # all day


def test_open_task_deadlines_as_all_day_events(make_network: Callable[..., Path]) -> None:
    found = events(calendar(make_network(), "--tasks"))
    task = found["task-porto-klaeren@testnetz.netzwerkctl"]
    assert task["dtstart"].dt == date(2021, 5, 31)  # type: ignore[index]
    assert task["dtend"].dt == date(2021, 6, 1)  # type: ignore[index]
    assert str(task["summary"]) == "Frist: Porto klären"  # type: ignore[index]
    assert "task-2021-03-15-ag#1@testnetz.netzwerkctl" not in found  # done: not exported
    assert all(str(e.get("status")) != "CANCELLED" for e in vevents_of(found))
    assert "task-porto-klaeren@testnetz.netzwerkctl" not in vevents(calendar(make_network()))
    # the calendar of a day before the task was done (2021-04-20) still has it
    earlier = events(calendar(make_network(), "--tasks", "--today", "2021-04-10"))
    assert "task-2021-03-15-ag#1@testnetz.netzwerkctl" in earlier


def test_the_example_exports_only_open_tasks() -> None:
    example = Path(__file__).parents[1] / "examples" / "stadt-bocholt"
    with_tasks = vevents(calendar(example, "--tasks", "--today", "2022-09-01"))
    deadlines = [uid for uid in with_tasks if uid.startswith("task-")]
    assert deadlines and all(
        str(with_tasks[uid].get("status", "")) != "CANCELLED" for uid in deadlines
    )


def test_a_changed_meeting_gets_the_next_sequence_and_a_later_stamp(
    make_network: Callable[..., Path],
) -> None:
    root = make_network(WINTER)
    uid = "2021-12-08-ag@testnetz.netzwerkctl"
    first = vevents(calendar(root, "--today", "2021-11-01"))[uid]
    assert first["sequence"] == 0
    assert first["dtstamp"].dt == datetime(2021, 12, 8, tzinfo=timezone.utc)
    unchanged = vevents(calendar(root, "--today", "2021-11-05"))[uid]
    assert (unchanged["sequence"], unchanged["dtstamp"].dt) == (0, first["dtstamp"].dt)
    meeting = root / "meetings/2021/2021-12-08-ag.yaml"
    meeting.write_text(
        meeting.read_text(encoding="utf-8").replace("14:00", "16:00"), encoding="utf-8"
    )
    moved = vevents(calendar(root, "--today", "2021-11-10"))[uid]
    assert moved["sequence"] == 1
    assert moved["dtstamp"].dt > first["dtstamp"].dt
    meeting.write_text(
        meeting.read_text(encoding="utf-8") + "location: Rathaus\n", encoding="utf-8"
    )
    placed = vevents(calendar(root, "--today", "2021-11-10"))[uid]  # same day, later change
    assert placed["sequence"] == 2
    assert placed["dtstamp"].dt > moved["dtstamp"].dt
    # the others did not change
    assert (
        vevents(calendar(root, "--today", "2021-11-10"))["2021-03-15-ag@testnetz.netzwerkctl"][
            "sequence"
        ]
        == 0
    )


def test_versions_of_other_groups_are_kept_by_a_filtered_export(
    make_network: Callable[..., Path],
) -> None:
    root = make_network(WINTER)
    uid = "2021-12-08-ag@testnetz.netzwerkctl"
    calendar(root, "--today", "2021-11-01")
    meeting = root / "meetings/2021/2021-12-08-ag.yaml"
    meeting.write_text(
        meeting.read_text(encoding="utf-8").replace("14:00", "16:00"), encoding="utf-8"
    )
    assert vevents(calendar(root, "--today", "2021-11-10"))[uid]["sequence"] == 1
    calendar(root, "--group", "ag", "--today", "2021-11-11")
    assert vevents(calendar(root, "--today", "2021-11-12"))[uid]["sequence"] == 1


def test_group_filter_and_unknown_group(make_network: Callable[..., Path]) -> None:
    group = BASE["groups/ag.yaml"].replace("name: AG Bildung", "name: AG Zwei")
    root = make_network(
        {
            "groups/zwei.yaml": group,
            "meetings/2021/2021-12-01-zwei.yaml": "group: zwei\ndate: 2021-12-01\nstatus: cancelled\n",
        }
    )
    assert list(events(calendar(root, "--group", "zwei"))) == [
        "2021-12-01-zwei@testnetz.netzwerkctl"
    ]
    result = runner.invoke(app, ["-C", str(root), "calendar", "--group", "zwie"])
    assert result.exit_code == 2 and "Meinten Sie „zwei“?" in result.stderr


def test_same_data_same_bytes_and_file_output(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_network(CANCELLED)
    target = tmp_path / "sitzungen.ics"
    assert runner.invoke(app, ["-C", str(root), "calendar", "-o", str(target)]).exit_code == 0
    again = runner.invoke(app, ["-C", str(root), "calendar"]).stdout_bytes
    assert target.read_bytes() == again
    assert b"\r\n" in again  # iCalendar lines end with CRLF


def test_example_calendar_parses() -> None:
    example = Path(__file__).parents[1] / "examples" / "stadt-bocholt"
    cal = calendar(example, "--tasks")
    assert len(list(cal.walk("VEVENT"))) > 25


def test_a_group_named_by_its_name_suggests_its_id(make_network: Callable[..., Path]) -> None:
    result = runner.invoke(app, ["-C", str(make_network()), "calendar", "--group", "AG Bildung"])
    assert result.exit_code == 2 and "Meinten Sie „ag“?" in result.stderr


def test_an_incomplete_note_with_commas_and_line_breaks_reads_back() -> None:
    from netzwerkctl.load import load_network
    from netzwerkctl.present.calendar import build_calendar

    example = Path(__file__).parents[1] / "examples" / "stadt-bocholt"
    network = load_network(example).network
    note = "Fehler in: a.yaml, b;c.yaml\nzweite Zeile \\ Ende"
    data, _ = build_calendar(network, "de", notice=note)
    cal = Calendar.from_ical(data)
    # icalendar keeps an X- property as written; RFC 5545 3.8.8.2 makes it TEXT
    assert str(cal["x-wr-caldesc"]) == r"Fehler in: a.yaml\, b\;c.yaml\nzweite Zeile \\ Ende"
    assert str(cal["x-wr-calname"]).endswith("(unvollständig)")
    assert b"This timezone only works" not in data  # no English in a German calendar
