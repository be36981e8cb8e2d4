"""Which files netzwerkctl wrote with -o, and what it wrote into them.

Markdown, HTML and calendars carry a marker that says "made by netzwerkctl", so a
second run may replace them. A CSV table or a JSON list cannot carry one without
changing what other programs read. For those (and for all others) this list
remembers each file written and a hash of its bytes: a file may be replaced when it
still holds exactly what netzwerkctl wrote — not after a person has edited it.

The list lives in `.netzwerkctl/written.json` inside the network (ignored by git),
under the same rules as the check cache: JSON only, never followed through links,
ignored when unreadable, and not written on a read-only folder.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from netzwerkctl.cache import read_regular, read_state, state_lock, write_state

FILE = "written.json"
FORMAT = 1
KEEP = 500  # files remembered; the oldest are forgotten first


def _load(root: Path) -> dict[str, str]:
    data = read_state(root, FILE, FORMAT)
    try:
        return {str(k): str(v) for k, v in dict(data["files"]).items()} if data else {}
    except (KeyError, TypeError, ValueError, AttributeError):
        return {}


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _key(path: Path) -> str:
    return str(path.resolve())


def unchanged_since_written(root: Path, path: Path) -> bool:
    """`path` holds exactly the bytes netzwerkctl last wrote into it."""
    expected = _load(root).get(_key(path))
    if expected is None:
        return False
    current = read_regular(path)
    return current is not None and _digest(current) == expected


def remember(root: Path, path: Path, data: bytes) -> None:
    """Note the bytes written into `path` (without the list, such a file needs
    --force next time; nothing is lost)."""
    with state_lock(root, FILE):  # read, change, write: no update of another run lost
        files = _load(root)
        files.pop(_key(path), None)
        files[_key(path)] = _digest(data)  # last written last: the oldest go first
        write_state(root, FILE, FORMAT, {"files": dict(list(files.items())[-KEEP:])})
