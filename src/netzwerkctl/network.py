"""The loaded network: every valid entity by id, plus where each came from.

A `Network` is what rules, derivations and documents work on. It keeps the parsed
documents so that any later problem can point at `file:line`, and it remembers the
ids of files that could not be validated, so that one broken partner file does not
turn every reference to it into a second, misleading error.

It also carries the indexes the derivations look things up in (the meetings of a
group, the persons of a partner), built the first time they are asked for, and a memo
for derived figures (`once_per_network`): a derivation never scans one collection
inside a loop over another, and no figure is computed twice in a command — which
matters for the web view and the federation, which ask again and again.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property, partial, wraps
from typing import Any, Concatenate, Literal, ParamSpec, TypeVar

from netzwerkctl.files import FOLDERS, Kind
from netzwerkctl.model import (
    Contact,
    Group,
    Marketplace,
    Meeting,
    NetworkInfo,
    Partner,
    Patron,
    Project,
    Report,
)
from netzwerkctl.problems import Location
from netzwerkctl.yamlio import Source

__all__ = ["FOLDERS", "Kind", "Network", "Omission", "Person", "once_per_network"]


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
    # files not read at all: they could not be opened, or their name or id was refused
    unread: frozenset[str] = frozenset()
    # derived values, each computed once (`once_per_network`); never part of equality
    memo: dict[Hashable, Any] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def meetings_of_group(self) -> Mapping[str, tuple[str, ...]]:
        """The ids of each group's meetings, in the network's order (by date, then id)."""
        found: dict[str, list[str]] = {}
        for mid, m in self.meetings.items():
            found.setdefault(m.group, []).append(mid)
        return {gid: tuple(ids) for gid, ids in found.items()}

    @cached_property
    def meetings_of_year(self) -> Mapping[int, tuple[str, ...]]:
        """The ids of each year's meetings, in the network's order."""
        found: dict[int, list[str]] = {}
        for mid, m in self.meetings.items():
            found.setdefault(m.date.year, []).append(mid)
        return {year: tuple(ids) for year, ids in found.items()}

    @cached_property
    def unread_partner_files(self) -> tuple[str, ...]:
        """Partner files that were not read at all (they could not be opened, or their
        name or id was refused): a person not found may be listed in one of them. A file
        read with errors is not one: its people are known from their `id:` lines."""
        return tuple(f for f in sorted(self.unread) if f.startswith("partners/"))

    @cached_property
    def first_year(self) -> int | None:
        """The first year the network has anything in: its founding, or an earlier
        date in its data — a partner approached or joined, a group started, a meeting,
        a project, a contribution, an award, a marketplace (a network may record work
        from before its formal founding). None for a network without any date."""
        days = [self.info.founded if self.info else None]
        for partner in self.partners.values():
            days += [partner.approached, partner.joined, partner.left]
        days += [g.started for g in self.groups.values()]
        days += [m.date for m in self.meetings.values()]
        for project in self.projects.values():
            days += [project.start, project.date]
            days += [c.date for c in project.contributions]
            days += [a.date for a in project.awards]
        days += [m.date for m in self.marketplaces.values()]
        known = [d for d in days if d is not None]
        return min(known).year if known else None

    @cached_property
    def _left_out(self) -> frozenset[tuple[Kind, str, str | int]]:
        return frozenset((o.kind, o.id, path[0]) for o in self.omitted for path in o.fields if path)

    def left_out(self, kind: Kind, entity_id: str, key: str) -> bool:
        """Whether a field of a kept entity was left out for its error (salvage.py):
        the entity then has the field's default, and rules about the field say nothing
        of a value nobody wrote (the error itself is reported)."""
        return (kind, entity_id, key) in self._left_out

    def group_meetings(self, group_id: str) -> list[tuple[str, Meeting]]:
        """A group's meetings, by date: looked up, never searched for."""
        return [(mid, self.meetings[mid]) for mid in self.meetings_of_group.get(group_id, ())]

    @property
    def language(self) -> str:
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

    # -- The predicates every command uses: each defined here, once. Dates are
    # inclusive at both ends; a missing start date means "from the beginning".

    def contact_current(self, partner: Partner, contact: Contact, day: date) -> bool:
        """A current contact on `day`: their `since`/`until` span covers the day, their
        partner has not left the network before it, and their data was not erased
        (`forgotten`, Art. 17) by then — a pseudonym is nobody to invite or remind."""
        return (
            (contact.since is None or contact.since <= day)
            and (contact.until is None or contact.until >= day)
            and (partner.left is None or partner.left >= day)
            and (contact.forgotten is None or contact.forgotten > day)
        )

    def contact_ended(self, partner: Partner, contact: Contact) -> date | None:
        """The last day a contact spoke for their partner, if it has ended: their
        `until`, their partner's `left`, or the day before their data was erased."""
        erased = contact.forgotten - timedelta(days=1) if contact.forgotten else None
        ends = [d for d in (contact.until, partner.left, erased) if d is not None]
        return min(ends) if ends else None

    def retention_over(self, partner: Partner, contact: Contact, day: date) -> date | None:
        """The day a contact left (their `until`, else their partner's `left`) when
        that lies more than `privacy.retention_years` before `day` and the entry still
        holds personal data (it was not pseudonymised by `forget`); else None."""
        years = self.info.privacy.retention_years if self.info else None
        left = contact.until or partner.left
        if years is None or left is None or contact.forgotten is not None:
            return None
        try:
            expires = left.replace(year=left.year + years)
        except ValueError:  # 29 February
            expires = left.replace(year=left.year + years, day=28)
        return left if expires < day else None

    def current_contacts(self, partner: Partner, day: date) -> list[Contact]:
        return [c for c in partner.contacts if self.contact_current(partner, c, day)]

    def person_active(self, person_id: str, day: date) -> bool:
        """A person still speaks for their partner on `day` (a current contact)."""
        person = self.persons.get(person_id)
        partner = self.partners.get(person.partner) if person else None
        if person is None or partner is None:
            return False
        return self.contact_current(partner, person.contact, day)

    def office_signer(self, day: date) -> str | None:
        """The office's contact person (`office.contact`) while a current contact on
        `day`: who signs letters and answers; None once they have left (NW513)."""
        office = self.info.office if self.info else None
        signer = office.contact if office else None
        return signer if signer and self.person_active(signer, day) else None

    def patronage(self, group: Group, patron: Patron) -> tuple[date | None, date | None]:
        """When a patronage begins and ends: from its `since` (else the group's start)
        to its `until`, the group's end or the partner leaving, whichever is first."""
        partner = self.partners.get(patron.partner)
        ends = [d for d in (patron.until, group.ended, partner.left if partner else None) if d]
        return patron.since or group.started, min(ends, default=None)

    def patrons_on(self, group_id: str, day: date) -> frozenset[str]:
        """The partners who are patrons of a group on `day` (current patrons)."""
        group = self.groups.get(group_id)
        if group is None:
            return frozenset()
        current = set()
        for patron in group.patrons:
            since, until = self.patronage(group, patron)
            if (since is None or since <= day) and (until is None or until >= day):
                current.add(patron.partner)
        return frozenset(current)

    def members_on(self, group_id: str, day: date) -> frozenset[str]:
        """The current members of a group on a day: their membership's since/until
        covers it (whether they still speak for their partner is `person_active`)."""
        group = self.groups.get(group_id)
        if group is None:
            return frozenset()
        return frozenset(
            m.person
            for m in group.members
            if (m.since is None or m.since <= day) and (m.until is None or day <= m.until)
        )


_P = ParamSpec("_P")
_T = TypeVar("_T")


def once_per_network(
    derive: Callable[Concatenate[Network, _P], _T],
) -> Callable[Concatenate[Network, _P], _T]:
    """Remember what a pure derivation of a network returned for its arguments: the
    second call with the same network and arguments looks it up. What it returns is
    shared, so it must not be changed by a caller (tuples, frozen dataclasses)."""
    name = f"{derive.__module__}.{derive.__qualname__}"

    @wraps(derive)
    def remembered(network: Network, /, *args: _P.args, **kwargs: _P.kwargs) -> _T:
        key = (name, args, tuple(sorted(kwargs.items())))
        try:
            found: _T = network.memo[key]
        except KeyError:
            found = network.memo[key] = derive(network, *args, **kwargs)
        return found

    return remembered
