"""Mutations of valid network files for property tests (tests/test_fuzz.py) and the
long fuzz run (bench/fuzz.py): what hands and editors do to YAML, and worse."""

from __future__ import annotations

from hypothesis import strategies as st

from conftest import BASE

# Unicode people paste, and worse: right-to-left marks, emoji, NUL, C0/C1 controls,
# line separators, byte order marks, private use.
_WEIRD = st.sampled_from(
    ["\u202e", "\u200f", "😀", "\x00", "\x07", "\x0b", "\x85", "\u2028", "\ufeff", "\ue000",
     "\t", ": ", "- ", "[", "{", "}", "]", "&a ", "*a", "!!python/object ", "<<: ", "~",
     "'", '"', "#", "\r", "ß", "2021-02-30", "18:30", "null", "%YAML 1.1\n", "---\n", "...\n"]
)  # fmt: skip
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20)


@st.composite
def mutation(draw: st.DrawFn, text: bytes) -> bytes:
    lines = text.split(b"\n")
    kind = draw(st.sampled_from(
        ["flip", "delete", "duplicate", "indent", "dedent", "insert", "weird", "huge", "deep", "key", "truncate"]
    ))  # fmt: skip
    i = draw(st.integers(0, max(len(lines) - 1, 0)))
    if kind == "flip" and text:
        pos = draw(st.integers(0, len(text) - 1))
        return text[:pos] + bytes([draw(st.integers(0, 255))]) + text[pos + 1 :]
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
    elif kind == "deep":
        depth = draw(st.integers(10, 5_000))
        lines.insert(i, b"notes: " + b"[" * depth + b"]" * draw(st.integers(0, depth)))
    elif kind == "key":
        key = draw(st.text(min_size=1, max_size=12)).replace("\n", " ")
        lines.insert(i, f"{key}: {draw(_TEXT)}".encode("utf-8", "replace"))
    elif kind == "truncate":
        return text[: draw(st.integers(0, len(text)))]
    return b"\n".join(lines)


@st.composite
def mutated_network(draw: st.DrawFn) -> dict[str, bytes]:
    files = {rel: text.encode("utf-8") for rel, text in BASE.items()}
    for _ in range(draw(st.integers(1, 4))):
        rel = draw(st.sampled_from(sorted(files)))
        files[rel] = draw(mutation(files[rel]))
    if draw(st.booleans()):  # a new file with a random name in a data folder
        name = draw(st.text(min_size=1, max_size=15)).replace("/", "_").replace("\x00", "")
        folder = draw(
            st.sampled_from(
                ["partners", "groups", "meetings/2021", "projects", "marketplace", "reports"]
            )
        )
        files[f"{folder}/{name}.yaml"] = draw(mutation(BASE["partners/fa.yaml"].encode()))
    return files
