"""The group and meeting pages of the web view: groups with members, patrons and
meetings; meetings by year; a meeting with attendance, tasks and its documents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from netzwerkctl.collation import name_key
from netzwerkctl.i18n import Text, short_date
from netzwerkctl.model import Group, Meeting
from netzwerkctl.network import Network
from netzwerkctl.present.documents import meeting_title
from netzwerkctl.present.labels import label
from netzwerkctl.web.state import Snapshot
from netzwerkctl.web.views import (
    Link,
    href,
    partner_ref,
    person_name,
)


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


def groups_page(s: Snapshot) -> GroupsPage:
    network, lang = s.network, s.network.language
    _ = Text(lang)
    lines = []
    for gid, group in sorted(network.groups.items(), key=lambda kv: (name_key(kv[1].name), kv[0])):
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
                person_name(network, member.person),
                " · ".join(
                    x for x in (label(_, "member role", member.role), partner and partner.name) if x
                ),
            )
        )
    patrons = tuple(partner_ref(network, p) for p in sorted(network.patrons_on(group_id, s.day)))
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
        for name, document in DOCUMENTS.items()
        if m.has_document(document)
    )
    tasks = tuple(
        (
            t.task.title,
            ", ".join(person_name(network, o) for o in t.task.owner),
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
        tuple(person_name(network, p) for p in m.present or ()),
        tuple(person_name(network, p) for p in m.excused),
        tuple(a.name for a in invitees(network, meeting_id)),
        tasks,
        downloads,
        meeting_body(s, meeting_id, "minutes" if m.has_document("minutes") else "agenda"),
        network.file_of("meeting", meeting_id),
    )
