"""What changed in the network between two states of its files, in the words a
coordinator uses at the next meeting ("Neues im Netzwerk")."""

from __future__ import annotations

from dataclasses import dataclass

from netzwerkctl.codes import Lang
from netzwerkctl.derive.tasks import all_tasks
from netzwerkctl.network import Network


@dataclass(frozen=True)
class Change:
    kind: str  # partner_added | partner_left | partner_status | partner_changed |
    #            person_added | group_added | project_added | meeting_added |
    #            meeting_held | task_done | decision
    subject: str  # the id it is about
    facts: tuple[tuple[str, str], ...]

    def fact(self, key: str) -> str:
        return dict(self.facts).get(key, "")


def _f(**facts: object) -> tuple[tuple[str, str], ...]:
    return tuple((k, "" if v is None else str(v)) for k, v in facts.items())


def changes(before: Network, after: Network) -> list[Change]:
    """What `after` has that `before` had not. Entries whose file existed before but did
    not pass validation then are not "new"; they are compared only once both are valid."""
    found: list[Change] = []
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
            keys = sorted(
                k
                for k in type(p).model_fields
                if k not in ("status", "left", "contacts") and getattr(p, k) != getattr(old, k)
            )
            if keys:
                found.append(Change("partner_changed", pid, _f(name=p.name, keys=", ".join(keys))))
    for person_id, person in after.persons.items():
        if not before.is_known_person(person_id):
            partner = after.partners.get(person.partner)
            org = partner.name if partner else person.partner
            found.append(Change("person_added", person_id, _f(name=person.contact.name, org=org)))
    for gid, g in after.groups.items():
        if not before.is_known("group", gid):
            found.append(Change("group_added", gid, _f(name=g.name)))
    for pid, project in after.projects.items():
        if not before.is_known("project", pid):
            found.append(Change("project_added", pid, _f(name=project.name)))
    for mid, m in after.meetings.items():
        old_meeting = before.meetings.get(mid)
        group = after.groups.get(m.group)
        facts = _f(group=group.name if group else m.group, date=m.date)
        if old_meeting is None and not before.is_known("meeting", mid):
            found.append(Change("meeting_added", mid, facts))
        if m.status == "held" and (old_meeting is None or old_meeting.status != "held"):
            found.append(Change("meeting_held", mid, facts))  # minutes entered
        old_decisions = (
            {d for i in old_meeting.agenda for d in i.decisions} if old_meeting else set()
        )
        for item in m.agenda:
            for decision in item.decisions:
                if decision not in old_decisions:
                    found.append(Change("decision", mid, _f(text=decision, date=m.date)))
    done_before = {t.id for t in all_tasks(before) if t.task.done}
    for t in all_tasks(after):
        if t.task.done and t.id not in done_before:
            found.append(Change("task_done", t.id, _f(title=t.task.title, done=t.task.done)))
    return found


_WORDS: dict[Lang, dict[str, str]] = {
    "de": {
        "partner_added": "Neuer Partner: {name} ({status})",
        "partner_left": "Ausgeschieden: {name} (am {left})",
        "partner_status": "{name}: Status {old} → {new}",
        "partner_changed": "Angaben geändert bei {name}: {keys}",
        "person_added": "Neue Person: {name} ({org})",
        "group_added": "Neue Gruppe: {name}",
        "project_added": "Neues Projekt: {name}",
        "meeting_added": "Neue Sitzung: {group} am {date}",
        "meeting_held": "Sitzung hat stattgefunden: {group} am {date}",
        "task_done": "Erledigt: {title} (am {done})",
        "decision": "Beschluss vom {date}: {text}",
    },
    "en": {
        "partner_added": "New partner: {name} ({status})",
        "partner_left": "Left: {name} (on {left})",
        "partner_status": "{name}: status {old} → {new}",
        "partner_changed": "Details changed for {name}: {keys}",
        "person_added": "New person: {name} ({org})",
        "group_added": "New group: {name}",
        "project_added": "New project: {name}",
        "meeting_added": "New meeting: {group} on {date}",
        "meeting_held": "Meeting held: {group} on {date}",
        "task_done": "Done: {title} (on {done})",
        "decision": "Decision of {date}: {text}",
    },
}
_DATES = frozenset({"left", "date", "done"})


def wording(change: Change, lang: Lang) -> str:
    facts = {}
    for key, value in change.facts:
        if key in _DATES and value and lang == "de":
            y, m, d = value.split("-")
            value = f"{d}.{m}.{y}"
        facts[key] = value
    return _WORDS[lang][change.kind].format(**facts)
