"""Reading with several processes gives exactly what reading with one gives: the same
problems in the same order at the same lines, and the same network."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import BASE, EXAMPLE_NETWORK, TODAY, Files, Symlink
from netzwerkctl import load, parallel
from netzwerkctl.check import check_network
from netzwerkctl.files import Kind, network_files, read_files
from netzwerkctl.load import build_network
from netzwerkctl.rules import run_rules
from test_rules import CASES

PARENT = os.getpid()
# netzwerkctl forks only on Linux; elsewhere build_network reads in one process
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")


@pytest.fixture(autouse=True)
def _no_other_threads() -> None:
    # with another thread running, map_split does everything in this process: these
    # tests would no longer fork at all. A thread of an earlier test (a mail server
    # being stopped) may still be ending: give it a few seconds.
    deadline = time.monotonic() + 5
    while threading.active_count() > 1 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert threading.active_count() == 1, [t.name for t in threading.enumerate()]


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


def _whoami(x: int) -> tuple[int, int]:
    return x, os.getpid()


def test_the_children_results_are_used(monkeypatch: pytest.MonkeyPatch) -> None:
    forked = _forks(monkeypatch)
    killed = _kills(monkeypatch)
    results = parallel.map_split(_whoami, list(range(9)), 3)
    assert [x for x, _ in results] == list(range(9))
    assert [pid for _, pid in results] == [PARENT] * 3 + [forked[0]] * 3 + [forked[1]] * 3
    assert killed == []  # children that delivered are reaped, never killed
    _no_child_left()


def _kills(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    killed: list[int] = []
    kill = os.kill

    def recorded(pid: int, sig: int) -> None:
        killed.append(pid)
        kill(pid, sig)

    monkeypatch.setattr(os, "kill", recorded)
    return killed


def _no_child_left() -> None:
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)
    assert _open_fds() == FDS  # and no pipe left open


def _open_fds() -> set[str]:
    return {fd.name for fd in Path("/proc/self/fd").iterdir()} - {"0", "1", "2"}


FDS: set[str] = set()


@pytest.fixture(autouse=True)
def _fds_before() -> None:
    FDS.clear()
    FDS.update(_open_fds())


def test_without_a_second_pipe_the_main_process_does_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pipe = os.pipe
    calls = 0

    def only_one() -> tuple[int, int]:
        nonlocal calls
        calls += 1
        if calls > 1:
            raise OSError(24, "Too many open files")
        return pipe()

    monkeypatch.setattr(os, "pipe", only_one)
    results = parallel.map_split(_whoami, list(range(9)), 3)
    assert [x for x, _ in results] == list(range(9))
    assert [pid == PARENT for _, pid in results] == [True] * 3 + [False] * 3 + [True] * 3
    _no_child_left()


def test_an_interrupt_while_collecting_stops_and_reaps_every_child(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def interrupted(self: object, expected: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(parallel._Child, "collect", interrupted)
    killed = _kills(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        parallel.map_split(_slow, list(range(30)), 3)
    assert len(killed) == 2  # both were still at work
    _no_child_left()


def _slow(x: int) -> int:
    if os.getpid() != PARENT:
        time.sleep(30)  # stopped long before
    return x


def test_a_child_reaped_by_someone_else_counts_as_failed(monkeypatch: pytest.MonkeyPatch) -> None:
    forked = _forks(monkeypatch)
    waitpid = os.waitpid

    def gone(pid: int, options: int) -> tuple[int, int]:
        waitpid(pid, options)  # as the system does with SIGCHLD ignored
        raise ChildProcessError(10, "No child processes")

    monkeypatch.setattr(os, "waitpid", gone)
    results = parallel.map_split(_whoami, list(range(4)), 2)
    assert results == [(x, PARENT) for x in range(4)]
    assert len(forked) == 1
    monkeypatch.undo()
    _no_child_left()


def test_with_sigchld_ignored_nothing_is_forked(monkeypatch: pytest.MonkeyPatch) -> None:
    forked = _forks(monkeypatch)
    previous = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:
        assert parallel.available_jobs(parallel.MIN_ITEMS) == 1
        assert parallel.map_split(_square, list(range(10)), 2) == [x * x for x in range(10)]
    finally:
        signal.signal(signal.SIGCHLD, previous)
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
    _no_child_left()


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


def _count_reads_here(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many files the main process reads from now on (a child counts in its copy)."""
    count = [0]
    original = load._read_file

    def counted(item: tuple[Kind, str, bytes | OSError]) -> object:
        if os.getpid() == PARENT:
            count[0] += 1
        return original(item)

    monkeypatch.setattr(load, "_read_file", counted)
    return count


@pytest.mark.parametrize(
    ("limit", "expected"),
    [("max 100000\n", 2), ("100000 100000\n", 1), ("150000 100000\n", 1), ("kaputt", 2)],
)
def test_a_container_cpu_limit_is_respected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: str, expected: int
) -> None:
    cpu_max = tmp_path / "cpu.max"
    cpu_max.write_text(limit, encoding="ascii")
    monkeypatch.setattr(parallel, "CPU_MAX", str(cpu_max))
    monkeypatch.setattr(parallel, "_load", lambda: 0.0)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert parallel.available_jobs(parallel.MIN_ITEMS) == expected


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
    read_here = _count_reads_here(monkeypatch)
    shared = build_network(files, jobs=3)
    assert len(forked) == 2
    assert read_here == [-(-len(plain.network.documents) // 3)]  # the rest came back
    assert shared.problems == plain.problems
    assert shared.network == plain.network
    assert run_rules(shared.network, TODAY) == run_rules(plain.network, TODAY)


def test_the_example_reads_the_same_in_two_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    files = read_files(EXAMPLE_NETWORK, network_files(EXAMPLE_NETWORK))
    plain = build_network(files, jobs=1)
    forked = _forks(monkeypatch)
    read_here = _count_reads_here(monkeypatch)
    shared = build_network(files, jobs=2)
    assert len(forked) == 1
    assert read_here == [-(-len(files) // 2)]
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


def test_the_number_of_processes_can_be_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    from netzwerkctl import parallel

    monkeypatch.setattr(parallel, "_can_fork", lambda: True)
    monkeypatch.setenv("NETZWERKCTL_JOBS", "1")
    assert parallel.available_jobs(10_000) == 1
    monkeypatch.setenv("NETZWERKCTL_JOBS", "9")
    assert parallel.available_jobs(10_000) == 4  # never more than four
    monkeypatch.setenv("NETZWERKCTL_JOBS", "zwei")  # not a number: as if unset
    assert parallel.available_jobs(10_000) >= 1
    assert parallel.available_jobs(10) == 1  # a small network: one process anyway


@pytest.mark.parametrize(("load", "expected"), [(0.0, 2), (1.4, 2), (2.0, 1), (7.5, 1)])
def test_a_machine_whose_cores_are_all_busy_reads_in_one_process(
    monkeypatch: pytest.MonkeyPatch, load: float, expected: int
) -> None:
    """Beside programs that keep every core busy the second process loses
    (bench/cores.py); beside fewer it breaks even or wins."""
    monkeypatch.setattr(parallel, "_can_fork", lambda: True)
    monkeypatch.setattr(parallel, "_cpu_quota", lambda: None)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.delenv("NETZWERKCTL_JOBS", raising=False)
    monkeypatch.setattr(os, "getloadavg", lambda: (load, 0.0, 0.0), raising=False)
    assert parallel.available_jobs(parallel.MIN_ITEMS) == expected


def test_no_load_average_counts_as_idle(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> tuple[float, float, float]:
        raise OSError("no load average here")

    monkeypatch.setattr(os, "getloadavg", missing, raising=False)
    assert parallel._load() == 0.0
