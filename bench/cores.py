"""Does the second process pay off, also on a busy machine?

    python bench/cores.py /tmp/netz-L [--runs 7]

Times `check --no-cache` and `report --format json` on a generated network with one
process (`NETZWERKCTL_JOBS=1`) and with the default (as many as `parallel.py` takes),
first on an idle machine, then beside one and two busy loops (other work competing for
the cores), each time once the load average shows just that. Medians of `--runs`
alternating runs. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BUSY = "while True:\n    pass\n"


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("network", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    tool = [sys.executable, "-m", "netzwerkctl", "-C", str(args.network)]
    commands = {
        "check --no-cache": [*tool, "check", "--no-cache"],
        "report -f json": [*tool, "report", "2021", "-f", "json"],
    }
    print(f"# {os.cpu_count()} cores; {args.network}")
    print("| load beside it | command | 1 process s | default s | default ÷ 1 |")
    print("| --- | --- | ---: | ---: | ---: |")
    for busy in (0, 1, 2):
        loops = [subprocess.Popen([sys.executable, "-c", BUSY]) for _ in range(busy)]
        try:
            # the load average of the last minute must show the loops and nothing
            # else (the default leaves busy cores alone): wait until it does, or two
            # minutes at most
            end = time.monotonic() + 120
            while time.monotonic() < end and not busy - 0.1 <= os.getloadavg()[0] < busy + 0.5:
                time.sleep(1)
            for name, cmd in commands.items():
                one: list[float] = []
                default: list[float] = []
                for _ in range(args.runs):  # alternating: drift hits both alike
                    one.append(timed(cmd, {**os.environ, "NETZWERKCTL_JOBS": "1"}))
                    env = {k: v for k, v in os.environ.items() if k != "NETZWERKCTL_JOBS"}
                    default.append(timed(cmd, env))
                a, b = statistics.median(one), statistics.median(default)
                label = "idle" if not busy else f"{busy} busy loop{'s' if busy > 1 else ''}"
                print(f"| {label} | {name} | {a:.2f} | {b:.2f} | {b / a:.2f} |")
        finally:
            for loop in loops:
                loop.kill()
                loop.wait()


if __name__ == "__main__":
    main()
