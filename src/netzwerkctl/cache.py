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

import hashlib
import json
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


def result_key(root: Path, files: list[tuple[str, ReadResult]], today: date) -> str:
    digest = hashlib.sha256()
    digest.update(f"{FORMAT}\0{_code_fingerprint()}\0{today.isoformat()}\0".encode())
    try:  # visible names only, like stray_folders (the cache's own folder is hidden)
        names = sorted(p.name for p in root.iterdir() if not p.name.startswith("."))
        digest.update("\0".join(names).encode())
    except OSError:
        digest.update(b"?")
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


def load(root: Path, key: str) -> tuple[list[Problem], int, str] | None:
    """(problems, number of files, language) if the cache holds this key, else None."""
    try:
        data = json.loads((root / FOLDER / FILE).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("key") != key:
            return None
        problems = [_problem(row) for row in data["problems"]]
        return problems, int(data["files"]), str(data["language"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # missing, corrupt or foreign: computed anew


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
    try:
        write_atomic(folder / ".gitignore", b"# netzwerkctl's cache, not part of the network\n*\n")
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
    return Problem(str(row["code"]), location, tuple(args))
