""" "Did you mean …?": the closest of the known names to a misspelled one. Free of
pydantic, so that the file handling can use it too.

People write what they see: `partner: AWO` for the partner named "AWO Ortsverein
Ahrensburg e.V.", `present: [Dr. Birgit Hansen]` for `birgit-hansen`. `suggest_id`
therefore looks a reference up among the names as well, and suggests the id to write —
in one round, never a name that would only lead to the next error.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

__all__ = ["suggest", "suggest_id"]

# Beyond this length a value is no misspelled name: difflib's work grows with the
# square of the length, and a 50 KB value must not cost seconds.
MAX_LENGTH = 100
_TITLES = frozenset({"dr", "prof", "frau", "herr", "dipl", "ing", "med", "phil", "ev"})
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_WORD = re.compile(r"[a-z0-9]+")


def suggest(word: str, choices: Sequence[str]) -> str:
    """The closest of `choices` to a misspelled `word`, or '' when none is close."""
    if len(word) > MAX_LENGTH:
        return ""
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


@lru_cache(maxsize=4096)
def name_words(text: str) -> tuple[str, ...]:
    """The words of a name without titles, case and umlaut spelling: "Dr. Birgit
    Hänsen" and "birgit haensen" are the same words; "e.V." is no word of a name."""
    folded = text.casefold().translate(_FOLD).replace("e.v.", " ")
    return tuple(w for w in _WORD.findall(folded) if w not in _TITLES)


def suggest_id(ref: str, choices: Sequence[str], names: Mapping[str, str]) -> str:
    """The id to write for `ref`: the one whose name `ref` is (or is uniquely part
    of), else the closest id, else the id whose name is closest; '' when none fits.
    `names` maps ids to the names people know them by."""
    if len(ref) > MAX_LENGTH:
        return ""
    words = name_words(ref)
    if words:
        exact = [i for i, name in names.items() if name_words(name) == words]
        if len(exact) == 1:
            return exact[0]
        wanted = set(words)
        partial = [i for i, name in names.items() if wanted <= set(name_words(name))]
        if len(partial) == 1:
            return partial[0]
        if len(partial) > 1:  # "AWO" with two AWO partners: naming one would mislead
            return ""
    hint = suggest(ref, choices)
    if hint or not words:
        return hint
    by_name: dict[str, str] = {}
    for i, name in names.items():
        by_name.setdefault(" ".join(name_words(name)), i)
    close = difflib.get_close_matches(" ".join(words), list(by_name), n=1, cutoff=0.75)
    return by_name[close[0]] if close else ""
