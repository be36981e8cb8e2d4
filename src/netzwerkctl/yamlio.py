"""The one module that owns YAML: bytes in, plain data plus a source map out.

People write YAML in Notepad and VS Code, and PyYAML's defaults misread much of it
(`18:30` as 1110, `no` as False, `0287112345` as an int). This reader keeps every
scalar as the text that was written — only `null`/`~`/empty become None — and lets
the models, which know each field's type, interpret it. It uses libyaml's composer
(`yaml.CSafeLoader`) for speed and builds the Python data itself, which gives it the
line and column of every key and list item, and turns every YAML trouble (encoding,
tabs, duplicate keys, tags, aliases, syntax) into a `Problem` instead of an exception.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from netzwerkctl.files import classify
from netzwerkctl.problems import Location, Problem, problem

KeyPath = tuple[str | int, ...]

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 40
# libyaml's composer recurses on the C stack and crashes the interpreter somewhere
# beyond ~20,000 levels (less on Windows' smaller stacks). `_may_nest_too_deep` bounds
# the nesting cheaply (below ~1,000); files beyond it are measured with the event
# parser, which does not recurse, before they are composed.

_NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
# Characters libyaml refuses, and line separators it counts that editors do not.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\x85\u2028\u2029\ufffe\uffff]"
)
# What a double-quoted escape can produce beyond that: tab and line feed stay.
_CONTROL_IN_VALUE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class _Loader(yaml.CSafeLoader):
    """libyaml's composer with a resolver that only recognises null: no bool, int,
    float, timestamp or base 60. libyaml calls `resolve` for every untagged node, so
    it is kept to a set lookup (PyYAML's general resolver costs a third of a parse)."""

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            return _NULL if implicit[0] and value in _NULL_WORDS else _STR
        return _SEQ if kind is SequenceNode else _MAP


@dataclass(frozen=True)
class Source:
    """A file's name and text, to point at its keys.

    The source map (line and column of every key and list item) is built from the
    text the first time a place in the file is asked for: most files never have a
    problem, and building the map for every file cost a tenth of `check`.
    """

    file: str
    text: str = ""
    # entries of lists that an entity was kept without (salvage.py): a position in
    # the kept lists is one further down in the file for each entry left out before it
    dropped: tuple[KeyPath, ...] = ()

    @cached_property
    def positions(self) -> Mapping[KeyPath, tuple[int, int]]:
        return source_map(self.text, self.file) if self.text else {}

    def without(self, dropped: tuple[KeyPath, ...]) -> Source:
        """The same file for the entity kept without `dropped`."""
        return Source(self.file, self.text, dropped) if dropped else self

    def _in_file(self, path: KeyPath) -> KeyPath:
        """A key path of the kept entity as a key path of the file."""
        out: list[str | int] = []
        for part in path:
            if isinstance(part, int):
                prefix = tuple(out)
                for gone in sorted(
                    d[-1]
                    for d in self.dropped
                    if len(d) == len(prefix) + 1 and d[:-1] == prefix and isinstance(d[-1], int)
                ):
                    if gone > part:
                        break
                    part += 1
            out.append(part)
        return tuple(out)

    def at(self, *path: str | int) -> Location:
        """The location of a key path; the nearest enclosing one if the key is absent."""
        key: KeyPath = self._in_file(tuple(path)) if self.dropped else tuple(path)
        name = key_name(key)
        positions = self.positions
        while key:
            pos = positions.get(key)
            if pos is not None:
                return Location(self.file, pos[0], pos[1], name)
            key = key[:-1]
        return Location(self.file, 1, 1, name)


@dataclass(frozen=True)
class Document:
    """One file as read: where it is, its data (None when unreadable), its problems."""

    source: Source
    data: dict[str, Any] | None
    problems: tuple[Problem, ...] = ()

    @property
    def file(self) -> str:
        return self.source.file

    @property
    def positions(self) -> Mapping[KeyPath, tuple[int, int]]:
        return self.source.positions

    def at(self, *path: str | int) -> Location:
        return self.source.at(*path)


def key_name(path: KeyPath) -> str:
    """`contacts[0].email`: a key path as one stable string."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def read_document(raw: bytes, file: str) -> Document:
    """Parse one file's bytes; never raises for anything in the bytes."""
    if len(raw) > MAX_BYTES:
        mb = f"{len(raw) / 1024 / 1024:.1f}"
        return _failed(file, problem("NW009", Location(file, 1), size=mb, limit=MAX_BYTES >> 20))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _failed(file, problem("NW017", Location(file, 1, 1)))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return _failed(file, _encoding_problem(raw, exc, file))
    invisible = _INVISIBLE.search(text)
    if invisible is not None:
        # libyaml refuses control characters with a message naming no line, and counts
        # U+0085/U+2028/U+2029 as line breaks that no editor shows: every later line
        # number would be off. Both mostly arrive by pasting from word processors.
        return _failed(file, _invisible_problem(text, invisible.start(), file))
    if _may_nest_too_deep(text):
        depth_problem = _measure_depth(text, file)
        if depth_problem is not None:
            return _failed(file, depth_problem)
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        return _failed(file, _syntax_problem(text, exc, file))
    except yaml.YAMLError as exc:  # reader errors without a mark
        return _failed(file, problem("NW004", Location(file, 1), detail=str(exc)))
    if node is None or (isinstance(node, ScalarNode) and node.tag == _NULL):
        kind = classify(file)
        empty = "file" if kind is None else "settings" if kind[0] == "network" else "entry"
        return _failed(file, problem("NW002", Location(file, 1), empty=empty))
    if not isinstance(node, MappingNode):
        found = "list" if isinstance(node, SequenceNode) else "text"
        return _failed(file, problem("NW008", _mark(file, node), t_found=found))
    builder = _Builder(file, record=False, text=text)
    data = builder.mapping(node, (), 0)
    if builder.problems:  # rare: read again with the source map their places need
        builder = _Builder(file, record=True, text=text)
        data = builder.mapping(node, (), 0)
    return Document(Source(file, text), data, tuple(builder.problems))


def source_map(text: str, file: str) -> dict[KeyPath, tuple[int, int]]:
    """Line and column of every key and list item of a text `read_document` read."""
    node = _compose(text)
    if not isinstance(node, MappingNode):
        return {}
    builder = _Builder(file, record=True, text=text)
    builder.mapping(node, (), 0)
    return builder.positions


def _compose(text: str) -> Node | None:
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _failed(file: str, p: Problem) -> Document:
    return Document(Source(file), None, (p,))


def _mark(file: str, node: Node) -> Location:
    mark = node.start_mark
    return Location(file, mark.line + 1, mark.column + 1)


# Text a person meant as data that YAML reads otherwise, in silence: ` #` ends a plain
# value (`Raum #2.14` is read as `Raum`), and lines indented below `notes: |` are text
# (a contact added at the end of a file whose last key is a text block). Only a `#`
# directly followed by a letter or digit counts — `# note` is how comments are written.
_MAYBE_CUT = re.compile(r" #\w")
_CUT = re.compile(r"[ \t]+(#\w.*?)[ \t\r]*$")
# A value that is a date, time, number, id, stored value or yes/no cannot hold a `#`:
# a comment after it (`founded: 2015-09-01 #laut Satzung`) is one. Quoting it would
# make it an error.
_TYPED = re.compile(r"[0-9.:,+-]+|[a-z0-9][a-z0-9_-]*|(?i:ja|nein|yes|no|true|false)")
_ENTRY_LINE = re.compile(r"[ \t]*- (?:id|person|partner|group|title): \S")


class _Builder:
    """Turns libyaml's node tree into dicts, lists and strings; with `record`, it also
    notes the position of every key and list item (the source map)."""

    def __init__(self, file: str, record: bool, text: str = "") -> None:
        self.file = file
        self.record = record
        self.text = text
        self.positions: dict[KeyPath, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.alias_reported = False
        self.may_be_cut = " #" in text and _MAYBE_CUT.search(text) is not None

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def _scalar_losses(self, node: ScalarNode, path: KeyPath) -> None:
        """NW023 for a plain value a comment cut short; NW024 for a line in a text
        block that looks like an entry."""
        if not node.style and self.may_be_cut:  # plain (libyaml: "", PyYAML: None)
            end = node.end_mark
            rest = self.lines[end.line][end.column :] if end.line < len(self.lines) else ""
            cut = _CUT.match(rest)
            if cut is not None and not _TYPED.fullmatch(node.value):
                comment = cut.group(1)
                fix = quoted(f"{node.value} {comment}".strip())
                column = end.column + cut.start(1) + 1
                at = Location(self.file, end.line + 1, column)
                self.problems.append(problem("NW023", at, comment=comment, fix=fix))
        elif node.style in ("|", ">") and "- " in node.value:
            # the lines as written (a folded block joins them): the first that looks
            # like an entry
            end = node.end_mark  # at the start of the line after the block, or within it
            last = min(end.line + (1 if end.column else 0), len(self.lines))
            for n in range(node.start_mark.line + 1, last):
                text = self.lines[n]
                if _ENTRY_LINE.match(text):
                    line = text.strip()
                    at = Location(self.file, n + 1, len(text) - len(text.lstrip()) + 1)
                    self.problems.append(problem("NW024", at, line=line, key=key_name(path) or "–"))
                    break

    def value(self, node: Node, path: KeyPath, depth: int) -> Any:
        if depth > MAX_DEPTH:
            self.problems.append(problem("NW010", _mark(self.file, node), limit=MAX_DEPTH))
            return None
        if id(node) in self.seen:  # the composer shares the node of an alias
            if not self.alias_reported:  # once is enough: a "billion laughs" has thousands
                self.alias_reported = True
                self.problems.append(problem("NW007", self._where(path, node)))
            return None
        self.seen.add(id(node))
        if isinstance(node, ScalarNode):
            style = node.style
            if style:
                if style == "|" or style == ">":
                    self._scalar_losses(node, path)
                elif style == '"' and node.tag == _STR:
                    return self.quoted(node)
            elif self.may_be_cut:  # plain (libyaml: "", PyYAML: None)
                self._scalar_losses(node, path)
            if node.tag == _STR:
                return node.value
            if node.tag == _NULL and node.value in _NULL_WORDS:
                return None
            self._tag_problem(node)  # also `!!null text`, which would lose the text
            return node.value if node.style != '"' else self.quoted(node)
        if isinstance(node, MappingNode):
            return self.mapping(node, path, depth)
        if node.tag != _SEQ:
            self._tag_problem(node)
        items = []
        for index, item in enumerate(node.value):
            item_path = (*path, index)
            if self.record:
                mark = item.start_mark
                self.positions[item_path] = (mark.line + 1, mark.column + 1)
            items.append(self.value(item, item_path, depth + 1))
        return items

    def mapping(self, node: MappingNode, path: KeyPath, depth: int) -> dict[str, Any]:
        if node.tag != _MAP:
            self._tag_problem(node)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag not in (_STR, _NULL):
                self.problems.append(problem("NW011", _mark(self.file, key_node)))
                continue
            key = key_node.value if key_node.style != '"' else self.quoted(key_node)
            key_path = (*path, key)
            mark = key_node.start_mark
            if key in result:
                first = self.positions.get(key_path, (0, 0))[0]
                self.problems.append(
                    problem(
                        "NW005",
                        Location(self.file, mark.line + 1, mark.column + 1),
                        key=key,
                        first_line=first,
                    )
                )
                continue
            if self.record:
                self.positions[key_path] = (mark.line + 1, mark.column + 1)
            result[key] = self.value(value_node, key_path, depth + 1)
        return result

    def quoted(self, node: ScalarNode) -> str:
        """A double-quoted scalar's text. Its escapes ("\\e", "\\r") can make control
        characters the file itself may not hold: they are reported and replaced, so
        that no value can move a terminal's cursor or colour a CI log."""
        value: str = node.value
        found = _CONTROL_IN_VALUE.search(value)
        if found is None:
            return value
        char = f"U+{ord(found.group()):04X}"
        self.problems.append(problem("NW016", _mark(self.file, node), char=char))
        return _CONTROL_IN_VALUE.sub("?", value)

    def _where(self, path: KeyPath, node: Node) -> Location:
        # An alias's node carries the anchor's position; the key or list holding the
        # alias is the nearest place we know of the alias itself.
        if path and isinstance(path[-1], int):
            path = path[:-1]
        pos = self.positions.get(path)
        if pos is None:
            return _mark(self.file, node)
        return Location(self.file, pos[0], pos[1])

    def _tag_problem(self, node: Node) -> None:
        tag = str(node.tag)
        if tag.startswith("tag:yaml.org,2002:"):
            tag = "!!" + tag[len("tag:yaml.org,2002:") :]
        self.problems.append(problem("NW006", _mark(self.file, node), tag=tag))


def _encoding_problem(raw: bytes, exc: UnicodeDecodeError, file: str) -> Problem:
    # utf-8-sig counts from after a byte order mark; the columns count characters.
    start = exc.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
    line = raw.count(b"\n", 0, start) + 1
    line_start = raw.rfind(b"\n", 0, start) + 1
    prefix = raw[line_start:start].removeprefix(b"\xef\xbb\xbf")
    column = len(prefix.decode("utf-8", errors="replace")) + 1
    bad = raw[start : start + 1]
    try:
        char = bad.decode("cp1252")
    except UnicodeDecodeError:
        char = "?"
    return problem("NW001", Location(file, line, column), byte=f"0x{bad.hex().upper()}", char=char)


def _invisible_problem(text: str, index: int, file: str) -> Problem:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return problem("NW016", Location(file, line, column), char=f"U+{ord(text[index]):04X}")


# For these, libyaml stops where it gave up (often lines later, or past the end);
# the construct it was reading starts at the context mark: that is the line to fix.
_START_CONTEXTS = (
    "while scanning a quoted scalar",
    "while scanning a simple key",
    "while parsing a flow sequence",
    "while parsing a flow mapping",
    "while scanning a block scalar",
)


def _syntax_problem(text: str, exc: yaml.MarkedYAMLError, file: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark is not None and (exc.context or "").startswith(_START_CONTEXTS):
        mark = exc.context_mark
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    line = min(mark.line + 1, max(len(lines), 1)) if mark is not None else 1
    column = mark.column + 1 if mark is not None and mark.line + 1 == line else None
    # A tab in the indentation of the faulty line (or the line the scanner stopped at)
    # is by far the most common cause; name it instead of libyaml's wording.
    for candidate in (line, line - 1):
        if 1 <= candidate <= len(lines) and _indented_with_tab(lines[candidate - 1]):
            return problem("NW003", Location(file, candidate, 1))
    detail = ", ".join(part for part in (exc.context, exc.problem) if part) or "?"
    at = Location(file, line, column)
    fixed = _fixed_line(lines[line - 1]) if 1 <= line <= len(lines) else None
    if fixed is not None:  # the person's own line, corrected: what to write instead
        return problem("NW004", at, detail=detail, cause=fixed[0], fix=fixed[1])
    above = _fixed_line(lines[line - 2]) if 2 <= line <= len(lines) + 1 else None
    if above is not None and above[0] == "no-space":  # `name:Bocholt` read on into this line
        at = Location(file, line - 1)
        return problem("NW004", at, detail=detail, cause=above[0], fix=above[1])
    return problem("NW004", at, detail=detail)


# The two slips behind most syntax errors, recognised on the line itself (not by
# libyaml's wording, which may change): `kind:welfare` (no space after the colon) and
# `name: AWO: Ortsverein` (a colon and a space inside a value without quotes).
_NO_SPACE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_]\w*):(?=[^\s:/])(.*)$")
_COLON_IN_VALUE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_]\w*): +([^\s\"'#|>&*!\[{].*?: .*?)\s*$")
MAX_FIX = 100  # characters of a line corrected (a message quotes at most 120)


def quoted(value: str) -> str:
    """`value` as a YAML scalar in quotes that keeps it as it is: double quotes, or
    single quotes where it holds a `"` or a backslash (an escape in double quotes)."""
    if '"' in value or "\\" in value:
        return "'" + value.replace("'", "''") + "'"
    return '"' + value + '"'


def _fixed_line(line: str) -> tuple[str, str] | None:
    """(cause, the line as it should read), for a slip recognised on `line`."""
    line = line.rstrip("\r")  # Windows line ends
    if len(line) > MAX_FIX or " #" in line:
        return None
    colon = _COLON_IN_VALUE.match(line)
    if colon is not None:
        key, value = colon.groups()
        return "colon-in-value", f"{key}: {quoted(value)}"
    no_space = _NO_SPACE.match(line)
    if no_space is not None and ": " not in line:
        key, value = no_space.groups()
        return "no-space", f"{key}: {value.strip()}"
    return None


def _indented_with_tab(line: str) -> bool:
    stripped = line.lstrip(" -")
    return stripped.startswith("\t")


_DEEP_PREFIX = re.compile(r"^[ \-?:]{400,}", re.MULTILINE)


def _may_nest_too_deep(text: str) -> bool:
    """A cheap upper bound: block nesting needs indentation, flow nesting brackets."""
    flow = text.count("[") + text.count("{")
    return flow > 100 or _DEEP_PREFIX.search(text) is not None


def _measure_depth(text: str, file: str) -> Problem | None:
    """Walk libyaml's events (no recursion) and report nesting beyond MAX_DEPTH."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    at = Location(file, mark.line + 1, mark.column + 1) if mark else Location(file)
                    return problem("NW010", at, limit=MAX_DEPTH)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        # Newer libyaml releases refuse deep flow nesting themselves, while scanning
        # ahead of the events counted above. Their wording differs between releases,
        # so the brackets before the place it stopped decide, not the message.
        stop = exc.problem_mark.index if exc.problem_mark is not None else len(text)
        deep = _deep_flow_at(text, stop)
        if deep is not None:
            return problem("NW010", _location_of(text, deep, file), limit=MAX_DEPTH)
        return _syntax_problem(text, exc, file)
    return None


def _deep_flow_at(text: str, stop: int) -> int | None:
    """The index of the first bracket nested beyond MAX_DEPTH before `stop`, if any.

    Brackets inside quotes count too: this runs only after libyaml has given up, and
    then only to tell nesting apart from other syntax errors."""
    depth = 0
    for index in range(min(stop + 1, len(text))):
        char = text[index]
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return index
        elif char in "]}":
            depth = max(depth - 1, 0)
    return None


def _location_of(text: str, index: int, file: str) -> Location:
    line = text.count("\n", 0, index) + 1
    return Location(file, line, index - (text.rfind("\n", 0, index) + 1) + 1)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def contact_span(
    positions: Mapping[tuple[str | int, ...], tuple[int, int]], index: int, lines: list[str]
) -> tuple[int, int, int, int] | None:
    """First and last line of contact `index` of a partner file (its comments
    indented into it included), the column of its dash and of its keys (0-based);
    None when the entry shares a line with anything else (flow style). What `forget`
    erases and what `person` shows as the stored entry."""
    start = positions.get(("contacts", index))
    if start is None:
        return None
    first, column = start
    key_indent = column - 1
    head = lines[first - 1][:key_indent]
    if head.strip() != "-":  # the dash alone on the line before: "-\n    id: …"
        before = first - 2
        while before >= 0 and not lines[before].strip():
            before -= 1
        if before < 0 or lines[before].strip() != "-" or head.strip():
            return None
        first = before + 1
    dash = lines[first - 1].index("-")
    last = first
    for number in range(first + 1, len(lines) + 1):
        line = lines[number - 1].rstrip("\r")
        if not line.strip():
            continue
        if _indent(line) <= dash:
            break
        last = number  # a key, a value's line, or a comment indented into the entry
    for path, (line_no, _col) in positions.items():
        inside = first <= line_no <= last
        mine = len(path) >= 2 and path[0] == "contacts" and path[1] == index
        if inside and not mine:
            return None
    return first, last, dash, key_indent
