"""`agenda MEETING --mail [--send]`: the invitation to every invitee by e-mail, with the
calendar invitation that updates when the meeting moves (invitations.py), on the
guarantees of `remind --send`: a dry run writes the outbox, sending records each
delivery, nothing goes twice, and nobody without an address is forgotten."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path
from typing import Literal

from netzwerkctl.cli.common import EXIT_PROBLEMS, fail, template_problem
from netzwerkctl.cli.delivery import check_outbox, default_sender, report_sending, tell_who_to_call
from netzwerkctl.i18n import Text, cli
from netzwerkctl.network import Network


def mail_invitations(
    network: Network,
    root: Path,
    meeting_id: str,
    lang: str,
    day: date,
    outbox: Path | None,
    send: bool,
    warning: str | None,
) -> None:
    from netzwerkctl import calversions
    from netzwerkctl.invitations import prepare
    from netzwerkctl.mail import (
        RECORD,
        ConfigError,
        OutboxBusy,
        outbox_lock,
        read_record,
        smtp_config,
    )
    from netzwerkctl.mail import send as send_messages
    from netzwerkctl.present.calendar import fingerprint, meeting_event
    from netzwerkctl.present.documents import agenda_context, personal_salutation
    from netzwerkctl.present.render import TemplateProblem, render
    from netzwerkctl.writers import WriteError, write_atomic

    box = outbox if outbox is not None else root / "postausgang"
    check_outbox(box, default=outbox is None)
    config = None
    if send:
        try:
            config = smtp_config(os.environ)
        except ConfigError as exc:
            fail(str(exc))
    sender = config.sender if config else default_sender(network)
    meeting = network.meetings[meeting_id]
    event = meeting_event(network, meeting_id, lang)
    uid = str(event["uid"])
    version = calversions.next_version(
        calversions.load(root).get(uid), fingerprint(event), meeting.date, day
    )

    def letter(salutation: str | None, fmt: Literal["md", "html"]) -> str:
        context = agenda_context(network, meeting_id, day)
        context["letter"]["salutation"] = salutation
        templates = root / "templates"
        return render("agenda", context, lang, fmt, templates, marker=False, notice=warning)

    def texts(person: str, name: str, cancel: bool) -> tuple[str, str]:
        _ = Text(lang)  # the words of the letter: the document's language
        known = network.persons.get(person)
        contact = known.contact if known else None
        greeting = personal_salutation(
            name, contact.salutation if contact else None, contact.title if contact else None, _
        )
        if cancel and meeting.status != "cancelled":  # no longer among the invitees
            group = network.groups.get(meeting.group)
            title = meeting.title or _(
                "Meeting of %(group)s", group=group.name if group else meeting.group
            )
            text = (
                greeting
                + "\n\n"
                + _(
                    "you are no longer invited to %(title)s on %(date)s; please take the "
                    "meeting out of your calendar.",
                    title=title,
                    date=meeting.date.isoformat(),
                )
                + "\n"
            )
            return text, "<p>" + text.replace("\n\n", "</p><p>").strip() + "</p>"
        return letter(greeting, "md"), letter(greeting, "html")

    pdf = None
    try:
        from netzwerkctl.present.pdf import PdfUnavailable, to_pdf

        pdf = to_pdf(letter(None, "html"))
    except PdfUnavailable:
        pdf = None
    except TemplateProblem as exc:
        fail(template_problem(exc), EXIT_PROBLEMS)
    out = sys.stdout
    _ = cli()
    try:
        with outbox_lock(box):
            record = read_record(box / RECORD)
            try:
                prepared = prepare(network, meeting_id, lang, day, box, sender, version, texts, pdf)
            except TemplateProblem as exc:
                fail(template_problem(exc), EXIT_PROBLEMS)
            pending = []
            phone_only = []
            for item in prepared:
                if item.letter.email is None:
                    phone_only.append(item.letter)
                    continue
                if item.letter.key in record.keys:
                    continue  # sent already: the outbox keeps what went out
                name = f"{day.isoformat()}-{meeting_id}-{item.letter.person}.eml"
                try:
                    write_atomic(box / name, bytes(item.message))
                except WriteError as exc:
                    fail(str(exc))
                pending.append((item.letter, item.message))
            calversions.save(root, {uid: version})
            out.write(
                _.ngettext(
                    "%(n)s e-mail written to %(outbox)s/.",
                    "%(n)s e-mails written to %(outbox)s/.",
                    len(pending),
                    outbox=box,
                )
                + "\n"
            )
            if pdf is None:
                note = _("Without the PDF of the invitation: PDF cannot be made here.")
                out.write(note + "\n")
            tell_who_to_call(phone_only)
            if config is None:
                return
            network_name = network.info.name if network.info else ""
            result = send_messages(pending, config, box / RECORD, day, network_name)
            report_sending(result)
    except OutboxBusy as exc:
        fail(
            _(
                "Another run is sending from %(outbox)s (%(who)s). Nothing written, "
                "nothing sent; please wait until it is done.",
                outbox=box,
                who=exc,
            ),
            EXIT_PROBLEMS,
        )
