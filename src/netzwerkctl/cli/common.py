"""What every command shares: finding the network and reporting fatal errors."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Optional, TypeVar, cast

import typer

from netzwerkctl.i18n import N_, cli

if TYPE_CHECKING:
    from netzwerkctl.network import Network
    from netzwerkctl.present.incomplete import Incomplete

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


@dataclass
class State:
    network: Path | None


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print a message for a person (no traceback) and exit."""
    sys.stderr.write(f"netzwerkctl: {message}\n")
    raise typer.Exit(code)


# What `require` says is missing, per kind of thing (context: missing).
MISSING = {
    "group": N_("missing", "There is no group '%(value)s'."),
    "marketplace": N_("missing", "There is no marketplace '%(value)s'."),
    "person": N_("missing", "There is no person '%(value)s'."),
    "project": N_("missing", "There is no project '%(value)s'."),
    "award": N_("missing", "The project awarded nothing to '%(value)s'."),
}


def template_problem(exc: Exception) -> str:
    """The message for a template that could not be rendered (it names file and line)."""
    _ = cli()
    return _("Template: %(problem)s", problem=exc)


def require(
    value: str, known: Iterable[str], what: str, names: Mapping[str, str] | None = None
) -> None:
    """Exit 2 unless `value` is one of `known`: „Eine Gruppe „x“ gibt es nicht. Meinten
    Sie „y“?“ — `what` is the kind of thing (a key of MISSING); with `names`, a name
    typed instead of the id suggests that id."""
    choices = sorted(known)
    if value in choices:
        return
    from netzwerkctl.similar import suggest_id

    _ = cli()
    hint = suggest_id(value, choices, names or {})
    context, message = MISSING[what]
    text = _.pgettext(context, message, value=value)
    fail(text + (" " + _("Did you mean '%(suggestion)s'?", suggestion=hint) if hint else ""))


def require_choice(value: str | None, allowed: tuple[str, ...], option: str) -> None:
    """Exit 2 unless an option's `value` is one of `allowed` (None: not given), with the
    closest allowed value as a suggestion."""
    if value is not None and value not in allowed:
        from netzwerkctl.i18n import languages
        from netzwerkctl.present.labels import context_of, did_you_mean, labelled, value_for_word
        from netzwerkctl.similar import suggest

        _ = cli()
        # as check does: a German word for a stored value (`Verein` → association)
        context = context_of(allowed) or ""
        meant = value_for_word(value, context, languages()) if context else None
        hint = meant or suggest(value, list(allowed))
        text = _(
            "%(option)s: there is no '%(value)s'. Allowed: %(allowed)s.",
            option=option,
            value=value,
            allowed=" | ".join(labelled(_, context, v) if context else v for v in allowed),
        )
        fail(text + (" " + did_you_mean(_, hint, context) if hint else ""))


def network_root(ctx: typer.Context) -> Path:
    from netzwerkctl.files import NetworkNotFound, find_root

    state: State = ctx.obj
    try:
        if state.network is not None:
            return find_root(state.network, explicit=True)
        return find_root(Path.cwd())
    except NetworkNotFound as exc:
        _ = cli()
        if exc.misnamed is not None:
            fail(
                _(
                    "Found %(file)s; netzwerkctl knows a network by a file named "
                    "netzwerk.yaml. Please rename it.",
                    file=exc.misnamed,
                )
            )
        if state.network is not None:
            fail(
                _(
                    "There is no netzwerk.yaml in %(folder)s. Is this the network's folder?",
                    folder=exc,
                )
            )
        fail(
            _(
                "No network found: there is no netzwerk.yaml in %(folder)s or above. Change "
                "into the network's folder or name it with -C.",
                folder=exc,
            )
        )


def parse_today(value: str | None) -> date:
    """`--today` as ISO or German date; the real date when not given."""
    if value is None:
        return date.today()
    return parse_date(value, "--today")


def parse_date(value: str, name: str) -> date:
    """A date given on the command line, ISO or German; exit 2 naming `name` if not."""
    from netzwerkctl.dates import MAX_YEAR, MIN_YEAR, calendar_day, read_date

    parsed = read_date(value)
    if parsed is None and calendar_day(value) is not None:
        _ = cli()
        fail(
            _(
                "%(option)s: '%(value)s' is outside the years %(first)s to %(last)s.",
                option=name,
                value=value,
                first=MIN_YEAR,
                last=MAX_YEAR,
            )
        )
    if parsed is None:
        _ = cli()
        fail(
            _(
                "%(option)s: '%(value)s' is not a date. Write 2021-03-15 or 15.03.2021.",
                option=name,
                value=value,
            )
        )
    return parsed


def load_checked(
    ctx: typer.Context, today: date, allow_errors: bool = False
) -> tuple[Path, Network, Incomplete | None]:
    """The network, checked. With errors nothing is published or sent: they are
    printed as `check` prints them, and the command exits 1 — unless `allow_errors`,
    then stderr says what was left out and the document carries the returned notice.
    Warnings never stop a command.

    The data is checked as of `today` or the real date, whichever is later: a document
    made for an earlier day (`--today 2021-04-01`) is not refused because later data
    says something was done "in the future" of that day. The clock decides only
    whether a command runs, never what a document says."""
    from netzwerkctl.check import check_network
    from netzwerkctl.cli.check import print_problems
    from netzwerkctl.present.incomplete import incompleteness, left_out
    from netzwerkctl.present.problems import summary

    root = network_root(ctx)
    result = check_network(root, max(today, date.today()))
    gaps = incompleteness(result.network, result.problems)
    # a folder or file not read (`partner/` for `partners/`, `partners.yaml` beside
    # netzwerk.yaml) is a warning, as it may be meant; but no document is made
    # without saying so
    unread = [p for p in result.problems if p.code in ("NW015", "NW022")]
    if unread:
        print_problems(root, unread, result.language, sys.stderr)
    if gaps is None:
        return root, result.network, None
    _ = cli()
    if not allow_errors:
        errors = [p for p in result.problems if p.severity == "error"]
        print_problems(root, errors, result.language, sys.stderr)
        sys.stderr.write(summary(errors, result.files, result.language) + "\n")
        fail(
            _(
                "The network has errors: nothing made, nothing sent. Fix them first "
                "(`netzwerkctl check`), or use --allow-errors for a document that says it "
                "is incomplete."
            ),
            EXIT_PROBLEMS,
        )
    warning = _.ngettext(
        "warning: the network has %(n)s error; the document is incomplete and says so.",
        "warning: the network has %(n)s errors; the document is incomplete and says so.",
        result.errors,
    )
    sys.stderr.write(f"netzwerkctl: {warning}\n")
    lines = left_out(gaps, result.language)
    if lines:
        sys.stderr.write(_("Left out:") + "\n")
        sys.stderr.write("".join(f"  - {line}\n" for line in lines))
    return root, result.network, gaps


def a_year_of_the_network(network: Network, year: int, today: date) -> None:
    """Stop before a report or public export of zeros for a year the network did not
    exist in — a typo (2030 for 2020) would otherwise go to the council or the
    programme office: a year not begun, or one before the network's first year
    (`Network.first_year`: its founding, or earlier data). The clock decides only
    this, never what the document says."""
    _ = cli()
    if year > today.year:
        fail(
            _(
                "The year %(year)s has not begun yet: there are figures for a year that "
                "has begun (the current one as far as it has gone).",
                year=year,
            )
        )
    first = network.first_year
    if first is not None and year < first:
        fail(
            _(
                "The network's data begins in %(first)s (its founding or its first "
                "entry): there are no figures for %(year)s.",
                first=first,
                year=year,
            )
        )


def load_for_editing(ctx: typer.Context, today: date) -> tuple[Path, Network]:
    """For commands that write data files, not documents (`new`): errors elsewhere
    do not stop them (the new file may be how the coordinator mends the network)."""
    from netzwerkctl.check import check_network

    root = network_root(ctx)
    result = check_network(root, today)
    if result.errors:
        _ = cli()
        message = _.ngettext(
            "The network has %(n)s error; `netzwerkctl check` shows it.",
            "The network has %(n)s errors; `netzwerkctl check` shows them.",
            result.errors,
        )
        sys.stderr.write(_("netzwerkctl: note: %(message)s", message=message) + "\n")
    return root, result.network


AllowErrorsOpt = Annotated[
    bool,
    typer.Option(
        "--allow-errors",
        help=(
            "Write the document from a network with errors too: it then says that it "
            "is incomplete, and stderr says what is missing."
        ),
    ),
]


def check_language(value: str | None) -> str | None:
    from netzwerkctl.i18n import languages

    if value is None or value in languages():
        return value
    _ = cli()
    raise typer.BadParameter(
        _(
            "no catalogue for '%(value)s'; there are: %(languages)s.",
            value=value,
            languages=", ".join(languages()),
        )
    )


LangOpt = Annotated[
    Optional[str],  # noqa: UP045  (Typer needs Optional on Python 3.10)
    typer.Option(
        "--lang",
        callback=check_language,
        help="Language (de, en or another with a catalogue); default: the network's language.",
    ),
]

# The endings -o understands besides the format's own name (.md, .html, .json).
_OTHER_ENDINGS = {".markdown": "md", ".htm": "html"}
Format = TypeVar("Format", bound=Enum)


def output_format_for(chosen: Format | None, output: Path | None, formats: type[Format]) -> Format:
    """The format to write: --format, else the ending of -o, else the first format;
    an ending that does not fit --format, or none known, stops with a message."""
    default = next(iter(formats))
    if output is None:
        return chosen or default
    ending = output.suffix.lower()
    name = _OTHER_ENDINGS.get(ending, ending.removeprefix("."))
    files = [f for f in formats if f.value != "table"]  # the table is for the screen
    by_ending = next((f for f in files if f.value == name), None)
    _ = cli()
    if by_ending is None and chosen is None:
        endings = ", ".join(f".{f.value}" for f in files)
        fail(
            _(
                "-o %(file)s: use one of the endings %(endings)s, or give --format.",
                file=output,
                endings=endings,
            )
        )
    if chosen and by_ending and chosen is not by_ending:
        fail(
            _(
                "--format %(format)s does not fit the ending of %(file)s.",
                format=chosen.value,
                file=output,
            )
        )
    return chosen or by_ending or default


OutputOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--output", "-o", help="Write to this file instead of the console.", dir_okay=False
    ),
]


def document_data(
    name: str,
    context: Mapping[str, Any],
    lang: str,
    fmt: str,
    root: Path,
    output: Path | None,
    notice: str | None = None,
    charts: dict[str, str] | None = None,
) -> str | bytes:
    """Document `name` in format `fmt` (md, html, pdf or docx), made by
    present.render.document; a broken template, a missing PDF library or an unreadable
    letterhead is a message, never a traceback."""
    from netzwerkctl.present.pdf import PdfUnavailable
    from netzwerkctl.present.render import TemplateProblem, document
    from netzwerkctl.present.word import LETTERHEAD, LetterheadError

    _ = cli()
    if fmt == "pdf" and output is None:  # a PDF is no text for a terminal
        fail(_("A PDF is written into a file: give -o FILE.pdf."))
    try:
        return document(name, context, lang, cast(Any, fmt), root / "templates", notice, charts)
    except TemplateProblem as exc:
        fail(template_problem(exc), EXIT_PROBLEMS)
    except PdfUnavailable as exc:
        fail(
            _(
                "PDF cannot be made here: %(reason)s. WeasyPrint needs the Pango library "
                "(Debian/Ubuntu: apt install libpango-1.0-0 libpangoft2-1.0-0; Windows: "
                "see the WeasyPrint documentation). HTML (-o FILE.html) works without it.",
                reason=exc,
            ),
            EXIT_PROBLEMS,
        )
    except LetterheadError as exc:
        fail(
            _("templates/%(file)s cannot be read: %(reason)s", file=LETTERHEAD, reason=exc),
            EXIT_PROBLEMS,
        )


def as_docx(markdown: str, lang: str, root: Path) -> bytes:
    """A document's Markdown as a Word file (present.render.word_file); an unreadable
    letterhead is a message."""
    from netzwerkctl.present.render import word_file
    from netzwerkctl.present.word import LETTERHEAD, LetterheadError

    try:
        return word_file(markdown, lang, root / "templates")
    except LetterheadError as exc:
        _ = cli()
        fail(
            _("templates/%(file)s cannot be read: %(reason)s", file=LETTERHEAD, reason=exc),
            EXIT_PROBLEMS,
        )


YearArg = Annotated[
    int,
    typer.Argument(help="Year of the report, e.g. 2021.", min=1900, max=2999, show_default=False),
]

ForceOpt = Annotated[
    bool,
    typer.Option("--force", help="-o: overwrite a file that netzwerkctl did not write, too."),
]

# What marks a file as made by netzwerkctl (in its first few kilobytes).
_MARKERS = (
    b"<!-- netzwerkctl:",
    b'<meta name="generator" content="netzwerkctl">',
    b"PRODID:-//netzwerkctl//",
    b'"generator": "netzwerkctl"',
)


def made_by_us(path: Path) -> bool:
    """An empty file, or one that carries netzwerkctl's marker (a link is followed,
    but only to a regular file: a pipe is never waited on)."""
    import os
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return False
        head = handle.read(4096)
    return not head or any(marker in head for marker in _MARKERS)


def emit(
    data: str | bytes, output: Path | None, force: bool = False, root: Path | None = None
) -> None:
    """To stdout, or atomically into a file. A file that exists is replaced only if
    netzwerkctl made it — it carries the marker, or it holds exactly what netzwerkctl
    last wrote there (see written.py; the list is kept in the network `root`) — or with
    --force: a person may have edited it."""
    from netzwerkctl import written
    from netzwerkctl.writers import WriteError, write_atomic

    raw = data.encode("utf-8") if isinstance(data, str) else data
    if output is None:
        sys.stdout.buffer.write(raw)
        sys.stdout.flush()
        return
    import stat

    try:  # a device or a pipe is never opened (reading a FIFO would wait forever)
        mode = output.lstat().st_mode
    except OSError:
        mode = None
    if mode is not None and not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        _ = cli()
        fail(
            _(
                "%(file)s is not a regular file (a device or a pipe?); nothing written.",
                file=output,
            )
        )
    if (
        output.exists()
        and not force
        and not made_by_us(output)
        and not (root is not None and written.unchanged_since_written(root, output))
    ):
        _ = cli()
        fail(
            _(
                "%(file)s exists and was not made by netzwerkctl (or was edited since). "
                "Nothing written; --force replaces it.",
                file=output,
            )
        )
    try:
        write_atomic(output, raw)
    except WriteError as exc:
        fail(str(exc))
    if root is not None:
        written.remember(root, output, raw)
    _ = cli()
    sys.stderr.write("netzwerkctl: " + _("written: %(file)s", file=output) + "\n")
