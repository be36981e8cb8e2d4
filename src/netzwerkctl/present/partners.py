"""Partner work as plain data for templates and JSON: the partner list, who can help
with a topic, the marketplace, and a person's data (DSGVO)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, TypedDict

from netzwerkctl.codes import Lang
from netzwerkctl.derive.market import MarketView, balances
from netzwerkctl.derive.partners import Match, PartnerRow, clusters
from netzwerkctl.derive.person import PersonView
from netzwerkctl.i18n import N_, Text
from netzwerkctl.model import Exchange, Privacy
from netzwerkctl.network import Network

Day = date


class PartnerEntry(TypedDict):
    id: str
    name: str
    kind: str
    status: str
    cluster: str | None
    expertise: list[str]
    approached: Day | None
    joined: Day | None
    left: Day | None
    contacts: int
    decision_makers: list[str]
    groups: list[str]
    patron_of: list[str]


class TagEntry(TypedDict):
    name: str
    partners: list[PartnerEntry]


class ClusterEntry(TypedDict):
    name: str
    tags: list[TagEntry]


class PartnersContext(TypedDict):
    network: str
    partners: list[PartnerEntry]
    clusters: list[ClusterEntry]


class Reason(TypedDict):
    query: str
    tag: str
    how: str


class MatchEntry(TypedDict):
    id: str
    name: str
    status: str
    score: float
    reasons: list[Reason]
    decision_makers: list[str]
    persons: list[str]


class MatchContext(TypedDict):
    topics: list[str]
    group: str | None
    group_name: str | None
    involved: list[str]
    matches: list[MatchEntry]


class ExchangeEntry(TypedDict):
    id: str
    partner: str
    partner_name: str
    what: str
    kind: str


class DealEntry(TypedDict):
    offer: ExchangeEntry | None  # None: the offer the deal names is not in the data
    need: ExchangeEntry | None
    offer_id: str  # as the deal names them, to say which one is missing
    need_id: str
    agreed: Day | None
    note: str | None


class SuggestionEntry(TypedDict):
    offer: ExchangeEntry | None
    need: ExchangeEntry | None
    shared: list[str]


class EventSummary(TypedDict):
    id: str
    title: str
    date: Day
    offers: int
    needs: int
    deals: int


class EventEntry(TypedDict):
    id: str
    title: str
    date: Day
    location: str | None
    deals: list[DealEntry]
    open_offers: list[ExchangeEntry | None]
    open_needs: list[ExchangeEntry | None]
    suggestions: list[SuggestionEntry]


class BalanceEntry(TypedDict):
    partner: str
    name: str
    offered: int
    needed: int
    gave: int
    received: int


class MarketContext(TypedDict):
    events: list[EventSummary]
    event: EventEntry | None
    balances: list[BalanceEntry]


class Mention(TypedDict):
    file: str
    line: int | None
    what: str
    where: str
    text: str


class PurposeEntry(TypedDict):
    purpose: str
    legal_basis: str


class PrivacyEntry(TypedDict):
    """`privacy:` of netzwerk.yaml, where a key is missing netzwerkctl's wording for a
    typical network (in the network's language): the letter and its JSON say the
    same. `defaults` names the keys that were filled in so."""

    controller: str | None
    contact: str | None
    purposes: list[PurposeEntry]
    recipients: list[str]
    storage: str
    retention_years: int | None
    source: str
    defaults: list[str]


class PersonContext(TypedDict):
    today: Day
    id: str
    name: str
    partner: str | None
    partner_name: str | None
    complete: bool
    data: dict[str, Any]  # the contact entry as stored (JSON values)
    mentions: list[Mention]
    network: str
    privacy: PrivacyEntry
    salutation: str | None  # "ms", "mr" or None, and the title, for the cover letter
    title: str | None
    sender: str | None  # the office that answers
    signer: str | None


def _group_names(network: Network, ids: tuple[str, ...]) -> list[str]:
    return [network.groups[g].name if g in network.groups else g for g in ids]


def partner_row(network: Network, row: PartnerRow) -> PartnerEntry:
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


def partners_context(network: Network, rows: list[PartnerRow], by_cluster: bool) -> PartnersContext:
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
) -> MatchContext:
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


def _exchange(network: Network, e: Exchange | None) -> ExchangeEntry | None:
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


def market_context(network: Network, view: MarketView | None) -> MarketContext:
    events: list[EventSummary] = [
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
    event: EventEntry | None = None
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
                    "offer_id": deal.offer,
                    "need_id": deal.need,
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


def _privacy(network: Network) -> PrivacyEntry:
    info = network.info
    privacy = info.privacy if info else Privacy()
    office = info.office if info else None
    _ = Text(network.language)
    defaults: list[str] = []
    purposes: list[PurposeEntry] = [
        {"purpose": p.purpose, "legal_basis": p.legal_basis} for p in privacy.purposes
    ]
    if not purposes:
        defaults.append("purposes")
        purposes = [
            {
                "purpose": _(
                    "Coordinating the network: invitations, minutes, reminders and "
                    "contacts between the partners"
                ),
                "legal_basis": _(
                    "Art. 6 (1) (a) GDPR (your consent) and Art. 6 (1) (f) GDPR (the "
                    "legitimate interest of the partners in working together)"
                ),
            }
        ]
    recipients = list(privacy.recipients)
    if not recipients:
        defaults.append("recipients")
        recipients = [
            _("the members of the groups you belong to or are invited to (invitations, minutes)"),
            _("the coordinating office of the network"),
        ]
    storage = privacy.storage
    if storage is None:
        defaults.append("storage")
        years = privacy.retention_years
        storage = (
            _.ngettext(
                "As long as you are a contact person of a partner of the network, then "
                "%(num)d more year.",
                "As long as you are a contact person of a partner of the network, then "
                "%(num)d more years.",
                years,
                num=years,
            )
            if years is not None
            else _(
                "As long as you are a contact person of a partner of the network; after "
                "that the data is erased or made anonymous."
            )
        )
    source = privacy.source
    if source is None:
        defaults.append("source")
        source = _(
            "From you or from your organisation, when it became a partner of the "
            "network or named you as its contact person."
        )
    return {
        "controller": privacy.controller or (office.name if office else None),
        "contact": privacy.contact,
        "purposes": purposes,
        "recipients": recipients,
        "storage": storage,
        "retention_years": privacy.retention_years,
        "source": source,
        "defaults": defaults,
    }


def person_context(network: Network, view: PersonView, today: date) -> PersonContext:
    info = network.info
    office = info.office if info else None
    contact = network.persons[view.id].contact if view.id in network.persons else None
    signer = network.office_signer(today)
    return {
        "network": info.name if info else "",
        "privacy": _privacy(network),
        "salutation": contact.salutation if contact else None,
        "title": contact.title if contact else None,
        "sender": office.name if office else None,
        "signer": network.persons[signer].contact.name
        if signer and signer in network.persons
        else None,
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


# The columns of the CSV: the key of a partner row and its heading.
_CSV_COLUMNS = (
    ("id", N_("csv column", "id")),
    ("name", N_("csv column", "name")),
    ("kind", N_("csv column", "kind")),
    ("status", N_("csv column", "status")),
    ("cluster", N_("csv column", "cluster")),
    ("expertise", N_("csv column", "expertise")),
    ("approached", N_("csv column", "approached")),
    ("joined", N_("csv column", "joined")),
    ("left", N_("csv column", "left")),
    ("contacts", N_("csv column", "contacts")),
    ("decision_makers", N_("csv column", "decision makers")),
    ("groups", N_("csv column", "groups")),
    ("patron_of", N_("csv column", "patron of")),
)


def as_csv(rows: list[PartnerEntry], lang: Lang, warning: str | None = None) -> bytes:
    """CSV as a German Excel opens it with a double click: UTF-8 with a byte order mark
    (else umlauts break), ";" between fields, CRLF; headings, kinds, statuses and dates
    in the network's language (JSON is the form for programs). A cell that starts like
    a formula gets a leading apostrophe, so a partner named "=HYPERLINK(…)" stays text."""
    import csv
    import io
    from datetime import date

    from netzwerkctl.i18n import Text, short_date
    from netzwerkctl.present.labels import label

    _ = Text(lang)

    def shown(key: str, value: Any) -> str:
        if isinstance(value, list):
            return ", ".join(value)
        if value is None:
            return ""
        if isinstance(value, date):
            return short_date(value, lang)
        if key in ("kind", "status"):
            return label(_, f"partner {key}", value)
        return str(value)

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    if warning:  # the first row, where a person opening the table sees it
        writer.writerow([_cell(warning)])
    writer.writerow([_.pgettext(context, heading) for _key, (context, heading) in _CSV_COLUMNS])
    for row in rows:
        cells: Mapping[str, Any] = row  # a partner's fields by the key of each column
        writer.writerow([_cell(shown(key, cells[key])) for key, _heading in _CSV_COLUMNS])
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


def _cell(value: object) -> str:
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def partner_table(network: Network, rows: list[PartnerEntry]) -> Any:
    """The partners as a Rich table for the terminal (data as text, never markup)."""
    from rich.table import Table
    from rich.text import Text

    from netzwerkctl.i18n import Text as Words
    from netzwerkctl.i18n import short_date
    from netzwerkctl.present.labels import label

    lang = network.language
    _ = Words(lang)
    table = Table(show_lines=True)
    for title in (_("Partner"), _("Status"), _("Expertise"), _("Contacts"), _("Groups")):
        table.add_column(title)
    for r in rows:
        days = (r["approached"], r["joined"], r["left"])
        way = " → ".join(short_date(d, lang) for d in days if d)
        deciders = ", ".join(r["decision_makers"])
        contacts = f"{r['contacts']}; " + (
            _("decides: %(persons)s", persons=deciders) if deciders else _("no decision-maker")
        )
        groups = ", ".join(r["groups"])
        if r["patron_of"]:
            groups += "\n" + _("patron of: %(groups)s", groups=", ".join(r["patron_of"]))
        status = label(_, "partner status", r["status"])
        cells = (
            f"{r['name']}\n{label(_, 'partner kind', r['kind'])}",
            f"{status}\n{way}" if way else status,
            ", ".join(r["expertise"]),
            contacts,
            groups,
        )
        table.add_row(*(Text(c) for c in cells))  # data is text, never Rich markup
    return table
