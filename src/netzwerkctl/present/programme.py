"""The programme report as people read it (Markdown, HTML with charts, PDF) and as
machines read it (JSON): the context of templates/programme.md.j2, its charts and
its JSON, from the typed ProgrammeReport (federation/programme.py)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any, TypedDict

from netzwerkctl.codes import Lang
from netzwerkctl.federation.export import SCHEMA_VERSION, Figures
from netzwerkctl.federation.programme import NetworkRow, ProgrammeReport
from netzwerkctl.i18n import N_, Text, short_date


class Row(TypedDict):
    id: str
    name: str
    city: str | None
    status: str  # the status in words
    counted: bool
    marked: bool  # counted although its data has errors (--allow-errors)
    stale: bool  # its last fetch failed: the figures are those of the copy before
    reason: str | None
    partners: int | None
    meetings: int | None
    contributions: float | None
    deals: int | None
    commit: str | None
    commit_date: Any  # date | None


class FigureRow(TypedDict):
    label: str
    now: Any
    before: Any
    money: bool


class PracticeRow(TypedDict):
    label: str
    count: int
    networks: str


class ProgrammeContext(TypedDict):
    name: str
    year: int
    registered: int
    counted: int
    allow_errors: bool
    figures: list[FigureRow]
    comparison: bool
    networks: list[Row]
    left_out: list[Row]
    practices: list[PracticeRow]


STATUS = {
    "complete": N_("network status", "complete"),
    "errors": N_("network status", "with errors"),
    "unreachable": N_("network status", "not reachable"),
    "invalid": N_("network status", "no valid export"),
    "later": N_("network status", "not founded yet"),
}
PRACTICES = {
    "patronage": N_("practice", "Patronages of partners for working groups"),
    "workshop": N_("practice", "Workshop (Zukunftswerkstatt)"),
    "jury": N_("practice", "Jury"),
    "marketplace": N_("practice", "Marketplace"),
    "fair": N_("practice", "Volunteer fair or other event"),
    "award": N_("practice", "Award"),
    "seal": N_("practice", "Certification seal"),
    "survey": N_("practice", "Survey"),
    "academy": N_("practice", "Academy"),
    "campaign": N_("practice", "Campaign"),
}


def _figures(f: Figures, p: Figures | None, _: Text) -> list[FigureRow]:
    def row(label: str, now: Any, before: Any, money: bool = False) -> FigureRow:
        return {"label": label, "now": now, "before": before, "money": money}

    def of(get: Any) -> Any:
        return get(p) if p is not None else None

    return [
        row(_("Networks' partners at year end"), f.partners.active_end,
            of(lambda x: x.partners.active_end)),
        row(_("Partners joined"), f.partners.joined, of(lambda x: x.partners.joined)),
        row(_("Partners left"), f.partners.left, of(lambda x: x.partners.left)),
        row(_("Patrons at year end"), f.patrons.current, of(lambda x: x.patrons.current)),
        row(_("Meetings held"), f.meetings.held, of(lambda x: x.meetings.held)),
        row(_("Meetings cancelled"), f.meetings.cancelled, of(lambda x: x.meetings.cancelled)),
        row(_("Decisions"), f.meetings.decisions, of(lambda x: x.meetings.decisions)),
        row(_("Tasks raised"), f.tasks.raised, of(lambda x: x.tasks.raised)),
        row(_("Tasks done"), f.tasks.done, of(lambda x: x.tasks.done)),
        row(_("Projects running in the year"), f.projects.active, of(lambda x: x.projects.active)),
        row(_("Contributions (value)"), f.contributions.total_eur,
            of(lambda x: x.contributions.total_eur), money=True),
        row(_("Contributions (hours)"), f.contributions.total_hours,
            of(lambda x: x.contributions.total_hours)),
        row(_("Awards and seals granted"), f.awards.granted, of(lambda x: x.awards.granted)),
        row(_("Awards and seals valid at year end"), f.awards.valid_end,
            of(lambda x: x.awards.valid_end)),
        row(_("Marketplaces"), f.marketplace.events, of(lambda x: x.marketplace.events)),
        row(_("Marketplace offers"), f.marketplace.offers, of(lambda x: x.marketplace.offers)),
        row(_("Marketplace requests"), f.marketplace.needs, of(lambda x: x.marketplace.needs)),
        row(_("Marketplace deals"), f.marketplace.deals, of(lambda x: x.marketplace.deals)),
    ]  # fmt: skip


def _reason(row: NetworkRow, _: Text) -> str | None:
    """Why a network is not counted, in words. What a program said (a path, an error
    of the system) goes to the command's messages, not into the report."""
    detail = row.detail or ""
    texts = {
        None: None,
        "not-fetched": _("not fetched yet"),
        "fetch-failed": _("its repository could not be fetched"),
        "no-network": _("the repository has no netzwerk.yaml (check url and folder)"),
        "wrong-year": _("the export found is of another year"),
        "not-an-export": _("the file is no public export (at %(place)s)", place=detail),
        "unreadable": _("the export cannot be read (the command says why)"),
        "failed": _("netzwerkctl failed on this network (the command says why)"),
        "founded-later": _founded(detail, _),
    }
    return texts[row.reason]


def _founded(detail: str, _: Text) -> str:
    """The day of founding (ISO), or the year its data begins where none is given."""
    try:
        return _("founded on %(date)s", date=short_date(date.fromisoformat(detail), _.lang))
    except ValueError:
        return _("its data begins in %(year)s", year=detail)


def _row(row: NetworkRow, report: ProgrammeReport, _: Text) -> Row:
    e = row.export
    return {
        "id": row.id,
        "name": row.name,
        "city": row.city,
        "status": _.pgettext(*STATUS[row.status]),
        "counted": row.id in report.included,
        "marked": row.id in report.included and row.status == "errors",
        "stale": row.stale,
        "reason": _reason(row, _),
        "partners": e.figures.partners.active_end if e else None,
        "meetings": e.figures.meetings.held if e else None,
        "contributions": e.figures.contributions.total_eur if e else None,
        "deals": e.figures.marketplace.deals if e else None,
        "commit": e.data_version.commit if e else None,
        "commit_date": e.data_version.commit_date if e else None,
    }


def programme_context(report: ProgrammeReport, lang: Lang) -> ProgrammeContext:
    _ = Text(lang)
    rows = [_row(r, report, _) for r in report.rows]
    names = {r.id: r.name for r in report.rows}
    return {
        "name": report.name,
        "year": report.year,
        "registered": len(report.rows),
        "counted": len(report.included),
        "allow_errors": report.allow_errors,
        "figures": _figures(report.totals, report.previous_totals, _) if report.totals else [],
        "comparison": report.previous_totals is not None,
        "networks": [r for r in rows if r["counted"]],
        "left_out": [r for r in rows if not r["counted"]],
        "practices": [
            {
                "label": _.pgettext(*PRACTICES[p]),
                "count": len(ids),
                "networks": ", ".join(names[i] for i in ids),
            }
            for p, ids in sorted(report.practices.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        ],
    }


def programme_charts(report: ProgrammeReport, lang: Lang) -> dict[str, str]:
    """The SVG charts of the HTML report, by name."""
    from netzwerkctl.present.charts import bars
    from netzwerkctl.present.render import number_formats

    _ = Text(lang)
    numbers = number_formats(lang)
    counted = [r for r in report.rows if r.id in report.included and r.export is not None]
    return {
        "partners": bars(
            _("Partners per network at year end"),
            [(r.name, r.export.figures.partners.active_end) for r in counted if r.export],
            numbers["number"],
        ),
        "practices": bars(
            _("Networks per practice"),
            [(_.pgettext(*PRACTICES[p]), len(ids)) for p, ids in report.practices.items()],
            numbers["number"],
            second=True,
        ),
    }


def programme_json(report: ProgrammeReport) -> str:
    """The programme report for machines: every network with its status, data
    version and figures, the totals and the practices."""

    def figures(f: Figures | None) -> Any:
        return f.model_dump(mode="json") if f is not None else None

    data = {
        "schemaVersion": SCHEMA_VERSION,
        "generator": "netzwerkctl",
        "programme": report.name,
        "year": report.year,
        "allow_errors": report.allow_errors,
        "included": list(report.included),
        "networks": [
            {
                "id": r.id,
                "name": r.name,
                "city": r.city,
                "status": r.status,
                "reason": r.reason,
                "detail": r.detail if r.reason in ("not-an-export", "founded-later") else None,
                "stale": r.stale,
                "included": r.id in report.included,
                "data_version": r.export.data_version.model_dump(mode="json") if r.export else None,
                "figures": figures(r.export.figures if r.export else None),
            }
            for r in report.rows
        ],
        "totals": figures(report.totals),
        "previous_totals": figures(report.previous_totals),
        "practices": {k: list(v) for k, v in report.practices.items()},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
