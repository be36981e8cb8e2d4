"""Everything stored about one person (DSGVO Art. 15), and what an erasure would have
to change (Art. 17): the contact entry, every reference by id, and every other line
in any file that names the person."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from netzwerkctl.network import Network, Person
from netzwerkctl.problems import Location


@dataclass(frozen=True)
class Mention:
    file: str
    line: int | None
    what: str  # contact | member | group_lead | chair | minutes_by | invited | present |
    #            excused | presenter | task_owner | project_lead | text
    where: str  # the entity it is in (a partner, group, meeting or project id)
    text: str  # the line as written (for `text` mentions), else ""


@dataclass(frozen=True)
class PersonView:
    person: Person
    partner_name: str
    data: dict[str, Any]  # the contact entry as stored, None values left out
    mentions: list[Mention]


def person_view(network: Network, person_id: str, texts: dict[str, str]) -> PersonView:
    """`texts` are the network's files (path → text), searched for lines that name
    the person by id or by name without being a reference the model knows of."""
    person = network.persons[person_id]
    found: list[Mention] = []

    def add(at: Location, what: str, where: str) -> None:
        found.append(Mention(at.file, at.line, what, where, ""))

    add(network.at("partner", person.partner, "contacts", person.index), "contact", person.partner)
    for gid, group in network.groups.items():
        for i, member in enumerate(group.members):
            if member.person == person_id:
                add(network.at("group", gid, "members", i), "member", gid)
        if group.lead == person_id:
            add(network.at("group", gid, "lead"), "group_lead", gid)
    for mid, m in network.meetings.items():
        for key in ("chair", "minutes_by"):
            if getattr(m, key) == person_id:
                add(network.at("meeting", mid, key), key, mid)
        for key in ("invited", "present", "excused"):
            for i, p in enumerate(getattr(m, key) or ()):
                if p == person_id:
                    add(network.at("meeting", mid, key, i), key, mid)
        for i, item in enumerate(m.agenda):
            if item.by == person_id:
                add(network.at("meeting", mid, "agenda", i, "by"), "presenter", mid)
            for j, task in enumerate(item.tasks):
                for k, owner in enumerate(task.owner):
                    if owner == person_id:
                        at = network.at("meeting", mid, "agenda", i, "tasks", j, "owner", k)
                        add(at, "task_owner", mid)
    for pid, project in network.projects.items():
        if project.lead == person_id:
            add(network.at("project", pid, "lead"), "project_lead", pid)

    known = {(m.file, m.line) for m in found}
    contact_lines = _entry_lines(network, person)
    pattern = re.compile(
        rf"(?<![\w-]){re.escape(person_id)}(?![\w-])|{re.escape(person.contact.name)}",
        re.IGNORECASE,
    )
    for file in sorted(texts):
        for number, line in enumerate(texts[file].split("\n"), start=1):
            if (file, number) in known or (file, number) in contact_lines:
                continue
            if pattern.search(line):
                where = file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
                found.append(Mention(file, number, "text", where, line.strip()))
    data = person.contact.model_dump(mode="json", exclude_none=True)
    partner = network.partners[person.partner]
    return PersonView(
        person, partner.name, data, sorted(found, key=lambda m: (m.file, m.line or 0))
    )


def _entry_lines(network: Network, person: Person) -> set[tuple[str, int]]:
    """The lines of the contact entry itself (they are the stored data, shown above)."""
    doc = network.documents.get(("partner", person.partner))
    if doc is None:
        return set()
    prefix = ("contacts", person.index)
    return {
        (doc.file, line)
        for path, (line, _) in doc.positions.items()
        if path[: len(prefix)] == prefix
    }
