"""Comparing German words the forgiving way people expect when they search.

`Öffentlichkeitsarbeit` equals `oeffentlichkeitsarbeit` (case, umlauts, ß), `Vereine`
equals `Verein` (simple plural and inflection endings), `Räume` equals `Raum`, and
`Jugend` finds `Jugendarbeit` (a word that begins or ends a compound). Good enough
to find partners by their expertise; not a stemmer for prose.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# Second comparison: Räume against Raum needs the umlaut as its plain vowel.
_FOLDED = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_SPLIT = re.compile(r"[^a-z0-9]+")
# Longest first: "innen" before "en", so that Referentinnen becomes referent. No lone
# "n" or "s": they would cut Verein to verei and Prozess to proze.
_ENDINGS = ("innen", "ungen", "heiten", "keiten", "en", "er", "e")
_MIN_STEM = 4
_MIN_PART = 4  # a shorter word inside a compound would match too much (e.g. "ag")


# Words that say nothing about a topic, an offer or a need.
FILLER = frozenset(
    {
        "und",
        "oder",
        "fuer",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einen",
        "einer",
        "mit",
        "bei",
        "von",
        "zum",
        "zur",
        "auf",
        "aus",
        "nach",
        "ueber",
        "unser",
        "unsere",
        "unseren",
        "fuers",
        "hilfe",
        "unterstuetzung",
        "stunden",
        "and",
        "for",
        "the",
        "with",
        "help",
    }
)
SHORT = 4  # a shorter word ("IT", "EDV", "im") meets only a tag that is just that word


def _composed(text: str) -> str:
    """One form for "ä" whether typed as one character or as "a" and a combining mark
    (as file names and some editors on macOS store it)."""
    return unicodedata.normalize("NFC", text).lower()


def normalize(word: str) -> str:
    return _composed(word).translate(_UMLAUTS)


def words(text: str) -> list[str]:
    """The normalised words of a text: `Bildung/Qualifizierung` → bildung, qualifizierung."""
    return [w for w in _SPLIT.split(normalize(text)) if w]


def _folded_words(text: str) -> list[str]:
    """`words`, with umlauts as their plain vowels (räume → raume); same count and order."""
    return [w for w in _SPLIT.split(_composed(text).translate(_FOLDED)) if w]


def terms(text: str) -> list[str]:
    """The words of a phrase that carry its meaning: no filler ("Hilfe bei der
    Öffentlichkeitsarbeit" → oeffentlichkeitsarbeit). A single word is kept as typed."""
    found = words(text)
    if len(found) == 1:
        return found
    return [w for w in found if w not in FILLER]


def whole_tag(word: str, tag: str) -> bool:
    """Within a phrase, a short word counts only as a whole tag or a part of a
    hyphenated one: "IT" meets "IT" and "IT-Sicherheit", but "im" does not meet
    "Arbeit im Verein"."""
    if len(word) >= SHORT:
        return True
    tokens = tag.split()
    return len(tokens) == 1 and word in words(tokens[0])


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


MatchHow = Literal["same", "stem", "part"]


@dataclass(frozen=True)
class Hit:
    """How a search word met a tag: `same` word, same `stem`, or `part` of a compound."""

    query: str
    tag: str
    how: MatchHow

    @property
    def score(self) -> int:
        return {"same": 3, "stem": 2, "part": 1}[self.how]


def compare(query: str, tag: str) -> Hit | None:
    """The best way a search word (as typed) meets a tag (as written), if at all."""
    best: Hit | None = None
    for q, qf in zip(words(query), _folded_words(query), strict=True):
        for t, tf in zip(words(tag), _folded_words(tag), strict=True):
            how: MatchHow | None = None
            if q == t:
                how = "same"
            elif stem(q) == stem(t) or stem(qf) == stem(tf):
                how = "stem"
            elif _inside(stem(q), t) or _inside(stem(t), q):
                how = "part"
            if how and (best is None or _RANK[how] > _RANK[best.how]):
                best = Hit(query, tag, how)
    return best


_RANK = {"part": 1, "stem": 2, "same": 3}


def _inside(part: str, word: str) -> bool:
    """`part` begins or ends the compound `word` (Jugend|arbeit, Aus|bildung); a match
    in the middle is mostly chance (Bank in Datenbankpflege, Rat in Beratung)."""
    return (
        len(part) >= _MIN_PART and part != word and (word.startswith(part) or word.endswith(part))
    )
