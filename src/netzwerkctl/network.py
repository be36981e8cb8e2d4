"""The loaded network: every valid entity by id, plus where each came from.

A `Network` is what rules, derivations and documents work on. It keeps the parsed
documents so that any later problem can point at `file:line`, and it remembers the
ids of files that could not be validated, so that one broken partner file does not
turn every reference to it into a second, misleading error.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Literal

from netzwerkctl.files import FOLDERS, Kind
from netzwerkctl.model import (
    Contact,
    Group,
    Marketplace,
    Meeting,
    NetworkInfo,
    Partner,
    Project,
    Report,
)
from netzwerkctl.problems import Location
from netzwerkctl.yamlio import Source

__all__ = ["FOLDERS", "Kind", "Network", "Omission", "Person"]


@dataclass(frozen=True)
class Person:
    """A contact person together with the partner file that declares them."""

    id: str
    partner: str
    contact: Contact
    index: int  # position in the partner's contacts (for locating)


@dataclass(frozen=True)
class Omission:
    """Data a command works without because its file has errors: the whole entity
    (`fields` empty), or only the named fields of an entity that was kept."""

    kind: Kind
    id: str
    file: str
    fields: tuple[tuple[str | int, ...], ...] = ()


@dataclass(frozen=True)
class Network:
    info: NetworkInfo | None
    partners: Mapping[str, Partner] = field(default_factory=dict)
    groups: Mapping[str, Group] = field(default_factory=dict)
    meetings: Mapping[str, Meeting] = field(default_factory=dict)
    projects: Mapping[str, Project] = field(default_factory=dict)
    marketplaces: Mapping[str, Marketplace] = field(default_factory=dict)
    reports: Mapping[str, Report] = field(default_factory=dict)
    persons: Mapping[str, Person] = field(default_factory=dict)
    # Ids that exist as files (valid or not) and person ids salvaged from invalid
    # partner files: references to them are not reported as unknown.
    known: Mapping[Kind, frozenset[str]] = field(default_factory=dict)
    known_persons: frozenset[str] = frozenset()
    documents: Mapping[tuple[Kind, str], Source] = field(default_factory=dict)
    files: int = 0
    # What was left out because of errors, in file order (empty for a clean network).
    omitted: tuple[Omission, ...] = ()

    @property
    def language(self) -> Literal["de", "en"]:
        return self.info.language if self.info else "de"

    def at(self, kind: Kind, entity_id: str, *path: str | int) -> Location:
        """Where a key of an entity stands in its file."""
        doc = self.documents.get((kind, entity_id))
        if doc is None:
            return Location("netzwerk.yaml" if kind == "network" else entity_id, None)
        return doc.at(*path)

    def where(self, kind: Kind, entity_id: str, *path: str | int) -> Callable[[], Location]:
        """`at`, deferred: rules pass this and look the place up only for a problem."""
        return partial(self.at, kind, entity_id, *path)

    def file_of(self, kind: Kind, entity_id: str) -> str:
        doc = self.documents.get((kind, entity_id))
        return doc.file if doc else entity_id

    def names(self, kind: Kind | Literal["person"]) -> dict[str, str]:
        """Each id of a kind with the name people know it by (for "did you mean")."""
        if kind == "person":
            return {pid: p.contact.name for pid, p in self.persons.items()}
        if kind == "partner":
            return {eid: p.name for eid, p in self.partners.items()}
        if kind == "group":
            return {eid: g.name for eid, g in self.groups.items()}
        if kind == "project":
            return {eid: p.name for eid, p in self.projects.items()}
        return {}

    def is_known(self, kind: Kind, entity_id: str) -> bool:
        return entity_id in self.known.get(kind, frozenset())

    def is_known_person(self, person_id: str) -> bool:
        return person_id in self.known_persons

    def person_active(self, person_id: str, day: date) -> bool:
        """A person still speaks for their partner on `day`: the contact has not ended
        and the partner has not left the network before it (an end date is inclusive)."""
        person = self.persons.get(person_id)
        if person is None:
            return False
        partner = self.partners.get(person.partner)
        until = person.contact.until
        left = partner.left if partner else None
        return (until is None or until >= day) and (left is None or left >= day)

    def members_on(self, group_id: str, day: date) -> frozenset[str]:
        """The persons who are members of a group on a day (since/until inclusive)."""
        group = self.groups.get(group_id)
        if group is None:
            return frozenset()
        return frozenset(
            m.person
            for m in group.members
            if (m.since is None or m.since <= day) and (m.until is None or day <= m.until)
        )
