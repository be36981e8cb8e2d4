"""Dates as people write them: 2021-03-15 or 15.03.2021 (also 1.3.2021). Shared by
the models and the command line, and free of pydantic.

Only years 1900 to 2999 are dates here: a network has no meetings in the year 1 or
9999, and such a year (mostly a typo) would otherwise pass `check` and then break
date arithmetic in a calendar or a reminder window."""

from __future__ import annotations

import re
from datetime import date

MIN_YEAR, MAX_YEAR = 1900, 2999
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\Z")  # ASCII digits only
_GERMAN_DATE = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})\Z")


def read_date(text: str) -> date | None:
    """The date a text means, or None if it is none (also for 31.02.2021, and for a
    day outside the years MIN_YEAR to MAX_YEAR)."""
    day = calendar_day(text)
    return day if day is not None and MIN_YEAR <= day.year <= MAX_YEAR else None


def calendar_day(text: str) -> date | None:
    """The day a text names, in any year (None: no day, such as 31.02.2021)."""
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
