"""The one module that talks to git: the data version a document was made from.

GitPython is imported here only, and only when asked, so that every command that
does not need git works on a machine without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

# What makes up a network's data (relative to its root).
DATA_PATHS = (
    "netzwerk.yaml",
    "partners",
    "groups",
    "meetings",
    "projects",
    "marketplace",
    "reports",
    "templates",
)


@dataclass(frozen=True)
class Provenance:
    """Where the network's files came from: `git` (with the last commit that touched
    the network folder), `no-repo` (not in a git repository) or `no-git` (git is
    not installed)."""

    state: Literal["git", "no-repo", "no-git"]
    commit: str | None = None  # short id
    commit_date: date | None = None
    dirty: bool = False  # files in the network folder differ from that commit


def provenance(root: Path) -> Provenance:
    try:
        import git
    except ImportError:  # GitPython raises this when no git executable is found
        return Provenance("no-git")
    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError, git.GitError):
        return Provenance("no-repo")
    try:
        top = Path(repo.working_tree_dir or root).resolve()
        relative = root.resolve().relative_to(top).as_posix()
        prefix = "" if relative == "." else relative + "/"
        # only what netzwerkctl reads: a report written into the folder, a README or
        # an outbox must not make the data look changed
        paths = [prefix + p for p in DATA_PATHS]
        status = repo.git.status("--porcelain", "--untracked-files=all", "--", *paths)
        dirty = any(line[3:].endswith((".yaml", ".yml", ".j2")) for line in status.splitlines())
        try:
            last = next(repo.iter_commits(paths=paths, max_count=1))
        except (StopIteration, ValueError, git.GitCommandError):  # no commits yet
            return Provenance("git", dirty=True)
        return Provenance("git", last.hexsha[:10], last.committed_datetime.date(), dirty)
    except git.GitError:  # e.g. git refusing a repository owned by someone else
        return Provenance("no-repo")
    finally:
        repo.close()
