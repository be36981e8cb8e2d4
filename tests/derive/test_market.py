"""Suggested pairs at a marketplace: the shared words as people wrote them."""

from __future__ import annotations

from netzwerkctl.derive.market import _as_written


def test_market_shows_a_shared_compound_once() -> None:
    assert _as_written("Flyer-Druck", {"druck", "flyer"}) == ("Flyer-Druck",)
    assert _as_written("Druck von Flyern, Flyer-Plakaten", {"flyer", "plakat"}) == (
        "Flyern",
        "Flyer-Plakaten",
    )
