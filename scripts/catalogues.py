"""Keep the message catalogues in step with the sources (docs/translating.md).

    python scripts/catalogues.py update      # extract, update every .po, compile .mo
    python scripts/catalogues.py check       # what is out of date, untranslated, fuzzy
    python scripts/catalogues.py new fr      # a catalogue for a new language

The same as `pybabel extract -F babel.cfg`, `pybabel update` and `pybabel compile`,
with the project's keywords, in one step. English is the language of the message ids;
`update` fills an English message's text with its id where it is empty (reword it in
the English catalogue where the id is not what a reader should see, as for the labels
of stored values: `volunteer_agency` → "volunteer agency"). tests/test_catalogues.py runs `check`.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

TOP = Path(__file__).resolve().parents[1]
LOCALE = TOP / "src" / "netzwerkctl" / "locale"
DOMAIN = "netzwerkctl"
# N_(context, message) marks a message with its context; _c(code, severity, title,
# message) a problem code's message (context: the code)
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": ((1, "c"), 2), "_c": ((1, "c"), 4)}
METHODS = [
    ("src/netzwerkctl/**.py", "python"),
    ("templates/**.j2", "jinja2"),
    ("src/netzwerkctl/web/templates/**.j2", "jinja2"),
]
OPTIONS = {
    "templates/**.j2": {"extensions": "jinja2.ext.i18n"},
    "src/netzwerkctl/web/templates/**.j2": {"extensions": "jinja2.ext.i18n"},
}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def help_texts() -> Iterator[tuple[str, int, str, str]]:
    """The help of every command and parameter, taken from the command tree as the
    command line shows it (Typer reads docstrings and `help=`, which pybabel does not
    see); cli/language.py translates the same texts at run time."""
    import inspect

    import typer.main

    from netzwerkctl.cli import app

    def walk(command: Any, path: str) -> Iterator[tuple[str, int, str, str]]:
        function = inspect.unwrap(command.callback) if command.callback else None
        source = Path(inspect.getsourcefile(function) or "") if function else Path()
        filename = source.relative_to(TOP).as_posix() if source.is_relative_to(TOP) else ""
        line = function.__code__.co_firstlineno if function else 0
        if command.help:
            yield filename, line, command.help, f"help of `{path}`"
        for param in command.params:
            if getattr(param, "help", None):
                yield filename, line, param.help, f"help of {param.name} in `{path}`"
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            yield from walk(sub, f"{path} {name}")

    yield from walk(typer.main.get_command(app), "netzwerkctl")


def label_texts() -> Iterator[tuple[str, int, str, str]]:
    """The words of stored values: every value of every kind (present/labels.py takes
    them from the Literal types that define them), with its kind as the context."""
    from netzwerkctl.present import labels

    line = labels.contexts.__wrapped__.__code__.co_firstlineno
    for context, values in labels.contexts().items():
        for value in values:
            yield "src/netzwerkctl/present/labels.py", line, value, context


def extract() -> Catalog:
    """Every message of the sources, in source order, with its places."""
    template = Catalog(project="netzwerkctl", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(TOP), METHODS, OPTIONS, keywords=KEYWORDS, comment_tags=("Translators:",)
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    for filename, lineno, value, context in label_texts():
        known = template.get(value, context)
        if known is None:
            template.add(value, None, [(filename, lineno)], context=context)
    for filename, lineno, message, comment in help_texts():
        known = template.get(message)
        if known is None:
            template.add(message, None, [(filename, lineno)], auto_comments=[comment])
        else:
            known.locations.append((filename, lineno))
            known.auto_comments.append(comment)
    return template


def read(lang: str) -> Catalog:
    with po_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def compiled(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def write(lang: str, catalog: Catalog) -> None:
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, include_previous=False)
    po_path(lang).write_bytes(out.getvalue())
    po_path(lang).with_suffix(".mo").write_bytes(compiled(catalog))


def languages() -> list[str]:
    return sorted(p.name for p in LOCALE.iterdir() if (p / "LC_MESSAGES").is_dir())


def update() -> None:
    template = extract()
    for lang in languages():
        catalog = read(lang)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        if lang == "en":
            for message in catalog:
                if message.id and not _translated(message):
                    message.string = message.id  # a tuple for plural forms
        write(lang, catalog)
        print(f"{po_path(lang).relative_to(TOP)}: {len(catalog)} Meldungen")


def new(lang: str) -> None:
    if po_path(lang).exists():
        raise SystemExit(f"{po_path(lang)} gibt es schon")
    po_path(lang).parent.mkdir(parents=True)
    catalog = Catalog(locale=lang, domain=DOMAIN, project="netzwerkctl", fuzzy=False)
    catalog.update(extract(), no_fuzzy_matching=True)
    write(lang, catalog)
    print(f"{po_path(lang).relative_to(TOP)} angelegt: jetzt übersetzen, dann update")


def _texts(value: object) -> tuple[str, ...]:
    """A message's id or text as a tuple: one entry, or one per plural form."""
    if isinstance(value, str):
        return (value,)
    return tuple(str(v or "") for v in value) if isinstance(value, (tuple, list)) else ("",)


def _translated(message: Message) -> bool:
    return all(_texts(message.string))


def _names(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def placeholder_problems(message: Message) -> list[str]:
    """A translation must use exactly the placeholders of its message (for plural
    forms: none that neither form has, and all of the plural's but `n`)."""
    ids = _texts(message.id)
    strings = _texts(message.string)
    if len(ids) == 1:
        if strings[0] and _names(strings[0]) != _names(ids[0]):
            return [f"{ids[0]!r}: {sorted(_names(strings[0]))} != {sorted(_names(ids[0]))}"]
        return []
    allowed = _names(ids[0]) | _names(ids[1])
    needed = _names(ids[1]) - {"n", "num"}
    return [
        f"{ids[0]!r} [{i}]: {sorted(_names(s))}"
        for i, s in enumerate(strings)
        if s and not (needed <= _names(s) <= allowed)
    ]


def problems() -> list[str]:
    """Everything that makes the catalogues wrong, one line each."""
    template = extract()
    wanted = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in template if m.id}
    found: list[str] = []
    for lang in languages():
        catalog = read(lang)
        where = po_path(lang).relative_to(TOP)
        have = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in catalog if m.id}
        found += [f"{where}: fehlt {m!r} (update)" for m in sorted(wanted - have, key=str)]
        found += [f"{where}: veraltet {m!r} (update)" for m in sorted(have - wanted, key=str)]
        for message in catalog:
            if not message.id:
                continue
            if message.fuzzy:
                found.append(f"{where}: unsicher (fuzzy) {message.id!r}")
            if not _translated(message):
                found.append(f"{where}: nicht übersetzt {message.id!r}")
            found += [f"{where}: Platzhalter {p}" for p in placeholder_problems(message)]
        mo = po_path(lang).with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compiled(catalog):
            found.append(f"{mo.relative_to(TOP)}: nicht aus der .po übersetzt (update)")
    return found


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update()
        return 0
    if argv[:1] == ["new"] and len(argv) == 2:
        new(argv[1])
        return 0
    if argv[:1] == ["check"]:
        found = problems()
        print("\n".join(found) or "Kataloge vollständig.")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
