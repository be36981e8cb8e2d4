"""The figures of the yearly Engagementbericht: pure functions of the network and a year.

Each figure's definition is written in docs/report.md; the code follows it word for
word. Partners are counted by status and dates, patrons by their patronage dates,
groups by their meetings in the year, tasks by the meeting that raised them and the
day they were done, projects by whether their dates touch the year.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from netzwerkctl.collation import name_key
from netzwerkctl.derive.meetings import invitees
from netzwerkctl.derive.tasks import all_tasks
from netzwerkctl.model import MEMBER_STATUSES, Group, Partner, Project
from netzwerkctl.network import Network, once_per_network


def member_on(partner: Partner, day: date) -> bool:
    """An active partner on `day` (`Partner.member_on`, the one definition)."""
    return partner.member_on(day)


@dataclass(frozen=True)
class PartnerFigures:
    active_start: int
    active_end: int
    joined: list[str]
    left: list[str]
    approached_in_year: list[str]
    approached: list[str]  # approached by year end and not a partner then
    by_kind: dict[str, int]  # partners of the network at year end, by kind


@once_per_network
def partner_figures(network: Network, year: int) -> PartnerFigures:
    start, end = date(year, 1, 1), date(year, 12, 31)
    partners = network.partners
    kinds = Counter(p.kind for p in partners.values() if member_on(p, end))
    return PartnerFigures(
        active_start=sum(1 for p in partners.values() if member_on(p, start)),
        active_end=sum(1 for p in partners.values() if member_on(p, end)),
        joined=sorted(
            pid
            for pid, p in partners.items()
            if p.status in MEMBER_STATUSES and p.joined and start <= p.joined <= end
        ),
        left=sorted(pid for pid, p in partners.items() if p.left and start <= p.left <= end),
        approached_in_year=sorted(
            pid for pid, p in partners.items() if p.approached and start <= p.approached <= end
        ),
        approached=sorted(pid for pid, p in partners.items() if p.approached_on(end)),
        by_kind=dict(sorted(kinds.items())),
    )


@dataclass(frozen=True)
class PatronFigures:
    """Counted up to the end of the year, from the start of the group(s)."""

    original: list[str]  # patrons from the group's start
    stayed: list[str]  # original patrons still patrons at year end
    joined: list[str]  # patrons who came later (by year end)
    left: list[str]  # patrons no longer patrons at year end
    current: list[str]  # patrons at year end
    joined_in_year: list[str]
    left_in_year: list[str]


@dataclass(frozen=True)
class _Patronage:
    partner: str
    since: date | None
    until: date | None
    original: bool


def _patronages(network: Network, group: Group) -> list[_Patronage]:
    """A patronage ends with its `until`, or when the group ends, or when the partner
    leaves the network — whichever comes first."""
    result = []
    for p in group.patrons:
        since, until = network.patronage(group, p)
        original = p.since is None or (group.started is not None and p.since <= group.started)
        result.append(_Patronage(p.partner, since, until, original))
    return result


def _patron_figures(patronages: list[_Patronage], year: int) -> PatronFigures:
    start, end = date(year, 1, 1), date(year, 12, 31)
    began = [p for p in patronages if p.since is None or p.since <= end]
    by_partner: dict[str, list[_Patronage]] = {}
    for p in began:
        by_partner.setdefault(p.partner, []).append(p)
    partners = sorted(by_partner)
    # an end date is inclusive, as everywhere
    at_end = {
        partner: any(p.until is None or p.until >= end for p in ps)
        for partner, ps in by_partner.items()
    }

    def active_at_end(partner: str) -> bool:
        return at_end[partner]

    original = sorted({p.partner for p in began if p.original})
    current = [p for p in partners if active_at_end(p)]
    first_start = {
        partner: min((p.since for p in ps if p.since), default=None)
        for partner, ps in by_partner.items()
    }
    return PatronFigures(
        original=original,
        stayed=[p for p in original if active_at_end(p)],
        joined=[p for p in partners if p not in original],
        left=[p for p in partners if not active_at_end(p)],
        current=current,
        joined_in_year=[
            p
            for p in partners
            if p not in original and (d := first_start[p]) is not None and start <= d <= end
        ],
        left_in_year=[
            p
            for p in partners
            if not active_at_end(p)
            and any(x.until and start <= x.until < end for x in by_partner[p])
        ],
    )


@once_per_network
def patron_figures(network: Network, year: int) -> tuple[PatronFigures, dict[str, PatronFigures]]:
    """Overall (each partner once; original if it was an original patron anywhere) and
    per group."""
    per_group = {
        gid: _patron_figures(_patronages(network, g), year)
        for gid, g in network.groups.items()
        if g.patrons
    }
    everything = [p for g in network.groups.values() for p in _patronages(network, g)]
    originals = {p.partner for p in everything if p.original}
    merged = [_Patronage(p.partner, p.since, p.until, p.partner in originals) for p in everything]
    return _patron_figures(merged, year), per_group


@dataclass(frozen=True)
class GroupFigures:
    name: str
    held: int
    cancelled: int
    present: int  # persons present, summed over held meetings
    expected: int  # members on the date, invited, and anyone else present: per held meeting
    decisions: int
    tasks: int

    @property
    def attendance(self) -> float | None:
        return self.present / self.expected if self.expected else None


@once_per_network
def group_figures(network: Network, year: int) -> dict[str, GroupFigures]:
    """Per group, and per group id that no group file has (a typo in a meeting, read
    with --allow-errors): its meetings still count, under the id as written, so that
    the meetings, decisions and tasks of the groups add up to the year's totals."""
    result = {}
    unknown = sorted(set(network.meetings_of_group) - set(network.groups))
    for gid in [*network.groups, *unknown]:
        group = network.groups.get(gid)
        meetings = {mid: m for mid, m in network.group_meetings(gid) if m.date.year == year}
        held = {mid: m for mid, m in meetings.items() if m.status == "held"}
        if group is None and not meetings:
            continue
        result[gid] = GroupFigures(
            name=group.name if group else gid,
            held=len(held),
            cancelled=sum(1 for m in meetings.values() if m.status == "cancelled"),
            present=sum(len(set(m.present or ())) for m in held.values()),
            expected=sum(len(_expected(network, mid)) for mid in held),
            decisions=sum(len(i.decisions) for m in held.values() for i in m.agenda),
            tasks=sum(len(i.tasks) for m in held.values() for i in m.agenda),
        )
    return result


def _expected(network: Network, meeting_id: str) -> set[str]:
    """Who a held meeting expected: its invitees, and anyone present who was not among
    them (a contact whose `until` ended too early, a group file not read): who was
    there was part of it, so attendance never exceeds 100 %."""
    meeting = network.meetings[meeting_id]
    return {a.person for a in invitees(network, meeting_id)} | set(meeting.present or ())


@dataclass(frozen=True)
class Participation:
    partner: str
    name: str
    meetings: int  # held meetings of the year to which one of its persons was invited
    attended: int  # … at which at least one of its persons was present

    @property
    def share(self) -> float:
        return self.attended / self.meetings if self.meetings else 0.0


@once_per_network
def participation(network: Network, year: int) -> list[Participation]:
    """Per partner, by name: no ranking."""
    counted: Counter[str] = Counter()
    attended: Counter[str] = Counter()
    for mid in network.meetings_of_year.get(year, ()):
        m = network.meetings[mid]
        if m.status != "held":
            continue
        present = set(m.present or ())
        partners_invited: dict[str, set[str]] = {}
        for person in sorted(_expected(network, mid)):
            ref = network.persons.get(person)
            if ref is not None:
                partners_invited.setdefault(ref.partner, set()).add(person)
        for partner, persons in partners_invited.items():
            counted[partner] += 1
            if persons & present:
                attended[partner] += 1
    rows = [
        Participation(pid, network.partners[pid].name, counted[pid], attended[pid])
        for pid in counted
        if pid in network.partners
    ]
    return sorted(rows, key=lambda r: (name_key(r.name), r.partner))


@dataclass(frozen=True)
class TaskFigures:
    raised: int
    done: int
    open_end: int
    overdue_end: int


@once_per_network
def task_figures(network: Network, year: int) -> TaskFigures:
    """Tasks of held meetings only: what a cancelled meeting lists never happened."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    held = {mid for mid, m in network.meetings.items() if m.status == "held"}
    tasks = [t for t in all_tasks(network) if t.meeting in held]
    open_end = [t for t in tasks if t.raised <= end and t.open_on(end)]
    return TaskFigures(
        raised=sum(1 for t in tasks if t.raised.year == year),
        done=sum(1 for t in tasks if t.task.done and start <= t.task.done <= end),
        open_end=len(open_end),
        overdue_end=sum(1 for t in open_end if t.task.due is not None and t.task.due <= end),
    )


def project_active(project: Project, year: int) -> bool:
    """A project counts for every year its start–end span, or its date, touches; a
    project with a start and no end runs on; one with only an end counts in that year."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    if project.date is not None and start <= project.date <= end:
        return True
    if project.start is None:
        return project.end is not None and project.end.year == year
    return project.start <= end and (project.end is None or project.end >= start)


_FIGURE_YEAR = re.compile(r"(?:^|[_ -])((?:19|2\d)\d\d)$")


def figure_year(name: str) -> int | None:
    """The year a project figure is of, by the name it is written under
    (`teilnehmende_2022`); None for a figure without a year. A report of an earlier
    year leaves it out: data of later years changes no figure of a year."""
    found = _FIGURE_YEAR.search(name)
    return int(found.group(1)) if found else None


def first_year(project: Project) -> int | None:
    """The year a contribution without its own date is counted in."""
    first = project.date or project.start or project.end
    return first.year if first else None


@dataclass(frozen=True)
class ContributionFigures:
    total_eur: Decimal = Decimal(0)
    total_hours: Decimal = Decimal(0)
    count: int = 0
    by_partner: dict[str, tuple[Decimal, Decimal]] = field(default_factory=dict)  # eur, hours
    by_kind: dict[str, tuple[Decimal, Decimal]] = field(default_factory=dict)


@once_per_network
def contribution_figures(network: Network, year: int) -> ContributionFigures:
    """Contributions of the projects that count for the year: those dated in the year,
    and those without a date in the project's first year (never in several years)."""
    eur: Decimal = Decimal(0)
    hours: Decimal = Decimal(0)
    count = 0
    by_partner: dict[str, tuple[Decimal, Decimal]] = {}
    by_kind: dict[str, tuple[Decimal, Decimal]] = {}
    for project in network.projects.values():
        if not project_active(project, year):
            continue
        for c in project.contributions:
            counted_in = c.date.year if c.date else first_year(project)
            if counted_in != year:
                continue
            value, time = c.value_eur or Decimal(0), c.hours or Decimal(0)
            eur += value
            hours += time
            count += 1
            for table, key in ((by_partner, c.partner), (by_kind, c.kind)):
                old_eur, old_hours = table.get(key, (Decimal(0), Decimal(0)))
                table[key] = (old_eur + value, old_hours + time)
    return ContributionFigures(
        eur, hours, count, dict(sorted(by_partner.items())), dict(sorted(by_kind.items()))
    )


@dataclass(frozen=True)
class Grant:
    project: str
    recipient: str  # the partner's name, or the award's `to` as written
    date: date
    partner: str | None  # the partner's id where `to` names one


@dataclass(frozen=True)
class AwardFigures:
    granted: int
    valid_end: int
    granted_to: list[Grant]


@once_per_network
def award_figures(network: Network, year: int) -> AwardFigures:
    end = date(year, 12, 31)
    granted = []
    valid = 0
    for pid, project in network.projects.items():
        for award in project.awards:
            if award.date.year == year:
                partner = network.partners.get(award.to)
                name = partner.name if partner else award.to
                granted.append(Grant(pid, name, award.date, award.to if partner else None))
            if award.date <= end and (award.valid_until is None or award.valid_until >= end):
                valid += 1
    granted.sort(key=lambda g: (g.date, g.project, g.recipient))
    return AwardFigures(len(granted), valid, granted)


@dataclass(frozen=True)
class MarketFigures:
    events: list[tuple[str, str, date, int, int, int]]  # id, title, date, offers, needs, deals

    @property
    def offers(self) -> int:
        return sum(e[3] for e in self.events)

    @property
    def needs(self) -> int:
        return sum(e[4] for e in self.events)

    @property
    def deals(self) -> int:
        return sum(e[5] for e in self.events)


@once_per_network
def market_figures(network: Network, year: int) -> MarketFigures:
    return MarketFigures(
        [
            (mid, m.title, m.date, len(m.offers), len(m.needs), len(m.deals))
            for mid, m in sorted(network.marketplaces.items(), key=lambda kv: (kv[1].date, kv[0]))
            if m.date.year == year
        ]
    )


@once_per_network
def partners_over_years(network: Network, year: int) -> list[tuple[int, int]]:
    """(year, partners at its end) from the earliest join up to `year`."""
    joined = [p.joined.year for p in network.partners.values() if p.joined]
    first = min([*joined, year])
    return [
        (y, sum(1 for p in network.partners.values() if member_on(p, date(y, 12, 31))))
        for y in range(max(first, year - 14), year + 1)
    ]
