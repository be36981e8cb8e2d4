"""The marketplace (seed 000): seekers and offerers meet, and anything but money is
exchanged. For an event: the deals, what is still open, and pairs worth suggesting
among the open ones; across all events: what each partner gave and received."""

from __future__ import annotations

from dataclasses import dataclass

from netzwerkctl.collation import name_key
from netzwerkctl.derive.words import FILLER, stem, words
from netzwerkctl.model import Deal, Exchange
from netzwerkctl.network import Network


def _terms(text: str) -> set[str]:
    return {stem(w) for w in words(text) if len(w) >= 4 and w not in FILLER}


def _as_written(text: str, stems: set[str]) -> tuple[str, ...]:
    """The words of `text` whose stems are in `stems`, spelled as in the text
    ("Flyern", not the stem "flyer"), each stem once, in the text's order."""
    found: list[str] = []
    seen: set[str] = set()
    for token in text.split():
        token = token.strip(".,;:!?()[]\"'„“”")
        hits = {stem(w) for w in words(token)} & stems
        if hits - seen and token not in found:  # "Flyer-Druck" once, for both stems
            found.append(token)
        seen |= hits
    return tuple(found)


@dataclass(frozen=True)
class Suggestion:
    offer: Exchange
    need: Exchange
    shared: tuple[str, ...]  # the words they have in common, as the offer writes them
    strength: int  # how many word stems they share (a compound may hold two)


@dataclass(frozen=True)
class MarketView:
    id: str
    title: str
    deals: list[tuple[Deal, Exchange | None, Exchange | None]]
    open_offers: list[Exchange]
    open_needs: list[Exchange]
    suggestions: list[Suggestion]


def market_view(network: Network, market_id: str) -> MarketView:
    market = network.marketplaces[market_id]
    offers = {o.id: o for o in market.offers}
    needs = {n.id: n for n in market.needs}
    used_offers = {d.offer for d in market.deals}
    used_needs = {d.need for d in market.deals}
    open_offers = [o for o in market.offers if o.id not in used_offers]
    open_needs = [n for n in market.needs if n.id not in used_needs]
    suggestions = []
    for offer in open_offers:
        for need in open_needs:
            if offer.kind != need.kind or offer.partner == need.partner:
                continue  # never a partner with itself
            shared = _terms(offer.what) & _terms(need.what)
            if shared:
                suggestions.append(
                    Suggestion(offer, need, _as_written(offer.what, shared), len(shared))
                )
    suggestions.sort(key=lambda s: (-s.strength, s.offer.id, s.need.id))
    return MarketView(
        market_id,
        market.title,
        [(d, offers.get(d.offer), needs.get(d.need)) for d in market.deals],
        open_offers,
        open_needs,
        suggestions,
    )


@dataclass(frozen=True)
class Balance:
    partner: str
    name: str
    offered: int
    needed: int
    gave: int  # deals in which its offer was taken
    received: int  # deals in which its need was met


def balances(network: Network) -> list[Balance]:
    """Across all marketplace events, per partner (by name)."""
    counts: dict[str, list[int]] = {}
    for market in network.marketplaces.values():
        offers = {o.id: o.partner for o in market.offers}
        needs = {n.id: n.partner for n in market.needs}
        for o in market.offers:
            counts.setdefault(o.partner, [0, 0, 0, 0])[0] += 1
        for n in market.needs:
            counts.setdefault(n.partner, [0, 0, 0, 0])[1] += 1
        for d in market.deals:
            if d.offer in offers:
                counts.setdefault(offers[d.offer], [0, 0, 0, 0])[2] += 1
            if d.need in needs:
                counts.setdefault(needs[d.need], [0, 0, 0, 0])[3] += 1
    rows = [
        Balance(pid, network.partners[pid].name if pid in network.partners else pid, *c)
        for pid, c in counts.items()
    ]
    return sorted(rows, key=lambda b: (name_key(b.name), b.partner))
