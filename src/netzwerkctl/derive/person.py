"""Everything stored about one person (DSGVO Art. 15), and what an erasure would have
to change (Art. 17): the contact entry, every reference by id, and every other line
in any file that names the person."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from netzwerkctl.mentions import EMAIL, by_surname
from netzwerkctl.network import Network, Person, once_per_network
from netzwerkctl.problems import Location
from netzwerkctl.yamlio import contact_span

# Where a person is named: a key that holds their id, a line of text, or a line that
# maybe means them ("Frau Schulte").
MentionKind = Literal[
    "contact",
    "member",
    "group_lead",
    "chair",
    "minutes_by",
    "invited",
    "present",
    "excused",
    "presenter",
    "task_owner",
    "project_lead",
    "text",
    "maybe",
]


@dataclass(frozen=True)
class Mention:
    file: str
    line: int | None
    what: MentionKind
    where: str  # the entity it is in (a partner, group, meeting or project id)
    text: str  # the line as written (for `text` mentions), else ""


@dataclass(frozen=True)
class PersonView:
    id: str
    name: str
    partner: str
    partner_name: str
    data: dict[str, Any]  # the contact entry as stored, empty values left out
    mentions: list[Mention]
    complete: bool  # False: the person's partner file has errors, its entry could not be read


def person_view(network: Network, person_id: str, texts: dict[str, str]) -> PersonView:
    """`texts` are the network's files (path → text), searched for lines that name the
    person — by id, name, e-mail address or phone number, and as possible mentions by
    title and surname („Frau Schulte“, „Dr. Ebbing“: mentions.py) — that are not
    references the model knows of. A person whose
    partner file has errors is still found (by id), and the view says it is incomplete."""
    person = network.persons.get(person_id)
    found: list[Mention] = []

    def add(at: Location, what: MentionKind, where: str) -> None:
        found.append(Mention(at.file, at.line, what, where, ""))

    if person is not None:
        add(
            network.at("partner", person.partner, "contacts", person.index),
            "contact",
            person.partner,
        )
    for gid, group in network.groups.items():
        for i, member in enumerate(group.members):
            if member.person == person_id:
                add(network.at("group", gid, "members", i), "member", gid)
        if group.lead == person_id:
            add(network.at("group", gid, "lead"), "group_lead", gid)
    for mid, m in network.meetings.items():
        roles: tuple[MentionKind, ...] = ("chair", "minutes_by")
        for key in roles:
            if getattr(m, key) == person_id:
                add(network.at("meeting", mid, key), key, mid)
        lists: tuple[MentionKind, ...] = ("invited", "present", "excused")
        for key in lists:
            for i, p in enumerate(getattr(m, key) or ()):
                if p == person_id:
                    add(network.at("meeting", mid, key, i), key, mid)
        for i, item in enumerate(m.agenda):
            if item.by == person_id:
                add(network.at("meeting", mid, "agenda", i, "by"), "presenter", mid)
            for j, task in enumerate(item.tasks):
                for k, owner in enumerate(task.owner):
                    if owner == person_id:
                        at = network.at("meeting", mid, "agenda", i, "tasks", j, "owner", k)
                        add(at, "task_owner", mid)
    for pid, project in network.projects.items():
        if project.lead == person_id:
            add(network.at("project", pid, "lead"), "project_lead", pid)

    known = {(m.file, m.line) for m in found}
    hide = _hider(network, person_id)
    contact_lines: set[tuple[str, int]] = set()
    if person is not None:
        contact_lines, comments = _entry_lines(network, person, texts)
        found += [
            Mention(file, number, "text", person.partner, hide(text))
            for file, number, text in comments
        ]
    contact = person.contact if person else None
    exact = [rf"(?<![\w-]){re.escape(person_id)}(?![\w-])"]
    maybe: list[str] = []
    if contact is not None:
        exact.append(re.escape(contact.name))
        exact += [re.escape(v) for v in (contact.email, contact.phone) if v]
        surname = contact.name.split()[-1]
        maybe.append(rf"(?<![\w-]){by_surname(re.escape(surname))}(?![\w-])")
    sure = re.compile("|".join(exact), re.IGNORECASE)
    possible = re.compile("|".join(maybe)) if maybe else None
    for file in sorted(texts):
        for number, line in enumerate(texts[file].split("\n"), start=1):
            if (file, number) in known or (file, number) in contact_lines:
                continue
            what: MentionKind | None = (
                "text"
                if sure.search(line)
                else "maybe"
                if possible and possible.search(line)
                else None
            )
            if what:
                where = file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
                text = hide(line.strip())
                found.append(Mention(file, number, what, where, text))
    mentions = sorted(found, key=lambda m: (m.file, m.line or 0))
    if person is None or contact is None:
        return PersonView(person_id, person_id, "", "", {}, mentions, complete=False)
    partner = network.partners[person.partner]
    data = {k: v for k, v in contact.model_dump(mode="json").items() if v not in (None, [])}
    if isinstance(data.get("consent"), dict):  # only a date: the date, as it was written
        record = {k: v for k, v in data["consent"].items() if v not in (None, [])}
        if len(record.get("purpose", ())) == 1:  # one purpose: as written
            record["purpose"] = record["purpose"][0]
        data["consent"] = record["date"] if list(record) == ["date"] else record
    return PersonView(person_id, contact.name, person.partner, partner.name, data, mentions, True)


def _entry_lines(
    network: Network, person: Person, texts: dict[str, str]
) -> tuple[set[tuple[str, int]], list[tuple[str, int, str]]]:
    """The lines of the contact entry itself (its keys are the stored data, shown
    above), and the comments written into it: stored data about the person too, which
    `forget` erases with the entry."""
    doc = network.documents.get(("partner", person.partner))
    if doc is None:
        return set(), []
    prefix = ("contacts", person.index)
    lines = {
        (doc.file, line)
        for path, (line, _) in doc.positions.items()
        if path[: len(prefix)] == prefix
    }
    text = texts.get(doc.file)
    if text is None:
        return lines, []
    rows = text.split("\n")
    span = contact_span(doc.positions, person.index, rows)
    if span is None:
        return lines, []
    comments = [
        (doc.file, number, rows[number - 1].strip())
        for number in range(span[0], span[1] + 1)
        if rows[number - 1].lstrip().startswith("#")
    ]
    return lines | {(doc.file, n) for _, n, _ in comments}, comments


# Broader than mentions.PHONE on purpose: what is hidden from the answer (others'
# numbers) errs on the side of hiding.
_PHONE = re.compile(r"(?<![\w-])\+?\d[\d /().-]{4,}\d(?![\w-])")
_NOT_A_PHONE = re.compile(
    r"\d{4}-\d{2}-\d{2}"  # an ISO date
    r"|\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?"  # a German date
    r"|(?<!\d)\d{1,2}[.:]\d{2}(?!\d)"  # a time
)
_AMOUNT = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
HIDDEN = "[…]"


def _is_phone(text: str) -> bool:
    """Whether a run of digits holds a phone number: what is left of it without the
    dates, times and amounts in it ("am 19.05. 0171 1234567" still holds one) has at
    least seven digits and is not only years ("2020 / 2021")."""
    rest = _AMOUNT.sub(" ", _NOT_A_PHONE.sub(" ", text))
    if sum(c.isdigit() for c in rest) < 7:
        return False
    return not all(_YEAR.fullmatch(n) for n in re.findall(r"\d+", rest))


@once_per_network
def _contact_words(network: Network) -> tuple[re.Pattern[str] | None, dict[str, frozenset[str]]]:
    """Every contact's id, name, e-mail address and phone as one pattern, with whose
    each is (an address two contacts of one partner share is both theirs). Built once
    per network: the pattern of thousands of contacts takes a while."""
    owners: dict[str, set[str]] = {}
    for pid, other in network.persons.items():
        contact = other.contact
        for value in (pid, contact.name, contact.email, contact.phone):
            if value and len(value) > 2:
                owners.setdefault(value.casefold(), set()).add(pid)
    if not owners:
        return None, {}
    words = sorted(owners, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])", re.IGNORECASE
    )
    return pattern, {w: frozenset(p) for w, p in owners.items()}


def _hider(network: Network, person_id: str) -> Callable[[str], str]:
    """How a line reads in the answer to the person's request: what it says of them,
    without anyone else's name, id, e-mail address or phone number (Art. 15 (4): the
    copy must not disclose others' data). Any e-mail address or phone number that is
    not the person's own is hidden too: free text names people who are no contact of
    the network."""
    own = network.persons.get(person_id)
    mine = {v.casefold() for v in (own.contact.email, own.contact.phone) if v} if own else set()
    pattern, owners = _contact_words(network)

    def contact(found: re.Match[str]) -> str:
        word = found.group()
        return word if person_id in owners.get(word.casefold(), ()) else HIDDEN

    def address(found: re.Match[str]) -> str:
        return found.group() if found.group().casefold() in mine else HIDDEN

    def phone(found: re.Match[str]) -> str:
        word = found.group()
        return HIDDEN if _is_phone(word) and word.casefold() not in mine else word

    def hide(text: str) -> str:
        text = EMAIL.sub(address, text)
        text = _PHONE.sub(phone, text)
        return pattern.sub(contact, text) if pattern is not None else text

    return hide
