"""What each page of the web view shows, as typed data from a snapshot.

Pure functions: a snapshot (and the page's query) in, a page's facts out; no request,
no clock, no I/O except reading the lines that problems quote. The wording comes from
the same places as the command line's: reminder sentences from present/reminders.py,
problem messages from the codes' catalogue, the words of stored values from labels.
Links are paths of this web view (`href`), built here once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, get_args
from urllib.parse import quote

from netzwerkctl.derive.meetings import person_label
from netzwerkctl.derive.reminders import Reminder
from netzwerkctl.derive.tasks import TaskRef, all_tasks
from netzwerkctl.i18n import Text, short_date
from netzwerkctl.model import Group, Meeting, Partner, PartnerStatus, Project
from netzwerkctl.network import Network
from netzwerkctl.present.documents import meeting_title
from netzwerkctl.present.labels import label
from netzwerkctl.web.state import Snapshot

# The editor a problem's link opens: VS Code by default, any other that has a URL
# scheme by `serve --editor`; {path} is the file's absolute path.
DEFAULT_EDITOR = "vscode://file/{path}:{line}:{column}"


def href(kind: str, entity_id: str) -> str:
    """The page of one partner, group, meeting or project."""
    return f"/{kind}/{quote(entity_id, safe='')}"


# -- Heute ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReminderView:
    date: str
    kind: str
    text: str
    overdue: bool
    href: str | None


@dataclass(frozen=True)
class PersonReminders:
    name: str
    organisation: str | None
    reminders: tuple[ReminderView, ...]


@dataclass(frozen=True)
class TodayPage:
    day: date
    window: int
    people: tuple[PersonReminders, ...]
    overdue: int
    total: int


def _reminder_href(network: Network, r: Reminder, tasks: dict[str, TaskRef]) -> str | None:
    """Where a reminder's subject is shown: a task on its meeting's page, a person on
    their partner's page, the rest on their own page."""
    if r.kind in ("task_overdue", "task_due"):
        task = tasks.get(r.subject)
        return href("sitzungen", task.meeting) if task else None
    if r.kind in ("meeting_upcoming", "rsvp_missing", "minutes_missing"):
        return href("sitzungen", r.subject)
    if r.kind in ("intro_talk_missing", "consent_expiring"):
        person = network.persons.get(r.subject)
        return href("partner", person.partner) if person else None
    if r.kind in ("milestone_due", "milestone_overdue", "award_expiring"):
        return href("projekte", r.subject)
    if r.kind == "prospect_follow_up":
        return href("partner", r.subject)
    if r.kind == "group_quiet":
        return href("gruppen", r.subject)
    return None


def today_page(s: Snapshot) -> TodayPage:
    from netzwerkctl.derive.reminders import reminders
    from netzwerkctl.present.reminders import by_recipient, kind_label, message

    network, lang = s.network, s.network.language
    window = network.info.rules.remind_days if network.info else 14
    found = reminders(network, s.day, window)
    tasks = {t.id: t for t in all_tasks(network)}
    _ = Text(lang)
    people = tuple(
        PersonReminders(
            recipient.name or _("No recipient"),
            recipient.organisation,
            tuple(
                ReminderView(
                    short_date(r.date, lang),
                    kind_label(r, lang),
                    message(r, lang),
                    r.overdue,
                    _reminder_href(network, r, tasks),
                )
                for r in recipient.reminders
            ),
        )
        for recipient in by_recipient(network, found)
    )
    overdue = sum(1 for r in found if r.overdue)
    return TodayPage(s.day, window, people, overdue, len(found))


# -- Probleme -------------------------------------------------------------------------


@dataclass(frozen=True)
class ProblemView:
    line: int | None
    column: int | None
    severity: str
    code: str
    message: str
    quoted: str | None
    editor: str  # opens the file at the line in the coordinator's editor


@dataclass(frozen=True)
class FileProblems:
    file: str
    problems: tuple[ProblemView, ...]


@dataclass(frozen=True)
class ProblemsPage:
    files: tuple[FileProblems, ...]
    errors: int
    warnings: int
    checked: int  # files read


def editor_problem(editor: str) -> str | None:
    """Why an editor link template cannot be used (an unknown placeholder, a stray
    brace), or None: checked once when the server starts, not on every page."""
    try:
        editor.format(path="/x", line=1, column=1)
    except (KeyError, IndexError, ValueError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def editor_link(root: Path, file: str, line: int | None, column: int | None, editor: str) -> str:
    """The editor's URL for `file` (relative to the network) at a line; the path is
    the file's inside the network folder, never one the data could point elsewhere."""
    path = (root / file).resolve()
    inside = root.resolve()
    if path != inside and inside not in path.parents:
        path = inside
    return editor.format(path=quote(path.as_posix(), safe="/:"), line=line or 1, column=column or 1)


def problems_page(s: Snapshot, editor: str = DEFAULT_EDITOR) -> ProblemsPage:
    from netzwerkctl.present.problems import clean, quoted_line

    lang = s.network.language
    # quoted from the bytes this snapshot read (never the disk again: the line numbers
    # are those of that read, and a file swapped for a link or a pipe since is not read)
    sources = s.sources
    lines = {
        file: sources[file].decode("utf-8-sig", errors="replace").split("\n")
        if file in sources
        else []
        for file in {p.file for p in s.problems}
    }
    by_file: dict[str, list[ProblemView]] = {}
    for p in s.problems:
        by_file.setdefault(p.file, []).append(
            ProblemView(
                p.line,
                p.column,
                p.severity,
                p.code,
                clean(p.message(lang)),
                quoted_line(s.root, p, lines),
                editor_link(s.root, p.file, p.line, p.column, editor),
            )
        )
    files = tuple(FileProblems(clean(f), tuple(ps)) for f, ps in sorted(by_file.items()))
    return ProblemsPage(files, s.errors, len(s.problems) - s.errors, s.files)


# -- Partner --------------------------------------------------------------------------


@dataclass(frozen=True)
class PartnerLine:
    id: str
    name: str
    kind: str
    status: str
    cluster: str
    expertise: tuple[str, ...]
    decision_makers: tuple[str, ...]
    contacts: int
    groups: int
    patronages: int


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class PartnersPage:
    partners: tuple[PartnerLine, ...]
    total: int
    query: str
    status: str
    kind: str
    cluster: str
    statuses: tuple[Choice, ...]  # the pipeline: how many partners in each status
    kinds: tuple[Choice, ...]
    clusters: tuple[Choice, ...]


def _choices(
    values: Iterable[str], words: Text, context: str | None, order: tuple[str, ...] = ()
) -> tuple[Choice, ...]:
    """Each value with its count, in `order` (the statuses as a partner goes through
    them), the rest alphabetically."""
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1

    def place(value: str) -> tuple[int, str]:
        return (order.index(value) if value in order else len(order), value.lower())

    return tuple(
        Choice(v, label(words, context, v) if context else v, counts[v])
        for v in sorted(counts, key=place)
    )


def _found(query: str, *texts: str | None) -> bool:
    """Every word of the query in one of the texts, case and accents aside."""
    from netzwerkctl.derive.words import normalize

    wanted = normalize(query).split()
    haystack = normalize(" ".join(t for t in texts if t))
    return all(w in haystack for w in wanted)


def partners_page(
    s: Snapshot, query: str = "", status: str = "", kind: str = "", cluster: str = ""
) -> PartnersPage:
    from netzwerkctl.derive.partners import partner_rows

    network = s.network
    _ = Text(network.language)
    rows = partner_rows(network, s.day)
    lines = []
    for r in rows:
        p = r.partner
        if (status and p.status != status) or (kind and p.kind != kind):
            continue
        if cluster and (p.cluster or "") != cluster:
            continue
        people = [c.name for c in p.contacts if network.contact_current(p, c, s.day)]
        if query and not _found(query, p.name, p.cluster, p.notes, *p.expertise, *people):
            continue
        lines.append(
            PartnerLine(
                r.id,
                p.name,
                label(_, "partner kind", p.kind),
                label(_, "partner status", p.status),
                p.cluster or "",
                p.expertise,
                r.decision_makers,
                r.contacts,
                len(r.groups),
                len(r.patronages),
            )
        )
    partners = network.partners.values()
    return PartnersPage(
        tuple(lines),
        len(rows),
        query,
        status,
        kind,
        cluster,
        _choices((p.status for p in partners), _, "partner status", get_args(PartnerStatus)),
        _choices((p.kind for p in partners), _, "partner kind"),
        _choices((p.cluster for p in partners if p.cluster), _, None),
    )


@dataclass(frozen=True)
class PersonLine:
    name: str
    role: str | None
    email: str | None
    phone: str | None
    decision_maker: bool
    current: bool
    groups: tuple[tuple[str, str], ...]  # (href, name) of the groups they are a member of


@dataclass(frozen=True)
class Link:
    href: str
    text: str
    detail: str = ""


@dataclass(frozen=True)
class PartnerPage:
    id: str
    partner: Partner
    kind: str
    status: str
    people: tuple[PersonLine, ...]
    groups: tuple[Link, ...]  # as patron or through its people
    meetings: tuple[Link, ...]  # where its people were present, newest first
    contributions: tuple[Link, ...]  # to projects
    file: str


def partner_page(s: Snapshot, partner_id: str) -> PartnerPage | None:
    network = s.network
    partner = network.partners.get(partner_id)
    if partner is None:
        return None
    lang = network.language
    _ = Text(lang)
    ids = {c.id for c in partner.contacts}
    groups: dict[str, str] = {}
    person_groups: dict[str, list[tuple[str, str]]] = {}
    for gid, group in network.groups.items():
        members = network.members_on(gid, s.day)
        for c in ids & members:
            person_groups.setdefault(c, []).append((href("gruppen", gid), group.name))
            groups[gid] = _("member")
        if partner_id in network.patrons_on(gid, s.day):
            groups[gid] = _("patron")
    people = tuple(
        PersonLine(
            c.name,
            c.role,
            str(c.email) if c.email else None,
            str(c.phone) if c.phone else None,
            c.decision_maker,
            network.contact_current(partner, c, s.day),
            tuple(person_groups.get(c.id, ())),
        )
        for c in partner.contacts
    )
    meetings = [
        Link(
            href("sitzungen", mid),
            meeting_title(network, mid, network.language),
            short_date(m.date, lang),
        )
        for mid, m in network.meetings.items()
        if (m.present and ids.intersection(m.present)) or m.venue == partner_id
    ]
    contributions = [
        Link(
            href("projekte", pid),
            project.name,
            _contribution_text(c.kind, c.what, c.value_eur, c.hours, _),
        )
        for pid, project in network.projects.items()
        for c in project.contributions
        if c.partner == partner_id
    ]
    return PartnerPage(
        partner_id,
        partner,
        label(_, "partner kind", partner.kind),
        label(_, "partner status", partner.status),
        people,
        tuple(
            Link(href("gruppen", gid), network.groups[gid].name, role)
            for gid, role in sorted(groups.items(), key=lambda kv: network.groups[kv[0]].name)
        ),
        tuple(reversed(meetings)),
        tuple(contributions),
        network.file_of("partner", partner_id),
    )


def _contribution_text(kind: str, what: str | None, eur: Any, hours: Any, _: Text) -> str:
    from netzwerkctl.present.render import number_formats

    formats = number_formats(_.lang)
    parts = [label(_, "contribution kind", kind)]
    if what:
        parts.append(what)
    if eur is not None:
        parts.append(formats["eur"](eur))
    if hours is not None:
        parts.append(_("%(hours)s hours", hours=formats["number"](hours)))
    return " · ".join(parts)


def _partner_link(network: Network, partner_id: str, detail: str = "") -> Link:
    """A link to a partner's page; only text for an id no partner has (an error
    `check` shows: the page would not exist)."""
    partner = network.partners.get(partner_id)
    if partner is None:
        return Link("", partner_id, detail)
    return Link(href("partner", partner_id), partner.name, detail)


# -- Gruppen und Sitzungen --------------------------------------------------------------


@dataclass(frozen=True)
class GroupLine:
    id: str
    name: str
    kind: str
    members: int
    patrons: tuple[str, ...]
    last: str | None  # the last meeting held
    next: str | None  # the next one planned


@dataclass(frozen=True)
class GroupsPage:
    groups: tuple[GroupLine, ...]


def _person_name(network: Network, person_id: str) -> str:
    return person_label(network, person_id)[0]


def groups_page(s: Snapshot) -> GroupsPage:
    network, lang = s.network, s.network.language
    _ = Text(lang)
    lines = []
    for gid, group in sorted(network.groups.items(), key=lambda kv: (kv[1].name, kv[0])):
        meetings = network.group_meetings(gid)
        held = [m.date for _mid, m in meetings if m.status == "held" and m.date <= s.day]
        planned = [m.date for _mid, m in meetings if m.status == "planned" and m.date >= s.day]
        lines.append(
            GroupLine(
                gid,
                group.name,
                label(_, "group kind", group.kind),
                len(network.members_on(gid, s.day)),
                tuple(
                    network.partners[p].name if p in network.partners else p
                    for p in sorted(network.patrons_on(gid, s.day))
                ),
                short_date(max(held), lang) if held else None,
                short_date(min(planned), lang) if planned else None,
            )
        )
    return GroupsPage(tuple(lines))


@dataclass(frozen=True)
class MeetingLine:
    id: str
    title: str
    date: str
    status: str
    group: str
    location: str


@dataclass(frozen=True)
class GroupPage:
    id: str
    group: Group
    kind: str
    members: tuple[Link, ...]  # current members: name, role; link to their partner
    patrons: tuple[Link, ...]
    meetings: tuple[MeetingLine, ...]  # newest first
    file: str


def _meeting_line(network: Network, mid: str, m: Meeting, _: Text) -> MeetingLine:
    group = network.groups.get(m.group)
    return MeetingLine(
        mid,
        meeting_title(network, mid, network.language),
        short_date(m.date, _.lang),
        label(_, "meeting status", m.status),
        group.name if group else m.group,
        m.location or "",
    )


def group_page(s: Snapshot, group_id: str) -> GroupPage | None:
    network = s.network
    group = network.groups.get(group_id)
    if group is None:
        return None
    _ = Text(network.language)
    current = network.members_on(group_id, s.day)
    members = []
    for member in group.members:
        if member.person not in current:
            continue
        person = network.persons.get(member.person)
        partner = network.partners.get(person.partner) if person else None
        members.append(
            Link(
                href("partner", person.partner) if person else "",
                _person_name(network, member.person),
                " · ".join(
                    x for x in (label(_, "member role", member.role), partner and partner.name) if x
                ),
            )
        )
    patrons = tuple(_partner_link(network, p) for p in sorted(network.patrons_on(group_id, s.day)))
    meetings = tuple(
        _meeting_line(network, mid, m, _) for mid, m in reversed(network.group_meetings(group_id))
    )
    return GroupPage(
        group_id,
        group,
        label(_, "group kind", group.kind),
        tuple(members),
        patrons,
        meetings,
        network.file_of("group", group_id),
    )


@dataclass(frozen=True)
class MeetingsPage:
    years: tuple[int, ...]
    year: int
    meetings: tuple[MeetingLine, ...]


def meetings_page(s: Snapshot, year: int | None) -> MeetingsPage:
    network = s.network
    _ = Text(network.language)
    years = tuple(sorted(network.meetings_of_year, reverse=True))
    chosen = year if year is not None and year in years else _default_year(years, s.day)
    ids = network.meetings_of_year.get(chosen, ())
    return MeetingsPage(
        years,
        chosen,
        tuple(_meeting_line(network, mid, network.meetings[mid], _) for mid in ids),
    )


def _default_year(years: tuple[int, ...], day: date) -> int:
    return day.year if day.year in years else (years[0] if years else day.year)


@dataclass(frozen=True)
class Download:
    name: str  # einladung, protokoll, anwesenheit
    title: str
    formats: tuple[tuple[str, str], ...]  # (format, href)


@dataclass(frozen=True)
class MeetingPage:
    id: str
    meeting: Meeting
    title: str
    group: Link
    status: str
    when: str
    present: tuple[str, ...]
    excused: tuple[str, ...]
    invited: tuple[str, ...]
    tasks: tuple[tuple[str, str, str], ...]  # (title, owners, due/done)
    downloads: tuple[Download, ...]
    document: str  # the Protokoll of a held meeting, else the invitation: as HTML
    file: str


def meeting_page(s: Snapshot, meeting_id: str, pdf: bool = True) -> MeetingPage | None:
    """A meeting with its documents; `pdf`: offer PDF (where WeasyPrint works)."""
    from netzwerkctl.derive.meetings import invitees
    from netzwerkctl.derive.tasks import meeting_tasks
    from netzwerkctl.present.render import date_filters
    from netzwerkctl.web.documents import DOCUMENTS, FORMATS, meeting_body

    network = s.network
    m = network.meetings.get(meeting_id)
    if m is None:
        return None
    lang = network.language
    _ = Text(lang)
    held = m.recorded
    titles = {
        "einladung": _("Invitation"),
        "protokoll": _("Minutes"),
        "anwesenheit": _("Attendance list"),
    }
    downloads = tuple(
        Download(
            name,
            titles[name],
            tuple(
                (fmt, f"{href('sitzungen', meeting_id)}/{name}.{fmt}")
                for fmt in FORMATS
                if pdf or fmt != "pdf"
            ),
        )
        for name, (_doc, needs_held) in DOCUMENTS.items()
        if held or not needs_held
    )
    tasks = tuple(
        (
            t.task.title,
            ", ".join(_person_name(network, o) for o in t.task.owner),
            short_date(t.task.done, lang)
            if t.task.done
            else (short_date(t.task.due, lang) if t.task.due else ""),
        )
        for t in meeting_tasks(network, meeting_id)
    )
    group = network.groups.get(m.group)
    when = date_filters(lang)["when"](m.date, m.start, m.end)
    return MeetingPage(
        meeting_id,
        m,
        meeting_title(network, meeting_id, network.language),
        Link(href("gruppen", m.group), group.name) if group else Link("", m.group),
        label(_, "meeting status", m.status),
        when,
        tuple(_person_name(network, p) for p in m.present or ()),
        tuple(_person_name(network, p) for p in m.excused),
        tuple(a.name for a in invitees(network, meeting_id)),
        tasks,
        downloads,
        meeting_body(s, meeting_id, "minutes" if held else "agenda"),
        network.file_of("meeting", meeting_id),
    )


# -- Projekte -------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectLine:
    id: str
    name: str
    kind: str
    status: str
    lead: str
    partners: int


@dataclass(frozen=True)
class ProjectsPage:
    projects: tuple[ProjectLine, ...]


def projects_page(s: Snapshot) -> ProjectsPage:
    network = s.network
    _ = Text(network.language)
    return ProjectsPage(
        tuple(
            ProjectLine(
                pid,
                p.name,
                label(_, "project kind", p.kind),
                label(_, "project status", p.status),
                _person_name(network, p.lead) if p.lead else "",
                len(p.partners),
            )
            for pid, p in sorted(network.projects.items(), key=lambda kv: (kv[1].name, kv[0]))
        )
    )


@dataclass(frozen=True)
class ProjectPage:
    id: str
    project: Project
    kind: str
    status: str
    lead: str
    group: Link | None
    partners: tuple[Link, ...]
    milestones: tuple[tuple[str, str, bool], ...]  # (title, date, done)
    contributions: tuple[Link, ...]
    awards: tuple[tuple[str, str, str], ...]  # (to, date, valid until)
    file: str


def project_page(s: Snapshot, project_id: str) -> ProjectPage | None:
    network = s.network
    p = network.projects.get(project_id)
    if p is None:
        return None
    lang = network.language
    _ = Text(lang)

    def partner_link(pid: str, detail: str = "") -> Link:
        return _partner_link(network, pid, detail)

    group = network.groups.get(p.group) if p.group else None
    return ProjectPage(
        project_id,
        p,
        label(_, "project kind", p.kind),
        label(_, "project status", p.status),
        _person_name(network, p.lead) if p.lead else "",
        Link(href("gruppen", p.group), group.name) if group and p.group else None,
        tuple(partner_link(pid) for pid in p.partners),
        tuple(
            (ms.title, _day(ms.done or ms.due, lang), ms.done is not None) for ms in p.milestones
        ),
        tuple(
            partner_link(c.partner, _contribution_text(c.kind, c.what, c.value_eur, c.hours, _))
            for c in p.contributions
        ),
        tuple(
            (
                network.partners[a.to].name if a.to in network.partners else a.to,
                short_date(a.date, lang),
                short_date(a.valid_until, lang) if a.valid_until else "",
            )
            for a in p.awards
        ),
        network.file_of("project", project_id),
    )


def _day(value: date | None, lang: str) -> str:
    return short_date(value, lang) if value else ""


# -- Suche ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchPage:
    query: str
    partners: tuple[Link, ...]
    persons: tuple[Link, ...]  # to the Art. 15 view: found only by an explicit search
    meetings: tuple[Link, ...]
    tasks: tuple[Link, ...]


LIMIT = 50  # hits per kind


def search_page(s: Snapshot, query: str) -> SearchPage:
    network, lang = s.network, s.network.language
    query = query.strip()
    if not query:
        return SearchPage("", (), (), (), ())
    partners = [
        Link(href("partner", pid), p.name, p.cluster or "")
        for pid, p in network.partners.items()
        if _found(query, p.name)
    ]
    persons = [
        Link(href("person", pid), person.contact.name, network.partners[person.partner].name)
        for pid, person in network.persons.items()
        if person.partner in network.partners
        and _found(query, person.contact.name, str(person.contact.email or ""))
    ]
    meetings = [
        Link(
            href("sitzungen", mid),
            meeting_title(network, mid, network.language),
            short_date(m.date, lang),
        )
        for mid, m in network.meetings.items()
        if _found(query, meeting_title(network, mid, network.language), m.location)
    ]
    tasks = [
        Link(href("sitzungen", t.meeting), t.task.title, short_date(t.raised, lang))
        for t in all_tasks(network)
        if _found(query, t.task.title)
    ]
    return SearchPage(
        query,
        tuple(partners[:LIMIT]),
        tuple(persons[:LIMIT]),
        tuple(meetings[:LIMIT]),
        tuple(tasks[:LIMIT]),
    )
