"""`netzwerkctl partners`, `match`, `market` and `person`: partner work."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from netzwerkctl.cli.common import (
    EXIT_PROBLEMS,
    AllowErrorsOpt,
    ForceOpt,
    OutputOpt,
    document_data,
    emit,
    fail,
    load_checked,
    output_format_for,
    parse_today,
    require,
    require_choice,
    template_problem,
)
from netzwerkctl.i18n import Text, cli

if TYPE_CHECKING:
    from netzwerkctl.codes import Lang
    from netzwerkctl.network import Network
    from netzwerkctl.present.incomplete import Incomplete

TodayOpt = Annotated[
    Optional[str],  # noqa: UP045  (Typer needs Optional on Python 3.10)
    typer.Option(help="Reference day instead of today (for current contacts and groups)."),
]


class DocFormat(str, Enum):
    md = "md"
    json = "json"


DocFormatOpt = Annotated[
    Optional[DocFormat],  # noqa: UP045
    typer.Option("--format", "-f", help="md (default) or json; with -o from the file's extension."),
]


class ListFormat(str, Enum):
    table = "table"
    md = "md"
    json = "json"
    csv = "csv"


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def _document(
    name: str,
    context: Mapping[str, Any],
    chosen: DocFormat | None,
    network: Network,
    output: Path | None,
    force: bool,
    root: Path,
    gaps: Incomplete | None,
) -> None:
    """A partner document as JSON (its context, with `incomplete`) or rendered from
    its template (with the notice when the network has errors)."""
    from netzwerkctl.present.incomplete import as_json, notice

    if output_format_for(chosen, output, DocFormat) is DocFormat.json:
        emit(_json({**context, "incomplete": as_json(gaps)}), output, force, root)
    else:
        warning = notice(gaps, network.language) if gaps else None
        emit(_render(root, name, context, network.language, warning), output, force, root)


def _render(
    root: Path, name: str, context: Mapping[str, Any], lang: Lang, notice: str | None
) -> str:
    """A partner document from the network's own template if it has one (templates/),
    else the built-in one; a broken template is a message, never a traceback."""
    from netzwerkctl.present.render import TemplateProblem, render

    try:
        return render(name, context, lang, network_templates=root / "templates", notice=notice)
    except TemplateProblem as exc:
        fail(template_problem(exc), EXIT_PROBLEMS)


def partners(
    ctx: typer.Context,
    status: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Only this status: prospect, approached, active, paused, former."),
    ] = None,
    kind: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Only this kind, e.g. welfare, bank, association."),
    ] = None,
    expertise: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Only partners with this expertise (word forms count)."),
    ] = None,
    cluster: Annotated[
        bool, typer.Option("--cluster", help="Group by cluster and expertise.")
    ] = False,
    output_format: Annotated[
        Optional[ListFormat],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            help="table (default), md, json or csv; with -o from the file's extension.",
        ),
    ] = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    allow_errors: AllowErrorsOpt = False,
    today: TodayOpt = None,
) -> None:
    """The partners with status, path (approached → joined), kind, expertise, contacts,
    decision-maker, groups and patronages.

    Examples:

      netzwerkctl partners --status prospect --cluster

      netzwerkctl partners --expertise Bildung --format csv -o partners.csv
    """
    from typing import get_args

    from netzwerkctl.derive.partners import filter_rows, partner_rows
    from netzwerkctl.model import PartnerKind, PartnerStatus
    from netzwerkctl.present.partners import as_csv, partner_row, partner_table, partners_context

    require_choice(status, get_args(PartnerStatus), "--status")
    require_choice(kind, get_args(PartnerKind), "--kind")
    from netzwerkctl.present.incomplete import as_json, notice

    output_format = output_format_for(output_format, output, ListFormat)
    day = parse_today(today)
    root, network, gaps = load_checked(ctx, day, allow_errors)
    warning = notice(gaps, network.language) if gaps else None
    rows = filter_rows(partner_rows(network, day), status, kind, expertise)
    if output_format is ListFormat.json:
        context = partners_context(network, rows, cluster)
        listed = context["clusters"] if cluster else context["partners"]
        # a list as before; from a network with errors an object that says so
        data = listed if gaps is None else {"incomplete": as_json(gaps), "partners": listed}
        emit(_json(data), output, force, root)
    elif output_format is ListFormat.csv:
        emit(
            as_csv([partner_row(network, r) for r in rows], network.language, warning),
            output,
            force,
            root,
        )
    elif output_format is ListFormat.md or cluster:
        context = partners_context(network, rows, cluster)
        emit(_render(root, "partners", context, network.language, warning), output, force, root)
    else:
        if warning:
            typer.echo(warning)
        from rich.console import Console

        table = partner_table(network, [partner_row(network, r) for r in rows])
        Console(highlight=False).print(table)


def match(
    ctx: typer.Context,
    topics: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Argument(help="Topics, e.g. Bildung Jugendarbeit.", show_default=False),
    ] = None,
    group: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--group",
            "-g",
            help="For the topic of this group; only partners not yet taking part in it.",
        ),
    ] = None,
    output_format: DocFormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    allow_errors: AllowErrorsOpt = False,
    today: TodayOpt = None,
) -> None:
    """Who can help? Partners (active and possible) with matching expertise, the best
    match first, with the reason and the person who decides. Upper and lower case,
    umlauts, word forms and parts of words count.

    Examples:

      netzwerkctl match Bildung

      netzwerkctl match --group ag-nachwuchs
    """
    from netzwerkctl.derive.partners import involved_in_group
    from netzwerkctl.derive.partners import match as find
    from netzwerkctl.present.partners import match_context

    day = parse_today(today)
    root, network, gaps = load_checked(ctx, day, allow_errors)
    from netzwerkctl.derive.words import terms

    words = [t for t in topics or [] if terms(t)]  # "" and "der die das" name no topic
    if group is None:
        if not words:
            _ = cli()
            fail(_("Please name a topic (netzwerkctl match Bildung) or --group."))
        context = match_context(words, find(network, words, day), None)
    else:
        require(group, network.groups, "group", network.names("group"))
        g = network.groups[group]
        words = words or [g.topic or g.name]
        found = find(network, words, day)
        exclude = involved_in_group(network, group, day)
        context = match_context(
            words,
            [m for m in found if m.id not in exclude],
            group,
            g.name,
            [m.partner.name for m in found if m.id in exclude],
        )
    _document("match", context, output_format, network, output, force, root, gaps)


def market(
    ctx: typer.Context,
    event: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            help="Id of the marketplace (file in marketplace/); without it: all.",
            show_default=False,
        ),
    ] = None,
    output_format: DocFormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    allow_errors: AllowErrorsOpt = False,
) -> None:
    """Marketplace: agreements, open offers and requests, suggested pairs (same kind,
    shared words, never a partner with itself) and the balance of giving and taking
    over all marketplaces.

    Examples:

      netzwerkctl market marktplatz-2021

      netzwerkctl market --format json
    """
    from netzwerkctl.derive.market import market_view
    from netzwerkctl.present.partners import market_context

    root, network, gaps = load_checked(ctx, parse_today(None), allow_errors)
    view = None
    if event is not None:
        require(event, network.marketplaces, "marketplace")
        view = market_view(network, event)
    context = market_context(network, view)
    _document("market", context, output_format, network, output, force, root, gaps)


class PersonFormat(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"
    docx = "docx"
    json = "json"


def person(
    ctx: typer.Context,
    person_id: Annotated[str, typer.Argument(help="The person's id.", show_default=False)],
    output_format: Annotated[
        Optional[PersonFormat],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            help="md (default), html, pdf, docx or json; with -o from the file's extension.",
        ),
    ] = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    allow_errors: AllowErrorsOpt = False,
    today: TodayOpt = None,
) -> None:
    """Access under Art. 15 GDPR: a letter to the person with everything stored about
    them, every file and line that names them, purposes, recipients, storage period
    and source; on the terminal, what an erasure (Art. 17) would have to change.

    Examples:

      netzwerkctl person maria-schulte

      netzwerkctl person maria-schulte --format json -o access.json
    """
    from netzwerkctl.derive.person import person_view
    from netzwerkctl.files import network_files, read_files
    from netzwerkctl.present.partners import person_context

    day = parse_today(today)
    root, network, gaps = load_checked(ctx, day, allow_errors)
    require(
        person_id, network.known_persons, "person", network.names("person")
    )  # also in a file with errors
    texts = {  # read as check reads them: never through a link out of the network
        rel: raw.decode("utf-8-sig", errors="replace")
        for rel, raw in read_files(root, network_files(root))
        if isinstance(raw, bytes)
    }
    view = person_view(network, person_id, texts)
    context = person_context(network, view, day)
    fmt = output_format_for(output_format, output, PersonFormat)
    if fmt is PersonFormat.json:
        _document("person", context, DocFormat.json, network, output, force, root, gaps)
        return
    from netzwerkctl.present.incomplete import notice
    from netzwerkctl.present.labels import label

    lang = network.language
    warning = notice(gaps, lang) if gaps else None
    data = document_data("person", context, lang, fmt.value, root, output, warning)
    emit(data, output, force, root)
    _ = cli()
    words = Text(lang)
    steps = [f"  {m.file}:{m.line}: {label(words, 'erasure step', m.what)}" for m in view.mentions]
    sys.stderr.write(  # for the coordinator, not for the person who asked
        "netzwerkctl: "
        + _("On erasure (Art. 17) these places change; `netzwerkctl check` shows what is left:")
        + "\n"
        + "".join(line + "\n" for line in steps)
        + "netzwerkctl: "
        + _(
            "Not searched: the folder's git history (old versions of the files still hold "
            "the data; erasing it there needs the history rewritten), generated documents "
            "(invitations, minutes, reports) and the outbox of sent messages."
        )
        + "\n"
    )
