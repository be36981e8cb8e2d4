"""The one module that talks to git: the data version a document was made from.

GitPython is imported here only, and only when asked, so that every command that
does not need git works on a machine without it.

A network may come from a stranger's repository, and git runs programs named in a
repository's own configuration: `core.fsmonitor` on `git status`, filter drivers
when it compares files, diff drivers and textconv, hooks, pagers. Every git command
here runs with those switched off (`_harden`), and a repository found by discovery
must be an ordinary one: a bare repository committed into the network folder
(`HEAD`, `objects/`, `refs/`, `config`) is refused, never used.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from netzwerkctl.i18n import cli, short_date

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
    the network folder), `no-repo` (not in a git repository), `no-git` (git is not
    installed) or `refused` (a bare repository inside the network folder)."""

    state: Literal["git", "no-repo", "no-git", "refused"]
    commit: str | None = None  # short id
    commit_date: date | None = None
    dirty: bool = False  # files in the network folder differ from that commit
    shallow: bool = False  # a shallow clone: the history (and so the date) is cut


def provenance(root: Path) -> Provenance:
    try:
        import git
    except ImportError:  # GitPython raises this when no git executable is found
        return Provenance("no-git")
    try:
        repo = _open(root)
    except EmbeddedRepository:
        return Provenance("refused")
    except GitUnavailable:
        return Provenance("no-repo")
    try:
        top = Path(repo.working_tree_dir or root).resolve()
        relative = root.resolve().relative_to(top).as_posix()
        prefix = "" if relative == "." else relative + "/"
        # only what netzwerkctl reads: a report written into the folder, a README or
        # an outbox must not make the data look changed
        paths = [prefix + p for p in DATA_PATHS]
        dirty = _data_changed(repo, paths)
        shallow = repo.git.rev_parse("--is-shallow-repository").strip() == "true"
        try:
            last = next(repo.iter_commits(paths=paths, max_count=1))
        except (StopIteration, ValueError, git.GitCommandError):  # no commits yet
            return Provenance("git", dirty=True, shallow=shallow)
        date_of = last.committed_datetime.date()
        return Provenance("git", last.hexsha[:10], date_of, dirty, shallow)
    except git.GitError:  # e.g. git refusing a repository owned by someone else
        return Provenance("no-repo")
    finally:
        repo.close()


_DATA_SUFFIXES = (".yaml", ".yml", ".j2")


def _data_changed(repo: Any, paths: list[str]) -> bool:
    """Whether the data read differs from the last commit, as far as git can tell:
    changed, staged, new, and also ignored data files (netzwerkctl reads them, git
    does not keep them), and files git was told not to look at (assume-unchanged,
    skip-worktree: git cannot vouch for them). `-z`: paths as they are, never quoted
    ("Lörrach/…", spaces)."""
    status = repo.git.status(
        "--porcelain=v1", "-z", "--untracked-files=all", "--ignored=matching", "--", *paths
    )
    entries = [e for e in status.split("\0") if e]
    # a rename carries its old name as the next entry; that name counts as well
    if any(e[3:].endswith(_DATA_SUFFIXES) or e.endswith(_DATA_SUFFIXES) for e in entries):
        return True
    flagged = repo.git.ls_files("-v", "-z", "--", *paths)
    return any(
        (e[:1].islower() or e[:1] == "S") and e[2:].endswith(_DATA_SUFFIXES)
        for e in flagged.split("\0")
        if e
    )


class GitUnavailable(Exception):
    """git is not installed, or the folder is not in a git repository (message for a
    person)."""


class EmbeddedRepository(GitUnavailable):
    """Discovery found a bare repository inside the network folder (refused)."""


# Configuration a repository could use to run a program of its own, switched off on
# every call (a repository's value would otherwise win over the user's).
_SAFE = (
    "core.fsmonitor=false",
    "core.hooksPath=/dev/null",
    "core.pager=cat",
    "diff.external=",
    "safe.bareRepository=explicit",
    "core.sshCommand=false",
    "credential.helper=",
)


def _harden(repo: Any) -> Any:
    """Every later git call of `repo` with the overrides above, and with every filter
    and diff driver its configuration names made inert (`cat` passes content through;
    an empty process or command means none)."""
    options = list(_SAFE)
    try:
        reader = repo.config_reader()
        sections = list(reader.sections())
    except Exception:  # an unreadable configuration: git itself will say so
        sections = []
    for section in sections:
        kind, _, name = section.partition(" ")
        name = name.strip('"')
        if not name or '"' in name or "\n" in name:
            continue
        if kind == "filter":
            options += [f"filter.{name}.clean=cat", f"filter.{name}.smudge=cat"]
            options += [f"filter.{name}.process=", f"filter.{name}.required=false"]
        elif kind == "diff":
            options += [f"diff.{name}.textconv=cat", f"diff.{name}.command="]
    repo.git.set_persistent_git_options(c=options)
    # Reading never takes git's optional locks: `git status` would otherwise refresh
    # .git/index under index.lock, and a `git pull` at the same moment (the web view
    # reads after every change) could fail with "index.lock exists".
    repo.git.update_environment(GIT_OPTIONAL_LOCKS="0")
    repo.netzwerkctl_options = options  # for the calls that bypass GitPython (_batch)
    return repo


def _open(start: Path) -> Any:
    """The repository `start` lies in, hardened; GitUnavailable without git or outside
    a repository, EmbeddedRepository for a bare repository in the network's folder."""
    try:
        import git
    except ImportError:
        _ = cli()
        raise GitUnavailable(
            _("git is not installed (or not on the PATH). Please install git.")
        ) from None
    try:
        repo = git.Repo(start, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError, git.GitError, ValueError):
        _ = cli()
        raise GitUnavailable(
            _("%(folder)s is not inside a git repository.", folder=start)
        ) from None
    if repo.bare or repo.working_tree_dir is None:
        where = repo.git_dir
        repo.close()
        _ = cli()
        raise EmbeddedRepository(
            _(
                "%(folder)s holds an embedded git repository (HEAD, objects/, refs/, config): "
                "netzwerkctl does not read it, because its settings could start programs. "
                "Remove these files from the network's folder.",
                folder=where,
            )
        )
    return _harden(repo)


def _repo(root: Path) -> Any:
    return _open(root)


def _prefix(repo: Any, root: Path) -> str:
    top = Path(repo.working_tree_dir).resolve()
    relative = root.resolve().relative_to(top).as_posix()
    return "" if relative == "." else relative + "/"


def enclosing_repository(folder: Path) -> Path | None:
    """The top of the git repository `folder` (which need not exist yet) would lie in,
    or None: outside any repository, or git not installed."""
    start = folder.resolve()
    while not start.exists():
        start = start.parent
    try:
        repo = _open(start)
    except GitUnavailable:
        return None
    try:
        top = repo.working_tree_dir
        return Path(top) if top is not None else None
    finally:
        repo.close()


class GitFailed(Exception):
    """git ran and refused (message for a person: git's own first line)."""


def init_repository(root: Path, message: str) -> str:
    """`git init` and a first commit of everything in `root`; the commit's short id.

    Runs the git program itself, so that everything git reads from the environment
    works as with git: GIT_AUTHOR_NAME/EMAIL, GIT_AUTHOR_DATE/GIT_COMMITTER_DATE in
    each of git's formats (ISO 8601, RFC 2822, `@1610701200 +0100`). The person's
    configured identity is used; "netzwerkctl" only where none is configured. No hook
    runs (a global core.hooksPath must not run a stranger's script on `init`)."""
    import os
    import shutil
    import subprocess

    program = shutil.which("git")
    if program is None:
        _ = cli()
        raise GitUnavailable(_("git is not installed: the folder was made without git."))
    # the new repository is the one in `root`, whatever the environment points at
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY")
    }

    def run(*args: str) -> str:
        try:
            done = subprocess.run(
                [program, "-c", "core.hooksPath=/dev/null", *args],
                cwd=root,
                env=env,
                capture_output=True,
                text=True,
                check=True,
                timeout=120,
            )
        except subprocess.CalledProcessError as exc:
            lines = [line for line in (exc.stderr or "").splitlines() if line.strip()]
            raise GitFailed(lines[0].strip() if lines else f"git {args[0]}") from None
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise GitFailed(f"git {args[0]}: {exc}") from None
        return done.stdout.strip()

    def configured(key: str) -> str:
        try:
            return run("config", "--get", key)
        except GitFailed:  # not set
            return ""

    run("-c", "init.defaultBranch=main", "init", "-q")
    run("add", "-A")
    name = configured("user.name") or "netzwerkctl"
    email = configured("user.email") or "netzwerkctl@localhost"
    run("-c", f"user.name={name}", "-c", f"user.email={email}", "commit", "-q", "--no-verify",
        "-m", message)  # fmt: skip
    return run("rev-parse", "--short=10", "HEAD")


def changed_files(root: Path, rev: str) -> set[str]:
    """Files of the network changed since `rev`: committed since, staged, modified in
    the working tree, or new and untracked. Paths relative to the network root."""
    repo = _repo(root)  # first: it turns a missing git into a message
    import git

    try:
        prefix = _prefix(repo, root)
        base = _verified(repo, rev, git)
        # -z: paths as they are (git would quote "Lörrach/…" otherwise)
        diff = repo.git.diff(
            "-z", "--name-only", "--no-ext-diff", "--no-textconv", base, "--", prefix or "."
        )
        untracked = repo.git.ls_files("-z", "--others", "--exclude-standard", "--", prefix or ".")
        names = {n for n in (*diff.split("\0"), *untracked.split("\0")) if n}
        return {n[len(prefix) :] for n in names if n.startswith(prefix)}
    finally:
        repo.close()


EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"  # git's well-known empty tree


def _verified(repo: Any, rev: str, git: Any) -> str:
    """A commit id for `rev`, checked so that a value like `--output=…` can never be
    taken for an option of git; the empty tree in a repository without commits."""
    if rev == "HEAD" and not repo.head.is_valid():
        return EMPTY_TREE
    try:
        found = repo.git.rev_parse("--verify", "--end-of-options", f"{rev}^{{commit}}")
    except git.GitCommandError:
        _ = cli()
        raise GitUnavailable(
            _("'%(rev)s' is no known git revision (commit, tag, branch).", rev=rev)
        ) from None
    return str(found.strip())


def resolve_rev(root: Path, ref: str) -> str:
    """A commit id for a revision, or for a date (ISO or German): the last commit made
    on or before that day."""
    from netzwerkctl.model import parse_day

    repo = _repo(root)  # first: it turns a missing git into a message
    import git

    try:
        try:
            day = parse_day(ref)
        except ValueError:
            day = None
        try:
            if isinstance(day, date):
                found = (  # a repository without commits has none before any day
                    repo.git.rev_list("-1", f"--before={day.isoformat()} 23:59:59", "HEAD")
                    if repo.head.is_valid()
                    else ""
                )
                if not found:
                    _ = cli()
                    raise GitUnavailable(
                        _("There is no commit before %(date)s yet.", date=short_date(day, _.lang))
                    )
                return str(found.strip())
            return _verified(repo, ref, git)
        except (git.BadName, git.GitCommandError, ValueError):
            _ = cli()
            raise GitUnavailable(
                _("'%(ref)s' is neither a date nor a git revision.", ref=ref)
            ) from None
    finally:
        repo.close()


def _batch(repo: Any, objects: list[str]) -> list[bytes | None]:
    """The contents of many objects (ids) in one `git cat-file --batch`: one process
    and one pipe for all of them, not a request each. None for a missing object."""
    import subprocess

    if not objects:
        return []
    options = [arg for o in getattr(repo, "netzwerkctl_options", _SAFE) for arg in ("-c", o)]
    done = subprocess.run(
        ["git", *options, "-C", str(repo.working_tree_dir), "cat-file", "--batch"],
        input="".join(f"{o}\n" for o in objects).encode(),
        capture_output=True,
        check=True,
    )
    out, at = done.stdout, 0
    found: list[bytes | None] = []
    for _name in objects:
        end = out.index(b"\n", at)
        header = out[at:end].split(b" ")
        at = end + 1
        if header[-1] == b"missing" or len(header) != 3:
            found.append(None)
            continue
        size = int(header[2])
        found.append(out[at : at + size])
        at += size + 1  # the content, then a line feed
    return found


def _tree(repo: Any, rev: str, prefix: str) -> dict[str, str]:
    """Path (relative to the network) → blob id of the network's files at `rev`."""
    listing = repo.git.ls_tree("-r", "-z", "--full-tree", rev, "--", prefix or ".")
    found = {}
    for entry in listing.split("\0"):
        if not entry:
            continue
        meta, _, path = entry.partition("\t")
        mode, kind, oid = meta.split(" ")
        if kind == "blob" and not mode.startswith("12") and path.startswith(prefix):
            found[path[len(prefix) :]] = oid  # links (mode 120000) are no files
    return found


def files_at(root: Path, rev: str, paths: set[str] | None = None) -> list[tuple[str, bytes]]:
    """The network's files as they were at a commit (paths relative to the network),
    read in one batch; with `paths`, only those of them that existed then."""
    repo = _repo(root)
    try:
        tree = _tree(repo, rev, _prefix(repo, root))
        wanted = sorted(tree if paths is None else paths & tree.keys())
        contents = _batch(repo, [tree[path] for path in wanted])
        pairs = zip(wanted, contents, strict=True)
        return [(path, data) for path, data in pairs if data is not None]
    finally:
        repo.close()


def changed_between(root: Path, base: str, head: str | None) -> set[str]:
    """The network's paths that differ between two commits — or, without `head`,
    between a commit and the folder as it is (tracked changes and new, untracked
    files). Only what git names; the files are read by the caller."""
    repo = _repo(root)
    try:
        prefix = _prefix(repo, root)
        pathspec = ("--", prefix or ".")
        revs = (base, head) if head is not None else (base,)
        diff = repo.git.diff(
            "-z", "--name-only", "--no-renames", "--no-ext-diff", "--no-textconv", *revs, *pathspec
        )
        names = [n for n in diff.split("\0") if n]
        if head is None:
            untracked = repo.git.ls_files("-z", "--others", "--exclude-standard", *pathspec)
            names += [n for n in untracked.split("\0") if n]
        return {n[len(prefix) :] for n in names if n.startswith(prefix)}
    finally:
        repo.close()


@dataclass(frozen=True)
class Commit:
    id: str  # short id
    day: date
    author: str
    subject: str


def log(root: Path, base: str, limit: int = 200) -> list[Commit]:
    """The commits after `base` (a revision or a date, as `changes` takes it) that
    touched the network folder, newest first, at most `limit`."""
    from datetime import datetime

    start = resolve_rev(root, base)
    repo = _repo(root)
    import git

    try:
        pathspec = ("--", _prefix(repo, root) or ".")
        if not repo.head.is_valid():
            return []
        out = repo.git.log(
            f"--max-count={limit}", "-z", "--format=%h%x1f%cI%x1f%an%x1f%s", f"{start}..HEAD",
            *pathspec,
        )  # fmt: skip
        commits = []
        for entry in out.split("\0"):
            fields = entry.strip("\n").split("\x1f")
            if len(fields) == 4:
                short, when, author, subject = fields
                commits.append(Commit(short, datetime.fromisoformat(when).date(), author, subject))
        return commits
    except git.GitCommandError as exc:
        _ = cli()
        raise GitUnavailable(_("git cannot list the commits: %(reason)s", reason=exc)) from None
    finally:
        repo.close()


def first_commit(root: Path) -> tuple[str, date] | None:
    """The first commit that touched the network folder and its day (None without
    one)."""
    from datetime import datetime

    repo = _repo(root)
    try:
        pathspec = ("--", _prefix(repo, root) or ".")
        if not repo.head.is_valid():
            return None
        out = repo.git.log("--reverse", "--format=%H %cI", "HEAD", *pathspec)
        first = out.split("\n", 1)[0].split()
        if len(first) != 2:
            return None
        return first[0], datetime.fromisoformat(first[1]).date()
    finally:
        repo.close()
