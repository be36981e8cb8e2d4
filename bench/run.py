"""Benchmarks of netzwerkctl against its baselines, side by side in one run.

    python bench/run.py                 # sizes S and L, 5 runs each
    python bench/run.py --sizes S,L,XL --runs 3

For every size it times `check`, `remind` and `report` (each several times: median,
min, max, and the peak memory of the process) together with two baselines on the same
files: a plain loop of yaml.load(…, Loader=yaml.CSafeLoader) — the parsing limit — and
`python -c "import typer"` — the start-up floor. Ratios are to those baselines, from
the same run on the same machine. This is a benchmark, not a test: nothing here fails.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

PY = sys.executable
PARSE = (
    "import sys, pathlib, yaml\n"
    "root = pathlib.Path(sys.argv[1])\n"
    "for p in sorted(root.rglob('*.yaml')):\n"
    "    if '.schemas' not in p.parts and '.git' not in p.parts:\n"
    "        yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
)


def measure(cmd: list[str], runs: int) -> tuple[float, float, float, float]:
    """(median, min, max) seconds and peak resident memory in MB over `runs` runs."""
    times, peak = [], 0.0
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed ({status})")
        peak = max(peak, usage.ru_maxrss / 1024)  # kilobytes on Linux
    return statistics.median(times), min(times), max(times), peak


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="S,L")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--keep", type=Path, help="folder for the generated networks (default: temporary)"
    )
    args = parser.parse_args()
    tool = [PY, "-m", "netzwerkctl"]
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="netzwerkctl-bench-"))
    print(
        f"# netzwerkctl benchmark — {platform.python_implementation()} "
        f"{platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}, "
        f"{platform.system()} {platform.release()}"
    )
    rows: list[tuple[str, str, tuple[float, float, float, float]]] = []
    typer_floor = measure([PY, "-c", "import typer"], args.runs)
    trio = measure([PY, "-c", "import typer, pydantic, yaml"], args.runs)
    rows += [
        ("-", "python -c 'import typer'", typer_floor),
        ("-", "python -c 'import typer, pydantic, yaml'", trio),
    ]
    rows.append(("-", "netzwerkctl --version", measure([*tool, "--version"], args.runs)))
    rows.append(("-", "netzwerkctl --help", measure([*tool, "--help"], args.runs)))
    parse_of: dict[str, tuple[float, float, float, float]] = {}
    for size in args.sizes.split(","):
        root = workdir / size
        count = generate(size, root)
        print(f"{size}: {count} files in {root}", file=sys.stderr)
        parse_of[size] = measure([PY, "-c", PARSE, str(root)], args.runs)
        rows.append((size, "yaml CSafeLoader parse (baseline)", parse_of[size]))
        for name, extra in (
            ("check", ["check"]),
            ("check --no-cache", ["check", "--no-cache"]),
            ("remind", ["remind", "--format", "json"]),
            ("report", ["report", "2021", "--format", "json"]),
        ):
            if name == "check --no-cache" and "--no-cache" not in _help(tool):
                continue
            rows.append(
                (size, f"netzwerkctl {name}", measure([*tool, "-C", str(root), *extra], args.runs))
            )
    print()
    print("| size | command | median s | min s | max s | peak MB | ÷ import typer | ÷ parse |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size, name, (med, low, high, peak) in rows:
        parse = parse_of.get(size)
        to_parse = f"{med / parse[0]:.2f}" if parse and "baseline" not in name else ""
        floor = f"{med / typer_floor[0]:.2f}"
        print(
            f"| {size} | {name} | {med:.3f} | {low:.3f} | {high:.3f} | {peak:.0f} | {floor} "
            f"| {to_parse} |"
        )
    print()
    print("| target | measured | met |")
    print("| --- | --- | --- |")
    for target, measured, met in targets({(size, name): m for size, name, m in rows}):
        print(f"| {target} | {measured} | {'yes' if met else 'NO'} |")


Measured = tuple[float, float, float, float]


def targets(by: dict[tuple[str, str], Measured]) -> list[tuple[str, str, bool]]:
    """The targets of the benchmark, each with what this run measured."""

    def median(size: str, name: str) -> float:
        return by[(size, name)][0]

    found: list[tuple[str, str, bool]] = []
    typer_floor = median("-", "python -c 'import typer'")
    for name in ("netzwerkctl --version", "netzwerkctl --help"):
        ratio = median("-", name) / typer_floor
        found.append((f"`{name}` ≤ 1.5 × import typer", f"{ratio:.2f} ×", ratio <= 1.5))
    trio = median("-", "python -c 'import typer, pydantic, yaml'")
    if ("S", "netzwerkctl check") in by:
        for name, label in (("check", "cache"), ("check --no-cache", "cold")):
            ratio = median("S", f"netzwerkctl {name}") / trio
            target = f"`{name}` on S ≤ 2 × import typer, pydantic, yaml ({label})"
            found.append((target, f"{ratio:.2f} ×", ratio <= 2.0))
    if ("L", "netzwerkctl check") in by:
        parse = median("L", "yaml CSafeLoader parse (baseline)")
        cold = median("L", "netzwerkctl check --no-cache")
        warm = median("L", "netzwerkctl check")
        found.append(("`check` on L, cold, ≤ 1.0 × parse", f"{cold / parse:.2f} ×", cold <= parse))
        found.append(
            ("`check` on L, warm, ≤ 0.3 × parse", f"{warm / parse:.2f} ×", warm <= 0.3 * parse)
        )
        for name in ("remind", "report"):
            ratio = median("L", f"netzwerkctl {name}") / cold
            found.append((f"`{name}` on L ≤ 1.3 × cold check", f"{ratio:.2f} ×", ratio <= 1.3))
        peak = max(m[3] for (size, _), m in by.items() if size == "L")
        found.append(("peak memory on L ≤ 400 MB", f"{peak:.0f} MB", peak <= 400))
        if ("XL", "netzwerkctl check") in by:
            for name in ("check", "check --no-cache", "remind", "report"):
                ratio = median("XL", f"netzwerkctl {name}") / median("L", f"netzwerkctl {name}")
                found.append((f"`{name}` XL ÷ L ≤ 11", f"{ratio:.1f}", ratio <= 11))
    return found


def _help(tool: list[str]) -> str:
    return subprocess.run(
        [*tool, "check", "--help"], capture_output=True, text=True, check=False
    ).stdout


if __name__ == "__main__":
    main()
