"""Replies to invitations, read from what the mail program saved: iMIP replies
(`METHOD:REPLY`, RFC 6047) as .ics files or inside .eml files. Each names the meeting
(its UID, as `calendar` and `agenda --send` give it), the person (an ATTENDEE's
address) and the answer (PARTSTAT ACCEPTED or DECLINED).

The coordinator's record stays the meeting file: `accepted:` and `declined:`.
`lists_after` says what they become; `edited` rewrites only those two keys of the
file's text, keeping every other line, comment and the order of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any, Literal

from netzwerkctl.network import Network

MAX_BYTES = 5 * 1024 * 1024  # a saved reply is a few kilobytes; anything larger is not one
ANSWERS = {"ACCEPTED": "accepted", "DECLINED": "declined"}
# The answers a calendar program gives (PARTSTAT, RFC 5545), lower case; netzwerkctl
# records the first two, and names the others when it cannot record them.
ReplyAnswer = Literal["accepted", "declined", "tentative", "needs-action", "delegated"]


@dataclass(frozen=True)
class Reply:
    file: str
    uid: str
    email: str
    answer: str  # accepted | declined | another PARTSTAT, lower case
    # when it was given: the event's SEQUENCE and DTSTAMP (UTC, ISO), for which of two
    # replies of one person is the later — the file names say nothing about it
    sequence: int = 0
    stamp: str = ""


# What file managers leave in a folder without being asked; never a saved reply.
_NOT_SAVED = frozenset({"desktop.ini", "thumbs.db"})


@dataclass(frozen=True)
class Saved:
    """What a folder of saved replies holds: the replies, the .ics and .eml files
    that hold none (or cannot be read), and the files of another kind (a .msg from
    Outlook) — each in name order. Hidden files and folders are not looked at."""

    found: list[Reply]
    skipped: list[str]
    other: list[str]


def read_replies(folder: Path) -> Saved:
    """Every reply in the .ics and .eml files of `folder`, and what it could not read."""
    from icalendar import Calendar

    found: list[Reply] = []
    skipped: list[str] = []
    other: list[str] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name.lower() in _NOT_SAVED or path.is_dir():
            continue
        if path.suffix.lower() not in (".ics", ".eml") or not path.is_file():
            other.append(path.name)
            continue
        try:
            if path.stat().st_size > MAX_BYTES:
                raise ValueError("too large")
            raw = path.read_bytes()
            calendars = [raw] if path.suffix.lower() == ".ics" else _calendar_parts(raw)
            before = len(found)
            for data in calendars:
                calendar = Calendar.from_ical(data)
                if str(calendar.get("method", "")).upper() != "REPLY":
                    continue
                for event in calendar.walk("VEVENT"):
                    sequence, stamp = _when(event)
                    attendees = event.get("attendee", [])
                    for attendee in attendees if isinstance(attendees, list) else [attendees]:
                        email = re.sub(r"(?i)^mailto:", "", str(attendee)).strip().lower()
                        state = str(attendee.params.get("PARTSTAT", "")).upper()
                        answer = ANSWERS.get(state, state.lower())
                        uid = str(event.get("uid", ""))
                        found.append(Reply(path.name, uid, email, answer, sequence, stamp))
            if len(found) == before:
                skipped.append(path.name)
        except (OSError, ValueError, IndexError, KeyError):
            skipped.append(path.name)
    return Saved(found, skipped, other)


def _when(event: Any) -> tuple[int, str]:
    """SEQUENCE and DTSTAMP of a reply; 0 and "" where missing or unreadable."""
    try:
        sequence = int(event.get("sequence", 0))
    except (TypeError, ValueError):
        sequence = 0
    stamp = event.get("dtstamp")
    moment = getattr(stamp, "dt", None)
    if isinstance(moment, datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
        return sequence, moment.isoformat()
    return sequence, ""


def _calendar_parts(raw: bytes) -> list[bytes]:
    msg = message_from_bytes(raw, policy=policy.default)
    parts = []
    for part in msg.walk():
        kind = part.get_content_type()
        name = (part.get_filename() or "").lower()
        if kind == "text/calendar" or name.endswith(".ics"):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                parts.append(payload)
    return parts


@dataclass(frozen=True)
class Outcome:
    """What the replies say for one meeting: the lists after them, and who changed."""

    meeting: str
    accepted: tuple[str, ...]
    declined: tuple[str, ...]
    new: tuple[tuple[str, str], ...]  # (person, answer) not yet in the file


def lists_after(network: Network, replies: list[Reply]) -> tuple[list[Outcome], list[Reply]]:
    """The `accepted:` and `declined:` of each meeting the replies are about (a later
    reply of the same person wins), and the replies that name no known meeting or
    person or give another answer (tentative)."""
    from netzwerkctl.addresses import ascii_address

    # an address as typed (fußball-…) and as the calendar replies with it (xn--…)
    from netzwerkctl.derive.meetings import invitees

    by_email: dict[str, set[str]] = {}
    for pid, known in network.persons.items():
        if known.contact.email:
            for address in {known.contact.email, ascii_address(known.contact.email)}:
                by_email.setdefault(address.lower(), set()).add(pid)
    unknown: list[Reply] = []
    answers: dict[str, dict[str, str]] = {}
    # the later reply of a person wins: by the event's SEQUENCE, then its DTSTAMP
    for reply in sorted(replies, key=lambda r: (r.sequence, r.stamp)):
        meeting = reply.uid.split("@", 1)[0]
        candidates = by_email.get(reply.email, set())
        if len(candidates) > 1 and meeting in network.meetings:  # an address two share
            invited = {a.person for a in invitees(network, meeting)}
            candidates = candidates & invited
        person = next(iter(candidates)) if len(candidates) == 1 else None  # else: whose?
        understood = meeting in network.meetings and reply.answer in ANSWERS.values()
        if person is None or not understood:
            unknown.append(reply)
            continue
        answers.setdefault(meeting, {})[person] = reply.answer
    outcomes = []
    for meeting, given in sorted(answers.items()):
        m = network.meetings[meeting]
        accepted = [p for p in m.accepted if given.get(p, "accepted") == "accepted"]
        declined = [p for p in m.declined if given.get(p, "declined") == "declined"]
        new = []
        for person, answer in given.items():
            target = accepted if answer == "accepted" else declined
            if person not in target:
                target.append(person)
                new.append((person, answer))
        outcomes.append(Outcome(meeting, tuple(accepted), tuple(declined), tuple(new)))
    return outcomes, unknown


_KEY = re.compile(r"^(accepted|declined):")


def edited(text: str, accepted: tuple[str, ...], declined: tuple[str, ...]) -> str:
    """The meeting file's text with only `accepted:` and `declined:` rewritten (as one
    line each, in flow style), every other line kept; missing keys are appended. The
    old value goes whole — the items written one per line, a flow list going on over
    lines — while comments in it stay, also one on the key's own line."""
    lines = text.splitlines()
    values = {"accepted": accepted, "declined": declined}
    out: list[str] = []
    seen: set[str] = set()
    skipping = False
    for i, line in enumerate(lines):
        found = _KEY.match(line)
        if found:
            key = found.group(1)
            seen.add(key)
            comment = _TRAILING_COMMENT.search(line)
            tail = f"  {comment.group(1)}" if comment else ""
            out.append(f"{key}: [{', '.join(values[key])}]{tail}")
            skipping = True
            continue
        if skipping and line.startswith((" ", "\t", "-")):
            if line.lstrip().startswith("#"):
                out.append(line)  # a comment in the list (`# telefonisch`): kept
            continue  # an item of the list, or a flow list going on over lines
        if skipping and (not line.strip() or line.startswith("#")) and _goes_on(lines, i):
            out.append(line)  # a blank line or a comment between items: kept
            continue
        skipping = False
        out.append(line)
    for key in ("accepted", "declined"):
        if key not in seen and values[key]:
            out.append(f"{key}: [{', '.join(values[key])}]")
    return "\n".join(out) + "\n"


# a comment after the value on the key's line (`accepted: [anna]  # per Telefon`)
_TRAILING_COMMENT = re.compile(r"\s(#.*)$")


def _goes_on(lines: list[str], i: int) -> bool:
    """Whether the list still goes on after line `i` (blank lines and comments skipped)."""
    for line in lines[i + 1 :]:
        if not line.strip() or line.startswith("#"):
            continue
        return line.startswith((" ", "\t", "-"))
    return False
