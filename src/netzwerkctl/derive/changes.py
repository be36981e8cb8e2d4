"""What changed in the network between two states of its files, as typed facts;
`present.changes` words them the way a coordinator tells it at the next meeting
("Neues im Netzwerk")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from netzwerkctl.derive.tasks import TaskRef, all_tasks
from netzwerkctl.forget import erasure_marks
from netzwerkctl.mentions import by_surname
from netzwerkctl.model import Group, Project
from netzwerkctl.network import Kind, Network, Person


@dataclass(frozen=True)
class Change:
    kind: str  # partner_added | partner_left | partner_status | partner_changed |
    #            partner_removed | person_added | person_removed | group_added |
    #            group_removed | project_added | project_removed | meeting_added |
    #            meeting_removed | meeting_moved | meeting_held | meeting_cancelled |
    #            task_done | decision |
    #            decision_changed | decision_removed
    subject: str  # the id it is about
    facts: ChangeFacts


Day = date  # a field below is named `date`


@dataclass(frozen=True)
class ChangeFacts:
    """What a change knows, typed; each kind fills the fields its wording names."""

    name: str = ""  # of a partner, person, group or project
    org: str = ""  # a person's organisation
    group: str = ""  # a meeting's group (its name)
    date: Day | None = None  # a meeting's date
    before: Day | None = None  # a moved meeting's date before
    left: Day | None = None
    done: Day | None = None
    status: str = ""  # a stored partner status
    old: str = ""  # the status or decision before
    new: str = ""  # the status after
    keys: tuple[str, ...] = ()  # partner fields that changed
    title: str = ""  # of a task
    text: str = ""  # of a decision


_f = ChangeFacts


def changes(before: Network, after: Network) -> list[Change]:
    """What `after` has that `before` had not, and what it no longer has. Entries whose
    file existed but did not pass validation on one side are neither new nor removed;
    they are compared only once both sides are valid."""
    found: list[Change] = []
    found += _partners(before, after)
    erased, pseudonyms = _erasures(before, after)
    for person_id, person in after.persons.items():
        if not before.is_known_person(person_id) and person.contact.forgotten is None:
            partner = after.partners.get(person.partner)
            org = partner.name if partner else person.partner
            found.append(Change("person_added", person_id, _f(name=person.contact.name, org=org)))
    for person_id, person in before.persons.items():
        if not after.is_known_person(person_id) and person_id not in erased:
            partner = before.partners.get(person.partner)
            org = partner.name if partner else person.partner
            found.append(Change("person_removed", person_id, _f(name=person.contact.name, org=org)))
    found += _named(before, after, "group", before.groups, after.groups)
    found += _named(before, after, "project", before.projects, after.projects)
    found += _meetings(before, after)
    found += _tasks_done(before, after, frozenset(erased) | pseudonyms)
    if not erased:
        return found
    # An erasure (Art. 17) is no news, and the earlier state must not bring the data
    # back: no change that quotes an earlier text naming an erased person.
    named = _naming(erased.values())
    marks = erasure_marks(after.language)  # a text the erasure rewrote: no news either
    return [c for c in found if not _quotes(c, named, marks)]


def _erasures(before: Network, after: Network) -> tuple[dict[str, Person], frozenset[str]]:
    """Persons of `before` that `forget` erased by `after`, and the pseudonyms it gave.
    A pseudonym keeps the dates and flags of the entry it replaced (`since`, intro
    talk, decision-maker; `until` may have been set in the same time, as when someone
    leaves and asks to be erased); where that does not tell, a partner's remaining
    removals are its erasures only if there are as many as its pseudonyms. Anyone else
    removed was removed."""
    pseudonyms = {
        pid: p
        for pid, p in after.persons.items()
        if p.contact.forgotten is not None and not before.is_known_person(pid)
    }
    removed = {pid: p for pid, p in before.persons.items() if not after.is_known_person(pid)}

    def kept(p: Person) -> tuple[object, ...]:
        c = p.contact
        return (p.partner, c.since, c.intro_talk, c.decision_maker)

    erased: dict[str, Person] = {}
    unmatched: list[Person] = []
    for p in pseudonyms.values():
        match = next(
            (r for r, q in removed.items() if r not in erased and kept(q) == kept(p)), None
        )
        if match is None:
            unmatched.append(p)
        else:
            erased[match] = removed[match]
    for partner in {p.partner for p in unmatched}:
        left = [r for r, q in removed.items() if r not in erased and q.partner == partner]
        if len(left) == sum(1 for p in unmatched if p.partner == partner):
            erased.update({r: removed[r] for r in left})
    return erased, frozenset(pseudonyms)


def _naming(persons: Iterable[Person]) -> re.Pattern[str]:
    """A text that names one of `persons`: their name, title and surname („Frau
    Schulte“, „Dr. Ebbing“), e-mail address or phone number — not the surname alone,
    which also names a bakery or an ordinary word."""
    parts = []
    for p in persons:
        c = p.contact
        parts.append(rf"(?<![\w-]){re.escape(c.name)}(?![\w-])")
        if len(c.name.split()) > 1:
            parts.append(rf"(?<![\w-]){by_surname(re.escape(c.name.split()[-1]))}(?![\w-])")
        parts += [re.escape(v) for v in (c.email, c.phone) if v]
    return re.compile("|".join(parts), re.IGNORECASE)


def _quotes(change: Change, named: re.Pattern[str], marks: tuple[str, ...]) -> bool:
    f = change.facts
    text = " ".join((f.old, f.text, f.name, f.title))
    return named.search(text) is not None or any(mark in text for mark in marks)


def _named(
    before: Network,
    after: Network,
    kind: Kind,
    then: Mapping[str, Group | Project],
    now: Mapping[str, Group | Project],
) -> list[Change]:
    found = [
        Change(f"{kind}_added", eid, _f(name=e.name))
        for eid, e in now.items()
        if not before.is_known(kind, eid)
    ]
    found += [
        Change(f"{kind}_removed", eid, _f(name=e.name))
        for eid, e in then.items()
        if not after.is_known(kind, eid)
    ]
    return found


def _partners(before: Network, after: Network) -> list[Change]:
    found = []
    for pid, p in after.partners.items():
        old = before.partners.get(pid)
        if old is None:
            if not before.is_known("partner", pid):
                found.append(Change("partner_added", pid, _f(name=p.name, status=p.status)))
            continue
        if p.left and not old.left:
            found.append(Change("partner_left", pid, _f(name=p.name, left=p.left)))
        elif p.status != old.status:
            found.append(
                Change("partner_status", pid, _f(name=p.name, old=old.status, new=p.status))
            )
        else:
            keys = [
                k
                for k in type(p).model_fields
                if k not in ("status", "left", "contacts") and getattr(p, k) != getattr(old, k)
            ]
            if keys:
                found.append(Change("partner_changed", pid, _f(name=p.name, keys=tuple(keys))))
    for pid, p in before.partners.items():
        if not after.is_known("partner", pid):
            found.append(Change("partner_removed", pid, _f(name=p.name)))
    return found


def _meetings(before: Network, after: Network) -> list[Change]:
    found = []
    for mid, m in after.meetings.items():
        old = before.meetings.get(mid)
        group = after.groups.get(m.group)
        facts = _f(group=group.name if group else m.group, date=m.date)
        if old is None and not before.is_known("meeting", mid):
            found.append(Change("meeting_added", mid, facts))
        if m.status == "held" and (old is None or old.status != "held"):
            found.append(Change("meeting_held", mid, facts))  # minutes entered
        if m.status == "cancelled" and old is not None and old.status != "cancelled":
            found.append(Change("meeting_cancelled", mid, facts))
        elif old is not None and old.date != m.date and old.status == m.status == "planned":
            # moved to another day (the file keeps its name): the invitees hear of it; a
            # held meeting's date corrected afterwards is no news to anyone
            found.append(Change("meeting_moved", mid, replace(facts, before=old.date)))
        now = [d.text for item in m.agenda for d in item.decisions]
        then = [d.text for item in old.agenda for d in item.decisions] if old else []
        added = [d for d in now if d not in then]
        dropped = [d for d in then if d not in now]
        # as many reworded as both sides allow (in order), the rest new or withdrawn
        for was, text in zip(dropped, added, strict=False):
            found.append(Change("decision_changed", mid, _f(old=was, text=text, date=m.date)))
        for text in added[len(dropped) :]:
            found.append(Change("decision", mid, _f(text=text, date=m.date)))
        for was in dropped[len(added) :]:
            found.append(Change("decision_removed", mid, _f(text=was, date=m.date)))
    for mid, m in before.meetings.items():
        if not after.is_known("meeting", mid):
            group = before.groups.get(m.group)
            facts = _f(group=group.name if group else m.group, date=m.date)
            found.append(Change("meeting_removed", mid, facts))
    return found


def _task_keys(t: TaskRef) -> set[tuple[str, ...]]:
    """Ways to recognise a task across two states: its own id, or its meeting and
    title. Not its position: a task added above another must not make that one look
    newly done, and neither must an id added later."""
    keys: set[tuple[str, ...]] = {("title", t.meeting, " ".join(t.task.title.split()).lower())}
    if t.task.id:
        keys.add(("id", t.task.id))
    return keys


def _done_key(t: TaskRef, hidden: frozenset[str]) -> tuple[str, ...]:
    """Meeting, done date and owners: recognises a task whose title was corrected, but
    only where no other task shares it (one person often closes several on one day).
    `hidden`: erased persons and their pseudonyms, whose ids an erasure changed."""
    done = t.task.done.isoformat() if t.task.done else ""
    return ("done", t.meeting, done, *sorted(o for o in t.task.owner if o not in hidden))


def _tasks_done(
    before: Network, after: Network, hidden: frozenset[str] = frozenset()
) -> list[Change]:
    from collections import Counter

    done_then = [t for t in all_tasks(before) if t.task.done]
    done_now = [t for t in all_tasks(after) if t.task.done]
    keys_then: set[tuple[str, ...]] = set()
    for t in done_then:
        keys_then |= _task_keys(t)
    count_then = Counter(_done_key(t, hidden) for t in done_then)
    count_now = Counter(_done_key(t, hidden) for t in done_now)

    def known(t: TaskRef) -> bool:
        if _task_keys(t) & keys_then:
            return True
        key = _done_key(t, hidden)
        return count_then[key] == 1 and count_now[key] == 1

    return [
        Change("task_done", t.id, _f(title=t.task.title, done=t.task.done))
        for t in done_now
        if not known(t)
    ]
