"""`netzwerkctl replies FOLDER`: what the saved replies to invitations say, as the
lines of `accepted:` and `declined:` to write; with --write it writes them (only those
two keys of each meeting file)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from netzwerkctl.cli.common import EXIT_PROBLEMS, fail, load_for_editing
from netzwerkctl.i18n import cli

if TYPE_CHECKING:
    from netzwerkctl.network import Network
    from netzwerkctl.replies import Outcome


def replies(
    ctx: typer.Context,
    folder: Annotated[
        Path,
        typer.Argument(
            help="Folder with the replies saved from the mail program (.ics or .eml).",
            file_okay=False,
            show_default=False,
        ),
    ],
    write: Annotated[
        bool,
        typer.Option("--write", help="Write accepted:/declined: into the meeting files."),
    ] = False,
) -> None:
    """Replies to invitations: reads the calendar replies (Accept/Decline in Outlook,
    Thunderbird, Apple Mail) saved as .ics or .eml files and says what to record.

    Examples:

      netzwerkctl replies antworten/

      netzwerkctl replies antworten/ --write
    """
    from netzwerkctl.present.labels import label
    from netzwerkctl.replies import lists_after, read_replies

    _ = cli()
    if not folder.is_dir():
        fail(_("%(folder)s is not a folder.", folder=folder))
    root, network = load_for_editing(ctx, date.today())
    saved = read_replies(folder)
    outcomes, unknown = lists_after(network, saved.found)
    for outcome in outcomes:
        rel = network.file_of("meeting", outcome.meeting)
        typer.echo(f"{rel}:")
        typer.echo(f"  accepted: [{', '.join(outcome.accepted)}]")
        typer.echo(f"  declined: [{', '.join(outcome.declined)}]")
        for person, answer in outcome.new:
            typer.echo("    " + _("new under %(key)s: %(person)s", key=answer, person=person))
    for reply in unknown:
        typer.echo(
            _(
                "not understood: %(file)s (%(email)s, %(answer)s): no meeting, person or "
                "answer netzwerkctl knows",
                file=reply.file,
                email=reply.email,
                answer=label(_, "reply answer", reply.answer) if reply.answer else "–",
            )
        )
    for name in saved.skipped:
        typer.echo(_("no calendar reply in %(file)s", file=name))
    for name in saved.other:
        typer.echo(_("not read: %(file)s (only .ics and .eml files are read)", file=name))
    if not write:
        if any(o.new for o in outcomes):
            typer.echo(_("Nothing changed; --write records these replies."))
    else:
        _write(root, network, outcomes)
    left = len({r.file for r in unknown} | {*saved.skipped, *saved.other})
    if left:  # exit 0 means every saved reply is in the lists above
        fail(
            _.ngettext(
                "%(count)d file was not recorded completely; please look at it by hand.",
                "%(count)d files were not recorded completely; please look at them by hand.",
                left,
                count=left,
            ),
            EXIT_PROBLEMS,
        )


def _write(root: Path, network: Network, outcomes: list[Outcome]) -> None:
    """Write the new lists of each meeting with new answers, one file after another;
    a file that cannot be changed safely stops before it is touched."""
    from netzwerkctl.replies import edited
    from netzwerkctl.writers import WriteError, write_inside

    _ = cli()
    for outcome in outcomes:
        if not outcome.new:
            continue
        rel = network.file_of("meeting", outcome.meeting)
        text = (root / rel).read_text(encoding="utf-8")
        new = edited(text, outcome.accepted, outcome.declined).encode()
        if not _reads_as(new, rel, outcome.accepted, outcome.declined, text.encode()):
            fail(
                _(
                    "%(file)s is written in a way netzwerkctl cannot change safely; "
                    "nothing written to it. Please enter the lists above by hand.",
                    file=rel,
                ),
                EXIT_PROBLEMS,
            )
        try:
            write_inside(root, rel, new)
        except WriteError as exc:
            fail(str(exc), EXIT_PROBLEMS)
        typer.echo(_("written: %(file)s", file=rel))


def _reads_as(
    data: bytes, rel: str, accepted: tuple[str, ...], declined: tuple[str, ...], before: bytes
) -> bool:
    """Whether the rewritten file reads without a problem, holds exactly the lists
    meant, and keeps every entry the lists had (one the checks left out, such as a
    name instead of an id, is never dropped in passing): a file is never left broken
    (it would stop every document) nor shorter than the coordinator wrote it."""
    from netzwerkctl.yamlio import read_document

    doc = read_document(data, rel)
    if doc.data is None or doc.problems:
        return False
    lists = (doc.data.get("accepted", []), doc.data.get("declined", []))
    if lists != (list(accepted), list(declined)):
        return False
    old = read_document(before, rel).data or {}
    had = [v for key in ("accepted", "declined") for v in _listed(old.get(key))]
    return set(had) <= {*accepted, *declined}


def _listed(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []
