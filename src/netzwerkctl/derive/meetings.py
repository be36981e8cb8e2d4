"""What a meeting's documents need: which meeting is meant, the timed agenda, who is
invited, who attended, and the meetings around it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from netzwerkctl.model import AgendaItem, Meeting
from netzwerkctl.network import Network
from netzwerkctl.similar import suggest_id


class MeetingNotFound(LookupError):
    """The meeting a command was asked for cannot be used.

    `reason` is `unknown` (no such meeting or group), `invalid` (its file has
    errors), `no-planned` (the group has no planned meeting ahead) or `no-held` (the
    group has no held meeting yet).
    """

    def __init__(self, reason: str, ref: str, suggestion: str = "") -> None:
        super().__init__(f"{reason}: {ref}")
        self.reason = reason
        self.ref = ref
        self.suggestion = suggestion


def resolve_meeting(network: Network, ref: str, today: date, held: bool = False) -> str:
    """A meeting id from a meeting id, a file path relative to the network root, or a
    group id: that group's next planned meeting on or after `today` (an invitation),
    or with `held` its last held meeting on or before `today` (a Protokoll)."""
    if ref in network.meetings:
        return ref
    by_file = {doc.file: key[1] for key, doc in network.documents.items() if key[0] == "meeting"}
    if ref in by_file:
        if by_file[ref] in network.meetings:
            return by_file[ref]
        raise MeetingNotFound("invalid", ref)
    if ref in network.groups:
        if held:
            past = [
                mid
                for mid, m in network.group_meetings(ref)
                if m.status == "held" and m.date <= today
            ]
            if not past:
                raise MeetingNotFound("no-held", ref)
            return past[-1]  # meetings are sorted by date
        upcoming = [
            mid
            for mid, m in network.group_meetings(ref)
            if m.status == "planned" and m.date >= today
        ]
        if not upcoming:
            raise MeetingNotFound("no-planned", ref)
        return upcoming[0]
    if network.is_known("meeting", ref):
        raise MeetingNotFound("invalid", ref)
    choices = sorted(set(network.meetings) | set(network.groups))
    raise MeetingNotFound("unknown", ref, suggest_id(ref, choices, network.names("group")))


@dataclass(frozen=True)
class Slot:
    """An agenda item with its number and computed start time."""

    number: int
    item: AgendaItem
    start: time | None
    end: time | None


@dataclass(frozen=True)
class Schedule:
    slots: list[Slot]
    minutes: int  # sum of the durations given
    ends: time | None  # when the items end, if the meeting has a start
    overrun: int  # minutes beyond the planned end (0 if none or unknown)


def _add(t: time, minutes: int) -> time:
    return (datetime.combine(date(2000, 1, 1), t) + timedelta(minutes=minutes)).time()


def _minutes_between(a: time, b: time) -> int:
    return (b.hour * 60 + b.minute) - (a.hour * 60 + a.minute)


def schedule(meeting: Meeting) -> Schedule:
    """Start times from the meeting's start and the items' durations (14:00, 14:10 …).

    Once an item has no duration, the later items get no time: a guessed time on an
    invitation would be worse than none.
    """
    slots = []
    clock = meeting.start
    minutes = 0
    for number, item in enumerate(meeting.agenda, start=1):
        start = clock
        end = None
        if item.duration is not None:
            minutes += item.duration
            if clock is not None:
                end = _add(clock, item.duration)
        clock = end
        slots.append(Slot(number, item, start, end))
    ends = _add(meeting.start, minutes) if meeting.start is not None else None
    overrun = 0
    if ends is not None and meeting.end is not None and meeting.start is not None:
        overrun = max(0, minutes - _minutes_between(meeting.start, meeting.end))
    return Schedule(slots, minutes, ends, overrun)


InviteeRole = Literal["chair", "minutes", "member", "invited"]


@dataclass(frozen=True)
class Attendee:
    person: str
    name: str
    organisation: str | None
    role: InviteeRole  # the meeting's roles, not the group's
    intro_missing: bool


def person_label(network: Network, person_id: str) -> tuple[str, str | None]:
    """(name, organisation) of a person; the id where the person is unknown."""
    person = network.persons.get(person_id)
    if person is None:
        return person_id, None
    partner = network.partners.get(person.partner)
    return person.contact.name, partner.name if partner else None


def _attendee(network: Network, person_id: str, role: InviteeRole, day: date) -> Attendee:
    name, organisation = person_label(network, person_id)
    person = network.persons.get(person_id)
    intro = person.contact.intro_talk if person else None
    required = network.info is not None and network.info.rules.intro_talk_required
    return Attendee(
        person_id, name, organisation, role, required and (intro is None or intro > day)
    )


def _meeting_role(meeting: Meeting, person_id: str, default: InviteeRole) -> InviteeRole:
    if person_id == meeting.chair:
        return "chair"
    if person_id == meeting.minutes_by:
        return "minutes"
    return default


def invitees(network: Network, meeting_id: str) -> list[Attendee]:
    """Who is invited: the group's members on the meeting's date (in the group's order),
    then `invited`, then chair and minute-taker if they are neither — leaving out
    persons who no longer speak for their partner on that day. Roles are the
    meeting's (chair, minutes), not the group's."""
    meeting = network.meetings[meeting_id]
    group = network.groups.get(meeting.group)
    members = network.members_on(meeting.group, meeting.date)
    order = [m.person for m in group.members if m.person in members] if group else []
    result: list[Attendee] = []
    seen: set[str] = set()
    extra = [p for p in (meeting.chair, meeting.minutes_by) if p]
    listed: list[tuple[str, InviteeRole]] = [
        *((p, "member") for p in order),
        *((p, "invited") for p in (*meeting.invited, *extra)),
    ]
    for person_id, default in listed:
        if person_id in seen or not network.person_active(person_id, meeting.date):
            continue
        seen.add(person_id)
        role = _meeting_role(meeting, person_id, default)
        result.append(_attendee(network, person_id, role, meeting.date))
    return result


def attendees(network: Network, meeting_id: str, key: str) -> list[Attendee]:
    """The persons listed under `present` or `excused`, with their role that day."""
    meeting = network.meetings[meeting_id]
    roles = {a.person: a.role for a in invitees(network, meeting_id)}
    listed: tuple[str, ...] = getattr(meeting, key) or ()
    unique = list(dict.fromkeys(listed))  # a person listed twice is one person
    return [_attendee(network, p, roles.get(p, "invited"), meeting.date) for p in unique]


def next_meeting(network: Network, meeting_id: str, as_of: date | None = None) -> date | None:
    """The meeting's `next:` date, else the group's next meeting that is not cancelled
    — as far as it was known on `as_of` (a Protokoll's record date): dated on or
    before that day. Without `as_of`, whatever the files say now."""
    meeting = network.meetings[meeting_id]
    if meeting.next is not None:
        return meeting.next
    later = [
        m.date
        for _mid, m in network.group_meetings(meeting.group)
        if m.date > meeting.date and m.status != "cancelled" and (as_of is None or m.date <= as_of)
    ]
    return min(later, default=None)


def absent(network: Network, meeting_id: str) -> list[Attendee]:
    """Invitees who were neither present nor excused ("Es fehlten")."""
    meeting = network.meetings[meeting_id]
    there = set(meeting.present or ()) | set(meeting.excused)
    return [a for a in invitees(network, meeting_id) if a.person not in there]


def _held_before(network: Network, group: str, day: date) -> list[tuple[str, Meeting]]:
    """The group's held meetings before `day`, latest first."""
    held = [
        (mid, m) for mid, m in network.group_meetings(group) if m.status == "held" and m.date < day
    ]
    return sorted(held, key=lambda kv: (kv[1].date, kv[0]), reverse=True)


def last_before(network: Network, group: str, day: date) -> str | None:
    """The group's latest meeting before `day` that was not cancelled (held or
    planned): where and when the group meets now, as a new meeting's default."""
    earlier = [
        (m.date, m.start or time.min, mid)  # of two on one day, the later one
        for mid, m in network.group_meetings(group)
        if m.status != "cancelled" and m.date < day
    ]
    return max(earlier)[2] if earlier else None


def minutes_to_approve(network: Network, group: str, day: date) -> str | None:
    """The group's last held meeting before `day` whose Protokoll is not approved."""
    last = _held_before(network, group, day)[:1]
    return last[0][0] if last and last[0][1].approved is None else None


def postponed_items(network: Network, group: str, day: date) -> tuple[str | None, list[AgendaItem]]:
    """The items the group's last held meeting before `day` postponed (`status:
    postponed`), with that meeting's id: they belong on the next agenda."""
    last = _held_before(network, group, day)[:1]
    if not last:
        return None, []
    mid, meeting = last[0]
    return mid, [item for item in meeting.agenda if item.status == "postponed"]
