"""`netzwerkctl forget ID` (Art. 17 GDPR): pseudonymises a person, dry run by default.

Before anything is written, the edited files are checked and the yearly reports of
every year are computed from them and compared with today's: an erasure that would
change a figure, or leave an error, is refused. Git history is never rewritten here;
`--history` prints how to do it and what every clone owner must then do.
"""

from __future__ import annotations

import re
import shlex
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from netzwerkctl.cli.common import EXIT_PROBLEMS, fail, network_root, parse_today
from netzwerkctl.i18n import cli, short_date

if TYPE_CHECKING:
    from netzwerkctl.forget import Plan
    from netzwerkctl.network import Network

# Generated files in the folder that may still hold the person's data: searched as
# text and named, never edited (they are regenerated or deleted by the coordinator).
_TEXT_SUFFIXES = frozenset(
    {".md", ".html", ".htm", ".txt", ".eml", ".ics", ".csv", ".json", ".jsonl", ".log"}
    | {".yaml", ".yml", ".j2", ".xml"}
)
_BINARY_SUFFIXES = frozenset({".pdf", ".docx", ".odt"})
_MAX_SEARCHED = 5 * 1024 * 1024


def forget(
    ctx: typer.Context,
    person_ids: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Argument(help="Ids of the persons to pseudonymise.", show_default=False),
    ] = None,
    expired: Annotated[
        bool,
        typer.Option(
            "--expired",
            help="Everyone whose contact data is kept beyond privacy.retention_years (NW508).",
        ),
    ] = False,
    write: Annotated[
        bool, typer.Option("--write", help="Apply the changes (without: only show them).")
    ] = False,
    history: Annotated[
        bool,
        typer.Option(
            "--history",
            help="Also print the commands that remove the data from the git history.",
        ),
    ] = False,
    today: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            help="The day of the erasure (forgotten:), and of the check (2026-12-07 or 7.12.2026)."
        ),
    ] = None,
) -> None:
    """Erasure (Art. 17 GDPR) that keeps every figure: replaces a person by a
    pseudonym (ehemalig-7f3a, "ehemalige Ansprechperson"), removes their contact
    data, and rewrites every line that names them. Shows what it would change; --write
    changes it, after checking that the network stays without errors and that no
    report of any year changes.

    Examples:

      netzwerkctl forget maria-schulte

      netzwerkctl forget maria-schulte --write --history

      netzwerkctl forget --expired --write
    """
    from netzwerkctl.check import check_files
    from netzwerkctl.files import network_files, read_files
    from netzwerkctl.forget import plan_erasure

    _ = cli()
    day = parse_today(today)
    if day > date.today():  # the day of the erasure is written into the data: it is history
        fail(_("An erasure is dated today or earlier, not %(day)s.", day=short_date(day, _.lang)))
    ids = list(dict.fromkeys(person_ids or []))
    if not ids and not expired:
        fail(_("Name the person's id, or use --expired."))
    root = network_root(ctx)
    misnamed: list[str] = []
    files = read_files(root, network_files(root, misnamed))
    before = check_files(root, files, misnamed, day)
    network = before.loaded
    assert network is not None
    if before.errors:
        from netzwerkctl.cli.check import print_problems

        print_problems(root, [p for p in before.problems if p.severity == "error"], _.lang)
        fail(
            _(
                "The network has errors: pseudonymising needs every file read. Fix them "
                "first; `netzwerkctl check` shows them."
            ),
            EXIT_PROBLEMS,
        )
    if expired:
        if network.info is None or network.info.privacy.retention_years is None:
            fail(_("--expired needs privacy.retention_years in netzwerk.yaml."))
        ids += [i for i in _expired(network, day) if i not in ids]
        if not ids:
            typer.echo(_("No contact data is kept beyond the retention period."))
            return
    texts = {rel: raw.decode("utf-8-sig") for rel, raw in files if isinstance(raw, bytes)}
    plan = plan_erasure(network, ids, texts, day)
    for refusal in plan.refused:
        sys.stderr.write(
            "netzwerkctl: "
            + _(
                "%(person)s is not pseudonymised: %(reason)s.",
                person=refusal.person,
                reason=refusal.reason,
            )
            + "\n"
        )
    if not plan.forgotten:
        raise typer.Exit(EXIT_PROBLEMS)
    _print_plan(plan)

    raw_by_file = {rel: raw for rel, raw in files if isinstance(raw, bytes)}
    edited: list[tuple[str, Any]] = [
        (rel, _encoded(plan.texts[rel], raw_by_file[rel]) if rel in plan.texts else raw)
        for rel, raw in files
    ]
    after = check_files(root, edited, misnamed, day)
    assert after.loaded is not None
    new_problems = [p for p in after.problems if p.severity == "error"]
    # a network with errors has no reports to compare: the errors are the reason
    changed_years = [] if new_problems else _changed_reports(network, after.loaded, day)
    if changed_years or new_problems:
        from netzwerkctl.cli.check import print_problems

        print_problems(root, new_problems, _.lang, sys.stderr)
        if changed_years:
            years = ", ".join(str(y) for y in changed_years)
            sys.stderr.write(
                "netzwerkctl: " + _("The report of %(years)s would change.", years=years) + "\n"
            )
        fail(_("Nothing written: the erasure would not keep the network intact."), EXIT_PROBLEMS)

    from netzwerkctl.present.problems import summary

    record = _record_renamed(root, {f.person: f.pseudonym for f in plan.forgotten})
    others = [
        rel for rel in _other_files(root, plan, set(texts)) if record is None or rel != record[0]
    ]
    if not write:
        typer.echo(_("Nothing changed; --write applies these changes."))
    else:
        from netzwerkctl.writers import WriteError, write_inside

        if record is not None:  # first: a run sending right now stops this one unwritten
            _write_record(root, {f.person: f.pseudonym for f in plan.forgotten})
        for rel, data in sorted(
            (rel, _encoded(plan.texts[rel], raw_by_file[rel])) for rel in plan.texts
        ):
            try:
                write_inside(root, rel, data)
            except WriteError as exc:
                fail(str(exc), EXIT_PROBLEMS)
            typer.echo(_("written: %(file)s", file=rel))
    typer.echo(
        _(
            "check afterwards: %(summary)s; the reports of all years keep every figure.",
            summary=summary(after.problems, after.files, _.lang),
        )
    )
    _print_leftovers(plan, others)
    if history or write:  # after --write, the only moment the replacements are known
        _print_history(plan, _origin(root))
    else:
        typer.echo(
            _(
                "The git history still holds the old data; with --history (and always "
                "with --write) netzwerkctl shows how to remove it there too."
            )
        )
    if write and plan.unsure:
        raise typer.Exit(EXIT_PROBLEMS)


def _record_renamed(root: Path, pseudonyms: dict[str, str]) -> tuple[str, bytes] | None:
    """The record of sent messages in the network's outbox with each forgotten id
    replaced by the pseudonym (and the server's answer, which may quote the address,
    left out); None when it names nobody forgotten. So the record keeps what was sent,
    and the next invitation sees the pseudonym as the one who had it — not an unknown
    former invitee to send a cancellation to."""
    import json

    from netzwerkctl.mail import RECORD

    rel = f"postausgang/{RECORD}"
    path = root / rel
    if path.is_symlink() or not path.is_file():
        return None
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    changed = False
    out = []
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            out.append(line)
            continue
        if isinstance(entry, dict) and entry.get("person") in pseudonyms:
            entry["person"] = pseudonyms[entry["person"]]
            entry.pop("answer", None)
            line = json.dumps(entry)
            changed = True
        out.append(line)
    return (rel, ("\n".join(out) + "\n").encode("utf-8")) if changed else None


def _write_record(root: Path, pseudonyms: dict[str, str]) -> None:
    """The record rewritten under the outbox's lock: a run sending at the same time
    appends nothing that the rewrite would lose (it waits, or this one stops)."""
    from netzwerkctl.mail import OutboxBusy, outbox_lock
    from netzwerkctl.writers import WriteError, write_inside

    _ = cli()
    try:
        with outbox_lock(root / "postausgang"):
            record = _record_renamed(root, pseudonyms)  # read again, under the lock
            if record is not None:
                write_inside(root, *record)
                typer.echo(_("written: %(file)s", file=record[0]))
    except OutboxBusy as exc:
        from netzwerkctl.cli.delivery import outbox_busy

        outbox_busy(root / "postausgang", exc)
    except WriteError as exc:
        fail(str(exc), EXIT_PROBLEMS)


def _expired(network: Network, day: date) -> list[str]:
    return [
        contact.id
        for partner in network.partners.values()
        for contact in partner.contacts
        if network.retention_over(partner, contact, day) is not None
    ]


def _encoded(text: str, original: bytes) -> bytes:
    bom = b"\xef\xbb\xbf" if original.startswith(b"\xef\xbb\xbf") else b""
    return bom + text.encode("utf-8")


def _print_plan(plan: Plan) -> None:
    _ = cli()
    for f in plan.forgotten:
        typer.echo(
            _(
                "%(person)s becomes %(pseudonym)s (%(file)s)",
                person=f.person,
                pseudonym=f.pseudonym,
                file=f.file,
            )
        )
    for change in plan.changes:
        typer.echo(f"{change.file}:{change.line}:")
        for line in change.before.split("\n"):
            typer.echo(f"  - {line.rstrip()}")
        for line in change.after:
            typer.echo(f"  + {line.rstrip()}")


def _print_leftovers(plan: Plan, others: list[str]) -> None:
    _ = cli()
    if plan.unsure:
        typer.echo(
            _(
                "These lines may name the person — another contact has the same surname, "
                "or a title stands before it that the name of a firm may carry too (Dr. …); "
                "change them by hand:"
            )
        )
        for u in plan.unsure:
            typer.echo(f"  {u.file}:{u.line}: {u.text}")
    if others:
        typer.echo(
            _(
                "These files in the folder are not network data but may hold the person's "
                "data (generated documents, sent messages); delete or regenerate them:"
            )
        )
        for name in others:
            typer.echo(f"  {name}")


def _origin(root: Path) -> str | None:
    """The URL the network's repository pushes to, if it has one."""
    import subprocess

    try:
        found = subprocess.run(
            ["git", "-C", str(root), "remote", "get-url", "origin"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    url = found.stdout.strip()
    return url if found.returncode == 0 and url else None


def _print_history(plan: Plan, origin: str | None) -> None:
    """The steps that remove the data from every commit, as a script to copy: the
    same patterns `forget` applied to the files (with their word boundaries), and a
    search that must find nothing before the rewritten history is pushed."""
    _ = cli()
    expressions = [
        f"regex:{'(?i)' if r.ignore_case else ''}{r.pattern}==>{r.replacement}"
        for r in plan.replacements
    ]
    search = "|".join(
        f"(?:{'(?i)' if r.ignore_case else ''}{r.pattern})" for r in plan.replacements
    )
    name = f"../forget-{'-'.join(f.pseudonym for f in plan.forgotten)}.txt"
    url = shlex.quote(origin) if origin else _("<address of the repository>")
    typer.echo("")
    typer.echo(
        _(
            "To remove the data from the git history, every commit is rewritten. netzwerkctl "
            "does not do that itself; agree on a moment with everyone who has a clone, then, "
            "in a fresh clone of the repository (git filter-repo: "
            "https://github.com/newren/git-filter-repo):"
        )
    )
    script = [
        f"git clone --no-local {url} netzwerk-neu",  # packed: what filter-repo expects
        "cd netzwerk-neu",
        f"cat > {name} <<'EOF'",
        *expressions,
        "EOF",
        f"git filter-repo --replace-text {name} --replace-message {name}",
        f"git log --all -p | grep -c -P {shlex.quote(search)}",
        f"rm {name}",
        "netzwerkctl check",
        f"git remote add origin {url}",
        "git push --force --all && git push --force --tags",
    ]
    typer.echo("")
    typer.echo("\n".join(script))
    typer.echo("")
    for line in (
        _(
            "The file of replacements holds the data itself: keep it outside the "
            "repository and delete it afterwards. The grep must count 0."
        ),
        _(
            "Then every clone owner deletes their clone and clones anew: a pull or push "
            "from an old clone brings the old commits back."
        ),
        _(
            "Forks, backups, CI caches and the hosting service (merge requests keep old "
            "commits; ask its support to purge them) still hold the old data until they "
            "are cleaned too."
        ),
    ):
        typer.echo(line)


def _other_files(root: Path, plan: Plan, data_files: set[str]) -> list[str]:
    """Files in the folder, outside its data and `.git`, that name a forgotten person
    (text files, searched with the patterns of the erasure), or that cannot be
    searched (PDF, Word)."""
    patterns = [r.compiled() for r in plan.replacements]
    found: list[str] = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if rel in data_files or any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        if not path.is_file() or path.is_symlink():
            continue
        suffix = path.suffix.lower()
        if suffix in _BINARY_SUFFIXES:
            found.append(rel)
        elif suffix in _TEXT_SUFFIXES and path.stat().st_size <= _MAX_SEARCHED:
            text = _as_written(path.read_bytes(), suffix)
            if text is None or any(p.search(text) for p in patterns):
                found.append(rel)
    return found


_FOLDED = re.compile(r"\r?\n[ \t]")  # iCalendar folds long lines: "Jürgen \r\n Hüls"


def _unfolded(ics: str) -> str:
    return _FOLDED.sub("", ics).replace("\\,", ",").replace("\\;", ";").replace("\\n", "\n")


def _as_written(raw: bytes, suffix: str) -> str | None:
    """A file's text as a person reads it, so that a name is found however it is
    encoded: an e-mail's headers and parts decoded (quoted-printable, base64, encoded
    words), a calendar unfolded. None: a part that cannot be searched (a PDF)."""
    if suffix == ".ics":
        return _unfolded(raw.decode("utf-8", errors="replace"))
    if suffix != ".eml":
        return raw.decode("utf-8", errors="replace")
    from email import message_from_bytes, policy

    try:  # a message saved from any mail program: its parsing must not stop forget
        msg = message_from_bytes(raw, policy=policy.default)
        texts = [f"{key}: {value}" for key, value in msg.items()]
        for part in msg.walk():
            if part.is_multipart():
                continue
            kind = part.get_content_type()
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                continue
            if kind in ("text/calendar", "application/ics"):
                texts.append(_unfolded(payload.decode("utf-8", errors="replace")))
            elif part.get_content_maintype() == "text":
                texts.append(_decoded(payload, part.get_content_charset()))
            else:
                return None  # a PDF or Word file: it may well name the person
    except Exception:  # the stdlib parser has known crashes on bad input
        return None  # not searchable: listed, to be looked at
    return "\n".join(texts)


def _decoded(payload: bytes, charset: str | None) -> str:
    try:
        return payload.decode(charset or "utf-8", errors="replace")
    except LookupError:  # `unknown-8bit` and other names Python does not know
        return payload.decode("utf-8", errors="replace")


def _changed_reports(before: Network, after: Network, day: date) -> list[int]:
    """The years whose yearly report (its JSON figures) differs after the erasure."""
    from netzwerkctl.gitrepo import Provenance
    from netzwerkctl.present.report import report_context, report_json

    years = [m.date.year for m in before.meetings.values()]
    if before.info and before.info.founded:
        years.append(before.info.founded.year)
    first = min(years, default=day.year)
    version = Provenance("no-repo")
    changed = []
    for year in range(first, day.year + 1):
        old = report_json(report_context(before, year, version, day, before.language))
        new = report_json(report_context(after, year, version, day, after.language))
        if old != new:
            changed.append(year)
    return changed
