"""The result of `check` remembered for a network whose files have not changed.

A coordinator runs `check` many times a day, mostly on unchanged files. The cache key
is made of every file's path, size, modification time and content hash, the folder's
top-level names (a new stray folder changes the result), the day (some rules depend on
it) and the code of netzwerkctl itself. The cache lives in `.netzwerkctl/cache/` inside
the network, a folder that ignores itself in git.

It is JSON, never pickle: a cache file can arrive with a stranger's merge request, and
loading it must not be able to run anything. A corrupt, foreign or stale file is
ignored and replaced; on a read-only folder the cache is simply not written.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from netzwerkctl.files import ReadResult
from netzwerkctl.problems import Location, Problem

FOLDER = ".netzwerkctl"
FILE = "cache/check.json"
FORMAT = 1


def _code_fingerprint() -> str:
    """Changes whenever netzwerkctl's own code changes (also between releases)."""
    package = Path(__file__).parent
    parts = []
    for path in sorted(package.rglob("*.py")):
        stat = path.stat()
        parts.append(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def result_key(
    root: Path, files: list[tuple[str, ReadResult]], today: date, misnamed: Sequence[str] = ()
) -> str:
    from netzwerkctl.files import stray_folders

    digest = hashlib.sha256()
    digest.update(f"{FORMAT}\0{_code_fingerprint()}\0{today.isoformat()}\0".encode())
    try:  # the stray-folder warnings depend on folders outside the data: key them too
        digest.update(repr(stray_folders(root)).encode())
    except OSError:
        digest.update(b"?")
    digest.update(repr(sorted(misnamed)).encode())  # files not read, but warned about
    for rel, raw in files:
        if isinstance(raw, OSError):
            digest.update(f"\0{rel}:unreadable:{raw.errno}".encode())
            continue
        try:
            stat = (root / rel).stat()
            facts = f"{stat.st_size}:{stat.st_mtime_ns}"
        except OSError:
            facts = "?"
        digest.update(f"\0{rel}:{facts}:".encode())
        digest.update(hashlib.sha256(raw).digest())
    return digest.hexdigest()


MAX_BYTES = 20 * 1024 * 1024


def plain_folder(root: Path) -> bool:
    """The cache's folders are real folders, not links that lead somewhere else."""
    for folder in (root / FOLDER, root / FOLDER / "cache"):
        try:
            if not stat.S_ISDIR(folder.lstat().st_mode):
                return False
        except FileNotFoundError:
            return True  # not there yet: created by store
        except OSError:
            return False
    return True


def read_regular(path: Path) -> bytes | None:
    """A regular file's bytes (not a link, pipe or device), at most MAX_BYTES."""
    try:
        fd = os.open(
            path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        )
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        return handle.read(MAX_BYTES + 1)


def write_ignored(folder: Path) -> None:
    """A .gitignore that keeps netzwerkctl's own folder out of git (WriteError)."""
    from netzwerkctl.writers import write_atomic

    if not (folder / ".gitignore").exists():
        write_atomic(folder / ".gitignore", b"# netzwerkctl's own files, not the network\n*\n")


def read_state(root: Path, name: str, version: int) -> dict[str, Any] | None:
    """A JSON file of netzwerkctl's own in `.netzwerkctl/` (what it wrote, calendar
    versions): None when missing, unreadable, a link, or of another version."""
    if not plain_folder(root):
        return None
    raw = read_regular(root / FOLDER / name)
    if raw is None:
        return None
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError, MemoryError):
        return None
    return data if isinstance(data, dict) and data.get("format") == version else None


@contextlib.contextmanager
def state_lock(root: Path, name: str) -> Iterator[None]:
    """Hold `.netzwerkctl/NAME.lock` while a state file is read, changed and written:
    eight `partners -o` at once lose no entry. Without the folder or without file
    locks (Windows) the section runs unlocked, as before."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    folder = root / FOLDER
    if not plain_folder(root):
        yield
        return
    try:
        folder.mkdir(exist_ok=True)
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(folder / f"{name}.lock", flags, 0o644)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def write_state(root: Path, name: str, version: int, body: dict[str, Any]) -> None:
    """Write such a file atomically; a folder that cannot be written costs only what
    the file would have remembered."""
    from netzwerkctl.writers import WriteError, write_atomic

    if not plain_folder(root):
        return
    folder = root / FOLDER
    try:
        write_ignored(folder)
        data = json.dumps({"format": version, **body}, ensure_ascii=False, indent=1)
        write_atomic(folder / name, data.encode("utf-8"))
    except WriteError:
        pass


def load(root: Path, key: str) -> tuple[list[Problem], int, str] | None:
    """(problems, number of files, language) if the cache holds this key, else None."""
    if not plain_folder(root):
        return None
    raw = read_regular(root / FOLDER / FILE)
    if raw is None:
        return None
    try:
        data = json.loads(raw)
        if data.get("format") != FORMAT or data.get("key") != key:
            return None
        problems = [_problem(row) for row in data["problems"]]
        return problems, int(data["files"]), str(data["language"])
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError, MemoryError):
        return None  # corrupt or foreign: computed anew


def store(root: Path, key: str, problems: list[Problem], files: int, language: str) -> None:
    from netzwerkctl.writers import WriteError, write_atomic

    data = {
        "format": FORMAT,
        "key": key,
        "files": files,
        "language": language,
        "problems": [_row(p) for p in problems],
    }
    folder = root / FOLDER
    if not plain_folder(root):
        return  # a link planted as .netzwerkctl must not make check write elsewhere
    try:
        write_ignored(folder)
        write_atomic(folder / FILE, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except WriteError:
        pass  # a read-only network is checked all the same, just without a cache


def _row(p: Problem) -> dict[str, Any]:
    loc = p.location
    return {
        "code": p.code,
        "file": loc.file,
        "line": loc.line,
        "column": loc.column,
        "key": loc.key,
        "raised": p.raised,
        "args": [[k, {"date": v.isoformat()} if isinstance(v, date) else v] for k, v in p.args],
    }


def _problem(row: dict[str, Any]) -> Problem:
    from netzwerkctl.codes import CODES

    if row["code"] not in CODES:
        raise KeyError(row["code"])
    args: list[tuple[str, str | date]] = []
    for name, value in row["args"]:
        if isinstance(value, dict):
            args.append((str(name), date.fromisoformat(value["date"])))
        else:
            args.append((str(name), str(value)))
    line, column = row["line"], row["column"]
    location = Location(
        str(row["file"]),
        None if line is None else int(line),
        None if column is None else int(column),
        str(row["key"]),
    )
    return Problem(str(row["code"]), location, tuple(args), bool(row.get("raised", False)))
