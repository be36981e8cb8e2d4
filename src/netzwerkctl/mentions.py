"""How a text names a person: by title and surname („Frau Schulte“, „Dr. Ebbing“,
„Pfarrer Vennekötter“, „Prof. Dr. Hansen“), by an e-mail address or a phone number.
One set of patterns for the Art. 15 answer (derive/person.py), the erasure
(forget.py) and the public calendar's masking (present/public.py), so that a line one
of them finds, the others find too.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A phone number as people write them: 0 or +country, then at least six more digits,
# spaces, slashes or hyphens between them ("02871 953-600", "+49 2871 953600").
PHONE = re.compile(r"(?<![\w.,])(?:\+\d{1,3}[ /-]?|0)\d{2,5}(?:[ /-]?\d){4,}(?![\w])")

# What stands before a surname and surely means a person: a form of address or an
# office only a person holds („Frau Schulte“, „Pfarrer Vennekötter“).
ADDRESS_FORMS = (
    r"Frau|Herrn?|Fr\.|Hr\.|Pfarrer(?:in)?|Pastor(?:in)?|Diakon(?:in)?|Bürgermeister(?:in)?"
)
# Academic titles, which also stand in the names of firms („Zahnarztpraxis Dr. Hemsing“,
# „Dr. Oetker“): a line with one may mean the person, or may not.
TITLES = r"Dr\.|Prof\.|Dipl\.-\w+\.?"
HONORIFICS = f"{ADDRESS_FORMS}|{TITLES}"


def by_surname(surname: str, forms: str = HONORIFICS) -> str:
    """A pattern for an honorific (of `forms`), any further titles and `surname`
    (itself a pattern: escape a name with re.escape)."""
    return rf"(?:{forms})\s+(?:(?:Dr|Prof)\.\s+)*(?:{surname})"
