"""`netzwerkctl new meeting|partner|group`: new files that pass `check`, never over
an existing one."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from netzwerkctl.cli.common import (
    EXIT_PROBLEMS,
    fail,
    load_for_editing,
    network_root,
    parse_date,
    parse_today,
    require,
    require_choice,
)
from netzwerkctl.cli.language import Group
from netzwerkctl.i18n import cli

if TYPE_CHECKING:
    from netzwerkctl.codes import Lang

app = typer.Typer(
    cls=Group,
    help=(
        "Create new files: meeting, partner, group.\n\n"
        "Example: netzwerkctl new meeting ag-bildung 2022-11-09 --start 18:00"
    ),
    no_args_is_help=True,
)


def _write_new(root: Path, rel: str, text: str) -> None:
    from netzwerkctl.writers import WriteError, write_inside

    path = root / rel
    if path.exists() or path.is_symlink():
        _ = cli()
        fail(_("%(file)s exists already; netzwerkctl overwrites no file.", file=rel), EXIT_PROBLEMS)
    try:
        write_inside(root, rel, text.encode("utf-8"), exclusive=True)
    except WriteError as exc:
        fail(str(exc), EXIT_PROBLEMS)
    except OSError as exc:  # a name the file system refuses, a full disk
        from netzwerkctl.files import said

        fail(f"{rel}: {said(exc, cli())}", EXIT_PROBLEMS)
    _ = cli()
    typer.echo(_("Created: %(file)s", file=rel))


MAX_ID = 100  # an id is a file name: file systems allow 255 bytes


def _slug(value: str) -> str:
    from netzwerkctl.model import slugify

    if len(value) > MAX_ID:
        _ = cli()
        fail(_("An id has at most %(n)s characters.", n=MAX_ID))
    if value != slugify(value):
        _ = cli()
        fail(
            _(
                "'%(value)s' cannot be an id; for example '%(slug)s'.",
                value=value,
                slug=slugify(value),
            )
        )
    return value


def _clock(value: str | None, option: str) -> time | None:
    if value is None:
        return None
    from netzwerkctl.model import parse_clock

    try:
        parsed = parse_clock(value)
    except ValueError:  # pydantic's custom errors are ValueErrors
        parsed = None
    if not isinstance(parsed, time):
        _ = cli()
        fail(
            _(
                "%(option)s: '%(value)s' is not a time. Write it like 18:30.",
                option=option,
                value=value,
            )
        )
    return parsed


@app.command()
def meeting(
    ctx: typer.Context,
    group: Annotated[str, typer.Argument(help="The group's id.", show_default=False)],
    day: Annotated[
        str,
        typer.Argument(
            help="Day of the meeting (2022-11-09 or 09.11.2022).",
            show_default=False,
        ),
    ],
    start: Annotated[Optional[str], typer.Option(help="Start, e.g. 18:00.")] = None,  # noqa: UP045
    end: Annotated[Optional[str], typer.Option(help="End, e.g. 20:00.")] = None,  # noqa: UP045
    location: Annotated[Optional[str], typer.Option(help="Place.")] = None,  # noqa: UP045
) -> None:
    """New meeting file meetings/<YEAR>/<DATE>-<GROUP>.yaml: planned, with chair,
    minute-taker, the standing agenda items and – as a comment – the group's open
    tasks. Time and place not given are those of the group's last meeting.

    Example:

      netzwerkctl new meeting ag-bildung 2022-11-09 --start 18:00 --location "VHS"
    """
    from netzwerkctl.newfiles import meeting_path, meeting_yaml

    when = parse_date(day, "<" + cli().pgettext("placeholder", "DATE") + ">")
    # checked as of today (a meeting entered afterwards makes later data no future)
    root, network = load_for_editing(ctx, max(when, date.today()))
    require(group, network.groups, "group", network.names("group"))
    g = network.groups[group]
    if (g.started and when < g.started) or (g.ended and when > g.ended):
        from netzwerkctl.i18n import short_date

        _ = cli()
        fail(
            _(
                "The group '%(group)s' does not exist on %(date)s (started/ended).",
                group=group,
                date=short_date(when, _.lang),
            )
        )
    meeting_id = f"{when.isoformat()}-{group}"
    if network.is_known("meeting", meeting_id):
        _ = cli()
        fail(
            _(
                "There is a meeting %(meeting)s already (%(file)s).",
                meeting=meeting_id,
                file=network.file_of("meeting", meeting_id),
            ),
            EXIT_PROBLEMS,
        )
    begin, finish = _clock(start, "--start"), _clock(end, "--end")
    if begin is not None and finish is not None and finish <= begin:
        _ = cli()
        fail(_("--end must be after --start."))
    text = meeting_yaml(network, group, when, begin, finish, location, network.language)
    _write_new(root, meeting_path(group, when), text)


@app.command()
def partner(
    ctx: typer.Context,
    partner_id: Annotated[
        str,
        typer.Argument(help="Id, e.g. caritas-bocholt.", show_default=False),
    ],
    name: Annotated[Optional[str], typer.Option(help="Name of the organisation.")] = None,  # noqa: UP045
    kind: Annotated[str, typer.Option(help="Kind, e.g. welfare, bank, association.")] = "other",
    status: Annotated[
        str, typer.Option(help="prospect, approached, active, paused or former.")
    ] = "prospect",
    today: Annotated[Optional[str], typer.Option(help="Date for approached/joined.")] = None,  # noqa: UP045
) -> None:
    """New partner file partners/<ID>.yaml with a template for contact persons.

    Example:

      netzwerkctl new partner caritas-bocholt --name "Caritasverband Bocholt" --kind welfare
    """
    from typing import get_args

    from netzwerkctl.model import PartnerKind, PartnerStatus
    from netzwerkctl.newfiles import partner_yaml

    _slug(partner_id)
    require_choice(kind, get_args(PartnerKind), "--kind")
    require_choice(status, get_args(PartnerStatus), "--status")
    root = network_root(ctx)
    _not_known(root, "partner", partner_id)
    language: Lang = "en" if cli().lang == "en" else "de"  # the network's, found by the CLI
    text = partner_yaml(_name(name) or partner_id, kind, status, parse_today(today), language)
    _write_new(root, f"partners/{partner_id}.yaml", text)


@app.command()
def group(
    ctx: typer.Context,
    group_id: Annotated[str, typer.Argument(help="Id, e.g. ag-bildung.", show_default=False)],
    name: Annotated[Optional[str], typer.Option(help="Name of the group.")] = None,  # noqa: UP045
    kind: Annotated[
        str, typer.Option(help="steering, working, workshop, jury, network or other.")
    ] = "working",
    today: Annotated[Optional[str], typer.Option(help="Start of the group (started).")] = None,  # noqa: UP045
) -> None:
    """New group file groups/<ID>.yaml with a template for members.

    Example:

      netzwerkctl new group ag-bildung --name "AG Bildung/Qualifizierung"
    """
    from typing import get_args

    from netzwerkctl.model import GroupKind
    from netzwerkctl.newfiles import group_yaml

    _slug(group_id)
    require_choice(kind, get_args(GroupKind), "--kind")
    root = network_root(ctx)
    _not_known(root, "group", group_id)
    language: Lang = "en" if cli().lang == "en" else "de"  # the network's, found by the CLI
    text = group_yaml(_name(name) or group_id, kind, parse_today(today), language)
    _write_new(root, f"groups/{group_id}.yaml", text)


def _not_known(root: Path, kind: str, entity_id: str) -> None:
    """Also `partners/x/caritas.yml` counts: two files with one id would not pass check."""
    from netzwerkctl.files import classify, network_files

    for rel in network_files(root):
        if classify(rel) == (kind, entity_id):
            _ = cli()
            fail(
                _("The id '%(id)s' exists already: %(file)s.", id=entity_id, file=rel),
                EXIT_PROBLEMS,
            )


def _name(value: str | None) -> str | None:
    """A name for the new file: one line of text (the file would not pass check)."""
    if value is None:
        return None
    if not value.strip() or any(ord(c) < 32 or c in "\x7f\u2028\u2029" for c in value):
        _ = cli()
        fail(_("--name: a name is one line of text, not empty and without tabs."))
    return value.strip()
