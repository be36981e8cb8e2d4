"""`netzwerkctl check`: the network checked like a compiler checks code."""

from __future__ import annotations

import re
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional, TextIO

import typer

from netzwerkctl.cli.common import EXIT_OK, EXIT_PROBLEMS, fail, network_root, parse_today
from netzwerkctl.i18n import Text, cli

if TYPE_CHECKING:
    from netzwerkctl.codes import Lang
    from netzwerkctl.problems import Problem


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"


def check(
    ctx: typer.Context,
    output_format: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="text for people; json, github or gitlab (Code Quality) for CI.",
        ),
    ] = Format.text,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the check too.")] = False,
    today: Annotated[
        Optional[str],  # noqa: UP045  (Typer needs Optional on Python 3.10)
        typer.Option(help="Reference day instead of today (2021-03-15 or 15.03.2021)."),
    ] = None,
    changed: Annotated[
        bool,
        typer.Option(
            "--changed",
            help=(
                "Report only problems in files changed, staged or new since the last "
                "commit; everything is still checked."
            ),
        ),
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Do not use the stored result of an unchanged network.",
        ),
    ] = False,
    changed_since: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--changed-since",
            help="Like --changed, but since REV (commit, tag, branch) instead of HEAD.",
        ),
    ] = None,
    select: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--select",
            help=(
                "Show only these warnings (NW502,NW406 or a beginning like NW5); errors "
                "are always reported."
            ),
        ),
    ] = None,
    ignore: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--ignore",
            help=(
                "Do not show these warnings (NW502 or NW5); errors cannot be turned off. "
                "For good: checks: in netzwerk.yaml."
            ),
        ),
    ] = None,
) -> None:
    """Checks every file of the network and reports each problem with file and line.

    All problems are collected in one run. Exit code 0: no errors,
    1: errors found (with --strict also warnings), 2: no network.

    Examples:

      netzwerkctl check

      netzwerkctl -C examples/stadt-bocholt check --format github

      netzwerkctl check --changed

      netzwerkctl check --ignore NW502          # without the warnings about consent
    """
    from netzwerkctl.check import check_network
    from netzwerkctl.checksettings import filter_warnings
    from netzwerkctl.present.problems import as_github, as_gitlab, as_json, summary

    chosen = _codes(select, "--select") if select is not None else None
    ignored = _codes(ignore or [], "--ignore")
    root = network_root(ctx)
    result = check_network(root, parse_today(today), use_cache=not no_cache)
    lang = result.language
    problems = filter_warnings(result.problems, chosen, ignored)
    hidden = 0
    if changed or changed_since is not None:
        shown = _only_changed(root, problems, changed_since or "HEAD")
        hidden = sum(1 for p in problems if p.severity == "error") - sum(
            1 for p in shown if p.severity == "error"
        )
        problems = shown
    if output_format is Format.json:
        sys.stdout.write(as_json(problems, lang))
    elif output_format is Format.github:
        sys.stdout.write(as_github(problems, lang, _repository_prefix(root, "GITHUB_WORKSPACE")))
    elif output_format is Format.gitlab:
        sys.stdout.write(as_gitlab(problems, lang, _repository_prefix(root, "CI_PROJECT_DIR")))
    else:
        print_problems(root, problems, lang)
    line = summary(problems, result.files, lang)
    if hidden:  # e.g. a deleted partner breaks references in files that did not change
        _ = Text(lang)
        line += " " + _.ngettext(
            "(and %(n)s error in unchanged files: netzwerkctl check shows it)",
            "(and %(n)s errors in unchanged files: netzwerkctl check shows them)",
            hidden,
        )
    if output_format is Format.text:
        sys.stdout.write(line + "\n")
    else:
        sys.stderr.write(line + "\n")
    errors = sum(1 for p in problems if p.severity == "error")
    failed = errors > 0 or (strict and len(problems) > errors)
    raise typer.Exit(EXIT_PROBLEMS if failed else EXIT_OK)


def _codes(values: list[str], option: str) -> list[str]:
    """Codes or prefixes from `--select NW502,NW406 --select NW5`: each must select a
    code, and none may name only errors to leave out (exit 2 with a suggestion)."""
    from netzwerkctl.checksettings import is_error_code, unknown_patterns
    from netzwerkctl.codes import CODES
    from netzwerkctl.similar import suggest

    patterns = [p.strip().upper() for v in values for p in v.split(",") if p.strip()]
    for pattern in unknown_patterns(patterns):
        hint = suggest(pattern, sorted(CODES))
        _ = cli()
        text = _("%(option)s: there is no check code '%(code)s'.", option=option, code=pattern)
        if hint:
            text += " " + _("Did you mean '%(suggestion)s'?", suggestion=hint)
        fail(text + " " + _("The codes are listed in docs/check-codes.md."))
    if option == "--ignore":
        for pattern in patterns:
            if pattern in CODES and is_error_code(pattern):
                _ = cli()
                fail(
                    _(
                        "--ignore: %(code)s is an error and cannot be switched off; while it "
                        "stands, netzwerkctl makes no documents.",
                        code=pattern,
                    )
                )
    return patterns


def _only_changed(root: Path, problems: list[Problem], rev: str) -> list[Problem]:
    """All rules ran; report what lies in files changed since `rev` (a problem in an
    unchanged file caused by a changed one, like a dangling reference, shows in the
    file that changed only if the rule points there)."""
    from netzwerkctl.cli.common import fail
    from netzwerkctl.gitrepo import GitUnavailable, changed_files

    try:
        changed = changed_files(root, rev)
    except GitUnavailable as exc:
        fail(f"--changed: {exc}")
    return [
        p
        for p in problems
        if p.file in changed or any(c.startswith(p.file) for c in changed if p.file.endswith("/"))
    ]


def _repository_prefix(root: Path, variable: str) -> str:
    """The network's folder relative to where the CI service resolves paths (its
    workspace variable, GITHUB_WORKSPACE or CI_PROJECT_DIR), else the current folder."""
    import os

    base = Path(os.environ.get(variable) or Path.cwd()).resolve()
    try:
        relative = root.resolve().relative_to(base).as_posix()
    except ValueError:
        return ""
    return "" if relative == "." else relative + "/"


# Control characters, line breaks included: in a terminal or CI log they would move
# the cursor, start escape sequences or begin a line that looks like another problem.
# The reader replaces the others in values; line breaks in values and anything in a
# file name reach this point.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def print_problems(
    root: Path, problems: list[Problem], lang: Lang, stream: TextIO | None = None
) -> None:
    """Each problem with the line it points at, coloured on a terminal only (Rich is
    loaded only then: in a pipe or a CI log the text is the same without it)."""
    import os

    out = stream or sys.stdout

    from netzwerkctl.present.problems import as_text_line, quoted_line

    sources: dict[str, list[str]] = {}
    lines: list[tuple[str, str]] = []
    for p in problems:
        text = _CONTROL.sub("?", as_text_line(p, lang).expandtabs(8))
        lines.append((text, "bold red" if p.severity == "error" else "yellow"))
        quoted = quoted_line(root, p, sources)
        if quoted is not None:
            lines.append((f"  {p.line:>4} | {quoted}", "dim"))
    if not lines:
        return
    if not (out.isatty() or os.environ.get("FORCE_COLOR")):
        out.write("".join(text + "\n" for text, _ in lines))
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=True, file=out)
    for text, style in lines:
        console.print(Text(text, style=style))
