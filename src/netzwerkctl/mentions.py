"""How a text names a person by their surname: „Frau Schulte“, „Dr. Ebbing“, „Pfarrer
Vennekötter“, „Prof. Dr. Hansen“. One pattern for the Art. 15 answer
(derive/person.py), the erasure (forget.py) and the public calendar's masking
(present/public.py), so that a line one of them finds, the others find too.
"""

from __future__ import annotations

# What stands before a surname in a text.
HONORIFICS = (
    r"Frau|Herrn?|Fr\.|Hr\.|Dr\.|Prof\.|Pfarrer(?:in)?|Pastor(?:in)?|Diakon(?:in)?"
    r"|Bürgermeister(?:in)?|Dipl\.-\w+\.?"
)


def by_surname(surname: str) -> str:
    """A pattern for an honorific, any further titles and `surname` (itself a pattern:
    escape a name with re.escape)."""
    return rf"(?:{HONORIFICS})\s+(?:(?:Dr|Prof)\.\s+)*(?:{surname})"
