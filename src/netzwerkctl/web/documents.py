"""The command line's documents inside the web view: a meeting's invitation, Protokoll
and attendance list, the Art. 15 answer, the marketplace, the yearly report and the
changes — made by the same functions as `agenda`, `minutes`, `attendance`, `person`,
`market`, `report` and `changes`, so that a download is byte for byte what the command
writes, and the page shows the same words. From a network with errors a body carries
the same notice as a document made with `--allow-errors`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args
from urllib.parse import quote

from netzwerkctl.i18n import short_date
from netzwerkctl.web.state import Snapshot
from netzwerkctl.web.views import Link

DocFormat = Literal["md", "html", "pdf", "docx"]
ReportFormat = Literal["md", "html", "pdf", "docx", "json"]
MeetingDocument = Literal["agenda", "minutes", "attendance"]
FORMATS: tuple[DocFormat, ...] = get_args(DocFormat)
REPORT_FORMATS: tuple[ReportFormat, ...] = get_args(ReportFormat)
# The documents of a meeting by their name in the URL; which of them a meeting has,
# says Meeting.has_document.
DOCUMENTS: dict[str, MeetingDocument] = {
    "einladung": "agenda",
    "protokoll": "minutes",
    "anwesenheit": "attendance",
}


def incomplete_notice(s: Snapshot) -> str | None:
    """The sentence a document from this snapshot carries when the network has
    errors (present/incomplete.py, as with `--allow-errors`), else None."""
    from netzwerkctl.present.incomplete import incompleteness, notice

    gaps = incompleteness(s.network, s.problems)
    return notice(gaps, s.network.language) if gaps else None


def _meeting_context(s: Snapshot, meeting_id: str, name: MeetingDocument) -> object:
    from netzwerkctl.present.documents import (
        agenda_context,
        attendance_context,
        minutes_context,
    )

    builders = {
        "agenda": agenda_context,
        "minutes": minutes_context,
        "attendance": attendance_context,
    }
    return builders[name](s.network, meeting_id, s.day)


def meeting_document(
    s: Snapshot, meeting_id: str, name: MeetingDocument, fmt: DocFormat
) -> str | bytes:
    """A meeting's document as the command line makes it, in `fmt`. Raises what
    present.render.document raises (a broken template, no PDF library, a broken
    letterhead)."""
    from netzwerkctl.present.render import document

    context = _meeting_context(s, meeting_id, name)
    return document(name, context, s.network.language, fmt, s.root / "templates")  # type: ignore[arg-type]


def meeting_body(s: Snapshot, meeting_id: str, name: MeetingDocument) -> str:
    """The HTML of a meeting document's body, for its page."""
    from netzwerkctl.present.render import render

    context = _meeting_context(s, meeting_id, name)
    return render(
        name,
        context,  # type: ignore[arg-type]
        s.network.language,
        "html",
        s.root / "templates",
        notice=incomplete_notice(s),
        whole_page=False,
    )


def person_document(s: Snapshot, person_id: str) -> str | None:
    """The Art. 15 answer for one person as the HTML of its body (as `person` makes
    it), or None for an unknown person."""
    from netzwerkctl.derive.person import person_view
    from netzwerkctl.present.partners import person_context
    from netzwerkctl.present.render import render

    if person_id not in s.network.known_persons:
        return None
    texts = {rel: raw.decode("utf-8-sig", errors="replace") for rel, raw in s.sources.items()}
    view = person_view(s.network, person_id, texts)
    context = person_context(s.network, view, s.day)
    return render(
        "person",
        context,
        s.network.language,
        "html",
        s.root / "templates",
        notice=incomplete_notice(s),
        whole_page=False,
    )


# -- Marktplatz, Bericht, Änderungen: the command line's documents in the page -----------


def market_document(s: Snapshot, market_id: str | None) -> str | None:
    """The marketplace as `market` shows it: without an id every event and the
    balance of giving and taking, with one its open offers and needs and the suggested
    matches. None for an unknown id."""
    from netzwerkctl.derive.market import market_view
    from netzwerkctl.present.partners import market_context
    from netzwerkctl.present.render import render

    network = s.network
    if market_id is not None and market_id not in network.marketplaces:
        return None
    view = market_view(network, market_id) if market_id else None
    context = market_context(network, view)
    templates = s.root / "templates"
    return render(
        "market",
        context,
        network.language,
        "html",
        templates,
        notice=incomplete_notice(s),
        whole_page=False,
    )


def markets(s: Snapshot) -> tuple[Link, ...]:
    lang = s.network.language
    return tuple(
        Link(f"/marktplatz?markt={quote(mid, safe='')}", m.title, short_date(m.date, lang))
        for mid, m in sorted(s.network.marketplaces.items(), key=lambda kv: (kv[1].date, kv[0]))
    )


def report_years(s: Snapshot) -> list[int]:
    """The years a report can be made for: those with meetings or a report file,
    newest first (the current year too)."""
    years = set(s.network.meetings_of_year) | {s.day.year}
    years |= {int(r) for r in s.network.reports if r.isdigit()}
    return sorted(years, reverse=True)


def _report_context(s: Snapshot, year: int) -> object:
    from netzwerkctl.present.report import report_context

    return report_context(s.network, year, s.version, None, s.network.language)


def report_document(s: Snapshot, year: int, fmt: ReportFormat) -> str | bytes:
    """The yearly report as `report YEAR` makes it, in `fmt` (md, html, pdf, docx,
    json). Raises what present.render.document raises."""
    import json

    from netzwerkctl.present.render import document
    from netzwerkctl.present.report import report_charts, report_json

    network, lang = s.network, s.network.language
    context = _report_context(s, year)
    if fmt == "json":
        figures = {**report_json(context), "incomplete": None}  # type: ignore[arg-type]
        return json.dumps(figures, ensure_ascii=False, indent=2) + "\n"
    charts = report_charts(network, year, lang) if fmt in ("html", "pdf") else None
    templates = s.root / "templates"
    return document("report", context, lang, fmt, templates, charts=charts)  # type: ignore[arg-type]


def report_body(s: Snapshot, year: int) -> str:
    """The HTML of the report's body with its charts, for the page."""
    from netzwerkctl.present.render import render
    from netzwerkctl.present.report import report_charts

    network, lang = s.network, s.network.language
    return render(
        "report",
        _report_context(s, year),  # type: ignore[arg-type]
        lang,
        "html",
        s.root / "templates",
        report_charts(network, year, lang),
        notice=incomplete_notice(s),
        whole_page=False,
    )


@dataclass(frozen=True)
class CommitLine:
    id: str
    date: str
    author: str
    subject: str


@dataclass(frozen=True)
class ChangesPage:
    since: str
    changes: tuple[str, ...]  # each change in words
    commits: tuple[CommitLine, ...]
    uncommitted: bool  # files differ from the last commit
    problem: str | None  # why the history cannot be read (no git, an unknown revision)


def changes_page(s: Snapshot, since: str | None) -> ChangesPage:
    """What changed since a date or revision, in the words of `changes`, and the
    commits in between (the folder as it is counts: uncommitted edits too). Without
    `since`: the last 30 days, or since the first commit where the history is shorter."""
    from datetime import timedelta

    from netzwerkctl.gitrepo import GitUnavailable, first_commit, log
    from netzwerkctl.history import changes_between
    from netzwerkctl.present.changes import wording
    from netzwerkctl.present.problems import clean

    lang = s.network.language
    shown = since or ""
    if since is None:
        since = shown = (s.day - timedelta(days=30)).isoformat()
        try:
            log(s.root, since, 1)
        except GitUnavailable:  # no commit that old: since the first one
            try:
                first = first_commit(s.root)
            except GitUnavailable as exc:
                return ChangesPage(shown, (), (), False, str(exc))
            if first is not None:
                since, day = first
                shown = day.isoformat()
    try:
        found, _after = changes_between(s.root, since, None, reuse=s.reads)
        commits = log(s.root, since)
    except GitUnavailable as exc:
        return ChangesPage(shown, (), (), False, str(exc))
    return ChangesPage(
        shown,
        tuple(wording(c, lang) for c in found),
        tuple(
            CommitLine(c.id, short_date(c.day, lang), clean(c.author), clean(c.subject))
            for c in commits
        ),
        s.version.dirty,
        None,
    )
