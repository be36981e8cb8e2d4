"""What a document made with `--allow-errors` lacks, said in the document itself.

Without `--allow-errors` no command publishes or sends from a network with errors.
With it, the document carries a notice that it is incomplete and which files could
not be read completely, JSON gets the field `incomplete`, and stderr lists what was
left out (which meeting, which partner, which fields). Nothing here prints: the CLI
does, and `render` places the notice under a document's title, where a network's own
template cannot leave it out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from netzwerkctl.codes import Lang
from netzwerkctl.network import Kind, Network, Omission
from netzwerkctl.problems import Problem

_KINDS: dict[Lang, dict[str, str]] = {
    "de": {
        "network": "Netzwerk-Einstellungen",
        "partner": "Partner",
        "group": "Gruppe",
        "meeting": "Sitzung",
        "project": "Projekt",
        "marketplace": "Marktplatz",
        "report": "Berichtstext",
    },
    "en": {
        "network": "network settings",
        "partner": "partner",
        "group": "group",
        "meeting": "meeting",
        "project": "project",
        "marketplace": "marketplace",
        "report": "report text",
    },
}


@dataclass(frozen=True)
class Incomplete:
    """The files with errors, and what was left out of the network because of them."""

    files: tuple[str, ...]
    omitted: tuple[Omission, ...]


def incompleteness(network: Network, problems: Sequence[Problem]) -> Incomplete | None:
    """None for a network without errors (warnings never make a document incomplete)."""
    files = sorted({p.file for p in problems if p.severity == "error"})
    if not files:
        return None
    return Incomplete(tuple(files), network.omitted)


def _field(path: tuple[str | int, ...], lang: Lang) -> str:
    parts: list[str] = []
    for part in path:
        if isinstance(part, int):
            parts.append(f"{part + 1}. Eintrag" if lang == "de" else f"entry {part + 1}")
        else:
            parts.append(part)
    return " › ".join(parts)


def _what(kind: Kind, entity_id: str, lang: Lang) -> str:
    return f"{_KINDS[lang][kind]} {entity_id}"


def left_out(incomplete: Incomplete, lang: Lang) -> list[str]:
    """One line per thing left out: „Sitzung 2021-03-15-ag (meetings/…): ganz“."""
    lines = []
    for o in incomplete.omitted:
        if o.fields:
            fields = ", ".join(_field(f, lang) for f in o.fields)
            lines.append(
                f"{_what(o.kind, o.id, lang)} ({o.file}): ohne {fields}"
                if lang == "de"
                else f"{_what(o.kind, o.id, lang)} ({o.file}): without {fields}"
            )
        else:
            lines.append(
                f"{_what(o.kind, o.id, lang)} ({o.file}): ganz ausgelassen"
                if lang == "de"
                else f"{_what(o.kind, o.id, lang)} ({o.file}): left out entirely"
            )
    return lines


def notice(incomplete: Incomplete, lang: Lang) -> str:
    """The sentence a document carries (plain text, one paragraph)."""
    files = ", ".join(incomplete.files)
    if lang == "de":
        text = (
            "Unvollständig: Dieses Dokument wurde aus einem Netzwerk mit Fehlern erzeugt. "
            f"Fehler in: {files}."
        )
        lost = left_out(incomplete, lang)
        return text + (" Ausgelassen: " + "; ".join(lost) + "." if lost else "")
    text = f"Incomplete: this document was made from a network with errors. Errors in: {files}."
    lost = left_out(incomplete, lang)
    return text + (" Left out: " + "; ".join(lost) + "." if lost else "")


def as_json(incomplete: Incomplete | None) -> dict[str, Any] | None:
    """The `incomplete` field of a JSON document (null when complete)."""
    if incomplete is None:
        return None
    return {
        "files": list(incomplete.files),
        "omitted": [
            {
                "kind": o.kind,
                "id": o.id,
                "file": o.file,
                "fields": [list(f) for f in o.fields] or None,
            }
            for o in incomplete.omitted
        ],
    }
