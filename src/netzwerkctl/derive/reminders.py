"""Who owes what by when: the reminders of `netzwerkctl remind`, derived for a day.

Each reminder has a kind (the names are part of the JSON output and stable), the
date it is about (a due date, a meeting, an expiry), its subject (a task, meeting,
person, partner, project or group id), the person ids it goes to, and the facts
its message is made from. Messages themselves are worded in `present/reminders.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta
from typing import Literal, get_args

from netzwerkctl.derive.meetings import invitees
from netzwerkctl.derive.tasks import all_tasks
from netzwerkctl.network import Network

ReminderKind = Literal[
    "task_overdue",
    "milestone_overdue",
    "minutes_missing",
    "award_expiring",
    "prospect_follow_up",
    "group_quiet",
    "task_due",
    "milestone_due",
    "meeting_upcoming",
    "intro_talk_missing",
    "rsvp_missing",
    "consent_expiring",
]
KINDS: tuple[ReminderKind, ...] = get_args(ReminderKind)
OVERDUE_KINDS = frozenset({"task_overdue", "milestone_overdue", "minutes_missing"})
FOLLOW_UP_DAYS = 30  # an approached partner is followed up a month later
EXPIRED_DAYS = 30  # an expired award is still mentioned for a month


Day = date  # the field below is named `date` (as in the JSON output)


# What each kind of reminder knows, typed: the wording (present/reminders.py) formats it.
@dataclass(frozen=True)
class TaskFacts:
    title: str
    group: str  # the group's name
    raised: Day
    due: Day


@dataclass(frozen=True)
class MeetingFacts:
    group: str
    date: Day
    start: time | None
    items: int  # agenda items
    minutes_by: str  # a person's name, "" when nobody is assigned


@dataclass(frozen=True)
class IntroFacts:
    group: str
    date: Day
    person: str
    organisation: str


@dataclass(frozen=True)
class RsvpFacts:
    group: str
    date: Day
    reply_by: Day
    open: tuple[str, ...]  # names of invitees who have neither accepted nor declined


@dataclass(frozen=True)
class ConsentFacts:
    person: str
    organisation: str
    until: Day


@dataclass(frozen=True)
class MinutesFacts:
    group: str
    date: Day
    still_planned: bool  # else: held, but no attendance recorded


@dataclass(frozen=True)
class MilestoneFacts:
    title: str
    project: str
    due: Day


@dataclass(frozen=True)
class AwardFacts:
    to: str  # the partner's name
    project: str
    valid_until: Day
    expired: bool


@dataclass(frozen=True)
class ProspectFacts:
    partner: str
    approached: Day


@dataclass(frozen=True)
class QuietFacts:
    group: str
    weeks: int
    last: Day  # the last meeting, or the group's start
    held_before: bool


Facts = (
    TaskFacts
    | MeetingFacts
    | RsvpFacts
    | ConsentFacts
    | IntroFacts
    | MinutesFacts
    | MilestoneFacts
    | AwardFacts
    | ProspectFacts
    | QuietFacts
)


@dataclass(frozen=True)
class Reminder:
    kind: ReminderKind
    date: Day
    subject: str
    recipients: tuple[str, ...]
    facts: Facts = field(compare=False, hash=False)
    overdue: bool = False  # set by `reminders`: an overdue kind, or its date has passed

    def sort_key(self) -> tuple[Day, int, str]:
        return (self.date, KINDS.index(self.kind), self.subject)


def coordinator_contacts(network: Network, today: date) -> tuple[str, ...]:
    """The current contact persons of the coordinating partner (`coordinator:`)."""
    if network.info is None or network.info.coordinator is None:
        return ()
    partner = network.partners.get(network.info.coordinator)
    if partner is None:
        return ()
    return tuple(c.id for c in network.current_contacts(partner, today))


def _addressed(
    network: Network, persons: tuple[str, ...], today: date, coordinators: tuple[str, ...]
) -> tuple[str, ...]:
    """The persons who still speak for their partner; if none is left, the coordinator."""
    active = tuple(p for p in persons if network.person_active(p, today))
    return active or coordinators


def _group_name(network: Network, group_id: str) -> str:
    group = network.groups.get(group_id)
    return group.name if group else group_id


def reminders(network: Network, today: date, days: int) -> list[Reminder]:
    """Every reminder for `today`, looking `days` ahead (both ends inclusive)."""
    horizon = today + timedelta(days=days)
    coordinators = coordinator_contacts(network, today)
    found: list[Reminder] = []
    found += _tasks(network, today, horizon, coordinators)
    found += _meetings(network, today, horizon, coordinators)
    found += _projects(network, today, horizon, coordinators)
    found += _prospects(network, today, coordinators)
    found += _consents(network, today, horizon, coordinators)
    found += _quiet_groups(network, today, coordinators)
    marked = [replace(r, overdue=r.kind in OVERDUE_KINDS or r.date < today) for r in found]
    return sorted(marked, key=Reminder.sort_key)


def _tasks(
    network: Network, today: date, horizon: date, coordinators: tuple[str, ...]
) -> list[Reminder]:
    found = []
    for t in all_tasks(network):
        due = t.task.due
        if not t.open_on(today) or due is None or due > horizon:
            continue
        kind: ReminderKind = "task_overdue" if due < today else "task_due"
        facts = TaskFacts(t.task.title, _group_name(network, t.group), t.raised, due)
        owners = _addressed(network, t.task.owner, today, coordinators)
        found.append(Reminder(kind, due, t.id, owners, facts))
    return found


def _meetings(
    network: Network, today: date, horizon: date, coordinators: tuple[str, ...]
) -> list[Reminder]:
    found = []
    intro_reminded: set[str] = set()
    for mid, m in network.meetings.items():
        if network.left_out("meeting", mid, "status"):
            continue  # its status is an error: nothing to remind of a value nobody wrote
        group = _group_name(network, m.group)
        if m.status == "planned" and today <= m.date <= horizon:
            people = invitees(network, mid)
            minutes_by = _person_name(network, m.minutes_by)
            facts = MeetingFacts(group, m.date, m.start, len(m.agenda), minutes_by)
            invited = tuple(p.person for p in people) or coordinators  # nobody: the office
            found.append(Reminder("meeting_upcoming", m.date, mid, invited, facts))
            answered = set(m.accepted) | set(m.declined)
            silent = tuple(p.name for p in people if p.person not in answered)
            if silent and m.reply_by < today:  # replies are due: the office asks around
                rsvp = RsvpFacts(group, m.date, m.reply_by, silent)
                found.append(Reminder("rsvp_missing", m.reply_by, mid, coordinators, rsvp))
            for person in people:
                if person.intro_missing and person.person not in intro_reminded:
                    intro_reminded.add(person.person)
                    intro = IntroFacts(group, m.date, person.name, person.organisation or "")
                    found.append(
                        Reminder("intro_talk_missing", m.date, person.person, coordinators, intro)
                    )
        past_planned = m.status == "planned" and m.date < today
        held_unrecorded = m.status == "held" and not m.recorded
        if past_planned or held_unrecorded:
            owner = m.minutes_by or m.chair
            recipients = _addressed(network, (owner,) if owner else (), today, coordinators)
            missing = MinutesFacts(group, m.date, still_planned=past_planned)
            found.append(Reminder("minutes_missing", m.date, mid, recipients, missing))
    return found


def _person_name(network: Network, person_id: str | None) -> str:
    if person_id is None:
        return ""
    person = network.persons.get(person_id)
    return person.contact.name if person else person_id


def _projects(
    network: Network, today: date, horizon: date, coordinators: tuple[str, ...]
) -> list[Reminder]:
    found = []
    for pid, project in network.projects.items():
        lead = _addressed(network, (project.lead,) if project.lead else (), today, coordinators)
        for ms in project.milestones:
            if not ms.open_on(today) or ms.due is None or ms.due > horizon:
                continue
            kind: ReminderKind = "milestone_overdue" if ms.due < today else "milestone_due"
            milestone = MilestoneFacts(ms.title, project.name, ms.due)
            found.append(Reminder(kind, ms.due, pid, lead, milestone))
        for award in project.awards:
            until = award.valid_until
            if until is None or not (today - timedelta(days=EXPIRED_DAYS) <= until <= horizon):
                continue
            partner = network.partners.get(award.to)
            to = partner.name if partner else award.to
            expiring = AwardFacts(to, project.name, until, expired=until < today)
            found.append(Reminder("award_expiring", until, pid, lead, expiring))
    return found


def _consents(
    network: Network, today: date, horizon: date, coordinators: tuple[str, ...]
) -> list[Reminder]:
    """Consent that ends within the window: the office asks again in time."""
    found = []
    for partner in network.partners.values():
        for contact in network.current_contacts(partner, today):
            until = contact.consent.until if contact.consent else None
            if until is not None and today <= until <= horizon:
                facts = ConsentFacts(contact.name, partner.name, until)
                found.append(Reminder("consent_expiring", until, contact.id, coordinators, facts))
    return found


def _prospects(network: Network, today: date, coordinators: tuple[str, ...]) -> list[Reminder]:
    found = []
    for pid, partner in network.partners.items():
        if partner.status != "approached" or partner.approached is None:
            continue
        follow_up = partner.approached + timedelta(days=FOLLOW_UP_DAYS)
        if follow_up < today:
            facts = ProspectFacts(partner.name, partner.approached)
            found.append(Reminder("prospect_follow_up", follow_up, pid, coordinators, facts))
    return found


def _quiet_groups(network: Network, today: date, coordinators: tuple[str, ...]) -> list[Reminder]:
    found = []
    for gid, group in network.groups.items():
        weeks = group.meets_every_weeks
        if weeks is None or (group.ended is not None and group.ended < today):
            continue
        meetings = [m for _mid, m in network.group_meetings(gid)]
        if any(m.status == "planned" and m.date >= today for m in meetings):
            continue
        # a past meeting still marked planned probably took place (its minutes are
        # missing, which minutes_missing reports): it counts as the last meeting
        held = [
            m.date
            for m in meetings
            if m.status == "held" or (m.status == "planned" and m.date < today)
        ]
        last = max(held, default=group.started)
        if last is None:
            continue
        due = last + timedelta(weeks=weeks)
        if due < today:
            recipients = _addressed(
                network, (group.lead,) if group.lead else (), today, coordinators
            )
            facts = QuietFacts(group.name, weeks, last, held_before=bool(held))
            found.append(Reminder("group_quiet", due, gid, recipients, facts))
    return found
