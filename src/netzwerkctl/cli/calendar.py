"""`netzwerkctl calendar`: all meetings (and deadlines) for a calendar program."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from netzwerkctl.cli.common import (
    AllowErrorsOpt,
    ForceOpt,
    emit,
    load_checked,
    parse_today,
    require,
)


def calendar(
    ctx: typer.Context,
    output: Annotated[
        Optional[Path],  # noqa: UP045  (Typer needs Optional on Python 3.10)
        typer.Option("--output", "-o", help="In diese .ics-Datei schreiben.", dir_okay=False),
    ] = None,
    group: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--group", "-g", help="Nur die Sitzungen dieser Gruppe."),
    ] = None,
    tasks: Annotated[
        bool,
        typer.Option("--tasks", help="Fristen offener Arbeitsaufträge als ganztägige Termine."),
    ] = False,
    today: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            help="Tag des Exports statt heute (2022-09-01 oder 01.09.2022): Zeitstempel "
            "geänderter Termine."
        ),
    ] = None,
    force: ForceOpt = False,
    allow_errors: AllowErrorsOpt = False,
) -> None:
    """Alle Sitzungen als iCalendar-Datei (.ics) zum Import in Outlook, Thunderbird,
    Google oder Apple Kalender. Ein erneuter Import aktualisiert die Termine.

    Jeder Termin trägt SEQUENCE und DTSTAMP: Ändert sich ein Termin (Tag, Zeit, Ort,
    Tagesordnung, Absage), zählt SEQUENCE beim nächsten Export weiter
    (gemerkt in .netzwerkctl/calendar.json). Mit --tasks nur offene Aufträge.

    Beispiele:

      netzwerkctl calendar -o sitzungen.ics

      netzwerkctl calendar --group ag-bildung --tasks -o ag-bildung.ics
    """
    from netzwerkctl import calversions
    from netzwerkctl.present.calendar import build_calendar
    from netzwerkctl.present.incomplete import notice

    day = parse_today(today)
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
    )
    emit(data, output, force, root)
    calversions.save(root, versions)
