"""Property tests: whatever happens to the files, check ends with problems, never
with a crash; and the command line with exit 0, 1 or 2, never a traceback or a hang —
on the small test network, on the example network and on a network of 1,400 files,
which is read by several processes.

A short, repeatable run here; `python bench/fuzz.py` runs ten thousand cases.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from generate import generate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BASE, EXAMPLE_NETWORK
from fuzzing import (
    COMMANDS,
    LARGE_COMMANDS,
    Outcome,
    mutated_files,
    mutated_network,
    read_base,
    run_case,
    write_base,
)
from netzwerkctl.codes import CODES
from netzwerkctl.load import build_network
from netzwerkctl.problems import sort_problems
from netzwerkctl.rules import run_rules

CI = settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
SECONDS = 60.0  # far beyond any real case: a hang, not a slow machine


@CI
@given(mutated_network())
def test_check_never_crashes(files: dict[str, bytes]) -> None:
    loaded = build_network(sorted(files.items()))
    problems = sort_problems([*loaded.problems, *run_rules(loaded.network, date(2022, 1, 1))])
    for p in problems:
        assert p.code in CODES
        assert p.message("de") and p.message("en")
        assert "\n" not in p.message("de")  # one line per problem, always


def _base_folder(tmp: Path, base: dict[str, bytes]) -> Path:
    root = tmp / "netz"
    write_base(root, base)
    return root


SMALL = {rel: text.encode("utf-8") for rel, text in BASE.items()}
EXAMPLE = read_base(EXAMPLE_NETWORK)


@pytest.fixture(scope="module")
def small_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _base_folder(tmp_path_factory.mktemp("small"), SMALL)


@pytest.fixture(scope="module")
def example_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _base_folder(tmp_path_factory.mktemp("example"), EXAMPLE)


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, bytes]]]:
    root = tmp_path_factory.mktemp("large") / "netz"
    assert generate("M", root) > 1_000
    yield root, read_base(root)


def _assert_no_failure(outcomes: list[Outcome]) -> None:
    failures = [f"{' '.join(o.args)}: {o.error}" for o in outcomes if o.failed]
    assert not failures, failures


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_the_command_line_never_crashes_on_the_small_network(
    small_root: Path, data: st.DataObject
) -> None:
    changed = data.draw(mutated_files(SMALL))
    _assert_no_failure(run_case(small_root, SMALL, changed, COMMANDS, SECONDS))


@settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_the_command_line_never_crashes_on_the_example(
    example_root: Path, data: st.DataObject
) -> None:
    changed = data.draw(mutated_files(EXAMPLE))
    _assert_no_failure(run_case(example_root, EXAMPLE, changed, COMMANDS, SECONDS))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parallel path is Linux only")
@settings(max_examples=4, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_check_never_crashes_on_1400_files_read_in_parallel(
    large: tuple[Path, dict[str, bytes]], data: st.DataObject
) -> None:
    from netzwerkctl import parallel

    root, base = large
    assert len(base) >= parallel.MIN_ITEMS  # enough files to be read by several processes
    changed = data.draw(mutated_files(base))
    # the generated network passes check as of mid-2025: every problem is the mutation's
    _assert_no_failure(run_case(root, base, changed, LARGE_COMMANDS, SECONDS))
