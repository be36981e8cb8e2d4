"""The programme report: the public exports of many networks, side by side and summed.

Every total is the sum of the networks' own figures (`Figures` of their exports, which
are the figures of their own `report --format json`), summed field by field so that no
figure is forgotten; the previous year is summed over the same networks, so a
comparison compares like with like. Networks with errors are listed and left out of
the totals unless the office asks for them (`allow_errors`); then they are marked.
Each row names the network's data version (commit and its date): every figure can be
traced to the state of a repository.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal, TypeVar

from pydantic import BaseModel

from netzwerkctl.federation.export import Figures, PublicExport

# `later`: founded after the year — not counted, and no fault of anyone's
Status = Literal["complete", "errors", "unreachable", "invalid", "later"]
# why a network is not in the totals; `detail` adds the words of git or of the reader
# (for `founded-later`: the day of founding, or the year its data begins)
Reason = Literal[
    "not-fetched",
    "fetch-failed",  # never fetched: the last fetch failed (fetch said why)
    "no-network",
    "wrong-year",
    "not-an-export",
    "unreadable",
    "failed",
    "founded-later",
]
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class NetworkRow:
    """One registered network in the report."""

    id: str
    name: str
    city: str | None
    status: Status
    reason: Reason | None = None
    detail: str | None = None  # quoted as it is (an error message of the reader)
    export: PublicExport | None = None  # of the year
    previous: PublicExport | None = None  # of the year before, where there is one
    stale: bool = False  # the last fetch failed: the copy read is older than the repository

    @property
    def counted(self) -> bool:
        return self.export is not None and self.status in ("complete", "errors")


@dataclass(frozen=True)
class ProgrammeReport:
    name: str
    year: int
    rows: tuple[NetworkRow, ...]
    included: tuple[str, ...]  # ids of the networks in the totals
    totals: Figures | None  # None when no network could be counted
    previous_totals: Figures | None  # the same networks, the year before
    practices: dict[str, tuple[str, ...]]  # practice → ids of the networks using it
    allow_errors: bool


def add(first: M, second: M) -> M:
    """Two figures of one model added field by field: numbers summed, mappings merged
    with their values summed, nested models added."""
    values: dict[str, Any] = {}
    for name in type(first).model_fields:
        values[name] = _add(getattr(first, name), getattr(second, name))
    return type(first).model_validate(values)


def _add(a: Any, b: Any) -> Any:
    if isinstance(a, BaseModel):
        return add(a, b)
    if isinstance(a, dict):
        keys = sorted(set(a) | set(b))
        return {k: _add(a[k], b[k]) if k in a and k in b else a.get(k, b.get(k)) for k in keys}
    if isinstance(a, float) or isinstance(b, float):
        # money: summed as decimals, so 0.1 + 0.2 is 0.3 in the report as on paper
        return float(Decimal(str(a)) + Decimal(str(b)))
    return a + b


def total(figures: list[Figures]) -> Figures | None:
    if not figures:
        return None
    result = figures[0]
    for more in figures[1:]:
        result = add(result, more)
    return result


def programme_report(
    name: str, year: int, rows: list[NetworkRow], allow_errors: bool = False
) -> ProgrammeReport:
    """The report over `rows` (in the registry's order)."""
    included = [
        r
        for r in rows
        if r.export is not None
        and (r.status == "complete" or (allow_errors and r.status == "errors"))
    ]
    with_previous = [r for r in included if r.previous is not None]
    practices: dict[str, list[str]] = {}
    for r in included:
        assert r.export is not None
        for practice in r.export.practices:
            practices.setdefault(practice, []).append(r.id)
    return ProgrammeReport(
        name=name,
        year=year,
        rows=tuple(rows),
        included=tuple(r.id for r in included),
        totals=total([r.export.figures for r in included if r.export is not None]),
        previous_totals=total([r.previous.figures for r in with_previous if r.previous is not None])
        if len(with_previous) == len(included)
        else None,
        practices={k: tuple(v) for k, v in sorted(practices.items())},
        allow_errors=allow_errors,
    )
