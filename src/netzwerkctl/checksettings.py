"""Checks a network can tune: warnings switched off or raised to errors.

hledger names its checks, ruff selects and ignores rules; here a network says in the
`checks:` section of `netzwerk.yaml` which warnings it does not want to see
(`NW502: aus`) and which it wants to fail like errors (`NW406: fehler`), and
`check --ignore/--select` does the same for one run. Errors cannot be switched off or
lowered to warnings, neither here nor on the command line: they are what makes every
publishing command refuse, and a network must not be able to silence them.

Applied in one place (`check_network` for the section, the CLI for its flags), so that
every output format, `check --changed`, the cache and every other command agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from netzwerkctl.codes import CODES, ERROR
from netzwerkctl.problems import Problem

OFF = frozenset({"off", "aus"})
RAISE = frozenset({"error", "fehler"})


def is_error_code(code: str) -> bool:
    return CODES[code].severity == ERROR


def apply_settings(problems: Iterable[Problem], settings: Mapping[str, str]) -> list[Problem]:
    """The problems as this network wants them: warnings switched off left out,
    raised warnings made errors. Settings for errors or unknown codes change nothing
    (the rules report them as NW120/NW121)."""
    result = []
    for p in problems:
        setting = settings.get(p.code)
        if setting is None or p.code not in CODES or is_error_code(p.code):
            result.append(p)
        elif setting in OFF:
            continue
        elif setting in RAISE:
            result.append(Problem(p.code, p.location, p.args, raised=True))
        else:
            result.append(p)
    return result


def matches(code: str, patterns: Iterable[str]) -> bool:
    """`NW5` selects NW501…NW599, `NW502` just that code (ruff's prefixes)."""
    return any(code.startswith(pattern) for pattern in patterns)


def unknown_patterns(patterns: Iterable[str]) -> list[str]:
    """The patterns that select no code at all."""
    return [p for p in patterns if not any(code.startswith(p) for code in CODES)]


def filter_warnings(
    problems: Iterable[Problem], select: Iterable[str] | None, ignore: Iterable[str]
) -> list[Problem]:
    """`--select`/`--ignore` for one run: they choose among warnings only; every error
    stays (an error is never hidden)."""
    chosen = list(select) if select is not None else None
    ignored = list(ignore)
    result = []
    for p in problems:
        if p.severity == "error":
            result.append(p)
        elif (chosen is not None and not matches(p.code, chosen)) or matches(p.code, ignored):
            continue
        else:
            result.append(p)
    return result
