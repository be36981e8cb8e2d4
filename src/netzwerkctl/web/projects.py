"""The project pages of the web view: the list and a page per project with its
partners, milestones, contributions and awards."""

from __future__ import annotations

from dataclasses import dataclass

from netzwerkctl.collation import name_key
from netzwerkctl.i18n import Text, short_date
from netzwerkctl.model import Project
from netzwerkctl.present.labels import label
from netzwerkctl.web.state import Snapshot
from netzwerkctl.web.views import (
    Link,
    contribution_text,
    day_text,
    href,
    partner_ref,
    person_name,
)


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
                person_name(network, p.lead) if p.lead else "",
                len(p.partners),
            )
            for pid, p in sorted(
                network.projects.items(), key=lambda kv: (name_key(kv[1].name), kv[0])
            )
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
        return partner_ref(network, pid, detail)

    group = network.groups.get(p.group) if p.group else None
    return ProjectPage(
        project_id,
        p,
        label(_, "project kind", p.kind),
        label(_, "project status", p.status),
        person_name(network, p.lead) if p.lead else "",
        Link(href("gruppen", p.group), group.name) if group and p.group else None,
        tuple(partner_link(pid) for pid in p.partners),
        tuple(
            (ms.title, day_text(ms.done or ms.due, lang), ms.done is not None)
            for ms in p.milestones
        ),
        tuple(
            partner_link(c.partner, contribution_text(c.kind, c.what, c.value_eur, c.hours, _))
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
