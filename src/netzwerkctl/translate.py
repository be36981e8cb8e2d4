"""Pydantic's validation errors, translated into the tool's own located problems.

Pydantic is used only at the boundary: its error types become our codes, its
locations become `file:line` through the reader's source map, and unknown keys or
values get a "did you mean" from the fields and choices the model allows.
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from netzwerkctl.problems import Problem, problem
from netzwerkctl.similar import suggest
from netzwerkctl.yamlio import Document, KeyPath

_NUMBER_ERRORS = frozenset(
    {
        "nw_number",
        "int_parsing",
        "float_parsing",
        "decimal_parsing",
        "int_from_float",
        "decimal_type",
        "finite_number",
    }
)
_TYPE_ERRORS: dict[str, str] = {
    "string_type": "text",
    "list_type": "list",
    "tuple_type": "list",
    "dict_type": "mapping",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
    "int_type": "whole number",
    "float_type": "number",
}
_BOUNDS: dict[str, tuple[str, str]] = {
    "greater_than_equal": ("at least", "ge"),
    "less_than_equal": ("at most", "le"),
    "greater_than": ("greater than", "gt"),
    "less_than": ("less than", "lt"),
}
_QUOTED = re.compile(r"'([^']*)'")


MAX_PER_FILE = 100  # problems of one file told one by one; beyond, a count (NW019)


def validation_problems(
    exc: ValidationError, doc: Document, model: type[BaseModel]
) -> list[Problem]:
    """One problem per distinct faulty place (a union's alternatives count once)."""
    found: list[tuple[KeyPath, Problem]] = []
    seen: set[tuple[KeyPath, str]] = set()
    errors = exc.errors(include_url=False)
    for error in errors[:MAX_PER_FILE]:  # the rest is counted by `cap_per_file`
        path = data_path(doc.data, error["loc"])
        # a missing key is told apart by its name: several can miss in one mapping
        key = (path, str(error["loc"][-1]) if error["type"] == "missing" else "")
        if key in seen:
            continue
        seen.add(key)
        found.append((path, _translate(error, path, doc, model)))
    # `nmae:` is an unknown key whose suggestion is the missing `name`: one fault, so
    # the "missing" problem in the same mapping is left out.
    misspelled = {
        (path[:-1], dict(p.args).get("suggestion")) for path, p in found if p.code == "NW101"
    }
    told = [
        p
        for path, p in found
        if not (p.code == "NW102" and (path, dict(p.args)["key"]) in misspelled)
    ]
    if len(errors) > MAX_PER_FILE:
        told.append(problem("NW019", doc.at(), count=len(errors) - MAX_PER_FILE))
    return told


def data_path(data: Any, loc: tuple[int | str, ...]) -> KeyPath:
    """Pydantic's location, cut to the parts that really index into the data.

    Pydantic adds parts of its own for unions (`int`, `float`); those are dropped, and
    so is a missing key: the path ends at the mapping it is missing from.
    """
    path: list[str | int] = []
    current = data
    for part in loc:
        is_key = isinstance(current, dict) and isinstance(part, str) and part in current
        is_index = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if not (is_key or is_index):
            break
        path.append(part)
        current = current[part]
    return tuple(path)


def dotted(path: KeyPath) -> str:
    """`contacts.email` — list positions are left out, the line number shows them."""
    return ".".join(str(p) for p in path if isinstance(p, str))


_DURATION = re.compile(
    r"\s*(\d+(?:[.,]\d+)?)\s*"
    r"(?:(?P<hours>h|std\.?|stunden?|hours?)|(?P<minutes>min\.?|minuten?|minutes?|mins?))"
    r"(?:\s*(?P<more>\d+)\s*(?:min\.?|minuten?|minutes?|mins?)?)?\s*\Z",
    re.IGNORECASE,
)


def minutes_in(text: str) -> str | None:
    """Whole minutes for a duration a person wrote in words: "1,5 Stunden" → "90",
    "90 Min." → "90", "1 h 30" → "90"; None if it cannot be read so."""
    if len(text) > 40:
        return None
    match = _DURATION.match(text)
    if match is None:
        return None
    amount = float(match.group(1).replace(",", "."))
    minutes = amount * 60 if match.group("hours") else amount
    if match.group("more") and match.group("hours"):
        minutes += int(match.group("more"))
    elif match.group("more"):
        return None
    if minutes != int(minutes) or not 0 <= minutes <= 1440:
        return None
    return str(int(minutes))


def _translate(error: Any, path: KeyPath, doc: Document, model: type[BaseModel]) -> Problem:
    kind: str = error["type"]
    value = error.get("input")
    ctx: dict[str, Any] = error.get("ctx") or {}
    at = doc.at(*path)
    key = dotted(path) or "–"
    names = [p for p in path if isinstance(p, str)]
    last = names[-1] if names else key
    parent = dotted(path[:-1])

    if kind == "extra_forbidden":
        allowed = _field_names(model, path[:-1])
        return problem("NW101", at, key=last, where=parent, suggestion=suggest(last, allowed))
    if kind == "missing":
        missing = str(error["loc"][-1])
        return problem("NW102", at, key=missing, where=dotted(path))
    if kind == "nw_comma_list":
        return problem("NW115", at, key=key, value=value, suggestion=ctx.get("suggestion", ""))
    if last == "duration" and (kind in _NUMBER_ERRORS or kind == "nw_german_number"):
        return problem("NW116", at, key=key, value=value, suggestion=minutes_in(str(value)) or "")
    if kind == "nw_german_number":
        return problem("NW114", at, key=key, value=value)
    if value is None or kind in ("string_too_short", "too_short"):
        return problem("NW113", at, key=key)
    if kind == "nw_date":
        return problem("NW104", at, key=key, value=value)
    if kind == "nw_time":
        return problem("NW105", at, key=key, value=value)
    if kind in ("literal_error", "enum"):
        from netzwerkctl.i18n import languages
        from netzwerkctl.present.labels import context_of, value_for_word

        allowed = _QUOTED.findall(str(ctx.get("expected", "")))
        # a German (or English) word for a stored value: `stattgefunden` means `held`
        context = context_of(allowed) or ""
        meant = value_for_word(str(value), context, languages()) if context else None
        return problem(
            "NW106",
            at,
            key=key,
            value=value,
            allowed=" | ".join(allowed),
            suggestion=meant or suggest(str(value), allowed),
            labels=context,
        )
    if kind == "nw_bool":
        return problem("NW107", at, key=key, value=value)
    if kind == "nw_slug":
        return problem("NW108", at, key=key, value=value, slug=ctx.get("slug", ""))
    if kind in _NUMBER_ERRORS:
        whole = kind in ("int_parsing", "int_from_float") or bool(ctx.get("whole"))
        number, example = ("not a whole number", "12") if whole else ("not a number", "1140.50")
        return problem("NW109", at, key=key, value=value, t_number=number, example=example)
    if kind in _BOUNDS:
        bound, ctx_key = _BOUNDS[kind]
        return problem("NW110", at, key=key, value=value, t_bound=bound, limit=ctx.get(ctx_key))
    if kind == "nw_one_line":
        return problem("NW117", at, key=key)
    if kind == "nw_email":
        return problem("NW111", at, key=key, value=value)
    if kind == "nw_timezone":
        return problem("NW112", at, key=key, value=value)
    if kind == "nw_money":
        from netzwerkctl.model import MarketKind

        kinds = " | ".join(typing.get_args(MarketKind))
        return problem("NW601", at, key=key, value=value, allowed=kinds)
    if kind in _TYPE_ERRORS:
        return problem("NW103", at, key=key, t_expected=_TYPE_ERRORS[kind], t_found=_kind_of(value))
    return problem("NW119", at, key=key, detail=error.get("msg", kind))


def _kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    return "text"


def _field_names(model: type[BaseModel], path: KeyPath) -> list[str]:
    """The keys allowed at `path` inside `model` (for "did you mean")."""
    current: Any = model
    for part in path:
        current = strip_annotation(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part)
            current = field.annotation if field else None
        else:
            return []
    current = strip_annotation(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def strip_annotation(annotation: Any) -> Any:
    """Look through Annotated[...] and Optional[...] to the type that matters."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin is typing.Union or origin is types.UnionType:
            rest = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(rest) != 1:
                return annotation
            annotation = rest[0]
        else:
            return annotation
