"""A stranger's repository cannot make netzwerkctl run a program: an embedded bare
repository in the network folder is refused, and git runs with the repository's
fsmonitor, filter and diff drivers, hooks and pager switched off."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from netzwerkctl.cli import app

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="these tests need git")
runner = CliRunner()
ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_AUTHOR_DATE": "2021-12-31T12:00:00",
    "GIT_COMMITTER_DATE": "2021-12-31T12:00:00",
    "PATH": "/usr/bin:/bin",
}


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, env={**ENV, "HOME": str(root)}, check=True,
                   capture_output=True)  # fmt: skip


def evil_script(tmp_path: Path) -> tuple[Path, Path]:
    marker = tmp_path / "ran"
    script = tmp_path / "evil.sh"
    script.write_text(f"#!/bin/sh\necho ran >> {marker}\ncat\n", encoding="utf-8")
    script.chmod(0o755)
    return script, marker


def run(cwd: Path, *args: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_an_embedded_bare_repository_is_refused_and_runs_nothing(
    make_network: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outer = tmp_path / "repo"
    outer.mkdir()
    network = make_network()
    shutil.move(str(network), str(outer / "netz"))
    netz = outer / "netz"
    script, marker = evil_script(tmp_path)
    # what a bare repository looks like, committed into an ordinary one
    (netz / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (netz / "objects").mkdir()
    (netz / "objects" / "keep").write_text("", encoding="utf-8")
    (netz / "refs" / "heads").mkdir(parents=True)
    (netz / "refs" / "heads" / "keep").write_text("", encoding="utf-8")
    (netz / "config").write_text(
        f"[core]\n\tbare = true\n\tfsmonitor = {script}\n\thooksPath = {tmp_path}\n",
        encoding="utf-8",
    )
    git(outer, "init", "-q", "-b", "main")
    git(outer, "add", "-A")
    git(outer, "commit", "-q", "-m", "Netz")
    for cwd, prefix in ((outer, ["-C", "netz"]), (netz, [])):
        code, out, err = run(cwd, *prefix, "report", "2021", monkeypatch=monkeypatch)
        assert code == 0 and "eingebettetes git-Repository" in err
        assert "ohne Versionsangabe (ein eingebettetes git-Repository" in out
        for args in (["check", "--changed"], ["changes", "--since", "2021-01-01"]):
            code, _, err = run(cwd, *prefix, *args, monkeypatch=monkeypatch)
            assert code == 2 and "eingebettetes git-Repository" in err, args
    assert not marker.exists()


def test_a_repositorys_own_fsmonitor_and_filters_never_run(
    make_network: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_network()
    script, marker = evil_script(tmp_path)
    (root / ".gitattributes").write_text("*.yaml filter=x diff=y\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Netz")
    for key, value in (
        ("core.fsmonitor", str(script)),
        ("filter.x.clean", str(script)),
        ("filter.x.smudge", str(script)),
        ("filter.x.process", str(script)),
        ("diff.y.textconv", str(script)),
        ("diff.y.command", str(script)),
        ("diff.external", str(script)),
        ("core.pager", str(script)),
        ("core.hooksPath", str(tmp_path)),
    ):
        git(root, "config", key, value)
    partner = root / "partners" / "bank.yaml"
    partner.write_text(partner.read_text(encoding="utf-8") + "cluster: Finanzen\n", "utf-8")
    code, out, _ = run(root, "report", "2021", monkeypatch=monkeypatch)
    assert code == 0 and "mit nicht eingecheckten Änderungen" in out
    code, out, _ = run(root, "check", "--changed", "--today", "2022-01-01", monkeypatch=monkeypatch)
    assert code == 0
    code, _, _ = run(root, "changes", "--since", "HEAD", monkeypatch=monkeypatch)
    assert code == 0
    assert not marker.exists()
