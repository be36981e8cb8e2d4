"""Reading with several processes gives exactly what reading with one gives: the same
problems in the same order at the same lines, and the same network."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import BASE, EXAMPLE_NETWORK, TODAY, Files, Symlink
from netzwerkctl import parallel
from netzwerkctl.check import check_network
from netzwerkctl.files import network_files, read_files
from netzwerkctl.load import build_network
from netzwerkctl.rules import run_rules
from test_rules import CASES

PARENT = os.getpid()


@pytest.fixture(autouse=True)
def _no_other_threads() -> None:
    # with another thread running, map_split does everything in this process: these
    # tests would no longer fork at all
    assert threading.active_count() == 1


def _forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pids of the children map_split forks from now on."""
    pids: list[int] = []
    fork = os.fork

    def counted() -> int:
        pid = fork()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counted)
    return pids


def _square(x: int) -> int:
    return x * x


@pytest.mark.parametrize("jobs", [1, 2, 3, 5])
@pytest.mark.parametrize("count", [0, 1, 2, 7, 100])
def test_map_split_is_the_plain_map(jobs: int, count: int, monkeypatch: pytest.MonkeyPatch) -> None:
    forked = _forks(monkeypatch)
    items = list(range(count))
    assert parallel.map_split(_square, items, jobs) == [x * x for x in items]
    chunks = -(-count // -(-count // jobs)) if count >= 2 else 1
    assert len(forked) == (chunks - 1 if jobs > 1 else 0)


def test_with_another_thread_everything_is_done_here(monkeypatch: pytest.MonkeyPatch) -> None:
    forked = _forks(monkeypatch)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert parallel.map_split(_square, list(range(10)), 2) == [x * x for x in range(10)]
    finally:
        stop.set()
        thread.join()
    assert forked == []


def _dies_in_a_child(x: int) -> int:
    if os.getpid() != PARENT:
        os._exit(3)
    return x + 1


def test_a_failing_child_is_made_up_for_by_the_main_process() -> None:
    items = list(range(50))
    assert parallel.map_split(_dies_in_a_child, items, 3) == [x + 1 for x in items]


def _unpicklable_in_a_child(x: int) -> object:
    return (lambda: x) if os.getpid() != PARENT else x


def test_a_result_that_cannot_come_back_is_computed_here() -> None:
    assert parallel.map_split(_unpicklable_in_a_child, list(range(10)), 2) == list(range(10))


def _fails_on_three(x: int) -> int:
    if x == 3:
        raise ValueError("drei")
    return x


def test_an_error_in_the_main_share_is_raised_and_no_child_is_left() -> None:
    with pytest.raises(ValueError, match="drei"):
        parallel.map_split(_fails_on_three, list(range(20)), 2)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # every child was reaped


def test_available_jobs_only_for_large_networks_and_without_threads() -> None:
    assert parallel.available_jobs(10) == 1
    many = parallel.available_jobs(parallel.MIN_ITEMS)
    assert 1 <= many <= 4
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert parallel.available_jobs(parallel.MIN_ITEMS) == 1
    finally:
        stop.set()
        thread.join()


def _files(patch: Files) -> list[tuple[str, bytes | OSError]]:
    merged: dict[str, str | bytes | Symlink | None] = {**BASE, **patch}
    files: list[tuple[str, bytes | OSError]] = []
    for rel, content in sorted(merged.items(), key=lambda kv: (kv[0] != "netzwerk.yaml", kv[0])):
        if isinstance(content, str):
            files.append((rel, content.encode()))
        elif isinstance(content, bytes):
            files.append((rel, content))
    return files


CODES_WITH_FILES = [code for code, (patch, _, _) in sorted(CASES.items()) if _files(patch)]


@pytest.mark.parametrize("code", CODES_WITH_FILES)
def test_every_problem_case_reads_the_same_in_three_processes(
    code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    patch, _, _ = CASES[code]
    files = _files(patch)
    files.append(("partners/weg.yaml", PermissionError(13, "Permission denied")))
    plain = build_network(files, jobs=1)
    forked = _forks(monkeypatch)
    shared = build_network(files, jobs=3)
    assert len(forked) == 2
    assert shared.problems == plain.problems
    assert shared.network == plain.network
    assert run_rules(shared.network, TODAY) == run_rules(plain.network, TODAY)


def test_the_example_reads_the_same_in_two_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    files = read_files(EXAMPLE_NETWORK, network_files(EXAMPLE_NETWORK))
    plain = build_network(files, jobs=1)
    forked = _forks(monkeypatch)
    shared = build_network(files, jobs=2)
    assert len(forked) == 1
    assert shared.problems == plain.problems
    assert shared.network == plain.network


def test_check_shares_the_work_on_a_large_network_with_the_same_result(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_network({**CASES["NW409"][0], **CASES["NW208"][0]})
    plain = check_network(root, date(2022, 1, 1))
    used: list[int] = []
    original = parallel.map_split

    def spy(func: Callable[[object], object], items: list[object], jobs: int) -> list[object]:
        used.append(jobs)
        return original(func, items, jobs)

    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    monkeypatch.setattr(parallel, "map_split", spy)
    forked = _forks(monkeypatch)
    shared = check_network(root, date(2022, 1, 1))
    if parallel.available_jobs(100) > 1:  # a machine with more than one core
        assert used[0] > 1
        assert len(forked) == used[0] - 1
    assert shared.problems == plain.problems
    assert [p.code for p in plain.problems].count("NW409") == 1
