"""`netzwerkctl export --public YEAR`: what a network publishes about itself, for a
programme office (federation/export.py)."""

from __future__ import annotations

import sys
from datetime import date
from typing import Annotated, Optional

import typer

from netzwerkctl.cli.common import (
    AllowErrorsOpt,
    ForceOpt,
    OutputOpt,
    a_year_of_the_network,
    emit,
    fail,
    load_checked,
)
from netzwerkctl.i18n import cli


def export(
    ctx: typer.Context,
    year: Annotated[
        Optional[int],  # noqa: UP045  (Typer needs Optional on Python 3.10)
        typer.Argument(
            help="Year of the export, e.g. 2021.", min=1900, max=2999, show_default=False
        ),
    ] = None,
    public: Annotated[
        bool,
        typer.Option(
            "--public",
            help="The public export: organisations and figures, nothing about persons.",
        ),
    ] = False,
    schema: Annotated[
        bool, typer.Option("--schema", help="Print the JSON Schema of the public export.")
    ] = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
    allow_errors: AllowErrorsOpt = False,
) -> None:
    """One JSON document with everything the network may publish about a year:
    the network and its coordinating office, partners as organisations, groups and
    their patron organisations, the figures of the year's report, contributions by
    kind and partner, awards to organisations, marketplaces and the dates and places
    of meetings. No person appears in it: no name, e-mail address or phone number, no
    attendee. A programme office collects these exports (`netzwerkctl federation`).

    Examples:

      netzwerkctl export --public 2021

      netzwerkctl export --public 2021 -o export-2021.json

      netzwerkctl export --schema
    """
    from netzwerkctl.federation.export import export_json, public_export, schema_text

    _ = cli()
    if schema:
        sys.stdout.write(schema_text())
        return
    if not public:
        fail(_("netzwerkctl export writes the public export only: add --public."))
    if year is None:
        fail(_("Which year? For example: netzwerkctl export --public 2021"))
    from netzwerkctl.gitrepo import provenance

    root, network, gaps = load_checked(ctx, date.today(), allow_errors)
    a_year_of_the_network(network, year, date.today())
    made = public_export(network, year, provenance(root), len(gaps.files) if gaps else 0)
    emit(export_json(made), output, force, root)
