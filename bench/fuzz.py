"""The long fuzz run: ten thousand mutated networks through check, each within a
time bound. A crash or a slow case stops the run with the smallest example Hypothesis
can find; add it to tests/ as a regression test.

    python bench/fuzz.py [--cases 10000] [--seconds 5]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

TOP = Path(__file__).parents[1]
sys.path.insert(0, str(TOP / "tests"))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from fuzzing import mutated_network  # noqa: E402
from netzwerkctl.codes import CODES  # noqa: E402
from netzwerkctl.load import build_network  # noqa: E402
from netzwerkctl.problems import sort_problems  # noqa: E402
from netzwerkctl.rules import run_rules  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=5.0, help="time bound per case")
    args = parser.parse_args()
    count = 0

    @settings(
        max_examples=args.cases,
        deadline=timedelta(seconds=args.seconds),
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(mutated_network())
    def run(files: dict[str, bytes]) -> None:
        nonlocal count
        count += 1
        loaded = build_network(sorted(files.items()))
        problems = sort_problems([*loaded.problems, *run_rules(loaded.network, date(2022, 1, 1))])
        for p in problems:
            assert p.code in CODES and p.message("de") and p.message("en")

    run()
    print(f"{count} Fälle ohne Absturz, jeder unter {args.seconds} s.")


if __name__ == "__main__":
    main()
