"""The network's history from git: its state at a commit or a date, and what changed
between two states (for `changes` and the agenda's "Neues im Netzwerk")."""

from __future__ import annotations

from pathlib import Path

from netzwerkctl.derive.changes import Change, changes
from netzwerkctl.files import is_data_file
from netzwerkctl.load import build_network, load_network
from netzwerkctl.network import Network


def network_at(root: Path, ref: str | None) -> Network:
    """The network at a revision or date; the files as they are now for None."""
    if ref is None:
        return load_network(root).network
    from netzwerkctl.gitrepo import files_at, resolve_rev
    from netzwerkctl.parallel import available_jobs

    files = [
        (rel, data) for rel, data in files_at(root, resolve_rev(root, ref)) if is_data_file(rel)
    ]
    return build_network(files, jobs=available_jobs(len(files))).network


def changes_between(root: Path, since: str, until: str | None = None) -> list[Change]:
    return changes(network_at(root, since), network_at(root, until))
