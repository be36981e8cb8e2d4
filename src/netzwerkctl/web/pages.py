"""What the start page, the problems and the search show, as typed data from a snapshot
(partners.py, meetings.py and projects.py: the other pages; documents.py: the
command line's documents).

Pure functions: a snapshot (and the page's query) in, a page's facts out; no request,
no clock, no I/O except reading the lines that problems quote. The wording comes from
the same places as the command line's: reminder sentences from present/reminders.py,
problem messages from the codes' catalogue, the words of stored values from labels.
Links are paths of this web view (`href`), built here once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import quote

from netzwerkctl.derive.reminders import Reminder
from netzwerkctl.derive.tasks import TaskRef, all_tasks
from netzwerkctl.i18n import Text, short_date
from netzwerkctl.network import Network
from netzwerkctl.present.documents import meeting_title
from netzwerkctl.web.state import Snapshot
from netzwerkctl.web.views import (
    Link,
    href,
    matches,
)

# The editor a problem's link opens: VS Code by default, any other that has a URL
# scheme by `serve --editor`; {path} is the file's absolute path.
DEFAULT_EDITOR = "vscode://file/{path}:{line}:{column}"


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
        if matches(query, p.name)
    ]
    persons = [
        Link(href("person", pid), person.contact.name, network.partners[person.partner].name)
        for pid, person in network.persons.items()
        if person.partner in network.partners
        and matches(query, person.contact.name, str(person.contact.email or ""))
    ]
    meetings = [
        Link(
            href("sitzungen", mid),
            meeting_title(network, mid, network.language),
            short_date(m.date, lang),
        )
        for mid, m in network.meetings.items()
        if matches(query, meeting_title(network, mid, network.language), m.location)
    ]
    tasks = [
        Link(href("sitzungen", t.meeting), t.task.title, short_date(t.raised, lang))
        for t in all_tasks(network)
        if matches(query, t.task.title)
    ]
    return SearchPage(
        query,
        tuple(partners[:LIMIT]),
        tuple(persons[:LIMIT]),
        tuple(meetings[:LIMIT]),
        tuple(tasks[:LIMIT]),
    )
