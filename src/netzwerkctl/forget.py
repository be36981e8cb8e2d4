"""Erasure that keeps the figures (Art. 17 GDPR): a person's contact entry becomes a
pseudonym, and every line that names them says so instead.

Deleting a contact would break every meeting, membership and task that lists them, and
with them the attendance and task figures of every report. So the entry stays, under
a stable pseudonym (`ehemalig-7f3a`, "ehemalige Ansprechperson"), with only the dates
and flags the figures count (since, until, intro talk, decision-maker) and the day of
the erasure (`forgotten:`); name, salutation, title, role, e-mail, phone, address,
consent and the comments inside the entry are gone. Every other line keeps its bytes
except where it names the person: their id becomes the pseudonym, their name the
pseudonym's words, their e-mail address and phone number a note.

Pure: the network and its files' texts in, the new texts and a list of changes out.
The command (cli/forget.py) checks the result and compares the reports before it
writes anything.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from netzwerkctl.i18n import Text
from netzwerkctl.network import Network, Person
from netzwerkctl.yamlio import read_document, source_map

# The fields a pseudonymised entry keeps: the figures and rules count them.
KEPT = ("decision_maker", "intro_talk", "since", "until")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_PLAIN = re.compile(r"[\w.:+-][\w .:+-]*\Z")  # written without quotes, read back alike
_SAFE_IN_TEXT = re.compile(r"[\w .&'\u2019-]+\Z")  # a partner's name put into any scalar


@dataclass(frozen=True)
class Change:
    """One line as it was and what it became (no lines: removed)."""

    file: str
    line: int
    before: str
    after: tuple[str, ...]


@dataclass(frozen=True)
class Forgotten:
    person: str
    pseudonym: str
    partner: str
    file: str


@dataclass(frozen=True)
class Unsure:
    """A line that may name a person ("Frau Schulte") whom another contact shares the
    surname with: it is left for the coordinator."""

    file: str
    line: int
    text: str
    person: str


@dataclass(frozen=True)
class Refusal:
    person: str
    reason: str  # a message in the network's language


@dataclass
class Plan:
    forgotten: list[Forgotten] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # the files that change
    unsure: list[Unsure] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    # (text as stored, what it became): the replacements `git filter-repo` needs
    replacements: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Entry:
    person: Person
    file: str
    first: int  # 1-based, inclusive
    last: int
    lines: tuple[str, ...]  # the new entry


def plan_erasure(
    network: Network, ids: Iterable[str], texts: Mapping[str, str], today: date
) -> Plan:
    """What erasing `ids` changes in `texts` (path → text, as `person` reads them)."""
    _ = Text(network.language)
    plan = Plan()
    taken = set(network.known_persons)
    entries: dict[str, list[_Entry]] = {}
    subs: list[tuple[re.Pattern[str], str]] = []
    maybe: list[tuple[re.Pattern[str], str, str | None]] = []  # pattern, person, words
    for person_id in ids:
        person = network.persons.get(person_id)
        if person is None:
            plan.refused.append(Refusal(person_id, _("no contact entry with this id")))
            continue
        contact = person.contact
        if contact.forgotten is not None:
            plan.refused.append(
                Refusal(person_id, _("already pseudonymised on %(date)s", date=contact.forgotten))
            )
            continue
        doc = network.documents.get(("partner", person.partner))
        text = texts.get(doc.file) if doc else None
        if doc is None or text is None:
            plan.refused.append(Refusal(person_id, _("the partner file could not be read")))
            continue
        lines = text.split("\n")
        span = _entry_span(source_map(text, doc.file), person.index, lines)
        if span is None:
            reason = _("the contact entry is not written one key per line; write it so first")
            plan.refused.append(Refusal(person_id, reason))
            continue
        first, last, dash, indent = span
        digest = hashlib.sha256("\n".join(lines[first - 1 : last]).encode()).hexdigest()
        prefix = _.pgettext("pseudonym", "former")
        prefix = prefix if _SLUG.match(prefix) else "former"
        size = 4
        while f"{prefix}-{digest[:size]}" in taken:
            size += 2
        pseudonym = f"{prefix}-{digest[:size]}"
        taken.add(pseudonym)
        words = _("former contact person")
        partner = network.partners[person.partner]
        in_text = (
            _("former contact person (%(partner)s)", partner=partner.name)
            if _SAFE_IN_TEXT.match(partner.name)
            else words
        )
        raw = _entry_as_written(text, person.index)
        new = [f"{' ' * dash}- id: {pseudonym}", f"{' ' * indent}name: {words}"]
        new.append(f"{' ' * indent}forgotten: {today.isoformat()}")
        for key in KEPT:
            value = raw.get(key)
            if isinstance(value, str) and value:
                new.append(f"{' ' * indent}{key}: {_scalar(value)}")
        ending = "\r" if lines[first - 1].endswith("\r") else ""
        entry = _Entry(person, doc.file, first, last, tuple(line + ending for line in new))
        entries.setdefault(doc.file, []).append(entry)
        plan.forgotten.append(Forgotten(person_id, pseudonym, person.partner, doc.file))

        removed_email, removed_phone = _("[e-mail removed]"), _("[phone number removed]")
        if contact.email:
            subs.append((re.compile(re.escape(contact.email), re.IGNORECASE), removed_email))
            plan.replacements.append((contact.email, removed_email))
        if contact.phone:
            subs.append((re.compile(rf"(?<![\d+]){re.escape(contact.phone)}(?!\d)"), removed_phone))
            plan.replacements.append((contact.phone, removed_phone))
        name = re.compile(rf"(?<!\w){re.escape(contact.name)}(?!\w)", re.IGNORECASE)
        subs.append((name, in_text))
        plan.replacements.append((contact.name, words))
        office = network.info.office if network.info else None
        for line in contact.address:
            if office is None or line not in office.address:
                plan.replacements.append((line, _("[address removed]")))
        surname = contact.name.split()[-1]
        shared = any(
            p.contact.name.split()[-1].casefold() == surname.casefold()
            for pid, p in network.persons.items()
            if pid != person_id and p.contact.forgotten is None
        )
        title = rf"(?<!\w)(?:Frau|Herrn?|Fr\.|Hr\.)\s+(?:Dr\.\s+)?{re.escape(surname)}(?!\w)"
        maybe.append((re.compile(title), person_id, None if shared else in_text))
        subs.append((re.compile(rf"(?<![\w-]){re.escape(person_id)}(?![\w-])"), pseudonym))
        plan.replacements.append((person_id, pseudonym))

    for file in sorted(texts):
        _rewrite(file, texts[file], entries.get(file, []), subs, maybe, plan)
    return plan


def _entry_as_written(text: str, index: int) -> dict[str, object]:
    """The contact entry as written (every value the text it was written as)."""
    data = read_document(text.encode(), "").data
    contacts = data.get("contacts") if data else None
    if isinstance(contacts, list) and index < len(contacts) and isinstance(contacts[index], dict):
        return dict(contacts[index])
    return {}


def _scalar(value: str) -> str:
    if _PLAIN.match(value) and value.strip() == value:
        return value
    return json.dumps(value, ensure_ascii=False)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _entry_span(
    positions: Mapping[tuple[str | int, ...], tuple[int, int]], index: int, lines: list[str]
) -> tuple[int, int, int, int] | None:
    """First and last line of contact `index`, the column of its dash and of its keys
    (0-based); None when the entry shares a line with anything else (flow style)."""
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
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if _indent(line) <= dash:
            break
        last = number
    for path, (line_no, _col) in positions.items():
        inside = first <= line_no <= last
        mine = len(path) >= 2 and path[0] == "contacts" and path[1] == index
        if inside and not mine:
            return None
    return first, last, dash, key_indent


def _rewrite(
    file: str,
    text: str,
    entries: list[_Entry],
    subs: list[tuple[re.Pattern[str], str]],
    maybe: list[tuple[re.Pattern[str], str, str | None]],
    plan: Plan,
) -> None:
    lines = text.split("\n")
    by_first = {e.first: e for e in entries}
    out: list[str] = []
    skip_to = 0
    changed = False
    for number, line in enumerate(lines, start=1):
        if number <= skip_to:
            continue
        entry = by_first.get(number)
        if entry is not None:
            old = lines[entry.first - 1 : entry.last]
            plan.changes.append(Change(file, number, "\n".join(old), entry.lines))
            out.extend(entry.lines)
            skip_to = entry.last
            changed = True
            continue
        new = line
        for pattern, replacement in subs:
            new = pattern.sub(replacement, new)
        for pattern, person_id, words in maybe:
            if pattern.search(new):
                if words is None:
                    plan.unsure.append(Unsure(file, number, line.strip(), person_id))
                else:
                    new = pattern.sub(words, new)
        if new != line:
            plan.changes.append(Change(file, number, line, (new,)))
            changed = True
        out.append(new)
    if changed:
        plan.texts[file] = "\n".join(out)
