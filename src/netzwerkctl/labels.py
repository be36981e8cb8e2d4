"""The words a coordinator reads for the values the files store in English
(`status: approached` is shown as "angesprochen"), where Python writes the text
itself; templates keep their own tables next to the text they belong to."""

from __future__ import annotations

from netzwerkctl.codes import Lang

PARTNER_STATUS: dict[Lang, dict[str, str]] = {
    "de": {
        "prospect": "möglich",
        "approached": "angesprochen",
        "active": "aktiv",
        "paused": "pausiert",
        "former": "ehemalig",
    },
    "en": {},
}

PARTNER_KIND: dict[Lang, dict[str, str]] = {
    "de": {
        "association": "Verein",
        "welfare": "Wohlfahrtsverband",
        "business": "Unternehmen",
        "bank": "Bank",
        "administration": "Verwaltung",
        "politics": "Politik",
        "school": "Schule",
        "education": "Bildungseinrichtung",
        "church": "Kirche",
        "foundation": "Stiftung",
        "initiative": "Initiative",
        "volunteer_agency": "Freiwilligenagentur",
        "media": "Medien",
        "individual": "Einzelperson",
        "other": "Sonstiges",
    },
    "en": {"volunteer_agency": "volunteer agency"},
}


def label(table: dict[Lang, dict[str, str]], value: str, lang: Lang) -> str:
    """The word for `value`, or the value itself where there is none."""
    return table[lang].get(value, value)
