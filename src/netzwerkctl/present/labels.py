"""The words a person reads for the values the files store in English
(`status: approached` is shown as "angesprochen"): every value of every kind, marked
here for extraction, worded in the catalogues with one context per kind (a kind that
is shown in two ways, like a partner kind in a list and as a heading over several, has
two contexts). Templates use the filter `label`, Python `label(_, context, value)`.
"""

from __future__ import annotations

from collections.abc import Sequence

from netzwerkctl.i18n import N_, Text

LABELS: tuple[tuple[str, str], ...] = (
    N_("partner kind", "association"),
    N_("partner kind", "welfare"),
    N_("partner kind", "business"),
    N_("partner kind", "bank"),
    N_("partner kind", "administration"),
    N_("partner kind", "politics"),
    N_("partner kind", "school"),
    N_("partner kind", "education"),
    N_("partner kind", "church"),
    N_("partner kind", "foundation"),
    N_("partner kind", "initiative"),
    N_("partner kind", "volunteer_agency"),
    N_("partner kind", "media"),
    N_("partner kind", "individual"),
    N_("partner kind", "other"),
    N_("partner kind, plural", "association"),
    N_("partner kind, plural", "welfare"),
    N_("partner kind, plural", "business"),
    N_("partner kind, plural", "bank"),
    N_("partner kind, plural", "administration"),
    N_("partner kind, plural", "politics"),
    N_("partner kind, plural", "school"),
    N_("partner kind, plural", "education"),
    N_("partner kind, plural", "church"),
    N_("partner kind, plural", "foundation"),
    N_("partner kind, plural", "initiative"),
    N_("partner kind, plural", "volunteer_agency"),
    N_("partner kind, plural", "media"),
    N_("partner kind, plural", "individual"),
    N_("partner kind, plural", "other"),
    N_("partner status", "prospect"),
    N_("partner status", "approached"),
    N_("partner status", "active"),
    N_("partner status", "paused"),
    N_("partner status", "former"),
    N_("partner status in a match", "prospect"),
    N_("partner status in a match", "approached"),
    N_("partner status in a match", "active"),
    N_("meeting status", "planned"),
    N_("meeting status", "held"),
    N_("meeting status", "cancelled"),
    N_("group kind", "steering"),
    N_("group kind", "working"),
    N_("group kind", "workshop"),
    N_("group kind", "jury"),
    N_("group kind", "network"),
    N_("group kind", "other"),
    N_("member role", "chair"),
    N_("member role", "deputy"),
    N_("member role", "minutes"),
    N_("member role", "member"),
    N_("agenda item kind", "info"),
    N_("agenda item kind", "discussion"),
    N_("agenda item kind", "decision"),
    N_("invitee role", "chair"),
    N_("invitee role", "minutes"),
    N_("invitee role", "member"),
    N_("invitee role", "invited"),
    N_("project kind", "event"),
    N_("project kind", "award"),
    N_("project kind", "campaign"),
    N_("project kind", "certification"),
    N_("project kind", "survey"),
    N_("project kind", "report"),
    N_("project kind", "academy"),
    N_("project kind", "other"),
    N_("project status", "idea"),
    N_("project status", "planned"),
    N_("project status", "running"),
    N_("project status", "done"),
    N_("project status", "dropped"),
    N_("contribution kind", "postage"),
    N_("contribution kind", "printing"),
    N_("contribution kind", "mailing"),
    N_("contribution kind", "rooms"),
    N_("contribution kind", "staff"),
    N_("contribution kind", "catering"),
    N_("contribution kind", "expertise"),
    N_("contribution kind", "material"),
    N_("contribution kind", "money"),
    N_("contribution kind", "other"),
    N_("contact field", "id"),
    N_("contact field", "name"),
    N_("contact field", "role"),
    N_("contact field", "email"),
    N_("contact field", "phone"),
    N_("contact field", "decision_maker"),
    N_("contact field", "intro_talk"),
    N_("contact field", "consent"),
    N_("contact field", "since"),
    N_("contact field", "until"),
    N_("reminder kind", "task_overdue"),
    N_("reminder kind", "task_due"),
    N_("reminder kind", "meeting_upcoming"),
    N_("reminder kind", "minutes_missing"),
    N_("reminder kind", "intro_talk_missing"),
    N_("reminder kind", "milestone_due"),
    N_("reminder kind", "milestone_overdue"),
    N_("reminder kind", "award_expiring"),
    N_("reminder kind", "prospect_follow_up"),
    N_("reminder kind", "group_quiet"),
    N_("market kind", "expertise"),
    N_("market kind", "staff"),
    N_("market kind", "rooms"),
    N_("market kind", "material"),
    N_("market kind", "transport"),
    N_("market kind", "publicity"),
    N_("market kind", "other"),
    N_("word match", "same"),
    N_("word match", "stem"),
    N_("word match", "part"),
    N_("mention", "contact"),
    N_("mention", "member"),
    N_("mention", "group_lead"),
    N_("mention", "chair"),
    N_("mention", "minutes_by"),
    N_("mention", "invited"),
    N_("mention", "present"),
    N_("mention", "excused"),
    N_("mention", "presenter"),
    N_("mention", "task_owner"),
    N_("mention", "project_lead"),
    N_("mention", "text"),
    N_("mention", "maybe"),
    N_("erasure step", "contact"),
    N_("erasure step", "member"),
    N_("erasure step", "group_lead"),
    N_("erasure step", "chair"),
    N_("erasure step", "minutes_by"),
    N_("erasure step", "invited"),
    N_("erasure step", "present"),
    N_("erasure step", "excused"),
    N_("erasure step", "presenter"),
    N_("erasure step", "task_owner"),
    N_("erasure step", "project_lead"),
    N_("erasure step", "text"),
    N_("erasure step", "maybe"),
)
# The values of each kind, for tests that compare them with the model.
CONTEXTS: dict[str, list[str]] = {}
for context, value in LABELS:
    CONTEXTS.setdefault(context, []).append(value)


def label(_: Text, context: str, value: str) -> str:
    """The word for a stored `value` of the kind `context`; a value without a word
    (a network's own kind) is shown as it is."""
    return _.pgettext(context, value)


def context_of(values: Sequence[str]) -> str | None:
    """The label context whose values are exactly `values` (a Literal's), if any."""
    wanted = set(values)
    return next((c for c, vs in CONTEXTS.items() if set(vs) == wanted), None)


def value_for_word(word: str, context: str, languages: Sequence[str]) -> str | None:
    """The stored value a person meant by writing its label in some language
    (`stattgefunden` → `held`, `Wohlfahrt` → `welfare`); None when no label is close."""
    from netzwerkctl.similar import suggest

    labels: dict[str, str] = {}
    for lang in languages:
        words = Text(lang)
        for value in CONTEXTS.get(context, []):
            labels.setdefault(words.pgettext(context, value).casefold(), value)
    folded = word.strip().casefold()
    if folded in labels:
        return labels[folded]
    starts = {v for label, v in labels.items() if len(folded) >= 4 and label.startswith(folded)}
    if len(starts) == 1:
        return starts.pop()
    close = suggest(folded, list(labels))
    return labels[close] if close else None
