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


def test_temporary_files_left_by_a_killed_run_are_removed_next_time(tmp_path: Path) -> None:
    import os
    import time

    target = tmp_path / "bericht.md"
    old = tmp_path / ".bericht.md.ab12_xyz.tmp"
    fresh = tmp_path / ".bericht.md.cd34efgh.tmp"  # perhaps another run, writing now
    other = tmp_path / ".bericht.md.notours!.tmp"
    person = tmp_path / ".notizen.md.ab12cdef.tmp"  # another file's
    for path in (old, fresh, other, person):
        path.write_text("x", encoding="utf-8")
    hours_ago = time.time() - 3 * 3600
    for path in (old, other, person):
        os.utime(path, (hours_ago, hours_ago))
    write_atomic(target, b"neu")
    assert target.read_bytes() == b"neu"
    assert not old.exists()
    assert fresh.exists() and other.exists() and person.exists()


def test_eight_writers_at_once_lose_no_entry_in_the_list_of_written_files(
    tmp_path: Path,
) -> None:
    import json
    import subprocess
    import sys

    root = tmp_path / "netz"
    root.mkdir()
    code = (
        "import sys; from pathlib import Path; from netzwerkctl import written\n"
        "root = Path(sys.argv[1])\n"
        "for n in range(20):\n"
        "    written.remember(root, root / f'liste-{sys.argv[2]}-{n}.csv', b'x')\n"
    )
    runs = [subprocess.Popen([sys.executable, "-c", code, str(root), str(i)]) for i in range(8)]
    assert all(run.wait(timeout=120) == 0 for run in runs)
    files = json.loads((root / ".netzwerkctl" / "written.json").read_text(encoding="utf-8"))
    assert len(files["files"]) == 160


def test_the_systems_reasons_are_said_in_the_readers_language() -> None:
    """What the operating system says is English; the common causes are told in the
    catalogue's words, anything else as the system says it."""
    import errno

    from netzwerkctl.files import said
    from netzwerkctl.i18n import Text

    de = Text("de")
    assert said(OSError(errno.ENOSPC, "No space left on device"), de) == "der Datenträger ist voll"
    assert said(OSError(errno.ENAMETOOLONG, "File name too long"), de) == "der Name ist zu lang"
    assert said(OSError(errno.EACCES, "Permission denied"), de) == "keine Berechtigung"
    assert said(OSError(errno.EIO, "Input/output error"), de) == "Input/output error"


def test_a_folder_link_inside_the_network_is_written_through_one_out_is_not(
    tmp_path: Path,
) -> None:
    """What is read through `meetings/2021 -> ../archiv/2021` can be written back there
    (`replies --write`, `forget --write`); a link out stays refused."""
    from netzwerkctl.writers import WriteError, write_inside

    root = tmp_path / "netz"
    (root / "archiv" / "2021").mkdir(parents=True)
    (root / "meetings").mkdir()
    (root / "meetings" / "2021").symlink_to("../archiv/2021", target_is_directory=True)
    write_inside(root, "meetings/2021/m.yaml", b"group: ag\n")
    assert (root / "archiv/2021/m.yaml").read_bytes() == b"group: ag\n"
    (tmp_path / "anderswo").mkdir()
    (root / "meetings" / "2023").symlink_to(tmp_path / "anderswo", target_is_directory=True)
    with pytest.raises(WriteError):
        write_inside(root, "meetings/2023/m.yaml", b"x")
    assert not (tmp_path / "anderswo" / "m.yaml").exists()
