"""The programme's registry (`programm.yaml`): which networks belong to it and where
their data is.

A network joins by a merge request to the registry's repository: one entry with its
id, name, city and either `url` (its git repository, with an optional `ref` and
`folder`) or `export` (where it publishes its public exports, `{year}` standing for
the year). The file is read like a network's files — every scalar as written, every
fault a located problem, all of them at once — so a programme office sees
`programm.yaml:12:5: error …` for each wrong entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from netzwerkctl.model import Entry, Id, Name
from netzwerkctl.problems import Problem, problem
from netzwerkctl.translate import validation_problems
from netzwerkctl.yamlio import read_document

DEFAULT_FILE = "programm.yaml"


class RegisteredNetwork(Entry):
    id: Id
    name: Name
    city: Name | None = None
    url: str | None = None  # a git repository: https://, ssh://, user@host:path, file://, a folder
    ref: str | None = None  # a branch or tag; default: the repository's default branch
    folder: str | None = None  # the folder with netzwerk.yaml inside the repository
    export: str | None = None  # instead of url: where the public exports are, with {year}


class Registry(Entry):
    name: Name
    networks: tuple[RegisteredNetwork, ...] = ()


# What a git URL may look like: the transports git runs itself, never `ext::` (which
# runs a command) or anything that starts with "-" (which git would read as an option).
_GIT_URL = re.compile(
    r"^(?:https://|ssh://|git://)(?![-/])[^\s]+$|^file://[^\s]+$|^\w[\w.-]*@\w[\w.-]*:[^\s]+$"
)
_EXPORT_URL = re.compile(r"^(?:https://(?![-/])|file://)[^\s]+$")
# A ref or folder is a plain relative path: no option, no "..", no leading "/", no
# control characters — a folder never leads out of the network's repository.
_PLAIN = re.compile(r"^(?![-/])(?!.*\.\.)[\w./+-]+$")


@dataclass(frozen=True)
class ReadRegistry:
    file: str
    registry: Registry | None  # None when the file cannot be read at all
    problems: tuple[Problem, ...]

    @property
    def networks(self) -> tuple[RegisteredNetwork, ...]:
        return self.registry.networks if self.registry else ()


def read_registry(raw: bytes, file: str = DEFAULT_FILE) -> ReadRegistry:
    """The registry in `raw`, with every problem found (none when it is usable)."""
    doc = read_document(raw, file)
    if doc.data is None:
        return ReadRegistry(file, None, doc.problems)
    try:
        registry = Registry.model_validate(doc.data)
    except ValidationError as exc:
        return ReadRegistry(file, None, (*doc.problems, *validation_problems(exc, doc, Registry)))
    found = list(doc.problems)
    seen: dict[str, int] = {}
    for n, net in enumerate(registry.networks):
        if net.id in seen:
            first = doc.at("networks", seen[net.id], "id").line or 1
            found.append(problem("NW702", doc.at("networks", n, "id"), id=net.id, line=first))
        seen.setdefault(net.id, n)
        if (net.url is None) == (net.export is None):
            found.append(problem("NW701", doc.at("networks", n), id=net.id))
        if net.url is not None and not (_GIT_URL.match(net.url) or _is_folder(net.url)):
            found.append(problem("NW703", doc.at("networks", n, "url"), key="url", value=net.url))
        if net.export is not None and not (_EXPORT_URL.match(net.export) or _is_folder(net.export)):
            at = doc.at("networks", n, "export")
            found.append(problem("NW703", at, key="export", value=net.export))
        for key in ("ref", "folder"):
            value = getattr(net, key)
            if value is not None and not _PLAIN.match(value):
                at = doc.at("networks", n, key)
                found.append(problem("NW704", at, key=key, value=value))
    return ReadRegistry(file, registry, tuple(found))


def _is_folder(value: str) -> bool:
    """A local path (absolute, or relative to the registry): no scheme, no option."""
    return (
        not value.startswith("-")
        and "://" not in value
        and "::" not in value
        and (
            value.startswith(("/", "./", "../")) or re.match(r"^[A-Za-z]:[\\/]", value) is not None
        )
    )


def load_registry(path: Path) -> ReadRegistry:
    """The registry file at `path` (OSError when it cannot be opened)."""
    return read_registry(path.read_bytes(), path.name)


def registry_schema_text(lang: str = "de") -> str:
    """The JSON Schema of programm.yaml for editors, its words in `lang`."""
    import json

    from netzwerkctl.schema import TITLES, model_schema

    schema = model_schema(Registry, TITLES["programm"], lang)
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
