"""Reminders in words: one sentence per reminder from the catalogue of the language,
grouped per person, and the machine forms (JSON, iCalendar)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from netzwerkctl.calversions import utc_midnight
from netzwerkctl.codes import Lang
from netzwerkctl.derive.meetings import person_label
from netzwerkctl.derive.reminders import Reminder
from netzwerkctl.i18n import Text, short_date
from netzwerkctl.model import slugify
from netzwerkctl.network import Network


def message(r: Reminder, lang: Lang) -> str:
    """The sentence a person reads for a reminder."""
    _ = Text(lang)
    f = {
        k: (short_date(date.fromisoformat(v), lang) if k in _DATES and v else v)
        for k, v in r.facts.items()
    }
    match r.kind:
        case "task_overdue":
            return _("Task '%(title)s' was due %(due)s (from '%(group)s', %(raised)s).", **f)
        case "task_due":
            return _("Task '%(title)s' is due %(due)s (from '%(group)s', %(raised)s).", **f)
        case "meeting_upcoming":
            if f["start"]:
                when = _("Meeting '%(group)s' on %(date)s at %(start)s", **f)
            else:
                when = _("Meeting '%(group)s' on %(date)s", **f)
            items = int(f["items"])
            agenda = (
                _.ngettext("agenda with %(n)s item", "agenda with %(n)s items", items)
                if items
                else _("no agenda yet")
            )
            if f["minutes_by"]:
                minutes = _("minutes: %(person)s", person=f["minutes_by"])
            else:
                minutes = _("minutes: not yet assigned")
            return _(
                "%(meeting)s; %(agenda)s; %(minutes)s.",
                meeting=when,
                agenda=agenda,
                minutes=minutes,
            )
        case "minutes_missing":
            if f["reason"] == "planned":
                return _(
                    "Minutes missing: the meeting '%(group)s' of %(date)s is still 'planned'.", **f
                )
            return _("Minutes missing: the meeting '%(group)s' of %(date)s has no attendance.", **f)
        case "intro_talk_missing":
            if f["organisation"]:
                return _(
                    "%(person)s (%(organisation)s) is invited to '%(group)s' on %(date)s and "
                    "has not had an introductory talk.",
                    **f,
                )
            return _(
                "%(person)s is invited to '%(group)s' on %(date)s and has not had an "
                "introductory talk.",
                **f,
            )
        case "milestone_due":
            return _("Milestone '%(title)s' of '%(project)s' is due %(due)s.", **f)
        case "milestone_overdue":
            return _("Milestone '%(title)s' of '%(project)s' was due %(due)s.", **f)
        case "award_expiring":
            if f["expired"]:
                return _(
                    "Award for %(to)s ('%(project)s') expired on %(valid_until)s: arrange renewal.",
                    **f,
                )
            return _(
                "Award for %(to)s ('%(project)s') expires on %(valid_until)s: arrange renewal.", **f
            )
        case "prospect_follow_up":
            return _("%(partner)s was approached on %(approached)s: time to follow up.", **f)
        case "group_quiet":
            if f["held_before"]:
                return _(
                    "'%(group)s' meets every %(weeks)s weeks, last met on %(last)s and has "
                    "nothing planned.",
                    **f,
                )
            return _(
                "'%(group)s' meets every %(weeks)s weeks, has not met since it started on "
                "%(last)s and has nothing planned.",
                **f,
            )
    raise ValueError(r.kind)


def kind_label(r: Reminder, lang: Lang) -> str:
    """The reminder's kind in words, for tables and calendars (JSON keeps the id)."""
    return Text(lang).pgettext("reminder kind", r.kind)


_DATES = frozenset({"due", "raised", "date", "valid_until", "approached", "last"})


@dataclass(frozen=True)
class Recipient:
    person: str | None  # None: reminders nobody could be found for
    name: str
    organisation: str | None
    reminders: tuple[Reminder, ...]


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
    return sorted(result, key=lambda p: (p.person is None, p.name, p.person or ""))


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


def markdown_context(
    network: Network, found: list[Reminder], lang: Lang, today: date, days: int
) -> dict[str, Any]:
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
    data: bytes = cal.to_ical()
    return data
