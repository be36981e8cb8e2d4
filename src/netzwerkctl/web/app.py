"""The web view over HTTP: routes, templates, downloads, live updates, safety headers.

Read-only: no route writes a file. Every path segment from a URL is looked up as an id
in the loaded network (never joined to a folder), static files come from a fixed list
in the package, and every response carries a strict Content-Security-Policy (scripts and
stylesheets only from this server, no inline script; only the `style` attributes of
right-aligned table cells in the documents). Requests whose Host is not
the address the server listens on are refused (a page elsewhere cannot read the
network through DNS rebinding), and so are requests another site makes the browser
send (Sec-Fetch-Site).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from netzwerkctl.i18n import Text, cli
from netzwerkctl.web import pages
from netzwerkctl.web.state import LiveNetwork, Snapshot

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cache-Control": "no-store",
}
STATIC = {"style.css": "text/css; charset=utf-8", "live.js": "text/javascript; charset=utf-8"}
MEDIA = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "json": "application/json",
}


class SafetyHeaders:
    """The same headers on every response, errors and downloads included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _value in headers}
                for name, value in HEADERS.items():
                    if name.lower().encode() not in present:
                        headers.append((name.lower().encode(), value.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


class SameOrigin:
    """Refuse what another web site makes the browser ask (`Sec-Fetch-Site:
    cross-site` or `same-site`): a page elsewhere cannot make this server produce PDFs
    or probe which persons exist. Typed addresses, bookmarks and the view's own links
    and scripts (`none`, `same-origin`) and clients without the header pass."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = dict(scope.get("headers", []))
            site = headers.get(b"sec-fetch-site", b"").decode("latin-1").lower()
            if site in ("cross-site", "same-site"):
                response = Response("403", status_code=403, media_type="text/plain")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


@dataclass
class Settings:
    editor: str = pages.DEFAULT_EDITOR
    watch: bool = True
    hosts: list[str] = field(default_factory=lambda: ["127.0.0.1", "localhost"])


def templates(lang: str) -> Any:
    """The web view's own Jinja environment (its templates are not overridable by a
    network: they carry the page's safety), with the words of `lang`."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from netzwerkctl.present.render import date_filters, number_formats

    folder = Path(str(files("netzwerkctl.web") / "templates"))
    env = Environment(
        loader=FileSystemLoader(str(folder)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    words = Text(lang)
    env.install_gettext_translations(words.catalogue, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(number_formats(lang))
    env.filters.update(date_filters(lang))
    env.globals["quote"] = lambda value: quote(str(value), safe="")
    return env


def _year(value: str) -> int | None:
    """A year from a query, or None (not `str.isdigit`: "²" is a digit to it)."""
    return int(value) if re.fullmatch(r"[0-9]{1,4}", value) else None


def create_app(live: LiveNetwork, settings: Settings | None = None) -> Starlette:
    """The web view of one network folder. The routes are plain functions: Starlette
    runs them in its thread pool, so that a slow page (a PDF, the report) never holds
    up the others or the watcher."""
    from netzwerkctl.web import documents
    from netzwerkctl.web import meetings as meeting_pages
    from netzwerkctl.web import partners as partner_pages
    from netzwerkctl.web import projects as project_pages

    settings = settings or Settings()
    envs: dict[str, Any] = {}
    pdf: list[bool] = []  # whether PDFs can be made here, found out once

    def pdf_works() -> bool:
        if not pdf:
            from netzwerkctl.present.pdf import pdf_unavailable

            pdf.append(pdf_unavailable() is None)
        return pdf[0]

    def page(
        request: Request, name: str, s: Snapshot, status: int = 200, **context: Any
    ) -> HTMLResponse:
        lang = s.network.language
        if lang not in envs:
            envs[lang] = templates(lang)
        info = s.network.info
        body = (
            envs[lang]
            .get_template(f"{name}.html.j2")
            .render(
                lang=lang,
                network=info.name if info else s.root.name,
                version=s.version,
                serial=live.version(s),
                failure=live.failure,
                errors=s.errors,
                path=request.url.path,
                search=request.query_params.get("q", "") if name == "search" else "",
                **context,
            )
        )
        return HTMLResponse(body, status_code=status)

    def not_found(request: Request, s: Snapshot | None = None) -> HTMLResponse:
        return page(request, "missing", s or live.current(), 404)

    def today(request: Request) -> Response:
        s = live.current()
        return page(request, "today", s, p=pages.today_page(s))

    def problems(request: Request) -> Response:
        s = live.current()
        return page(request, "problems", s, p=pages.problems_page(s, settings.editor))

    def partners(request: Request) -> Response:
        s = live.current()
        q = request.query_params
        p = partner_pages.partners_page(
            s, q.get("q", ""), q.get("status", ""), q.get("kind", ""), q.get("cluster", "")
        )
        return page(request, "partners", s, p=p)

    def partner(request: Request) -> Response:
        s = live.current()
        p = partner_pages.partner_page(s, request.path_params["id"])
        return page(request, "partner", s, p=p) if p else not_found(request, s)

    def groups(request: Request) -> Response:
        s = live.current()
        return page(request, "groups", s, p=meeting_pages.groups_page(s))

    def group(request: Request) -> Response:
        s = live.current()
        p = meeting_pages.group_page(s, request.path_params["id"])
        return page(request, "group", s, p=p) if p else not_found(request, s)

    def meetings(request: Request) -> Response:
        s = live.current()
        p = meeting_pages.meetings_page(s, _year(request.query_params.get("jahr", "")))
        return page(request, "meetings", s, p=p)

    def meeting(request: Request) -> Response:
        s = live.current()
        try:
            p = meeting_pages.meeting_page(s, request.path_params["id"], pdf_works())
        except DOCUMENT_PROBLEMS as exc:
            return page(request, "failed", s, 503, reason=str(exc))
        return page(request, "meeting", s, p=p) if p else not_found(request, s)

    def download(
        request: Request, s: Snapshot, make: Callable[[], str | bytes], name: str
    ) -> Response:
        # as the command line: nothing made from a network read incompletely — nor
        # from the last complete read while the files as they are now could not be read
        if s.errors or live.failure is not None:
            return page(request, "incomplete", s, 409)
        try:
            data = make()
        except DOCUMENT_PROBLEMS as exc:
            return page(request, "failed", s, 503, reason=str(exc))
        fmt = name.rsplit(".", 1)[1]
        disposition = f"attachment; filename*=UTF-8''{quote(name, safe='')}"
        content = data.encode() if isinstance(data, str) else data
        return Response(
            content, media_type=MEDIA[fmt], headers={"Content-Disposition": disposition}
        )

    def meeting_download(request: Request) -> Response:
        s = live.current()
        mid, doc, fmt = (request.path_params[k] for k in ("id", "doc", "fmt"))
        m = s.network.meetings.get(mid)
        if m is None or doc not in documents.DOCUMENTS or fmt not in documents.FORMATS:
            return not_found(request, s)
        name = documents.DOCUMENTS[doc]
        if not m.has_document(name):
            return not_found(request, s)
        return download(
            request,
            s,
            lambda: documents.meeting_document(s, mid, name, fmt),
            f"{doc}-{mid}.{fmt}",
        )

    def projects(request: Request) -> Response:
        s = live.current()
        return page(request, "projects", s, p=project_pages.projects_page(s))

    def project(request: Request) -> Response:
        s = live.current()
        p = project_pages.project_page(s, request.path_params["id"])
        return page(request, "project", s, p=p) if p else not_found(request, s)

    def market(request: Request) -> Response:
        s = live.current()
        body = documents.market_document(s, request.query_params.get("markt") or None)
        if body is None:
            return not_found(request, s)
        return page(request, "market", s, body=body, markets=documents.markets(s))

    def report(request: Request) -> Response:
        s = live.current()
        years = documents.report_years(s)
        chosen = _year(request.query_params.get("jahr", ""))
        year = chosen if chosen in years else years[0]
        try:
            body = documents.report_body(s, year)
        except DOCUMENT_PROBLEMS as exc:
            return page(request, "failed", s, 503, reason=str(exc))
        formats = [f for f in documents.REPORT_FORMATS if pdf_works() or f != "pdf"]
        return page(request, "report", s, years=years, year=year, body=body, formats=formats)

    def report_download(request: Request) -> Response:
        s = live.current()
        year, fmt = request.path_params["year"], request.path_params["fmt"]
        if year not in documents.report_years(s) or fmt not in documents.REPORT_FORMATS:
            return not_found(request, s)
        return download(
            request, s, lambda: documents.report_document(s, year, fmt), f"bericht-{year}.{fmt}"
        )

    def changes(request: Request) -> Response:
        s = live.current()
        p = documents.changes_page(s, request.query_params.get("seit", "").strip() or None)
        return page(request, "changes", s, p=p)

    def search(request: Request) -> Response:
        s = live.current()
        return page(request, "search", s, p=pages.search_page(s, request.query_params.get("q", "")))

    def person(request: Request) -> Response:
        s = live.current()
        try:
            body = documents.person_document(s, request.path_params["id"])
        except DOCUMENT_PROBLEMS as exc:
            return page(request, "failed", s, 503, reason=str(exc))
        if body is None:
            return not_found(request, s)
        return page(request, "person", s, body=body)

    def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC:
            return not_found(request)
        data = (files("netzwerkctl.web") / "static" / name).read_bytes()
        return Response(data, media_type=STATIC[name], headers={"Cache-Control": "no-cache"})

    def favicon(request: Request) -> Response:
        return Response(status_code=204)  # no icon, and no 404 in the browser's console

    def version(request: Request) -> Response:
        """What an open page asks about once a second: has anything changed? (Asked,
        not pushed: a long-lived connection per tab would soon exhaust the browser's
        six connections to one server.)"""
        s = live.current()  # also reads again after midnight
        return JSONResponse({"version": live.version(s), "errors": s.errors})

    def failed(request: Request, exc: Exception) -> Response:
        """Whatever went wrong inside: a page that says so, with the safety headers
        (Starlette's own error page would have none), and the traceback in the
        terminal for whoever runs the server."""
        import sys
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
        try:
            response: Response = page(request, "failed", live.current(), 500, reason=str(exc))
        except Exception:
            response = Response("500", status_code=500, media_type="text/plain")
        response.headers.update(HEADERS)
        return response

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        task = asyncio.create_task(watch(live)) if settings.watch else None
        try:
            yield
        finally:
            if task:
                task.cancel()

    routes = [
        Route("/", today),
        Route("/probleme", problems),
        Route("/partner", partners),
        Route("/partner/{id}", partner),
        Route("/gruppen", groups),
        Route("/gruppen/{id}", group),
        Route("/sitzungen", meetings),
        Route("/sitzungen/{id}", meeting),
        Route("/sitzungen/{id}/{doc}.{fmt}", meeting_download),
        Route("/projekte", projects),
        Route("/projekte/{id}", project),
        Route("/marktplatz", market),
        Route("/bericht", report),
        Route("/bericht/{year:int}.{fmt}", report_download),
        Route("/aenderungen", changes),
        Route("/suche", search),
        Route("/person/{id}", person),
        Route("/static/{name}", static),
        Route("/favicon.ico", favicon),
        Route("/_version", version),
    ]
    return Starlette(
        routes=routes,
        middleware=[
            Middleware(SafetyHeaders),
            Middleware(TrustedHostMiddleware, allowed_hosts=settings.hosts),
            Middleware(SameOrigin),
        ],
        exception_handlers={404: lambda request, exc: not_found(request), Exception: failed},
        lifespan=lifespan,
    )


def _document_problems() -> tuple[type[Exception], ...]:
    """What stops a document from being made (said on a page, not a traceback)."""
    from netzwerkctl.gitrepo import GitUnavailable
    from netzwerkctl.present.pdf import PdfUnavailable
    from netzwerkctl.present.render import TemplateProblem
    from netzwerkctl.present.word import LetterheadError

    return (TemplateProblem, PdfUnavailable, LetterheadError, GitUnavailable)


DOCUMENT_PROBLEMS = _document_problems()


def is_data(path: str, root: Path, git: Path | None = None) -> bool:
    """A change the view must show: a data file or a template, or a new commit (git's
    HEAD and refs, for the data version) — not git's other bookkeeping, the cache or
    what the commands write (outbox, documents)."""
    from netzwerkctl.files import is_data_file

    changed = Path(path).resolve()
    if git is not None and (changed == git or git in changed.parents):
        rel = changed.relative_to(git).as_posix()
        return rel in ("HEAD", "packed-refs") or rel.startswith("refs/")
    try:
        rel = changed.relative_to(root.resolve()).as_posix()
    except ValueError:
        return False
    if rel.startswith((".git/", ".netzwerkctl/")):
        return False
    return is_data_file(rel) or rel.startswith("templates/") or rel == "netzwerk.yaml"


async def watch(live: LiveNetwork) -> None:
    """Read the network again after every change on disk (an edit, a `git pull`, a
    commit): watchfiles collects a burst of changes into one. Where the system cannot
    watch the folder (too many folders for inotify, a network drive), it looks every
    second instead; either way the terminal says so once."""
    import sys

    from watchfiles import awatch

    from netzwerkctl.gitrepo import enclosing_repository

    root = live.root
    top = enclosing_repository(root)
    git = (top / ".git").resolve() if top is not None and (top / ".git").is_dir() else None
    # the repository's .git inside the network folder is watched with it; one above it
    # (a network in a subfolder of its repository) is watched too
    inside = git is None or root.resolve() in git.parents
    watched = [root] if inside or git is None else [root, git]

    async def follow(polling: bool) -> None:
        async for _changes in awatch(
            *watched,
            watch_filter=lambda _change, path: is_data(path, root, git),
            step=50,
            debounce=800,
            force_polling=polling,
            poll_delay_ms=1000,
        ):
            try:
                await asyncio.to_thread(live.reload)
            except Exception as exc:
                _ = cli()
                message = _(
                    "reading the folder again failed (%(reason)s); the pages show the "
                    "last complete read.",
                    reason=exc,
                )
                sys.stderr.write(f"netzwerkctl: {message}\n")

    try:
        await follow(polling=False)
    except OSError as exc:
        _ = cli()
        message = _(
            "cannot watch the folder (%(reason)s); looking for changes every second instead.",
            reason=exc,
        )
        sys.stderr.write(f"netzwerkctl: {message}\n")
        await follow(polling=True)
