"""Marketplace events: a deal joins two different partners, and ids within an event
are unique. (Money is refused by the model itself: see `model.MONEY_WORDS`.)"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from netzwerkctl.network import Network
from netzwerkctl.problems import Problem, problem


def deals(net: Network, today: date) -> Iterable[Problem]:
    for mid, market in net.marketplaces.items():
        offers = {o.id: o.partner for o in market.offers}
        needs = {n.id: n.partner for n in market.needs}
        for i, deal in enumerate(market.deals):
            giver, taker = offers.get(deal.offer), needs.get(deal.need)
            if giver is not None and giver == taker:
                yield problem(
                    "NW602",
                    net.at("marketplace", mid, "deals", i),
                    offer=deal.offer,
                    need=deal.need,
                    partner=giver,
                )


def unique_ids(net: Network, today: date) -> Iterable[Problem]:
    for mid, market in net.marketplaces.items():
        for key, entries in (("offers", market.offers), ("needs", market.needs)):
            first: dict[str, int] = {}
            for i, entry in enumerate(entries):
                if entry.id in first:  # places are looked up only for a problem
                    first_line = net.at("marketplace", mid, key, first[entry.id], "id").line
                    at = net.at("marketplace", mid, key, i, "id")
                    yield problem("NW209", at, id=entry.id, first_line=first_line)
                else:
                    first[entry.id] = i
