"""`netzwerkctl report YEAR`: the yearly Engagementbericht for the city council."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, timezone
from enum import Enum
from typing import Annotated, Optional

import typer

from netzwerkctl.cli.common import (
    AllowErrorsOpt,
    ForceOpt,
    LangOpt,
    OutputOpt,
    YearArg,
    a_year_of_the_network,
    document_data,
    emit,
    fail,
    load_checked,
    output_format_for,
)
from netzwerkctl.i18n import cli


class ReportFormat(str, Enum):
    md = "md"
    html = "html"
    json = "json"
    pdf = "pdf"
    docx = "docx"


def report(
    ctx: typer.Context,
    year: YearArg,
    output_format: Annotated[
        Optional[ReportFormat],  # noqa: UP045  (Typer needs Optional on Python 3.10)
        typer.Option(
            "--format",
            "-f",
            help="md (default), html, json, pdf or docx; with -o from the file's extension.",
        ),
    ] = None,
    output: OutputOpt = None,
    lang: LangOpt = None,
    force: ForceOpt = False,
    allow_errors: AllowErrorsOpt = False,
) -> None:
    """The engagement report of a year: partners, patrons, meetings, participation,
    tasks, projects, contributions, awards, marketplace and the texts from
    reports/<YEAR>.yaml. HTML with charts, ready to print.

    The report names the state of its data (git revision) and is the same byte for
    byte for the same revision; its date comes from git or SOURCE_DATE_EPOCH, never
    from the clock.

    Examples:

      netzwerkctl report 2021

      netzwerkctl report 2021 -o engagement-report-2021.html
    """
    from netzwerkctl.gitrepo import provenance
    from netzwerkctl.present.report import report_charts, report_context, report_json

    fmt = output_format_for(output_format, output, ReportFormat)
    from netzwerkctl.present.incomplete import as_json, notice

    # The check (with today's date) only decides whether the network has errors; the
    # report's text reads no clock.
    root, network, gaps = load_checked(ctx, date.today(), allow_errors)
    a_year_of_the_network(network, year, date.today())
    language = lang or network.language
    version = provenance(root)
    if version.state == "refused":
        _ = cli()
        note = _(
            "The network's folder holds an embedded git repository (HEAD, objects/, refs/); "
            "netzwerkctl does not read it, and the report names no version."
        )
        sys.stderr.write("netzwerkctl: " + _("Note: %(note)s", note=note) + "\n")
    context = report_context(network, year, version, _source_date(), language)
    if fmt is ReportFormat.json:
        figures = {**report_json(context), "incomplete": as_json(gaps)}
        emit(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", output, force, root)
        return
    printed = fmt in (ReportFormat.html, ReportFormat.pdf)
    charts = report_charts(network, year, language) if printed else None
    warning = notice(gaps, language) if gaps else None
    data = document_data("report", context, language, fmt.value, root, output, warning, charts)
    emit(data, output, force, root)


def _source_date() -> date | None:
    """SOURCE_DATE_EPOCH (reproducible builds) as the report's date, if set."""
    import os

    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        _ = cli()
        fail(_("SOURCE_DATE_EPOCH must be a number of seconds."))
    return datetime.fromtimestamp(int(value), tz=timezone.utc).date()
