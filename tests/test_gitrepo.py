"""The data version a report names does not lie (real git repositories)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from netzwerkctl.gitrepo import provenance

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="these tests need git")
ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "PATH": "/usr/bin:/bin",
}


def git(cwd: Path, *args: str, when: str = "2021-12-31T12:00:00") -> str:
    env = {**ENV, "HOME": str(cwd), "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    done = subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)
    return done.stdout.decode()


def repository(make_network: Callable[..., Path], tmp_path: Path) -> tuple[Path, Path]:
    """A repository whose network lies in a folder with an umlaut and a space."""
    top = tmp_path / "repo"
    top.mkdir()
    netz = top / "Lörrach netz"
    shutil.move(str(make_network()), str(netz))
    git(top, "init", "-q", "-b", "main")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "Stand")
    return top, netz


def test_clean_and_then_changed_in_a_folder_git_would_quote(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    _top, netz = repository(make_network, tmp_path)
    clean = provenance(netz)
    assert (clean.state, clean.dirty, clean.shallow) == ("git", False, False)
    partner = netz / "partners" / "bank.yaml"
    partner.write_text(partner.read_text(encoding="utf-8") + "cluster: X\n", "utf-8")
    assert provenance(netz).dirty


def test_an_ignored_data_file_counts_as_uncommitted(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    top, netz = repository(make_network, tmp_path)
    (top / ".gitignore").write_text("**/geheim.yaml\n", encoding="utf-8")
    git(top, "add", ".gitignore")
    git(top, "commit", "-q", "-m", "ignore")
    assert not provenance(netz).dirty
    (netz / "partners" / "geheim.yaml").write_text(
        "name: G\nkind: other\nstatus: active\n", "utf-8"
    )
    assert provenance(netz).dirty  # netzwerkctl reads it, git keeps it not


@pytest.mark.parametrize("flag", ["--assume-unchanged", "--skip-worktree"])
def test_files_git_was_told_not_to_look_at_count_as_uncommitted(
    make_network: Callable[..., Path], tmp_path: Path, flag: str
) -> None:
    top, netz = repository(make_network, tmp_path)
    git(top, "update-index", flag, "Lörrach netz/partners/bank.yaml")
    partner = netz / "partners" / "bank.yaml"
    partner.write_text(partner.read_text(encoding="utf-8") + "cluster: X\n", "utf-8")
    assert git(top, "status", "--porcelain") == ""  # git itself sees nothing
    assert provenance(netz).dirty


def test_a_shallow_clone_says_so(make_network: Callable[..., Path], tmp_path: Path) -> None:
    top, _netz = repository(make_network, tmp_path)
    readme = top / "README.md"
    for n in range(3):
        readme.write_text(f"{n}\n", encoding="utf-8")
        git(top, "add", "-A")
        git(top, "commit", "-q", "-m", f"later {n}", when=f"2022-0{n + 1}-01T12:00:00")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{top}", str(clone))
    found = provenance(clone / "Lörrach netz")
    assert found.shallow and found.state == "git"
