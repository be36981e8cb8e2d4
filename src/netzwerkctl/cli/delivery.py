"""What every command that sends e-mail shares: the outbox must be a real folder, the
sender when nothing is configured, who has no address and must be called, and the
account of a sending run (what went, what was sent before, what failed and why)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from netzwerkctl.cli.common import EXIT_PROBLEMS, fail
from netzwerkctl.i18n import cli

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date
    from email.message import EmailMessage

    from netzwerkctl.mail import SmtpConfig

MailOpt = Annotated[
    bool,
    typer.Option("--mail", help="One e-mail per recipient as .eml into the outbox (nothing sent)."),
]
PostOpt = Annotated[
    bool,
    typer.Option(
        "--post",
        help="With --mail/--send: the letter as PDF into the outbox's post/ folder for "
        "everyone without an e-mail address, to print and send.",
    ),
]
OutboxOpt = Annotated[
    Optional[Path],  # noqa: UP045  (Typer needs Optional on Python 3.10)
    typer.Option(
        help="Folder for the .eml files and the record of what was sent "
        "[default: postausgang/ in the network folder].",
        file_okay=False,
    ),
]
ResendOpt = Annotated[
    bool,
    typer.Option(
        "--resend",
        help="With --send: also the messages that possibly went out before (the mail "
        "server took the text but did not answer); they might arrive twice.",
    ),
]
RetryFailedOpt = Annotated[
    bool,
    typer.Option(
        "--retry-failed",
        help="With --send: try again the messages that the mail server refused for good "
        "before (5xx), e.g. after an address was corrected.",
    ),
]


@dataclass(frozen=True)
class Sending:
    """How `agenda` and `minutes` deliver: into which outbox (None: postausgang/ in the
    network), whether by SMTP, with letters to print, and what a run may repeat."""

    outbox: Path | None
    send: bool
    post: bool = False
    resend: bool = False
    retry_failed: bool = False


if TYPE_CHECKING:
    from email.headerregistry import Address

    from netzwerkctl.mail import Letter, SendResult
    from netzwerkctl.network import Network


def check_outbox(box: Path, default: bool) -> None:
    """The outbox in the network folder must be a real folder, not a link that sends
    the messages (names and addresses) elsewhere; the record of what was sent is never
    a link in any outbox."""
    from netzwerkctl.mail import RECORD

    if default and (box.is_symlink() or (box.exists() and not box.is_dir())):
        _ = cli()
        fail(
            _(
                "%(outbox)s is not a regular folder (a link?). Nothing written; please "
                "remove it or name a folder with --outbox.",
                outbox=box,
            )
        )
    record = box / RECORD
    if record.is_symlink() or (record.exists() and not record.is_file()):
        _ = cli()
        fail(_("%(file)s is not a regular file (a link?). Nothing written.", file=record))


def tell_who_to_call(phone_only: Sequence[Letter]) -> None:
    """Nobody without an e-mail address is forgotten: they are listed with a phone."""
    if not phone_only:
        return
    out = sys.stdout
    _ = cli()
    out.write(_("Without an e-mail address – please call:") + "\n")
    for letter in phone_only:
        org = f" ({letter.organisation})" if letter.organisation else ""
        phone = (
            _(", phone %(number)s", number=letter.phone) if letter.phone else _(", no phone number")
        )
        address = "; " + ", ".join(letter.address) if letter.address else ""
        out.write(f"  - {letter.name}{org}{phone}{address}\n")


def report_sending(result: SendResult) -> None:
    """What a sending run did, one line a message; exit 1 if anything is missing."""
    out = sys.stdout
    _ = cli()
    for letter in result.sent:
        out.write(_("sent: %(name)s", name=letter.name) + "\n")
    for letter in result.already:
        out.write(_("sent already, not repeated: %(name)s", name=letter.name) + "\n")
    for letter, answer in result.rejected:
        out.write(
            _("refused by the mail server (%(answer)s): %(name)s", answer=answer, name=letter.name)
            + "\n"
        )
    for letter, answer in result.deferred:
        out.write(
            _(
                "refused for now by the mail server (%(answer)s), the next run tries again: "
                "%(name)s",
                answer=answer,
                name=letter.name,
            )
            + "\n"
        )
    for letter in result.rejected_before:
        out.write(
            _("refused before, not repeated (--retry-failed): %(name)s", name=letter.name) + "\n"
        )
    for letter in [*result.maybe, *result.maybe_before]:
        out.write(
            _("possibly delivered, not repeated (--resend): %(name)s", name=letter.name) + "\n"
        )
    if result.unrecorded is not None:
        for letter in result.failed:
            out.write(_("NOT sent: %(name)s", name=letter.name) + "\n")
        fail(
            _(
                "Sending stopped (%(error)s). The message to %(name)s was delivered but not "
                "recorded: a new run would write to them again. Put the record right first.",
                error=result.error,
                name=result.unrecorded.name,
            ),
            EXIT_PROBLEMS,
        )
    if result.failed or result.maybe:
        for letter in result.failed:
            out.write(_("NOT sent: %(name)s", name=letter.name) + "\n")
        text = _(
            "Sending stopped (%(error)s). %(sent)s sent, %(failed)s not.",
            error=result.error,
            sent=len(result.sent),
            failed=len(result.failed),
        )
        if result.maybe:
            text += " " + _(
                "The message to %(name)s went out, but the mail server did not answer: it "
                "is not repeated (it might arrive twice); --resend repeats it.",
                name=result.maybe[0].name,
            )
        if result.failed:
            text += " " + _("A new run sends only the missing ones.")
        fail(text, EXIT_PROBLEMS)
    told = []
    if result.deferred:
        told.append(
            _.ngettext(
                "The mail server refused %(n)s message for now; a new run tries it again.",
                "The mail server refused %(n)s messages for now; a new run tries them again.",
                len(result.deferred),
            )
        )
    if result.rejected:
        told.append(
            _.ngettext(
                "The mail server refused %(n)s message for good; all others are sent. Check "
                "the address; try again with --retry-failed.",
                "The mail server refused %(n)s messages for good; all others are sent. Check "
                "the addresses; try again with --retry-failed.",
                len(result.rejected),
            )
        )
    if told:
        fail(" ".join(told), EXIT_PROBLEMS)


def default_sender(network: Network, day: date) -> Address:
    """For the outbox only (sending needs NETZWERKCTL_SMTP_FROM): the office's address
    (`office.email`, the sender of invitations), else its contact person's, else the
    first of the coordinating partner's contacts with an address — each only while a
    current contact on `day`, never someone who has left — else a placeholder. One
    address whatever the name (addresses.header_address)."""
    from netzwerkctl.addresses import header_address

    info = network.info
    office = info.office if info else None
    if office and office.email:
        return header_address(office.name, office.email)
    signer = network.office_signer(day)
    if office and signer is not None:
        email = network.persons[signer].contact.email
        if email:
            return header_address(office.name, email)
    coordinator = info.coordinator if info else None
    partner = network.partners.get(coordinator) if coordinator else None
    for contact in network.current_contacts(partner, day) if partner else ():
        if contact.email:
            return header_address(partner.name if partner else "", contact.email)
    return header_address("netzwerkctl", "netzwerkctl@localhost")


def deliver(
    box: Path,
    day: date,
    config: SmtpConfig | None,
    network_name: str,
    build: Callable[[], list[tuple[Letter, EmailMessage | None]]],
    eml_name: Callable[[Letter], str],
    notes: Sequence[str] = (),
    post: Callable[[Letter], bytes] | None = None,
    resend: bool = False,
    retry_failed: bool = False,
) -> None:
    """Under the outbox's lock: `build` the letters (a message for each with an
    address), write the .eml of each not sent before, list who has no address, and
    with `config` send them and say what happened. Another run sending from the same
    outbox stops this one before anything is written."""
    from netzwerkctl.mail import RECORD, OutboxBusy, outbox_lock, read_record
    from netzwerkctl.mail import send as send_messages
    from netzwerkctl.writers import WriteError, write_atomic

    out = sys.stdout
    _ = cli()
    try:
        with outbox_lock(box):
            record = read_record(box / RECORD)
            pending = []
            phone_only = []
            for letter, message in build():
                if letter.email is None or message is None:
                    phone_only.append(letter)
                    continue
                if letter.key in record.keys:
                    continue  # sent already: the outbox keeps what went out
                try:
                    write_atomic(box / eml_name(letter), bytes(message))
                except WriteError as exc:
                    fail(str(exc))
                pending.append((letter, message))
            out.write(
                _.ngettext(
                    "%(n)s e-mail written to %(outbox)s/.",
                    "%(n)s e-mails written to %(outbox)s/.",
                    len(pending),
                    outbox=box,
                )
                + "\n"
            )
            for note in notes:
                out.write(note + "\n")
            tell_who_to_call(phone_only)
            if post is not None and phone_only:
                folder = box / "post"
                if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
                    fail(_("%(folder)s is not a regular folder (a link?).", folder=folder))
                folder.mkdir(exist_ok=True)
                for letter in phone_only:  # letters to print for whoever has no e-mail
                    name = eml_name(letter).removesuffix(".eml") + ".pdf"
                    try:
                        write_atomic(box / "post" / name, post(letter))
                    except WriteError as exc:
                        fail(str(exc))
                out.write(
                    _.ngettext(
                        "%(n)s letter to print written to %(folder)s/.",
                        "%(n)s letters to print written to %(folder)s/.",
                        len(phone_only),
                        folder=box / "post",
                    )
                    + "\n"
                )
            if config is not None:
                report_sending(
                    send_messages(
                        pending, config, box / RECORD, day, network_name, resend, retry_failed
                    )
                )
    except OutboxBusy as exc:
        outbox_busy(box, exc)


def outbox_busy(box: Path, exc: Exception) -> None:
    """Another run holds the outbox: say who, write and send nothing."""
    _ = cli()
    fail(
        _(
            "Another run is sending from %(outbox)s (%(who)s). Nothing written, "
            "nothing sent; please wait until it is done.",
            outbox=box,
            who=exc,
        ),
        EXIT_PROBLEMS,
    )


def smtp_settings(send: bool) -> SmtpConfig | None:
    """The SMTP settings from the environment when sending, else None (a dry run)."""
    import os

    from netzwerkctl.mail import ConfigError, smtp_config

    if not send:
        return None
    try:
        return smtp_config(os.environ)
    except ConfigError as exc:
        fail(str(exc))
