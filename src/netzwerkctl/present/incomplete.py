"""What a document made with `--allow-errors` lacks, said in the document itself.

Without `--allow-errors` no command publishes or sends from a network with errors.
With it, the document carries a notice that it is incomplete and which files could
not be read completely, JSON gets the field `incomplete`, and stderr lists what was
left out (which meeting, which partner, which fields). Nothing here prints: the CLI
does, and `render` places the notice under a document's title, where a network's own
template cannot leave it out.

What a document says never names a partner that may be a private person (kind
`individual`, or a partner file that could not be read at all, whose kind is not
known): not its file, not its id — the report promises that, and the notice is part
of the report. It is counted; stderr names it for the coordinator.
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
    # the files of partners a document must not name (see above)
    unnamed: frozenset[str] = frozenset()

    def named(self, file: str) -> bool:
        return file not in self.unnamed


def incompleteness(network: Network, problems: Sequence[Problem]) -> Incomplete | None:
    """None for a network without errors (warnings never make a document incomplete)."""
    files = sorted({p.file for p in problems if p.severity == "error"})
    if not files:
        return None
    public = {
        network.file_of("partner", pid) for pid, p in network.partners.items() if p.named_in_public
    }
    unnamed = frozenset(f for f in files if f.startswith("partners/") and f not in public)
    return Incomplete(tuple(files), network.omitted, unnamed)


def _field(path: tuple[str | int, ...], _: Text) -> str:
    parts: list[str] = []
    for part in path:
        if isinstance(part, int):
            parts.append(_("entry %(number)s", number=part + 1))
        else:
            parts.append(part)
    return " › ".join(parts)


def left_out(incomplete: Incomplete, lang: Lang, public: bool = False) -> list[str]:
    """One line per thing left out: „Sitzung 2021-03-15-ag (meetings/…): ganz“; in a
    document (`public`) a partner it must not name as „ein Partner (nicht genannt)“."""
    _ = Text(lang)
    lines = []
    for o in incomplete.omitted:
        if public and not incomplete.named(o.file):
            fields = ", ".join(_field(f, _) for f in o.fields)
            lines.append(
                _("a partner not named here: without %(fields)s", fields=fields)
                if o.fields
                else _("a partner not named here: left out entirely")
            )
            continue
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
    named = [f for f in incomplete.files if incomplete.named(f)]
    unnamed = len(incomplete.files) - len(named)
    if unnamed:
        named.append(
            _.ngettext(
                "%(count)d partner file not named here",
                "%(count)d partner files not named here",
                unnamed,
                count=unnamed,
            )
        )
    text = _(
        "Incomplete: this document was made from a network with errors. Errors in: %(files)s.",
        files=", ".join(named),
    )
    lost = left_out(incomplete, lang, public=True)
    return text + (" " + _("Left out: %(entries)s.", entries="; ".join(lost)) if lost else "")


def as_json(incomplete: Incomplete | None) -> dict[str, Any] | None:
    """The `incomplete` field of a JSON document (null when complete)."""
    if incomplete is None:
        return None
    return {
        "files": [f for f in incomplete.files if incomplete.named(f)],
        "unnamed_files": len(incomplete.unnamed),
        "omitted": [
            {
                "kind": o.kind,
                "id": o.id if incomplete.named(o.file) else None,
                "file": o.file if incomplete.named(o.file) else None,
                "fields": [list(f) for f in o.fields] or None,
            }
            for o in incomplete.omitted
        ],
    }
