"""The web view in a real browser: Debian's Chromium, driven by Playwright's Python
client (no browser is downloaded). Every page opens without a console error (a
Content-Security-Policy violation is one), links are followed, an edit on disk
reaches the open page by itself, and a problem links to its line.

Skipped only where no Chromium or no Playwright is installed (`.ci/run` installs
Debian's chromium, the test extra installs Playwright); the HTTP tests in
test_app.py cover every page either way.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import CHROMIUM_FLAGS, EXAMPLE_NETWORK
from web.serving import server

BROWSER = next(
    (shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)),
    None,
)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium installed")
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")

NAVIGATION = [
    "Heute",
    "Probleme",
    "Partner",
    "Gruppen",
    "Sitzungen",
    "Projekte",
    "Marktplatz",
    "Bericht",
    "Änderungen",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=BROWSER, args=CHROMIUM_FLAGS, headless=True
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    opened = context.new_page()
    opened.errors = []
    opened.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: opened.errors.append(str(e)))
    yield opened
    context.close()


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "stadt-bocholt"
    shutil.copytree(EXAMPLE_NETWORK, copy, ignore=shutil.ignore_patterns(".netzwerkctl"))
    return copy


def test_every_page_opens_from_the_navigation_without_errors(page: Any, example_copy: Path) -> None:
    with server(example_copy, "--today", "2022-09-01") as (_proc, url):
        page.goto(url)
        for word in NAVIGATION:
            page.get_by_role("navigation").get_by_role("link", name=word, exact=True).click()
            page.wait_for_load_state()
            current = page.locator("nav.main a[aria-current=page]")
            assert current.inner_text().startswith(word)
            assert page.locator("header.top .name").inner_text() == "Engagierte Stadt Bocholt"
        assert page.errors == []


def test_links_lead_from_today_to_a_meeting_and_its_documents(
    page: Any, example_copy: Path
) -> None:
    with server(example_copy, "--today", "2022-09-01") as (_proc, url):
        page.goto(url)
        page.locator("main table a[href^='/sitzungen/']").first.click()
        page.wait_for_load_state()
        assert page.url.startswith(url + "sitzungen/")
        assert page.locator("h2", has_text="Dokumente").count() == 1
        with page.expect_download() as download:
            page.locator(".downloads a", has_text="MD").first.click()
        assert download.value.suggested_filename.startswith("einladung-")
        page.get_by_role("link", name=page.locator("dl.facts a").first.inner_text()).click()
        page.wait_for_load_state()
        assert page.url.startswith(url + "gruppen/")
        assert page.errors == []


def test_the_partner_list_filters_and_the_search_finds_a_person(
    page: Any, example_copy: Path
) -> None:
    with server(example_copy, "--today", "2022-09-01") as (_proc, url):
        page.goto(url + "partner")
        rows = page.locator("main table tbody tr").count()
        page.select_option("form.filters select[name=status]", "active")
        page.wait_for_url("**/partner?*status=active*")
        assert 0 < page.locator("main table tbody tr").count() < rows
        page.fill("header.top input[type=search]", "Schulte")
        page.press("header.top input[type=search]", "Enter")
        page.wait_for_url("**/suche?q=Schulte")
        page.locator("a[href^='/person/']").first.click()
        page.wait_for_load_state()
        assert "Art. 15" in page.content()
        assert page.errors == []


def test_an_edit_on_disk_updates_the_open_page(
    page: Any, make_network: Callable[..., Path]
) -> None:
    root = make_network()
    bank = root / "partners" / "bank.yaml"
    with server(root, "--today", "2022-01-01") as (_proc, url):
        page.goto(url + "partner/bank")
        assert page.locator("h1").inner_text() == "Volksbank Teststadt"
        bank.write_text(bank.read_text().replace("Volksbank", "Raiffeisenbank"), encoding="utf-8")
        # no reload by the test: the page reloads itself when the server says so
        page.locator("h1", has_text="Raiffeisenbank Teststadt").wait_for(timeout=30_000)
        assert page.errors == []


def test_a_problem_links_to_its_line_and_the_page_turns_green(
    page: Any, make_network: Callable[..., Path]
) -> None:
    root = make_network()
    bank = root / "partners" / "bank.yaml"
    good = bank.read_text()
    with server(root, "--today", "2022-01-01") as (_proc, url):
        page.goto(url + "probleme")
        assert page.locator("#all-clear").count() == 1
        bank.write_text(good.replace("status: active", "status: aktiv"), encoding="utf-8")
        link = page.locator("a.editor", has_text="partners/bank.yaml")
        link.first.wait_for(timeout=30_000)
        target = bank.resolve().as_posix()
        line = good.splitlines().index("status: active") + 1
        assert link.first.get_attribute("href").startswith(f"vscode://file/{target}:{line}:")
        assert page.locator(".problem pre", has_text="status: aktiv").count() >= 1
        bank.write_text(good, encoding="utf-8")
        page.locator("#all-clear").wait_for(timeout=30_000)
        assert page.errors == []
