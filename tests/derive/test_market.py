"""Suggested pairs at a marketplace: the shared words as people wrote them."""

from __future__ import annotations

from conftest import BASE
from netzwerkctl.derive.market import _as_written, market_view
from netzwerkctl.load import build_network


def test_market_shows_a_shared_compound_once() -> None:
    assert _as_written("Flyer-Druck", {"druck", "flyer"}) == ("Flyer-Druck",)
    assert _as_written("Druck von Flyern, Flyer-Plakaten", {"flyer", "plakat"}) == (
        "Flyern",
        "Flyer-Plakaten",
    )


def test_pairs_sharing_more_stems_come_first_even_within_one_compound() -> None:
    markt = (
        "title: Markt\ndate: 2021-06-12\n"
        "offers:\n  - {id: o1, partner: fa, what: Flyer-Druck für Vereine, kind: material}\n"
        "needs:\n"
        "  - {id: n1, partner: bank, what: Ein paar Flyer, kind: material}\n"
        "  - {id: n2, partner: verein, what: Druck von Flyern, kind: material}\n"
    )
    files = {**BASE, "marketplace/markt.yaml": markt}
    network = build_network([(k, v.encode()) for k, v in files.items()]).network
    view = market_view(network, "markt")
    assert [(s.need.id, s.shared, s.strength) for s in view.suggestions] == [
        ("n2", ("Flyer-Druck",), 2),
        ("n1", ("Flyer-Druck",), 1),
    ]
