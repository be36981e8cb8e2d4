"""`check` as a library function: load the folder, run every rule, sort the problems.

Kept apart from the command line so that other commands (and tests) can check a
network before working on it, and so that the command itself stays thin.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from netzwerkctl.load import load_network
from netzwerkctl.network import Network
from netzwerkctl.problems import Problem, sort_problems
from netzwerkctl.rules import run_rules


@dataclass(frozen=True)
class CheckResult:
    network: Network
    problems: list[Problem]

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


def check_network(root: Path, today: date) -> CheckResult:
    loaded = load_network(root)
    problems = [*loaded.problems, *run_rules(loaded.network, today)]
    return CheckResult(loaded.network, sort_problems(problems))
