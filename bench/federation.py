"""The programme report over many networks, measured: 120 synthetic networks between
S and M as local git repositories (bare, reached by file:// URLs), and the three
federation commands over them, beside a bare parse of all their YAML files.

    python bench/federation.py              # 120 networks, 3 runs each
    python bench/federation.py --networks 30 --runs 1 --keep /tmp/programm

Targets (issue 20): `federation report` ≤ 1.2 × the bare parse of every network's YAML
files with yaml.CSafeLoader in the same run; its peak memory below twice that of the
largest single network (`check --no-cache` of it). This is a benchmark, not a test:
nothing here fails.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from run import PARSE, PY, made_apart, measure


def programme(workdir: Path, count: int) -> tuple[Path, Path]:
    """`count` networks as bare repositories and a registry naming them; the largest."""
    rnd = random.Random(120)
    repos = workdir / "repos"
    work = workdir / "work"
    for folder in (repos, work):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    lines = ["name: Synthetisches Programm", "networks:"]
    largest, most = work, -1
    for n in range(count):
        nid = f"netz-{n:03d}"
        size = "S" if n % 10 == 0 else f"M*{rnd.uniform(0.05, 1.0):.2f}"
        root = work / nid
        files = made_apart(size, root, 1, seed=n)
        subprocess.run(
            ["git", "clone", "-q", "--bare", str(root), str(repos / f"{nid}.git")], check=True
        )
        if files > most:
            largest, most = root, files
        lines += [
            f"  - id: {nid}",
            f"    name: Netzwerk {n:03d}",
            f"    city: Stadt {n:03d}",
            f"    url: {(repos / f'{nid}.git').resolve().as_uri()}",
        ]
    registry = workdir / "programm" / "programm.yaml"
    registry.parent.mkdir(exist_ok=True)
    registry.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return registry, largest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--networks", type=int, default=120)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="folder for the networks (default: temporary)")
    args = parser.parse_args()
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="netzwerkctl-programme-"))
    registry, largest = programme(workdir, args.networks)
    files = sum(1 for _ in (workdir / "work").rglob("*.yaml"))
    print(f"{args.networks} networks, {files} files; largest: {largest.name}", file=sys.stderr)
    tool = [PY, "-m", "netzwerkctl"]
    fed = [*tool, "federation"]
    reg = ["--registry", str(registry)]
    cache = registry.parent / "netze"
    if cache.exists():
        shutil.rmtree(cache)
    rows: list[tuple[str, tuple[float, float, float, float]]] = []
    rows.append(("fetch (cold: clone every network)", measure([*fed, "fetch", *reg], 1)))
    rows.append(("fetch (warm: nothing new)", measure([*fed, "fetch", *reg], args.runs)))
    parse = measure([PY, "-c", PARSE, str(cache)], args.runs)
    rows.append(("yaml CSafeLoader parse of every network (baseline)", parse))
    rows.append(("check", measure([*fed, "check", *reg, "--today", "2022-01-01"], args.runs)))
    for fmt in ("json", "md", "html"):
        cmd = [*fed, "report", "2021", *reg, "-f", fmt, "--today", "2022-01-01"]
        rows.append((f"report -f {fmt}", measure(cmd, args.runs)))
    single = measure([*tool, "-C", str(largest), "check", "--no-cache"], args.runs)
    rows.append((f"check --no-cache of the largest network ({largest.name})", single))
    print("| command | median s | min s | ÷ parse (min) | peak MB |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, (median, low, _high, peak) in rows:
        print(f"| {name} | {median:.2f} | {low:.2f} | {low / parse[1]:.2f} | {peak:.0f} |")


if __name__ == "__main__":
    main()
