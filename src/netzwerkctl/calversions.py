"""The version of each calendar event: SEQUENCE and DTSTAMP that change with the event.

A calendar program that imports the .ics again updates an event only when it looks
newer: a higher SEQUENCE, a later DTSTAMP. Neither can come from the clock (the same
data must give the same bytes), and a fingerprint of the event alone does not grow.
So netzwerkctl remembers, per event, the fingerprint of what it last exported with
its sequence and stamp, in `.netzwerkctl/calendar.json` inside the network (ignored
by git, under the same rules as the check cache). An event whose fingerprint changed
gets the next sequence and the stamp of the day of the export (`--today`); one that
did not keeps both. Without that file (a fresh clone) every event starts at
SEQUENCE 0 with a stamp taken from its own date.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from netzwerkctl.cache import read_state, state_lock, write_state

FILE = "calendar.json"
FORMAT = 1


@dataclass(frozen=True)
class Version:
    fingerprint: str
    sequence: int
    stamp: datetime  # UTC


def utc_midnight(day: date) -> datetime:
    """A DTSTAMP taken from the data (the day an entry is about), not from the clock."""
    return datetime.combine(day, time(0, 0), tzinfo=timezone.utc)


def next_version(
    previous: Version | None, fingerprint: str, first_stamp: date, today: date
) -> Version:
    """The version of an event now: unchanged, first seen, or changed since."""
    if previous is None:
        return Version(fingerprint, 0, utc_midnight(first_stamp))
    if previous.fingerprint == fingerprint:
        return previous
    stamp = max(utc_midnight(today), previous.stamp + timedelta(seconds=1))
    return Version(fingerprint, previous.sequence + 1, stamp)


def load(root: Path) -> dict[str, Version]:
    """The versions last exported; empty when missing, unreadable or not ours."""
    data = read_state(root, FILE, FORMAT)
    if data is None:
        return {}
    try:
        return {
            str(uid): Version(
                str(entry["fingerprint"]),
                int(entry["sequence"]),
                datetime.fromisoformat(str(entry["stamp"])).astimezone(timezone.utc),
            )
            for uid, entry in dict(data["events"]).items()
        }
    except (ValueError, KeyError, TypeError, AttributeError):
        return {}


def save(root: Path, versions: Mapping[str, Version]) -> None:
    """Remember the versions (with those of events not in this export, e.g. of another
    group)."""
    with state_lock(root, FILE):
        merged = {**load(root), **versions}
        events = {
            uid: {
                "fingerprint": v.fingerprint,
                "sequence": v.sequence,
                "stamp": v.stamp.isoformat(),
            }
            for uid, v in sorted(merged.items())
        }
        write_state(root, FILE, FORMAT, {"events": events})
