"""Meetings (and task deadlines) as an iCalendar file for any calendar program.

Times carry the network's time zone with its VTIMEZONE; UIDs derive from the ids, so a
re-import updates events instead of duplicating them; SEQUENCE and DTSTAMP come from
the versions remembered in calversions.py, not the clock, so the same files give the
same bytes and a changed event looks newer to the calendar program.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta

from netzwerkctl.calversions import Version, next_version, utc_midnight
from netzwerkctl.codes import Lang
from netzwerkctl.derive.meetings import person_label, schedule
from netzwerkctl.derive.tasks import all_tasks
from netzwerkctl.i18n import Text
from netzwerkctl.model import slugify
from netzwerkctl.network import Network
from netzwerkctl.present import ics
from netzwerkctl.present.ics import Component

DEFAULT_MINUTES = 120  # a meeting with a start but neither end nor timed agenda


__all__ = ["build_calendar", "utc_midnight"]


def fingerprint(event: Component) -> str:
    """What a person sees of an event, without its own stamp and sequence."""
    return _fingerprint_of(event.to_ical())


def _fingerprint_of(written: bytes) -> str:
    lines = [
        line for line in written.splitlines() if not line.startswith((b"DTSTAMP", b"SEQUENCE"))
    ]
    return hashlib.sha256(b"\n".join(lines)).hexdigest()[:20]


# Stand-ins while an event is written the first time (`build_calendar`).
_PLACEHOLDER_STAMP = "19000101T000000Z"
_PLACEHOLDER_SEQUENCE = "999999"
PRODID = "-//netzwerkctl//netzwerkctl//DE"


def _domain(network: Network) -> str:
    return f"{slugify(network.info.name if network.info else 'netzwerk')}.netzwerkctl"


def meeting_uid(network: Network, meeting_id: str, public: bool = False) -> str:
    """A meeting's UID: from its id, so a re-import updates the event; its own in a
    public calendar (a subscriber's copy is a different calendar)."""
    return f"{'public-' if public else ''}{meeting_id}@{_domain(network)}"


def _tzid(network: Network) -> str:
    return network.info.timezone if network.info else "Europe/Berlin"


def meeting_event(
    network: Network,
    meeting_id: str,
    lang: Lang,
    public: Callable[[str | None], str | None] | None = None,
) -> Component:
    """The calendar event of a meeting, without DTSTAMP and SEQUENCE (calversions.py):
    the same UID, times, place and agenda in `calendar` and in an invitation.

    `public` (from `public_text`): for a calendar anyone may read — its own UID (a
    subscriber's copy is a different calendar), no presenters, and title, place and
    agenda passed through it."""
    _ = Text(lang)
    meeting = network.meetings[meeting_id]
    shown = public or _as_written
    g = network.groups.get(meeting.group)
    group_name = g.name if g else meeting.group
    event = Component("VEVENT", ics.EVENT_ORDER)
    event.add("UID", ics.text(meeting_uid(network, meeting_id, public is not None)))
    summary = shown(meeting.title) or _("Meeting %(group)s", group=group_name)
    event.add("SUMMARY", ics.text(summary))
    plan = schedule(meeting)
    if meeting.start is not None:
        start = datetime.combine(meeting.date, meeting.start)
        if meeting.end is not None and meeting.end > meeting.start:
            end = datetime.combine(meeting.date, meeting.end)
        else:
            end = start + timedelta(minutes=plan.minutes or DEFAULT_MINUTES)
        tzid = _tzid(network)
        if tzid in ics.UTC_NAMES:
            event.add("DTSTART", ics.utc_time(start))
            event.add("DTEND", ics.utc_time(end))
        else:
            event.add("DTSTART", ics.local_time(start), {"TZID": tzid})
            event.add("DTEND", ics.local_time(end), {"TZID": tzid})
    else:
        event.add("DTSTART", ics.date_value(meeting.date), {"VALUE": "DATE"})
        event.add("DTEND", ics.date_value(meeting.date + timedelta(days=1)), {"VALUE": "DATE"})
    if meeting.location:
        event.add("LOCATION", ics.text(shown(meeting.location) or ""))
    lines = []
    for slot in plan.slots:
        clock = slot.start.strftime("%H:%M") + " " if slot.start else ""
        by = ""
        if slot.item.by and public is None:
            by = f" ({person_label(network, slot.item.by)[0]})"
        lines.append(f"{clock}{slot.number}. {shown(slot.item.title)}{by}")
    if lines:
        event.add("DESCRIPTION", ics.text("\n".join(lines)))
    event.add("STATUS", "CANCELLED" if meeting.status == "cancelled" else "CONFIRMED")
    return event


def _as_written(text: str | None) -> str | None:
    return text


def public_text(network: Network, lang: Lang) -> Callable[[str | None], str | None]:
    """Texts as a public calendar shows them: e-mail addresses, phone numbers and the
    names of the network's persons masked — its contacts, and its partners of kind
    individual (a person who is a partner)."""
    from netzwerkctl.present.public import masked, name_masker

    persons = [p.contact.name for p in network.persons.values()]
    persons += [p.name for p in network.partners.values() if p.kind == "individual"]
    names = name_masker(persons, lang)

    def shown(text: str | None) -> str | None:
        return names(masked(text, lang))

    return shown


def _calendar(*properties: tuple[str, str]) -> Component:
    """A VCALENDAR's own properties (values written already)."""
    cal = Component("VCALENDAR", ics.CALENDAR_ORDER)
    for name, value in properties:
        cal.add(name, value)
    return cal


def _timezones(network: Network, years: list[int]) -> bytes:
    """The network's VTIMEZONE, with transitions only for the years the calendar
    covers: compact, and not cut off in 2038."""
    first, last = min(years, default=2000), max(years, default=2000)
    return ics.timezone_block(_tzid(network), date(first, 1, 1), date(last + 1, 12, 31))


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
    one, the stamp of a changed event. Only deadlines of tasks open on `today` are
    exported. A
    `notice` (incomplete data) becomes the calendar's description, and its name says
    "(unvollständig)" / "(incomplete)" where calendar programs list it. `public`: the
    meetings as anyone may read them (`meeting_event`), without tasks."""
    info = network.info
    name = info.name if info else "netzwerk"
    domain = _domain(network)
    _ = Text(lang)

    versions: dict[str, Version] = {}
    known = previous or {}
    written: list[bytes] = []  # each event serialised once, stamp and sequence filled in

    def stamp(event: Component, uid: str, first: date) -> None:
        """The event's lines with placeholders for DTSTAMP and SEQUENCE: its
        fingerprint leaves them out, and they are filled in once it is known."""
        event.add("DTSTAMP", _PLACEHOLDER_STAMP)
        event.add("SEQUENCE", _PLACEHOLDER_SEQUENCE)
        lines = event.to_ical()
        version = next_version(known.get(uid), _fingerprint_of(lines), first, today or first)
        versions[uid] = version
        stamped = ics.utc_time(version.stamp).encode()
        written.append(
            lines.replace(
                b"\r\nDTSTAMP:19000101T000000Z\r\n", b"\r\nDTSTAMP:" + stamped + b"\r\n"
            ).replace(b"\r\nSEQUENCE:999999\r\n", b"\r\nSEQUENCE:%d\r\n" % version.sequence)
        )

    if notice:
        title = [
            ("X-WR-CALNAME", ics.text(_("%(name)s (incomplete)", name=name))),
            ("X-WR-CALDESC", ics.text(notice)),
        ]
    else:
        title = [("X-WR-CALNAME", ics.text(name))]
    cal = _calendar(
        ("PRODID", PRODID),
        ("VERSION", "2.0"),
        ("CALSCALE", "GREGORIAN"),
        *title,
        ("X-WR-TIMEZONE", ics.text(_tzid(network))),
    )

    shown = public_text(network, lang) if public else None
    for mid, meeting in network.meetings.items():
        if group is not None and meeting.group != group:
            continue
        event = meeting_event(network, mid, lang, shown)
        stamp(event, meeting_uid(network, mid, public), meeting.date)

    if with_tasks and not public:
        for task in all_tasks(network):
            due = task.task.due
            done = task.task.done is not None if today is None else not task.open_on(today)
            if due is None or done:
                continue
            if group is not None and task.group != group:
                continue
            owners = ", ".join(person_label(network, p)[0] for p in task.task.owner)
            event = Component("VEVENT", ics.EVENT_ORDER)
            uid = f"task-{task.id}@{domain}"
            event.add("UID", ics.text(uid))
            event.add("SUMMARY", ics.text(_("Due: %(task)s", task=task.task.title)))
            event.add("DTSTART", ics.date_value(due), {"VALUE": "DATE"})
            event.add("DTEND", ics.date_value(due + timedelta(days=1)), {"VALUE": "DATE"})
            description = (
                _("Who: %(persons)s", persons=owners)
                + "\n"
                + _("Raised at meeting: %(meeting)s", meeting=task.meeting)
            )
            event.add("DESCRIPTION", ics.text(description))
            event.add("TRANSP", "TRANSPARENT")
            stamp(event, uid, task.raised)

    years = [m.date.year for m in network.meetings.values()] or [2000]
    return ics.calendar_bytes(cal, _timezones(network, years), written), versions


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

    def address(party: tuple[str, str]) -> tuple[str, dict[str, str]]:
        from netzwerkctl.addresses import ascii_address

        name, email = party  # a calendar address is ASCII, as in the envelope (RFC 5545)
        return f"mailto:{ascii_address(email)}", {"CN": " ".join(name.split())}

    meeting = network.meetings[meeting_id]
    event = meeting_event(network, meeting_id, lang)
    event.add("DTSTAMP", ics.utc_time(version.stamp))
    event.add("SEQUENCE", str(version.sequence))
    value, params = address(organizer)
    event.add("ORGANIZER", value, params)
    value, params = address(attendee)
    params["ROLE"] = "REQ-PARTICIPANT"
    if not cancel:
        params |= {"RSVP": "TRUE", "PARTSTAT": "NEEDS-ACTION"}
    event.add("ATTENDEE", value, params)
    office = network.info.office if network.info else None
    if office and office.website and not any(c.isspace() for c in office.website):
        event.add("URL", office.website)  # a URI: one word, or it could begin a new line
    if cancel:
        event.set("STATUS", "CANCELLED")
    else:
        alarm = Component("VALARM")
        alarm.add("ACTION", "DISPLAY")
        alarm.add("TRIGGER", ics.duration(timedelta(days=-1)))
        summary = event.first("SUMMARY") or "SUMMARY:"
        alarm.add("DESCRIPTION", summary.partition(":")[2])
        event.components.append(alarm)
    cal = _calendar(
        ("PRODID", PRODID),
        ("VERSION", "2.0"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "CANCEL" if cancel else "REQUEST"),
    )
    return ics.calendar_bytes(cal, _timezones(network, [meeting.date.year]), [event.to_ical()])


def meetings_calendar(
    network: Network, meeting_ids: list[str], lang: Lang, previous: Mapping[str, Version]
) -> bytes:
    """A small calendar (METHOD:PUBLISH) with some meetings, as `calendar` exports them
    (same UID and version): attached to a reminder, one click puts them in a calendar."""
    cal = _calendar(("PRODID", PRODID), ("VERSION", "2.0"), ("METHOD", "PUBLISH"))
    years = []
    events = []
    for mid in meeting_ids:
        meeting = network.meetings[mid]
        event = meeting_event(network, mid, lang)
        uid = meeting_uid(network, mid)
        version = next_version(previous.get(uid), fingerprint(event), meeting.date, meeting.date)
        event.add("DTSTAMP", ics.utc_time(version.stamp))
        event.add("SEQUENCE", str(version.sequence))
        events.append(event.to_ical())
        years.append(meeting.date.year)
    return ics.calendar_bytes(cal, _timezones(network, years), events)
