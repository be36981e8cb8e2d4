"""Reading the registered networks one at a time: `check` and the public exports of a
year and the year before, from the fetched repositories or from published exports.

Each process holds one network at a time — its exports are small, the network is let
go before the next is read — so a programme of a thousand networks needs the memory
of its largest one per process. Networks are read in as many forked processes as
there are cores (at most four), each network in one of them.
"""

from __future__ import annotations

import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from netzwerkctl.federation.export import PublicExport, public_export, read_export
from netzwerkctl.federation.fetch import checkout, stale_marker
from netzwerkctl.federation.programme import NetworkRow, Reason, Status
from netzwerkctl.federation.registry import RegisteredNetwork
from netzwerkctl.problems import Problem

MAX_EXPORT_BYTES = 20 * 1024 * 1024
T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Checked:
    """`check` of one fetched network."""

    network: RegisteredNetwork
    root: Path
    problems: tuple[Problem, ...]
    files: int
    language: str
    commit: str | None
    commit_date: date | None
    missing: str | None = None  # why there is nothing to check (not fetched, no netzwerk.yaml)

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity == "warning")


def _jobs(jobs: int | None) -> int:
    """Networks read at a time: `jobs`, else NETZWERKCTL_JOBS, else one per core (at
    most four); one where processes cannot be forked."""
    import os

    from netzwerkctl.parallel import _can_fork

    if not _can_fork():
        return 1
    chosen = os.environ.get("NETZWERKCTL_JOBS", "")
    if jobs is None and chosen.isdigit() and int(chosen) >= 1:
        jobs = int(chosen)
    if jobs is not None:
        return max(1, jobs)
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


def _each(func: Callable[[T], R], items: list[T], jobs: int | None) -> Iterator[R]:
    """`func` of each item, in order: in `jobs` forked processes, each reading one
    network at a time (and that network in one process: NETZWERKCTL_JOBS=1), or here
    one after the other."""
    import gc

    count = _jobs(jobs)
    if count == 1 or len(items) < 2:
        for item in items:
            yield func(item)
            gc.collect()  # the network read last goes before the next is read
        return
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    before = os.environ.get("NETZWERKCTL_JOBS")
    os.environ["NETZWERKCTL_JOBS"] = "1"
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
            yield from pool.map(_collected, [(func, item) for item in items])
    finally:
        if before is None:
            os.environ.pop("NETZWERKCTL_JOBS", None)
        else:
            os.environ["NETZWERKCTL_JOBS"] = before


def _collected(call: tuple[Callable[[T], R], T]) -> R:
    import gc

    func, item = call
    try:
        return func(item)
    finally:
        gc.collect()


def _missing(cache: Path, network: RegisteredNetwork, root: Path) -> Reason:
    """Why a fetched network has no netzwerk.yaml to read: its repository has none, its
    last fetch failed before there was a copy, or it was never fetched."""
    if root.exists():
        return "no-network"
    return "fetch-failed" if stale_marker(cache, network.id).exists() else "not-fetched"


def _check_one(args: tuple[RegisteredNetwork, Path, date]) -> Checked:
    from netzwerkctl.check import check_network
    from netzwerkctl.gitrepo import provenance

    network, cache, today = args
    root = checkout(cache, network)
    if not (root / "netzwerk.yaml").is_file():
        return Checked(network, root, (), 0, "de", None, None, _missing(cache, network, root))
    result = check_network(root, today)
    version = provenance(root)
    return Checked(
        network,
        root,
        tuple(result.problems),
        result.files,
        result.language,
        version.commit,
        version.commit_date,
    )


def check_each(
    networks: tuple[RegisteredNetwork, ...], cache: Path, today: date, jobs: int | None = None
) -> Iterator[Checked]:
    """`check` of every network with a `url`, in the registry's order."""
    wanted = [(n, cache, today) for n in networks if n.url is not None]
    return _each(_check_one, wanted, jobs)


def _row(args: tuple[RegisteredNetwork, Path, Path, int, date]) -> NetworkRow:
    """The row of one network; a failure of netzwerkctl itself on one network's data is
    that network's reason, not the end of the report."""
    try:
        return _read_row(args)
    except Exception as exc:  # a bug: shown in the report and in the exit code
        network = args[0]
        detail = f"{type(exc).__name__}: {exc}"[:300]  # for stderr, not for the report
        return NetworkRow(network.id, network.name, network.city, "invalid", "failed", detail)


def _read_row(args: tuple[RegisteredNetwork, Path, Path, int, date]) -> NetworkRow:
    from netzwerkctl.check import check_network
    from netzwerkctl.gitrepo import provenance

    network, base, cache, year, today = args
    if network.export is not None:
        return _published(network, base, year, today)
    root = checkout(cache, network)
    if not (root / "netzwerk.yaml").is_file():
        reason = _missing(cache, network, root)
        return NetworkRow(network.id, network.name, network.city, "unreachable", reason)
    result = check_network(root, today)
    first = result.network.first_year
    if first is not None and first > year:  # nothing to count: its zeros would inflate
        founded = result.network.info.founded if result.network.info else None
        day = founded.isoformat() if founded else str(first)
        return NetworkRow(network.id, network.name, network.city, "later", "founded-later", day)
    errors = {p.file for p in result.problems if p.severity == "error"}
    version = provenance(root)
    exports = [public_export(result.network, y, version, len(errors)) for y in (year, year - 1)]
    status: Status = "errors" if errors else "complete"
    return NetworkRow(
        network.id,
        network.name,
        network.city,
        status,
        export=exports[0],
        previous=exports[1],
        stale=stale_marker(cache, network.id).exists(),
    )


def gather(
    networks: tuple[RegisteredNetwork, ...],
    base: Path,
    cache: Path,
    year: int,
    today: date,
    jobs: int | None = None,
) -> list[NetworkRow]:
    """One row per registered network: its exports of `year` and `year - 1`, or why
    there are none. Each network is read on its own and let go before the next."""
    return list(_each(_row, [(n, base, cache, year, today) for n in networks], jobs))


def _published(network: RegisteredNetwork, base: Path, year: int, today: date) -> NetworkRow:
    """A network that publishes its exports: the year's is required, the previous
    year's is used where it exists."""
    assert network.export is not None
    try:
        current = read_export(_download(network.export, base, year))
    except (OSError, ValueError) as exc:
        if isinstance(exc, ValidationError):
            first = exc.errors(include_url=False)[0]
            where = ".".join(str(x) for x in first["loc"]) or "–"
            return NetworkRow(
                network.id, network.name, network.city, "invalid", "not-an-export", where
            )
        founded = _founded_after(network, base, year, today)
        if founded is not None:
            return NetworkRow(
                network.id, network.name, network.city, "later", "founded-later", founded
            )
        detail = str(exc)[:300]
        return NetworkRow(
            network.id, network.name, network.city, "unreachable", "unreadable", detail
        )
    if current.year != year:
        return NetworkRow(network.id, network.name, network.city, "invalid", "wrong-year")
    try:
        previous: PublicExport | None = read_export(_download(network.export, base, year - 1))
    except (OSError, ValueError):
        previous = None
    if previous is not None and previous.year != year - 1:
        previous = None  # e.g. an address without {year}: the same export twice
    status: Status = "errors" if current.files_with_errors else "complete"
    return NetworkRow(
        network.id, network.name, network.city, status, export=current, previous=previous
    )


LATER_EXPORTS = 10  # later years tried for a network's founding, at most


def _founded_after(network: RegisteredNetwork, base: Path, year: int, today: date) -> str | None:
    """The founding day (ISO) of a network without an export for `year`, if its first
    export of a later year (up to this one) says it was founded after `year`
    (`export --public` makes no export for a year before a network's first year); else
    None — also for a network whose `netzwerk.yaml` names no founding day."""
    assert network.export is not None
    if "{year}" not in network.export:
        return None
    for later in range(year + 1, min(today.year, year + LATER_EXPORTS) + 1):
        try:
            export = read_export(_download(network.export, base, later))
        except (OSError, ValueError):
            continue
        founded = export.network.founded
        if export.year != later or founded is None or founded.year <= year:
            return None
        return founded.isoformat()
    return None


def _download(template: str, base: Path, year: int) -> bytes:
    """The export at `template` with {year} filled in: https://, file:// or a path
    relative to the registry; at most MAX_EXPORT_BYTES."""
    where = template.replace("{year}", str(year))
    if where.startswith("https://"):
        with urllib.request.urlopen(where, timeout=60) as response:
            data: bytes = response.read(MAX_EXPORT_BYTES + 1)
    else:
        if where.startswith("file://"):
            path = Path(urllib.parse.unquote(urllib.parse.urlparse(where).path))
        else:
            path = base / where
        with path.open("rb") as handle:
            data = handle.read(MAX_EXPORT_BYTES + 1)
    if len(data) > MAX_EXPORT_BYTES:
        raise OSError(f"larger than {MAX_EXPORT_BYTES >> 20} MB")
    return data
