"""Invitations by e-mail: one message per invitee, addressed personally, with the
invitation as text and HTML, the calendar invitation (iTIP REQUEST, or CANCEL) that
a calendar program accepts and updates, and the PDF of the letter where PDF works.

What decides what goes out is the record of what was sent (mail.py), noting for each
delivered invitation the meeting and what invitees care about (day, time, place,
status). Sending again after nothing changed sends nothing; after the meeting moved,
everyone who got the invitation gets an update ("Geändert: …", same UID, higher
SEQUENCE); a cancelled meeting, or an invitee no longer invited, gets a cancellation
("Abgesagt: …"); an invitee added later gets the invitation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from netzwerkctl.calversions import Version
from netzwerkctl.mail import (
    RECORD,
    Letter,
    delivered_notes,
    fixed_boundaries,
    letter_to,
    message_for,
)
from netzwerkctl.network import Network

KIND = "invitation"


@dataclass(frozen=True)
class Prepared:
    letter: Letter
    message: EmailMessage | None  # None: no e-mail address, a call or a letter instead


def what_matters(network: Network, meeting_id: str) -> str:
    """What an invitee must hear about when it changes: day, times, place, status."""
    m = network.meetings[meeting_id]
    return "|".join(str(v) for v in (m.date, m.start, m.end, m.location, m.status))


def organizer(network: Network, sender: Address, day: date) -> tuple[str, str]:
    """Who invites (ORGANIZER): the office's contact person (while a current contact
    on `day`), else the office, else the sender of the messages."""
    info = network.info
    office = info.office if info else None
    signer = network.office_signer(day)
    if signer is not None:
        contact = network.persons[signer].contact
        if contact.email:
            return contact.name, contact.email
    if office and office.email:
        return office.name, office.email
    return sender.display_name or sender.addr_spec, sender.addr_spec


@dataclass(frozen=True)
class Planned:
    """What one person gets for a meeting."""

    person: str
    cancel: bool
    update: bool
    has: str | None  # the key of the message the person has, when nothing changed since
    rounds: int  # how many messages about this meeting the person has had
    last: Mapping[str, str] | None = None  # the note of the last one, if any


def plan(network: Network, meeting_id: str, outbox: Path) -> list[Planned]:
    """Who gets what: every current invitee, and everyone who got an invitation
    earlier and is no longer invited (or the meeting was cancelled) a cancellation.
    What counts is the last message each person had: a meeting that moves back to its
    first day, is cancelled and then held after all, or an invitee invited again after
    a cancellation, gets a new message — never silence because an equal one went
    out before."""
    from netzwerkctl.derive.meetings import invitees

    meeting = network.meetings[meeting_id]
    last: dict[str, dict[str, str]] = {}
    rounds: dict[str, int] = {}
    for note in delivered_notes(outbox / RECORD, kind=KIND, meeting=meeting_id):
        person = note.get("person", "")
        if note.get("method") in ("REQUEST", "CANCEL"):
            last[person] = note
            rounds[person] = rounds.get(person, 0) + 1
    invited = {p for p, note in last.items() if note.get("method") == "REQUEST"}
    now = what_matters(network, meeting_id)
    current = (
        [] if meeting.status == "cancelled" else [a.person for a in invitees(network, meeting_id)]
    )
    found: list[Planned] = []
    for person in current:
        matters = last[person].get("matters") if person in invited else None
        has = last[person].get("key") if matters == now else None
        update = person in invited and matters != now
        found.append(Planned(person, False, update, has, rounds.get(person, 0), last.get(person)))
    gone = [p for p in sorted(invited) if p not in current]
    found += [Planned(p, True, False, None, rounds[p], last[p]) for p in gone]
    return found


def gone_meetings(network: Network, outbox: Path, day: date) -> list[tuple[str, date]]:
    """Meetings, on `day` or later, that someone still has an invitation to (a REQUEST
    was the last message they had) but whose file is gone — renamed after the
    invitations went out, or deleted. Their invitees keep the old date in their
    calendars: renamed back, `agenda` sends the change; with `status: cancelled`, the
    cancellation. (id, day), by day."""
    last: dict[tuple[str, str], dict[str, str]] = {}
    for note in delivered_notes(outbox / RECORD, kind=KIND):
        meeting = note.get("meeting", "")
        # a file read with errors (--allow-errors) is there: it is not gone
        gone = not network.is_known("meeting", meeting)
        if gone and note.get("method") in ("REQUEST", "CANCEL"):
            last[(meeting, note.get("person", ""))] = note
    found: dict[str, date] = {}
    for (meeting, _person), note in last.items():
        if note.get("method") != "REQUEST":
            continue
        try:  # `matters` begins with the meeting's day (what_matters)
            when = date.fromisoformat(note.get("matters", "").split("|", 1)[0])
        except ValueError:
            continue
        if when >= day:
            found[meeting] = when
    return sorted(found.items(), key=lambda item: (item[1], item[0]))


def version_for(version: Version, planned: Planned, method: str) -> Version:
    """The event's version in the message to one person: newer than the last message
    that person had (RFC 5546: a calendar ignores a REQUEST not newer than the CANCEL
    it has). The event's own version grows only when the event changes; an invitee
    invited again after a cancellation gets the next SEQUENCE all the same."""
    last = planned.last
    if last is None:
        return version
    if planned.has is not None:  # nothing new: the version of the message the person has
        try:
            return Version(version.fingerprint, int(last["sequence"]), version.stamp)
        except (KeyError, ValueError):
            return version
    try:
        had = int(last["sequence"])
    except (KeyError, ValueError):  # noted before sequences were: assume the event's
        had = version.sequence if last.get("method") != method else version.sequence - 1
    if version.sequence > had:
        return version
    bump = had + 1 - version.sequence
    return Version(version.fingerprint, had + 1, version.stamp + timedelta(seconds=bump))


def prepare(
    network: Network,
    meeting_id: str,
    lang: str,
    day: date,
    outbox: Path,
    sender: Address,
    version: Version,
    texts: Callable[[str, str, bool], tuple[str, str]],
    pdf: bytes | None,
) -> list[Prepared]:
    """The letters and messages for one meeting; `texts(person, name, cancel)` gives a
    person's text (plain, HTML), `pdf` is the invitation letter or None."""
    from netzwerkctl.i18n import Text
    from netzwerkctl.present.calendar import invitation
    from netzwerkctl.present.documents import meeting_title

    _ = Text(lang)
    title = meeting_title(network, meeting_id, lang)
    matters = what_matters(network, meeting_id)
    inviting = organizer(network, sender, day)
    prepared = []
    delivered = {note.get("key") for note in delivered_notes(outbox / RECORD, kind=KIND)}
    for planned in plan(network, meeting_id, outbox):
        person, cancel, update = planned.person, planned.cancel, planned.update
        known = network.persons.get(person)
        name = known.contact.name if known else person
        method = "CANCEL" if cancel else "REQUEST"
        if cancel:
            subject = _("Cancelled: %(title)s", title=title)
        elif update:
            subject = _("Changed: %(title)s", title=title)
        else:
            subject = _("Invitation: %(title)s", title=title)
        text, html = texts(person, name, cancel)
        sent_version = version_for(version, planned, method)
        note = (("kind", KIND), ("meeting", meeting_id), ("method", method), ("matters", matters))
        parts = [KIND, meeting_id, person, method, matters]
        letter = letter_to(network, person, parts, subject, text, note)
        if planned.has is not None:  # nothing new: the message the person has
            letter = replace(letter, key=planned.has)
        elif letter.key in delivered:  # as once before, but not what the person has now
            letter = letter_to(network, person, [*parts, str(planned.rounds)], subject, text, note)
        # the SEQUENCE it carries, for the next message to compare with
        letter = replace(letter, note=(*letter.note, ("sequence", str(sent_version.sequence))))
        if letter.email is None:
            prepared.append(Prepared(letter, None))
            continue
        ics = invitation(
            network, meeting_id, lang, sent_version, cancel, inviting, (name, letter.email)
        )
        tz = network.info.timezone if network.info else "Europe/Berlin"
        prepared.append(
            Prepared(letter, _message(letter, sender, day, tz, html, ics, method, pdf, lang))
        )
    return prepared


def _message(
    letter: Letter,
    sender: Address,
    day: date,
    timezone: str,
    html: str,
    ics: bytes,
    method: str,
    pdf: bytes | None,
    lang: str,
) -> EmailMessage:
    """multipart/mixed: the text, its HTML and the calendar part as alternatives (a
    calendar program shows accept/decline for text/calendar; method=…), then the .ics
    and the PDF as attachments. Headers from the data, never the clock."""

    from netzwerkctl.i18n import Text

    _ = Text(lang)
    msg = message_for(letter, sender, day, timezone)
    msg.add_alternative(html, subtype="html")
    calendar: Any = ics.decode("utf-8")
    msg.add_alternative(calendar, subtype="calendar", params={"method": method})
    msg.make_mixed()
    name = _("invitation.ics") if method == "REQUEST" else _("cancellation.ics")
    msg.add_attachment(ics, maintype="application", subtype="ics", filename=name)
    if pdf is not None and method == "REQUEST":
        msg.add_attachment(pdf, maintype="application", subtype="pdf", filename=_("invitation.pdf"))
    return fixed_boundaries(msg, letter.key)
