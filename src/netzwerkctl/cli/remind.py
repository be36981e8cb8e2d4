"""`netzwerkctl remind`: who owes what by when, per person — on screen, as a list, as
JSON or calendar entries, and as e-mails (written to an outbox, or sent)."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from netzwerkctl.cli.common import (
    EXIT_PROBLEMS,
    AllowErrorsOpt,
    ForceOpt,
    OutputOpt,
    emit,
    fail,
    load_checked,
    output_format_for,
    parse_today,
    require,
    template_problem,
)
from netzwerkctl.cli.delivery import (
    check_outbox,
    default_sender,
    outbox_busy,
    report_sending,
    tell_who_to_call,
)
from netzwerkctl.i18n import cli

if TYPE_CHECKING:
    from netzwerkctl.codes import Lang
    from netzwerkctl.derive.reminders import Reminder
    from netzwerkctl.network import Network


class RemindFormat(str, Enum):
    table = "table"
    md = "md"
    json = "json"
    ics = "ics"


def remind(
    ctx: typer.Context,
    today: Annotated[
        Optional[str],  # noqa: UP045  (Typer needs Optional on Python 3.10)
        typer.Option(help="Reference day instead of today (2022-09-01 or 01.09.2022)."),
    ] = None,
    days: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            help="How many days to look ahead (0 to 3650); default: rules.remind_days (14).",
            min=0,
            max=3650,
        ),
    ] = None,
    person: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--for", help="Only the reminders of this person (id)."),
    ] = None,
    output_format: Annotated[
        Optional[RemindFormat],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            help="table (default), md, json or ics; with -o from the file's extension.",
        ),
    ] = None,
    output: OutputOpt = None,
    mail: Annotated[
        bool, typer.Option("--mail", help="One e-mail per person as .eml into the outbox.")
    ] = False,
    outbox: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            help=(
                "Folder for the .eml files and the record of what was sent [default: "
                "postausgang/ in the network folder]."
            ),
            file_okay=False,
        ),
    ] = None,
    send: Annotated[
        bool,
        typer.Option(
            "--send",
            help=(
                "Also send the e-mails by SMTP (NETZWERKCTL_SMTP_HOST, _PORT, _USER, "
                "_PASSWORD, _FROM, _SECURITY=starttls|ssl|none). What was sent is not "
                "repeated, and nobody gets a second reminder on the same day."
            ),
        ),
    ] = False,
    resend: Annotated[
        bool,
        typer.Option(
            "--resend",
            help=(
                "Whoever got a reminder today gets a new one too if its text has changed "
                "since (an identical one never twice)."
            ),
        ),
    ] = False,
    retry_failed: Annotated[
        bool,
        typer.Option(
            "--retry-failed",
            help="Try again the messages that the mail server refused for good before (5xx).",
        ),
    ] = False,
    force: ForceOpt = False,
    allow_errors: AllowErrorsOpt = False,
) -> None:
    """Reminders of due dates, meetings and tasks, by person.

    Overdue items come first. Kinds (in JSON: kind): task_overdue, task_due,
    meeting_upcoming, minutes_missing, intro_talk_missing, milestone_due,
    milestone_overdue, award_expiring, prospect_follow_up, group_quiet, rsvp_missing.

    Examples:

      netzwerkctl remind

      netzwerkctl remind --today 2022-09-01 --format json

      netzwerkctl remind --mail --outbox outbox

      netzwerkctl remind --send --resend    # after a correction: changed ones again
    """
    from netzwerkctl.derive.reminders import reminders
    from netzwerkctl.present.incomplete import as_json as gaps_json
    from netzwerkctl.present.incomplete import notice
    from netzwerkctl.present.reminders import as_ics, as_json, markdown_context

    output_format = output_format_for(output_format, output, RemindFormat)
    day = parse_today(today)
    root, network, gaps = load_checked(ctx, day, allow_errors)
    lang = network.language
    warning = notice(gaps, lang) if gaps else None
    window = days if days is not None else (network.info.rules.remind_days if network.info else 14)
    found = reminders(network, day, window)
    if person is not None:  # that person's reminders, and for no one else
        _known_person(network, person)
        found = [replace(r, recipients=(person,)) for r in found if person in r.recipients]

    if mail or send:
        # In the network folder by default, whatever the working folder: the record of
        # what was sent lives there, and a second run must find it.
        box = outbox if outbox is not None else root / "postausgang"
        check_outbox(box, default=outbox is None)
        from netzwerkctl.mail import OutboxBusy, outbox_lock

        try:
            with outbox_lock(box):
                _mail(
                    network,
                    found,
                    lang,
                    day,
                    box,
                    send,
                    resend,
                    retry_failed,
                    root / "templates",
                    warning,
                )
        except OutboxBusy as exc:
            outbox_busy(box, exc)
        return
    if output_format is RemindFormat.json:
        emit(as_json(found, lang, gaps_json(gaps)), output, force, root)
    elif output_format is RemindFormat.ics:
        emit(as_ics(network, found, lang, warning), output, force, root)
    elif output_format is RemindFormat.md:
        from netzwerkctl.present.render import TemplateProblem, render

        context = markdown_context(network, found, lang, day, window)
        try:
            text = render(
                "reminders", context, lang, network_templates=root / "templates", notice=warning
            )
        except TemplateProblem as exc:
            fail(template_problem(exc), EXIT_PROBLEMS)
        emit(text, output, force, root)
    else:
        if warning:
            typer.echo(warning)
        _table(network, found, lang, day, window)


def _known_person(network: Network, person: str) -> None:
    require(person, network.persons, "person", network.names("person"))


def _table(network: Network, found: list[Reminder], lang: Lang, day: date, window: int) -> None:
    """The reminders per person, as `check` prints its problems: plain lines in a
    file, a pipe or a CI log; on a terminal the same lines with the person in bold,
    overdue reminders in red and long sentences wrapped under their first word. (A
    drawn table per person cost more than loading the network once there were
    hundreds of persons.)"""
    import os
    from datetime import timedelta

    from netzwerkctl.i18n import Text as Words
    from netzwerkctl.i18n import short_date
    from netzwerkctl.present.reminders import as_lines, as_text

    _ = Words(lang)
    summary = _.ngettext(  # what is overdue, and what falls due up to the window's end
        "%(count)d reminder up to %(until)s (as of %(day)s)",
        "%(count)d reminders up to %(until)s (as of %(day)s)",
        len(found),
        count=len(found),
        until=short_date(day + timedelta(days=window), lang),
        day=short_date(day, lang),
    )
    if not (sys.stdout.isatty() or os.environ.get("FORCE_COLOR")):
        text = as_text(network, found, lang) if found else _("No reminders.") + "\n"
        sys.stdout.write(text + ("\n" + summary + "\n" if found else ""))
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    if not found:
        console.print(_("No reminders."))
        return
    styles = {"person": "bold", "overdue": "bold red", "due": "", "blank": ""}
    out = Text()  # text, not markup: whatever the data holds is shown as it is
    for kind, line in as_lines(network, found, lang, width=console.width):
        out.append(line + "\n", style=styles[kind])
    out.append("\n" + summary, style="dim")
    console.print(out, soft_wrap=True)


def _mail(
    network: Network,
    found: list[Reminder],
    lang: Lang,
    day: date,
    outbox: Path,
    send: bool,
    resend: bool,
    retry_failed: bool,
    templates: Path,
    warning: str | None,
) -> None:
    import os

    from netzwerkctl.mail import (
        RECORD,
        ConfigError,
        eml_name,
        letters,
        read_record,
        reminded_earlier,
        smtp_config,
        to_message,
    )
    from netzwerkctl.mail import (
        send as send_messages,
    )
    from netzwerkctl.writers import WriteError, write_atomic

    config = None
    if send:
        try:
            config = smtp_config(os.environ)
        except ConfigError as exc:
            fail(str(exc))
    sender = config.sender if config else default_sender(network, day)
    timezone = network.info.timezone if network.info else "Europe/Berlin"
    network_name = network.info.name if network.info else ""
    # Who was reminded today keeps the copy of what was sent in the outbox: neither a
    # dry run nor a run after a correction replaces it (unless --resend).
    record = read_record(outbox / RECORD)
    prepared = []
    phone_only = []
    reminded_today = []
    from netzwerkctl.present.render import TemplateProblem

    try:
        from netzwerkctl import calversions

        versions = calversions.load(templates.parent)  # the calendar's SEQUENCE of each
        written = letters(network, found, lang, day, templates, warning, versions)
    except TemplateProblem as exc:
        fail(template_problem(exc), EXIT_PROBLEMS)
    sent_before = []
    for letter in written:
        if not letter.email:
            phone_only.append(letter)
            continue
        if letter.key in record.keys:  # this very message went out: its copy is there
            sent_before.append(letter)
            continue
        if reminded_earlier(letter, record, network_name, day, resend):
            reminded_today.append(letter)
            continue
        msg = to_message(letter, sender, day, timezone)
        try:
            write_atomic(outbox / eml_name(day, letter), bytes(msg))
        except WriteError as exc:
            fail(str(exc))
        prepared.append((letter, msg))
    out = sys.stdout
    _ = cli()
    out.write(
        _.ngettext(
            "%(n)s e-mail written to %(outbox)s/.",
            "%(n)s e-mails written to %(outbox)s/.",
            len(prepared),
            outbox=outbox,
        )
        + "\n"
    )
    for letter in sent_before:
        out.write(_("sent already, not repeated: %(name)s", name=letter.name) + "\n")
    for letter in reminded_today:
        out.write(_("reminded today already, not repeated: %(name)s", name=letter.name) + "\n")
    if reminded_today and not resend:
        out.write(_("(With --resend they get the changed reminder all the same.)") + "\n")
    nobody = [r for r in found if not r.recipients]
    if nobody:
        from netzwerkctl.present.reminders import message

        out.write(_("Without a recipient (no coordinator in netzwerk.yaml?):") + "\n")
        for r in nobody:
            out.write(f"  - {message(r, lang)}\n")
    tell_who_to_call(phone_only)
    if config is None:
        return
    result = send_messages(
        prepared, config, outbox / RECORD, day, network_name, resend, retry_failed
    )
    report_sending(result)
