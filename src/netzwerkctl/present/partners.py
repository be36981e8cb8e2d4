"""Partner work as plain data for templates and JSON: the partner list, who can help
with a topic, the marketplace, and a person's data (DSGVO)."""

from __future__ import annotations

from datetime import date
from typing import Any

from netzwerkctl.derive.market import MarketView, balances
from netzwerkctl.derive.partners import Match, PartnerRow, clusters
from netzwerkctl.derive.person import PersonView
from netzwerkctl.model import Exchange
from netzwerkctl.network import Network

Context = dict[str, Any]


def _group_names(network: Network, ids: tuple[str, ...]) -> list[str]:
    return [network.groups[g].name if g in network.groups else g for g in ids]


def partner_row(network: Network, row: PartnerRow) -> Context:
    p = row.partner
    return {
        "id": row.id,
        "name": p.name,
        "kind": p.kind,
        "status": p.status,
        "cluster": p.cluster,
        "expertise": list(p.expertise),
        "approached": p.approached,
        "joined": p.joined,
        "left": p.left,
        "contacts": row.contacts,
        "decision_makers": list(row.decision_makers),
        "groups": _group_names(network, row.groups),
        "patron_of": _group_names(network, row.patronages),
    }


def partners_context(network: Network, rows: list[PartnerRow], by_cluster: bool) -> Context:
    return {
        "network": network.info.name if network.info else "",
        "partners": [partner_row(network, r) for r in rows],
        "clusters": [
            {
                "name": cluster,
                "tags": [
                    {"name": tag, "partners": [partner_row(network, r) for r in tag_rows]}
                    for tag, tag_rows in tags
                ],
            }
            for cluster, tags in clusters(rows)
        ]
        if by_cluster
        else [],
    }


def match_context(
    topics: list[str],
    matches: list[Match],
    group: str | None,
    group_name: str | None = None,
    involved: list[str] | None = None,
) -> Context:
    """`involved`: names of partners that would fit but are in the group already."""
    return {
        "topics": topics,
        "group": group,
        "group_name": group_name,
        "involved": involved or [],
        "matches": [
            {
                "id": m.id,
                "name": m.partner.name,
                "status": m.partner.status,
                "score": m.score,
                "reasons": [{"query": h.query, "tag": h.tag, "how": h.how} for h in m.hits],
                "decision_makers": list(m.decision_makers),
                "persons": [p for p in m.persons if p not in m.decision_makers],
            }
            for m in matches
        ],
    }


def _exchange(network: Network, e: Exchange | None) -> Context | None:
    if e is None:
        return None
    partner = network.partners.get(e.partner)
    return {
        "id": e.id,
        "partner": e.partner,
        "partner_name": partner.name if partner else e.partner,
        "what": e.what,
        "kind": e.kind,
    }


def market_context(network: Network, view: MarketView | None) -> Context:
    events = [
        {
            "id": mid,
            "title": m.title,
            "date": m.date,
            "offers": len(m.offers),
            "needs": len(m.needs),
            "deals": len(m.deals),
        }
        for mid, m in sorted(network.marketplaces.items(), key=lambda kv: (kv[1].date, kv[0]))
    ]
    event: Context | None = None
    if view is not None:
        market = network.marketplaces[view.id]
        event = {
            "id": view.id,
            "title": view.title,
            "date": market.date,
            "location": market.location,
            "deals": [
                {
                    "offer": _exchange(network, offer),
                    "need": _exchange(network, need),
                    "agreed": deal.agreed,
                    "note": deal.note,
                }
                for deal, offer, need in view.deals
            ],
            "open_offers": [_exchange(network, o) for o in view.open_offers],
            "open_needs": [_exchange(network, n) for n in view.open_needs],
            "suggestions": [
                {
                    "offer": _exchange(network, s.offer),
                    "need": _exchange(network, s.need),
                    "shared": list(s.shared),
                }
                for s in view.suggestions
            ],
        }
    return {
        "events": events,
        "event": event,
        "balances": [
            {
                "partner": b.partner,
                "name": b.name,
                "offered": b.offered,
                "needed": b.needed,
                "gave": b.gave,
                "received": b.received,
            }
            for b in balances(network)
        ],
    }


def person_context(view: PersonView, today: date) -> Context:
    return {
        "today": today,
        "id": view.id,
        "name": view.name,
        "partner": view.partner,
        "partner_name": view.partner_name,
        "complete": view.complete,
        "data": view.data,
        "mentions": [
            {"file": m.file, "line": m.line, "what": m.what, "where": m.where, "text": m.text}
            for m in view.mentions
        ],
    }
