"""The snapshot the web view holds: read again after a change, parsing only what
changed, never broken by a file with an error, and equal to a fresh `check`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import TODAY
from netzwerkctl import load
from netzwerkctl.check import check_network
from netzwerkctl.web.state import LiveNetwork


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files parsed (in this process: the web view never forks, it has threads)."""
    seen: list[str] = []
    original = load._read_file

    def counting(item: tuple[Any, str, Any]) -> Any:
        seen.append(item[1])
        return original(item)

    monkeypatch.setattr(load, "_read_file", counting)
    monkeypatch.setenv("NETZWERKCTL_JOBS", "1")
    return seen


def test_a_reload_parses_only_the_changed_file(
    make_network: Callable[..., Path], parsed: list[str]
) -> None:
    root = make_network()
    live = LiveNetwork(root, today=lambda: TODAY)
    first = live.current()
    assert len(parsed) == first.files
    parsed.clear()
    bank = root / "partners" / "bank.yaml"
    bank.write_text(bank.read_text().replace("Volksbank", "Sparkasse"), encoding="utf-8")
    second = live.reload()
    assert parsed == ["partners/bank.yaml"]
    assert second.serial == first.serial + 1
    assert second.network.partners["bank"].name == "Sparkasse Teststadt"
    fresh = check_network(root, TODAY)
    assert list(second.problems) == fresh.problems
    assert second.network.partners == fresh.network.partners


def test_a_broken_file_becomes_a_problem_and_the_rest_stays(
    make_network: Callable[..., Path],
) -> None:
    root = make_network()
    live = LiveNetwork(root, today=lambda: TODAY)
    bank = root / "partners" / "bank.yaml"
    good = bank.read_bytes()
    bank.write_text("name: [unclosed\n", encoding="utf-8")
    broken = live.reload()
    assert broken.errors >= 1
    assert any(p.file == "partners/bank.yaml" for p in broken.problems)
    assert "fa" in broken.network.partners  # the others are still there
    bank.write_bytes(good)
    assert live.reload().errors == 0


def test_a_new_day_reads_again(make_network: Callable[..., Path]) -> None:
    days = [TODAY]
    live = LiveNetwork(make_network(), today=lambda: days[0])
    first = live.current()
    assert live.current() is first  # same day: the same snapshot
    days[0] = date(2022, 1, 2)
    later = live.current()
    assert later.day == date(2022, 1, 2) and later.serial == first.serial + 1


def test_a_failed_read_keeps_the_last_one_and_says_so(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing lost quietly: if reading again failed (it should not, check survives
    every file), the view keeps the last complete read and every page says why."""
    pytest.importorskip("starlette", reason="the extra 'serve' is not installed")
    from starlette.testclient import TestClient

    from netzwerkctl import check
    from netzwerkctl.web.app import Settings, create_app

    live = LiveNetwork(make_network(), today=lambda: TODAY)
    before, version = live.current(), live.version()

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise MemoryError("kein Speicher mehr")

    monkeypatch.setattr(check, "check_files", broken)
    with pytest.raises(MemoryError):
        live.reload()
    assert live.current() is before
    assert live.version() != version  # the open page learns of it
    client = TestClient(create_app(live, Settings(watch=False)), base_url="http://127.0.0.1")
    assert "kein Speicher mehr" in client.get("/").text
    # a document from the last complete read could be sent out as current: none is made
    assert client.get("/bericht/2021.md").status_code == 409
    monkeypatch.undo()
    live.reload()
    assert live.failure is None and 'id="failure"' not in client.get("/").text
    assert client.get("/bericht/2021.md").status_code == 200
