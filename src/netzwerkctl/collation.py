"""The order in which people and organisations are listed, as a German reader looks
them up (DIN 5007-1, as in a dictionary): upper and lower case, accents and a leading
quotation mark do not count, „Ökumenischer Arbeitskreis“ stands under O and not after
Z, ß sorts as ss. A person's academic title does not count either („Dr. Martina
Ebbing“ stands under M); an organisation's name is taken as it is („Dr. Oetker
Stiftung“ under D). One key for every list a person reads; ids and files keep their
plain order."""

from __future__ import annotations

import re
import unicodedata

# Academic titles before a person's name: „Dr.“, „Prof. Dr.“, „PD Dr.“, „Dr.-Ing.“,
# „Dipl.-Ing.“, „Dr. med.“, „Dr. rer. nat.“ — each followed by a space, so that
# „Drogerie“ keeps its letters.
_TITLES = re.compile(
    r"^(?:(?:Prof|Dr|PD|Dipl)(?:\.|-\w+\.?)*\s+(?:(?:med|phil|jur|habil|rer\.\s*nat|h\.\s*c)\.\s+)*)+"
)
_LEADING = re.compile(r"^[\W_]+")  # quotation marks, brackets, dashes


def name_key(name: str) -> tuple[str, str]:
    """The sort key of a name; names equal but for case or accents keep their order
    by the name as written, so that the order never depends on the input's order."""
    plain = _LEADING.sub("", name.strip()) or name
    folded = unicodedata.normalize("NFKD", plain.casefold().replace("ß", "ss"))
    return "".join(c for c in folded if not unicodedata.combining(c)), name


def person_key(name: str) -> tuple[str, str]:
    """The sort key of a person's name: `name_key` without the academic titles."""
    key, _name = name_key(_TITLES.sub("", name.strip()) or name)
    return key, name
