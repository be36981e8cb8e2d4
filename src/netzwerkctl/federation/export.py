"""The public export of a network and year: what the network may publish about
itself, and nothing personal.

A programme office reads many networks through these documents and never their
files. The export holds organisations (partners, the coordinating office, patrons),
groups, counts, contributions, awards to organisations, marketplace figures and the
dates and places of meetings — never a person: no contact, no attendee, no e-mail
address or phone number, no partner of kind `individual` by name (they are counted).
Free texts that name places or titles pass through the masks of present/public.py.

The models below are the format: `schema()` is the versioned JSON Schema published
with the package (public-export.schema.json) and in docs/, and the programme report
reads exports back through the same models.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from netzwerkctl.derive import report as figures
from netzwerkctl.gitrepo import Provenance
from netzwerkctl.model import Partner
from netzwerkctl.network import Network

SCHEMA_VERSION = 1
SCHEMA_ID = "urn:netzwerkctl:schema:public-export:1"

Practice = Literal[
    "patronage",  # groups with partner organisations as patrons
    "workshop",  # a workshop group (Zukunftswerkstatt)
    "jury",
    "marketplace",
    "fair",  # a project of kind event (Freiwilligenbörse)
    "award",
    "seal",  # a certification (Gütesiegel)
    "survey",
    "academy",
    "campaign",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Office(_Model):
    name: str
    website: str | None = None


class NetworkFacts(_Model):
    name: str
    city: str | None = None
    founded: date | None = None
    office: Office | None = Field(None, description="The coordinating office, as an organisation.")


class DataVersion(_Model):
    """The state of the data the export was made from (git)."""

    state: Literal["git", "no-repo", "no-git", "refused"]
    commit: str | None = None
    commit_date: date | None = None
    dirty: bool = False
    shallow: bool = False


class PublicPartner(_Model):
    id: str
    name: str
    kind: str
    status: str
    cluster: str | None = None
    expertise: list[str] = []
    joined: date | None = None
    left: date | None = None


class Money(_Model):
    eur: float
    hours: float


class PartnerCounts(_Model):
    active_start: int
    active_end: int
    joined: int
    left: int
    by_kind: dict[str, int]


class PatronCounts(_Model):
    current: int
    joined_in_year: int
    left_in_year: int


class MeetingCounts(_Model):
    held: int
    cancelled: int
    decisions: int
    tasks: int


class TaskCounts(_Model):
    raised: int
    done: int
    open_end: int
    overdue_end: int


class ContributionCounts(_Model):
    count: int
    total_eur: float
    total_hours: float
    by_kind: dict[str, Money]


class AwardCounts(_Model):
    granted: int
    valid_end: int


class MarketCounts(_Model):
    events: int
    offers: int
    needs: int
    deals: int


class ProjectCounts(_Model):
    active: int
    by_kind: dict[str, int]


class Figures(_Model):
    """The figures of the network's own report of the year (`report --format json`),
    computed by the same functions: a programme's totals are their sums."""

    partners: PartnerCounts
    patrons: PatronCounts
    meetings: MeetingCounts
    tasks: TaskCounts
    contributions: ContributionCounts
    awards: AwardCounts
    marketplace: MarketCounts
    projects: ProjectCounts


class PublicGroup(_Model):
    id: str
    name: str
    kind: str
    patrons: list[str] = Field(description="Partner ids of the patrons at the year's end.")
    held: int
    cancelled: int


class PartnerContribution(_Model):
    partner: str | None = Field(description="Partner id; null for individuals (not named).")
    eur: float
    hours: float


class PublicAward(_Model):
    project: str
    date: date
    partner: str | None = Field(
        description="Partner id of the organisation; null when given to anyone else."
    )


class PublicProject(_Model):
    id: str
    name: str
    kind: str
    status: str


class PublicMarketplace(_Model):
    date: date
    title: str
    offers: int
    needs: int
    deals: int


class PublicMeeting(_Model):
    date: date
    group: str
    place: str | None = None
    status: str


class PublicExport(_Model):
    """One network in one year, as it may be published."""

    schema_version: Literal[1] = Field(1, alias="schemaVersion")
    generator: Literal["netzwerkctl"] = "netzwerkctl"
    year: int
    language: str
    network: NetworkFacts
    data_version: DataVersion
    files_with_errors: int = Field(
        0, description="Files that could not be read completely; 0 for a complete export."
    )
    practices: list[Practice]
    figures: Figures
    partners: list[PublicPartner] = Field(
        description="Organisations that were partners on at least one day of the year."
    )
    individuals: int = Field(description="Partners of kind individual in the year (not named).")
    groups: list[PublicGroup]
    contributions: list[PartnerContribution]
    awards: list[PublicAward]
    projects: list[PublicProject]
    marketplaces: list[PublicMarketplace]
    meetings: list[PublicMeeting]


def _money(value: Decimal) -> float:
    return float(value.quantize(Decimal("0.01")))


def _named(partner: Partner | None) -> bool:
    return partner is not None and partner.named_in_public


def public_export(
    network: Network, year: int, version: Provenance, files_with_errors: int = 0
) -> PublicExport:
    """The export of `network` for `year` (pure: the data version is given)."""
    from netzwerkctl.present.calendar import public_text

    lang = network.language
    shown: Callable[[str | None], str | None] = public_text(network, lang)
    start, end = date(year, 1, 1), date(year, 12, 31)
    info = network.info
    office = info.office if info else None

    in_year = {pid: p for pid, p in network.partners.items() if p.member_between(start, end)}
    partner_f = figures.partner_figures(network, year)
    overall, per_group = figures.patron_figures(network, year)
    groups_f = figures.group_figures(network, year)
    tasks_f = figures.task_figures(network, year)
    money_f = figures.contribution_figures(network, year)
    awards_f = figures.award_figures(network, year)
    market_f = figures.market_figures(network, year)
    projects = {pid: p for pid, p in network.projects.items() if figures.project_active(p, year)}

    def partner_id(pid: str) -> str | None:
        return pid if _named(network.partners.get(pid)) else None

    groups = []
    for gid, g in groups_f.items():
        group = network.groups.get(gid)
        if group is None or not group.exists_between(start, end):
            continue  # a group that ended before the year (or began after it), or none
        patrons = per_group.get(gid)
        groups.append(
            PublicGroup(
                id=gid,
                name=shown(group.name) or gid,
                kind=group.kind,
                patrons=sorted(
                    p for p in (patrons.current if patrons else []) if partner_id(p) is not None
                ),
                held=g.held,
                cancelled=g.cancelled,
            )
        )

    by_partner: dict[str | None, tuple[Decimal, Decimal]] = {}
    for pid, (eur, hours) in money_f.by_partner.items():
        key = partner_id(pid)
        old = by_partner.get(key, (Decimal(0), Decimal(0)))
        by_partner[key] = (old[0] + eur, old[1] + hours)

    practices: set[Practice] = set()
    existing = [g for g in network.groups.values() if g.exists_between(start, end)]
    if any(f.current for f in per_group.values()):
        practices.add("patronage")  # patrons at the year's end
    if any(group.kind == "workshop" for group in existing):
        practices.add("workshop")
    if any(group.kind == "jury" for group in existing):
        practices.add("jury")
    if market_f.events:
        practices.add("marketplace")
    by_project_kind: dict[str, Practice] = {
        "event": "fair",
        "award": "award",
        "certification": "seal",
        "survey": "survey",
        "academy": "academy",
        "campaign": "campaign",
    }
    for project in projects.values():
        if project.kind in by_project_kind and project.status_on(end) not in ("idea", "dropped"):
            practices.add(by_project_kind[project.kind])

    return PublicExport(
        year=year,
        language=lang,
        network=NetworkFacts(
            name=info.name if info else "",
            city=info.city if info else None,
            founded=info.founded if info else None,
            office=Office(name=office.name, website=office.website) if office else None,
        ),
        data_version=DataVersion(
            state=version.state,
            commit=version.commit,
            commit_date=version.commit_date,
            dirty=version.dirty,
            shallow=version.shallow,
        ),
        files_with_errors=files_with_errors,
        practices=sorted(practices),
        figures=Figures(
            partners=PartnerCounts(
                active_start=partner_f.active_start,
                active_end=partner_f.active_end,
                joined=len(partner_f.joined),
                left=len(partner_f.left),
                by_kind=partner_f.by_kind,
            ),
            patrons=PatronCounts(
                current=len(overall.current),
                joined_in_year=len(overall.joined_in_year),
                left_in_year=len(overall.left_in_year),
            ),
            meetings=MeetingCounts(
                held=sum(g.held for g in groups_f.values()),
                cancelled=sum(g.cancelled for g in groups_f.values()),
                decisions=sum(g.decisions for g in groups_f.values()),
                tasks=sum(g.tasks for g in groups_f.values()),
            ),
            tasks=TaskCounts(
                raised=tasks_f.raised,
                done=tasks_f.done,
                open_end=tasks_f.open_end,
                overdue_end=tasks_f.overdue_end,
            ),
            contributions=ContributionCounts(
                count=money_f.count,
                total_eur=_money(money_f.total_eur),
                total_hours=_money(money_f.total_hours),
                by_kind={
                    k: Money(eur=_money(e), hours=_money(h))
                    for k, (e, h) in sorted(money_f.by_kind.items())
                },
            ),
            awards=AwardCounts(granted=awards_f.granted, valid_end=awards_f.valid_end),
            marketplace=MarketCounts(
                events=len(market_f.events),
                offers=market_f.offers,
                needs=market_f.needs,
                deals=market_f.deals,
            ),
            projects=ProjectCounts(
                active=len(projects),
                by_kind=dict(sorted(Counter(p.kind for p in projects.values()).items())),
            ),
        ),
        partners=[
            PublicPartner(
                id=pid,
                name=p.name,
                kind=p.kind,
                status=p.status_on(end),
                cluster=p.cluster,
                expertise=list(p.expertise),
                joined=p.joined,
                left=p.left if p.left is not None and p.left <= end else None,  # as of then
            )
            for pid, p in sorted(in_year.items())
            if _named(p)
        ],
        individuals=sum(1 for p in in_year.values() if not _named(p)),
        groups=groups,
        contributions=[
            PartnerContribution(partner=key, eur=_money(e), hours=_money(h))
            for key, (e, h) in sorted(by_partner.items(), key=lambda kv: (kv[0] is None, kv[0]))
        ],
        awards=[
            PublicAward(
                project=g.project,
                date=g.date,
                partner=partner_id(g.partner) if g.partner else None,
            )
            for g in awards_f.granted_to
        ],
        projects=[
            PublicProject(id=pid, name=shown(p.name) or pid, kind=p.kind, status=p.status_on(end))
            for pid, p in sorted(projects.items())
        ],
        marketplaces=[
            PublicMarketplace(
                date=day, title=shown(title) or "", offers=offers, needs=needs, deals=deals
            )
            for _mid, title, day, offers, needs, deals in market_f.events
        ],
        meetings=[
            PublicMeeting(date=m.date, group=m.group, place=shown(m.location), status=m.status)
            for m in sorted(
                (network.meetings[mid] for mid in network.meetings_of_year.get(year, ())),
                key=lambda m: (m.date, m.group),
            )
        ],
    )


def export_json(export: PublicExport) -> str:
    """The export as JSON: keys in the schema's order, UTF-8, the same bytes for the
    same data."""
    data = export.model_dump(mode="json", by_alias=True)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def read_export(text: str | bytes) -> PublicExport:
    """An export read back (ValidationError when it is not one)."""
    return PublicExport.model_validate_json(text)


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the export, with its id and version."""
    body = PublicExport.model_json_schema(by_alias=True, mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **body,
    }


def schema_text() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=2) + "\n"
