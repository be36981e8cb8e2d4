"""What every command that sends e-mail shares: the outbox must be a real folder, the
sender when nothing is configured, who has no address and must be called, and the
account of a sending run (what went, what was sent before, what failed and why)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from netzwerkctl.cli.common import EXIT_PROBLEMS, fail
from netzwerkctl.i18n import cli

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
        out.write(f"  - {letter.name}{org}{phone}\n")


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
    if result.rejected:
        fail(
            _.ngettext(
                "The mail server refused %(n)s message for good; all others are sent. Check "
                "the address; try again with --retry-failed.",
                "The mail server refused %(n)s messages for good; all others are sent. Check "
                "the addresses; try again with --retry-failed.",
                len(result.rejected),
            ),
            EXIT_PROBLEMS,
        )


def default_sender(network: Network) -> Address:
    """For the outbox only: the coordinator's first e-mail address, else a placeholder;
    one address whatever the partner's name (addresses.header_address)."""
    from netzwerkctl.addresses import header_address

    coordinator = network.info.coordinator if network.info else None
    partner = network.partners.get(coordinator) if coordinator else None
    for contact in partner.contacts if partner else ():
        if contact.email:
            return header_address(partner.name if partner else "", contact.email)
    return header_address("netzwerkctl", "netzwerkctl@localhost")
