"""Reminder e-mails: one message per person, written to an outbox, optionally sent.

Each message goes to one person alone (never a visible list of others), is encoded
properly for umlauts, and carries a key made from the day, the person and the text.
Sending records every delivered key at once, so a run that failed midway can be
repeated without anyone getting a message twice. A person who was reminded on a day
gets no second reminder from the same network that day, even when the text changed
in between (a typo fixed in the data), unless the coordinator asks for it (`resend`).
The SMTP password is read from the environment only and never printed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import smtplib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any, TypedDict

from netzwerkctl.addresses import header_address
from netzwerkctl.codes import Lang
from netzwerkctl.derive.reminders import Reminder
from netzwerkctl.files import said
from netzwerkctl.i18n import Text, cli
from netzwerkctl.model import slugify
from netzwerkctl.network import Network
from netzwerkctl.present.reminders import by_recipient, message

ENV = "NETZWERKCTL_SMTP_"
RECORD = "versendet.jsonl"


def one_line(text: str) -> str:
    """Header text without line breaks: names and subjects cannot inject headers."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Letter:
    key: str
    person: str
    name: str
    organisation: str | None
    email: str | None
    phone: str | None
    subject: str
    body: str
    # what the record notes besides the key, e.g. kind=invitation, meeting, fingerprint;
    # a letter with a kind is no reminder (reminders go once a day, others once each)
    note: tuple[tuple[str, str], ...] = ()
    address: tuple[str, ...] = ()  # postal, for whoever has no e-mail
    calendar: tuple[str, bytes] | None = None  # an .ics to attach: file name, content


class MailItem(TypedDict):
    date: date
    overdue: bool
    message: str
    place: str | None  # of a meeting
    agenda: list[str]  # a meeting's items, with their times where the meeting has one


class MailContext(TypedDict):
    """What the reminder mail's template gets."""

    name: str
    network: str
    today: date
    overdue: list[MailItem]
    upcoming: list[MailItem]


def _item(network: Network, r: Reminder, lang: Lang) -> MailItem:
    """A reminder in the mail; an upcoming meeting with its place and agenda."""
    from netzwerkctl.derive.meetings import schedule

    place, agenda = None, []
    if r.kind == "meeting_upcoming" and r.subject in network.meetings:
        meeting = network.meetings[r.subject]
        place = meeting.location
        for slot in schedule(meeting).slots:
            clock = slot.start.strftime("%H:%M") + " " if slot.start else ""
            agenda.append(f"{clock}{slot.item.title}")
    return {
        "date": r.date,
        "overdue": r.overdue,
        "message": message(r, lang),
        "place": place,
        "agenda": agenda,
    }


def letters(
    network: Network,
    found: list[Reminder],
    lang: Lang,
    today: date,
    templates: Path | None = None,
    notice: str | None = None,
    versions: Mapping[str, Any] | None = None,
) -> list[Letter]:
    """One letter per person who has reminders (persons, not 'nobody'); a `notice`
    (the network has errors) stands in each, under the greeting's title. A letter
    about upcoming meetings carries them as an .ics (with `versions`, the calendar's
    SEQUENCE of each)."""
    from netzwerkctl.present.calendar import meetings_calendar
    from netzwerkctl.present.render import render

    _ = Text(lang)
    network_name = network.info.name if network.info else ""
    result = []
    for recipient in by_recipient(network, found):
        if recipient.person is None:
            continue
        person = network.persons.get(recipient.person)
        contact = person.contact if person else None
        items = [_item(network, r, lang) for r in recipient.reminders]
        meetings = [
            r.subject
            for r in recipient.reminders
            if r.kind == "meeting_upcoming" and r.subject in network.meetings
        ]
        context: MailContext = {
            "name": recipient.name,
            "network": network_name,
            "today": today,
            "overdue": [i for i in items if i["overdue"]],
            "upcoming": [i for i in items if not i["overdue"]],
        }
        body = render(
            "reminder-mail",
            context,
            lang,
            network_templates=templates,
            marker=False,
            notice=notice,
        )
        subject = _.ngettext(
            "Reminder: %(n)s open item – %(network)s",
            "Reminder: %(n)s open items – %(network)s",
            len(items),
            network=network_name,
        )
        key = hashlib.sha256(
            f"{today.isoformat()}\0{recipient.person}\0{subject}\0{body}".encode()
        ).hexdigest()[:24]
        result.append(
            Letter(
                key=key,
                person=recipient.person,
                name=recipient.name,
                organisation=recipient.organisation,
                email=contact.email if contact else None,
                phone=contact.phone if contact else None,
                address=contact.address if contact else (),
                subject=one_line(subject),
                body=body,
                calendar=(
                    _("meetings.ics"),
                    meetings_calendar(network, meetings, lang, versions or {}),
                )
                if meetings
                else None,
            )
        )
    return result


def letter_to(
    network: Network,
    person: str,
    parts: list[str],
    subject: str,
    body: str,
    note: tuple[tuple[str, str], ...],
) -> Letter:
    """A letter to one person of the network, its key made from `parts` (what makes
    it this letter and no other: kind, meeting, person, version)."""
    known = network.persons.get(person)
    contact = known.contact if known else None
    partner = network.partners.get(known.partner) if known else None
    return Letter(
        key=hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:24],
        person=person,
        name=contact.name if contact else person,
        organisation=partner.name if partner else None,
        email=contact.email if contact else None,
        phone=contact.phone if contact else None,
        address=contact.address if contact else (),
        subject=one_line(subject),
        body=body,
        note=note,
    )


def message_for(letter: Letter, sender: Address, today: date, timezone: str) -> EmailMessage:
    """The e-mail of a letter with an address: its text, deterministic headers (no
    clock). Both addresses are built as one address each (addresses.header_address):
    no name can add a recipient or a sender."""
    from email import policy
    from zoneinfo import ZoneInfo

    assert letter.email is not None
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = sender
    msg["To"] = header_address(letter.name, letter.email)
    msg["Subject"] = letter.subject
    msg["Date"] = format_datetime(datetime.combine(today, time(8, 0), tzinfo=ZoneInfo(timezone)))
    msg["Message-ID"] = f"<{letter.key}@netzwerkctl.invalid>"
    msg.set_content(letter.body)
    return msg


def fixed_boundaries(msg: EmailMessage, key: str) -> EmailMessage:
    """MIME boundaries from the letter's key, not random: same data, same bytes."""
    for number, part in enumerate(p for p in msg.walk() if p.is_multipart()):
        part.set_boundary(f"netzwerkctl-{key}-{number}")
    return msg


def to_message(letter: Letter, sender: Address, today: date, timezone: str) -> EmailMessage:
    """The e-mail for a reminder letter, with the .ics of the meetings it is about."""
    msg = message_for(letter, sender, today, timezone)
    if letter.calendar is not None:
        name, data = letter.calendar
        msg.add_attachment(data, maintype="application", subtype="ics", filename=name)
        fixed_boundaries(msg, letter.key)
    return msg


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    security: str  # starttls | ssl | none
    user: str | None
    password: str | None = field(repr=False)  # never shown
    sender: Address


class ConfigError(Exception):
    """The SMTP settings in the environment are missing or wrong (message for a person)."""


def smtp_config(environ: Mapping[str, str]) -> SmtpConfig:
    host = environ.get(ENV + "HOST", "").strip()
    sender = environ.get(ENV + "FROM", "").strip()
    missing = [ENV + name for name, value in (("HOST", host), ("FROM", sender)) if not value]
    _ = cli()
    if missing:
        raise ConfigError(
            _("--send needs the environment variables %(names)s.", names=", ".join(missing))
        )
    security = environ.get(ENV + "SECURITY", "starttls").strip().lower()
    if security not in ("starttls", "ssl", "none"):
        raise ConfigError(_("%(name)s must be starttls, ssl or none.", name=ENV + "SECURITY"))
    if security == "none" and host not in ("localhost", "127.0.0.1", "::1"):
        raise ConfigError(
            _(
                "%(name)s=none only for a server on this computer (localhost): else "
                "password and contents would travel unencrypted.",
                name=ENV + "SECURITY",
            )
        )
    from email.utils import parseaddr

    name, address = parseaddr(sender)
    try:
        from_address = header_address(name, address)
    except ValueError:
        raise ConfigError(
            _(
                "%(name)s is no e-mail address (for example: Freiwilligenagentur "
                "<info@example.org>).",
                name=ENV + "FROM",
            )
        ) from None
    default_port = {"starttls": 587, "ssl": 465, "none": 25}[security]
    port_text = environ.get(ENV + "PORT", str(default_port)).strip()
    if not port_text.isdigit():
        raise ConfigError(_("%(name)s must be a number.", name=ENV + "PORT"))
    return SmtpConfig(
        host=host,
        port=int(port_text),
        security=security,
        user=environ.get(ENV + "USER") or None,
        password=environ.get(ENV + "PASSWORD") or None,
        sender=from_address,
    )


LOCK = ".versand.lock"


class OutboxBusy(Exception):
    """Another run is writing into or sending from this outbox (who: the message)."""


@contextlib.contextmanager
def outbox_lock(outbox: Path) -> Iterator[None]:
    """Only one run writes and sends from an outbox at a time: two `remind --send` at
    once would both find nobody reminded yet and send everything twice. The lock file
    names the process that holds it. Without file locks (Windows) runs unlocked."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    import socket

    outbox.mkdir(parents=True, exist_ok=True)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(outbox / LOCK, flags, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 200).decode("utf-8", "replace").strip() or "?"
            raise OutboxBusy(holder) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"Prozess {os.getpid()} auf {socket.gethostname()}\n".encode())
        yield
    finally:
        os.close(fd)


def eml_name(today: date, letter: Letter) -> str:
    return f"{today.isoformat()}-{slugify(letter.person)}.eml"


@dataclass(frozen=True)
class Record:
    """What the record of sent messages says: which messages were delivered, and who
    was reminded on which day by which network."""

    keys: frozenset[str] = frozenset()
    # (network, person, day); network None for entries written before it was noted
    reminded: frozenset[tuple[str | None, str, str]] = frozenset()
    failed: frozenset[str] = frozenset()  # refused for good by the server (5xx)
    # text transmitted without an answer, or a run killed while sending: perhaps
    # delivered, so never sent again without `resend`
    maybe: frozenset[str] = frozenset()

    def reminded_on(self, network: str, person: str, day: date) -> bool:
        iso = day.isoformat()
        return (network, person, iso) in self.reminded or (None, person, iso) in self.reminded


def read_record(path: Path) -> Record:
    """The record of delivered messages; a damaged line is skipped, not fatal."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return Record()
    keys: set[str] = set()
    failed: set[str] = set()
    pending: set[str] = set()
    settled: set[str] = set()  # pending, then known not to be sent
    maybe: set[str] = set()
    reminded: set[tuple[str | None, str, str]] = set()
    for line in lines:
        try:
            entry = json.loads(line)
            key = str(entry["key"])
        except (ValueError, KeyError, TypeError):
            continue
        status = entry.get("status")
        if status in ("failed", "pending", "unsent", "maybe"):
            {"failed": failed, "pending": pending, "unsent": settled, "maybe": maybe}[status].add(
                key
            )
            continue
        keys.add(key)
        person, day, network = entry.get("person"), entry.get("date"), entry.get("network")
        if isinstance(person, str) and isinstance(day, str) and "kind" not in entry:
            reminded.add((network if isinstance(network, str) else None, person, day))
    maybe |= pending - settled - failed - keys
    return Record(
        frozenset(keys), frozenset(reminded), frozenset(failed - keys), frozenset(maybe - keys)
    )


def _record(
    path: Path,
    letter: Letter,
    today: date,
    network: str,
    failed: str | None = None,
    status: str | None = None,
) -> None:
    """Note a delivery; or (`failed`: the server's answer) a permanent refusal; or a
    `status`: pending (about to send), unsent (known not sent), maybe (perhaps sent)."""
    entry = {
        "key": letter.key,
        "person": letter.person,
        "date": today.isoformat(),
        "network": network,
        **dict(letter.note),
    }
    if failed is not None:
        entry.update(status="failed", answer=failed)
    elif status is not None:
        entry["status"] = status
    # never through a link: a planted versendet.jsonl must not append elsewhere
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    with os.fdopen(os.open(path, flags, 0o644), "a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def reminded_earlier(
    letter: Letter, record: Record, network: str, today: date, resend: bool
) -> bool:
    """Whether (without `resend`) the person already got another reminder from this
    network today: a letter whose text changed since is not sent again. Letters that
    are no reminders (with a kind in their note) go once each, not once a day."""
    return (
        not resend
        and not dict(letter.note).get("kind")
        and letter.key not in record.keys
        and record.reminded_on(network, letter.person, today)
    )


@dataclass
class SendResult:
    sent: list[Letter] = field(default_factory=list)
    already: list[Letter] = field(default_factory=list)
    failed: list[Letter] = field(default_factory=list)
    error: str | None = None
    unrecorded: Letter | None = None  # delivered, but the record could not note it
    # refused for good in this run (with the server's answer), and refused earlier
    rejected: list[tuple[Letter, str]] = field(default_factory=list)
    rejected_before: list[Letter] = field(default_factory=list)
    # refused for now (4xx, with the server's answer) while the others went on
    deferred: list[tuple[Letter, str]] = field(default_factory=list)
    maybe: list[Letter] = field(default_factory=list)  # perhaps delivered in this run
    maybe_before: list[Letter] = field(default_factory=list)  # in an earlier run


def send(
    pending: list[tuple[Letter, EmailMessage]],
    config: SmtpConfig,
    record: Path,
    today: date,
    network: str,
    resend: bool = False,
    retry_failed: bool = False,
) -> SendResult:
    """Send each message once, and to each person at most one a day unless `resend`;
    record each delivery before the next one is tried. A message the server refuses
    for good (5xx) is recorded as failed and the others are still sent; later runs
    try it again only with `retry_failed`."""
    result = SendResult()
    done = read_record(record)
    todo = []
    for letter, msg in pending:
        if letter.key in done.keys or reminded_earlier(letter, done, network, today, resend):
            result.already.append(letter)
        elif letter.key in done.failed and not retry_failed:
            result.rejected_before.append(letter)
        elif letter.key in done.maybe and not resend:
            result.maybe_before.append(letter)
        else:
            todo.append((letter, msg))
    if not todo:
        return result
    from netzwerkctl import smtp

    try:
        server = smtp.connect(
            config.host, config.port, config.security, config.user, config.password
        )
    except (smtplib.SMTPException, OSError, ValueError) as exc:
        result.failed = [letter for letter, _ in todo]
        result.error = _describe(exc)
        return result
    import time as clock

    started = clock.monotonic()
    try:
        for index, (letter, msg) in enumerate(todo):
            if clock.monotonic() - started > smtp.RUN_DEADLINE:
                result.failed += [lt for lt, _ in todo[index:]]
                _ = cli()
                result.error = _("the run's time limit is reached; the next run sends the rest")
                break
            try:
                _record(record, letter, today, network, status="pending")
            except OSError as exc:
                result.failed += [lt for lt, _ in todo[index:]]
                _ = cli()
                result.error = _(
                    "%(file)s cannot be written: %(reason)s",
                    file=record,
                    reason=said(exc, _),
                )
                break
            server.body_sent = False  # this message's text has not gone out yet
            try:
                with smtp.deadline(server, smtp.MESSAGE_DEADLINE):
                    server.send_message(msg)
            except (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError) as exc:
                answer = _describe(exc)
                if not _permanent(exc):  # 4xx: not taken; the next run tries again
                    with contextlib.suppress(OSError):
                        _record(record, letter, today, network, status="unsent")
                    if getattr(server, "sock", None) is None:  # 421: the server hung up
                        result.failed += [lt for lt, _ in todo[index:]]
                        result.error = answer
                        break
                    result.deferred.append((letter, answer))  # the others still go
                    continue
                result.rejected.append((letter, answer))
                with contextlib.suppress(OSError):  # not noted: the next run tries again
                    _record(record, letter, today, network, failed=answer)
                continue
            except (smtplib.SMTPException, OSError) as exc:
                # no answer: after the text went out the server may well have it
                sent_text = server.body_sent
                with contextlib.suppress(OSError):
                    _record(
                        record, letter, today, network, status="maybe" if sent_text else "unsent"
                    )
                if sent_text:
                    result.maybe.append(letter)
                    result.failed += [lt for lt, _ in todo[index + 1 :]]
                else:
                    result.failed += [lt for lt, _ in todo[index:]]
                _ = cli()
                result.error = _describe(exc) or _("no answer")
                break
            result.sent.append(letter)
            try:
                _record(record, letter, today, network)
            except OSError as exc:  # delivered but not noted: stop before the next one
                result.unrecorded = letter
                result.failed += [lt for lt, _ in todo[index + 1 :]]
                _ = cli()
                result.error = _(
                    "%(file)s cannot be written: %(reason)s",
                    file=record,
                    reason=said(exc, _),
                )
                break
    finally:
        try:
            server.quit()
        except (smtplib.SMTPException, OSError):
            server.close()
    return result


def _permanent(exc: smtplib.SMTPException) -> bool:
    """A 5xx answer: the server will not take this message, however often it is sent."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        return bool(codes) and all(500 <= code < 600 for code in codes)
    code = getattr(exc, "smtp_code", 0)
    return isinstance(code, int) and 500 <= code < 600


def _describe(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        text = (
            exc.smtp_error.decode("utf-8", "replace")
            if isinstance(exc.smtp_error, bytes)
            else str(exc.smtp_error)
        )
        return f"{exc.smtp_code} {one_line(text)}"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        for code, reply in exc.recipients.values():  # one recipient a message
            text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
            return f"{code} {one_line(text)}"
        _ = cli()
        return _("recipient refused")
    return one_line(str(exc)) or type(exc).__name__


def delivered_notes(path: Path, **match: str) -> list[dict[str, str]]:
    """The notes of delivered letters whose note has every `match` (e.g. the
    invitations of one meeting), in the order they were recorded."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    found = []
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if not isinstance(entry, dict) or entry.get("status"):
            continue
        if all(entry.get(k) == v for k, v in match.items()):
            found.append({str(k): str(v) for k, v in entry.items()})
    return found
