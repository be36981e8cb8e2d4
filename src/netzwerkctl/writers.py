"""Writing files so that nothing is lost: a temporary file in the same folder, then
a rename. A reader (or a crash) sees the old file or the new one, never half of one;
`exclusive` refuses to replace an existing file, also against a race."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from pathlib import Path

from netzwerkctl.i18n import cli


class WriteError(Exception):
    """A file could not be written; the message is for a person."""


def write_inside(root: Path, rel: str, data: bytes, *, exclusive: bool = False) -> Path:
    """Write `rel` below the network `root`, never through a link out of it: a folder on
    the way that is a link leading elsewhere (`.schemas -> /elsewhere`, `meetings/2023
    -> /elsewhere`, planted in a repository) is refused with WriteError. A link that
    stays inside the network (`meetings/2021 -> ../archiv/2021`) is written through, as
    it is read."""
    path = root / rel
    real_root = os.path.realpath(root)

    def outside(folder: Path) -> bool:
        real = os.path.realpath(folder)
        return real != real_root and not real.startswith(real_root + os.sep)

    current = root
    for part in Path(rel).parent.parts:
        current = current / part
        linked_out = current.is_symlink() and (outside(current) or not current.is_dir())
        if linked_out or (current.exists() and not current.is_dir()):
            _ = cli()
            raise WriteError(
                _("%(folder)s is not a regular folder (a link?); nothing written.", folder=current)
            )
    parent = os.path.realpath(path.parent) if path.parent.exists() else real_root
    if parent != real_root and not parent.startswith(real_root + os.sep):
        _ = cli()
        raise WriteError(
            _("%(folder)s lies outside the network; nothing written.", folder=path.parent)
        )
    write_atomic(path, data, exclusive=exclusive)
    return path


def write_atomic(path: Path, data: bytes, *, exclusive: bool = False) -> None:
    """Write `path` through a temporary file and a rename. Only a regular file (or a
    new one) is replaced: never a device, a pipe or a folder."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise WriteError(_reason(path, exc)) from None
    else:
        import stat

        if not (stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)):
            _ = cli()
            raise WriteError(
                _(
                    "%(file)s is not a regular file (a device, a pipe or a folder); nothing "
                    "written.",
                    file=path,
                )
            )
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _remove_stale(folder, path.name)
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise WriteError(_reason(folder, exc)) from None
    tmp = Path(tmp_name)
    try:
        _give_mode(tmp, path)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if exclusive:
            _link_exclusive(tmp, path)
        else:
            tmp.replace(path)
    except FileExistsError:
        _ = cli()
        raise WriteError(_("%(file)s exists already; it is not overwritten.", file=path)) from None
    except OSError as exc:
        raise WriteError(_reason(path, exc)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


STALE_SECONDS = 3600  # a temporary file this old is left over from a killed run
_RANDOM = re.compile("[a-z0-9_]{8}")


def _remove_stale(folder: Path, name: str) -> None:
    """Temporary files of ours for this file name (`.NAME.xxxxxxxx.tmp`), left by a
    run killed while writing and older than an hour: removed. Nothing else is touched
    (a regular file of exactly that shape, never a link or a folder)."""
    import stat
    import time

    prefix = f".{name}."
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    limit = time.time() - STALE_SECONDS
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
            continue
        middle = entry.name[len(prefix) : -len(".tmp")]
        if not _RANDOM.fullmatch(middle):
            continue  # mkstemp's eight random characters, nothing else
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and info.st_mtime < limit:
                Path(entry.path).unlink()


def _give_mode(tmp: Path, path: Path) -> None:
    """mkstemp makes files only its owner may read; the result gets the mode of the
    file it replaces, or what the umask gives a new file (often rw-r--r--)."""
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    tmp.chmod(mode)


def _link_exclusive(tmp: Path, path: Path) -> None:
    """Give the finished temporary file its name unless that name exists."""
    try:
        os.link(tmp, path)  # fails with FileExistsError if `path` exists
    except FileExistsError:
        raise
    except OSError:
        # File systems without hard links: check, then rename (a tiny race remains).
        if path.exists():
            raise FileExistsError(str(path)) from None
        tmp.replace(path)


def _reason(path: Path, exc: OSError) -> str:
    _ = cli()
    if exc.errno == errno.ENOSPC:
        return _("%(file)s cannot be written: the disk is full.", file=path)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _("%(file)s cannot be written: no permission to write.", file=path)
    from netzwerkctl.files import said

    return _("%(file)s cannot be written: %(reason)s", file=path, reason=said(exc, _))
