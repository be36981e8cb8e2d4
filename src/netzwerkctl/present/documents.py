"""The data each meeting document's template receives: typed dicts of text, numbers
and dates — never model objects — so that templates (also a network's own) depend
only on this documented shape and cannot reach into the program."""

from __future__ import annotations

from datetime import date, time
from typing import TypedDict

from netzwerkctl.codes import Lang
from netzwerkctl.derive.meetings import (
    Attendee,
    absent,
    attendees,
    invitees,
    next_meeting,
    person_label,
    postponed_items,
    schedule,
)
from netzwerkctl.derive.tasks import TaskRef, meeting_tasks, open_tasks_of_group
from netzwerkctl.i18n import Text
from netzwerkctl.network import Network

Day = date  # the meeting's fields below are named `date`, `start`, `end`
Clock = time


class NetworkInfo(TypedDict):
    name: str
    city: str | None


class GroupInfo(TypedDict):
    id: str
    name: str
    topic: str | None


class MeetingInfo(TypedDict):
    id: str
    title: str | None
    date: Day
    start: Clock | None
    end: Clock | None
    location: str | None
    status: str


class PersonEntry(TypedDict):
    id: str
    name: str
    organisation: str | None
    role: str


class TaskEntry(TypedDict):
    id: str
    title: str
    owners: str  # names, comma-separated
    due: Day | None
    done: Day | None  # only if done by the document's day
    overdue: bool
    raised: Day
    meeting: str


class AgendaItem(TypedDict):
    number: int
    title: str
    start: Clock | None
    end: Clock | None
    duration: int | None
    kind: str
    by: str | None


class Votes(TypedDict):
    yes: int
    no: int
    abstain: int


class Decision(TypedDict):
    number: int
    text: str
    votes: Votes | None  # the filter `outcome` words them: "einstimmig angenommen"
    carried: bool


class Sender(TypedDict):
    name: str
    address: list[str]
    phone: str | None
    email: str | None
    website: str | None


class Letter(TypedDict):
    """What makes the invitation a letter: sender, place and date, salutation, reply-by
    date and how to reply, and who signs."""

    sender: Sender | None
    place: str | None
    date: Day  # the day the invitation goes out (the document's day)
    salutation: str | None  # the group's own; else the template's default
    rsvp_by: Day | None
    reply_email: str | None
    reply_phone: str | None
    signer: str | None
    signer_role: str | None
    signer_organisation: str | None


class CarriedItem(TypedDict):
    title: str
    postponed_on: Day


class MinutesItem(TypedDict):
    number: int
    title: str
    kind: str
    by: str | None
    postponed: bool
    notes: str | None
    decisions: list[Decision]
    tasks: list[TaskEntry]


class MeetingContext(TypedDict):
    """What every meeting document gets."""

    network: NetworkInfo
    group: GroupInfo
    meeting: MeetingInfo
    chair: str | None
    minutes_by: str | None


class AgendaContext(MeetingContext):
    """The invitation's data (`changes`: lines of "Neues im Netzwerk" when asked for,
    else None)."""

    letter: Letter
    items: list[AgendaItem]
    carried: list[CarriedItem]  # postponed last time and not on this agenda yet
    total_minutes: int
    ends: Clock | None
    open_tasks: list[TaskEntry]
    invitees: list[PersonEntry]
    changes: list[str] | None


class MinutesContext(MeetingContext):
    present: list[PersonEntry]
    excused: list[PersonEntry]
    absent: list[PersonEntry]  # invited, neither present nor excused
    guests: list[str]
    items: list[MinutesItem]
    tasks: list[TaskEntry]
    next: Day | None
    approved: Day | None
    draft: bool  # not approved yet: "Entwurf" on top, and a watermark in print
    distribution: list[str]  # the invitees and `distribution:`, by name


def _names(network: Network, people: tuple[str, ...]) -> str:
    return ", ".join(person_label(network, p)[0] for p in people)


def _name(network: Network, person: str | None) -> str | None:
    return person_label(network, person)[0] if person else None


def _person(a: Attendee) -> PersonEntry:
    return {
        "id": a.person,
        "name": a.name,
        "organisation": a.organisation,
        "role": a.role,
    }


def _task(network: Network, t: TaskRef, on: date) -> TaskEntry:
    """A task as a document of day `on` shows it: done only if done by then."""
    done = t.task.done
    return {
        "id": t.id,
        "title": t.task.title,
        "owners": _names(network, t.task.owner),
        "due": t.task.due,
        "done": done if done is not None and done <= on else None,
        "overdue": t.overdue_on(on),
        "raised": t.raised,
        "meeting": t.meeting,
    }


def _common(network: Network, meeting_id: str) -> MeetingContext:
    meeting = network.meetings[meeting_id]
    group = network.groups.get(meeting.group)
    info = network.info
    return {
        "network": {
            "name": info.name if info else "",
            "city": info.city if info and info.city else None,
        },
        "group": {
            "id": meeting.group,
            "name": group.name if group else meeting.group,
            "topic": group.topic if group else None,
        },
        "meeting": {
            "id": meeting_id,
            "title": meeting.title,
            "date": meeting.date,
            "start": meeting.start,
            "end": meeting.end,
            "location": meeting.location,
            "status": meeting.status,
        },
        "chair": _name(network, meeting.chair),
        "minutes_by": _name(network, meeting.minutes_by),
    }


def agenda_context(network: Network, meeting_id: str, today: date) -> AgendaContext:
    """The invitation: timed agenda, open tasks of the group (overdue as of `today`, the
    day the invitation goes out), invitees."""
    meeting = network.meetings[meeting_id]
    plan = schedule(meeting)
    open_tasks = open_tasks_of_group(network, meeting.group, before=meeting.date, on=meeting.date)
    listed = {item.title.casefold() for item in meeting.agenda}
    postponed_in, postponed = postponed_items(network, meeting.group, meeting.date)
    return AgendaContext(
        **_common(network, meeting_id),
        letter=_letter(network, meeting_id, today),
        carried=[
            {"title": item.title, "postponed_on": network.meetings[postponed_in].date}
            for item in postponed
            if postponed_in and item.title.casefold() not in listed
        ],
        items=[
            {
                "number": slot.number,
                "title": slot.item.title,
                "start": slot.start,
                "end": slot.end,
                "duration": slot.item.duration,
                "kind": slot.item.kind,
                "by": _name(network, slot.item.by),
            }
            for slot in plan.slots
        ],
        total_minutes=plan.minutes,
        ends=plan.ends,
        open_tasks=[_task(network, t, today) for t in open_tasks],
        invitees=[_person(a) for a in invitees(network, meeting_id)],
        changes=None,
    )


def minutes_context(network: Network, meeting_id: str, today: date) -> MinutesContext:
    """The Protokoll: attendance, every item with notes, numbered decisions and tasks —
    as of its record date (the meeting, or `approved`), never of `today`: a Protokoll
    made again later says the same."""
    meeting = network.meetings[meeting_id]
    as_of = meeting.record_date
    tasks = meeting_tasks(network, meeting_id)
    by_item: list[list[TaskEntry]] = []
    position = 0
    for item in meeting.agenda:
        count = len(item.tasks)
        by_item.append([_task(network, t, as_of) for t in tasks[position : position + count]])
        position += count
    items: list[MinutesItem] = []
    decision = 0
    for number, (item, item_tasks) in enumerate(zip(meeting.agenda, by_item, strict=True), 1):
        decisions: list[Decision] = []
        for d in item.decisions:
            decision += 1
            votes: Votes | None = (
                {"yes": d.votes.yes, "no": d.votes.no, "abstain": d.votes.abstain}
                if d.votes
                else None
            )
            decisions.append(
                {"number": decision, "text": d.text, "votes": votes, "carried": d.carried}
            )
        items.append(
            {
                "number": number,
                "title": item.title,
                "kind": item.kind,
                "by": _name(network, item.by),
                "postponed": item.status == "postponed",
                "notes": item.notes,
                "decisions": decisions,
                "tasks": item_tasks,
            }
        )
    return MinutesContext(
        **_common(network, meeting_id),
        present=[_person(a) for a in attendees(network, meeting_id, "present")],
        excused=[_person(a) for a in attendees(network, meeting_id, "excused")],
        absent=[_person(a) for a in absent(network, meeting_id)],
        guests=list(meeting.guests),
        items=items,
        tasks=[t for item_tasks in by_item for t in item_tasks],
        next=next_meeting(network, meeting_id, as_of),
        approved=meeting.approved,
        draft=meeting.approved is None,
        distribution=list(
            dict.fromkeys(
                [a.name for a in invitees(network, meeting_id)]
                + [person_label(network, p)[0] for p in meeting.distribution]
            )
        ),
    )


class AttendanceContext(MeetingContext):
    """The list to sign: the invitees (members on the day, invited, chair and
    minute-taker), the guests known beforehand, and `blank` empty rows."""

    invitees: list[PersonEntry]
    guests: list[str]
    blank: int


def attendance_context(network: Network, meeting_id: str, today: date) -> AttendanceContext:
    meeting = network.meetings[meeting_id]
    people = [_person(a) for a in invitees(network, meeting_id)]
    return AttendanceContext(
        **_common(network, meeting_id),
        invitees=people,
        guests=list(meeting.guests),
        blank=max(3, 5 - len(meeting.guests)),
    )


def _letter(network: Network, meeting_id: str, today: date) -> Letter:
    """Sender and signer: the coordinating office and its contact person while a
    current contact on the letter's day (else the meeting's chair); replies go to the
    office, else to that person."""
    meeting = network.meetings[meeting_id]
    group = network.groups.get(meeting.group)
    info = network.info
    office = info.office if info else None
    for_office = network.office_signer(today)
    chair = meeting.chair if meeting.chair and network.person_active(meeting.chair, today) else None
    signer = for_office or chair  # never someone who has left or was erased
    person = network.persons.get(signer) if signer else None
    contact = person.contact if person else None
    rsvp = meeting.reply_by
    name, organisation = person_label(network, signer) if signer else (None, None)
    return {
        "sender": {
            "name": office.name,
            "address": list(office.address),
            "phone": office.phone,
            "email": office.email,
            "website": office.website,
        }
        if office
        else None,
        "place": info.city if info else None,
        "date": today,
        "salutation": group.salutation if group else None,
        "rsvp_by": rsvp if meeting.status == "planned" and rsvp >= today else None,
        "reply_email": (office.email if office else None) or (contact.email if contact else None),
        "reply_phone": (office.phone if office else None) or (contact.phone if contact else None),
        "signer": name,
        "signer_role": contact.role if contact else None,
        # the office's person signs for the office; a chair with their own role signs
        # for their own organisation
        "signer_organisation": office.name if office and for_office else organisation,
    }


def agenda_notes(network: Network, meeting_id: str, lang: Lang) -> list[str]:
    """What the coordinator should know before sending an invitation, and what the
    invitees must not read in it: an agenda that runs past the planned end, invitees
    still waiting for their introductory talk. For stderr, never for the document."""
    meeting = network.meetings[meeting_id]
    plan = schedule(meeting)
    _ = Text(lang)
    notes = []
    if plan.overrun and plan.ends is not None and meeting.end is not None:
        ends, end = plan.ends.strftime("%H:%M"), meeting.end.strftime("%H:%M")
        notes.append(
            _(
                "The agenda takes %(minutes)s minutes and ends at %(ends)s, %(overrun)s "
                "minutes after the planned end at %(end)s.",
                minutes=plan.minutes,
                ends=ends,
                overrun=plan.overrun,
                end=end,
            )
        )
    people = invitees(network, meeting_id)
    if meeting.status == "planned" and people:

        def names(persons: list[str]) -> str:
            return ", ".join(persons) or "–"

        yes = [a.name for a in people if a.person in meeting.accepted]
        no = [a.name for a in people if a.person in meeting.declined]
        answered = set(meeting.accepted) | set(meeting.declined)
        open_ = [a.name for a in people if a.person not in answered]
        notes.append(
            _(
                "Replies: %(accepted)s accepted (%(yes)s); %(declined)s declined (%(no)s); "
                "%(open)s open (%(pending)s).",
                accepted=len(yes),
                yes=names(yes),
                declined=len(no),
                no=names(no),
                open=len(open_),
                pending=names(open_),
            )
        )
    for a in people:
        if a.intro_missing:
            who = f"{a.name} ({a.organisation})" if a.organisation else a.name
            notes.append(
                _("Hold the introductory talk with %(person)s before the meeting.", person=who)
            )
    return notes


class SignatoryEntry(TypedDict):
    name: str | None  # None: a line with only the role under it
    role: str | None


class CertificateContext(TypedDict):
    """An Urkunde for an award or seal of a project, for one recipient."""

    network: NetworkInfo
    project: str
    kind: str  # the project's kind: certification (a seal) or award (a prize)
    recipient: str
    date: Day
    valid_until: Day | None
    criteria: list[str]
    signatories: list[SignatoryEntry]  # empty: the template's mayor and network lines


def certificate_context(network: Network, project_id: str, award_index: int) -> CertificateContext:
    project = network.projects[project_id]
    award = project.awards[award_index]
    partner = network.partners.get(award.to)
    info = network.info
    return {
        "network": {"name": info.name if info else "", "city": info.city if info else None},
        "project": project.name,
        "kind": project.kind,
        "recipient": partner.name if partner else award.to,
        "date": award.date,
        "valid_until": award.valid_until,
        "criteria": list(award.criteria),
        "signatories": [{"name": s.name, "role": s.role} for s in project.signatories],
    }


def personal_salutation(name: str, salutation: str | None, title: str | None, _: Text) -> str:
    """How a letter greets one person: "Liebe Frau Dr. Hansen," from the contact's
    `salutation` and `title`; without a salutation a neutral greeting with the full
    name ("Guten Tag Kim Hansen,")."""
    surname = " ".join(filter(None, [title, name.split()[-1] if name.split() else name]))
    if salutation == "ms":
        return _("Dear Ms %(name)s,", name=surname)
    if salutation == "mr":
        return _("Dear Mr %(name)s,", name=surname)
    return _("Dear %(name)s,", name=" ".join(name.split()))


def greeting_of(network: Network, person: str, _: Text) -> str:
    """The salutation of a letter to a person of the network (their id)."""
    known = network.persons.get(person)
    contact = known.contact if known else None
    name = contact.name if contact else person
    return personal_salutation(
        name, contact.salutation if contact else None, contact.title if contact else None, _
    )


def meeting_title(network: Network, meeting_id: str, lang: Lang) -> str:
    """A meeting's title, or "Meeting of <group>" where it has none."""
    meeting = network.meetings[meeting_id]
    if meeting.title:
        return meeting.title
    group = network.groups.get(meeting.group)
    _ = Text(lang)
    return _("Meeting of %(group)s", group=group.name if group else meeting.group)
