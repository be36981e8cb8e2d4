"""The pictures of docs/serve.md: the main pages of `netzwerkctl serve` on the example
network, taken in headless Chromium (Debian's, driven by Playwright).

    python scripts/serve_screenshots.py      # writes docs/images/serve-*.png

Run it again after a change to the pages; the pictures are committed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TOP = Path(__file__).resolve().parents[1]
EXAMPLE = TOP / "examples" / "stadt-bocholt"
IMAGES = TOP / "docs" / "images"
PAGES = {  # the page with the problem last: the others show the intact network
    "heute": "",
    "partner": "partner",
    "sitzung": "sitzungen/2021-03-15-ag-bildung",
    "bericht": "bericht?jahr=2021",
    "probleme": "probleme",
}
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    from playwright.sync_api import sync_playwright

    browser_path = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser_path is None:
        raise SystemExit("no Chromium installed")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "stadt-bocholt"
        shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".netzwerkctl"))
        # a repository of its own, so that the pages show a data version
        env = {
            "GIT_AUTHOR_NAME": "Freiwilligenagentur Bocholt",
            "GIT_AUTHOR_EMAIL": "info@example.org",
            "GIT_AUTHOR_DATE": "2022-08-31T17:00:00+02:00",
            "GIT_COMMITTER_NAME": "Freiwilligenagentur Bocholt",
            "GIT_COMMITTER_EMAIL": "info@example.org",
            "GIT_COMMITTER_DATE": "2022-08-31T17:00:00+02:00",
        }
        for step in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "Stand August"]):
            subprocess.run(["git", "-C", str(root), *step], check=True, env={**os.environ, **env})
        command = [sys.executable, "-m", "netzwerkctl", "-C", str(root), "serve", "--port", "0"]
        proc = subprocess.Popen(
            [*command, "--today", "2022-09-01"], stdout=subprocess.PIPE, text=True
        )
        try:
            assert proc.stdout is not None
            found = re.search(r"http://127\.0\.0\.1:\d+/", proc.stdout.readline())
            if not found:
                raise SystemExit("the server did not start")
            url = found.group(0)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=browser_path, args=FLAGS)
                page = browser.new_page(viewport={"width": 1200, "height": 800})
                for name, path in PAGES.items():
                    if name == "probleme":  # one typo, to show what the page does
                        partner = root / "partners" / "tierheim-bocholt.yaml"
                        text = partner.read_text(encoding="utf-8")
                        partner.write_text(
                            text.replace("status: active", "status: aktiv", 1), encoding="utf-8"
                        )
                        page.goto(url + path)
                        page.locator("a.editor").first.wait_for(timeout=30_000)
                    else:
                        page.goto(url + path)
                    page.wait_for_load_state()
                    page.screenshot(path=str(IMAGES / f"serve-{name}.png"))
                    print(f"docs/images/serve-{name}.png")
                    if name == "probleme":
                        partner.write_text(text, encoding="utf-8")
                browser.close()
        finally:
            proc.terminate()
            proc.wait()


if __name__ == "__main__":
    main()
