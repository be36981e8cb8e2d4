"""The network's history from git: what changed between two states (for `changes` and
the agenda's "Neues im Netzwerk").

It costs what git costs: the later end is loaded once (the folder, or the files at a
commit read in one `git cat-file --batch`); the earlier end is that same set of files
with only the ones git names as changed read from the earlier commit, again in one
batch — and every file that is the same at both ends is parsed and validated once.
The time grows with the number of changed files, not with the length of the history.
"""

from __future__ import annotations

from pathlib import Path

from netzwerkctl.derive.changes import Change, changes
from netzwerkctl.files import ReadResult, is_data_file, network_files, read_files
from netzwerkctl.load import Reads, build_network
from netzwerkctl.network import Network


def changes_between(
    root: Path,
    since: str,
    until: str | None = None,
    reuse: Reads | None = None,
) -> tuple[list[Change], Network]:
    """What changed from `since` (a revision or a date) to `until` (one as well, or
    the folder as it is), and the network at `until` (its language, its names).
    `reuse`: the reads of a load kept in memory (the web view's), so that no file whose
    bytes are unchanged is parsed again."""
    from netzwerkctl.gitrepo import changed_between, files_at, resolve_rev
    from netzwerkctl.parallel import available_jobs

    base = resolve_rev(root, since)
    head = resolve_rev(root, until) if until is not None else None
    after_files: list[tuple[str, ReadResult]] = (
        list(read_files(root, network_files(root)))
        if head is None
        else [(rel, data) for rel, data in files_at(root, head) if is_data_file(rel)]
    )
    changed = {rel for rel in changed_between(root, base, head) if is_data_file(rel)}
    old = dict(files_at(root, base, changed))
    before_files = sorted(
        [(rel, raw) for rel, raw in after_files if rel not in changed] + list(old.items())
    )
    after = build_network(
        after_files, jobs=available_jobs(len(after_files)), reuse=reuse, keep=True
    )
    before = build_network(before_files, jobs=available_jobs(len(old)), reuse=after.reads)
    return changes(before.network, after.network), after.network
