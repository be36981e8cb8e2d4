"""Reminders in words: one sentence per reminder in German or English, grouped per
person, and the machine forms (JSON, iCalendar)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from netzwerkctl.calversions import utc_midnight
from netzwerkctl.codes import Lang
from netzwerkctl.derive.meetings import person_label
from netzwerkctl.derive.reminders import Reminder
from netzwerkctl.model import slugify
from netzwerkctl.network import Network


def _day(iso: str, lang: Lang) -> str:
    if not iso:
        return ""
    d = date.fromisoformat(iso)
    return d.strftime("%d.%m.%Y") if lang == "de" else d.isoformat()


def message(r: Reminder, lang: Lang) -> str:
    """The sentence a person reads for a reminder."""
    return _german(r) if lang == "de" else _english(r)


def _german(r: Reminder) -> str:
    f = {k: (_day(v, "de") if k in _DATES else v) for k, v in r.facts.items()}
    match r.kind:
        case "task_overdue":
            return (
                f"Arbeitsauftrag „{f['title']}“ war bis {f['due']} fällig "
                f"(aus der Sitzung „{f['group']}“ vom {f['raised']})."
            )
        case "task_due":
            return (
                f"Arbeitsauftrag „{f['title']}“ ist bis {f['due']} fällig "
                f"(aus der Sitzung „{f['group']}“ vom {f['raised']})."
            )
        case "meeting_upcoming":
            start = f" um {f['start']} Uhr" if f["start"] else ""
            items = {"0": "noch ohne Tagesordnung", "1": "Tagesordnung mit 1 Punkt"}.get(
                f["items"], f"Tagesordnung mit {f['items']} Punkten"
            )
            minutes = (
                f"Protokoll: {f['minutes_by']}" if f["minutes_by"] else "Protokoll: noch offen"
            )
            return f"Sitzung „{f['group']}“ am {f['date']}{start}; {items}; {minutes}."
        case "minutes_missing":
            why = (
                "steht noch auf „planned“"
                if f["reason"] == "planned"
                else "hat keine Anwesenheit eingetragen"
            )
            return f"Protokoll fehlt: Die Sitzung „{f['group']}“ vom {f['date']} {why}."
        case "intro_talk_missing":
            org = f" ({f['organisation']})" if f["organisation"] else ""
            return (
                f"{f['person']}{org} ist zur Sitzung „{f['group']}“ am {f['date']} eingeladen "
                "und hatte noch kein Einführungsgespräch."
            )
        case "milestone_due":
            return (
                f"Meilenstein „{f['title']}“ im Projekt „{f['project']}“ ist bis {f['due']} fällig."
            )
        case "milestone_overdue":
            return (
                f"Meilenstein „{f['title']}“ im Projekt „{f['project']}“ war bis {f['due']} fällig."
            )
        case "award_expiring":
            verb = "ist am {0} abgelaufen" if f["expired"] else "läuft am {0} ab"
            return (
                f"Auszeichnung für {f['to']} („{f['project']}“) "
                f"{verb.format(f['valid_until'])}: Verlängerung klären."
            )
        case "prospect_follow_up":
            return f"{f['partner']} wurde am {f['approached']} angesprochen: Zeit nachzufassen."
        case "group_quiet":
            if f["held_before"]:
                return (
                    f"„{f['group']}“ trifft sich alle {f['weeks']} Wochen, hat zuletzt am "
                    f"{f['last']} getagt und keine Sitzung geplant."
                )
            return (
                f"„{f['group']}“ trifft sich alle {f['weeks']} Wochen, hat seit der Gründung am "
                f"{f['last']} noch nicht getagt und keine Sitzung geplant."
            )
    raise ValueError(r.kind)


def _english(r: Reminder) -> str:
    f = {k: (_day(v, "en") if k in _DATES else v) for k, v in r.facts.items()}
    match r.kind:
        case "task_overdue":
            return f"Task '{f['title']}' was due {f['due']} (from '{f['group']}', {f['raised']})."
        case "task_due":
            return f"Task '{f['title']}' is due {f['due']} (from '{f['group']}', {f['raised']})."
        case "meeting_upcoming":
            start = f" at {f['start']}" if f["start"] else ""
            items = {"0": "no agenda yet", "1": "agenda with 1 item"}.get(
                f["items"], f"agenda with {f['items']} items"
            )
            minutes = (
                f"minutes: {f['minutes_by']}" if f["minutes_by"] else "minutes: not yet assigned"
            )
            return f"Meeting '{f['group']}' on {f['date']}{start}; {items}; {minutes}."
        case "minutes_missing":
            why = "is still 'planned'" if f["reason"] == "planned" else "has no attendance"
            return f"Minutes missing: the meeting '{f['group']}' of {f['date']} {why}."
        case "intro_talk_missing":
            org = f" ({f['organisation']})" if f["organisation"] else ""
            return (
                f"{f['person']}{org} is invited to '{f['group']}' on {f['date']} "
                "and has not had an introductory talk."
            )
        case "milestone_due":
            return f"Milestone '{f['title']}' of '{f['project']}' is due {f['due']}."
        case "milestone_overdue":
            return f"Milestone '{f['title']}' of '{f['project']}' was due {f['due']}."
        case "award_expiring":
            verb = "expired on" if f["expired"] else "expires on"
            return (
                f"Award for {f['to']} ('{f['project']}') {verb} {f['valid_until']}: "
                "arrange renewal."
            )
        case "prospect_follow_up":
            return f"{f['partner']} was approached on {f['approached']}: time to follow up."
        case "group_quiet":
            since = "last met on" if f["held_before"] else "has not met since it started on"
            return (
                f"'{f['group']}' meets every {f['weeks']} weeks, {since} {f['last']} "
                "and has nothing planned."
            )
    raise ValueError(r.kind)


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
        cal.add("x-wr-calname", f"{name} ({'unvollständig' if lang == 'de' else 'incomplete'})")
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
        event.add("categories", [r.kind])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
