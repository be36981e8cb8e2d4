"""The HTML report in a real headless Chromium: it renders, with its charts, without
console errors, at phone width, and prints to PDF.

Skipped only where no Chromium is installed (`.ci/run` installs Debian's package).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CHROMIUM_FLAGS
from netzwerkctl.cli import app

EXAMPLE = Path(__file__).parents[1] / "examples" / "stadt-bocholt"
BROWSER = next(
    (b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None
)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium installed")


def chromium(tmp_path: Path, page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Headless Chromium with no network and a fresh profile; console messages go to stderr."""
    assert BROWSER is not None
    flags = [
        "--headless",
        *CHROMIUM_FLAGS,
        f"--user-data-dir={tmp_path / 'profile'}",
        "--enable-logging=stderr",
        "--v=0",
    ]
    return subprocess.run(
        [BROWSER, *flags, *args, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def console_messages(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def test_the_harness_sees_console_errors(tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.html"
    broken.write_text(
        "<!DOCTYPE html><p>x</p><script>console.error('kaputt')</script>", encoding="utf-8"
    )
    result = chromium(tmp_path, broken, "--dump-dom")
    assert any("kaputt" in m for m in console_messages(result.stderr))


def test_report_renders_with_charts_and_no_console_errors(tmp_path: Path, example: Path) -> None:
    page = tmp_path / "bericht.html"
    result = CliRunner().invoke(app, ["-C", str(example), "report", "2021", "-o", str(page)])
    assert result.exit_code == 0
    dom = chromium(tmp_path, page, "--dump-dom")
    assert dom.returncode == 0
    assert console_messages(dom.stderr) == []
    assert dom.stdout.count("<svg") == 5 and dom.stdout.count("<rect") > 20
    assert "<h1>Engagementbericht 2021</h1>" in dom.stdout
    shot = tmp_path / "telefon.png"
    phone = chromium(
        tmp_path, page, "--window-size=390,2000", f"--screenshot={shot}", "--hide-scrollbars"
    )
    assert phone.returncode == 0 and console_messages(phone.stderr) == []
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    pdf = tmp_path / "bericht.pdf"
    printed = chromium(tmp_path, page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert printed.returncode == 0 and pdf.read_bytes().startswith(b"%PDF")
    assert pdf.read_bytes().count(b"/Type /Page") - pdf.read_bytes().count(b"/Type /Pages") >= 3
