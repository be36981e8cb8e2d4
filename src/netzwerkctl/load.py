"""From a folder to a `Network`: find the root, read the files, validate each one.

The I/O (walking the folder, reading bytes) is kept apart from `build_network`, a
pure function from `(path, bytes)` pairs to the network and its problems, so that
tests can build networks from inline text. Every file is read and validated on its
own (`_read_file`), which lets `parallel.py` share that work among processes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel, ValidationError

from netzwerkctl.files import (
    Kind,
    ReadResult,
    classify,
    misnamed_files,
    network_files,
    read_files,
    reason,
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
from netzwerkctl.network import Network, Omission, Person
from netzwerkctl.problems import Location, Problem, problem
from netzwerkctl.salvage import salvage
from netzwerkctl.translate import validation_problems
from netzwerkctl.yamlio import Document, KeyPath, Source, read_document

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
    # with `keep`: each file's bytes and what reading it gave, for a second network
    # that shares most files (`changes`: the other end of a range; the web view: the
    # next read after an edit)
    reads: Reads = field(default_factory=dict)


def load_network(root: Path) -> Loaded:
    from netzwerkctl.parallel import available_jobs

    misnamed: list[str] = []
    files = read_files(root, network_files(root, misnamed))
    loaded = build_network(files, jobs=available_jobs(len(files)))
    return Loaded(
        loaded.network, [*loaded.problems, *stray_folders(root), *misnamed_files(misnamed, root)]
    )


# A partner's contact as the person index sees it: the partner, the partner file, the
# contact's position and the contact (or only its id, salvaged from an invalid file).
_ContactEntry = tuple[str, Source, int, Any]


@dataclass(frozen=True)
class _Read:
    """One file read and validated: all that the network keeps of it."""

    source: Source
    entity: BaseModel | None
    problems: tuple[Problem, ...]
    salvaged: tuple[tuple[int, str], ...] = ()  # contact ids of an invalid partner file
    info: NetworkInfo | None = None  # netzwerk.yaml, also when partly invalid
    dropped: tuple[KeyPath, ...] = ()  # faulty fields left out of a kept entity


# Each file's bytes and what reading them gave, by path: kept by one load, reused by
# the next (a file whose bytes are the same is not parsed again).
Reads = Mapping[str, tuple[ReadResult, _Read]]


def build_network(
    files: Sequence[tuple[str, ReadResult]],
    jobs: int = 1,
    reuse: Reads | None = None,
    keep: bool = False,
) -> Loaded:
    """Read, validate and index every file; collect all problems, stop at none.

    Each file is read and validated on its own, in `jobs` processes (`parallel.py`);
    the result is the same for any number of them. A file whose bytes `reuse` (the
    `reads` of another load, kept with `keep`) holds unchanged is not read again.
    """
    from netzwerkctl.parallel import map_split

    claimed: dict[tuple[Kind, str], str] = {}
    # In file order: a problem found from the path alone, or a file to read.
    steps: list[Problem | tuple[Kind, str]] = []
    todo: list[tuple[Kind, str, ReadResult]] = []
    known_reads: list[_Read | None] = []  # per file to read: the earlier read, or None
    raws: list[tuple[str, ReadResult]] = []
    for rel, raw in files:
        where = classify(rel)
        if where is None:
            continue
        kind, entity_id = where
        refused = _refused_id(kind, entity_id, rel)
        if refused is not None:
            steps.append(refused)
            continue
        if (kind, entity_id) in claimed:
            other = claimed[(kind, entity_id)]
            steps.append(problem("NW207", Location(rel, 1, 1), id=entity_id, other=other))
            continue
        claimed[(kind, entity_id)] = rel
        steps.append((kind, entity_id))
        raws.append((rel, raw))
        earlier = reuse.get(rel) if reuse else None
        if earlier is not None and isinstance(raw, bytes) and earlier[0] == raw:
            known_reads.append(earlier[1])
        else:
            known_reads.append(None)
            todo.append((kind, rel, raw))
    fresh = iter(map_split(_read_file, todo, jobs))
    all_reads = [r if r is not None else next(fresh) for r in known_reads]
    kept = {rel: (raw, r) for (rel, raw), r in zip(raws, all_reads, strict=True)} if keep else {}
    reads = iter(all_reads)

    problems: list[Problem] = []
    entities: dict[Kind, dict[str, Any]] = {kind: {} for kind in MODELS}
    known: dict[Kind, set[str]] = {kind: set() for kind in MODELS}
    documents: dict[tuple[Kind, str], Source] = {}
    contacts: list[_ContactEntry] = []
    info: NetworkInfo | None = None
    omitted: list[Omission] = []
    unread = {rel for rel, raw in raws if not isinstance(raw, bytes)}  # not to be opened
    for step in steps:
        if isinstance(step, Problem):
            problems.append(step)
            where = classify(step.file)
            if where is not None:  # a file not read at all (its name, a second file)
                omitted.append(Omission(where[0], where[1], step.file))
                unread.add(step.file)
            continue
        kind, entity_id = step
        read = next(reads)
        documents[(kind, entity_id)] = read.source
        known[kind].add(entity_id)
        problems.extend(read.problems)
        contacts.extend((entity_id, read.source, i, c) for i, c in read.salvaged)
        lost = read.info is None if kind == "network" else read.entity is None
        if lost and any(p.severity == "error" for p in read.problems):
            omitted.append(Omission(kind, entity_id, read.source.file))
        elif read.dropped:
            omitted.append(Omission(kind, entity_id, read.source.file, read.dropped))
        if kind == "network":
            info = read.info
        elif read.entity is not None:
            entities[kind][entity_id] = read.entity
            if isinstance(read.entity, Partner):
                contacts.extend(
                    (entity_id, read.source, i, c) for i, c in enumerate(read.entity.contacts)
                )

    persons, known_persons = _index_persons(contacts, problems)
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
        omitted=tuple(omitted),
        unread=frozenset(unread),
    )
    return Loaded(network, problems, kept)


def _read_file(item: tuple[Kind, str, ReadResult]) -> _Read:
    """Parse and validate one file (in whichever process `map_split` gives it to)."""
    kind, rel, raw = item
    if isinstance(raw, OSError):
        why = reason(raw)
        return _Read(Source(rel), None, (problem("NW014", Location(rel), t_reason=why),))
    doc = read_document(raw, rel)
    if doc.data is None:
        salvaged = tuple((0, c) for c in _ids_in_text(raw)) if kind == "partner" else ()
        return _Read(doc.source, None, doc.problems, salvaged=salvaged)
    model = MODELS[kind]
    try:
        entity = model.model_validate(doc.data)
    except ValidationError as exc:
        problems = (*doc.problems, *validation_problems(exc, doc, model))
        if kind == "network":
            info, dropped = _salvage_info(doc.data, exc)
            return _Read(doc.source, None, problems, info=info, dropped=dropped)
        kept, dropped = salvage(model, doc.data, exc)
        if kept is not None:
            return _Read(doc.source.without(dropped), kept, problems, dropped=dropped)
        if kind == "partner":
            return _Read(doc.source, None, problems, salvaged=_salvage_contacts(doc))
        return _Read(doc.source, None, problems)
    if isinstance(entity, NetworkInfo):
        return _Read(doc.source, None, doc.problems, info=entity)
    return _Read(doc.source, entity, doc.problems)


def _refused_id(kind: Kind, entity_id: str, rel: str) -> Problem | None:
    """The problem with a file's name as an id, if it cannot be one."""
    if kind == "network":
        return None
    if kind == "report":
        if _YEAR.match(entity_id):
            return None
        return problem("NW013", Location(rel, 1, 1), name=PurePosixPath(rel).name)
    if _SLUG.match(entity_id) and rel.endswith((".yaml", ".yml")):  # not `x.YAML`
        return None
    return problem(
        "NW012", Location(rel, 1, 1), name=PurePosixPath(rel).name, slug=slugify(entity_id)
    )


_ID_LINE = re.compile(
    rb"^[ \t]*(?:-[ \t]+)?id:[ \t]*[\"']?([a-z0-9][a-z0-9-]*)[\"']?[ \t]*\r?$", re.M
)


def _ids_in_text(raw: bytes) -> list[str]:
    """Person ids from a partner file YAML could not read at all (`id: …` lines)."""
    return [m.decode("ascii") for m in _ID_LINE.findall(raw)]


def _salvage_info(
    data: dict[str, Any], exc: ValidationError
) -> tuple[NetworkInfo | None, tuple[KeyPath, ...]]:
    """netzwerk.yaml with its faulty keys left out, so that one typo there does not
    switch off the network's language and rules (its problems are reported anyway);
    and the keys left out."""
    kept: dict[str, Any] = {k: (dict(v) if isinstance(v, dict) else v) for k, v in data.items()}
    dropped: list[KeyPath] = []
    for error in exc.errors():
        loc = error["loc"]
        if len(loc) >= 2 and loc[0] in ("rules", "checks") and isinstance(kept.get(loc[0]), dict):
            kept[str(loc[0])].pop(str(loc[1]), None)
            dropped.append((str(loc[0]), str(loc[1])))
        elif loc:
            kept.pop(str(loc[0]), None)
            dropped.append((str(loc[0]),))
    kept.setdefault("name", "?")
    try:
        return NetworkInfo.model_validate(kept), tuple(sorted(set(dropped)))
    except ValidationError:
        return None, ()


def _salvage_contacts(doc: Document) -> tuple[tuple[int, str], ...]:
    """Person ids from a partner file that failed validation, so that references to
    them are not reported as unknown on top of the file's own problems."""
    assert doc.data is not None
    contacts = doc.data.get("contacts")
    if not isinstance(contacts, list):
        return ()
    return tuple(  # only ids that are ids: a wrong one is reported, never suggested
        (i, c["id"])
        for i, c in enumerate(contacts)
        if isinstance(c, dict) and isinstance(c.get("id"), str) and _SLUG.match(c["id"])
    )


def _index_persons(
    contacts: list[_ContactEntry], problems: list[Problem]
) -> tuple[dict[str, Person], set[str]]:
    persons: dict[str, Person] = {}
    known: set[str] = set()
    first: dict[str, tuple[Source, int]] = {}
    for partner_id, source, index, contact in contacts:
        person_id = contact if isinstance(contact, str) else contact.id
        if person_id in first:
            other_source, other_index = first[person_id]
            other = other_source.at("contacts", other_index, "id")
            problems.append(
                problem(
                    "NW208",
                    source.at("contacts", index, "id"),
                    id=person_id,
                    other=other.file,
                    other_line=other.line,
                )
            )
            continue
        first[person_id] = (source, index)
        known.add(person_id)
        if not isinstance(contact, str):
            persons[person_id] = Person(person_id, partner_id, contact, index)
    return persons, known
