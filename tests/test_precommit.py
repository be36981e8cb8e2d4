"""The pre-commit hook definition that a network's repository uses."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main
import yaml

from netzwerkctl.cli import app

TOP = Path(__file__).parents[1]


def test_hook_runs_check_on_the_data_files_only() -> None:
    [hook] = yaml.safe_load((TOP / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "netzwerkctl-check" and hook["pass_filenames"] is False
    assert hook["language"] == "python"
    words = hook["entry"].split()
    assert words[0] == "netzwerkctl" and words[1] in typer.main.get_command(app).commands  # type: ignore[attr-defined]
    files = re.compile(hook["files"])
    for path in (
        "netzwerk.yaml",
        "partners/caritas.yaml",
        "meetings/2021/2021-03-15-ag.yml",
        "reports/2021.yaml",
    ):
        assert files.search(path), path
    for path in ("README.md", "notizen/x.yaml", "partners/notiz.txt", "templates/de/agenda.md.j2"):
        assert not files.search(path), path


def test_docs_show_a_config_that_uses_the_hook() -> None:
    docs = (TOP / "docs" / "git.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(repos:.*?)```", docs, re.S)
    assert block, "docs/git.md shows a .pre-commit-config.yaml"
    config = yaml.safe_load(block.group(1))
    assert config["repos"][0]["hooks"][0]["id"] == "netzwerkctl-check"
