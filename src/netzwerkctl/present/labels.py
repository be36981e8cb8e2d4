"""The words a person reads for the values the files store in English
(`status: approached` is shown as "angesprochen"): one catalogue context per kind of
value (a kind shown in two ways, like a partner kind in a list and as a heading over
several, has two). The values come from the Literal types that define them (model.py,
derive/); scripts/catalogues.py extracts every (context, value) pair from `contexts()`
as the program uses them. Templates use the filter `label`, Python `label(_, context,
value)`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import get_args

from netzwerkctl.i18n import Text


@cache
def contexts() -> dict[str, tuple[str, ...]]:
    """The values of each kind, by label context."""
    from netzwerkctl import model
    from netzwerkctl.derive.meetings import InviteeRole
    from netzwerkctl.derive.partners import MATCH_STATUSES
    from netzwerkctl.derive.person import MentionKind
    from netzwerkctl.derive.reminders import ReminderKind
    from netzwerkctl.derive.words import MatchHow
    from netzwerkctl.replies import ReplyAnswer

    return {
        "partner kind": get_args(model.PartnerKind),
        "partner kind, plural": get_args(model.PartnerKind),
        "partner status": get_args(model.PartnerStatus),
        "partner status in a match": MATCH_STATUSES,
        "meeting status": get_args(model.MeetingStatus),
        "group kind": get_args(model.GroupKind),
        "member role": get_args(model.MemberRole),
        "agenda item kind": get_args(model.ItemKind),
        "invitee role": get_args(InviteeRole),
        "project kind": get_args(model.ProjectKind),
        "project status": get_args(model.ProjectStatus),
        "contribution kind": get_args(model.ContributionKind),
        "contact field": tuple(model.Contact.model_fields),
        "salutation": get_args(model.Salutation),
        "consent field": tuple(model.Consent.model_fields),
        "reminder kind": get_args(ReminderKind),
        "market kind": get_args(model.MarketKind),
        "word match": get_args(MatchHow),
        "mention": get_args(MentionKind),
        "erasure step": get_args(MentionKind),
        "reply answer": get_args(ReplyAnswer),
    }


def label(_: Text, context: str, value: str) -> str:
    """The word for a stored `value` of the kind `context`; a value without a word
    (a network's own kind) is shown as it is."""
    return _.pgettext(context, value)


def word_for(_: Text, context: str, value: str) -> str | None:
    """The word for a stored value (`stattgefunden` for held); None where the word is
    the value itself (`bank`)."""
    word = _.pgettext(context, value)
    return None if word.casefold() == value.replace("_", " ").casefold() else word


def labelled(_: Text, context: str, value: str) -> str:
    """`held (stattgefunden)`, as a list of allowed values shows it; just `bank` where
    the word is the value itself."""
    word = word_for(_, context, value)
    return f"{value} ({word})" if word else value


def did_you_mean(_: Text, suggestion: str, context: str = "") -> str:
    """„Meinten Sie „held“ (stattgefunden)?“: the value alone in quotes, so that it is
    copied as it stands, and its word (of `context`) beside it where it has one."""
    word = word_for(_, context, suggestion) if context else None
    if word:
        return _("Did you mean '%(suggestion)s' (%(word)s)?", suggestion=suggestion, word=word)
    return _("Did you mean '%(suggestion)s'?", suggestion=suggestion)


def context_of(values: Sequence[str]) -> str | None:
    """The label context whose values are exactly `values` (a Literal's), if any."""
    wanted = set(values)
    return next((c for c, vs in contexts().items() if set(vs) == wanted), None)


def value_for_word(word: str, context: str, languages: Sequence[str]) -> str | None:
    """The stored value a person meant by writing its label in some language
    (`stattgefunden` → `held`, `Wohlfahrt` → `welfare`); None when no label is close."""
    from netzwerkctl.similar import suggest

    labels: dict[str, str] = {}
    for lang in languages:
        words = Text(lang)
        for value in contexts().get(context, ()):
            labels.setdefault(words.pgettext(context, value).casefold(), value)
    folded = word.strip().casefold()
    if folded in labels:
        return labels[folded]
    starts = {v for label, v in labels.items() if len(folded) >= 4 and label.startswith(folded)}
    if len(starts) == 1:
        return starts.pop()
    close = suggest(folded, list(labels))
    return labels[close] if close else None
