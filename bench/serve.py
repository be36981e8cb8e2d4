"""How fast the web view answers on a large network, and what a reload costs.

    python bench/serve.py /tmp/netz-L [--runs 5]

Loads the network as `netzwerkctl serve` does, then times every page (median of
`--runs` requests through Starlette's test client, in the process: the page's own
cost, without a socket), then one edited file read again (`LiveNetwork.reload`)
next to a `check --no-cache` of the same folder in a fresh process. A benchmark,
not a test: nothing here fails.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("network", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from starlette.testclient import TestClient

    from netzwerkctl.web.app import Settings, create_app
    from netzwerkctl.web.state import LiveNetwork

    gc.enable()
    start = time.perf_counter()
    live = LiveNetwork(args.network)
    first = time.perf_counter() - start
    snapshot = live.current()
    meeting = next(iter(snapshot.network.meetings))
    partner = next(iter(snapshot.network.partners))
    group = next(iter(snapshot.network.groups))
    project = next(iter(snapshot.network.projects))
    year = max(snapshot.network.meetings_of_year)
    pages = [
        "/",
        "/probleme",
        "/partner",
        f"/partner/{partner}",
        "/gruppen",
        f"/gruppen/{group}",
        f"/sitzungen?jahr={year}",
        f"/sitzungen/{meeting}",
        "/projekte",
        f"/projekte/{project}",
        "/marktplatz",
        f"/bericht?jahr={year}",
        "/aenderungen?seit=HEAD~10",
        "/suche?q=Vorname1",
    ]
    client = TestClient(create_app(live, Settings(watch=False)), base_url="http://127.0.0.1")
    print(f"# {args.network}: {snapshot.files} files; first read {first:.2f} s")
    print("| page | first s | median s | max s |")
    print("| --- | ---: | ---: | ---: |")
    for page in pages:
        times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            response = client.get(page)
            times.append(time.perf_counter() - t)
            assert response.status_code == 200, (page, response.status_code)
        print(f"| `{page}` | {times[0]:.3f} | {statistics.median(times):.3f} | {max(times):.3f} |")
    edited = sorted((args.network / "partners").glob("*.yaml"))[0]
    original = edited.read_bytes()
    reloads = []
    try:
        for n in range(args.runs):
            edited.write_bytes(original + f"notes: Lauf {n}\n".encode())
            t = time.perf_counter()
            live.reload()
            reloads.append(time.perf_counter() - t)
    finally:
        edited.write_bytes(original)
    check = []
    for _ in range(args.runs):
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "netzwerkctl", "-C", str(args.network), "check", "--no-cache"],
            stdout=subprocess.DEVNULL,
            check=False,
        )
        check.append(time.perf_counter() - t)
    reload, cold = statistics.median(reloads), statistics.median(check)
    print(f"\nreload after one edited file: {reload:.2f} s; `check --no-cache`: {cold:.2f} s "
          f"({reload / cold:.2f} ×)")  # fmt: skip


if __name__ == "__main__":
    main()
