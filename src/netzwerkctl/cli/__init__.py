"""The command line: a thin Typer layer over the library.

Commands parse arguments, call the pipeline, print and choose the exit code
(0 fine, 1 problems found, 2 usage error or no network). Heavy libraries
(pydantic, jinja2, git) are imported inside the commands that need them, so
`netzwerkctl --help` and `--version` start as fast as Typer itself.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Annotated, Optional

import typer

from netzwerkctl import __version__
from netzwerkctl.cli import calendar as calendar_command
from netzwerkctl.cli import changes as changes_command
from netzwerkctl.cli import check as check_command
from netzwerkctl.cli import documents as document_commands
from netzwerkctl.cli import init as init_command
from netzwerkctl.cli import new as new_commands
from netzwerkctl.cli import partners as partner_commands
from netzwerkctl.cli import remind as remind_command
from netzwerkctl.cli import report as report_command
from netzwerkctl.cli import schema as schema_command
from netzwerkctl.cli.common import State

app = typer.Typer(
    name="netzwerkctl",
    help=(
        "Ein Netzwerk für bürgerschaftliches Engagement als YAML-Dateien: prüfen, "
        "einladen, protokollieren, erinnern, berichten.\n\n"
        "Beispiel: netzwerkctl -C examples/stadt-bocholt check"
    ),
    no_args_is_help=True,
    add_completion=False,
    # a traceback must never print local variables: they can hold contact data
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,  # plain help: rendering it with Rich doubles the start-up time
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"netzwerkctl {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
    network: Annotated[
        Optional[Path],  # noqa: UP045  (Typer needs Optional on Python 3.10)
        typer.Option(
            "-C",
            "--network",
            help="Ordner des Netzwerks (mit netzwerk.yaml). Ohne Angabe wird vom "
            "aktuellen Ordner aufwärts gesucht.",
            file_okay=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Version zeigen und beenden.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    ctx.obj = State(network=network)


app.command(name="check")(check_command.check)
app.command(name="agenda")(document_commands.agenda)
app.command(name="minutes")(document_commands.minutes)
app.command(name="calendar")(calendar_command.calendar)
app.command(name="remind")(remind_command.remind)
app.command(name="report")(report_command.report)
app.command(name="partners")(partner_commands.partners)
app.command(name="match")(partner_commands.match)
app.command(name="market")(partner_commands.market)
app.command(name="person")(partner_commands.person)
app.command(name="schema")(schema_command.schema)
app.command(name="init")(init_command.init)
app.command(name="changes")(changes_command.changes)
app.add_typer(new_commands.app, name="new")


def main() -> None:
    # A command builds its objects once, uses them and ends: on a large network that is
    # a million objects that live until exit and form no reference cycles. Python's
    # cycle collector would rescan them over and over (a third of `check` on 6,000
    # files, see docs/benchmarks.md); reference counting still frees all the rest.
    gc.disable()
    app()
