"""RFC 5545 content lines, written directly.

A calendar of 48,000 meetings spent most of its time in icalendar's object model (a
property object, a parameter dictionary and a content-line object per value, then
sorting and folding them again), so `calendar` grew faster than its network. The events
netzwerkctl writes use a handful of value types, so they are written here as strings:
TEXT escaped, parameters quoted, lines folded on UTF-8 bytes, properties in the order
icalendar writes them (a fixed order first, the others alphabetically), so calendars
keep their bytes. icalendar is still used where it earns its place: the VTIMEZONE
blocks (written once per calendar) and reading replies (replies.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

__all__ = [
    "EVENT_ORDER",
    "Component",
    "calendar_bytes",
    "date_value",
    "duration",
    "fold",
    "ics_bytes",
    "local_time",
    "text",
    "timezone_block",
    "utc_time",
]

# icalendar's canonical order of a VEVENT's properties; the rest follow alphabetically.
EVENT_ORDER = (
    "SUMMARY",
    "DTSTART",
    "DTEND",
    "DURATION",
    "DTSTAMP",
    "UID",
    "RECURRENCE-ID",
    "SEQUENCE",
    "RRULE",
    "RDATE",
    "EXDATE",
)
CALENDAR_ORDER = (
    "VERSION",
    "PRODID",
    "CALSCALE",
    "METHOD",
    "DESCRIPTION",
    "X-WR-CALDESC",
    "NAME",
    "X-WR-CALNAME",
)
# time zones whose times are written in UTC ("…Z"), without a VTIMEZONE
UTC_NAMES = frozenset(
    {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu"}
)


def text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks
    escaped; any line break (CRLF, LF, CR) becomes one \\n."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


_RFC6868 = re.compile(r'\^|\r\n|\r|\n|"')
_RFC6868_BY = {"^": "^^", "\r\n": "^n", "\r": "^n", "\n": "^n", '"': "^'"}
_QUOTE = re.compile("[,;:\u2019]")


def parameter(name: str, value: str) -> str:
    """A parameter value: RFC 6868 escapes for ^, " and line breaks, and double
    quotes where the value holds , ; or : (a CN also where it holds a space or ')."""
    escaped = _RFC6868.sub(lambda m: _RFC6868_BY[m.group()], value)
    if _QUOTE.search(escaped) or (name == "CN" and (" " in value or "'" in value)):
        return f'"{escaped}"'
    return escaped


def date_value(day: date) -> str:
    return f"{day.year:04}{day.month:02}{day.day:02}"


def local_time(moment: datetime) -> str:
    """A date and time as it reads on a clock in its time zone (the TZID says which)."""
    return f"{date_value(moment)}T{moment.hour:02}{moment.minute:02}{moment.second:02}"


def utc_time(moment: datetime) -> str:
    """A date and time in UTC; `moment` must be in UTC already."""
    return local_time(moment) + "Z"


def duration(span: timedelta) -> str:
    """A DURATION (RFC 5545 3.3.6) of whole days, hours, minutes and seconds."""
    sign = "-" if span < timedelta(0) else ""
    span = abs(span)
    days, seconds = span.days, span.seconds
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    if days and days % 7 == 0 and not (hours or minutes or seconds):
        return f"{sign}P{days // 7}W"
    out = f"{sign}P{days}D" if days else f"{sign}P"
    if hours or minutes or seconds:
        out += "T"
        out += f"{hours}H" if hours else ""
        out += f"{minutes}M" if minutes else ""
        out += f"{seconds}S" if seconds else ""
    return out if out not in ("P", "-P") else "P0D"


def fold(line: str) -> str:
    """A content line folded as RFC 5545 asks (and as icalendar does): chunks of at
    most 74 bytes joined by CRLF and a space, never inside a character's UTF-8 bytes,
    never after a backslash or caret that begins an escape. Nearly every line is
    shorter and returned as it is."""
    data = line.encode()
    if len(data) <= 74:
        return line
    chunks: list[bytes] = []
    at = 0
    while len(data) - at > 74:
        end = at + 74
        while data[end] & 0xC0 == 0x80:
            end -= 1
        if data[end - 1 : end] in (b"\\", b"^") and end - 1 > at:
            end -= 1  # the escape goes with what it escapes
        chunks.append(data[at:end])
        at = end
    chunks.append(data[at:])
    return "\r\n ".join(chunk.decode() for chunk in chunks)


def ics_bytes(component: Any) -> bytes:
    """An icalendar component's bytes, folded by `fold` (icalendar folds character
    by character)."""
    return "".join(fold(line) + "\r\n" for line in component.content_lines() if line).encode()


@dataclass
class Component:
    """A component (VEVENT, VALARM, VCALENDAR) as its content lines. Values are
    given written (`text`, `date_value`, … ); `add` keeps several values of one
    property in the order they were added."""

    name: str
    order: tuple[str, ...] = ()
    properties: dict[str, list[str]] = field(default_factory=dict)
    components: list[Component] = field(default_factory=list)

    def add(self, name: str, value: str, params: Mapping[str, str] | None = None) -> None:
        if params:
            written = ";".join(f"{k}={parameter(k, v)}" for k, v in sorted(params.items()))
            line = f"{name};{written}:{value}"
        else:
            line = f"{name}:{value}"
        self.properties.setdefault(name, []).append(line)

    def set(self, name: str, value: str) -> None:
        """Replace every value of `name` with `value`."""
        self.properties.pop(name, None)
        self.add(name, value)

    def first(self, name: str) -> str | None:
        """The first line of property `name`, as written."""
        lines = self.properties.get(name)
        return lines[0] if lines else None

    def lines(self) -> Iterable[str]:
        yield f"BEGIN:{self.name}"
        first = [n for n in self.order if n in self.properties]
        rest = sorted(n for n in self.properties if n not in self.order)
        for name in first + rest:
            yield from self.properties[name]
        for component in self.components:
            yield from component.lines()
        yield f"END:{self.name}"

    def to_ical(self) -> bytes:
        return "".join(fold(line) + "\r\n" for line in self.lines()).encode()


def calendar_bytes(calendar: Component, timezones: bytes, events: Iterable[bytes]) -> bytes:
    """A VCALENDAR: its properties, its time zones, then events already written."""
    head = calendar.to_ical()
    end = f"END:{calendar.name}\r\n".encode()
    return head[: -len(end)] + timezones + b"".join(events) + end


@lru_cache(maxsize=16)
def timezone_block(tzid: str, first: date, last: date) -> bytes:
    """The VTIMEZONE of `tzid` with the transitions from `first` to `last` (icalendar
    computes them from the tz database), without icalendar's English comment; no
    block for UTC, whose times are written with a Z."""
    if tzid in UTC_NAMES:
        return b""
    from icalendar import Timezone

    block = Timezone.from_tzid(tzid, first_date=first, last_date=last)
    block.pop("COMMENT", None)
    return ics_bytes(block)
