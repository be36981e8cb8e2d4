"""The text of new files (`netzwerkctl new …`): valid YAML that passes `check`, with
comments that show a coordinator what else can go where.

Free text is written as double-quoted YAML (JSON strings are valid YAML), so a colon
or a leading `@` in a name can never break the file.
"""

from __future__ import annotations

import json
from datetime import date, time

from netzwerkctl.codes import Lang
from netzwerkctl.derive.meetings import last_before, minutes_to_approve, postponed_items
from netzwerkctl.derive.tasks import open_tasks_of_group
from netzwerkctl.i18n import N_, Text, short_date
from netzwerkctl.network import Network

# The items every new meeting starts with: title (translated), minutes, kind.
STANDING_ITEMS: tuple[tuple[tuple[str, str], int, str], ...] = (
    (N_("standing item", "Welcome and minutes of the last meeting"), 10, "info"),
    (N_("standing item", "Status of work assignments"), 20, "discussion"),
    (N_("standing item", "Any other business"), 10, "info"),
)


# The comment above what a new meeting takes from the group's last one, by (time, place).
_TAKEN = {
    (True, True): N_("new meeting", "Time and place as at the meeting of %(date)s; please check."),
    (True, False): N_("new meeting", "Time as at the meeting of %(date)s; please check."),
    (False, True): N_("new meeting", "Place as at the meeting of %(date)s; please check."),
}


def quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def meeting_path(group: str, day: date) -> str:
    return f"meetings/{day.year}/{day.isoformat()}-{group}.yaml"


def _role_on(network: Network, group: str, day: date, role: str) -> str | None:
    g = network.groups[group]
    members = network.members_on(group, day)
    return next(
        (
            m.person
            for m in g.members
            if m.role == role and m.person in members and network.person_active(m.person, day)
        ),
        None,
    )


def meeting_yaml(
    network: Network,
    group: str,
    day: date,
    start: time | None,
    end: time | None,
    location: str | None,
    lang: Lang,
) -> str:
    _ = Text(lang)
    lines = [f"group: {group}", f"date: {day.isoformat()}"]
    venue = None
    # what is not given, as at the group's last meeting: groups meet at one time and place
    earlier = last_before(network, group, day)
    if earlier is not None:
        last = network.meetings[earlier]
        same_time = start is None and end is None and last.start is not None
        same_place = location is None and last.location is not None
        if same_time:
            start, end = last.start, last.end
        if same_place:
            location, venue = last.location, last.venue
        on = short_date(last.date, lang)
        if same_time or same_place:
            lines.append("# " + _.pgettext(*_TAKEN[same_time, same_place], date=on))
    if start is not None:
        lines.append(f'start: "{start.strftime("%H:%M")}"')
    if end is not None:
        lines.append(f'end: "{end.strftime("%H:%M")}"')
    if location:
        lines.append(f"location: {quote(location)}")
    if venue:
        lines.append(f"venue: {venue}")
    lines.append("status: planned")
    chair = _role_on(network, group, day, "chair")
    minutes_by = _role_on(network, group, day, "minutes")
    lines.append(f"chair: {chair}" if chair else "# chair: person-id")
    lines.append(f"minutes_by: {minutes_by}" if minutes_by else "# minutes_by: person-id")
    lines.append("invited: []")
    lines.append("agenda:")
    items: list[tuple[str, int | None, str, str | None]] = [
        (_.pgettext(context, title), duration, kind, None)
        for (context, title), duration, kind in STANDING_ITEMS
    ]
    unapproved = minutes_to_approve(network, group, day)
    if unapproved:  # after the welcome: the group approves its last Protokoll
        held = short_date(network.meetings[unapproved].date, lang)
        title = _("Approval of the minutes of %(date)s", date=held)
        items.insert(1, (title, 5, "decision", None))
    postponed_in, postponed = postponed_items(network, group, day)
    standing = {" ".join(i[0].split()).casefold() for i in items}
    for item in postponed:  # before "Any other business"; a standing item only once
        if " ".join(item.title.split()).casefold() not in standing:
            items.insert(len(items) - 1, (item.title, item.duration, item.kind, item.by))
    for title, duration, kind, by in items:
        lines.append(f"  - title: {quote(title)}")
        if duration is not None:
            lines.append(f"    duration: {duration}")
        lines.append(f"    kind: {kind}")
        if by:
            lines.append(f"    by: {by}")
    if postponed_in and postponed:
        on = short_date(network.meetings[postponed_in].date, lang)
        titles = "; ".join(i.title for i in postponed)
        lines.append("# " + _("Postponed on %(date)s: %(items)s", date=on, items=titles))
    tasks = open_tasks_of_group(network, group, before=day, on=day)
    if tasks:
        heading = _("Open work assignments of the group (for 'Status of work assignments'):")
        lines.append(f"# {heading}")
        for t in tasks:
            due = f", {t.task.due.isoformat()}" if t.task.due else ""
            owners = ", ".join(t.task.owner)
            title = " ".join(t.task.title.split())
            lines.append(f"#   {t.id}: {title} ({owners}{due})")
    return "\n".join(lines) + "\n"


PARTNER_KINDS = (
    "association | welfare | business | bank | administration | politics | school | "
    "education | church | foundation | initiative | volunteer_agency | media | "
    "individual | other"
)


def _uncomment(_: Text) -> str:
    """Above a commented example: removing "# " from each line below gives valid YAML."""
    return "# " + _("To fill in, remove '# ' at the start of the following lines:")


def partner_yaml(name: str, kind: str, status: str, day: date, lang: Lang = "de") -> str:
    _ = Text(lang)
    date_key = {"prospect": None, "approached": "approached"}.get(status, "joined")
    lines = [
        f"name: {quote(name)}",
        f"kind: {kind}  # {PARTNER_KINDS}",
        f"status: {status}  # prospect | approached | active | paused | former",
        "expertise: []",
    ]
    if date_key:
        lines.append(f"{date_key}: {day.isoformat()}")
    lines += [
        _uncomment(_),
        "# contacts:",
        "#   - id: vorname-nachname",
        "#     name: " + _("First name Last name"),
        "#     role: " + _.pgettext("contact field", "role"),
        "#     email: name@example.org",
        "#     decision_maker: " + _("no"),
        f"#     intro_talk: {day.isoformat()}",
        f"#     consent: {day.isoformat()}",
    ]
    return "\n".join(lines) + "\n"


def group_yaml(name: str, kind: str, day: date, lang: Lang = "de") -> str:
    _ = Text(lang)
    lines = [
        f"name: {quote(name)}",
        f"kind: {kind}  # steering | working | workshop | jury | network | other",
        "# topic: " + _("Topic"),
        "# host: partner-id",
        "patrons: []",
        "# lead: person-id",
        f"started: {day.isoformat()}",
        "# meets_every_weeks: 8",
        "goals: []",
        _uncomment(_),
        "# members:",
        "#   - person: person-id",
        "#     role: chair  # chair | deputy | minutes | member",
        f"#     since: {day.isoformat()}",
    ]
    return "\n".join(lines) + "\n"


GITATTRIBUTES = "*.yaml text eol=lf\n*.yml text eol=lf\n*.md text eol=lf\n"
EDITORCONFIG = """\
root = true

[*]
charset = utf-8
end_of_line = lf
insert_final_newline = true
trim_trailing_whitespace = true

[*.{yaml,yml}]
indent_style = space
indent_size = 2
"""
GITIGNORE = "postausgang/\n.netzwerkctl/\n"


def network_yaml(name: str, city: str | None, day: date, lang: Lang = "de") -> str:
    _ = Text(lang)
    lines = [f"name: {quote(name)}"]
    if city:
        lines.append(f"city: {quote(city)}")
    lines += [
        f"founded: {day.isoformat()}",
        f"language: {lang}",
        "timezone: Europe/Berlin",
        "coordinator: koordination",
        "# " + _("The sender of invitations; its contact person signs them:"),
        "# office:",
        "#   name: " + quote(_("Volunteer agency")),
        "#   address: [" + _("Street 1") + ", " + _("12345 Town") + "]",
        '#   phone: "01234 56789"',
        "#   email: info@example.org",
        "#   contact: person-id",
        "# " + _("What an access request (Art. 15 GDPR) tells besides the data:"),
        "privacy:",
        "  purposes:",
        "    - purpose: " + quote(_("Coordinating the network: invitations, minutes, reminders")),
        "      legal_basis: " + quote(_("Art. 6 (1) (a) GDPR (consent)")),
        "  recipients:",
        "    - " + quote(_("the members of the groups the person belongs to")),
        "  retention_years: 2",
        "  source: " + quote(_("the person or their organisation")),
        "vision: |",
        "  " + _("The network's shared vision goes here."),
        "focus:",
        "  - " + _("Promoting civic engagement"),
        "rules:",
        "  intro_talk_required: ja",
        "  remind_days: 14",
    ]
    return "\n".join(lines) + "\n"


def init_partner_yaml(day: date, lang: Lang = "de") -> str:
    # the words outside the f-string: extraction reads an f-string as one string
    _ = Text(lang)
    d = day.isoformat()
    name, person = quote(_("Coordinating office")), quote(_("First name Last name"))
    coordination, public_relations = _("Coordination"), _("Public relations")
    return f"""\
name: {name}
kind: volunteer_agency  # {PARTNER_KINDS}
status: active  # prospect | approached | active | paused | former
expertise: [{coordination}, {public_relations}]
joined: {d}
contacts:
  - id: vorname-nachname
    name: {person}
    role: {quote(coordination)}
    decision_maker: ja
    intro_talk: {d}
    consent: {d}
    since: {d}
"""


def init_group_yaml(day: date, lang: Lang = "de") -> str:
    _ = Text(lang)
    d = day.isoformat()
    name, topic = quote(_("Steering group")), quote(_("Steering the network"))
    goal = quote(_("Plan and accompany joint projects"))
    return f"""\
name: {name}
kind: steering  # steering | working | workshop | jury | network | other
topic: {topic}
host: koordination
patrons: []
lead: vorname-nachname
started: {d}
meets_every_weeks: 12
goals:
  - {goal}
members:
  - person: vorname-nachname
    role: chair  # chair | deputy | minutes | member
    since: {d}
"""
