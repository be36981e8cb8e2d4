"""Marketplace events: a deal joins two different partners, ids within an event are
unique, and no offer or need asks for money in its text. (Money as the kind of an
exchange is refused by the model itself: see `model.MONEY_WORDS`.)"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from netzwerkctl.model import MONEY_WORDS
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


# Whole words only ("Eurobike", "Spendenlauf-Plakat" are no money), and amounts. An
# amount starts only where a run of digits starts (the lookbehind), so a text of
# 150,000 digits is scanned once, not once per digit; and only the first 2,000
# characters of a text are read at all.
_WORDS = re.compile(r"\w+", re.UNICODE)
_AMOUNT = re.compile(r"€|(?<![\d.,])\d[\d.,]*\s*(?:eur|euro)\b", re.IGNORECASE)
_READ = 2000
_MONEY_TEXT = MONEY_WORDS | {"zuschüsse", "geldbetrag", "euros", "fördergeld", "fördergelder"}


def money_word(text: str) -> str | None:
    """The word in a text that asks for money, if any."""
    text = text[:_READ]
    amount = _AMOUNT.search(text)
    if amount is not None:
        return str(amount.group(0))
    for word in _WORDS.findall(text):
        if word.casefold() in _MONEY_TEXT:
            return str(word)
    return None


def money_in_text(net: Network, today: date) -> Iterable[Problem]:
    for mid, market in net.marketplaces.items():
        for key, entries in (("offers", market.offers), ("needs", market.needs)):
            for i, entry in enumerate(entries):
                word = money_word(entry.what)
                if word is not None:
                    at = net.at("marketplace", mid, key, i, "what")
                    yield problem("NW603", at, value=entry.what, key=f"{key}.what", word=word)
