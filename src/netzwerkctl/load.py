"""From a folder to a `Network`: find the root, read the files, validate each one.

The I/O (walking the folder, reading bytes) is kept apart from `build_network`, a
pure function from `(path, bytes)` pairs to the network and its problems, so that
tests can build networks from inline text and faster readers can feed it later.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel, ValidationError

from netzwerkctl.files import (
    Kind,
    ReadResult,
    classify,
    network_files,
    read_files,
    stray_folders,
)
from netzwerkctl.model import (
    Group,
    Marketplace,
    Meeting,
    NetworkInfo,
    Partner,
    Project,
    Report,
    slugify,
)
from netzwerkctl.network import Network, Person
from netzwerkctl.problems import Location, Problem, problem
from netzwerkctl.translate import validation_problems
from netzwerkctl.yamlio import Document, read_document

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
_YEAR = re.compile(r"\d{4}\Z")

MODELS: dict[Kind, type[BaseModel]] = {
    "network": NetworkInfo,
    "partner": Partner,
    "group": Group,
    "meeting": Meeting,
    "project": Project,
    "marketplace": Marketplace,
    "report": Report,
}


@dataclass(frozen=True)
class Loaded:
    network: Network
    problems: list[Problem]


def load_network(root: Path) -> Loaded:
    loaded = build_network(read_files(root, network_files(root)))
    return Loaded(loaded.network, [*loaded.problems, *stray_folders(root)])


def build_network(files: Sequence[tuple[str, ReadResult]]) -> Loaded:
    """Read, validate and index every file; collect all problems, stop at none."""
    problems: list[Problem] = []
    entities: dict[Kind, dict[str, Any]] = {kind: {} for kind in MODELS}
    known: dict[Kind, set[str]] = {kind: set() for kind in MODELS}
    documents: dict[tuple[Kind, str], Document] = {}
    raw_contacts: list[tuple[str, Document, int, Any]] = []
    info: NetworkInfo | None = None

    for rel, raw in files:
        where = classify(rel)
        if where is None:
            continue
        kind, entity_id = where
        if not _valid_id(kind, entity_id, rel, problems):
            continue
        if (kind, entity_id) in documents:
            other = documents[(kind, entity_id)].file
            problems.append(problem("NW207", Location(rel, 1, 1), id=entity_id, other=other))
            continue
        if isinstance(raw, OSError):
            reason = raw.strerror or type(raw).__name__
            doc = Document(rel, None, {}, (problem("NW014", Location(rel), reason=reason),))
        else:
            doc = read_document(raw, rel)
        documents[(kind, entity_id)] = doc
        known[kind].add(entity_id)
        problems.extend(doc.problems)
        if doc.data is None:
            if kind == "partner" and not isinstance(raw, OSError):
                raw_contacts.extend((entity_id, doc, 0, c) for c in _ids_in_text(raw))
            continue
        model = MODELS[kind]
        try:
            entity = model.model_validate(doc.data)
        except ValidationError as exc:
            problems.extend(validation_problems(exc, doc, model))
            if kind == "partner":
                raw_contacts.extend(_salvage_contacts(entity_id, doc))
            elif kind == "network":
                info = _salvage_info(doc.data, exc)
            continue
        if kind == "network":
            assert isinstance(entity, NetworkInfo)
            info = entity
        else:
            entities[kind][entity_id] = entity
            if isinstance(entity, Partner):
                raw_contacts.extend((entity_id, doc, i, c) for i, c in enumerate(entity.contacts))

    persons, known_persons = _index_persons(raw_contacts, problems)
    meetings = dict(sorted(entities["meeting"].items(), key=lambda kv: (kv[1].date, kv[0])))
    network = Network(
        info=info,
        partners=entities["partner"],
        groups=entities["group"],
        meetings=meetings,
        projects=entities["project"],
        marketplaces=entities["marketplace"],
        reports=entities["report"],
        persons=persons,
        known={kind: frozenset(ids) for kind, ids in known.items()},
        known_persons=frozenset(known_persons),
        documents=documents,
        files=len(documents),
    )
    return Loaded(network, problems)


def _valid_id(kind: Kind, entity_id: str, rel: str, problems: list[Problem]) -> bool:
    if kind == "network":
        return True
    if kind == "report":
        if _YEAR.match(entity_id):
            return True
        problems.append(problem("NW013", Location(rel, 1, 1), name=PurePosixPath(rel).name))
        return False
    if _SLUG.match(entity_id):
        return True
    problems.append(
        problem("NW012", Location(rel, 1, 1), name=PurePosixPath(rel).name, slug=slugify(entity_id))
    )
    return False


_ID_LINE = re.compile(
    rb"^[ \t]*(?:-[ \t]+)?id:[ \t]*[\"']?([a-z0-9][a-z0-9-]*)[\"']?[ \t]*\r?$", re.M
)


def _ids_in_text(raw: bytes) -> list[str]:
    """Person ids from a partner file YAML could not read at all (`id: …` lines)."""
    return [m.decode("ascii") for m in _ID_LINE.findall(raw)]


def _salvage_info(data: dict[str, Any], exc: ValidationError) -> NetworkInfo | None:
    """netzwerk.yaml with its faulty keys left out, so that one typo there does not
    switch off the network's language and rules (its problems are reported anyway)."""
    kept: dict[str, Any] = {k: (dict(v) if isinstance(v, dict) else v) for k, v in data.items()}
    for error in exc.errors():
        loc = error["loc"]
        if len(loc) >= 2 and loc[0] == "rules" and isinstance(kept.get("rules"), dict):
            kept["rules"].pop(str(loc[1]), None)
        elif loc:
            kept.pop(str(loc[0]), None)
    kept.setdefault("name", "?")
    try:
        return NetworkInfo.model_validate(kept)
    except ValidationError:
        return None


def _salvage_contacts(partner_id: str, doc: Document) -> list[tuple[str, Document, int, Any]]:
    """Person ids from a partner file that failed validation, so that references to
    them are not reported as unknown on top of the file's own problems."""
    assert doc.data is not None
    contacts = doc.data.get("contacts")
    if not isinstance(contacts, list):
        return []
    return [
        (partner_id, doc, i, c["id"])
        for i, c in enumerate(contacts)
        if isinstance(c, dict) and isinstance(c.get("id"), str)
    ]


def _index_persons(
    contacts: list[tuple[str, Document, int, Any]], problems: list[Problem]
) -> tuple[dict[str, Person], set[str]]:
    persons: dict[str, Person] = {}
    known: set[str] = set()
    first: dict[str, Location] = {}
    for partner_id, doc, index, contact in contacts:
        person_id = contact if isinstance(contact, str) else contact.id
        at = doc.at("contacts", index, "id")
        if person_id in first:
            other = first[person_id]
            problems.append(
                problem("NW208", at, id=person_id, other=other.file, other_line=other.line)
            )
            continue
        first[person_id] = at
        known.add(person_id)
        if not isinstance(contact, str):
            persons[person_id] = Person(person_id, partner_id, contact, index)
    return persons, known
