"""The partner pages of the web view: the list (pipeline, filters, search) and a page
per partner with its people, groups, meetings and contributions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import get_args

from netzwerkctl.collation import name_key
from netzwerkctl.i18n import Text, short_date
from netzwerkctl.model import Partner, PartnerStatus
from netzwerkctl.present.documents import meeting_title
from netzwerkctl.present.labels import label
from netzwerkctl.web.state import Snapshot
from netzwerkctl.web.views import (
    Link,
    contribution_text,
    href,
    matches,
)


@dataclass(frozen=True)
class PartnerLine:
    id: str
    name: str
    kind: str
    status: str
    cluster: str
    expertise: tuple[str, ...]
    decision_makers: tuple[str, ...]
    contacts: int
    groups: int
    patronages: int


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class PartnersPage:
    partners: tuple[PartnerLine, ...]
    total: int
    query: str
    status: str
    kind: str
    cluster: str
    statuses: tuple[Choice, ...]  # the pipeline: how many partners in each status
    kinds: tuple[Choice, ...]
    clusters: tuple[Choice, ...]


def _choices(
    values: Iterable[str], words: Text, context: str | None, order: tuple[str, ...] = ()
) -> tuple[Choice, ...]:
    """Each value with its count, in `order` (the statuses as a partner goes through
    them), the rest alphabetically by the word shown."""
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    shown = {v: label(words, context, v) if context else v for v in counts}

    def place(value: str) -> tuple[int, tuple[str, str], str]:
        rank = order.index(value) if value in order else len(order)
        return rank, name_key(shown[value]), value

    return tuple(Choice(v, shown[v], counts[v]) for v in sorted(counts, key=place))


def partners_page(
    s: Snapshot, query: str = "", status: str = "", kind: str = "", cluster: str = ""
) -> PartnersPage:
    from netzwerkctl.derive.partners import partner_rows

    network = s.network
    _ = Text(network.language)
    rows = partner_rows(network, s.day)
    lines = []
    for r in rows:
        p = r.partner
        if (status and p.status != status) or (kind and p.kind != kind):
            continue
        if cluster and (p.cluster or "") != cluster:
            continue
        people = [c.name for c in p.contacts if network.contact_current(p, c, s.day)]
        if query and not matches(query, p.name, p.cluster, p.notes, *p.expertise, *people):
            continue
        lines.append(
            PartnerLine(
                r.id,
                p.name,
                label(_, "partner kind", p.kind),
                label(_, "partner status", p.status),
                p.cluster or "",
                p.expertise,
                r.decision_makers,
                r.contacts,
                len(r.groups),
                len(r.patronages),
            )
        )
    partners = network.partners.values()
    return PartnersPage(
        tuple(lines),
        len(rows),
        query,
        status,
        kind,
        cluster,
        _choices((p.status for p in partners), _, "partner status", get_args(PartnerStatus)),
        _choices((p.kind for p in partners), _, "partner kind"),
        _choices((p.cluster for p in partners if p.cluster), _, None),
    )


@dataclass(frozen=True)
class PersonLine:
    name: str
    role: str | None
    email: str | None
    phone: str | None
    decision_maker: bool
    current: bool
    groups: tuple[tuple[str, str], ...]  # (href, name) of the groups they are a member of


@dataclass(frozen=True)
class PartnerPage:
    id: str
    partner: Partner
    kind: str
    status: str
    people: tuple[PersonLine, ...]
    groups: tuple[Link, ...]  # as patron or through its people
    meetings: tuple[Link, ...]  # where its people were present, newest first
    contributions: tuple[Link, ...]  # to projects
    file: str


def partner_page(s: Snapshot, partner_id: str) -> PartnerPage | None:
    network = s.network
    partner = network.partners.get(partner_id)
    if partner is None:
        return None
    lang = network.language
    _ = Text(lang)
    ids = {c.id for c in partner.contacts}
    groups: dict[str, str] = {}
    person_groups: dict[str, list[tuple[str, str]]] = {}
    for gid, group in network.groups.items():
        members = network.members_on(gid, s.day)
        for c in ids & members:
            person_groups.setdefault(c, []).append((href("gruppen", gid), group.name))
            groups[gid] = _("member")
        if partner_id in network.patrons_on(gid, s.day):
            groups[gid] = _("patron")
    people = tuple(
        PersonLine(
            c.name,
            c.role,
            str(c.email) if c.email else None,
            str(c.phone) if c.phone else None,
            c.decision_maker,
            network.contact_current(partner, c, s.day),
            tuple(person_groups.get(c.id, ())),
        )
        for c in partner.contacts
    )
    meetings = [
        Link(
            href("sitzungen", mid),
            meeting_title(network, mid, network.language),
            short_date(m.date, lang),
        )
        for mid, m in network.meetings.items()
        if (m.present and ids.intersection(m.present)) or m.venue == partner_id
    ]
    contributions = [
        Link(
            href("projekte", pid),
            project.name,
            contribution_text(c.kind, c.what, c.value_eur, c.hours, _),
        )
        for pid, project in network.projects.items()
        for c in project.contributions
        if c.partner == partner_id
    ]
    return PartnerPage(
        partner_id,
        partner,
        label(_, "partner kind", partner.kind),
        label(_, "partner status", partner.status),
        people,
        tuple(
            Link(href("gruppen", gid), network.groups[gid].name, role)
            for gid, role in sorted(
                groups.items(), key=lambda kv: name_key(network.groups[kv[0]].name)
            )
        ),
        tuple(reversed(meetings)),
        tuple(contributions),
        network.file_of("partner", partner_id),
    )
