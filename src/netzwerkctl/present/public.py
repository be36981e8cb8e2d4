"""Nothing personal in what is published: e-mail addresses and phone numbers that
someone typed into a free text (a report's summary, a highlight, a recommendation) are
masked in the published document, and `check` names the place (rules/privacy.py)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from netzwerkctl.i18n import Text

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A phone number as people write them: 0 or +country, then at least six more digits,
# spaces, slashes or hyphens between them ("02871 953-600", "+49 2871 953600").
PHONE = re.compile(r"(?<![\w.,])(?:\+\d{1,3}[ /-]?|0)\d{2,5}(?:[ /-]?\d){4,}(?![\w])")


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
    calendar. Compiled once, used for many texts."""
    wanted = sorted({n for n in names if n.strip()}, key=len, reverse=True)
    surnames = sorted({n.split()[-1] for n in wanted}, key=len, reverse=True)
    _ = Text(lang)
    note = _("[name removed]")
    alternatives = [re.escape(n) for n in wanted]
    if surnames:
        titled = "|".join(re.escape(s) for s in surnames)
        alternatives.append(
            rf"(?:Frau|Herrn?|Fr\.|Hr\.|Dr\.|Prof\.|[A-ZÄÖÜ]\.)\s+(?:Dr\.\s+)?(?:{titled})"
        )
    pattern = (
        re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])", re.IGNORECASE)
        if wanted
        else None
    )

    def mask(text: str | None) -> str | None:
        return pattern.sub(note, text) if text and pattern is not None else text

    return mask
