"""Partner work: the partner list with its pipeline, and who can help with a topic.

The Ahrensburg seed: list possible partners, cluster them, approach them by their
expertise; partners stay when they can bring in their own strengths; and decision-
makers are often missing at the table — so every row says whether one is known.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from netzwerkctl.collation import name_key
from netzwerkctl.derive.words import Hit, compare, terms, whole_tag
from netzwerkctl.model import Contact, Partner
from netzwerkctl.network import Network


def decision_makers(network: Network, partner: Partner, today: date) -> list[Contact]:
    return [c for c in network.current_contacts(partner, today) if c.decision_maker]


@dataclass(frozen=True)
class PartnerRow:
    id: str
    partner: Partner
    contacts: int
    decision_makers: tuple[str, ...]  # names
    groups: tuple[str, ...]  # group ids where one of its persons is a member today
    patronages: tuple[str, ...]  # group ids it is patron of today


def partner_rows(network: Network, today: date) -> list[PartnerRow]:
    person_partner = {pid: p.partner for pid, p in network.persons.items()}
    groups: dict[str, set[str]] = {}
    patrons: dict[str, set[str]] = {}
    for gid in network.groups:
        for person in network.members_on(gid, today):
            if person in person_partner:
                groups.setdefault(person_partner[person], set()).add(gid)
        for partner_id in network.patrons_on(gid, today):
            patrons.setdefault(partner_id, set()).add(gid)
    return [
        PartnerRow(
            id=pid,
            partner=p,
            contacts=len(network.current_contacts(p, today)),
            decision_makers=tuple(c.name for c in decision_makers(network, p, today)),
            groups=tuple(sorted(groups.get(pid, ()))),
            patronages=tuple(sorted(patrons.get(pid, ()))),
        )
        for pid, p in sorted(network.partners.items(), key=lambda kv: (name_key(kv[1].name), kv[0]))
    ]


def filter_rows(
    rows: list[PartnerRow], status: str | None, kind: str | None, expertise: str | None
) -> list[PartnerRow]:
    return [
        r
        for r in rows
        if (status is None or r.partner.status == status)
        and (kind is None or r.partner.kind == kind)
        and (expertise is None or any(compare(expertise, t) for t in r.partner.expertise))
    ]


def clusters(rows: list[PartnerRow]) -> list[tuple[str, list[tuple[str, list[PartnerRow]]]]]:
    """Ahrensburg's list: by cluster, and within it by expertise tag (a partner with
    several tags appears under each)."""
    by_cluster: dict[str, dict[str, list[PartnerRow]]] = {}
    for row in rows:
        cluster = row.partner.cluster or ""
        tags = row.partner.expertise or ("",)
        for tag in tags:
            by_cluster.setdefault(cluster, {}).setdefault(tag, []).append(row)
    return [
        (cluster, sorted(tags.items(), key=lambda kv: (kv[0] == "", name_key(kv[0]))))
        for cluster, tags in sorted(
            by_cluster.items(), key=lambda kv: (kv[0] == "", name_key(kv[0]))
        )
    ]


MATCH_STATUSES = ("active", "approached", "prospect")


@dataclass(frozen=True)
class Match:
    id: str
    partner: Partner
    score: int
    hits: tuple[Hit, ...]
    decision_makers: tuple[str, ...]
    persons: tuple[str, ...]  # current contact persons (names)


def match(
    network: Network, topics: list[str], today: date, exclude: frozenset[str] = frozenset()
) -> list[Match]:
    """Partners (active ones and prospects) whose expertise or cluster meets the
    topics, best fit first; each search word counts with its best hit."""
    found = []
    for pid, partner in network.partners.items():
        if partner.status not in MATCH_STATUSES or pid in exclude:
            continue
        tags = [*partner.expertise, *([partner.cluster] if partner.cluster else [])]
        hits = []
        for topic in topics:
            searched = terms(topic)
            phrase = len(searched) > 1  # a word typed alone is taken as it is
            for word in searched:
                candidates = [t for t in tags if not phrase or whole_tag(word, t)]
                best = max(
                    (h for t in candidates if (h := compare(word, t)) is not None),
                    key=lambda h: h.score,
                    default=None,
                )
                if best is not None:
                    hits.append(Hit(word if phrase else topic, best.tag, best.how))
        if not hits:
            continue
        found.append(
            Match(
                id=pid,
                partner=partner,
                score=sum(h.score for h in hits),
                hits=tuple(hits),
                decision_makers=tuple(c.name for c in decision_makers(network, partner, today)),
                persons=tuple(c.name for c in network.current_contacts(partner, today)),
            )
        )
    order = {s: i for i, s in enumerate(MATCH_STATUSES)}
    return sorted(
        found, key=lambda m: (-m.score, order[m.partner.status], name_key(m.partner.name))
    )


def involved_in_group(network: Network, group_id: str, today: date) -> frozenset[str]:
    """Partners already at the table of a group: its host, patrons and the partners
    of its current members."""
    group = network.groups[group_id]
    involved = {p.partner for p in group.patrons}
    if group.host:
        involved.add(group.host)
    for person in network.members_on(group_id, today):
        ref = network.persons.get(person)
        if ref is not None:
            involved.add(ref.partner)
    return frozenset(involved)
