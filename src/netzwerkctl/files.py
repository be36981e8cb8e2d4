"""The network's files on disk: where the root is, which files belong to it, their
bytes. Kept free of pydantic and the models, so that a check answered from the cache
starts as fast as Typer itself."""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from netzwerkctl.problems import Problem

MARKER = "netzwerk.yaml"
YAML_SUFFIXES = (".yaml", ".yml")
# What Notepad makes of "partner.yaml" when "Save as type" stays on "Text (*.txt)".
NOTEPAD_SUFFIXES = (".yaml.txt", ".yml.txt")

Kind = Literal["network", "partner", "group", "meeting", "project", "marketplace", "report"]

# The folder each kind of file lives in, below the network root.
FOLDERS: dict[str, Kind] = {
    "partners": "partner",
    "groups": "group",
    "meetings": "meeting",
    "projects": "project",
    "marketplace": "marketplace",
    "reports": "report",
}


class NetworkNotFound(Exception):
    """No `netzwerk.yaml` where the network was looked for; `misnamed` is a
    `netzwerk.yml` (or other spelling) found instead, to be named in the message."""

    def __init__(self, where: str, misnamed: Path | None = None) -> None:
        super().__init__(where)
        self.misnamed = misnamed


def find_root(start: Path, explicit: bool = False) -> Path:
    """The folder holding `netzwerk.yaml`: `start` itself when given explicitly
    (`-C DIR`), otherwise the first of `start` and its parents, as git finds `.git`."""
    start = start.resolve()
    folders = [start] if explicit else [start, *start.parents]
    for folder in folders:
        if (folder / MARKER).is_file():
            return folder
    for folder in folders:
        for other in ("netzwerk.yml", "Netzwerk.yaml", "netzwerk.YAML", "netzwerk.yaml.txt"):
            if (folder / other).is_file():
                raise NetworkNotFound(str(start), folder / other)
    raise NetworkNotFound(str(start))


def network_files(root: Path, misnamed: list[str] | None = None) -> list[str]:
    """The network's YAML files as sorted POSIX paths relative to the root.

    Hidden files and folders (`.git`, caches) are skipped. The data of a network is
    what lies inside its folder, but nothing in it is passed over in silence: a
    *.yaml that is a link out of the network, or no regular file (a pipe would block
    reading), is listed all the same and `read_files` refuses it (NW014). Whatever
    cannot be read at all is added to `misnamed` (when given), so that check names it:
    data files saved by Notepad as `x.yaml.txt` (NW018), and folders that link out of
    the network or cannot be listed, as `meetings/2021/` (NW021).
    """
    found = [MARKER]
    real_root = os.path.realpath(root)

    def inside(path: str) -> bool:
        real = os.path.realpath(path)
        return real == real_root or real.startswith(real_root + os.sep)

    def not_read(rel: str) -> None:
        if misnamed is not None:
            misnamed.append(rel)

    visited: set[str] = set()
    # read under their own names, never through a link: the root and each data folder
    # (`partners/alle -> ..` would read every file as a partner)
    own = {real_root, *(os.path.realpath(os.path.join(root, f)) for f in FOLDERS)}  # noqa: PTH118

    def walk(folder: str, rel: str) -> None:
        real = os.path.realpath(folder)
        if real in visited:  # reached twice (a link to a folder read already): read once
            return
        visited.add(real)
        # scandir's entries know their type from the directory listing: no stat per file
        try:
            entries = list(os.scandir(folder))
        except OSError:
            not_read(rel + "/")
            return
        # the folders themselves before links to them: the real path names a file
        entries.sort(key=lambda e: (e.is_symlink(), e.name))
        for entry in entries:
            if entry.is_symlink() and os.path.realpath(entry.path) in own:
                continue
            if entry.name.startswith("."):
                continue
            name = entry.name.lower()
            if entry.is_dir():  # also a link to a folder, and a junction on Windows
                if inside(entry.path):
                    walk(entry.path, f"{rel}/{entry.name}")
                else:
                    not_read(f"{rel}/{entry.name}/")
            elif name.endswith(YAML_SUFFIXES):
                # read_files refuses a link out of the network and anything that is no
                # regular file (NW014)
                found.append(f"{rel}/{entry.name}")
            elif name.endswith(NOTEPAD_SUFFIXES):
                not_read(f"{rel}/{entry.name}")

    for folder in FOLDERS:
        base = os.path.join(root, folder)  # noqa: PTH118  (strings: thousands of files)
        if not os.path.isdir(base):  # noqa: PTH112
            if os.path.islink(base) and not os.path.exists(base):  # noqa: PTH110, PTH114
                not_read(folder + "/")  # a link to nothing
            continue
        if inside(base):
            walk(base, folder)
        else:
            not_read(folder + "/")
    return sorted(found, key=lambda p: (p != MARKER, p))


def is_data_file(rel: str) -> bool:
    """Whether a path (relative to the root) is one of the files a network consists of,
    by the same rules as `network_files` (for file lists that come from git)."""
    parts = rel.split("/")
    if rel == MARKER:
        return True
    return (
        len(parts) >= 2
        and parts[0] in FOLDERS
        and not any(p.startswith(".") for p in parts)
        and parts[-1].lower().endswith(YAML_SUFFIXES)
    )


ReadResult = bytes | OSError


def read_files(root: Path, files: Iterable[str]) -> list[tuple[str, ReadResult]]:
    """Each file's bytes, or the error that kept it from being read."""
    result: list[tuple[str, ReadResult]] = []
    base = os.fspath(root)
    for rel in files:
        path = os.path.join(base, rel)  # noqa: PTH118  (strings: thousands of files)
        if not _NOFOLLOW and os.path.islink(path) and not _inside(base, path):  # noqa: PTH114
            result.append((rel, OSError(errno.EXDEV, OUTSIDE)))
            continue
        try:
            try:
                fd = os.open(path, os.O_RDONLY | _NONBLOCK | _NOFOLLOW)
            except OSError as exc:
                # a link: read where it leads only inside the network (a link out to
                # /proc/self/environ must not put another file's text into a problem)
                if exc.errno not in (errno.ELOOP, errno.EMLINK) or not os.path.islink(path):  # noqa: PTH114
                    raise
                if not _inside(base, path):
                    result.append((rel, OSError(errno.EXDEV, OUTSIDE)))
                    continue
                fd = os.open(path, os.O_RDONLY | _NONBLOCK)
            with os.fdopen(fd, "rb") as handle:
                if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # a pipe, a device
                    result.append((rel, OSError(errno.EINVAL, NOT_A_FILE)))
                    continue
                result.append((rel, handle.read()))
        except OSError as exc:
            result.append((rel, exc))
    return result


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # where missing (Windows), links are looked at first

# Why a file is not read: terms of the catalogue (codes.TERMS), shown in NW014.
OUTSIDE = "a link out of the network"
NOT_A_FILE = "not a regular file"
NOT_FOUND = "not found"
NO_PERMISSION = "no permission"
A_FOLDER = "a folder"
_REASONS = {
    errno.ENOENT: NOT_FOUND,
    errno.EACCES: NO_PERMISSION,
    errno.EPERM: NO_PERMISSION,
    errno.EROFS: NO_PERMISSION,
    errno.EISDIR: A_FOLDER,
    errno.ENOSPC: "the disk is full",
    errno.ENAMETOOLONG: "the name is too long",
    errno.EADDRINUSE: "already in use",
}


def said(exc: OSError, _: Any) -> str:
    """`reason` in the words of `_` (a `Text`): the system's own words are English."""
    return str(_.pgettext("term", reason(exc)))


def reason(exc: OSError) -> str:
    """Why a file or folder could not be read, as a term of the catalogue where the
    cause is known (the system's own words are English), else the system's words."""
    if exc.strerror in (OUTSIDE, NOT_A_FILE):
        return exc.strerror
    return _REASONS.get(exc.errno or 0) or exc.strerror or type(exc).__name__


def _inside(base: str, path: str) -> bool:
    real_root, real = os.path.realpath(base), os.path.realpath(path)
    return real == real_root or real.startswith(real_root + os.sep)


def classify(rel: str) -> tuple[Kind, str] | None:
    """The kind and id of a file from its path, or None for files we do not read."""
    path = PurePosixPath(rel)
    if rel == MARKER:
        return "network", "netzwerk"
    if len(path.parts) < 2 or path.parts[0] not in FOLDERS:
        return None
    stem = path.name.rsplit(".", 1)[0]  # `Caritas.YAML` is read, and its id refused
    return FOLDERS[path.parts[0]], stem


def stray_folders(root: Path) -> list[Problem]:
    """What lies at the top of the network and is not read, though it looks like
    data: folders whose name is close to a data folder (`partner/` for `partners/`)
    and that hold YAML files (NW015), and YAML files beside netzwerk.yaml that look
    like an entry (NW022: `partners.yaml`, a second `netzwerk.yml`, a file with
    `name:` or `group:`) — their entries would otherwise be missing without a word.
    A tool's own file there (`mkdocs.yml`) is left alone. Links are not followed
    (`partner -> /`)."""
    from netzwerkctl.problems import Location, problem
    from netzwerkctl.similar import suggest

    found = []
    for entry in sorted(root.iterdir()):
        if entry.name in FOLDERS or entry.name.startswith("."):
            continue
        stem = entry.name.rsplit(".", 1)[0].lower()
        close = suggest(stem, list(FOLDERS))
        if (
            entry.name.lower().endswith(YAML_SUFFIXES)
            and not entry.is_dir()
            and not _is_marker(root, entry)
            and (close or stem in _DATA_WORDS or _reads_like_an_entry(entry))
        ):
            at = Location(entry.name)
            hint = {"suggestion": close + "/"} if close else {}
            found.append(problem("NW022", at, name=entry.name, **hint))
        elif entry.is_symlink() or not entry.is_dir():
            continue
        elif close and _holds_yaml(entry):
            at = Location(entry.name + "/")
            found.append(problem("NW015", at, folder=entry.name, suggestion=close + "/"))
    return found


# Names of a file that can only be meant as data (the kinds, and the network's file).
_DATA_WORDS = frozenset({*FOLDERS.values(), "netzwerk", "network"})
# Top-level keys of entries (every kind has one of them), which tools' files lack.
_ENTRY_KEY = re.compile(
    rb"(?m)^(?:name|group|date|kind|status|contacts|members|offers|needs)[ \t]*:"
)


def _is_marker(root: Path, entry: Path) -> bool:
    """Whether `entry` is netzwerk.yaml itself — also as `Netzwerk.yaml` where the
    file system ignores case (Windows, macOS) and reads it as the network's file."""
    if entry.name == MARKER:
        return True
    try:
        return entry.samefile(root / MARKER)
    except OSError:
        return False


def _reads_like_an_entry(path: Path) -> bool:
    """Whether a file's first 64 KB have a key of an entry. A link or anything but a
    regular file is not opened (a pipe would block, a link may lead out of the
    network): it is named, rather than data passed over."""
    try:
        if path.is_symlink() or not path.is_file():
            return True
        with path.open("rb") as handle:
            return _ENTRY_KEY.search(handle.read(65536)) is not None
    except OSError:
        return True


_BIDI = ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069")


def reversed_names(files: Iterable[str]) -> list[Problem]:
    """A warning for each file whose name holds a bidirectional override."""
    from netzwerkctl.problems import Location, problem

    return [problem("NW020", Location(rel)) for rel in files if any(c in rel for c in _BIDI)]


def misnamed_files(misnamed: Iterable[str], root: Path) -> list[Problem]:
    """What `network_files` could not read: a warning for each data file that ends in
    .txt after .yaml (NW018), an error for each folder that links out of the network
    or cannot be listed (NW021: its files are missing from every figure)."""
    from netzwerkctl.problems import Location, problem

    found = []
    for rel in sorted(misnamed):
        if rel.endswith("/"):
            why = _folder_reason(root, rel)
            found.append(problem("NW021", Location(rel), folder=rel, t_reason=why))
            continue
        name = PurePosixPath(rel).name
        found.append(problem("NW018", Location(rel), name=name, fixed=name[: -len(".txt")]))
    return found


def _folder_reason(root: Path, rel: str) -> str:
    path = os.path.join(root, rel.rstrip("/"))  # noqa: PTH118
    if os.path.islink(path) and not _inside(os.fspath(root), path):  # noqa: PTH114
        return OUTSIDE if os.path.exists(path) else NOT_FOUND  # noqa: PTH110
    try:
        os.scandir(path).close()
    except OSError as exc:
        return reason(exc)
    return NO_PERMISSION


def _holds_yaml(folder: Path) -> bool:
    for _folder, _subfolders, filenames in os.walk(folder):  # does not follow links
        if any(name.lower().endswith(YAML_SUFFIXES) for name in filenames):
            return True
    return False
