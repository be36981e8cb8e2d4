"""`check` as a library function: load the folder, run every rule, sort the problems.

Kept apart from the command line so that other commands (and tests) can check a
network before working on it, and so that the command itself stays thin. With
`use_cache`, an unchanged network is answered from `cache.py` without importing the
models at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from netzwerkctl.files import ReadResult, network_files, read_files
from netzwerkctl.problems import Problem, sort_problems

if TYPE_CHECKING:
    from netzwerkctl.codes import Lang
    from netzwerkctl.load import Reads
    from netzwerkctl.network import Network


@dataclass(frozen=True)
class CheckResult:
    problems: list[Problem]
    files: int
    language: Lang
    loaded: Network | None = None  # None when the answer came from the cache
    # with `keep`: each file's bytes and what reading it gave (see load.Loaded.reads),
    # so that the next check of the same folder parses only the files that changed
    reads: Reads = field(default_factory=dict)

    @property
    def network(self) -> Network:
        if self.loaded is None:
            raise ValueError("answered from the cache: no network was loaded")
        return self.loaded

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


def check_network(root: Path, today: date, use_cache: bool = False) -> CheckResult:
    misnamed: list[str] = []
    files = read_files(root, network_files(root, misnamed))
    key = None
    if use_cache:
        from netzwerkctl import cache

        key = cache.result_key(root, files, today, misnamed)
        hit = cache.load(root, key)
        if hit is not None:
            problems, count, language = hit
            return CheckResult(problems, count, language)
    result = check_files(root, files, misnamed, today)
    if key is not None:
        from netzwerkctl import cache

        cache.store(root, key, result.problems, result.files, result.language)
    return result


def check_files(
    root: Path,
    files: list[tuple[str, ReadResult]],
    misnamed: list[str],
    today: date,
    reuse: Reads | None = None,
    keep: bool = False,
) -> CheckResult:
    """The check of files already read (or edited in memory, as `forget` does before
    it writes): every problem, with the network's own settings applied. `reuse` (the
    `reads` of an earlier check with `keep`) spares parsing the unchanged files."""
    from netzwerkctl.checksettings import apply_settings
    from netzwerkctl.files import misnamed_files, reversed_names, stray_folders
    from netzwerkctl.load import build_network
    from netzwerkctl.parallel import available_jobs
    from netzwerkctl.rules import run_rules
    from netzwerkctl.rules.references import suggest_ids_for_names

    loaded = build_network(files, jobs=available_jobs(len(files)), reuse=reuse, keep=keep)
    net = loaded.network
    settings = net.info.checks if net.info else {}
    problems = apply_settings(
        sort_problems(
            [
                *suggest_ids_for_names(net, loaded.problems),
                *stray_folders(root),
                *misnamed_files(misnamed, root),
                *reversed_names([*(rel for rel, _ in files), *misnamed]),
                *run_rules(net, today),
            ]
        ),
        settings,
    )
    return CheckResult(problems, net.files, net.language, net, loaded.reads)
