"""Keep an entity when only one of its fields is wrong.

A meeting with `excused: peter-hinz` (text instead of a list) is still a meeting: it
took place, with its attendance, decisions and tasks. Pydantic refuses the whole
entity for one bad field; here the bad field is left out and the rest validated
again, so that the rules still run on what is valid (one error does not hide the
others) and `--allow-errors` loses as little as possible.

What may be left out, and what not (docs/check-codes.md, "Was bei Fehlern fehlt"):
- an unknown key, an optional field with a wrong value, one wrong entry of a list of
  ids or words (`present: [anna, Dr. Bernd Brink]` keeps anna);
- never a required field (a meeting without `date` is no meeting) and never an entry
  of a list of entries (a task, a contact, an agenda item): positions number tasks
  and decisions, and leaving one out would renumber the rest. Then the whole entity
  is left out, as before, and named.
"""

from __future__ import annotations

import copy
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from netzwerkctl.translate import data_path, strip_annotation
from netzwerkctl.yamlio import KeyPath


def _model(annotation: Any) -> type[BaseModel] | None:
    found = strip_annotation(annotation)
    return found if isinstance(found, type) and issubclass(found, BaseModel) else None


def _element(annotation: Any) -> Any:
    args = typing.get_args(strip_annotation(annotation))
    return args[0] if args else None


def _holds_entries(annotation: Any) -> bool:
    """A list of models (tasks, contacts …): its entries are not left out one by one."""
    return _model(_element(annotation)) is not None


def droppable(model: type[BaseModel], path: KeyPath) -> KeyPath | None:
    """The smallest part of the data around the faulty `path` that may be left out
    (see the module's docstring), or None when the entity cannot stand without it."""
    best: KeyPath | None = None
    current: Any = model
    for i, part in enumerate(path):
        if isinstance(part, str):
            owner = _model(current)
            if owner is None:
                break
            field = owner.model_fields.get(part)
            if field is None:  # an unknown key means nothing: leaving it out is sound
                return path[: i + 1]
            if not field.is_required() and not _holds_entries(field.annotation):
                best = path[: i + 1]
            current = field.annotation
        else:
            element = _element(current)
            if element is not None and _model(element) is None and best == path[:i]:
                best = path[: i + 1]  # one id or word of an optional list
            current = element
    return best


def _delete(data: Any, path: KeyPath) -> None:
    *parents, last = path
    for part in parents:
        data = data[part]
    del data[last]


def salvage(
    model: type[BaseModel], data: dict[str, Any], exc: ValidationError
) -> tuple[BaseModel | None, tuple[KeyPath, ...]]:
    """The entity without its faulty fields, and the paths left out; (None, ()) when
    a fault cannot be left out."""
    paths: set[KeyPath] = set()
    for error in exc.errors(include_url=False):
        path = droppable(model, data_path(data, error["loc"]))
        if path is None:
            return None, ()
        paths.add(path)
    # the longest first, and later list positions before earlier ones
    ordered = sorted(paths, key=lambda p: [(0, x) if isinstance(x, int) else (1, x) for x in p])
    kept = copy.deepcopy(data)
    dropped: list[KeyPath] = []
    for path in reversed(ordered):
        if any(path[:depth] in paths for depth in range(1, len(path))):
            continue  # inside a part that is left out anyway (a lookup per level)
        _delete(kept, path)
        dropped.append(path)
    try:
        return model.model_validate(kept), tuple(sorted(dropped, key=repr))
    except ValidationError:
        return None, ()
