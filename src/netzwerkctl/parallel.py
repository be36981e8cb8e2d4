"""Both cores for the one slow step of every command: reading and validating files.

A network of 6,000 files spends most of a `check` parsing YAML and validating it,
file by file, each file on its own. `map_split` hands a share of such a list to
forked copies of the process and does the first share itself. Fork, because the
copy starts with everything imported and every file already read; so only on Linux
(macOS and Windows start processes afresh, which costs more than it saves), and only
when the process runs no other thread (forking a threaded process can deadlock).

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
    """How many processes `map_split` should use for `items` items on this machine."""
    if items < MIN_ITEMS or not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return 1
    if threading.active_count() > 1:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


def map_split(func: Callable[[T], R], items: Sequence[T], jobs: int) -> list[R]:
    """`[func(x) for x in items]`, with the work shared among `jobs` processes."""
    if jobs <= 1 or len(items) < 2 or not hasattr(os, "fork") or threading.active_count() > 1:
        return [func(x) for x in items]
    size = -(-len(items) // jobs)
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    children: list[tuple[int, int] | None] = []
    try:
        children = [_start(func, chunk) for chunk in chunks[1:]]
        results = [func(x) for x in chunks[0]]
        for index, chunk in enumerate(chunks[1:]):
            child, children[index] = children[index], None
            part = _collect(child, len(chunk)) if child is not None else None
            results.extend(part if part is not None else [func(x) for x in chunk])
        return results
    finally:
        for child in children:  # only after an exception: stop and reap the rest
            if child is not None:
                _abandon(child)


def _start(func: Callable[[T], R], chunk: Sequence[T]) -> tuple[int, int] | None:
    """Fork a child that maps `chunk` and writes the pickled list to a pipe."""
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the child: never returns into the caller's code
        status = 1
        try:
            os.close(read_end)
            payload = pickle.dumps([func(x) for x in chunk], protocol=pickle.HIGHEST_PROTOCOL)
            with open(write_end, "wb") as pipe:  # noqa: PTH123  (a file descriptor)
                pipe.write(payload)
            status = 0
        finally:
            os._exit(status)  # no atexit handlers, no second flush of the parent's output
    os.close(write_end)
    return pid, read_end


def _collect(child: tuple[int, int], expected: int) -> list[Any] | None:
    """The child's list, or None if it did not deliver one whole."""
    pid, read_end = child
    with open(read_end, "rb") as pipe:  # noqa: PTH123
        payload = pipe.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    try:
        part = pickle.loads(payload)  # from our own child, through our own pipe
    except Exception:  # anything unreadable: the share is done here instead
        return None
    return part if isinstance(part, list) and len(part) == expected else None


def _abandon(child: tuple[int, int]) -> None:
    pid, read_end = child
    with contextlib.suppress(OSError):
        os.close(read_end)
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        os.waitpid(pid, 0)
