"""Comparing German words the forgiving way people expect when they search.

`Öffentlichkeitsarbeit` equals `oeffentlichkeitsarbeit` (case, umlauts, ß), `Vereine`
equals `Verein` (simple plural and inflection endings), and `Jugend` finds
`Jugendarbeit` (one word inside a compound). Good enough to find partners by their
expertise; not a stemmer for prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_SPLIT = re.compile(r"[^a-z0-9]+")
# Longest first: "innen" before "en", so that Referentinnen becomes referent. No lone
# "n" or "s": they would cut Verein to verei and Prozess to proze.
_ENDINGS = ("innen", "ungen", "heiten", "keiten", "en", "er", "e")
_MIN_STEM = 4
_MIN_PART = 4  # a shorter word inside a compound would match too much (e.g. "ag")


def normalize(word: str) -> str:
    return word.lower().translate(_UMLAUTS)


def words(text: str) -> list[str]:
    """The normalised words of a text: `Bildung/Qualifizierung` → bildung, qualifizierung."""
    return [w for w in _SPLIT.split(normalize(text)) if w]


def stem(word: str) -> str:
    if word.endswith(("ern", "eln")) and len(word) >= 6:  # dative plural: Flyern, Kindern
        word = word[:-1]
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            base = word[: -len(ending)]
            if ending in ("ungen", "heiten", "keiten"):  # Schulungen → schulung
                base += ending[:-2]
            return base
    return word


@dataclass(frozen=True)
class Hit:
    """How a search word met a tag: `same` word, same `stem`, or `part` of a compound."""

    query: str
    tag: str
    how: str

    @property
    def score(self) -> int:
        return {"same": 3, "stem": 2, "part": 1}[self.how]


def compare(query: str, tag: str) -> Hit | None:
    """The best way a search word (as typed) meets a tag (as written), if at all."""
    best: Hit | None = None
    for q in words(query):
        for t in words(tag):
            how = None
            if q == t:
                how = "same"
            elif stem(q) == stem(t):
                how = "stem"
            elif _inside(stem(q), t) or _inside(stem(t), q):
                how = "part"
            if how and (best is None or _RANK[how] > _RANK[best.how]):
                best = Hit(query, tag, how)
    return best


_RANK = {"part": 1, "stem": 2, "same": 3}


def _inside(part: str, word: str) -> bool:
    return len(part) >= _MIN_PART and part != word and part in word
