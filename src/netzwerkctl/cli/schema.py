"""`netzwerkctl schema`: JSON Schemas of the files, for editors and validators."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Optional

import typer

from netzwerkctl.cli.common import fail, network_root
from netzwerkctl.i18n import cli


def schema(
    ctx: typer.Context,
    kind: Annotated[
        Optional[str],  # noqa: UP045  (Typer needs Optional on Python 3.10)
        typer.Argument(
            help=(
                "netzwerk, partner, group, meeting, project, marketplace or report; "
                "without it: all."
            ),
            show_default=False,
        ),
    ] = None,
    write: Annotated[
        bool, typer.Option("--write", help="Write into the network's .schemas/ folder.")
    ] = False,
) -> None:
    """JSON Schemas (draft-07) of the kinds of files, made from the models: with them
    editors like VS Code offer completion, help on every key and red squiggles under
    typos.

    Examples:

      netzwerkctl schema partner

      netzwerkctl schema --write
    """
    from netzwerkctl.schema import KINDS, schema_file, schema_for, schema_text
    from netzwerkctl.writers import WriteError, write_inside

    if kind is not None and kind not in KINDS:
        _ = cli()
        fail(
            _(
                "There is no kind of file '%(kind)s'. Allowed: %(kinds)s.",
                kind=kind,
                kinds=" | ".join(KINDS),
            )
        )
    kinds = [kind] if kind else list(KINDS)
    if not write:
        if kind:
            sys.stdout.write(schema_text(kind, cli().lang))
        else:
            everything = {k: schema_for(k, cli().lang) for k in kinds}
            sys.stdout.write(
                json.dumps(everything, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
            )
        return
    root = network_root(ctx)
    for k in kinds:
        text = schema_text(k, cli().lang)
        try:
            write_inside(root, f".schemas/{schema_file(k)}", text.encode("utf-8"))
        except WriteError as exc:
            fail(str(exc))
        _ = cli()
        written = f".schemas/{schema_file(k)}"
        typer.echo(_("written: %(file)s", file=written))
