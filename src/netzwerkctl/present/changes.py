"""How each change reads, in the language of the catalogue: the lines of `changes`,
of the agenda's "Neues im Netzwerk" and of the web view's page of changes."""

from __future__ import annotations

from netzwerkctl.codes import Lang
from netzwerkctl.derive.changes import Change
from netzwerkctl.i18n import N_, Text, short_date
from netzwerkctl.present.labels import label

# What each kind of change says (context: change).
_WORDS: dict[str, tuple[str, str]] = {
    "partner_added": N_("change", "New partner: %(name)s (%(status)s)"),
    "partner_left": N_("change", "Left: %(name)s (on %(left)s)"),
    "partner_status": N_("change", "%(name)s: status %(old)s → %(new)s"),
    "partner_changed": N_("change", "Details changed for %(name)s: %(keys)s"),
    "partner_removed": N_("change", "Partner removed from the data: %(name)s"),
    "person_added": N_("change", "New person: %(name)s (%(org)s)"),
    "person_removed": N_("change", "Person removed from the data: %(name)s (%(org)s)"),
    "group_added": N_("change", "New group: %(name)s"),
    "group_removed": N_("change", "Group removed from the data: %(name)s"),
    "project_added": N_("change", "New project: %(name)s"),
    "project_removed": N_("change", "Project removed from the data: %(name)s"),
    "meeting_added": N_("change", "New meeting: %(group)s on %(date)s"),
    "meeting_removed": N_("change", "Meeting removed from the data: %(group)s on %(date)s"),
    "meeting_moved": N_("change", "Meeting moved: %(group)s now on %(date)s (before: %(before)s)"),
    "meeting_held": N_("change", "Meeting held: %(group)s on %(date)s"),
    "meeting_cancelled": N_("change", "Meeting cancelled: %(group)s on %(date)s"),
    "task_done": N_("change", "Done: %(title)s (on %(done)s)"),
    "decision": N_("change", "Decision of %(date)s: %(text)s"),
    "decision_changed": N_("change", "Decision of %(date)s changed: %(text)s (before: %(old)s)"),
    "decision_removed": N_("change", "Decision of %(date)s withdrawn: %(text)s"),
}
# The partner fields `partner_changed` names (context: partner field).
_FIELDS: tuple[tuple[str, str], ...] = (
    N_("partner field", "name"),
    N_("partner field", "kind"),
    N_("partner field", "cluster"),
    N_("partner field", "expertise"),
    N_("partner field", "approached"),
    N_("partner field", "joined"),
    N_("partner field", "website"),
    N_("partner field", "notes"),
)


def wording(change: Change, lang: Lang) -> str:
    """The line a person reads for a change, in the language of the catalogue."""
    _ = Text(lang)
    f = change.facts
    values: dict[str, str] = {
        "name": f.name,
        "org": f.org,
        "group": f.group,
        "title": f.title,
        "text": f.text,
        "old": f.old,
        "status": f.status,
        "new": f.new,
        "keys": ", ".join(_.pgettext("partner field", k) for k in f.keys),
    }
    for key, day in (("date", f.date), ("before", f.before), ("left", f.left), ("done", f.done)):
        values[key] = short_date(day, lang) if day else ""
    if change.kind.startswith("partner"):
        for key in ("status", "old", "new"):
            if values[key]:
                values[key] = label(_, "partner status", values[key])
    context, message = _WORDS[change.kind]
    return _.pgettext(context, message, **values)
