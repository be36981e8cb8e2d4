"""The iCalendar file, read back with the icalendar library."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
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
    done = found["task-2021-03-15-ag#1@testnetz.netzwerkctl"]  # re-imported, it disappears
    assert done["status"] == "CANCELLED"  # type: ignore[index]
    assert "task-porto-klaeren@testnetz.netzwerkctl" not in events(calendar(make_network()))


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
