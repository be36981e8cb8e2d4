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
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from netzwerkctl.i18n import Text
from netzwerkctl.mentions import ADDRESS_FORMS, EMAIL, PHONE, TITLES, by_surname
from netzwerkctl.network import Network, Person
from netzwerkctl.yamlio import contact_span, read_document, source_map

# The fields a pseudonymised entry keeps: the figures and rules count them.
KEPT = ("decision_maker", "intro_talk", "since", "until")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_PLAIN = re.compile(r"[\w.:+-][\w .:+-]*\Z")  # written without quotes, read back alike
# a partner's name that can stand in any scalar (no quote, comma, colon or #)
_SAFE_IN_TEXT = re.compile(r"[\w .&\u2019()-]+\Z")


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


@dataclass(frozen=True)
class Replacement:
    """One pattern of an erasure, used alike in the files and, for `git filter-repo`,
    in the history: a Python regular expression (its boundaries keep `anna` from
    matching in `hanna@…` or `anna-lena`) and what it becomes."""

    pattern: str
    ignore_case: bool
    replacement: str
    history_only: bool = False  # an address line: only the entry held it

    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern, re.IGNORECASE if self.ignore_case else 0)


@dataclass
class Plan:
    forgotten: list[Forgotten] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # the files that change
    unsure: list[Unsure] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    # every pattern, in the order applied: also what `git filter-repo` needs
    replacements: list[Replacement] = field(default_factory=list)


@dataclass(frozen=True)
class _Entry:
    person: Person
    file: str
    first: int  # 1-based, inclusive
    last: int
    lines: tuple[str, ...]  # the new entry


def erasure_marks(lang: str) -> tuple[str, ...]:
    """What an erasure writes where it removed something, in the network's language:
    a text holding one of them was rewritten by `forget` (derive/changes.py keeps such
    a rewrite out of the news)."""
    _ = Text(lang)
    return (
        _("former contact person"),
        _("(e-mail removed)"),
        _("(phone number removed)"),
        _("(address removed)"),
    )


def plan_erasure(
    network: Network, ids: Iterable[str], texts: Mapping[str, str], today: date
) -> Plan:
    """What erasing `ids` changes in `texts` (path → text, as `person` reads them)."""
    _ = Text(network.language)
    plan = Plan()
    taken = set(network.known_persons)
    entries: dict[str, list[_Entry]] = {}
    maybe: list[tuple[re.Pattern[str], str]] = []  # "Frau Albers", and another Albers
    surnames = Counter(
        p.contact.name.split()[-1].casefold()
        for p in network.persons.values()
        if p.contact.forgotten is None
    )
    wrapped: list[tuple[re.Pattern[str], str]] = []  # a name broken across two lines
    ids = list(ids)
    office = network.info.office if network.info else None
    # the addresses and numbers the data gives others: never taken for hers
    others = {
        v
        for p in network.persons.values()
        if p.contact.id not in ids
        for v in (p.contact.email, p.contact.phone)
        if v
    } | {v for v in ((office.email, office.phone) if office else ()) if v}
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
        span = contact_span(source_map(text, doc.file), person.index, lines)
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
        named_after = contact.name.split()[-1].casefold() in partner.name.casefold()
        in_text = (
            _("former contact person (%(partner)s)", partner=partner.name)
            if _SAFE_IN_TEXT.match(partner.name) and not named_after
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
        new = [line + ending for line in new]
        if not lines[last - 1].endswith("\r"):  # the file's last line, without CRLF
            new[-1] = new[-1].rstrip("\r")
        entry = _Entry(person, doc.file, first, last, tuple(new))
        entries.setdefault(doc.file, []).append(entry)
        plan.forgotten.append(Forgotten(person_id, pseudonym, person.partner, doc.file))

        subs = _patterns(network, person_id, pseudonym, in_text)
        plan.replacements.extend(subs)
        surname = contact.name.split()[-1]
        shared = surnames[surname.casefold()] > 1  # someone else has it too
        title = Replacement(_salutation(surname), False, in_text)
        if shared:
            maybe.append((title.compiled(), person_id))
        else:
            plan.replacements.append(title)
        # „Dr. Ebbing“, „Pfarrer Vennekötter“ may be her — or a firm („Zahnarztpraxis
        # Dr. Hemsing“): named for a decision by hand, never rewritten
        titled = rf"(?<![\w-]){by_surname(re.escape(surname), TITLES)}(?![\w-])"
        maybe.append((re.compile(titled), person_id))
        wrapped.append(
            (re.compile(r"\s+".join(map(re.escape, contact.name.split())), re.I), person_id)
        )
        for line in contact.address:
            plan.replacements.append(
                Replacement(_bounded(line), True, _("(address removed)"), history_only=True)
            )
        # e-mail addresses and phone numbers in the comments of the entry (a private
        # number noted there) go with it, and from the history too — except what is
        # someone else's or the office's (a switchboard noted as "sonst übers Büro")
        known = {v for v in (contact.email, contact.phone) if v} | others
        for entry_line in lines[first - 1 : last]:
            comment = entry_line.partition("#")[2]
            for email in EMAIL.findall(comment):
                if email not in known:  # replaced wherever it stands, as her address is
                    known.add(email)
                    plan.replacements.append(
                        Replacement(_bounded(email), True, _("(e-mail removed)"))
                    )
            for phone in (m.group() for m in PHONE.finditer(comment)):
                if phone not in known:
                    known.add(phone)
                    pattern = rf"(?<![\d+]){re.escape(phone)}(?!\d)"
                    plan.replacements.append(
                        Replacement(pattern, False, _("(phone number removed)"))
                    )

    compiled = [(r.compiled(), r.replacement) for r in plan.replacements if not r.history_only]
    for file in sorted(texts):
        _rewrite(file, texts[file], entries.get(file, []), compiled, maybe, plan)
    after = {file: plan.texts.get(file, text) for file, text in texts.items()}
    for file in sorted(after):
        _find_wrapped(file, after[file], wrapped, plan)
    # an address line someone else still has (a shared office, a postcode and city)
    # must not be rewritten in the history either
    plan.replacements = [
        r
        for r in plan.replacements
        if not r.history_only or not any(r.compiled().search(t) for t in after.values())
    ]
    return plan


# Boundaries: an id, address or name is never part of a longer word, id, e-mail
# address or hyphenated name ("anna" in "hanna", "anna@…", "anna-lena").
def _bounded(text: str) -> str:
    return rf"(?<![\w@.-]){re.escape(text)}(?![\w@-]|\.\w)"


def _salutation(surname: str) -> str:
    return rf"(?<![\w-]){by_surname(re.escape(surname), ADDRESS_FORMS)}(?![\w-])"


def _patterns(network: Network, person_id: str, pseudonym: str, in_text: str) -> list[Replacement]:
    """E-mail and phone first (an address may hold the id), then the name, the id."""
    _ = Text(network.language)
    contact = network.persons[person_id].contact
    found = []
    if contact.email:
        email = rf"(?<![\w.+-]){re.escape(contact.email)}(?![\w-]|\.\w)"
        found.append(Replacement(email, True, _("(e-mail removed)")))
    if contact.phone:
        phone = rf"(?<![\d+]){re.escape(contact.phone)}(?!\d)"
        found.append(Replacement(phone, False, _("(phone number removed)")))
    name = rf"(?<![\w-]){re.escape(contact.name)}(?![\w-])"
    found.append(Replacement(name, True, in_text))
    found.append(Replacement(_bounded(person_id), False, pseudonym))
    return found


def _find_wrapped(
    file: str, text: str, wrapped: list[tuple[re.Pattern[str], str]], plan: Plan
) -> None:
    """A name that a block of text breaks across lines: left for the coordinator."""
    for pattern, person_id in wrapped:
        for match in pattern.finditer(text):
            if "\n" in match.group():
                line = text.count("\n", 0, match.start()) + 1
                words = " ".join(match.group().split())
                plan.unsure.append(Unsure(file, line, words, person_id))


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


def _rewrite(
    file: str,
    text: str,
    entries: list[_Entry],
    subs: list[tuple[re.Pattern[str], str]],
    maybe: list[tuple[re.Pattern[str], str]],
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
        for pattern, person_id in maybe:
            if pattern.search(new):
                plan.unsure.append(Unsure(file, number, line.strip(), person_id))
        if new != line:
            plan.changes.append(Change(file, number, line, (new,)))
            changed = True
        out.append(new)
    if changed:
        plan.texts[file] = "\n".join(out)
