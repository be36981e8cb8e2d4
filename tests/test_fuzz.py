"""Property tests: whatever happens to the files, check ends with problems, never
with a crash; and the command line with exit 0 or 1, never a traceback.

A short, repeatable run here; `python bench/fuzz.py` runs ten thousand cases.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from typer.testing import CliRunner

from fuzzing import mutated_network
from netzwerkctl.cli import app
from netzwerkctl.codes import CODES
from netzwerkctl.load import build_network
from netzwerkctl.problems import sort_problems
from netzwerkctl.rules import run_rules

CI = settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)


@CI
@given(mutated_network())
def test_check_never_crashes(files: dict[str, bytes]) -> None:
    loaded = build_network(sorted(files.items()))
    problems = sort_problems([*loaded.problems, *run_rules(loaded.network, date(2022, 1, 1))])
    for p in problems:
        assert p.code in CODES
        assert p.message("de") and p.message("en")
        assert "\n" not in p.message("de")  # one line per problem, always


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(mutated_network())
def test_the_command_line_exits_0_or_1(files: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for rel, data in files.items():
            path = root / rel
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            except (OSError, ValueError):
                continue  # a name the file system refuses
        for fmt in ("text", "json", "github", "gitlab"):
            result = CliRunner().invoke(
                app, ["-C", folder, "check", "--today", "2022-01-01", "--format", fmt]
            )
            assert result.exit_code in (0, 1), result.output
            assert result.exception is None or isinstance(result.exception, SystemExit)
