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
from netzwerkctl.i18n import N_, Text
from netzwerkctl.network import Network, Omission
from netzwerkctl.problems import Problem

# What a left-out entry is (context: entry kind).
_KINDS = (
    N_("entry kind", "network"),
    N_("entry kind", "partner"),
    N_("entry kind", "group"),
    N_("entry kind", "meeting"),
    N_("entry kind", "project"),
    N_("entry kind", "marketplace"),
    N_("entry kind", "report"),
)


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


def _field(path: tuple[str | int, ...], _: Text) -> str:
    parts: list[str] = []
    for part in path:
        if isinstance(part, int):
            parts.append(_("entry %(number)s", number=part + 1))
        else:
            parts.append(part)
    return " › ".join(parts)


def left_out(incomplete: Incomplete, lang: Lang) -> list[str]:
    """One line per thing left out: „Sitzung 2021-03-15-ag (meetings/…): ganz“."""
    _ = Text(lang)
    lines = []
    for o in incomplete.omitted:
        what = _("%(kind)s %(id)s", kind=_.pgettext("entry kind", o.kind), id=o.id)
        if o.fields:
            fields = ", ".join(_field(f, _) for f in o.fields)
            lines.append(
                _("%(what)s (%(file)s): without %(fields)s", what=what, file=o.file, fields=fields)
            )
        else:
            lines.append(_("%(what)s (%(file)s): left out entirely", what=what, file=o.file))
    return lines


def notice(incomplete: Incomplete, lang: Lang) -> str:
    """The sentence a document carries (plain text, one paragraph)."""
    _ = Text(lang)
    files = ", ".join(incomplete.files)
    text = _(
        "Incomplete: this document was made from a network with errors. Errors in: %(files)s.",
        files=files,
    )
    lost = left_out(incomplete, lang)
    return text + (" " + _("Left out: %(entries)s.", entries="; ".join(lost)) if lost else "")


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
