"""Reminders in words: one sentence per reminder from the catalogue of the language,
grouped per person, and the machine forms (JSON, iCalendar)."""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal, TypedDict

from netzwerkctl.calversions import utc_midnight
from netzwerkctl.codes import Lang
from netzwerkctl.collation import person_key
from netzwerkctl.derive.meetings import person_label
from netzwerkctl.derive.reminders import (
    AwardFacts,
    ConsentFacts,
    IntroFacts,
    MeetingFacts,
    MilestoneFacts,
    MinutesFacts,
    ProspectFacts,
    QuietFacts,
    Reminder,
    RsvpFacts,
    TaskFacts,
)
from netzwerkctl.i18n import Text, short_date
from netzwerkctl.model import slugify
from netzwerkctl.network import Network


def message(r: Reminder, lang: Lang) -> str:
    """The sentence a person reads for a reminder. Where two kinds share their facts
    (due and overdue, expires and expired), the facts are formatted once and only the
    sentence differs."""
    _ = Text(lang)

    def day(value: date) -> str:
        return short_date(value, lang)

    f = r.facts
    match f:
        case TaskFacts():
            task = {"title": f.title, "due": day(f.due), "group": f.group, "raised": day(f.raised)}
            if r.kind == "task_overdue":
                return _("Task '%(title)s' was due %(due)s (from '%(group)s', %(raised)s).", **task)
            return _("Task '%(title)s' is due %(due)s (from '%(group)s', %(raised)s).", **task)
        case MeetingFacts():
            if f.start:
                when = _(
                    "Meeting '%(group)s' on %(date)s at %(start)s",
                    group=f.group,
                    date=day(f.date),
                    start=f.start.strftime("%H:%M"),
                )
            else:
                when = _("Meeting '%(group)s' on %(date)s", group=f.group, date=day(f.date))
            agenda = (
                _.ngettext("agenda with %(n)s item", "agenda with %(n)s items", f.items)
                if f.items
                else _("no agenda yet")
            )
            if f.minutes_by:
                minutes = _("minutes: %(person)s", person=f.minutes_by)
            else:
                minutes = _("minutes: not yet assigned")
            parts = {"meeting": when, "agenda": agenda, "minutes": minutes}
            return _("%(meeting)s; %(agenda)s; %(minutes)s.", **parts)
        case ConsentFacts():
            return _(
                "The consent of %(person)s (%(organisation)s) to storing their data ends on "
                "%(until)s: ask again.",
                person=f.person,
                organisation=f.organisation,
                until=day(f.until),
            )
        case RsvpFacts():
            return _.ngettext(
                "No reply yet for '%(group)s' on %(date)s (due %(reply_by)s): %(persons)s.",
                "No replies yet for '%(group)s' on %(date)s (due %(reply_by)s): %(persons)s.",
                len(f.open),
                group=f.group,
                date=day(f.date),
                reply_by=day(f.reply_by),
                persons=", ".join(f.open),
            )
        case MinutesFacts():
            meeting = {"group": f.group, "date": day(f.date)}
            if f.still_planned:
                return _(
                    "Minutes missing: the meeting '%(group)s' of %(date)s is still 'planned'.",
                    **meeting,
                )
            return _(
                "Minutes missing: the meeting '%(group)s' of %(date)s has no attendance.",
                **meeting,
            )
        case IntroFacts():
            who = {"person": f.person, "group": f.group, "date": day(f.date)}
            if f.organisation:
                return _(
                    "%(person)s (%(organisation)s) is invited to '%(group)s' on %(date)s and "
                    "has not had an introductory talk.",
                    organisation=f.organisation,
                    **who,
                )
            return _(
                "%(person)s is invited to '%(group)s' on %(date)s and has not had an "
                "introductory talk.",
                **who,
            )
        case MilestoneFacts():
            milestone = {"title": f.title, "project": f.project, "due": day(f.due)}
            if r.kind == "milestone_overdue":
                return _("Milestone '%(title)s' of '%(project)s' was due %(due)s.", **milestone)
            return _("Milestone '%(title)s' of '%(project)s' is due %(due)s.", **milestone)
        case AwardFacts():
            award = {"to": f.to, "project": f.project, "valid_until": day(f.valid_until)}
            if f.expired:
                return _(
                    "Award for %(to)s ('%(project)s') expired on %(valid_until)s: arrange renewal.",
                    **award,
                )
            return _(
                "Award for %(to)s ('%(project)s') expires on %(valid_until)s: arrange renewal.",
                **award,
            )
        case ProspectFacts():
            return _(
                "%(partner)s was approached on %(approached)s: time to follow up.",
                partner=f.partner,
                approached=day(f.approached),
            )
        case QuietFacts():
            group = {"group": f.group, "weeks": f.weeks, "last": day(f.last)}
            if f.held_before:
                return _(
                    "'%(group)s' meets every %(weeks)s weeks, last met on %(last)s and has "
                    "nothing planned.",
                    **group,
                )
            return _(
                "'%(group)s' meets every %(weeks)s weeks, has not met since it started on "
                "%(last)s and has nothing planned.",
                **group,
            )
    raise ValueError(r.kind)


def kind_label(r: Reminder, lang: Lang) -> str:
    """The reminder's kind in words, for tables and calendars (JSON keeps the id)."""
    return Text(lang).pgettext("reminder kind", r.kind)


Day = date


@dataclass(frozen=True)
class Recipient:
    person: str | None  # None: reminders nobody could be found for
    name: str
    organisation: str | None
    reminders: tuple[Reminder, ...]


LineKind = Literal["person", "overdue", "due", "blank"]


def as_lines(
    network: Network, found: list[Reminder], lang: Lang, width: int | None = None
) -> list[tuple[LineKind, str]]:
    """The reminders per person as lines, each with what it is (a person, an overdue or
    a due reminder, the blank line between persons): the person, then one line per
    reminder (date, kind, sentence), the kinds aligned. With `width`, a longer
    sentence continues under the sentence's first word (for a terminal); without, a
    reminder is one line (for a file, a pipe, a CI log)."""
    _ = Text(lang)
    lines: list[tuple[LineKind, str]] = []
    for recipient in by_recipient(network, found):
        if lines:
            lines.append(("blank", ""))
        title = recipient.name or _("No recipient")
        if recipient.organisation:
            title += f" ({recipient.organisation})"
        lines.append(("person", title))
        kinds = [kind_label(r, lang) for r in recipient.reminders]
        column = max(len(k) for k in kinds)
        for r, kind in zip(recipient.reminders, kinds, strict=True):
            head = f"  {short_date(r.date, lang)}  {kind:<{column}}  "
            sentence = message(r, lang)
            line = head + sentence
            if width is not None and len(line) > width:
                line = textwrap.fill(
                    sentence,
                    width,
                    initial_indent=head,
                    subsequent_indent=" " * len(head),
                    break_long_words=False,
                    break_on_hyphens=False,
                )
            lines.append(("overdue" if r.overdue else "due", line))
    return lines


def as_text(network: Network, found: list[Reminder], lang: Lang) -> str:
    """The reminders per person as plain lines — for a pipe, a file, a CI log or a
    cron mail, where a drawn table would only cost time and break on consoles without
    box-drawing characters."""
    return "".join(line + "\n" for _, line in as_lines(network, found, lang))


def by_recipient(network: Network, found: list[Reminder]) -> list[Recipient]:
    """One entry per person (by name), overdue reminders first, then by date."""
    people: dict[str | None, list[Reminder]] = {}
    for r in found:
        for person in r.recipients or (None,):
            people.setdefault(person, []).append(r)
    result = []
    for person, items in people.items():
        name, org = person_label(network, person) if person else ("", None)
        ordered = sorted(items, key=lambda r: (not r.overdue, *r.sort_key()))
        result.append(Recipient(person, name, org, tuple(ordered)))
    return sorted(result, key=lambda p: (p.person is None, person_key(p.name), p.person or ""))


def as_json(found: list[Reminder], lang: Lang, incomplete: dict[str, Any] | None = None) -> str:
    """A list of reminders; from a network with errors (`--allow-errors`) an object
    with the list under `reminders` and what was left out under `incomplete`."""
    rows = [
        {
            "kind": r.kind,
            "date": r.date.isoformat(),
            "subject": r.subject,
            "recipients": list(r.recipients),
            "overdue": r.overdue,
            "message": message(r, lang),
        }
        for r in found
    ]
    data: Any = rows if incomplete is None else {"incomplete": incomplete, "reminders": rows}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


class ReminderEntry(TypedDict):
    kind: str
    date: Day
    overdue: bool
    message: str


class PersonReminders(TypedDict):
    name: str
    organisation: str | None
    nobody: bool  # reminders no recipient could be found for
    reminders: list[ReminderEntry]


class NetworkName(TypedDict):
    name: str


class RemindersContext(TypedDict):
    network: NetworkName
    today: Day
    days: int
    people: list[PersonReminders]


def markdown_context(
    network: Network, found: list[Reminder], lang: Lang, today: date, days: int
) -> RemindersContext:
    return {
        "network": {"name": network.info.name if network.info else ""},
        "today": today,
        "days": days,
        "people": [
            {
                "name": p.name,
                "organisation": p.organisation,
                "nobody": p.person is None,
                "reminders": [
                    {
                        "kind": r.kind,
                        "date": r.date,
                        "overdue": r.overdue,
                        "message": message(r, lang),
                    }
                    for r in p.reminders
                ],
            }
            for p in by_recipient(network, found)
        ],
    }


def as_ics(network: Network, found: list[Reminder], lang: Lang, notice: str | None = None) -> bytes:
    """All-day events on each reminder's date; a `notice` (incomplete data) becomes
    the calendar's description and marks its name."""
    from icalendar import Calendar, Event

    name = network.info.name if network.info else "netzwerk"
    domain = f"{slugify(name)}.netzwerkctl"
    cal = Calendar()
    cal.add("prodid", "-//netzwerkctl//netzwerkctl remind//DE")
    cal.add("version", "2.0")
    if notice:
        _ = Text(lang)
        cal.add("x-wr-calname", _("%(name)s (incomplete)", name=name))
        cal.add("x-wr-caldesc", notice)
    else:
        cal.add("x-wr-calname", name)
    for r in found:
        event = Event()
        # the kind stays out of the UID: a task due today and overdue tomorrow is one event
        event.add("uid", f"{r.subject}.{r.date.isoformat()}@{domain}")
        event.add("dtstamp", utc_midnight(r.date))
        event.add("summary", message(r, lang))
        event.add("dtstart", r.date)
        event.add("dtend", r.date + timedelta(days=1))
        event.add("categories", [kind_label(r, lang)])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    from netzwerkctl.present.ics import ics_bytes

    data: bytes = ics_bytes(cal)
    return data
