"""The long fuzz run: thousands of mutated networks through the command line, each
command within a time bound. Mutations are those of tests/fuzzing.py — flipped and
special bytes, truncation, long values (5k–150k characters) in any scalar, deep
nesting, lines and files of megabytes, odd file names — on three bases: the small test
network, the example network, and a generated network of 1,400 files (read by several
processes). A traceback, a hang or an exit code other than 0, 1 or 2 stops the run with
the smallest example Hypothesis finds; add it to tests/ as a regression test.

    python bench/fuzz.py [--cases 10000] [--seconds 60] [--bases small,example,large]

The cases are shared among the bases in the ratio 6:3:1; on the small network and the
example every case runs check in four formats, and report (JSON and HTML), remind,
partners, calendar, market and match with --allow-errors; on the large one, check.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path

TOP = Path(__file__).parents[1]
sys.path.insert(0, str(TOP / "tests"))
sys.path.insert(0, str(TOP / "bench"))

from generate import generate  # noqa: E402
from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from conftest import BASE, EXAMPLE_NETWORK  # noqa: E402
from fuzzing import (  # noqa: E402
    COMMANDS,
    LARGE_COMMANDS,
    mutated_files,
    read_base,
    run_case,
    write_base,
)

SHARE = {"small": 6, "example": 3, "large": 1}


def fuzz(
    name: str, root: Path, base: dict[str, bytes], cases: int, options: argparse.Namespace
) -> tuple[collections.Counter[str], float, int]:
    """Run `cases` mutated networks on one base: exit codes by command, the slowest
    command's seconds, and the number of cases run."""
    commands = LARGE_COMMANDS if name == "large" else COMMANDS
    exits: collections.Counter[str] = collections.Counter()
    slowest, count = 0.0, 0

    @seed(options.seed)
    @settings(
        max_examples=cases, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    @given(st.data())
    def run(data: st.DataObject) -> None:
        nonlocal count, slowest
        count += 1
        changed = data.draw(mutated_files(base))
        for outcome in run_case(root, base, changed, commands, options.seconds):
            exits[f"{name} {outcome.args[0]}: Exit {outcome.exit_code}"] += 1
            slowest = max(slowest, outcome.seconds)
            assert not outcome.failed, f"{' '.join(outcome.args)}: {outcome.error}"

    run()
    return exits, slowest, count


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=60.0, help="time bound per command")
    parser.add_argument("--bases", default="small,example,large")
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()
    bases = options.bases.split(",")
    shares = sum(SHARE[b] for b in bases)
    exits: collections.Counter[str] = collections.Counter()
    slowest, total = 0.0, 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for name in bases:
            root = Path(folder) / name / "netz"
            if name == "small":
                base = {rel: text.encode("utf-8") for rel, text in BASE.items()}
                write_base(root, base)
            elif name == "example":
                base = read_base(EXAMPLE_NETWORK)
                write_base(root, base)
            else:
                generate("M", root)
                base = read_base(root)
            cases = max(1, options.cases * SHARE[name] // shares)
            counts, slow, count = fuzz(name, root, base, cases, options)
            exits.update(counts)
            slowest, total = max(slowest, slow), total + count
            print(f"{name}: {len(base)} Dateien, {count} Fälle", flush=True)
    minutes = (time.perf_counter() - started) / 60
    print(
        f"{total} Fälle, {sum(exits.values())} Läufe: keine Ausnahme, kein Hänger; "
        f"längster Lauf {slowest:.1f} s; {minutes:.0f} min"
    )
    for key, n in sorted(exits.items()):
        print(f"  {key}: {n}")


if __name__ == "__main__":
    main()
