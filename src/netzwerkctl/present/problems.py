"""Problems written for people and machines: a text line (`file:line:col: severity
code message`), JSON, GitHub annotations, GitLab Code Quality and the summary line —
in the reader's language, free of control characters, the same for every command."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path

from netzwerkctl.codes import Lang
from netzwerkctl.i18n import Text
from netzwerkctl.problems import Problem, count


def _position(p: Problem) -> str:
    pos = p.file
    if p.line is not None:
        pos += f":{p.line}"
        if p.column is not None:
            pos += f":{p.column}"
    return pos


def as_text_line(p: Problem, lang: Lang = "de") -> str:
    """`file:line:col: error NW104 message` — the form editors and compilers use."""
    return f"{_position(p)}: {p.severity} {p.code} {p.message(lang)}"


# ESC, BEL, C1 (and so OSC and every terminal sequence) and the bidirectional
# overrides that make a file name read backwards: never into a CI log.
_UNSAFE = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Text for a log or a machine format with every unsafe character replaced by ?."""
    return _UNSAFE.sub("?", text)


def as_json(problems: Iterable[Problem], lang: Lang = "de") -> str:
    rows = [
        {
            "file": clean(p.file),
            "line": p.line,
            "column": p.column,
            "severity": p.severity,
            "code": p.code,
            "message": clean(p.message(lang)),
        }
        for p in problems
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


_VOLATILE_ARGS = frozenset({"today", "suggestion", "first_line", "unread", "unread_count"})


def as_gitlab(problems: Iterable[Problem], lang: Lang = "de", prefix: str = "") -> str:
    """GitLab Code Quality JSON. Fingerprints come from file, code, key path and the
    message's arguments, not the line: a problem keeps its identity when lines move.
    Arguments that change without the problem changing (the day of the check, a
    suggestion that depends on other files, the line of a first definition) are left
    out, or GitLab would report the same problem as fixed and new every day (or each
    time another file cannot be read, which NW202 names)."""

    rows = []
    for p in problems:
        stable = tuple((k, v) for k, v in p.args if k not in _VOLATILE_ARGS)
        identity = "\0".join((p.file, p.code, p.location.key, repr(stable)))
        rows.append(
            {
                "description": clean(f"{p.code} {p.message(lang)}"),
                "check_name": p.code,
                "fingerprint": hashlib.sha256(identity.encode()).hexdigest(),
                "severity": "major" if p.severity == "error" else "minor",
                "location": {"path": clean(prefix + p.file), "lines": {"begin": p.line or 1}},
            }
        )
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    text = clean(text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(problems: Iterable[Problem], lang: Lang = "de", prefix: str = "") -> str:
    """GitHub Actions workflow commands (`::error file=…,line=…::message`).

    `prefix` is the network's folder relative to the repository root, where GitHub
    looks for the files.
    """
    lines = []
    for p in problems:
        props = [f"file={_escape_property(prefix + p.file)}"]
        if p.line is not None:
            props.append(f"line={p.line}")
        if p.column is not None:
            props.append(f"col={p.column}")
        props.append(f"title={_escape_property(p.code)}")
        lines.append(f"::{p.severity} {','.join(props)}::{_escape_data(p.message(lang))}\n")
    return "".join(lines)


def summary(problems: Iterable[Problem], files: int, lang: Lang = "de") -> str:
    """`3 Fehler, 2 Warnungen in 41 Dateien`."""
    _ = Text(lang)
    errors, warnings = count(problems)
    return _(
        "%(errors)s, %(warnings)s in %(files)s",
        errors=_.ngettext("%(n)s error", "%(n)s errors", errors),
        warnings=_.ngettext("%(n)s warning", "%(n)s warnings", warnings),
        files=_.ngettext("%(n)s file", "%(n)s files", files),
    )


def quoted_line(root: Path, p: Problem, cache: dict[str, list[str]]) -> str | None:
    """The line a problem points at, as `check` quotes it under the problem (printable,
    at most 200 characters); `cache` keeps each file's lines for the next problem."""
    if p.line is None:
        return None
    if p.file not in cache:
        try:
            text = (root / p.file).read_bytes().decode("utf-8-sig", errors="replace")
        except OSError:
            text = ""
        cache[p.file] = text.split("\n")  # editors count only \n as a line break
    lines = cache[p.file]
    if not 1 <= p.line <= len(lines):
        return None
    line = lines[p.line - 1].rstrip()
    if len(line) > 200:  # a multi-megabyte line is quoted by its beginning
        line = line[:199] + "…"
    return "".join(c if c.isprintable() else "?" for c in line.expandtabs(4))
