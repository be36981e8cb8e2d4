"""The command line: a thin Typer layer over the library.

Commands parse arguments, call the pipeline, print and choose the exit code
(0 fine, 1 problems found, 2 usage error or no network). Heavy libraries
(pydantic, jinja2, git) are imported inside the commands that need them, so
`netzwerkctl --help` and `--version` start as fast as Typer itself.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Optional

import typer

from netzwerkctl import __version__
from netzwerkctl.cli import calendar as calendar_command
from netzwerkctl.cli import changes as changes_command
from netzwerkctl.cli import check as check_command
from netzwerkctl.cli import documents as document_commands
from netzwerkctl.cli import export as export_command
from netzwerkctl.cli import federation as federation_commands
from netzwerkctl.cli import forget as forget_command
from netzwerkctl.cli import init as init_command
from netzwerkctl.cli import new as new_commands
from netzwerkctl.cli import partners as partner_commands
from netzwerkctl.cli import remind as remind_command
from netzwerkctl.cli import replies as replies_command
from netzwerkctl.cli import report as report_command
from netzwerkctl.cli import schema as schema_command
from netzwerkctl.cli import serve as serve_command
from netzwerkctl.cli.common import State
from netzwerkctl.cli.language import Group

app = typer.Typer(
    name="netzwerkctl",
    cls=Group,
    help=(
        "A network for civic engagement as YAML files: check, invite, take minutes, "
        "remind, report.\n\n"
        "Example: netzwerkctl -C examples/stadt-bocholt check"
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
            help=(
                "Folder of the network (with netzwerk.yaml). Without it, the current "
                "folder and those above it are searched."
            ),
            file_okay=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    ctx.obj = State(network=network)


def _command(name: str, function: Callable[..., None]) -> None:
    app.command(name=name)(function)


_command("check", check_command.check)
_command("agenda", document_commands.agenda)
_command("minutes", document_commands.minutes)
_command("attendance", document_commands.attendance)
_command("certificate", document_commands.certificate)
_command("calendar", calendar_command.calendar)
_command("remind", remind_command.remind)
_command("replies", replies_command.replies)
_command("report", report_command.report)
_command("partners", partner_commands.partners)
_command("match", partner_commands.match)
_command("market", partner_commands.market)
_command("person", partner_commands.person)
_command("forget", forget_command.forget)
_command("schema", schema_command.schema)
_command("init", init_command.init)
_command("changes", changes_command.changes)
_command("export", export_command.export)
_command("serve", serve_command.serve)
app.add_typer(new_commands.app, name="new")
app.add_typer(federation_commands.app, name="federation")


def main() -> None:
    # A command builds its objects once, uses them and ends: on a large network that is
    # a million objects that live until exit and form no reference cycles. Python's
    # cycle collector would rescan them over and over (a third of `check` on 6,000
    # files, see docs/benchmarks.md); reference counting still frees all the rest.
    gc.disable()
    app()
