"""Meetings fit their group: the group existed, the people present belonged to it or
were invited, had their introductory talk, and the status matches the attendance."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from netzwerkctl.network import Network
from netzwerkctl.problems import Problem, problem


def group_existed(net: Network, today: date) -> Iterable[Problem]:
    for mid, m in net.meetings.items():
        group = net.groups.get(m.group)
        if group is None:
            continue
        if (group.started and m.date < group.started) or (group.ended and m.date > group.ended):
            yield problem(
                "NW401",
                net.at("meeting", mid, "date"),
                group=m.group,
                date=m.date,
                started=group.started,
                ended=group.ended,
            )


def attendance(net: Network, today: date) -> Iterable[Problem]:
    for mid, m in net.meetings.items():
        if m.group not in net.groups:
            continue  # reported as an unknown group
        allowed = net.members_on(m.group, m.date) | set(m.invited)
        for key in ("present", "excused"):
            for i, person in enumerate(getattr(m, key) or ()):
                if person not in allowed and net.is_known_person(person):
                    yield problem(
                        "NW402",
                        net.at("meeting", mid, key, i),
                        person=person,
                        key=key,
                        date=m.date,
                        group=m.group,
                    )
        excused = set(m.excused)
        for i, person in enumerate(m.present or ()):
            if person in excused:
                yield problem("NW403", net.at("meeting", mid, "present", i), person=person)


def intro_talks(net: Network, today: date) -> Iterable[Problem]:
    if net.info is None or not net.info.rules.intro_talk_required:
        return
    for mid, m in net.meetings.items():
        for i, person_id in enumerate(m.present or ()):
            person = net.persons.get(person_id)
            if person is None:
                continue
            intro = person.contact.intro_talk
            if intro is None or intro > m.date:
                yield problem(
                    "NW404",
                    net.at("meeting", mid, "present", i),
                    person=person_id,
                    date=m.date,
                    intro=intro,
                )


def status(net: Network, today: date) -> Iterable[Problem]:
    for mid, m in net.meetings.items():
        if net.left_out("meeting", mid, "status"):
            continue  # `status: stattgefunden` is reported; `planned` is nobody's word
        if m.status == "held" and not m.present:
            yield problem("NW405", net.at("meeting", mid, "status"))
        elif m.status == "planned" and m.date < today:
            yield problem("NW406", net.at("meeting", mid, "status"), date=m.date)
        elif m.status == "held" and m.date > today:
            yield problem("NW410", net.at("meeting", mid, "date"), date=m.date, today=today)
        if m.status == "cancelled":
            for key in ("present", "excused"):
                if getattr(m, key):
                    yield problem("NW407", net.at("meeting", mid, key), key=key)
            for key in ("decisions", "tasks"):  # nothing was decided at a meeting not held
                first = next((i for i, item in enumerate(m.agenda) if getattr(item, key)), None)
                if first is not None:
                    yield problem("NW407", net.at("meeting", mid, "agenda", first, key), key=key)


def file_names(net: Network, today: date) -> Iterable[Problem]:
    """NW408 for a file not named `<date>-<group>[-n]`. A meeting moved to another day
    keeps the name of its first date: its id is its calendar UID, and renamed it would
    be a new meeting in every calendar that has the invitation."""
    for mid, m in net.meetings.items():
        if m.group not in net.groups:
            continue  # the unknown group is reported (NW203): no name to follow it
        if not (_named_for(mid, m.date.isoformat(), m.group) or _moved(mid, m.group, m.date)):
            expected = f"{m.date.isoformat()}-{m.group}"
            yield problem("NW408", net.at("meeting", mid), expected=expected)


def _named_for(mid: str, day: str, group: str) -> bool:
    """`mid` is `<day>-<group>`, or `<day>-<group>-<n>` for another that day."""
    rest = mid.removeprefix(f"{day}-{group}")
    return rest == "" or (rest != mid and rest[0] == "-" and rest[1:].isdigit())


MOVED_DAYS = 92  # how far a meeting is moved, at most; farther, the date is checked


def _moved(mid: str, group: str, day: date) -> bool:
    """`mid` is named for the group on another day within a quarter of `day`: a
    meeting that was moved. A year apart is rather a typo in the date (2023 for 2022)."""
    try:
        first = date.fromisoformat(mid[:10])
    except ValueError:
        return False
    near = abs((day - first).days) <= MOVED_DAYS
    return near and mid[:10] == first.isoformat() and _named_for(mid, mid[:10], group)


def roles_still_held(net: Network, today: date) -> Iterable[Problem]:
    """A coming meeting's chair or minute-taker who no longer speaks for their partner
    on its day (left, or erased): nobody would chair it, the invitation would name a
    pseudonym."""
    for mid, m in net.meetings.items():
        if m.status != "planned" or m.date < today:
            continue
        for key, person_id, role in (
            ("chair", m.chair, "chairs it"),
            ("minutes_by", m.minutes_by, "takes the minutes"),
        ):
            person = net.persons.get(person_id) if person_id else None
            if person is None or net.person_active(person.contact.id, m.date):
                continue
            partner = net.partners.get(person.partner)
            ended = net.contact_ended(partner, person.contact) if partner else None
            if ended is None or ended >= m.date:
                continue  # not yet begun by that day: not the case of someone gone
            at = net.at("meeting", mid, key)
            yield problem(
                "NW417",
                at,
                person=person.contact.id,
                key=key,
                partner=person.partner,
                date=m.date,
                t_role=role,
            )


def listed_once(net: Network, today: date) -> Iterable[Problem]:
    for mid, m in net.meetings.items():
        for key in ("invited", "present", "excused", "accepted", "declined"):
            first: dict[str, int] = {}
            for i, person in enumerate(getattr(m, key) or ()):
                if person in first:  # places are looked up only for a problem
                    first_line = net.at("meeting", mid, key, first[person]).line
                    at = net.at("meeting", mid, key, i)
                    yield problem("NW409", at, person=person, key=key, first_line=first_line)
                else:
                    first[person] = i


def replies(net: Network, today: date) -> Iterable[Problem]:
    """Replies that contradict each other or the attendance."""
    for mid, m in net.meetings.items():
        accepted = set(m.accepted)
        present = set(m.present or ())
        for i, person in enumerate(m.declined):
            at = net.where("meeting", mid, "declined", i)
            if person in present:
                yield problem("NW413", at(), person=person)
            if person in accepted:
                yield problem("NW414", at(), person=person)
