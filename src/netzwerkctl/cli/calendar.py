"""`netzwerkctl calendar`: all meetings (and deadlines) for a calendar program."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from netzwerkctl.cli.common import (
    AllowErrorsOpt,
    ForceOpt,
    emit,
    fail,
    load_checked,
    parse_today,
    require,
)
from netzwerkctl.i18n import cli


def calendar(
    ctx: typer.Context,
    output: Annotated[
        Optional[Path],  # noqa: UP045  (Typer needs Optional on Python 3.10)
        typer.Option("--output", "-o", help="Write to this .ics file.", dir_okay=False),
    ] = None,
    group: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--group", "-g", help="Only the meetings of this group."),
    ] = None,
    tasks: Annotated[
        bool,
        typer.Option("--tasks", help="Due dates of open tasks as all-day entries."),
    ] = False,
    public: Annotated[
        bool,
        typer.Option(
            "--public",
            help=(
                "For everyone (a website, a public calendar): no presenters, no tasks, "
                "contact data and persons' names masked."
            ),
        ),
    ] = False,
    today: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            help=(
                "Day of the export instead of today (2022-09-01 or 01.09.2022): time "
                "stamp of changed entries."
            )
        ),
    ] = None,
    force: ForceOpt = False,
    allow_errors: AllowErrorsOpt = False,
) -> None:
    """All meetings as an iCalendar file (.ics) to import into Outlook, Thunderbird,
    Google or Apple Calendar. Importing again updates the entries.

    Every entry carries SEQUENCE and DTSTAMP: when a meeting changes (day, time, place,
    agenda, cancellation), SEQUENCE counts on at the next export
    (kept in .netzwerkctl/calendar.json). With --tasks only open tasks.

    Examples:

      netzwerkctl calendar -o meetings.ics

      netzwerkctl calendar --group ag-bildung --tasks -o ag-bildung.ics

      netzwerkctl calendar --public -o termine.ics
    """
    from netzwerkctl import calversions
    from netzwerkctl.present.calendar import build_calendar
    from netzwerkctl.present.incomplete import notice

    day = parse_today(today)
    if public and tasks:
        _ = cli()
        fail(_("--tasks names the persons who owe a task; it cannot go with --public."))
    root, network, gaps = load_checked(ctx, day, allow_errors)
    if group is not None:
        require(group, network.groups, "group", network.names("group"))
    data, versions = build_calendar(
        network,
        network.language,
        group,
        tasks,
        day,
        calversions.load(root),
        notice(gaps, network.language) if gaps else None,
        public,
    )
    emit(data, output, force, root)
    calversions.save(root, versions)
