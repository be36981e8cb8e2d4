"""`netzwerkctl agenda` and `netzwerkctl minutes`: the invitation and the Protokoll."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from netzwerkctl.cli.common import (
    EXIT_PROBLEMS,
    AllowErrorsOpt,
    ForceOpt,
    LangOpt,
    OutputOpt,
    document_data,
    emit,
    fail,
    load_checked,
    output_format_for,
    parse_date,
    parse_today,
    require,
)
from netzwerkctl.cli.delivery import (
    MailOpt,
    OutboxOpt,
    PostOpt,
    ResendOpt,
    RetryFailedOpt,
    Sending,
)
from netzwerkctl.i18n import cli

if TYPE_CHECKING:
    from netzwerkctl.codes import Lang
    from netzwerkctl.model import Award
    from netzwerkctl.network import Network


class DocFormat(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"
    docx = "docx"


AgendaMeetingArg = Annotated[
    str,
    typer.Argument(
        help=(
            "Meeting id (2021-12-01-netzwerkgruppe), path of the meeting file or a "
            "group's id (its next planned meeting)."
        ),
        show_default=False,
    ),
]
MinutesMeetingArg = Annotated[
    str,
    typer.Argument(
        help=(
            "Meeting id (2021-12-01-netzwerkgruppe), path of the meeting file or a "
            "group's id (its last meeting held up to the reference day)."
        ),
        show_default=False,
    ),
]
FormatOpt = Annotated[
    Optional[DocFormat],  # noqa: UP045  (Typer needs Optional on Python 3.10)
    typer.Option(
        "--format",
        "-f",
        help="md (default), html, pdf or docx; with -o from the file's extension.",
    ),
]
TodayOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        help=('Reference day for "next meeting" and "overdue" (2021-03-15 or 15.03.2021).')
    ),
]


def agenda(
    ctx: typer.Context,
    meeting: AgendaMeetingArg,
    output_format: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    today: TodayOpt = None,
    allow_errors: AllowErrorsOpt = False,
    changes_since: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--changes-since",
            help=('Item "News from the network" with the changes since this date or git revision.'),
        ),
    ] = None,
    mail: MailOpt = False,
    send: Annotated[
        bool,
        typer.Option(
            "--send",
            help=(
                "Also send the e-mails by SMTP (settings as for remind --send). Nothing "
                "goes twice; after the meeting moved its invitees get an update, after it "
                "was cancelled a cancellation."
            ),
        ),
    ] = False,
    post: PostOpt = False,
    outbox: OutboxOpt = None,
    resend: ResendOpt = False,
    retry_failed: RetryFailedOpt = False,
) -> None:
    """Invitation to a meeting: agenda with times, open tasks, invitees — as a document,
    or with --mail/--send to every invitee by e-mail with a calendar invitation.

    Examples:

      netzwerkctl agenda 2022-09-14-ag-vereine-wirtschaft

      netzwerkctl agenda ag-bildung -o invitation.html

      netzwerkctl agenda ag-bildung --send
    """
    from netzwerkctl.present.documents import agenda_context, agenda_notes

    if mail or send:
        from netzwerkctl.cli.mailing import mail_invitations
        from netzwerkctl.present.incomplete import notice

        day = parse_today(today)
        root, network, gaps = load_checked(ctx, day, allow_errors)
        meeting_id = _meeting(network, root, meeting, day, held=False)
        language = lang or network.language
        warning = notice(gaps, language) if gaps else None
        sending = Sending(outbox, send, post, resend, retry_failed)
        mail_invitations(network, root, meeting_id, language, day, sending, warning)
        return

    def build(network: Network, meeting_id: str, day: date) -> Mapping[str, Any]:
        context = agenda_context(network, meeting_id, day)
        context["changes"] = _news(ctx, changes_since, lang) if changes_since else None
        return context

    _document(
        ctx,
        "agenda",
        meeting,
        output_format,
        output,
        lang,
        today,
        build,
        force,
        allow_errors,
        agenda_notes,
    )


def minutes(
    ctx: typer.Context,
    meeting: MinutesMeetingArg,
    output_format: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    today: TodayOpt = None,
    allow_errors: AllowErrorsOpt = False,
    mail: MailOpt = False,
    send: Annotated[
        bool,
        typer.Option(
            "--send",
            help="Also send the e-mails by SMTP (settings as for remind --send); nothing twice.",
        ),
    ] = False,
    draft: Annotated[
        bool,
        typer.Option("--draft", help="--mail/--send: also minutes not approved yet, as a draft."),
    ] = False,
    post: PostOpt = False,
    outbox: OutboxOpt = None,
    resend: ResendOpt = False,
    retry_failed: RetryFailedOpt = False,
) -> None:
    """Minutes of a meeting that took place (status: held, with present).

    With a group's id: the minutes of its last meeting that took place.

    Examples:

      netzwerkctl minutes 2021-03-15-ag-bildung

      netzwerkctl minutes ag-bildung

      netzwerkctl minutes meetings/2021/2021-03-15-ag-bildung.yaml -o minutes.html

      netzwerkctl minutes ag-bildung --send      # the approved minutes to everyone
    """
    from netzwerkctl.present.documents import minutes_context

    if mail or send:
        from netzwerkctl.cli.mailing import mail_minutes
        from netzwerkctl.present.incomplete import notice

        day = parse_today(today)
        root, network, gaps = load_checked(ctx, day, allow_errors)
        meeting_id = _meeting(network, root, meeting, day, held=True)
        _held_or_stop(network, meeting_id)
        language = lang or network.language
        warning = notice(gaps, language) if gaps else None
        sending = Sending(outbox, send, post, resend, retry_failed)
        mail_minutes(network, root, meeting_id, language, day, sending, draft, warning)
        return

    _document(
        ctx,
        "minutes",
        meeting,
        output_format,
        output,
        lang,
        today,
        minutes_context,
        force,
        allow_errors,
    )


def attendance(
    ctx: typer.Context,
    meeting: AgendaMeetingArg,
    output_format: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    today: TodayOpt = None,
    allow_errors: AllowErrorsOpt = False,
) -> None:
    """Attendance list to sign at a meeting: everyone invited with organisation and a
    column for the signature, and empty rows for guests.

    Examples:

      netzwerkctl attendance 2022-09-14-ag-vereine-wirtschaft -o anwesenheit.html

      netzwerkctl attendance ag-bildung
    """
    from netzwerkctl.present.documents import attendance_context

    _document(
        ctx,
        "attendance",
        meeting,
        output_format,
        output,
        lang,
        today,
        attendance_context,
        force,
        allow_errors,
    )


def certificate(
    ctx: typer.Context,
    project: Annotated[
        str, typer.Argument(help="The project's id (a seal or an award).", show_default=False)
    ],
    to: Annotated[
        str,
        typer.Option("--to", help="Who got it: a partner's id or the name in awards.to."),
    ],
    day: Annotated[
        Optional[str],  # noqa: UP045  (Typer needs Optional on Python 3.10)
        typer.Option(
            "--date",
            help="The day of the award, where the same organisation got it more than once "
            "(default: the latest).",
            show_default=False,
        ),
    ] = None,
    output_format: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    allow_errors: AllowErrorsOpt = False,
) -> None:
    """Certificate (Urkunde) of an award or seal: organisation, criteria met, date, valid
    until and signature lines (the project's signatories, else mayor and network).

    Examples:

      netzwerkctl certificate siegel-freiwillige-willkommen --to tierheim-bocholt -o urkunde.pdf

      netzwerkctl certificate siegel-freiwillige-willkommen --to tierheim-bocholt --date 2021-11-05
    """
    from netzwerkctl.present.documents import certificate_context
    from netzwerkctl.present.incomplete import notice

    fmt = output_format_for(output_format, output, DocFormat)
    root, network, gaps = load_checked(ctx, date.today(), allow_errors)
    require(project, network.projects, "project", network.names("project"))
    awards = network.projects[project].awards
    given = [i for i, a in enumerate(awards) if a.to == to]
    if not given:
        partners = network.partners
        names = {a.to: (partners[a.to].name if a.to in partners else a.to) for a in awards}
        require(to, names, "award", names)
    index = _award(awards, given, to, day)
    language = lang or network.language
    context = certificate_context(network, project, index)
    warning = notice(gaps, language) if gaps else None
    data = document_data("certificate", context, language, fmt.value, root, output, warning)
    emit(data, output, force, root)


def _award(awards: Sequence[Award], given: list[int], to: str, on: str | None) -> int:
    """Which of the awards to `to` (`given`, their indexes): the one of `--date`, else
    the latest; with several and no `--date`, stderr says how to choose another."""
    from netzwerkctl.i18n import short_date

    _ = cli()
    if on is not None:
        wanted = parse_date(on, "--date")
        dated = [i for i in given if awards[i].date == wanted]
        if not dated:
            days = ", ".join(short_date(awards[i].date, _.lang) for i in given)
            day = short_date(wanted, _.lang)
            fail(_("%(to)s got it on %(days)s, not on %(day)s.", to=to, days=days, day=day))
        return dated[-1]
    index = max(given, key=lambda i: awards[i].date)
    others = [awards[i].date for i in given if i != index]
    if others:
        note = _(
            "the certificate of the latest award, of %(day)s; for another: %(options)s.",
            day=short_date(awards[index].date, _.lang),
            options=", ".join(f"--date {day.isoformat()}" for day in sorted(others)),
        )
        sys.stderr.write("netzwerkctl: " + _("Note: %(note)s", note=note) + "\n")
    return index


def _document(
    ctx: typer.Context,
    name: str,
    ref: str,
    output_format: DocFormat | None,
    output: Path | None,
    lang: str | None,
    today: str | None,
    build: Callable[[Network, str, date], Mapping[str, Any]],
    force: bool,
    allow_errors: bool,
    notes: Callable[[Network, str, Lang], list[str]] | None = None,
) -> None:
    """Render one meeting's document; notes for the coordinator go to stderr only
    (also with -o), never into what the invitees or partners read."""
    from netzwerkctl.present.incomplete import notice

    fmt = output_format_for(output_format, output, DocFormat)
    day = parse_today(today)
    root, network, gaps = load_checked(ctx, day, allow_errors)
    meeting_id = _meeting(network, root, ref, day, held=name == "minutes")
    if name == "minutes":
        _held_or_stop(network, meeting_id)
    if name == "attendance" and not network.meetings[meeting_id].has_document(name):
        _ = cli()
        fail(  # a sheet to sign for a meeting that does not take place helps no one
            _(
                "The meeting %(meeting)s is cancelled (status: cancelled): no attendance "
                "list. Nothing written.",
                meeting=meeting_id,
            ),
            EXIT_PROBLEMS,
        )
    language = lang or network.language
    warning = notice(gaps, language) if gaps else None
    context = build(network, meeting_id, day)
    data = document_data(name, context, language, fmt.value, root, output, warning)
    for note in notes(network, meeting_id, language) if notes else ():
        _ = cli()
        sys.stderr.write("netzwerkctl: " + _("Note: %(note)s", note=note) + "\n")
    emit(data, output, force, root)


def _held_or_stop(network: Network, meeting_id: str) -> None:
    m = network.meetings[meeting_id]
    if not m.has_document("minutes"):
        _ = cli()
        fail(
            _(
                "The meeting %(meeting)s is not recorded as held (status: held with "
                "present). Record the attendance first, then make the minutes. Nothing "
                "written.",
                meeting=meeting_id,
            ),
            EXIT_PROBLEMS,
        )


def _news(ctx: typer.Context, since: str, lang: str | None) -> list[str]:
    from netzwerkctl.cli.common import network_root
    from netzwerkctl.gitrepo import GitUnavailable
    from netzwerkctl.history import changes_between
    from netzwerkctl.present.changes import wording

    root = network_root(ctx)
    try:
        found, now = changes_between(root, since)
    except GitUnavailable as exc:
        fail(f"--changes-since: {exc}")
    language = lang or now.language
    return [wording(c, language) for c in found]


def _meeting(network: Network, root: Path, ref: str, today: date, held: bool) -> str:
    from netzwerkctl.derive.meetings import MeetingNotFound, resolve_meeting

    key = ref
    if ref.endswith((".yaml", ".yml")):
        # relative to the network root first (as check prints paths), else to here
        path = root / ref if (root / ref).is_file() else Path(ref)
        try:
            key = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            _ = cli()
            fail(_("%(file)s is not inside the network %(folder)s.", file=ref, folder=root))
    try:
        return resolve_meeting(network, key, today, held)
    except MeetingNotFound as exc:
        from netzwerkctl.i18n import short_date

        _ = cli()
        day = short_date(today, _.lang)
        if exc.reason == "no-held":
            fail(
                _(
                    "The group %(group)s has no meeting with status: held until %(date)s.",
                    group=ref,
                    date=day,
                ),
                EXIT_PROBLEMS,
            )
        if exc.reason == "no-planned":
            fail(
                _(
                    "No meeting of the group %(group)s is planned from %(date)s.",
                    group=ref,
                    date=day,
                ),
                EXIT_PROBLEMS,
            )
        if exc.reason == "invalid":
            fail(
                _(
                    "The meeting file %(file)s has errors; `netzwerkctl check` shows them.",
                    file=ref,
                ),
                EXIT_PROBLEMS,
            )
        text = _("There is no meeting or group '%(ref)s'.", ref=ref)
        if exc.suggestion:
            text += " " + _("Did you mean '%(suggestion)s'?", suggestion=exc.suggestion)
        fail(text)
