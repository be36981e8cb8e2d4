"""The order in which people and organisations are listed, as a German reader looks
them up (DIN 5007-1, as in a dictionary): upper and lower case and accents do not
count, „Ökumenischer Arbeitskreis“ stands under O and not after Z, ß sorts as ss; a
person's academic title does not count („Dr. Martina Ebbing“ stands under M). One key
for every list a person reads; ids and files keep their plain order."""

from __future__ import annotations

import re
import unicodedata

# Academic titles before a name: „Dr.“, „Prof. Dr.“, „Dr. med.“, „Dr. rer. nat.“
_TITLES = re.compile(r"^(?:(?:Prof|Dr|PD)\.\s*(?:(?:med|phil|jur|rer\.\s*nat|h\.\s*c)\.\s*)*)+")


def name_key(name: str) -> tuple[str, str]:
    """The sort key of a name; names equal but for case or accents keep their order
    by the name as written, so that the order never depends on the input's order."""
    plain = _TITLES.sub("", name.strip()) or name
    folded = unicodedata.normalize("NFKD", plain.casefold().replace("ß", "ss"))
    return "".join(c for c in folded if not unicodedata.combining(c)), name
