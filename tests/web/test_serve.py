"""`netzwerkctl serve` as a real server on 127.0.0.1: it announces its address, pushes a
change on disk to an open page, survives a broken file, keeps its memory flat over
many edits and runs with the cycle collector on."""

from __future__ import annotations

import gc
import itertools
import re
import shutil
import socket
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLE_NETWORK
from netzwerkctl.cli import app
from web.serving import server

pytest.importorskip("uvicorn", reason="the extra 'serve' is not installed")


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:
        return str(response.read().decode("utf-8"))


def version(url: str) -> str:
    """What an open page asks once a second: the version of what the server shows."""
    import json

    return str(json.loads(get(url + "_version"))["version"])


def wait_for(condition: Callable[[], bool]) -> None:
    """Until the condition holds; a generous bound only against hanging, not a timing."""
    import time

    end = time.monotonic() + 60
    while not condition():
        assert time.monotonic() < end, "the server did not read the change"
        time.sleep(0.05)


def test_an_edit_reaches_an_open_page_and_a_broken_file_does_not_stop_the_server(
    make_network: Callable[..., Path],
) -> None:
    root = make_network()
    bank = root / "partners" / "bank.yaml"
    with server(root, "--today", "2022-01-01") as (_proc, url):
        page = get(url + "partner/bank")
        assert "Volksbank Teststadt" in page
        shown = re.search(r'data-serial="([^"]+)"', page)
        assert shown and shown.group(1) == version(url)  # the page knows what it shows
        bank.write_text(bank.read_text().replace("Volksbank", "Raiffeisenbank"), encoding="utf-8")
        wait_for(lambda: version(url) != shown.group(1))  # the open page would reload now
        assert "Raiffeisenbank Teststadt" in get(url + "partner/bank")
        before = version(url)
        bank.write_text("name: [kaputt\n", encoding="utf-8")
        wait_for(lambda: version(url) != before)
        problems = get(url + "probleme")
        assert "partners/bank.yaml" in problems
        assert "Heute" in get(url)  # every page still answers


def rss_kib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    found = re.search(r"VmRSS:\s+(\d+) kB", status)
    assert found
    return int(found.group(1))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_memory_stays_flat_over_many_edits(tmp_path: Path) -> None:
    """The example network edited 40 times, each time read again and pages asked for:
    after the first rounds the server's memory stays where it was. (Measured before
    the server collected each old read's cycles at once: +0.2 MB a round until the
    collector's next full run, and without the collector, as the one-shot commands
    run, +0.2 MB a round for ever.) One step of a few MB is the allocator taking a new
    arena, not a leak: the median step must be zero."""
    root = tmp_path / "stadt-bocholt"
    shutil.copytree(EXAMPLE_NETWORK, root, ignore=shutil.ignore_patterns(".netzwerkctl"))
    partner = sorted((root / "partners").glob("*.yaml"))[0]
    original = partner.read_text(encoding="utf-8")
    samples: list[int] = []
    with server(root, "--today", "2022-09-01") as (proc, url):
        for round_ in range(40):
            before = version(url)
            partner.write_text(original + f"notes: Runde {round_}\n", encoding="utf-8")
            wait_for(lambda before=before: version(url) != before)  # type: ignore[misc]
            for page in ("", "partner", "gruppen", "bericht", "sitzungen"):
                get(url + page)
            samples.append(rss_kib(proc.pid))
    steps = sorted(b - a for a, b in itertools.pairwise(samples[10:]))
    assert steps[len(steps) // 2] <= 16, samples  # KiB: no steady growth
    assert max(samples[-10:]) - max(samples[5:10]) <= 8192, samples


def test_serve_runs_with_the_cycle_collector_on(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The one-shot commands switch the collector off (cli.main); a server that reads
    the network again for hours must not inherit that."""
    import uvicorn

    seen: dict[str, Any] = {}

    def run(self: Any, sockets: list[socket.socket]) -> None:
        seen["gc"] = gc.isenabled()
        for s in sockets:
            s.close()

    monkeypatch.setattr(uvicorn.Server, "run", run)
    gc.disable()
    try:
        result = CliRunner().invoke(app, ["-C", str(make_network()), "serve", "--port", "0"])
    finally:
        gc.enable()
    assert result.exit_code == 0, result.output
    assert seen["gc"] is True


def test_a_port_in_use_is_a_sentence(make_network: Callable[..., Path]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["-C", str(make_network()), "serve", "--port", str(port)])
    assert result.exit_code == 2
    assert "Port" in result.stderr and "--port" in result.stderr
    assert "Traceback" not in result.output


def test_another_address_is_served_only_when_asked_and_with_a_warning(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    bound: list[str] = []

    def run(self: Any, sockets: list[socket.socket]) -> None:
        bound.extend(s.getsockname()[0] for s in sockets)
        for s in sockets:
            s.close()

    monkeypatch.setattr(uvicorn.Server, "run", run)
    root = make_network()
    quiet = CliRunner().invoke(app, ["-C", str(root), "serve", "--port", "0"])
    assert bound == ["127.0.0.1"] and "Anmeldung" not in quiet.stderr
    loud = CliRunner().invoke(app, ["-C", str(root), "serve", "--port", "0", "--host", "0.0.0.0"])
    assert bound[-1] == "0.0.0.0"
    assert "keine Anmeldung" in loud.stderr


def test_without_the_extra_the_command_says_what_to_install(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if not installed
    result = CliRunner().invoke(app, ["-C", str(make_network()), "serve"])
    assert result.exit_code == 2
    assert 'pip install "netzwerkctl[serve]"' in result.stderr


def test_a_url_error_is_no_page() -> None:
    """The harness itself: a refused connection raises (the tests above would fail)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(urllib.error.URLError):
        get(f"http://127.0.0.1:{port}/")


def test_an_editor_template_with_unknown_placeholders_is_refused(
    make_network: Callable[..., Path],
) -> None:
    result = CliRunner().invoke(
        app, ["-C", str(make_network()), "serve", "--editor", "subl://{file}:{row}"]
    )
    assert result.exit_code == 2
    assert "--editor" in result.stderr and "{path}" in result.stderr
