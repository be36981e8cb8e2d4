"""What the pages of the web view share: their links (`href`, `Link`) and the
few ways they write a name, a date or a contribution, and how a search matches."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import quote

from netzwerkctl.derive.meetings import person_label
from netzwerkctl.i18n import Text, short_date
from netzwerkctl.network import Network
from netzwerkctl.present.labels import label


def href(kind: str, entity_id: str) -> str:
    """The page of one partner, group, meeting or project."""
    return f"/{kind}/{quote(entity_id, safe='')}"


def matches(query: str, *texts: str | None) -> bool:
    """Every word of the query in one of the texts, case and accents aside."""
    from netzwerkctl.derive.words import normalize

    wanted = normalize(query).split()
    haystack = normalize(" ".join(t for t in texts if t))
    return all(w in haystack for w in wanted)


@dataclass(frozen=True)
class Link:
    href: str
    text: str
    detail: str = ""


def contribution_text(kind: str, what: str | None, eur: Any, hours: Any, _: Text) -> str:
    from netzwerkctl.present.render import number_formats

    formats = number_formats(_.lang)
    parts = [label(_, "contribution kind", kind)]
    if what:
        parts.append(what)
    if eur is not None:
        parts.append(formats["eur"](eur))
    if hours is not None:
        parts.append(_("%(hours)s hours", hours=formats["number"](hours)))
    return " · ".join(parts)


def partner_ref(network: Network, partner_id: str, detail: str = "") -> Link:
    """A link to a partner's page; only text for an id no partner has (an error
    `check` shows: the page would not exist)."""
    partner = network.partners.get(partner_id)
    if partner is None:
        return Link("", partner_id, detail)
    return Link(href("partner", partner_id), partner.name, detail)


def person_name(network: Network, person_id: str) -> str:
    return person_label(network, person_id)[0]


def day_text(value: date | None, lang: str) -> str:
    return short_date(value, lang) if value else ""
