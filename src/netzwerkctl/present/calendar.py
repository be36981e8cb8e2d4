"""Meetings (and task deadlines) as an iCalendar file for any calendar program.

Times carry the network's time zone with its VTIMEZONE; UIDs derive from the ids, so a
re-import updates events instead of duplicating them; SEQUENCE and DTSTAMP come from
the versions remembered in calversions.py, not the clock, so the same files give the
same bytes and a changed event looks newer to the calendar program.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta, timezone
from typing import Any

from netzwerkctl.calversions import Version, next_version, utc_midnight
from netzwerkctl.codes import Lang
from netzwerkctl.derive.meetings import person_label, schedule
from netzwerkctl.derive.tasks import all_tasks
from netzwerkctl.i18n import Text
from netzwerkctl.model import slugify
from netzwerkctl.network import Network

DEFAULT_MINUTES = 120  # a meeting with a start but neither end nor timed agenda


__all__ = ["build_calendar", "utc_midnight"]


def ics_bytes(component: Any) -> bytes:
    """`component.to_ical()`, folded here: icalendar folds every line character by
    character, which made a calendar of 48,000 meetings spend more time folding than
    loading the network. Lines of up to 74 bytes (nearly all) stay as they are; longer
    ones are folded as RFC 5545 asks and as icalendar does (chunks under 75 bytes,
    never after a backslash or caret that begins an escape), so the bytes are the
    same."""
    return "".join(_fold(line) + "\r\n" for line in component.content_lines() if line).encode()


def _fold(line: str) -> str:
    data = line.encode()
    if len(data) <= 74:
        return line
    chunks: list[bytes] = []
    at = 0
    while len(data) - at > 74:
        end = at + 74
        while data[end] & 0xC0 == 0x80:  # never inside a character's UTF-8 bytes
            end -= 1
        if data[end - 1 : end] in (b"\\", b"^") and end - 1 > at:
            end -= 1  # the escape goes with what it escapes
        chunks.append(data[at:end])
        at = end
    chunks.append(data[at:])
    return "\r\n ".join(chunk.decode() for chunk in chunks)


def fingerprint(event: Any) -> str:
    """What a person sees of an event, without its own stamp and sequence."""
    return _fingerprint_of(ics_bytes(event))


def _fingerprint_of(written: bytes) -> str:
    lines = [
        line for line in written.splitlines() if not line.startswith((b"DTSTAMP", b"SEQUENCE"))
    ]
    return hashlib.sha256(b"\n".join(lines)).hexdigest()[:20]


# Stand-ins while an event is written the first time (`build_calendar`).
_PLACEHOLDER_STAMP = datetime(1900, 1, 1, tzinfo=timezone.utc)
_PLACEHOLDER_SEQUENCE = 999999


def _domain(network: Network) -> str:
    return f"{slugify(network.info.name if network.info else 'netzwerk')}.netzwerkctl"


def meeting_event(
    network: Network,
    meeting_id: str,
    lang: Lang,
    public: Callable[[str | None], str | None] | None = None,
) -> Any:
    """The calendar event of a meeting, without DTSTAMP and SEQUENCE (calversions.py):
    the same UID, times, place and agenda in `calendar` and in an invitation.

    `public` (from `public_text`): for a calendar anyone may read — its own UID (a
    subscriber's copy is a different calendar), no presenters, and title, place and
    agenda passed through it."""
    from zoneinfo import ZoneInfo

    from icalendar import Event

    _ = Text(lang)
    meeting = network.meetings[meeting_id]
    shown = public or _as_written
    tz = ZoneInfo(network.info.timezone if network.info else "Europe/Berlin")
    g = network.groups.get(meeting.group)
    group_name = g.name if g else meeting.group
    event = Event()
    prefix = "public-" if public else ""
    event.add("uid", f"{prefix}{meeting_id}@{_domain(network)}")
    event.add("summary", shown(meeting.title) or _("Meeting %(group)s", group=group_name))
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
        event.add("location", shown(meeting.location))
    lines = []
    for slot in plan.slots:
        clock = slot.start.strftime("%H:%M") + " " if slot.start else ""
        by = ""
        if slot.item.by and public is None:
            by = f" ({person_label(network, slot.item.by)[0]})"
        lines.append(f"{clock}{slot.number}. {shown(slot.item.title)}{by}")
    if lines:
        event.add("description", "\n".join(lines))
    event.add("status", "CANCELLED" if meeting.status == "cancelled" else "CONFIRMED")
    return event


def _as_written(text: str | None) -> str | None:
    return text


def public_text(network: Network, lang: Lang) -> Callable[[str | None], str | None]:
    """Texts as a public calendar shows them: e-mail addresses, phone numbers and the
    names of the network's persons masked."""
    from netzwerkctl.present.public import masked, name_masker

    names = name_masker((p.contact.name for p in network.persons.values()), lang)

    def shown(text: str | None) -> str | None:
        return names(masked(text, lang))

    return shown


def build_calendar(
    network: Network,
    lang: Lang,
    group: str | None = None,
    with_tasks: bool = False,
    today: date | None = None,
    previous: Mapping[str, Version] | None = None,
    notice: str | None = None,
    public: bool = False,
) -> tuple[bytes, dict[str, Version]]:
    """The calendar, and the version of each event in it (to remember for the next
    export). `previous` are the versions of the last export; `today` the day of this
    one, the stamp of a changed event. Only open task deadlines are exported. A
    `notice` (incomplete data) becomes the calendar's description, and its name says
    "(unvollständig)" / "(incomplete)" where calendar programs list it. `public`: the
    meetings as anyone may read them (`meeting_event`), without tasks."""
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event

    info = network.info
    name = info.name if info else "netzwerk"
    tz = ZoneInfo(info.timezone if info else "Europe/Berlin")
    domain = _domain(network)
    _ = Text(lang)

    versions: dict[str, Version] = {}
    known = previous or {}
    written: list[bytes] = []  # each event serialised once, stamp and sequence filled in

    def stamp(event: Any, uid: str, first: date) -> None:
        """The event's lines with placeholders for DTSTAMP and SEQUENCE: its
        fingerprint leaves them out, and they are filled in once it is known."""
        event.add("dtstamp", _PLACEHOLDER_STAMP)
        event.add("sequence", _PLACEHOLDER_SEQUENCE)
        lines = ics_bytes(event)
        version = next_version(known.get(uid), _fingerprint_of(lines), first, today or first)
        versions[uid] = version
        stamped = version.stamp.strftime("%Y%m%dT%H%M%SZ").encode()
        written.append(
            lines.replace(
                b"\r\nDTSTAMP:19000101T000000Z\r\n", b"\r\nDTSTAMP:" + stamped + b"\r\n"
            ).replace(b"\r\nSEQUENCE:999999\r\n", b"\r\nSEQUENCE:%d\r\n" % version.sequence)
        )

    cal = Calendar()
    cal.add("prodid", "-//netzwerkctl//netzwerkctl//DE")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if notice:
        cal.add("x-wr-calname", _("%(name)s (incomplete)", name=name))
        cal.add("x-wr-caldesc", notice)
    else:
        cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", str(tz))

    shown = public_text(network, lang) if public else None
    for mid, meeting in network.meetings.items():
        if group is not None and meeting.group != group:
            continue
        event = meeting_event(network, mid, lang, shown)
        stamp(event, str(event["uid"]), meeting.date)
        cal.add_component(event)

    if with_tasks and not public:
        for task in all_tasks(network):
            due = task.task.due
            if due is None or task.task.done is not None:
                continue
            if group is not None and task.group != group:
                continue
            owners = ", ".join(person_label(network, p)[0] for p in task.task.owner)
            event = Event()
            uid = f"task-{task.id}@{domain}"
            event.add("uid", uid)
            event.add("summary", _("Due: %(task)s", task=task.task.title))
            event.add("dtstart", due)
            event.add("dtend", due + timedelta(days=1))
            event.add(
                "description",
                _("Who: %(persons)s", persons=owners)
                + "\n"
                + _("Raised at meeting: %(meeting)s", meeting=task.meeting),
            )
            event.add("transp", "TRANSPARENT")
            stamp(event, uid, task.raised)
            cal.add_component(event)

    # Transitions only for the years the data covers: compact, and not cut off in 2038.
    years = [m.date.year for m in network.meetings.values()] or [2000]
    cal.add_missing_timezones(
        first_date=date(min(years), 1, 1), last_date=date(max(years) + 1, 12, 31)
    )
    # the calendar around its events (its properties and time zones), then the events
    # as already written: what `ics_bytes(cal)` gives, without writing them twice
    shell = Calendar(cal)
    shell.subcomponents = [c for c in cal.subcomponents if c.name != "VEVENT"]
    head = ics_bytes(shell)
    end = b"END:VCALENDAR\r\n"
    return head[: -len(end)] + b"".join(written) + end, versions


def invitation(
    network: Network,
    meeting_id: str,
    lang: Lang,
    version: Version,
    cancel: bool,
    organizer: tuple[str, str],
    attendee: tuple[str, str],
) -> bytes:
    """An iTIP message (RFC 5546) to one invitee, (name, e-mail) each: METHOD:REQUEST
    with the meeting's event — the UID `calendar` gives it, SEQUENCE and DTSTAMP of its
    `version`, ORGANIZER, the one ATTENDEE asked to reply, the network's website as URL
    and an alarm the day before — or METHOD:CANCEL for a cancelled meeting or an
    invitee no longer invited. Nobody sees the other invitees."""
    from icalendar import Alarm, Calendar, vCalAddress

    def address(party: tuple[str, str], **params: str) -> Any:
        name, email = party
        value = vCalAddress(f"mailto:{email}")
        value.params["cn"] = " ".join(name.split())
        value.params.update(params)
        return value

    meeting = network.meetings[meeting_id]
    cal = Calendar()
    cal.add("prodid", "-//netzwerkctl//netzwerkctl//DE")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "CANCEL" if cancel else "REQUEST")
    event = meeting_event(network, meeting_id, lang)
    event.add("dtstamp", version.stamp)
    event.add("sequence", version.sequence)
    event.add("organizer", address(organizer))
    reply = {} if cancel else {"rsvp": "TRUE", "partstat": "NEEDS-ACTION"}
    event.add("attendee", address(attendee, role="REQ-PARTICIPANT", **reply))
    office = network.info.office if network.info else None
    if office and office.website:
        event.add("url", office.website)
    if cancel:
        event["status"] = "CANCELLED"
    else:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", timedelta(days=-1))
        alarm.add("description", str(event["summary"]))
        event.add_component(alarm)
    cal.add_component(event)
    cal.add_missing_timezones(
        first_date=date(meeting.date.year, 1, 1), last_date=date(meeting.date.year + 1, 12, 31)
    )
    data: bytes = ics_bytes(cal)
    return data


def meetings_calendar(
    network: Network, meeting_ids: list[str], lang: Lang, previous: Mapping[str, Version]
) -> bytes:
    """A small calendar (METHOD:PUBLISH) with some meetings, as `calendar` exports them
    (same UID and version): attached to a reminder, one click puts them in a calendar."""
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", "-//netzwerkctl//netzwerkctl//DE")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    years = []
    for mid in meeting_ids:
        meeting = network.meetings[mid]
        event = meeting_event(network, mid, lang)
        uid = str(event["uid"])
        version = next_version(previous.get(uid), fingerprint(event), meeting.date, meeting.date)
        event.add("dtstamp", version.stamp)
        event.add("sequence", version.sequence)
        cal.add_component(event)
        years.append(meeting.date.year)
    cal.add_missing_timezones(
        first_date=date(min(years, default=2000), 1, 1),
        last_date=date(max(years, default=2000) + 1, 12, 31),
    )
    data: bytes = ics_bytes(cal)
    return data
