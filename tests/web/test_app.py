"""The web view over HTTP (Starlette's test client, no server): every page, every link,
the downloads byte for byte as the command line writes them, and the safety rules."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

pytest.importorskip("starlette", reason="the extra 'serve' is not installed")
from starlette.testclient import TestClient
from typer.testing import CliRunner

from conftest import EXAMPLE_NETWORK, TODAY
from netzwerkctl.cli import app as cli_app
from netzwerkctl.web.app import Settings, create_app
from netzwerkctl.web.state import LiveNetwork

DAY = date(2022, 9, 1)  # the example's reference day: reminders, planned meetings
PAGES = [
    "/",
    "/probleme",
    "/partner",
    "/gruppen",
    "/sitzungen",
    "/projekte",
    "/marktplatz",
    "/bericht",
    "/aenderungen",
    "/suche",
]


def client_for(root: Path, day: date = DAY, **settings: object) -> TestClient:
    live = LiveNetwork(root, today=lambda: day)
    return TestClient(
        create_app(live, Settings(watch=False, **settings)),  # type: ignore[arg-type]
        base_url="http://127.0.0.1:8000",
    )


@pytest.fixture(scope="module")
def example_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("web") / "stadt-bocholt"
    shutil.copytree(EXAMPLE_NETWORK, copy, ignore=shutil.ignore_patterns(".netzwerkctl"))
    return copy


@pytest.fixture(scope="module")
def client(example_copy: Path) -> Iterator[TestClient]:
    with client_for(example_copy) as c:
        yield c


def links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_answers_in_german_with_the_frame(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    html = response.text
    assert '<html lang="de">' in html
    assert "Engagierte Stadt Bocholt" in html  # the network's name
    assert "Datenstand" in html or "git" in html  # the data version
    assert 'action="/suche"' in html  # the search box
    for word in ("Heute", "Probleme", "Partner", "Gruppen", "Sitzungen", "Bericht"):
        assert f">{word}<" in html
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert (
        "unsafe-inline"
        not in response.headers["content-security-policy"].split("style-src-attr")[0]
    )
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"
    assert "<script>" not in html  # no inline script: the CSP would refuse it


def crawl(client: TestClient) -> dict[str, str]:
    """Every page reachable from the navigation (documents to download aside)."""
    seen: dict[str, str] = {}
    todo = list(PAGES)
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        response = client.get(path)
        assert response.status_code == 200, path
        seen[path] = response.text
        for link in links(response.text):
            target = urlsplit(link)
            if target.scheme or target.netloc or link.startswith("#"):
                continue
            if re.search(r"\.(md|html|pdf|docx|json)$", target.path) or target.path.startswith(
                "/static/"
            ):
                continue
            todo.append(link.replace("&amp;", "&"))
    return seen


def test_every_link_between_the_pages_leads_to_a_page(client: TestClient) -> None:
    seen = crawl(client)
    kinds = {p.split("/")[1] for p in seen if p.count("/") == 2}
    assert {"partner", "gruppen", "sitzungen", "projekte"} <= kinds
    # the Art. 15 view is reached only by an explicit search, never from a list
    assert not any(p.startswith("/person/") for p in seen)
    assert not any('href="/person/' in html for path, html in seen.items() if path != "/suche")


def test_today_lists_the_reminders_by_person_with_links(client: TestClient) -> None:
    html = client.get("/").text
    assert "Heute, Donnerstag, 1. September 2022" in html
    assert re.search(r'<a href="/sitzungen/[^"]+">', html)
    assert 'class="overdue"' in html


def test_a_search_finds_partners_persons_meetings_and_tasks(client: TestClient) -> None:
    html = client.get("/suche", params={"q": "Schulte"}).text
    assert "Maria Schulte" in html
    person = re.search(r'href="(/person/[^"]+)"', html)
    assert person is not None
    letter = client.get(person.group(1)).text
    assert "Art. 15" in letter and "Maria Schulte" in letter
    assert "Bildung" in client.get("/suche", params={"q": "bildung"}).text
    assert "Nichts gefunden" in client.get("/suche", params={"q": "zzzqqq"}).text


def test_partners_are_filtered_by_status_and_searched(client: TestClient) -> None:
    everyone = client.get("/partner").text
    active = client.get("/partner", params={"status": "active"}).text
    assert everyone.count("<tr>") > active.count("<tr>") > 1
    assert "aktiv" in active
    found = client.get("/partner", params={"q": "volkshochschule"}).text
    assert "Volkshochschule" in found and found.count("<tr>") < active.count("<tr>")


def meeting_with_minutes(client: TestClient) -> str:
    html = client.get("/sitzungen", params={"jahr": "2021"}).text
    ids = re.findall(r'href="/sitzungen/([^"/?]+)"', html)
    for mid in ids:
        if "/protokoll.md" in client.get(f"/sitzungen/{mid}").text:
            return unquote(mid)
    raise AssertionError("no meeting with minutes in 2021")


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_downloads_are_the_bytes_the_command_line_writes(
    client: TestClient, example_copy: Path, tmp_path: Path, fmt: str
) -> None:
    mid = meeting_with_minutes(client)
    for doc, command in (("einladung", "agenda"), ("protokoll", "minutes"), ("anwesenheit", "attendance")):  # fmt: skip
        response = client.get(f"/sitzungen/{mid}/{doc}.{fmt}")
        assert response.status_code == 200, (doc, fmt)
        assert f"{doc}-{mid}.{fmt}" in response.headers["content-disposition"]
        out = tmp_path / f"{doc}.{fmt}"
        result = CliRunner().invoke(
            cli_app,
            ["-C", str(example_copy), command, mid, "--today", DAY.isoformat(), "-o", str(out)],
        )
        assert result.exit_code == 0, result.output
        assert response.content == out.read_bytes(), (doc, fmt)


def test_a_cancelled_meeting_offers_no_attendance_list(make_network: Callable[..., Path]) -> None:
    """As on the command line: no sheet to sign for a meeting that does not take place,
    neither offered on its page nor served."""
    cancelled = "group: ag\ndate: 2021-06-02\nstart: '18:00'\nstatus: cancelled\n"
    root = make_network({"meetings/2021/2021-06-02-ag.yaml": cancelled})
    with client_for(root, TODAY) as c:
        html = c.get("/sitzungen/2021-06-02-ag").text
        assert "/einladung.md" in html and "/anwesenheit." not in html
        assert c.get("/sitzungen/2021-06-02-ag/anwesenheit.md").status_code == 404
        assert c.get("/sitzungen/2021-06-02-ag/einladung.md").status_code == 200


def test_the_report_page_shows_charts_and_offers_every_format(client: TestClient) -> None:
    html = client.get("/bericht", params={"jahr": "2021"}).text
    assert "<svg" in html
    for fmt in ("md", "html", "pdf", "docx", "json"):
        assert f'href="/bericht/2021.{fmt}"' in html
    data = client.get("/bericht/2021.json")
    assert data.status_code == 200 and data.json()["year"] == 2021


def test_problems_link_to_their_line_and_downloads_stop_on_errors(
    make_network: Callable[..., Path],
) -> None:
    root = make_network({"partners/kaputt.yaml": "name: Kaputt\nkind: bank\nstatus: aktiv\n"})
    with client_for(root, TODAY) as c:
        html = c.get("/probleme").text
        assert "partners/kaputt.yaml" in html
        target = (root / "partners" / "kaputt.yaml").resolve().as_posix()
        assert f'href="vscode://file/{target}:3:' in html
        assert "3 | status: aktiv" in html  # the quoted line
        assert re.search(r'class="badge">\d+<', html)  # the count in the navigation
        download = c.get("/sitzungen/2021-03-15-ag/protokoll.md")
        assert download.status_code == 409
        assert "Das Netzwerk hat Fehler" in download.text
        assert "Porto klären" in c.get("/sitzungen/2021-03-15-ag").text  # pages still show


def test_the_editor_link_is_configurable(make_network: Callable[..., Path]) -> None:
    root = make_network({"partners/kaputt.yaml": "name: Kaputt\nkind: bank\nstatus: aktiv\n"})
    editor = "pycharm://open?file={path}&line={line}"
    with client_for(root, TODAY, editor=editor) as c:
        assert "pycharm://open?file=" in c.get("/probleme").text


def test_a_network_without_problems_shows_green(make_network: Callable[..., Path]) -> None:
    with client_for(make_network(), TODAY) as c:
        assert 'id="all-clear"' in c.get("/probleme").text


def test_data_is_escaped_everywhere(make_network: Callable[..., Path]) -> None:
    evil = "<script>alert(1)</script>"
    root = make_network(
        {"partners/boese.yaml": f'name: "{evil}"\nkind: bank\nstatus: active\njoined: 2016-01-01\n'}
    )
    with client_for(root, TODAY) as c:
        for path in ("/partner", "/partner/boese", "/suche?q=alert"):
            html = c.get(path).text
            assert evil not in html
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    "path",
    [
        "/partner/..%2F..%2Fetc%2Fpasswd",
        "/static/..%2F..%2F..%2Fpyproject.toml",
        "/static/nichts.css",
        "/sitzungen/2021-03-15-ag/..%2F..%2Fnetzwerk.yaml",
        "/sitzungen/2021-03-15-ag/protokoll.exe",
        "/sitzungen/gibt-es-nicht",
        "/bericht/1999.html",
        "/person/gibt-es-nicht",
        "/gibt-es-nicht",
    ],
)
def test_no_url_reaches_outside_the_network(make_network: Callable[..., Path], path: str) -> None:
    with client_for(make_network(), TODAY) as c:
        response = c.get(path)
        assert response.status_code == 404
        assert "Nicht gefunden" in response.text
        assert response.headers["content-security-policy"]


def test_a_foreign_host_name_is_refused(make_network: Callable[..., Path]) -> None:
    """DNS rebinding: a page on evil.example that resolves to 127.0.0.1 gets nothing."""
    with client_for(make_network(), TODAY) as c:
        assert c.get("/", headers={"host": "evil.example:8000"}).status_code == 400
        assert c.get("/", headers={"host": "localhost:8000"}).status_code == 200


def test_no_route_writes(make_network: Callable[..., Path]) -> None:
    root = make_network()
    before = sorted((p, p.read_bytes()) for p in root.rglob("*") if p.is_file())
    with client_for(root, TODAY) as c:
        for path in PAGES:
            assert c.post(path).status_code == 405
            c.get(path)
    after = sorted((p, p.read_bytes()) for p in root.rglob("*") if p.is_file())
    assert before == after


def test_an_english_network_gets_english_pages(make_network: Callable[..., Path]) -> None:
    from conftest import BASE

    root = make_network(
        {"netzwerk.yaml": BASE["netzwerk.yaml"].replace("language: de", "language: en")}
    )
    with client_for(root, TODAY) as c:
        html = c.get("/").text
        assert '<html lang="en">' in html and ">Today<" in html and ">Problems<" in html


def test_another_site_cannot_make_the_browser_ask(make_network: Callable[..., Path]) -> None:
    """A page elsewhere cannot have PDFs made or probe who is in the network."""
    with client_for(make_network(), TODAY) as c:
        for site in ("cross-site", "same-site"):
            assert c.get("/person/anna", headers={"sec-fetch-site": site}).status_code == 403
        for site in ("same-origin", "none"):
            assert c.get("/person/anna", headers={"sec-fetch-site": site}).status_code == 200
        response = c.get("/")
        assert response.headers["cross-origin-resource-policy"] == "same-origin"


@pytest.mark.parametrize(
    "query",
    ["/sitzungen?jahr=²", "/bericht?jahr=²", "/bericht?jahr=" + "9" * 5000, "/sitzungen?jahr=-1"],
)
def test_odd_years_in_a_query_show_a_page(make_network: Callable[..., Path], query: str) -> None:
    with client_for(make_network(), TODAY) as c:
        assert c.get(query).status_code == 200


def test_an_unknown_marketplace_is_not_found(make_network: Callable[..., Path]) -> None:
    with client_for(make_network(), TODAY) as c:
        assert c.get("/marktplatz", params={"markt": "gibt-es-nicht"}).status_code == 404


def test_an_internal_error_is_a_page_with_the_safety_headers(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from netzwerkctl.web import pages

    def broken(*args: object) -> None:
        raise RuntimeError("etwas ging schief")

    monkeypatch.setattr(pages, "today_page", broken)
    live = LiveNetwork(make_network(), today=lambda: TODAY)
    app = create_app(live, Settings(watch=False))
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        response = c.get("/")
    assert response.status_code == 500
    assert "etwas ging schief" in response.text and "Traceback" not in response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_a_person_is_found_by_e_mail_address_too(make_network: Callable[..., Path]) -> None:
    with client_for(make_network(), TODAY) as c:
        assert 'href="/person/anna"' in c.get("/suche", params={"q": "anna@example.org"}).text
