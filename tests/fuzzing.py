"""Mutations of valid network files for property tests (tests/test_fuzz.py) and the
long fuzz run (bench/fuzz.py): what hands and editors do to YAML, and what an
attacker does — flipped and special bytes, truncation, very long values in any scalar,
deep nesting, lines and files of megabytes, and file names no one would choose.

`run_case` writes one mutated network over a base folder, runs the commands on it in
this process with a time bound, and puts the folder back, so a base of 1,400 files is
written once, not once per case.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import BASE

# Unicode people paste, and worse: right-to-left marks, emoji, NUL, C0/C1 controls,
# line separators, byte order marks, private use.
_WEIRD = st.sampled_from(
    ["\u202e", "\u200f", "😀", "\x00", "\x07", "\x0b", "\x85", "\u2028", "\ufeff", "\ue000",
     "\t", ": ", "- ", "[", "{", "}", "]", "&a ", "*a", "!!python/object ", "<<: ", "~",
     "'", '"', "#", "\r", "ß", "2021-02-30", "18:30", "null", "%YAML 1.1\n", "---\n", "...\n"]
)  # fmt: skip
# Bytes that are not text at all: invalid UTF-8, a lone continuation byte, an
# overlong NUL, UTF-16 and UTF-8 byte order marks, ESC, DEL, C1 in Latin-1.
_BYTES = st.sampled_from(
    [b"\xff", b"\xfe\xff", b"\xef\xbb\xbf", b"\x80", b"\xc0\x80", b"\xed\xa0\x80", b"\x1b[2J",
     b"\x1b]8;;x\x07", b"\x7f", b"\x9b", b"\x00\x00", b"\r\n", b"\r", b"\xe2\x80\xae"]
)  # fmt: skip
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20)
# What a long value is made of: plain letters, umlauts, emoji, YAML's own punctuation.
_FILLER = st.sampled_from(["x", "ä", "😀", "a b ", ": ", "- ", "\\", "'", "{[", "0"])
_SCALAR = re.compile(rb"^(\s*(?:- )?[^:#\n]+: ?)(\S.*)?$")
# File names people and attackers choose: spaces, umlauts (composed and not), control
# characters, a leading dash, direction overrides, very long names, other endings.
_NAMES = st.sampled_from(
    ["mit leerzeichen", "Müller", "Mu\u0308ller", "-rf", "--help", "\x1b[31mrot", "a\u202etxt.exe",
     "x" * 200, "zeile\numbruch", ".versteckt", "CON", "a:b", "😀", "tab\there", "ende.", "?*"]
)  # fmt: skip
_ENDINGS = st.sampled_from([".yaml", ".yml", ".YAML", ".yaml.bak", ".yaml~", ""])


@st.composite
def mutation(draw: st.DrawFn, text: bytes) -> bytes:
    lines = text.split(b"\n")
    kind = draw(st.sampled_from(
        ["flip", "delete", "duplicate", "indent", "dedent", "insert", "weird", "bytes", "huge",
         "long", "deep", "key", "truncate", "megaline", "megafile"]
    ))  # fmt: skip
    i = draw(st.integers(0, max(len(lines) - 1, 0)))
    if kind == "flip" and text:
        pos = draw(st.integers(0, len(text) - 1))
        return text[:pos] + bytes([draw(st.integers(0, 255))]) + text[pos + 1 :]
    if kind == "bytes":
        pos = draw(st.integers(0, len(text)))
        return text[:pos] + draw(_BYTES) + text[pos:]
    if kind == "truncate":
        return text[: draw(st.integers(0, len(text)))]
    if kind == "megafile":  # beyond the size limit, or just below it
        size = draw(st.sampled_from([5 * 1024 * 1024 - 100, 5 * 1024 * 1024 + 1, 8 * 1024 * 1024]))
        return text + b"\n# " + b"x" * max(size - len(text), 0) + b"\n"
    if kind == "delete" and lines:
        del lines[i]
    elif kind == "duplicate" and lines:
        lines.insert(i, lines[i])
    elif kind == "indent":
        lines[i] = b" " * draw(st.integers(1, 5)) + lines[i]
    elif kind == "dedent":
        lines[i] = lines[i].lstrip(b" ")
    elif kind == "insert":
        lines.insert(i, draw(_TEXT).encode("utf-8"))
    elif kind == "weird":
        line = lines[i].decode("utf-8", "replace")
        pos = draw(st.integers(0, len(line)))
        lines[i] = (line[:pos] + draw(_WEIRD) + line[pos:]).encode("utf-8")
    elif kind == "huge":
        lines.insert(i, b"notes: " + b"x" * draw(st.integers(1_000, 200_000)))
    elif kind == "long":  # 5k to 150k characters as the value of whatever key is here
        match = _SCALAR.match(lines[i])
        value = (draw(_FILLER) * draw(st.integers(5_000, 150_000)))[:150_000]
        quoted = draw(st.booleans())
        encoded = (f'"{value}"' if quoted else value).encode("utf-8")
        lines[i] = (match.group(1) if match else b"notes: ") + encoded
    elif kind == "megaline":  # one line of megabytes, in a comment or a value
        size = draw(st.integers(1, 4)) * 1024 * 1024
        lines.insert(i, draw(st.sampled_from([b"# ", b"notes: ", b"- "])) + b"y" * size)
    elif kind == "deep":
        depth = draw(st.integers(10, 5_000))
        opener, closer = draw(st.sampled_from([(b"[", b"]"), (b"{a: ", b"}")]))
        lines.insert(i, b"notes: " + opener * depth + closer * draw(st.integers(0, depth)))
    elif kind == "key":
        key = draw(st.text(min_size=1, max_size=12)).replace("\n", " ")
        lines.insert(i, f"{key}: {draw(_TEXT)}".encode("utf-8", "replace"))
    return b"\n".join(lines)


TODAY = ["--today", "2022-01-01"]
# What a fuzz case runs: check in every format, and the commands that make documents
# from whatever check found (--allow-errors); on the generated network of 1,400 files
# (which passes check as of mid-2025) check alone.
COMMANDS = [
    ["check", *TODAY, "--no-cache", "--format", fmt] for fmt in ("text", "json", "github", "gitlab")
] + [
    ["report", "2021", "-f", "json", "--allow-errors"],
    ["report", "2021", "-f", "html", "--allow-errors"],
    ["remind", "-f", "json", "--allow-errors", *TODAY],
    ["partners", "-f", "csv", "--allow-errors", *TODAY],
    ["calendar", "--tasks", "--allow-errors", *TODAY],
    ["market", "--allow-errors"],
    ["match", "Bildung", "--allow-errors", *TODAY],
]
LARGE_COMMANDS = [["check", "--today", "2025-06-01", "--no-cache", "-f", "json"]]

FOLDERS = ["partners", "groups", "meetings/2021", "projects", "marketplace", "reports", "."]


@st.composite
def mutated_files(draw: st.DrawFn, base: Mapping[str, bytes]) -> dict[str, bytes]:
    """The files of `base` that change (or are new) in one case: 1 to 4 mutations, and
    sometimes a new file with an odd name in a data folder."""
    names = sorted(base)
    changed: dict[str, bytes] = {}
    for _ in range(draw(st.integers(1, 4))):
        rel = draw(st.sampled_from(names))
        changed[rel] = draw(mutation(changed.get(rel, base[rel])))
    if draw(st.booleans()):
        name = draw(_NAMES | st.text(min_size=1, max_size=15))
        name = name.replace("/", "_").replace("\x00", "") or "_"
        folder = draw(st.sampled_from(FOLDERS))
        rel = os.path.normpath(f"{folder}/{name}{draw(_ENDINGS)}")
        changed[rel] = draw(mutation(base[draw(st.sampled_from(names))]))
    return changed


def mutated_network() -> st.SearchStrategy[dict[str, bytes]]:
    """The small base network of the tests, whole, with mutations applied."""
    base = {rel: text.encode("utf-8") for rel, text in BASE.items()}
    return mutated_files(base).map(lambda changed: {**base, **changed})


def read_base(folder: Path) -> dict[str, bytes]:
    """The YAML files of a network folder, as a base for mutations."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*.yaml"))
        if not any(part.startswith(".") for part in p.relative_to(folder).parts)
    }


class Hang(Exception):
    """A case that ran longer than its time bound."""


@contextlib.contextmanager
def time_bound(seconds: float) -> Iterator[None]:
    """Raise Hang after `seconds`. A signal handler runs only between Python steps: a
    loop inside C code (a regular expression that backtracks for minutes) would not
    see it, so a watchdog thread also ends the whole process, with every thread's
    traceback on stderr, after twice the time — a hang is never silent."""
    import faulthandler

    def expired(signum: int, frame: object) -> None:
        raise Hang

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    faulthandler.dump_traceback_later(2 * seconds, exit=True)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Outcome:
    """What one command did with one mutated network."""

    args: list[str]
    exit_code: int | None
    seconds: float
    error: str = ""  # a traceback, a hang, or an exit code other than 0, 1, 2

    @property
    def failed(self) -> bool:
        return bool(self.error)


@contextlib.contextmanager
def overlaid(root: Path, base: Mapping[str, bytes], changed: Mapping[str, bytes]) -> Iterator[None]:
    """`root` (holding `base`) with the `changed` files written over it, and afterwards
    as before: changed files restored, new ones removed, caches of the case gone."""
    written: list[Path] = []
    try:
        for rel, data in changed.items():
            path = root / rel
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            except (OSError, ValueError):
                continue  # a name the file system refuses
            written.append(path)
        yield
    finally:
        for path in written:
            rel = path.relative_to(root).as_posix()
            if rel in base:
                path.write_bytes(base[rel])
            else:
                path.unlink()


def run_case(
    root: Path,
    base: Mapping[str, bytes],
    changed: Mapping[str, bytes],
    commands: Sequence[Sequence[str]],
    seconds: float,
) -> list[Outcome]:
    """Run each command on `root` with `changed` written over `base`, in this process;
    anything but exit 0, 1 or 2 within `seconds` is a failure."""
    from netzwerkctl.cli import app

    runner = CliRunner()
    outcomes = []
    with overlaid(root, base, changed):
        for command in commands:
            args = ["-C", str(root), *command]
            start = time.perf_counter()
            try:
                with time_bound(seconds):
                    result = runner.invoke(app, args)
            except Hang:
                outcomes.append(Outcome(list(command), None, seconds, f"hang (over {seconds} s)"))
                continue
            took = time.perf_counter() - start
            error = ""
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                error = f"{type(result.exception).__name__}: {result.exception}"[:500]
            elif result.exit_code not in (0, 1, 2):
                error = f"exit {result.exit_code}"
            elif "Traceback" in result.output:
                error = "traceback in the output"
            outcomes.append(Outcome(list(command), result.exit_code, took, error))
    return outcomes


def write_base(root: Path, base: Mapping[str, bytes]) -> None:
    for rel, data in base.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
