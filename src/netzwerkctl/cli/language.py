"""The command line speaks the user's language: its own messages, and also the words
Click and Typer add ("Usage", "Options", "Show this message and exit", "[default: …]",
"Missing argument", "No such option", an unknown command with the closest one).

The language is the network's `language` where a network is found (`-C` or upwards
from the current folder), else the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else
German. Click's and Typer's words are replaced where the library still words them as
these patterns expect; a release that words them differently shows its own English
words, never an error.
"""

from __future__ import annotations

import ast
import os
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

from netzwerkctl import i18n
from netzwerkctl.i18n import N_, Text

_LANGUAGE_LINE = re.compile(rb"(?m)^language:[ \t]*[\"']?([A-Za-z]{2})\b")


def _network_option(args: Sequence[str]) -> str | None:
    """The folder given with -C/--network, in any of Click's spellings."""
    for i, arg in enumerate(args):
        if arg == "--":
            return None
        if arg in ("-C", "--network"):
            return args[i + 1] if i + 1 < len(args) else None
        if arg.startswith("--network="):
            return arg.split("=", 1)[1]
        if arg.startswith("-C") and len(arg) > 2:
            return arg[2:]
    return None


def _network_language(folder: Path) -> str | None:
    """`language:` of the netzwerk.yaml in `folder` or the nearest folder above it
    (read as bytes, at most 64 KB: this runs before anything is checked)."""
    for candidate in (folder, *folder.parents):
        settings = candidate / "netzwerk.yaml"
        try:
            if settings.is_file():
                with settings.open("rb") as handle:
                    found = _LANGUAGE_LINE.search(handle.read(65536))
                return found.group(1).decode().lower() if found else None
        except OSError:
            return None
    return None


def cli_language(args: Sequence[str], environ: Mapping[str, str], cwd: Path) -> str:
    """The language of the command line for these arguments (see the module's text)."""
    known = i18n.languages()
    given = _network_option(args)
    folder = (cwd / given) if given else cwd
    lang = _network_language(folder)
    if lang in known:
        return lang
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for value in environ.get(variable, "").split(":"):
            code = value[:2].lower()
            if code in known:
                return code
    return "de"


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    before = i18n.cli_language()
    i18n.set_cli_language(lang)
    try:
        yield
    finally:
        i18n.set_cli_language(before)


# Click's and Typer's words in help and usage texts, and ours for them.
def _help_words(_: Text) -> list[tuple[re.Pattern[str], str]]:
    return [
        (re.compile(r"(?m)^Usage: "), _("Usage:") + " "),
        (re.compile(r"(?m)^Options:$"), _("Options:")),
        (re.compile(r"(?m)^Arguments:$"), _("Arguments:")),
        (re.compile(r"(?m)^Commands:$"), _("Commands:")),
        (re.compile(r"Show this message and exit\."), _("Show this message and exit.")),
        (re.compile(r"\[default:(\s)"), "[" + _("default:") + r"\1"),
        (re.compile(r"([\[;]\s?)required\]"), r"\1" + _("required") + "]"),
    ]


def localise_help(text: str, lang: str) -> str:
    for pattern, replacement in _help_words(Text(lang)):
        text = pattern.sub(replacement, text)
    return _REQUIRED_ARGUMENT.sub(r"\1", text)


# A required argument in a usage line: Typer writes {<DATE>}, Click <DATE>.
_REQUIRED_ARGUMENT = re.compile(r"\{(<[^<>{}]+>)\}")

# What a value stands for, by the parameter's name: <Datum> in German, <DATE> in
# English, one way everywhere (a parameter with choices shows them: <md|html>).
_PLACEHOLDERS = {
    **dict.fromkeys(
        ("network", "outbox", "directory", "folder", "cache"), N_("placeholder", "FOLDER")
    ),
    **dict.fromkeys(("today", "day"), N_("placeholder", "DATE")),
    **dict.fromkeys(("changes_since", "since", "until"), N_("placeholder", "DATE|REV")),
    **dict.fromkeys(
        ("person", "person_id", "person_ids", "partner_id", "group_id"), N_("placeholder", "ID")
    ),
    **dict.fromkeys(("start", "end"), N_("placeholder", "TIME")),
    **dict.fromkeys(("expertise", "topics"), N_("placeholder", "TOPIC")),
    **dict.fromkeys(("select", "ignore"), N_("placeholder", "CODES")),
    "changed_since": N_("placeholder", "REV"),
    "meeting": N_("placeholder", "MEETING"),
    **dict.fromkeys(("output", "registry"), N_("placeholder", "FILE")),
    "project": N_("placeholder", "PROJECT"),
    "to": N_("placeholder", "ID|NAME"),
    "port": N_("placeholder", "PORT"),
    "host": N_("placeholder", "ADDRESS"),
    "editor": N_("placeholder", "EDITOR"),
    "jobs": N_("placeholder", "NUMBER"),
    "timeout": N_("placeholder", "SECONDS"),
    "lang": N_("placeholder", "LANGUAGE"),
    "group": N_("placeholder", "GROUP"),
    "days": N_("placeholder", "DAYS"),
    "year": N_("placeholder", "YEAR"),
    "status": N_("placeholder", "STATUS"),
    "kind": N_("placeholder", "KIND"),
    "event": N_("placeholder", "MARKETPLACE"),
    "name": N_("placeholder", "NAME"),
    "city": N_("placeholder", "CITY"),
    "location": N_("placeholder", "PLACE"),
}
_VALUE = N_("placeholder", "VALUE")


def placeholder(param: Any, _: Text) -> str | None:
    """How help and usage show the value of a parameter (None: a flag, no value)."""
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return None
    choices = _attribute(param, "choices")
    if choices:
        return "<" + "|".join(str(getattr(c, "value", c)) for c in choices) + ">"
    return "<" + _.pgettext(*_PLACEHOLDERS.get(param.name, _VALUE)) + ">"


# Words that end in a period without ending the sentence ("Auskunft nach Art. 15").
_ABBREVIATIONS = frozenset(
    {"Abs", "Art", "bzw", "ca", "Dr", "e.g", "ggf", "i.e", "Nr", "Prof", "S", "vgl"}
)
_SENTENCE_END = re.compile(r"(?<=[.!])\s+(?=[A-ZÄÖÜ])")


def first_sentence(help_text: str) -> str:
    """The whole first sentence of a command's help, for the list of commands: Click
    would cut it at its first period ("Auskunft nach Art.") and after 45 characters."""
    paragraph = " ".join(help_text.split("\n\n", 1)[0].split())
    for end in _SENTENCE_END.finditer(paragraph):
        before = paragraph[: end.start()]
        word = before.rsplit(" ", 1)[-1].rstrip(".")
        if word not in _ABBREVIATIONS and len(word) > 1:  # "z. B.", "d. h." go on
            return before
    return paragraph


def _keep_examples(help_text: str) -> str:
    """Example commands (indented paragraphs) as written: Click would rewrap a long one
    and break it inside an id (`tierheim-` / `bocholt`), which no one can paste. `\\b`
    before a paragraph is Click's mark for "do not rewrap"."""
    paragraphs = help_text.split("\n\n")
    return "\n\n".join(
        "\b\n" + p
        if p.startswith("  ") and all(line.startswith("  ") for line in p.splitlines())
        else p
        for p in paragraphs
    )


def _localised_context(base: type[Any]) -> type[Any]:
    """The command's context class, with help and usage in the CLI's language."""

    class Context(base):  # type: ignore[misc]
        def get_help(self) -> str:
            return localise_help(super().get_help(), i18n.cli_language())

        def get_usage(self) -> str:
            return localise_help(super().get_usage(), i18n.cli_language())

    Context.__name__ = base.__name__
    return Context


def _source(holder: Any, name: str) -> Any:
    """An attribute as the code wrote it (English), kept on the first translation so
    that a second run in another language translates the same text."""
    key = f"_netzwerkctl_source_{name}"
    if key not in vars(holder):
        setattr(holder, key, getattr(holder, name, None))
    return getattr(holder, key)


def _prepare(command: Any, _: Text) -> None:
    """Every command of the tree in the CLI's language: its help and that of its
    parameters from the catalogue (scripts/catalogues.py extracts them from the same
    tree), placeholders, and the localised context for Click's own words."""
    if not getattr(command, "_netzwerkctl_localised", False):
        command.context_class = _localised_context(command.context_class)
        command._netzwerkctl_localised = True
    command.help = _keep_examples(_(_source(command, "help"))) if _source(command, "help") else None
    if hasattr(command, "options_metavar"):
        command.options_metavar = "[" + _.pgettext("placeholder", "OPTIONS") + "]"
    if hasattr(command, "subcommand_metavar") and getattr(command, "commands", None):
        words = _.pgettext("placeholder", "COMMAND"), _.pgettext("placeholder", "ARGS")
        command.subcommand_metavar = "<{}> [<{}>]...".format(*words)
    for param in command.params:
        if _source(param, "help"):
            param.help = _(_source(param, "help"))
        param.metavar = placeholder(param, _)
        if param.param_type_name == "argument":  # Typer adds the type after it: <Datum> <str>
            param.display_type_rich = lambda ctx: None
    for sub in getattr(command, "commands", {}).values():
        _prepare(sub, _)
        sub.short_help = first_sentence(sub.help or "")


def _click_exception() -> type[Exception]:
    base: type[Exception] = next(
        c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
    )
    return base


def _hint(e: Any) -> str:
    """How the parameter is written: '--format' / '-f' for an option, for an argument
    its placeholder as the usage line shows it (<Jahr>), never its name in the code."""
    param = getattr(e, "param", None)
    if param is None:
        hint = getattr(e, "param_hint", None)
        return " / ".join(map(repr, hint)) if isinstance(hint, (list, tuple)) else str(hint or "")
    opts = list(getattr(param, "opts", []) or [])
    if getattr(param, "param_type_name", "") == "option" and opts:
        return " / ".join(repr(o) for o in opts)
    metavar = getattr(param, "metavar", None)
    if isinstance(metavar, str) and metavar.startswith("<"):
        return metavar
    return repr(getattr(param, "human_readable_name", None) or param.name)


def _attribute(param: Any, name: str) -> Any:
    """An attribute of the parameter, of its Click type or of Typer's type descriptor:
    where it lives differs between releases."""
    for holder in (param, getattr(param, "type", None), getattr(param, "type_descriptor", None)):
        value = getattr(holder, name, None)
        if value is not None:
            return value
    return None


def _is_integer(param: Any) -> bool:
    descriptor = getattr(param, "type_descriptor", None)
    kind = getattr(param, "type", None)
    return getattr(descriptor, "annotation", None) is int or "int" in type(kind).__name__.lower()


# Click's and Typer's checks of a path: "file 'x' is a directory." (the label is
# file, directory, dir or path; the name in Python's quotes).
_PATH_CHECK = re.compile(
    r"(?i:file|directory|dir|path) (?P<path>'[^']*'|\"[^\"]*\") "
    r"(?P<problem>does not exist|is a file|is a directory|is not readable|is not writable)\."
)
_PATH_PROBLEMS = {
    "does not exist": N_("path", "'%(path)s' does not exist."),
    "is a file": N_("path", "'%(path)s' is a file; a folder is expected."),
    "is a directory": N_("path", "'%(path)s' is a folder; a file is expected."),
    "is not readable": N_("path", "'%(path)s' cannot be read (no permission)."),
    "is not writable": N_("path", "'%(path)s' cannot be written (no permission)."),
}


def _path_problem(message: str, _: Text) -> str | None:
    """A path check's message in the CLI's language (None: worded otherwise)."""
    found = _PATH_CHECK.fullmatch(message)
    if found is None:
        return None
    try:  # the name as Python's repr wrote it: C:\\Daten is C:\Daten
        path = str(ast.literal_eval(found.group("path")))
    except (ValueError, SyntaxError):
        path = found.group("path")[1:-1]
    return _.pgettext(*_PATH_PROBLEMS[found.group("problem")], path=path)


_REQUIRES_ARGUMENT = re.compile(r"Option '([^']+)' requires an argument\.")
# Click: "Got unexpected extra argument (x)", "… arguments (x y)", "… argument(s) (x)"
_EXTRA_ARGUMENTS = re.compile(r"Got unexpected extra arguments?(?:\(s\))? \((.*)\)", re.S)


def error_message(e: Any, lang: str) -> str:
    """A usage error in the CLI's language, built from the exception's data (its
    English text where a case is not known)."""
    _ = Text(lang)
    kind = type(e).__name__
    if kind == "NoSuchOption":
        text = _("No such option: %(option)s.", option=e.option_name)
        hint = _closest_option(e)
        if hint:
            text += " " + _("Did you mean '%(suggestion)s'?", suggestion=hint)
        return text
    if kind == "MissingParameter":
        param_type = getattr(e, "param_type", None) or getattr(e.param, "param_type_name", "")
        if param_type == "argument":
            return _("Missing argument %(name)s.", name=_hint(e))
        if param_type == "option":
            return _("Missing option %(name)s.", name=_hint(e))
        return _("Missing parameter %(name)s.", name=_hint(e))
    if kind == "BadParameter":
        param = getattr(e, "param", None)
        choices = _attribute(param, "choices") if param is not None else None
        if choices:
            shown = ", ".join(str(getattr(c, "value", c)) for c in choices)
            return _(
                "Invalid value for %(name)s; allowed: %(choices)s.", name=_hint(e), choices=shown
            )
        if param is not None and _is_integer(param):
            low, high = _attribute(param, "min"), _attribute(param, "max")
            if low is not None and high is not None:
                return _(
                    "Invalid value for %(name)s: a whole number from %(min)s to %(max)s.",
                    name=_hint(e),
                    min=low,
                    max=high,
                )
            return _("Invalid value for %(name)s: a whole number.", name=_hint(e))
        message = _path_problem(str(e.message), _) or e.message
        return _("Invalid value for %(name)s: %(message)s", name=_hint(e), message=message)
    message = str(getattr(e, "message", ""))
    found = _REQUIRES_ARGUMENT.fullmatch(message)
    if found:
        return _("Option '%(option)s' needs a value.", option=found.group(1))
    extra = _EXTRA_ARGUMENTS.fullmatch(message)
    if extra:
        words = extra.group(1).split()
        return _.ngettext(
            "One argument too many: %(args)s.",
            "Arguments too many: %(args)s.",
            len(words),
            args=extra.group(1),
        )
    return str(e.format_message())


def _closest_option(e: Any) -> str:
    """The option meant by a misspelled one: the closest of the command's own options
    (Click offers only its own guesses, `--for` for `--formt`), else Click's guess."""
    from netzwerkctl.similar import suggest

    command = getattr(getattr(e, "ctx", None), "command", None)
    options = [
        o
        for param in getattr(command, "params", ())
        for o in (*getattr(param, "opts", ()), *getattr(param, "secondary_opts", ()))
        if o.startswith("-")
    ]
    found = suggest(str(e.option_name), options) if options else ""
    possible = sorted(getattr(e, "possibilities", None) or [])
    return found or (possible[0] if possible else "")


def show_error(e: Any, lang: str) -> None:
    if type(e).__name__ == "NoArgsIsHelpError":  # no arguments: the help, as Click shows it
        e.show()
        return
    _ = Text(lang)
    ctx = getattr(e, "ctx", None)
    out = sys.stderr
    if ctx is not None and kind_has_usage(e):
        print(ctx.get_usage(), file=out)
        if ctx.command.get_help_option(ctx) is not None:
            command = f"{ctx.command_path} {ctx.help_option_names[0]}"
            print(_("Try '%(command)s' for help.", command=command), file=out)
        print(file=out)
    print(_("Error: %(message)s", message=error_message(e, lang)), file=out)


def kind_has_usage(e: Any) -> bool:
    return any(c.__name__ == "UsageError" for c in type(e).__mro__)


class Group(TyperGroup):
    """The root of the command line (and of `new`): language first, then Click."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        arguments = list(sys.argv[1:] if args is None else args)
        lang = cli_language(arguments, os.environ, Path.cwd())
        _prepare(self, Text(lang))
        with speaking(lang):
            try:
                result = super().main(
                    arguments, prog_name, complete_var, standalone_mode=False, **extra
                )
            except _click_exception() as e:
                if not standalone_mode:
                    raise
                show_error(e, lang)
                sys.exit(getattr(e, "exit_code", 2))
            except typer.Abort:
                if not standalone_mode:
                    raise
                _ = Text(lang)
                print(_("Aborted!"), file=sys.stderr)
                sys.exit(1)
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            from netzwerkctl.similar import suggest

            _ = Text(i18n.cli_language())
            text = _("No such command '%(name)s'.", name=name)
            hint = suggest(name, self.list_commands(ctx))
            if hint:
                text += " " + _("Did you mean '%(suggestion)s'?", suggestion=hint)
            ctx.fail(text)
        return super().resolve_command(ctx, args)
