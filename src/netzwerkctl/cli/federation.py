"""`netzwerkctl federation fetch|check|report`: many networks, one picture, for a
programme office — from a registry of networks (programm.yaml), their repositories
and their public exports (the package netzwerkctl.federation)."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from netzwerkctl.cli.check import Format
from netzwerkctl.cli.common import (
    EXIT_PROBLEMS,
    ForceOpt,
    LangOpt,
    OutputOpt,
    YearArg,
    document_data,
    emit,
    fail,
    output_format_for,
    parse_today,
)
from netzwerkctl.cli.language import Group
from netzwerkctl.files import said
from netzwerkctl.i18n import cli

if TYPE_CHECKING:
    from netzwerkctl.federation.registry import ReadRegistry

app = typer.Typer(
    cls=Group,
    help=(
        "Many networks, one picture: fetch the repositories listed in programm.yaml, "
        "check them and report over all of them.\n\n"
        "Example: netzwerkctl federation fetch && netzwerkctl federation report 2021"
    ),
    no_args_is_help=True,
    add_completion=False,
)

RegistryOpt = Annotated[
    Path,
    typer.Option(
        "--registry",
        help="The programme's list of networks.",
        dir_okay=False,
    ),
]
CacheOpt = Annotated[
    Optional[Path],  # noqa: UP045  (Typer needs Optional on Python 3.10)
    typer.Option(
        "--cache",
        help="Folder for the fetched repositories; default: netze/ beside the registry.",
        file_okay=False,
    ),
]


def _registry(path: Path) -> ReadRegistry:
    """The registry, or its problems printed (exit 1) / a message (exit 2)."""
    from netzwerkctl.cli.check import print_problems
    from netzwerkctl.federation.registry import load_registry

    _ = cli()
    try:
        read = load_registry(path)
    except OSError as exc:
        fail(
            _(
                "The registry %(file)s cannot be read: %(reason)s",
                file=path,
                reason=said(exc, _),
            )
        )
    errors = [p for p in read.problems if p.severity == "error"]
    if errors or read.registry is None:
        print_problems(path.parent, list(read.problems), _.lang, sys.stderr)
        fail(_("The registry has errors; nothing done."), EXIT_PROBLEMS)
    return read


def _cache(registry: Path, cache: Path | None) -> Path:
    return cache if cache is not None else registry.parent / "netze"


@app.command()
def fetch(
    registry: RegistryOpt = Path("programm.yaml"),
    cache: CacheOpt = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, max=64, help="Repositories fetched at a time.")
    ] = 4,
    timeout: Annotated[
        int, typer.Option("--timeout", min=10, help="Seconds one repository may take.")
    ] = 600,
) -> None:
    """Clones every registered repository into the cache folder, or brings it up to
    date: shallow (only the newest commit of its branch or tag), a few at a time. A
    network that cannot be fetched is named with git's reason and keeps its last
    copy; the others are fetched all the same. Nothing from a repository is run.
    Exit code 0: every network fetched, 1: some could not be.

    Examples:

      netzwerkctl federation fetch

      netzwerkctl federation fetch --registry programm.yaml --cache netze --jobs 8
    """
    from netzwerkctl.federation.fetch import Fetched, fetch_all

    read = _registry(registry)
    _ = cli()
    words = {
        "cloned": _("cloned"),
        "updated": _("updated"),
        "unchanged": _("unchanged"),
        "failed": _("FAILED"),
        "export": _("publishes exports (read by federation report)"),
    }

    failures = {
        "git": "",
        "timeout": _("took longer than %(seconds)s seconds", seconds=timeout),
        "no-git": _("git is not installed (or not on the PATH). Please install git."),
        "cache": _("the cache folder cannot be written"),
    }

    def tell(result: Fetched) -> None:
        commit = f" ({result.commit})" if result.commit else ""
        why = [failures[result.failure]] if result.failure else []
        why += [result.reason] if result.reason else []
        reason = ": " + " – ".join(w for w in why if w) if any(why) else ""
        typer.echo(f"{result.id}: {words[result.state]}{commit}{reason}")

    results = fetch_all(
        read.networks, registry.parent, _cache(registry, cache), jobs, float(timeout), tell
    )
    failed = [r for r in results if r.state == "failed"]
    summary = _.ngettext(
        "%(n)s network, %(failed)s could not be fetched.",
        "%(n)s networks, %(failed)s could not be fetched.",
        len(results),
        failed=len(failed),
    )
    typer.echo(summary)
    if failed:
        raise typer.Exit(EXIT_PROBLEMS)


@app.command("check")
def check_command(
    registry: RegistryOpt = Path("programm.yaml"),
    cache: CacheOpt = None,
    output_format: Annotated[
        Format,
        typer.Option(
            "--format", "-f", help="text for people; json, github or gitlab (Code Quality) for CI."
        ),
    ] = Format.text,
    today: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Reference day instead of today (2021-03-15 or 15.03.2021)."),
    ] = None,
) -> None:
    """Runs `check` on every fetched network, one after the other, and prints a table:
    errors, warnings and the date of the last commit per network. The CI formats name
    every problem with its path in the cache folder. Exit code 0: no network has
    errors, 1: some have, or were not fetched.

    Examples:

      netzwerkctl federation check

      netzwerkctl federation check --format gitlab > gl-code-quality-report.json
    """
    from netzwerkctl.federation.gather import check_each
    from netzwerkctl.i18n import short_date
    from netzwerkctl.present.problems import as_github, as_gitlab, as_json

    read = _registry(registry)
    folder = _cache(registry, cache)
    _ = cli()
    rows = []
    problems = []
    failing = 0
    for checked in check_each(read.networks, folder, parse_today(today)):
        prefix = _shown(checked.root, registry.parent) + "/"
        if output_format is Format.json:
            problems.append(
                {
                    "network": checked.network.id,
                    "missing": checked.missing,
                    "errors": checked.errors,
                    "warnings": checked.warnings,
                    "commit": checked.commit,
                    "commit_date": checked.commit_date.isoformat() if checked.commit_date else None,
                    "problems": json.loads(as_json(checked.problems, checked.language)),
                }
            )
        elif output_format is Format.gitlab:
            problems += json.loads(as_gitlab(checked.problems, checked.language, prefix))
        elif output_format is Format.github:
            sys.stdout.write(as_github(checked.problems, checked.language, prefix))
        if checked.missing or checked.errors:
            failing += 1
        state = {
            None: "",
            "not-fetched": _("not fetched"),
            "fetch-failed": _("fetch failed"),
        }.get(checked.missing, _("no netzwerk.yaml"))
        rows.append(
            (
                checked.network.id,
                state or str(checked.errors),
                "" if state else str(checked.warnings),
                short_date(checked.commit_date, _.lang) if checked.commit_date else "–",
            )
        )
    if output_format in (Format.json, Format.gitlab):
        sys.stdout.write(json.dumps(problems, ensure_ascii=False, indent=2) + "\n")
    table = _table([(_("Network"), _("Errors"), _("Warnings"), _("Last commit")), *rows])
    out = sys.stdout if output_format is Format.text else sys.stderr
    out.write(table)
    out.write(
        _.ngettext(
            "%(n)s network checked, %(failing)s with errors or not fetched.",
            "%(n)s networks checked, %(failing)s with errors or not fetched.",
            len(rows),
            failing=failing,
        )
        + "\n"
    )
    if failing:
        raise typer.Exit(EXIT_PROBLEMS)


def _shown(path: Path, base: Path) -> str:
    """`path` relative to the registry's folder where it lies inside (as a CI job
    sees it from the repository's root), else as it is."""
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _table(rows: list[tuple[str, str, str, str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:3], widths[1:3], strict=True)
        ]
        cells.append(row[3])
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


class ProgrammeFormat(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"
    json = "json"


@app.command()
def report(
    year: YearArg,
    registry: RegistryOpt = Path("programm.yaml"),
    cache: CacheOpt = None,
    output_format: Annotated[
        Optional[ProgrammeFormat],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            help="md (default), html, pdf or json; with -o from the file's extension.",
        ),
    ] = None,
    output: OutputOpt = None,
    lang: LangOpt = None,
    force: ForceOpt = False,
    allow_errors: Annotated[
        bool,
        typer.Option(
            "--allow-errors",
            help="Count networks with errors too (marked); without it they are listed only.",
        ),
    ] = False,
    today: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Reference day of the checks (2021-03-15 or 15.03.2021)."),
    ] = None,
) -> None:
    """The programme report of a year over every registered network: the totals with
    the previous year, a table per network with its data version (commit), the
    practices in use and where, and the networks left out with the reason. Every
    figure is the sum of the networks' own report figures; nothing about persons.

    Examples:

      netzwerkctl federation report 2021

      netzwerkctl federation report 2021 -o programmbericht-2021.html
    """
    from netzwerkctl.federation.gather import gather
    from netzwerkctl.federation.programme import programme_report
    from netzwerkctl.present.programme import programme_charts, programme_context, programme_json

    fmt = output_format_for(output_format, output, ProgrammeFormat)
    read = _registry(registry)
    assert read.registry is not None
    # as `report` does: checked as of --today or the real date, whichever is later, so
    # that data of later days is no error "in the future"; the figures read no clock
    checked_on = max(parse_today(today), date.today())
    rows = gather(read.networks, registry.parent, _cache(registry, cache), year, checked_on)
    made = programme_report(read.registry.name, year, rows, allow_errors)
    language = lang or "de"
    base = registry.parent
    if fmt is ProgrammeFormat.json:
        emit(programme_json(made), output, force, base)
    else:
        charts = programme_charts(made, language) if fmt is not ProgrammeFormat.md else None
        context = programme_context(made, language)
        data = document_data("programme", context, language, fmt.value, base, output, None, charts)
        emit(data, output, force, base)
    _ = cli()
    for row in made.rows:
        if row.reason in ("unreadable", "failed") and row.detail:
            sys.stderr.write(f"netzwerkctl: {row.id}: {row.detail}\n")
    # a network founded after the year is listed, but missing from nothing
    missing = [r for r in made.rows if r.id not in made.included and r.status != "later"]
    if missing:
        sys.stderr.write(
            "netzwerkctl: "
            + _.ngettext(
                "%(n)s network is not counted (see the report).",
                "%(n)s networks are not counted (see the report).",
                len(missing),
            )
            + "\n"
        )
        raise typer.Exit(EXIT_PROBLEMS)


@app.command()
def schema(lang: LangOpt = None) -> None:
    """Prints the JSON Schema of programm.yaml: with it editors like VS Code offer
    completion and help on every key (save it as programm.schema.json and name it in
    the editor's settings).

    Example:

      netzwerkctl federation schema > programm.schema.json
    """
    from netzwerkctl.federation.registry import registry_schema_text

    sys.stdout.write(registry_schema_text(lang or cli().lang))
