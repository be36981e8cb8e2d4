"""README.md's two set-up commands stay true: CI runs the second word for word, and
the first one's `netzwerkctl` call works on the example."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import body
from netzwerkctl.cli import app

TOP = Path(__file__).parents[1]
ACTIVATE = "python3 -m venv .venv && . .venv/bin/activate && "


def _commands() -> list[str]:
    readme = (TOP / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.*?)\n```", readme, re.S)[:2]


def test_readme_starts_with_two_self_contained_commands() -> None:
    run, test = _commands()
    assert run.startswith(ACTIVATE) and test.startswith(ACTIVATE)


def test_ci_runs_the_readme_test_command() -> None:
    _, test = _commands()
    ci = (TOP / ".ci" / "run").read_text(encoding="utf-8")
    assert test.removeprefix(ACTIVATE) in ci.splitlines()


def test_readme_main_command_works_on_the_example(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TOP)  # the command names the example relative to the top folder
    run, _ = _commands()
    call = run.split("&& ")[-1]
    args = shlex.split(call)
    assert args[0] == "netzwerkctl"
    result = CliRunner().invoke(app, args[1:], catch_exceptions=False)
    assert result.exit_code == 0, result.stdout
    assert body(result.stdout).startswith("# Vorlage für: Rat der Stadt Bocholt\n")
    assert "\n# Engagementbericht 2021\n" in result.stdout
