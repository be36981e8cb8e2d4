""" "Did you mean …?": the closest of the known names to a misspelled one. Free of
pydantic, so that the file handling can use it too."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

__all__ = ["suggest"]


def suggest(word: str, choices: Sequence[str]) -> str:
    """The closest of `choices` to a misspelled `word`, or '' when none is close."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not matches:  # two neighbouring letters swapped: `ga` for `ag`
        swaps = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
        matches = [c for c in choices if c in swaps]
    if not matches:
        lowered = {c.lower(): c for c in choices}
        matches = [lowered[m] for m in difflib.get_close_matches(word.lower(), list(lowered))]
    if not matches:
        # `fa-bocholt` for `fa`, `ag-bildung` for `ag-bildung-2016`: one id inside the other
        low = word.lower()
        matches = sorted(
            (c for c in choices if len(c) >= 2 and (low.startswith(c) or c.startswith(low))),
            key=lambda c: (-len(c), c),
        )
    return matches[0] if matches else ""
