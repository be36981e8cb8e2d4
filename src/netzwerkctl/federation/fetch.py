"""Fetching the registered networks' repositories into a cache folder.

Each repository is cloned shallow (the newest commit of its branch or tag, no tags,
no submodules) or, when it is there already, brought to the newest commit — also
after its history was rewritten. A clone is made in a hidden folder and renamed
when complete, so an interrupted run leaves no half clone behind and the next run
starts that network again. A bounded number run at a time; a network that fails or
cannot be reached never stops the others, keeps its last good copy and is reported
with git's reason.

Nothing from a repository is ever executed: git runs without hooks, filters, an
fsmonitor or symbolic links (checked out as plain files), only over the transports
file, https, ssh and git (never `ext::`), and checks every object it receives.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from netzwerkctl.federation.registry import RegisteredNetwork

State = Literal["cloned", "updated", "unchanged", "failed", "export"]
# why a fetch failed: git said so (its words in `reason`), it took too long, git is
# missing, or the cache folder could not be written
Failure = Literal["git", "timeout", "no-git", "cache"]

_OPTIONS = (
    "protocol.allow=never",
    "protocol.file.allow=always",
    "protocol.https.allow=always",
    "protocol.ssh.allow=always",
    "protocol.git.allow=always",
    "core.hooksPath=/dev/null",
    "core.fsmonitor=false",
    "core.symlinks=false",
    "core.pager=cat",
    "submodule.recurse=false",
    "transfer.fsckObjects=true",
    "advice.detachedHead=false",
)
_ENV = {
    "GIT_TERMINAL_PROMPT": "0",  # never wait for a password in CI
    "GIT_LFS_SKIP_SMUDGE": "1",  # large files stay pointers: netzwerkctl reads YAML only
    "GIT_OPTIONAL_LOCKS": "0",
    "LC_ALL": "C",  # git's reasons in one language, as the tests read them
}
_CREDENTIALS = re.compile(r"(://)[^/@\s]+@")


@dataclass(frozen=True)
class Fetched:
    """What happened to one network."""

    id: str
    state: State
    commit: str | None = None  # the commit now in the cache
    failure: Failure | None = None
    reason: str | None = None  # git's words or the system's (credentials masked)


def source_url(network: RegisteredNetwork, base: Path) -> str:
    """The network's git URL, a relative folder resolved against the registry's."""
    url = network.url or ""
    if url.startswith(("./", "../")):
        return str((base / url).resolve())
    return url


def stale_marker(cache: Path, network_id: str) -> Path:
    """A file that says the last fetch of a network failed: its copy in the cache, if
    there is one, is older than its repository; without one, it was never fetched
    (the report says either)."""
    return cache / f".{network_id}.stale"


def checkout(cache: Path, network: RegisteredNetwork) -> Path:
    """The folder with the network's files in the cache (its `folder` inside the
    repository; one that would lead outside it is the repository itself, which then
    has no netzwerk.yaml — registry.py refuses such folders anyway)."""
    root = cache / network.id
    if not network.folder:
        return root
    inside = root / network.folder
    try:
        inside.resolve().relative_to(root.resolve())
    except ValueError:
        return root / ".outside"
    return inside


def fetch_all(
    networks: Sequence[RegisteredNetwork],
    base: Path,
    cache: Path,
    jobs: int = 4,
    timeout: float = 600.0,
    progress: Callable[[Fetched], None] | None = None,
) -> list[Fetched]:
    """Clone or update every network with a `url` into `cache/<id>`, `jobs` at a time;
    results in the registry's order."""
    cache.mkdir(parents=True, exist_ok=True)

    def one(network: RegisteredNetwork) -> Fetched:
        if network.url is None:
            result = Fetched(network.id, "export")
        else:
            result = _fetch(network, source_url(network, base), cache, timeout)
            marker = stale_marker(cache, network.id)
            if result.state == "failed":  # the copy, if any, is older than the repository
                marker.write_text(result.failure or "", encoding="utf-8")
            else:
                marker.unlink(missing_ok=True)
        if progress is not None:
            progress(result)
        return result

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(one, networks))


def _git(args: list[str], cwd: Path | None, timeout: float) -> str:
    command = ["git"]
    for option in _OPTIONS:
        command += ["-c", option]
    done = subprocess.run(
        [*command, *args],
        cwd=cwd,
        env={**os.environ, **_ENV},
        capture_output=True,
        text=True,
        errors="replace",  # a server's message in any encoding
        timeout=timeout,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    if done.returncode != 0:
        raise _GitFailed(done.stderr)
    return done.stdout.strip()


class _GitFailed(Exception):
    pass


def _reason(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    fatal = [line for line in lines if line.lower().startswith(("fatal:", "error:"))]
    chosen = " ".join(fatal) if fatal else (lines or ["git failed"])[-1]
    return _CREDENTIALS.sub(r"\1***@", chosen)[:500]


def _fetch(network: RegisteredNetwork, url: str, cache: Path, timeout: float) -> Fetched:
    """One network: updated in place where its copy is there, else (or when the update
    fails, e.g. on a lock file left by a killed run) cloned afresh beside it and put in
    its place once complete. The last good copy stays until a new one is complete."""
    target = cache / network.id
    try:
        if (target / ".git").is_dir() and _origin(target, timeout) == url:
            try:
                return _update(network, target, timeout)
            except (_GitFailed, subprocess.TimeoutExpired):
                pass  # cloned afresh below
        return _clone(network, url, cache, target, timeout)
    except _GitFailed as exc:
        return Fetched(network.id, "failed", _head_or_none(target), "git", _reason(str(exc)))
    except subprocess.TimeoutExpired:
        return Fetched(network.id, "failed", _head_or_none(target), "timeout")
    except FileNotFoundError as exc:
        if exc.filename in ("git", None):
            return Fetched(network.id, "failed", None, "no-git")
        return Fetched(network.id, "failed", _head_or_none(target), "cache", str(exc))
    except OSError as exc:
        return Fetched(network.id, "failed", _head_or_none(target), "cache", str(exc))
    finally:
        shutil.rmtree(cache / f".{network.id}.partial", ignore_errors=True)


def _update(network: RegisteredNetwork, target: Path, timeout: float) -> Fetched:
    before = _head(target, timeout)
    _git(
        ["fetch", "--depth", "1", "--no-tags", "--", "origin", network.ref or "HEAD"],
        target,
        timeout,
    )
    _git(["reset", "--hard", "--quiet", "FETCH_HEAD"], target, timeout)
    _git(["clean", "-ffdxq"], target, timeout)
    after = _head(target, timeout)
    return Fetched(network.id, "unchanged" if after == before else "updated", after)


def _clone(
    network: RegisteredNetwork, url: str, cache: Path, target: Path, timeout: float
) -> Fetched:
    partial = cache / f".{network.id}.partial"
    if partial.exists():
        shutil.rmtree(partial)  # an interrupted clone: start again
    branch = ["--branch", network.ref] if network.ref else []
    _git(
        [
            "clone",
            "--depth",
            "1",
            "--no-tags",
            "--single-branch",
            "--no-recurse-submodules",
            "--quiet",
            *branch,
            "--",
            url,
            str(partial),
        ],
        None,
        timeout,
    )
    # the repository's own configuration keeps the switches for later commands
    _git(["config", "core.symlinks", "false"], partial, timeout)
    if target.exists():
        shutil.rmtree(target)
    partial.rename(target)
    return Fetched(network.id, "cloned", _head(target, timeout))


def _origin(target: Path, timeout: float) -> str | None:
    try:
        return _git(["config", "--get", "remote.origin.url"], target, timeout)
    except _GitFailed:
        return None


def _head(target: Path, timeout: float) -> str:
    return _git(["rev-parse", "HEAD"], target, timeout)[:10]


def _head_or_none(target: Path) -> str | None:
    if not (target / ".git").is_dir():
        return None
    try:
        return _head(target, 60)
    except (_GitFailed, subprocess.TimeoutExpired, OSError):
        return None
