"""Atomic writes: old or new content, never a mix; no replacing when told not to."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest

from netzwerkctl.writers import WriteError, write_atomic


def test_write_replaces_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "a.md"
    write_atomic(target, b"eins")
    write_atomic(target, b"zwei")
    assert target.read_bytes() == b"zwei"
    assert [p.name for p in target.parent.iterdir()] == ["a.md"]


def test_exclusive_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_bytes(b"von Hand")
    with pytest.raises(WriteError, match="gibt es schon"):
        write_atomic(target, b"neu", exclusive=True)
    assert target.read_bytes() == b"von Hand"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


@pytest.mark.parametrize(
    ("error", "message"),
    [(errno.EACCES, "keine Schreibrechte"), (errno.EROFS, "keine Schreibrechte")],
)
def test_unwritable_folder_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: int, message: str
) -> None:
    # Simulated: the tests run as root, who may write into read-only folders.
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(WriteError, match=message):
        write_atomic(tmp_path / "a.md", b"x")


def test_full_disk_keeps_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.md"
    target.write_bytes(b"alt")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(WriteError, match="Datenträger ist voll"):
        write_atomic(target, b"neu")
    assert target.read_bytes() == b"alt"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_parent_that_is_a_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "datei").write_bytes(b"")
    with pytest.raises(WriteError, match="kann nicht geschrieben werden"):
        write_atomic(tmp_path / "datei" / "a.md", b"x")


def test_new_files_get_the_usual_mode_and_replaced_files_keep_theirs(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "neu.md"
        write_atomic(target, b"x")
        assert target.stat().st_mode & 0o777 == 0o644  # not mkstemp's owner-only 0600
        target.chmod(0o640)
        write_atomic(target, b"y")
        assert target.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)
