"""Problems are data: every fault the tool finds becomes a `Problem`, never an exception.

A problem knows its code, file, line and column and the arguments of its message;
the wording comes from `codes.CODES` when it is shown, in the network's language.
How problems are written for people and machines (text, JSON, GitHub, GitLab, the
summary line) is in `present/problems.py`, the same for every command.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from netzwerkctl.codes import CODES, Lang, format_message


@dataclass(frozen=True)
class Location:
    """Where something stands: a file relative to the network root, 1-based line/column."""

    file: str
    line: int | None = None
    column: int | None = None
    key: str = ""  # the key path inside the file (`contacts[0].email`), where known


@dataclass(frozen=True)
class Problem:
    """One fault found in the network's files."""

    code: str
    location: Location
    args: tuple[tuple[str, str | date], ...] = ()
    raised: bool = False  # a warning this network treats as an error (`checks:`)

    @property
    def severity(self) -> str:
        return "error" if self.raised else CODES[self.code].severity

    @property
    def file(self) -> str:
        return self.location.file

    @property
    def line(self) -> int | None:
        return self.location.line

    @property
    def column(self) -> int | None:
        return self.location.column

    def message(self, lang: Lang = "de") -> str:
        return format_message(self.code, dict(self.args), lang)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line or 0, self.column or 0, self.code, repr(self.args))


def problem(code: str, at: Location, **args: object) -> Problem:
    """Build a problem; arguments are turned into text once, here."""
    if code not in CODES:  # a programming error, caught by the tests of every rule
        raise KeyError(code)
    return Problem(code, at, tuple((k, _text(v)) for k, v in args.items()))


def _text(value: object) -> str | date:
    """Dates stay dates (each language shows them its way); the rest becomes text."""
    if value is None:
        return "–"
    if isinstance(value, date):
        return value
    return str(value)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Sorted by file, line and column; exact duplicates removed."""
    return sorted(set(problems), key=Problem.sort_key)


def count(problems: Iterable[Problem]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = warnings = 0
    for p in problems:
        if p.severity == "error":
            errors += 1
        else:
            warnings += 1
    return errors, warnings
