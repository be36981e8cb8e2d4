"""Benchmarks of netzwerkctl against its baselines, side by side in one run.

    python bench/run.py                 # sizes S and L, 5 runs each
    python bench/run.py --sizes S,L,XL --runs 3
    python bench/run.py --grow L,L*4,L*10 --runs 3   # every command, every dimension

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
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate, history

PY = sys.executable
PARSE = (
    "import sys, pathlib, yaml\n"
    "root = pathlib.Path(sys.argv[1])\n"
    "for p in sorted(root.rglob('*.yaml')):\n"
    "    if '.schemas' not in p.parts and '.git' not in p.parts:\n"
    "        yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
)


def measure(
    cmd: list[str], runs: int, env: dict[str, str] | None = None
) -> tuple[float, float, float, float]:
    """(median, min, max) seconds and peak resident memory in MB over `runs` runs."""
    times, peak = [], 0.0
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
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
    parser.add_argument(
        "--grow",
        help="sizes that grow every dimension, e.g. L,L*4,L*10: every command and format, "
        "and its growth next to the parse's",
    )
    parser.add_argument("--commits", type=int, default=2000, help="git history for `changes`")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--paired",
        action="store_true",
        help="--grow: each run after a parse of the same size; the paired ratios beside",
    )
    parser.add_argument(
        "--keep", type=Path, help="folder for the generated networks (default: temporary)"
    )
    args = parser.parse_args()
    tool = [PY, "-m", "netzwerkctl"]
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="netzwerkctl-bench-"))
    if args.grow:
        grow(args.grow.split(","), args.runs, args.commits, workdir, tool, args.paired)
        return
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
        count = made_apart(size, root)
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


# Every command and output format, as a coordinator or CI runs it (stdout to a file;
# the commands named in TERMINAL as on a terminal of 100 columns, in colour).
TERMINAL = frozenset({"remind (terminal)"})


def commands(out: Path, meeting: str = "") -> list[tuple[str, list[str]]]:
    return [
        ("check --no-cache", ["check", "--no-cache"]),
        ("check (cached)", ["check"]),
        ("remind", ["remind"]),
        ("remind (terminal)", ["remind"]),
        ("remind -f md", ["remind", "-f", "md"]),
        ("remind -f json", ["remind", "-f", "json"]),
        ("remind -f ics", ["remind", "-f", "ics"]),
        ("report -f md", ["report", "2021", "-f", "md"]),
        ("report -f json", ["report", "2021", "-f", "json"]),
        ("report -f html", ["report", "2021", "-f", "html"]),
        ("report -o .pdf", ["report", "2021", "-o", str(out / "r.pdf"), "--force"]),
        ("report -o .docx", ["report", "2021", "-o", str(out / "r.docx"), "--force"]),
        ("calendar", ["calendar"]),
        ("calendar --public", ["calendar", "--public"]),
        ("partners", ["partners"]),
        ("partners -f csv", ["partners", "-f", "csv"]),
        ("partners -f json", ["partners", "-f", "json"]),
        ("match", ["match", "Bildung"]),
        ("market", ["market"]),
        ("agenda", ["agenda", meeting]),
        ("minutes", ["minutes", meeting]),
        ("minutes -o .pdf", ["minutes", meeting, "-o", str(out / "m.pdf"), "--force"]),
        ("attendance", ["attendance", meeting]),
        ("person", ["person", "person-0001-0"]),
        ("changes --since HEAD~10", ["changes", "--since", "HEAD~10"]),
    ]


@dataclass(frozen=True)
class Run:
    """One command at one size over several runs."""

    fastest: float  # seconds: the run least disturbed by whatever else the machine did
    median: float
    cpu: float  # seconds of CPU, user and system, the process and its children (fastest)
    peak: float  # MB resident, the largest of the runs


def made_apart(size: str, root: Path, commits: int = 0, seed: int = 2021) -> int:
    """generate() (and history() with `commits`) in a child process, so that this
    process stays small: a command it starts later reports this process's peak memory
    as its own when it is larger (the child starts as a copy of it — vfork — and Linux
    keeps that peak across exec), which made every figure at least the memory of
    generating the largest network."""
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1) as pool:
        return int(pool.apply(_make, (size, str(root), commits, seed)))


def _make(size: str, root: str, commits: int, seed: int) -> int:
    count = generate(size, Path(root), seed)
    if commits:
        history(Path(root), commits)
    return count


def timed_runs(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> Run:
    walls, cpus, peak = [], [], 0.0
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)  # usage: the process and its reaped children
        walls.append(time.perf_counter() - start)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed ({status})")
        cpus.append(usage.ru_utime + usage.ru_stime)
        peak = max(peak, usage.ru_maxrss / 1024)  # kilobytes on Linux
    return Run(min(walls), statistics.median(walls), min(cpus), peak)


def grow(
    sizes: list[str], runs: int, commits: int, workdir: Path, tool: list[str], paired_runs: bool
) -> None:
    """Every command at sizes that grow every dimension together; the growth of each
    from the first size to the last next to the growth of the bare parse (time) and of
    the data (memory: the parse keeps nothing, a command keeps the network).

    A shared machine's noise (another tenant, a busy disk) only ever adds time, so the
    verdict is taken from each command's fastest run, the runs of a command taking
    turns between the sizes, and the parse measured at the start and at the end. The
    CPU time of the process and its children is a second opinion. With `paired`, every
    run of a command also follows a run of the parse of the same size (and `changes` a
    cold `check`), and the median ratio within those pairs is shown as a third: it
    cancels a slow phase that lasts longer than a pair, and scatters where the noise
    changes within one (docs/benchmarks.md shows a run where it did)."""
    measured: dict[tuple[str, str], Run] = {}
    data: dict[str, int] = {}
    roots: dict[str, Path] = {}
    meetings: dict[str, str] = {}
    for size in sizes:
        root = workdir / size.replace("*", "x")
        count = made_apart(size, root, commits)
        data[size] = sum(p.stat().st_size for p in root.rglob("*.yaml"))
        note = f"{size}: {count} files, {data[size] / 1e6:.0f} MB, {commits} commits"
        print(note, file=sys.stderr)
        roots[size] = root
        meetings[size] = sorted(root.glob("meetings/2014/*.yaml"))[0].stem  # a held meeting
    out = workdir / "out"
    out.mkdir(exist_ok=True)

    paired: dict[tuple[str, str], float] = {}  # median of command ÷ its partner run

    def alternating(
        name: str,
        cmds: dict[str, list[str]],
        env: dict[str, str] | None,
        partner: dict[str, list[str]] | None = None,
    ) -> None:
        """`runs` runs of one command at every size, the sizes taking turns (L, L*10,
        L, …): a noisy minute then slows a run at each size, not all runs of one. With
        a `partner`, each run follows a run of the partner at the same size."""
        found: dict[str, list[Run]] = {size: [] for size in cmds}
        ratios: dict[str, list[float]] = {size: [] for size in cmds}
        for _ in range(runs):
            for size in cmds:
                before = timed_runs(partner[size], 1) if partner else None
                found[size].append(timed_runs(cmds[size], 1, env))
                if before:
                    ratios[size].append(found[size][-1].fastest / before.fastest)
        for size in cmds:
            if ratios[size]:
                paired[(size, name)] = statistics.median(ratios[size])
        for size in cmds:
            rs = found[size]
            measured[(size, name)] = Run(
                min(r.fastest for r in rs),
                statistics.median(r.fastest for r in rs),
                min(r.cpu for r in rs),
                max(r.peak for r in rs),
            )
            got = measured[(size, name)]
            pair = f", {paired[(size, name)]:.2f} × its partner" if ratios[size] else ""
            print(
                f"  {size} {name}: {got.fastest:.2f} s ({got.cpu:.2f} s CPU{pair})",
                file=sys.stderr,
            )

    parse = {size: [PY, "-c", PARSE, str(roots[size])] for size in sizes}
    alternating("parse", parse, None)
    early = {size: measured[(size, "parse")] for size in sizes}
    for name, _extra in commands(out):
        cmds = {
            size: [*tool, "-C", str(roots[size]), *dict(commands(out, meetings[size]))[name]]
            for size in sizes
        }
        if name == "check (cached)":
            for size in sizes:
                timed_runs(cmds[size], 1)  # the first run fills the cache
        env = {**os.environ, "FORCE_COLOR": "1", "COLUMNS": "100"} if name in TERMINAL else None
        alternating(name, cmds, env, parse if paired_runs else None)
    if paired_runs:  # `changes` on the first size, each run after a cold check of it
        on_first = {
            name: {s: [*tool, "-C", str(roots[s]), *args] for s in sizes[:1]}
            for name, args in commands(out)
            if name in ("check --no-cache", "changes --since HEAD~10")
        }
        alternating(
            "changes after cold check",
            on_first["changes --since HEAD~10"],
            None,
            on_first["check --no-cache"],
        )
    # the parse once more at the end: its fastest run of the whole session is the baseline
    alternating("parse", parse, None)
    for size in sizes:
        late, before = measured[(size, "parse")], early[size]
        measured[(size, "parse")] = Run(
            min(late.fastest, before.fastest),
            min(late.median, before.median),
            min(late.cpu, before.cpu),
            max(late.peak, before.peak),
        )
    first, last = sizes[0], sizes[-1]

    def growth(name: str, of: str) -> float:
        a, b = measured[(first, name)], measured[(last, name)]
        return float(getattr(b, of) / getattr(a, of))

    parse_wall, parse_cpu = growth("parse", "fastest"), growth("parse", "cpu")
    data_growth = data[last] / data[first]
    head = " | ".join(f"{s} s" for s in sizes)
    print(f"| command | {head} | ÷ parse ({last}) | growth | ÷ parse growth "
          f"| CPU growth ÷ parse's | paired ÷ parse growth | peak MB {first} "
          f"| peak MB {last} | memory growth ÷ data growth | met |")  # fmt: skip
    print("| --- |" + " ---: |" * (len(sizes) + 8) + " --- |")
    for name in ["parse", *(n for n, _ in commands(workdir))]:
        times = [measured[(s, name)].fastest for s in sizes]
        pair = "–"
        if (last, name) in paired:
            pair = f"{paired[(last, name)] / paired[(first, name)]:.2f}"
        wall = growth(name, "fastest") / parse_wall
        cpu = growth(name, "cpu") / parse_cpu
        peaks = measured[(first, name)].peak, measured[(last, name)].peak
        memory = (peaks[1] / peaks[0]) / data_growth
        met = "" if name == "parse" else ("yes" if wall <= 1.1 and memory <= 1.1 else "NO")
        cells = " | ".join(f"{t:.2f}" for t in times)
        to_parse = times[-1] / measured[(last, "parse")].fastest
        print(f"| {name} | {cells} | {to_parse:.2f} | {growth(name, 'fastest'):.1f} "
              f"| {wall:.2f} | {cpu:.2f} | {pair} | {peaks[0]:.0f} | {peaks[1]:.0f} "
              f"| {memory:.2f} | {met} |")  # fmt: skip
    print(f"\nparse growth {first}→{last}: {parse_wall:.1f}× (CPU {parse_cpu:.1f}×); "
          f"data growth: {data_growth:.1f}×")  # fmt: skip
    cold = measured[(first, "check --no-cache")].fastest
    changes = measured[(first, "changes --since HEAD~10")].fastest
    print(f"`changes --since HEAD~10` on {first} with {commits} commits: {changes / cold:.2f} × "
          f"a cold check (fastest runs; target ≤ 1.2)")  # fmt: skip
    after = paired.get((first, "changes after cold check"))
    if after is not None:
        print(f"  paired: {after:.2f} × a cold check run just before it (median of {runs})")
    # What a command spends beyond loading the network (a cold `check` loads and checks
    # it the same way and prints little): deriving and producing its output.
    print("\n| output | size | beyond loading s | loading s | ÷ loading |")
    print("| --- | --- | ---: | ---: | ---: |")
    for name in ("remind", "remind (terminal)", "calendar", "report -f html"):
        for size in sizes:
            load = measured[(size, "check --no-cache")].fastest
            beyond = measured[(size, name)].fastest - load
            print(f"| {name} | {size} | {beyond:.2f} | {load:.2f} | {beyond / load:.2f} |")


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
