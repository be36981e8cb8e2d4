"""Meetings (and task deadlines) as an iCalendar file for any calendar program.

Times carry the network's time zone with its VTIMEZONE; UIDs derive from the ids, so a
re-import updates events instead of duplicating them; DTSTAMP comes from the data, not
the clock, so the same files give the same bytes.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from netzwerkctl.codes import Lang
from netzwerkctl.derive.meetings import person_label, schedule
from netzwerkctl.derive.tasks import all_tasks
from netzwerkctl.model import slugify
from netzwerkctl.network import Network

_WORDS: dict[Lang, dict[str, str]] = {
    "de": {"meeting": "Sitzung", "due": "Frist", "owner": "Wer", "raised": "Aus der Sitzung"},
    "en": {"meeting": "Meeting", "due": "Due", "owner": "Who", "raised": "Raised at meeting"},
}
DEFAULT_MINUTES = 120  # a meeting with a start but neither end nor timed agenda


def utc_midnight(day: date) -> datetime:
    """A DTSTAMP taken from the data (the day an entry is about), not from the clock."""
    return datetime.combine(day, time(0, 0), tzinfo=timezone.utc)


def build_calendar(
    network: Network, lang: Lang, group: str | None = None, with_tasks: bool = False
) -> bytes:
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event

    info = network.info
    name = info.name if info else "netzwerk"
    tz = ZoneInfo(info.timezone if info else "Europe/Berlin")
    domain = f"{slugify(name)}.netzwerkctl"
    words = _WORDS[lang]

    cal = Calendar()
    cal.add("prodid", "-//netzwerkctl//netzwerkctl//DE")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", str(tz))

    for mid, meeting in network.meetings.items():
        if group is not None and meeting.group != group:
            continue
        g = network.groups.get(meeting.group)
        group_name = g.name if g else meeting.group
        event = Event()
        event.add("uid", f"{mid}@{domain}")
        event.add("dtstamp", utc_midnight(meeting.date))
        event.add("summary", meeting.title or f"{words['meeting']} {group_name}")
        plan = schedule(meeting)
        if meeting.start is not None:
            start = datetime.combine(meeting.date, meeting.start, tzinfo=tz)
            if meeting.end is not None and meeting.end > meeting.start:
                end = datetime.combine(meeting.date, meeting.end, tzinfo=tz)
            else:
                end = start + timedelta(minutes=plan.minutes or DEFAULT_MINUTES)
            event.add("dtstart", start)
            event.add("dtend", end)
        else:
            event.add("dtstart", meeting.date)
            event.add("dtend", meeting.date + timedelta(days=1))
        if meeting.location:
            event.add("location", meeting.location)
        lines = []
        for slot in plan.slots:
            clock = slot.start.strftime("%H:%M") + " " if slot.start else ""
            by = f" ({person_label(network, slot.item.by)[0]})" if slot.item.by else ""
            lines.append(f"{clock}{slot.number}. {slot.item.title}{by}")
        if lines:
            event.add("description", "\n".join(lines))
        event.add("status", "CANCELLED" if meeting.status == "cancelled" else "CONFIRMED")
        cal.add_component(event)

    if with_tasks:
        for task in all_tasks(network):
            due = task.task.due
            if due is None:
                continue
            if group is not None and task.group != group:
                continue
            owners = ", ".join(person_label(network, p)[0] for p in task.task.owner)
            event = Event()
            event.add("uid", f"task-{task.id}@{domain}")
            event.add("dtstamp", utc_midnight(task.raised))
            event.add("summary", f"{words['due']}: {task.task.title}")
            event.add("dtstart", due)
            event.add("dtend", due + timedelta(days=1))
            event.add(
                "description",
                f"{words['owner']}: {owners}\n{words['raised']}: {task.meeting}",
            )
            event.add("transp", "TRANSPARENT")
            if task.task.done is not None:  # re-imported, it removes the old deadline
                event.add("status", "CANCELLED")
            cal.add_component(event)

    # Transitions only for the years the data covers: compact, and not cut off in 2038.
    years = [m.date.year for m in network.meetings.values()] or [2000]
    cal.add_missing_timezones(
        first_date=date(min(years), 1, 1), last_date=date(max(years) + 1, 12, 31)
    )
    data: bytes = cal.to_ical()
    return data
