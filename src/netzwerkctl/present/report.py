"""The Engagementbericht as data: the context of its template, its charts and its
JSON form, all from the figures in `derive/report.py`.

The report is published: it names organisations, roles and counts, and persons only
where their role needs it (leads of groups and projects) — never an e-mail address or
a phone number.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, TypedDict

from netzwerkctl.codes import Lang
from netzwerkctl.collation import name_key
from netzwerkctl.derive import report as figures
from netzwerkctl.derive.meetings import person_label
from netzwerkctl.gitrepo import Provenance
from netzwerkctl.i18n import Text
from netzwerkctl.network import Network
from netzwerkctl.present.labels import label

Context = dict[str, Any]
Day = date


class PartnerRef(TypedDict):
    id: str | None  # None: a private person, not named (Partner.named_in_public)
    name: str


class PatronSets(TypedDict):
    original: list[PartnerRef]
    stayed: list[PartnerRef]
    joined: list[PartnerRef]
    left: list[PartnerRef]
    current: list[PartnerRef]
    joined_in_year: list[PartnerRef]
    left_in_year: list[PartnerRef]


class GroupPatrons(PatronSets):
    id: str
    name: str


class Patrons(TypedDict):
    overall: PatronSets
    groups: list[GroupPatrons]


class Recommendation(TypedDict):
    title: str
    text: str | None


class Narrative(TypedDict):
    title: str | None
    recipients: str | None
    summary: str | None
    highlights: list[str]
    recommendations: list[Recommendation]


class ReportNetwork(TypedDict):
    name: str
    city: str | None
    vision: str | None


class KindCount(TypedDict):
    kind: str
    count: int


class PartnerCounts(TypedDict):
    active_start: int
    active_end: int
    joined: list[PartnerRef]
    left: list[PartnerRef]
    approached_in_year: list[PartnerRef]
    approached: list[PartnerRef]
    by_kind: list[KindCount]


class GroupRow(TypedDict):
    id: str
    name: str
    lead: str | None
    held: int
    cancelled: int
    attendance: float | None
    decisions: int
    tasks: int


class ParticipationRow(TypedDict):
    id: str | None  # None: a private person, not named
    name: str
    meetings: int
    attended: int
    share: float


class TaskCounts(TypedDict):
    raised: int
    done: int
    open_end: int
    overdue_end: int


class Figure(TypedDict):
    name: str
    value: Decimal


class ProjectRow(TypedDict):
    id: str
    name: str
    kind: str
    status: str
    lead: str | None
    start: Day | None
    end: Day | None
    date: Day | None
    figures: list[Figure]
    milestones: int
    milestones_met: int


class PartnerContribution(TypedDict):
    name: str
    eur: Decimal
    hours: Decimal


class KindContribution(TypedDict):
    kind: str
    eur: Decimal
    hours: Decimal


class Contributions(TypedDict):
    total_eur: Decimal
    total_hours: Decimal
    count: int
    by_partner: list[PartnerContribution]
    by_kind: list[KindContribution]


class AwardRow(TypedDict):
    project: str
    to: str
    date: Day


class Awards(TypedDict):
    granted: int
    valid_end: int
    list: list[AwardRow]


class MarketEvent(TypedDict):
    title: str
    date: Day
    offers: int
    needs: int
    deals: int


class Marketplace(TypedDict):
    events: list[MarketEvent]
    offers: int
    needs: int
    deals: int


class Submission(TypedDict):
    """The frame of a council submission (Vorlage) on the report's first page."""

    subject: str | None  # None: the template's "Engagementbericht YEAR"
    committee: str | None
    date: Day | None  # `date:` of the report file, else SOURCE_DATE_EPOCH: never a clock
    author: str | None
    proposal: str | None  # None: the template's "… nimmt … zur Kenntnis"


class YearFigures(TypedDict):
    """The figures of the table "YEAR in figures", for a year and the one before."""

    year: int
    active_start: int
    active_end: int
    joined: int
    left: int
    held: int
    cancelled: int
    decisions: int
    tasks_raised: int
    tasks_done: int
    open_end: int
    overdue_end: int
    total_eur: Decimal
    total_hours: Decimal
    awards: int
    offers: int
    needs: int
    deals: int


class ProvenanceInfo(TypedDict):
    state: str
    commit: str | None
    commit_date: Day | None
    dirty: bool
    shallow: bool
    printed: Day | None


class ReportContext(TypedDict):
    """What the report's template gets (and report_json reads)."""

    year: int
    network: ReportNetwork
    narrative: Narrative | None
    partners: PartnerCounts
    patrons: Patrons
    groups: list[GroupRow]
    participation: list[ParticipationRow]
    tasks: TaskCounts
    projects: list[ProjectRow]
    contributions: Contributions
    awards: Awards
    marketplace: Marketplace
    provenance: ProvenanceInfo
    submission: Submission
    figures: YearFigures
    previous: YearFigures | None  # the year before, where it has data


def _partner_refs(network: Network, ids: list[str], lang: str) -> list[PartnerRef]:
    """Partners as the published report names them: a private person (kind
    individual) by the word for the kind, never by name or id."""
    refs: list[PartnerRef] = []
    for pid in ids:
        partner = network.partners.get(pid)
        if partner is not None and not partner.named_in_public:
            refs.append({"id": None, "name": label(Text(lang), "partner kind", partner.kind)})
        else:
            refs.append({"id": pid, "name": partner.name if partner else pid})
    return refs


def _money(value: Decimal) -> float:
    return float(value.quantize(Decimal("0.01")))


def _patrons(network: Network, f: figures.PatronFigures, lang: str) -> PatronSets:
    def refs(ids: list[str]) -> list[PartnerRef]:
        return _partner_refs(network, ids, lang)

    return {
        "original": refs(f.original),
        "stayed": refs(f.stayed),
        "joined": refs(f.joined),
        "left": refs(f.left),
        "current": refs(f.current),
        "joined_in_year": refs(f.joined_in_year),
        "left_in_year": refs(f.left_in_year),
    }


def _group_patrons(network: Network, gid: str, f: figures.PatronFigures, lang: str) -> GroupPatrons:
    return GroupPatrons(id=gid, name=network.groups[gid].name, **_patrons(network, f, lang))


def year_figures(network: Network, year: int) -> YearFigures:
    partners = figures.partner_figures(network, year)
    groups = figures.group_figures(network, year).values()
    tasks = figures.task_figures(network, year)
    contributions = figures.contribution_figures(network, year)
    market = figures.market_figures(network, year)
    return {
        "year": year,
        "active_start": partners.active_start,
        "active_end": partners.active_end,
        "joined": len(partners.joined),
        "left": len(partners.left),
        "held": sum(g.held for g in groups),
        "cancelled": sum(g.cancelled for g in groups),
        "decisions": sum(g.decisions for g in groups),
        "tasks_raised": tasks.raised,
        "tasks_done": tasks.done,
        "open_end": tasks.open_end,
        "overdue_end": tasks.overdue_end,
        "total_eur": contributions.total_eur,
        "total_hours": contributions.total_hours,
        "awards": figures.award_figures(network, year).granted,
        "offers": market.offers,
        "needs": market.needs,
        "deals": market.deals,
    }


def _previous(network: Network, year: int) -> YearFigures | None:
    """The year before, if the network was there (`Network.first_year`, as for
    whether `report` makes a year at all)."""
    first = network.first_year
    return year_figures(network, year - 1) if first is not None and first < year else None


def report_context(
    network: Network, year: int, provenance: Provenance, printed: date | None, lang: str = "de"
) -> ReportContext:
    """The report's data; contact data typed into its free texts is masked (it is
    published)."""
    from netzwerkctl.present.public import masked

    def public(text: str) -> str:
        return masked(text, lang) or ""

    info = network.info
    narrative = network.reports.get(str(year))
    partners = figures.partner_figures(network, year)
    overall, per_group = figures.patron_figures(network, year)
    groups = figures.group_figures(network, year)
    contributions = figures.contribution_figures(network, year)
    awards = figures.award_figures(network, year)
    market = figures.market_figures(network, year)
    tasks = figures.task_figures(network, year)
    projects = [(pid, p) for pid, p in network.projects.items() if figures.project_active(p, year)]
    return {
        "year": year,
        "network": {
            "name": info.name if info else "",
            "city": info.city if info else None,
            "vision": info.vision if info else None,
        },
        "narrative": None
        if narrative is None
        else {
            "title": masked(narrative.title, lang),
            "recipients": narrative.recipients,
            "summary": masked(narrative.summary, lang),
            "highlights": [public(h) for h in narrative.highlights],
            "recommendations": [
                {"title": public(r.title), "text": masked(r.text, lang)}
                for r in narrative.recommendations
            ],
        },
        "partners": {
            "active_start": partners.active_start,
            "active_end": partners.active_end,
            "joined": _partner_refs(network, partners.joined, lang),
            "left": _partner_refs(network, partners.left, lang),
            "approached_in_year": _partner_refs(network, partners.approached_in_year, lang),
            "approached": _partner_refs(network, partners.approached, lang),
            "by_kind": [
                {"kind": k, "count": n}
                for k, n in sorted(partners.by_kind.items(), key=lambda kv: (-kv[1], kv[0]))
            ],
        },
        "patrons": {
            "overall": _patrons(network, overall, lang),
            "groups": [_group_patrons(network, gid, f, lang) for gid, f in per_group.items()],
        },
        "groups": [
            {
                "id": gid,
                "name": g.name,
                "lead": person_label(network, lead)[0]
                if gid in network.groups and (lead := network.groups[gid].lead)
                else None,
                "held": g.held,
                "cancelled": g.cancelled,
                "attendance": g.attendance,
                "decisions": g.decisions,
                "tasks": g.tasks,
            }
            for gid, g in groups.items()
            if g.held or g.cancelled
        ],
        "participation": [
            {
                "id": _partner_refs(network, [p.partner], lang)[0]["id"],
                "name": _partner_refs(network, [p.partner], lang)[0]["name"],
                "meetings": p.meetings,
                "attended": p.attended,
                "share": p.share,
            }
            for p in figures.participation(network, year)
        ],
        "tasks": {
            "raised": tasks.raised,
            "done": tasks.done,
            "open_end": tasks.open_end,
            "overdue_end": tasks.overdue_end,
        },
        "projects": [
            {
                "id": pid,
                "name": p.name,
                "kind": p.kind,
                "status": p.status_on(date(year, 12, 31)),
                "lead": person_label(network, p.lead)[0] if p.lead else None,
                "start": p.start,
                "end": p.end if p.end is not None and p.end.year <= year else None,
                "date": p.date,
                "figures": [
                    {"name": k, "value": v}
                    for k, v in p.figures.items()
                    if (figures.figure_year(k) or year) <= year
                ],
                # as of year end: milestones due by then (undated ones once met)
                "milestones": sum(
                    1
                    for m in p.milestones
                    if (m.due.year if m.due else m.done.year if m.done else year + 1) <= year
                ),
                "milestones_met": sum(
                    1
                    for m in p.milestones
                    if m.done is not None
                    and m.done.year <= year
                    and (m.due is None or m.due.year <= year)
                ),
            }
            for pid, p in projects
        ],
        "contributions": {
            "total_eur": contributions.total_eur,
            "total_hours": contributions.total_hours,
            "count": contributions.count,
            "by_partner": sorted(
                (
                    {"name": _partner_refs(network, [k], lang)[0]["name"], "eur": e, "hours": h}
                    for k, (e, h) in contributions.by_partner.items()
                ),
                key=lambda row: name_key(str(row["name"])),
            ),
            "by_kind": sorted(
                ({"kind": k, "eur": e, "hours": h} for k, (e, h) in contributions.by_kind.items()),
                key=lambda row: (-row["eur"], -row["hours"], row["kind"]),
            ),
        },
        "awards": {
            "granted": awards.granted,
            "valid_end": awards.valid_end,
            "list": [
                {
                    "project": network.projects[g.project].name,
                    "to": _partner_refs(network, [g.partner], lang)[0]["name"]
                    if g.partner
                    else g.recipient,
                    "date": g.date,
                }
                for g in awards.granted_to
            ],
        },
        "marketplace": {
            "events": [
                {"title": t, "date": d, "offers": o, "needs": n, "deals": k}
                for _, t, d, o, n, k in market.events
            ],
            "offers": market.offers,
            "needs": market.needs,
            "deals": market.deals,
        },
        "provenance": {
            "state": provenance.state,
            "commit": provenance.commit,
            "commit_date": provenance.commit_date,
            "dirty": provenance.dirty,
            "shallow": provenance.shallow,
            "printed": printed,
        },
        "submission": {
            "subject": narrative.subject if narrative else None,
            "committee": narrative.recipients if narrative else None,
            "date": (narrative.date if narrative else None) or printed,
            "author": (narrative.author if narrative else None)
            or (info.office.name if info and info.office else None),
            "proposal": narrative.proposal if narrative else None,
        },
        "figures": year_figures(network, year),
        "previous": _previous(network, year),
    }


def report_charts(network: Network, year: int, lang: Lang) -> dict[str, str]:
    """The SVG charts the HTML report shows, by name."""
    from netzwerkctl.present.charts import bars, columns
    from netzwerkctl.present.render import number_formats

    _ = Text(lang)
    numbers = number_formats(lang)
    count, eur, percent = numbers["number"], numbers["eur_whole"], numbers["percent"]
    groups = [g for g in figures.group_figures(network, year).values() if g.held]
    contributions = figures.contribution_figures(network, year)
    names = {pid: _partner_refs(network, [pid], lang)[0]["name"] for pid in network.partners}
    return {
        "partners": columns(
            _("Partners at year end"),
            [(str(y), n) for y, n in figures.partners_over_years(network, year)],
            count,
        ),
        "meetings": bars(
            _("Meetings per group"),
            [(g.name, g.held) for g in groups],
            count,
        ),
        "attendance": bars(
            _("Attendance per group"),
            [(g.name, round(g.attendance or 0, 2)) for g in groups],
            percent,
            second=True,
        ),
        "contributions_partner": bars(
            _("Contributions per partner"),
            [(names.get(k, k), float(e)) for k, (e, _h) in contributions.by_partner.items() if e],
            eur,
        ),
        "contributions_kind": bars(
            _("Contributions by kind"),
            [
                (label(_, "contribution kind", k), float(e))
                for k, (e, _h) in contributions.by_kind.items()
                if e
            ],
            eur,
            second=True,
        ),
    }


def report_json(context: ReportContext) -> Context:
    """The machine-readable report: the figures, ids where the docs promise ids."""
    p, c = context["partners"], context["contributions"]
    meetings = context["groups"]
    return {
        "generator": "netzwerkctl",  # marks the file as made by netzwerkctl (see emit)
        "year": context["year"],
        "network": context["network"]["name"],
        "partners": {
            "active_start": p["active_start"],
            "active_end": p["active_end"],
            "joined": [x["id"] for x in p["joined"]],
            "left": [x["id"] for x in p["left"]],
            "approached_in_year": [x["id"] for x in p["approached_in_year"]],
            "approached": [x["id"] for x in p["approached"]],
            "by_kind": {x["kind"]: x["count"] for x in p["by_kind"]},
        },
        "patrons": {
            "overall": {
                k: len(v) for k, v in context["patrons"]["overall"].items() if isinstance(v, list)
            },
            "groups": {
                g["id"]: {k: len(v) for k, v in g.items() if isinstance(v, list)}
                for g in context["patrons"]["groups"]
            },
        },
        "meetings": {
            "held": sum(g["held"] for g in meetings),
            "cancelled": sum(g["cancelled"] for g in meetings),
            "groups": {
                g["id"]: {
                    "held": g["held"],
                    "cancelled": g["cancelled"],
                    "attendance": None if g["attendance"] is None else round(g["attendance"], 4),
                    "decisions": g["decisions"],
                    "tasks": g["tasks"],
                }
                for g in meetings
            },
        },
        "participation": [
            {"partner": x["id"], "meetings": x["meetings"], "attended": x["attended"]}
            for x in context["participation"]
        ],
        "tasks": context["tasks"],
        "projects": [
            {"id": x["id"], "status": x["status"], "milestones_met": x["milestones_met"]}
            for x in context["projects"]
        ],
        "contributions": {
            "total_eur": _money(c["total_eur"]),
            "total_hours": _money(c["total_hours"]),
            "by_kind": {x["kind"]: _money(x["eur"]) for x in c["by_kind"]},
        },
        "awards": {
            "granted": context["awards"]["granted"],
            "valid_end": context["awards"]["valid_end"],
        },
        "marketplace": {k: context["marketplace"][k] for k in ("offers", "needs", "deals")},
        "provenance": {
            "state": context["provenance"]["state"],
            "commit": context["provenance"]["commit"],
            "dirty": context["provenance"]["dirty"],
            "shallow": context["provenance"]["shallow"],
        },
    }
