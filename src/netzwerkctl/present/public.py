"""Nothing personal in what is published: e-mail addresses and phone numbers that
someone typed into a free text (a report's summary, a highlight, a recommendation) are
masked in the published document, and `check` names the place (rules/privacy.py)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from netzwerkctl.i18n import Text
from netzwerkctl.mentions import EMAIL, HONORIFICS, PHONE, by_surname


def contact_data(text: str) -> bool:
    """Whether `text` holds an e-mail address or a phone number."""
    return bool(EMAIL.search(text) or PHONE.search(text))


def masked(text: str | None, lang: str) -> str | None:
    """`text` with every e-mail address and phone number replaced by a note."""
    if text is None:
        return None
    _ = Text(lang)
    text = EMAIL.sub(_("[e-mail removed]"), text)
    return PHONE.sub(_("[phone number removed]"), text)


def name_masker(names: Iterable[str], lang: str) -> Callable[[str | None], str | None]:
    """A function that replaces every name of a person of the network (as written in
    their entry, in any case) and every "Frau/Herr/Dr./C. <surname>" by a note: for
    texts that were not written to be published, such as agenda items in a public
    calendar. The names become one regular expression shaped as a trie, so a text is
    read once, not once per person."""
    wanted = {n.lower() for n in names if n.strip()}
    wanted |= {core for n in wanted if (core := _without_titles(n))}  # "Martina Ebbing"
    _ = Text(lang)
    note = _("[name removed]")
    if not wanted:
        return lambda text: text
    surnames = _trie({n.split()[-1] for n in wanted})
    pattern = re.compile(
        rf"(?<![\w-])(?:{_trie(wanted)}"
        rf"|{by_surname(surnames)}|[A-ZÄÖÜ]\.\s+(?:(?:Dr|Prof)\.\s+)*{surnames})(?![\w-])",
        re.IGNORECASE,
    )

    def mask(text: str | None) -> str | None:
        return pattern.sub(note, text) if text else text

    return mask


_TITLE_WORD = re.compile(rf"(?:{HONORIFICS}|[\w.-]+\.)$", re.IGNORECASE)


def _without_titles(name: str) -> str:
    """A name as people write it in a text: without the titles its entry carries
    ("Dr. Martina Ebbing", "Pfarrer Johannes Vennekötter"); "" if nothing changes or
    only one word would be left (a surname alone is masked only after a title)."""
    words = name.split()
    while len(words) > 2 and _TITLE_WORD.fullmatch(words[0]):
        words = words[1:]
    core = " ".join(words)
    return core if core != name and len(words) >= 2 else ""


def _trie(words: Iterable[str]) -> str:
    """A regular expression for any of `words` that shares their common beginnings:
    Python's engine would try an alternation of 30,000 names one by one. Words longer
    than any real name are plain alternatives (the trie's depth stays bounded)."""
    words = set(words)
    long = sorted(w for w in words if len(w) > _DEEPEST)
    root: dict[str, Any] = {}
    for word in words - set(long):
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    branches = [build(root)] if root else []
    return "(?:" + "|".join([*branches, *map(re.escape, long)]) + ")"


_DEEPEST = 80  # characters: the trie nests a group per character
