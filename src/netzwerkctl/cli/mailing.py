"""Meeting documents by e-mail, on the guarantees of `remind --send` (a dry run writes
the outbox, sending records each delivery, nothing goes twice, nobody without an
address is forgotten): `agenda --mail/--send`, the invitation with the calendar
invitation that updates when the meeting moves (invitations.py), and
`minutes --mail/--send`, the Protokoll to the invitees and its distribution list."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from netzwerkctl.cli.common import EXIT_PROBLEMS, as_docx, fail, template_problem
from netzwerkctl.cli.delivery import (
    Sending,
    check_outbox,
    default_sender,
    deliver,
    smtp_settings,
)
from netzwerkctl.i18n import Text, cli, short_date
from netzwerkctl.network import Network

if TYPE_CHECKING:
    from email.message import EmailMessage

    from netzwerkctl.mail import Letter


def mail_invitations(
    network: Network,
    root: Path,
    meeting_id: str,
    lang: str,
    day: date,
    sending: Sending,
    warning: str | None,
) -> None:
    from netzwerkctl import calversions
    from netzwerkctl.invitations import prepare
    from netzwerkctl.present.calendar import fingerprint, meeting_event, meeting_uid
    from netzwerkctl.present.documents import agenda_context, greeting_of, meeting_title
    from netzwerkctl.present.render import TemplateProblem, render

    box = sending.outbox if sending.outbox is not None else root / "postausgang"
    check_outbox(box, default=sending.outbox is None)
    _refuse_gone_meetings(network, box, day)
    config = smtp_settings(sending.send)
    sender = config.sender if config else default_sender(network, day)
    meeting = network.meetings[meeting_id]
    event = meeting_event(network, meeting_id, lang)
    uid = meeting_uid(network, meeting_id)
    version = calversions.next_version(
        calversions.load(root).get(uid), fingerprint(event), meeting.date, day
    )

    invitation = agenda_context(network, meeting_id, day)  # once; each letter its greeting

    def letter(salutation: str | None, fmt: Literal["md", "html"]) -> str:
        context = invitation.copy()
        context["letter"] = {**invitation["letter"], "salutation": salutation}
        templates = root / "templates"
        return render("agenda", context, lang, fmt, templates, marker=False, notice=warning)

    def texts(person: str, name: str, cancel: bool) -> tuple[str, str]:
        _ = Text(lang)  # the words of the letter: the document's language
        greeting = greeting_of(network, person, _)
        if cancel and meeting.status != "cancelled":  # no longer among the invitees
            title = meeting_title(network, meeting_id, lang)
            text = (
                greeting
                + "\n\n"
                + _(
                    "you are no longer invited to %(title)s on %(date)s; please take the "
                    "meeting out of your calendar.",
                    title=title,
                    date=short_date(meeting.date, lang),
                )
                + "\n"
            )
            paragraphs = (escape(part) for part in text.strip().split("\n\n"))
            return text, "".join(f"<p>{part}</p>" for part in paragraphs)
        return letter(greeting, "md"), letter(greeting, "html")

    pdf = None
    try:
        from netzwerkctl.present.pdf import PdfUnavailable, to_pdf

        pdf = to_pdf(letter(None, "html"))
    except PdfUnavailable:
        pdf = None
    except TemplateProblem as exc:
        fail(template_problem(exc), EXIT_PROBLEMS)
    _ = cli()
    notes = [] if pdf else [_("Without the PDF of the invitation: PDF cannot be made here.")]

    def build() -> list[tuple[Letter, EmailMessage | None]]:
        try:
            made = prepare(network, meeting_id, lang, day, box, sender, version, texts, pdf)
        except TemplateProblem as exc:
            fail(template_problem(exc), EXIT_PROBLEMS)
        calversions.save(root, {uid: version})
        return [(item.letter, item.message) for item in made]

    def printed(person: Letter) -> bytes:
        return to_pdf(letter(greeting_of(network, person.person, Text(lang)), "html"))

    network_name = network.info.name if network.info else ""
    deliver(
        box,
        day,
        config,
        network_name,
        build,
        lambda letter: f"{day.isoformat()}-{meeting_id}-{letter.person}.eml",
        notes,
        printed if sending.post and pdf is not None else None,
        sending.resend,
        sending.retry_failed,
    )


def _refuse_gone_meetings(network: Network, box: Path, day: date) -> None:
    """Send no invitation while invitees still have one to a meeting whose file is
    gone: renamed (NW408 once advised it for a moved meeting), it would stand twice in
    every calendar; deleted, it would stay there. Nothing is written or sent."""
    from netzwerkctl.invitations import gone_meetings

    gone = gone_meetings(network, box, day)
    if not gone:
        return
    _ = cli()
    lines = [
        _(
            "Invitations to %(meeting)s on %(date)s went out, but its file is gone "
            "(renamed or deleted?): the invitees still have it in their calendars.",
            meeting=meeting,
            date=short_date(when, _.lang),
        )
        for meeting, when in gone
    ]
    lines.append(
        _(
            "Renamed: give the file its name back (a moved meeting keeps its name), and "
            "agenda sends the change. Called off: put it back with status: cancelled, and "
            "agenda sends the cancellation. Nothing was sent."
        )
    )
    fail("\n".join(lines), EXIT_PROBLEMS)


def mail_minutes(
    network: Network,
    root: Path,
    meeting_id: str,
    lang: str,
    day: date,
    sending: Sending,
    draft: bool,
    warning: str | None,
) -> None:
    """The Protokoll to every invitee and every person on `distribution:`, the PDF and
    the Word file attached; a draft only when asked (`draft`), once as draft and once
    approved."""

    from netzwerkctl.derive.meetings import invitees
    from netzwerkctl.mail import fixed_boundaries, letter_to, message_for
    from netzwerkctl.present.documents import greeting_of, meeting_title, minutes_context
    from netzwerkctl.present.render import TemplateProblem, render

    meeting = network.meetings[meeting_id]
    if meeting.approved is None and not draft:
        _not_approved(meeting_id)
    box = sending.outbox if sending.outbox is not None else root / "postausgang"
    check_outbox(box, default=sending.outbox is None)
    config = smtp_settings(sending.send)
    sender = config.sender if config else default_sender(network, day)
    _ = Text(lang)  # the words of the messages: the document's language
    context = minutes_context(network, meeting_id, day)
    templates = root / "templates"
    try:
        text = render("minutes", context, lang, "md", templates, marker=False, notice=warning)
        html = render("minutes", context, lang, "html", templates, notice=warning)
    except TemplateProblem as exc:
        fail(template_problem(exc), EXIT_PROBLEMS)
    attachments: list[tuple[bytes, str, str, str]] = []
    notes = []
    try:
        from netzwerkctl.present.pdf import PdfUnavailable, to_pdf

        attachments.append((to_pdf(html), "application", "pdf", _("minutes.pdf")))
    except PdfUnavailable:
        notes.append(_no_pdf())
    docx = as_docx(text, lang, root)
    word = "vnd.openxmlformats-officedocument.wordprocessingml.document"
    attachments.append((docx, "application", word, _("minutes.docx")))
    state = "approved" if meeting.approved else "draft"
    title = meeting_title(network, meeting_id, lang)
    if meeting.approved:
        subject = _("Approved minutes: %(title)s", title=title)
    else:
        subject = _("Draft minutes: %(title)s", title=title)
    people = [a.person for a in invitees(network, meeting_id)]
    people += [p for p in meeting.distribution if p in network.persons and p not in people]
    by_name = [p for p in meeting.distribution if p not in network.persons]
    if by_name:
        notes.append(_by_name_only(by_name))
    timezone = network.info.timezone if network.info else "Europe/Berlin"

    def build() -> list[tuple[Letter, EmailMessage | None]]:
        made: list[tuple[Letter, EmailMessage | None]] = []
        for person in people:
            greeting = greeting_of(network, person, _)
            if meeting.approved:
                intro = _(
                    "here are the minutes of our meeting on %(date)s, approved on %(approved)s.",
                    date=short_date(meeting.date, lang),
                    approved=short_date(meeting.approved, lang),
                )
            else:
                intro = _(
                    "here is the draft of the minutes of our meeting on %(date)s; please "
                    "send corrections before the group approves it.",
                    date=short_date(meeting.date, lang),
                )
            body = f"{greeting}\n\n{intro}\n\n{text}"
            note = (("kind", "minutes"), ("meeting", meeting_id), ("state", state))
            parts = ["minutes", meeting_id, person, state]
            letter = letter_to(network, person, parts, subject, body, note)
            if letter.email is None:
                made.append((letter, None))
                continue
            msg = message_for(letter, sender, day, timezone)
            for data, maintype, subtype, filename in attachments:
                msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
            made.append((letter, fixed_boundaries(msg, letter.key)))
        return made

    network_name = network.info.name if network.info else ""
    deliver(
        box,
        day,
        config,
        network_name,
        build,
        lambda letter: f"{day.isoformat()}-{meeting_id}-protokoll-{letter.person}.eml",
        notes,
        (lambda _letter: attachments[0][0])
        if sending.post and attachments[0][2] == "pdf"
        else None,
        sending.resend,
        sending.retry_failed,
    )


def _not_approved(meeting_id: str) -> None:
    _ = cli()
    fail(
        _(
            "The minutes of %(meeting)s are not approved yet. Send the draft with "
            "--draft, or record approved: DATE once the group has approved them. "
            "Nothing written, nothing sent.",
            meeting=meeting_id,
        )
    )


def _no_pdf() -> str:
    _ = cli()
    return _("Without the PDF of the minutes: PDF cannot be made here.")


def _by_name_only(names: list[str]) -> str:
    _ = cli()
    return _("Not by e-mail (a name, not a person's id): %(names)s", names=", ".join(names))
