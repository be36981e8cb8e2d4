"""`netzwerkctl changes`: what happened in the network, from its git history."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated, Optional

import typer

from netzwerkctl.cli.common import ForceOpt, OutputOpt, emit, fail, network_root, output_format_for
from netzwerkctl.i18n import Text


class ChangesFormat(str, Enum):
    md = "md"
    json = "json"


def changes(
    ctx: typer.Context,
    since: Annotated[
        str,
        typer.Option(
            help=(
                "Since when: a date (2022-06-22) or a git revision; default HEAD, that is "
                "what is not committed yet."
            )
        ),
    ] = "HEAD",
    until: Annotated[
        Optional[str],  # noqa: UP045  (Typer needs Optional on Python 3.10)
        typer.Option(
            help="Until when: a date or a git revision; default: the files as they are now."
        ),
    ] = None,
    output_format: Annotated[
        Optional[ChangesFormat],  # noqa: UP045
        typer.Option(
            "--format", "-f", help="md (default) or json; with -o from the file's extension."
        ),
    ] = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """What changed in the network, according to git: partners who joined or left,
    changed details, new people, new, held and cancelled meetings, tasks done, new
    decisions.

    Examples:

      netzwerkctl changes --since 2022-06-22      # since the last steering group

      netzwerkctl changes --since v2021 --until v2022 --format json
    """
    from netzwerkctl.gitrepo import GitUnavailable
    from netzwerkctl.history import changes_between
    from netzwerkctl.present.changes import wording

    output_format = output_format_for(output_format, output, ChangesFormat)
    root = network_root(ctx)
    try:
        found, now = changes_between(root, since, until)
    except GitUnavailable as exc:
        fail(str(exc))
    lang = now.language
    if output_format is ChangesFormat.json:
        rows = [{"kind": c.kind, "subject": c.subject, "text": wording(c, lang)} for c in found]
        emit(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", output, force, root)
        return
    title = _title(since, until, lang)
    _ = Text(lang)
    lines = [f"- {wording(c, lang)}" for c in found] or [_("No changes.")]
    from netzwerkctl.present.render import marker_line

    emit(marker_line(lang) + title + "\n\n" + "\n".join(lines) + "\n", output, force, root)


def _title(since: str, until: str | None, lang: str) -> str:
    """ "seit 06.12.2021" for a date (as the coordinator writes it), a revision as
    given; HEAD alone means what is not committed yet, and says so."""
    from netzwerkctl.dates import read_date
    from netzwerkctl.i18n import short_date

    _ = Text(lang)

    def shown(point: str) -> str:
        day = read_date(point)
        return point if day is None else short_date(day, lang)

    if since == "HEAD" and until is None:
        return "# " + _("Uncommitted changes")
    if until:
        return "# " + _(
            "New in the network since %(since)s until %(until)s",
            since=shown(since),
            until=shown(until),
        )
    return "# " + _("New in the network since %(since)s", since=shown(since))
