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

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
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


def organizer(network: Network, sender: Address) -> tuple[str, str]:
    """Who invites (ORGANIZER): the office's contact person, else the office, else the
    sender of the messages."""
    info = network.info
    office = info.office if info else None
    if office and office.contact and office.contact in network.persons:
        contact = network.persons[office.contact].contact
        if contact.email:
            return contact.name, contact.email
    if office and office.email:
        return office.name, office.email
    return sender.display_name or sender.addr_spec, sender.addr_spec


def plan(network: Network, meeting_id: str, outbox: Path) -> list[tuple[str, bool, bool]]:
    """Who gets what: (person, cancel, update) for every current invitee and for
    everyone who got an invitation earlier and is no longer invited."""
    from netzwerkctl.derive.meetings import invitees

    meeting = network.meetings[meeting_id]
    earlier: dict[str, str] = {}
    for note in delivered_notes(outbox / RECORD, kind=KIND, meeting=meeting_id):
        person, method = note.get("person", ""), note.get("method", "")
        if method == "REQUEST":
            earlier[person] = note.get("matters", "")
        elif method == "CANCEL":
            earlier.pop(person, None)
    now = what_matters(network, meeting_id)
    current = [a.person for a in invitees(network, meeting_id)]
    found: list[tuple[str, bool, bool]] = []
    if meeting.status == "cancelled":
        return [(p, True, False) for p in earlier]
    for person in current:
        found.append((person, False, person in earlier and earlier[person] != now))
    found += [(p, True, False) for p in earlier if p not in current]
    return found


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
    inviting = organizer(network, sender)
    prepared = []
    for person, cancel, update in plan(network, meeting_id, outbox):
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
        note = (("kind", KIND), ("meeting", meeting_id), ("method", method), ("matters", matters))
        parts = [KIND, meeting_id, person, method, matters]
        letter = letter_to(network, person, parts, subject, text, note)
        if letter.email is None:
            prepared.append(Prepared(letter, None))
            continue
        ics = invitation(network, meeting_id, lang, version, cancel, inviting, (name, letter.email))
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
