"""Both cores for the one slow step of every command: reading and validating files.

A network of 6,000 files spends most of a `check` parsing YAML and validating it,
file by file, each file on its own. `map_split` hands a share of such a list to
forked copies of the process and does the first share itself. Fork, because the
copy starts with everything imported and every file already read; so only on Linux
(macOS and Windows start processes afresh, which costs more than it saves), only
when the process runs no other thread (forking a threaded process can deadlock), and
not when other programs keep every core busy.

The children's results come back pickled through a pipe from our own child; nothing
from disk is unpickled. If a child fails in any way, the main process does that
share itself: the result is the same list either way, only slower.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many items a second process costs more than it saves.
MIN_ITEMS = 500


def available_jobs(items: int) -> int:
    """How many processes `map_split` should use for `items` items on this machine;
    `NETZWERKCTL_JOBS=1` keeps everything in one (a shared build server, a measurement)."""
    if items < MIN_ITEMS or not _can_fork():
        return 1
    chosen = os.environ.get("NETZWERKCTL_JOBS", "")
    if chosen.isdigit() and int(chosen) >= 1:
        return min(int(chosen), 4)
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    quota = _cpu_quota()
    if quota is not None:
        cores = min(cores, quota)
    # When other programs keep every core busy, a second process only competes with
    # them: beside two busy loops on two cores it lost 7 %, beside one it broke even
    # (bench/cores.py, docs/benchmarks.md). netzwerkctl's own commands run one after
    # the other add about one to the load: that alone never switches it off.
    if _load() >= cores:
        return 1
    return max(1, min(cores, 4))


def _load() -> float:
    """The load average of the last minute (0 where the system does not tell)."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):  # Windows has no load average
        return 0.0


# A container's CPU limit (cgroup v2): the machine's cores may all be visible while
# the container may use only one of them.
CPU_MAX = "/sys/fs/cgroup/cpu.max"


def _cpu_quota() -> int | None:
    """Whole CPUs the container may use, or None without a limit."""
    try:
        with open(CPU_MAX, encoding="ascii") as limit:  # noqa: PTH123
            quota, period = limit.read().split()[:2]
        return None if quota == "max" else max(1, int(quota) // int(period))
    except (OSError, ValueError, ZeroDivisionError):
        return None


def _can_fork() -> bool:
    return (
        sys.platform.startswith("linux")
        and hasattr(os, "fork")
        and threading.active_count() == 1
        # with SIGCHLD ignored the system reaps children itself: their exit is unknown
        and signal.getsignal(signal.SIGCHLD) is not signal.SIG_IGN
    )


def map_split(func: Callable[[T], R], items: Sequence[T], jobs: int) -> list[R]:
    """`[func(x) for x in items]`, with the work shared among `jobs` processes."""
    if jobs <= 1 or len(items) < 2 or not _can_fork():
        return [func(x) for x in items]
    size = -(-len(items) // jobs)
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    children: list[_Child | None] = []
    try:
        for chunk in chunks[1:]:
            children.append(_Child.start(func, chunk))
        results = [func(x) for x in chunks[0]]
        for chunk, child in zip(chunks[1:], children, strict=True):
            part = child.collect(len(chunk)) if child is not None else None
            results.extend(part if part is not None else [func(x) for x in chunk])
        return results
    finally:
        for child in children:  # closes every pipe; after an error, stops the rest
            if child is not None:
                child.close()


class _Child:
    """A forked process mapping one share; its pickled list arrives through a pipe."""

    def __init__(self, pid: int, pipe: int) -> None:
        self.pid = pid
        self.pipe: int | None = pipe
        self.reaped = False

    @classmethod
    def start(cls, func: Callable[[T], R], chunk: Sequence[T]) -> _Child | None:
        """Fork a child for `chunk`; None if no process or pipe can be had."""
        try:
            read_end, write_end = os.pipe()
        except OSError:
            return None
        # Ctrl-C between the fork and the child's `try` would send the child back into
        # the caller's code: it waits until the child is inside.
        interrupt = {signal.SIGINT}
        signal.pthread_sigmask(signal.SIG_BLOCK, interrupt)
        try:
            pid = os.fork()
        except OSError:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, interrupt)
            os.close(read_end)
            os.close(write_end)
            return None
        if pid == 0:  # the child: never returns into the caller's code
            status = 1
            try:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, interrupt)
                os.close(read_end)
                result = [func(x) for x in chunk]
                payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
                with open(write_end, "wb") as pipe:  # noqa: PTH123  (a file descriptor)
                    pipe.write(payload)
                status = 0
            finally:
                os._exit(status)  # no atexit handlers, no second flush of the parent's output
        signal.pthread_sigmask(signal.SIG_UNBLOCK, interrupt)
        os.close(write_end)
        return cls(pid, read_end)

    def collect(self, expected: int) -> list[Any] | None:
        """The child's list, or None if it did not deliver one whole."""
        assert self.pipe is not None
        with open(self.pipe, "rb", closefd=False) as pipe:
            payload = pipe.read()
        try:
            _, status = os.waitpid(self.pid, 0)
        except ChildProcessError:  # reaped by someone else: its exit is unknown
            self.reaped = True
            return None
        self.reaped = True
        if os.waitstatus_to_exitcode(status) != 0:
            return None
        try:
            part = pickle.loads(payload)  # from our own child, through our own pipe
        except Exception:  # anything unreadable: the share is done here instead
            return None
        return part if isinstance(part, list) and len(part) == expected else None

    def close(self) -> None:
        """Close the pipe; a child not yet reaped is stopped and reaped."""
        if self.pipe is not None:
            with contextlib.suppress(OSError):
                os.close(self.pipe)
            self.pipe = None
        if self.reaped:
            return
        self.reaped = True
        try:  # only a child of ours that is still running is stopped
            done, _ = os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:
            return
        if done == 0:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.waitpid(self.pid, 0)
