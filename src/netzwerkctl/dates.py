"""Dates as people write them: 2021-03-15 or 15.03.2021 (also 1.3.2021). Shared by
the models and the command line, and free of pydantic."""

from __future__ import annotations

import re
from datetime import date

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})\Z")
_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\Z")


def read_date(text: str) -> date | None:
    """The date a text means, or None if it is none (also for 31.02.2021)."""
    text = text.strip()
    iso = _ISO_DATE.match(text)
    german = _GERMAN_DATE.match(text)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if german:
            return date(int(german[3]), int(german[2]), int(german[1]))
    except ValueError:
        return None
    return None
