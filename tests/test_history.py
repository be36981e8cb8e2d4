"""`changes_between`: the earlier end of a range is the later one with only the files
git names as changed read from git, and every unchanged file is parsed once."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import netzwerkctl.load as load
import netzwerkctl.yamlio as yamlio
from conftest import write_network
from netzwerkctl.history import changes_between

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ENV = {
    "GIT_AUTHOR_NAME": "T",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "T",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "PATH": "/usr/bin:/bin",
}


def git(top: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args], cwd=top, env={**ENV, "HOME": str(top)}, check=True, capture_output=True
    )


def test_a_network_in_a_subfolder_with_new_changed_and_deleted_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    top = tmp_path / "repo"
    root = write_network(top / "netz")
    (top / "anderes").mkdir()
    (top / "anderes/partner.yaml").write_text("name: Nicht im Netzwerk\n", encoding="utf-8")
    git(top, "init", "-q", "-b", "main")
    git(top, "add", ".")
    git(top, "commit", "-qm", "Stand")
    (root / "partners/neu.yaml").write_text(  # new, not even added
        "name: Neuer Verein\nkind: association\nstatus: approached\napproached: 2021-12-11\n",
        encoding="utf-8",
    )
    verein = root / "partners/verein.yaml"
    verein.write_text(
        verein.read_text(encoding="utf-8").replace(
            "joined: 2017-01-01", "joined: 2017-01-01\nleft: 2021-12-20"
        ),
        encoding="utf-8",
    )
    (root / "partners/kirche.yaml").unlink()
    (top / "anderes/partner.yaml").write_text("name: Geändert\n", encoding="utf-8")

    parsed: list[str] = []
    original = yamlio.read_document

    def counting(raw: bytes, file: str) -> yamlio.Document:
        parsed.append(file)
        return original(raw, file)

    monkeypatch.setattr(load, "read_document", counting)
    found, now = changes_between(root, "HEAD")
    kinds = sorted((c.kind, c.subject) for c in found)
    assert ("partner_added", "neu") in kinds
    assert ("partner_removed", "kirche") in kinds
    assert any(subject == "verein" for _kind, subject in kinds)
    assert now.info is not None and now.info.name == "Testnetz"
    files_now = len(list(root.rglob("*.yaml")))
    # every file of today once, and of the earlier end only the two that changed and
    # still existed then (kirche.yaml, verein.yaml)
    assert len(parsed) == files_now + 2
    assert sorted(parsed[files_now:]) == ["partners/kirche.yaml", "partners/verein.yaml"]


def test_between_two_commits_reads_git_in_one_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_network(tmp_path / "netz")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-qm", "eins")
    verein = root / "partners/verein.yaml"
    verein.write_text(
        verein.read_text(encoding="utf-8").replace("status: active", "status: paused"),
        encoding="utf-8",
    )
    git(root, "commit", "-qam", "zwei")
    (root / "partners/fa.yaml").unlink()  # not committed: the range ends at HEAD

    calls: list[int] = []
    import netzwerkctl.gitrepo as gitrepo

    original = gitrepo._batch

    def counting(repo: object, objects: list[str]) -> list[bytes | None]:
        calls.append(len(objects))
        return original(repo, objects)

    monkeypatch.setattr(gitrepo, "_batch", counting)
    found, now = changes_between(root, "HEAD~1", "HEAD")
    assert [(c.kind, c.subject) for c in found] == [("partner_status", "verein")]
    assert "fa" in now.partners  # the later end is the commit, not the folder
    assert calls == [len(list(root.rglob("*.yaml"))) + 1, 1]  # all files at HEAD, then one
