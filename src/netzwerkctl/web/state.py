"""The network as the web view holds it: read once, read again when a file changes.

Every page shows the snapshot of the last complete read; a change on disk makes a new
one. Only files whose bytes changed are parsed again (the reads of the last check are
kept and reused, as `changes` does for the two ends of a range); the rules run over the
whole network as `check` runs them — so a reload costs at most one `check`. A file with
an error never breaks the view: it is a problem on the page Probleme, like in `check`.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from netzwerkctl.gitrepo import Provenance
from netzwerkctl.load import Reads
from netzwerkctl.network import Network
from netzwerkctl.problems import Problem


@dataclass(frozen=True)
class Snapshot:
    """One complete read of the folder, as of `day`."""

    root: Path
    network: Network
    problems: tuple[Problem, ...]
    files: int
    day: date
    version: Provenance  # the data version: commit, and whether files differ from it
    serial: int  # grows with every read; a page compares it to know it is stale
    reads: Reads  # each file's bytes and its parse, reused by the next read

    @property
    def sources(self) -> dict[str, bytes]:
        """Each file's bytes as read (the Art. 15 view quotes them)."""
        return {rel: raw for rel, (raw, _read) in self.reads.items() if isinstance(raw, bytes)}

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")


class LiveNetwork:
    """The current snapshot of one network folder, thread-safe: pages read
    `current()`, the file watcher calls `reload()` after a change."""

    def __init__(self, root: Path, today: Callable[[], date] = date.today) -> None:
        import secrets

        self.root = root
        self._today = today
        self._lock = threading.Lock()
        self._reads: Reads = {}
        self._serial = 0
        self._failures = 0
        self._boot = secrets.token_hex(4)  # a restarted server is a new version too
        self.failure: str | None = None  # why the last read after a change failed
        self._snapshot = self._read()

    def current(self) -> Snapshot:
        """The last snapshot; read again first when the day has changed since (the
        reminders and the rules depend on it). If that read fails, the last one."""
        snapshot = self._snapshot
        if snapshot.day == self._today():
            return snapshot
        with self._lock:  # many requests after midnight: one read
            if self._snapshot.day == self._today():
                return self._snapshot
            try:
                return self._reload_locked()
            except Exception:
                return self._snapshot

    def version(self, snapshot: Snapshot | None = None) -> str:
        """What an open page compares with the one it was made from: the server's
        start, the read the page shows, and how many reads failed since."""
        shown = snapshot or self._snapshot
        return f"{self._boot}.{shown.serial}.{self._failures}"

    def reload(self) -> Snapshot:
        """Read again; if that fails (it should not: `check` survives any file), keep
        the last complete read, say why in `failure`, and raise."""
        with self._lock:
            snapshot = self._reload_locked()
        # The last read's reference cycles go now, not whenever the collector next
        # reaches its oldest generation: the memory of a server that reads again after
        # every edit stays where it is, instead of growing until a full collection.
        gc.collect()
        return snapshot

    def _reload_locked(self) -> Snapshot:
        try:
            self._snapshot = self._read()
        except Exception as exc:
            self._failures += 1
            self.failure = f"{type(exc).__name__}: {exc}"
            raise
        self.failure = None
        return self._snapshot

    def _read(self) -> Snapshot:
        from netzwerkctl.check import check_files
        from netzwerkctl.files import network_files, read_files
        from netzwerkctl.gitrepo import provenance

        day = self._today()
        misnamed: list[str] = []
        files = read_files(self.root, network_files(self.root, misnamed))
        result = check_files(self.root, files, misnamed, day, reuse=self._reads, keep=True)
        self._reads = result.reads
        self._serial += 1
        return Snapshot(
            self.root,
            result.network,
            tuple(result.problems),
            result.files,
            day,
            provenance(self.root),
            self._serial,
            result.reads,
        )
