"""Every reference resolves: partners, persons, groups, projects, offers and needs.

An unknown id gets a "did you mean" from the ids that exist. Ids of files that
exist but failed validation count as known, so their own problems are not repeated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Literal

from netzwerkctl.network import Kind, Network
from netzwerkctl.problems import Location, Problem, problem
from netzwerkctl.similar import suggest, suggest_id

_SLUG_WITH_HYPHEN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)+\Z")


Where = Callable[[], Location]  # a place looked up only when there is a problem


def _ref(net: Network, code: str, target: Kind, ref: str, at: Where, key: str) -> Iterator[Problem]:
    if not net.is_known(target, ref):
        choices = sorted(net.known.get(target, frozenset()))
        hint = suggest_id(ref, choices, net.names(target))
        yield problem(code, at(), ref=ref, key=key, suggestion=hint)


def _partner(net: Network, ref: str, at: Where, key: str) -> Iterator[Problem]:
    return _ref(net, "NW201", "partner", ref, at, key)


def _person(net: Network, ref: str, at: Where, key: str) -> Iterator[Problem]:
    if not net.is_known_person(ref):
        hint = suggest_id(ref, sorted(net.known_persons), net.names("person"))
        # a partner file that could not be read may be where the person is listed
        files = net.unread_partner_files
        unread = {"unread": ", ".join(files), "unread_count": len(files)} if files else {}
        yield problem("NW202", at(), ref=ref, key=key, suggestion=hint, **unread)


def network_checks(net: Network, today: date) -> Iterable[Problem]:
    """The `checks:` section names real codes, and switches no error off or down."""
    from netzwerkctl.checksettings import OFF, is_error_code
    from netzwerkctl.codes import CODES

    if net.info is None:
        return
    for code, setting in net.info.checks.items():
        at = net.where("network", "netzwerk", "checks", code)
        if code not in CODES:
            yield problem("NW120", at(), value=code, suggestion=suggest(code, sorted(CODES)))
        elif is_error_code(code) and (setting in OFF or setting in ("warning", "warnung")):
            yield problem("NW121", at(), value=code)


def network_refs(net: Network, today: date) -> Iterable[Problem]:
    if net.info and net.info.coordinator:
        where = net.where("network", "netzwerk", "coordinator")
        yield from _partner(net, net.info.coordinator, where, "coordinator")
    if net.info and net.info.office and net.info.office.contact:
        where = net.where("network", "netzwerk", "office", "contact")
        yield from _person(net, net.info.office.contact, where, "office.contact")


def group_refs(net: Network, today: date) -> Iterable[Problem]:
    for gid, group in net.groups.items():
        if group.host:
            yield from _partner(net, group.host, net.where("group", gid, "host"), "host")
        for i, patron in enumerate(group.patrons):
            where = net.where("group", gid, "patrons", i)
            yield from _partner(net, patron.partner, where, "patrons")
        if group.lead:
            yield from _person(net, group.lead, net.where("group", gid, "lead"), "lead")
        for i, member in enumerate(group.members):
            at = net.where("group", gid, "members", i, "person")
            yield from _person(net, member.person, at, "members.person")


def meeting_refs(net: Network, today: date) -> Iterable[Problem]:
    for mid, m in net.meetings.items():
        yield from _ref(net, "NW203", "group", m.group, net.where("meeting", mid, "group"), "group")
        if m.venue:
            yield from _partner(net, m.venue, net.where("meeting", mid, "venue"), "venue")
        for key in ("chair", "minutes_by"):
            person = getattr(m, key)
            if person:
                yield from _person(net, person, net.where("meeting", mid, key), key)
        for key in ("invited", "present", "excused", "accepted", "declined"):
            for i, person in enumerate(getattr(m, key) or ()):
                yield from _person(net, person, net.where("meeting", mid, key, i), key)
        for i, item in enumerate(m.agenda):
            if item.by:
                yield from _person(net, item.by, net.where("meeting", mid, "agenda", i, "by"), "by")
            for j, task in enumerate(item.tasks):
                for k, owner in enumerate(task.owner):
                    at = net.where("meeting", mid, "agenda", i, "tasks", j, "owner", k)
                    yield from _person(net, owner, at, "tasks.owner")
                if task.project:
                    at = net.where("meeting", mid, "agenda", i, "tasks", j, "project")
                    yield from _ref(net, "NW204", "project", task.project, at, "tasks.project")


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def project_refs(net: Network, today: date) -> Iterable[Problem]:
    partners_by_name = {_name_key(p.name): pid for pid, p in net.partners.items()}
    for pid, p in net.projects.items():
        if p.group:
            yield from _ref(
                net, "NW203", "group", p.group, net.where("project", pid, "group"), "group"
            )
        if p.lead:
            yield from _person(net, p.lead, net.where("project", pid, "lead"), "lead")
        for i, partner in enumerate(p.partners):
            yield from _partner(net, partner, net.where("project", pid, "partners", i), "partners")
        for i, c in enumerate(p.contributions):
            at = net.where("project", pid, "contributions", i, "partner")
            yield from _partner(net, c.partner, at, "contributions.partner")
        for i, award in enumerate(p.awards):
            # `to` is a partner id or free text; an unknown id-like value close to a
            # partner id is almost certainly a typo of it, and a partner's name written
            # out is that partner (but would count for no one).
            to = award.to
            if net.is_known("partner", to):
                continue
            if _SLUG_WITH_HYPHEN.match(to):
                hint = suggest(to, sorted(net.known.get("partner", frozenset())))
                if hint:
                    place = net.at("project", pid, "awards", i, "to")
                    yield problem("NW201", place, ref=to, key="awards.to", suggestion=hint)
                    continue
            named = partners_by_name.get(_name_key(to))
            if named is not None:
                place = net.at("project", pid, "awards", i, "to")
                yield problem("NW507", place, value=to, partner=named)


def marketplace_refs(net: Network, today: date) -> Iterable[Problem]:
    for mid, market in net.marketplaces.items():
        for key, entries in (("offers", market.offers), ("needs", market.needs)):
            for i, entry in enumerate(entries):
                at = net.where("marketplace", mid, key, i, "partner")
                yield from _partner(net, entry.partner, at, f"{key}.partner")
        offers = [o.id for o in market.offers]
        needs = [n.id for n in market.needs]
        for i, deal in enumerate(market.deals):
            if deal.offer not in offers:
                place = net.at("marketplace", mid, "deals", i, "offer")
                yield problem(
                    "NW205",
                    place,
                    ref=deal.offer,
                    key="deals.offer",
                    suggestion=suggest(deal.offer, offers),
                )
            if deal.need not in needs:
                place = net.at("marketplace", mid, "deals", i, "need")
                yield problem(
                    "NW206",
                    place,
                    ref=deal.need,
                    key="deals.need",
                    suggestion=suggest(deal.need, needs),
                )


def unique_task_ids(net: Network, today: date) -> Iterable[Problem]:
    """A task's own `id:` names it across the whole network."""
    first: dict[str, tuple[str, int, int]] = {}
    for mid, m in net.meetings.items():
        for i, item in enumerate(m.agenda):
            for j, task in enumerate(item.tasks):
                if task.id is None:
                    continue
                if task.id in first:  # places are looked up only for a problem
                    other_mid, other_i, other_j = first[task.id]
                    other = net.at("meeting", other_mid, "agenda", other_i, "tasks", other_j, "id")
                    at = net.at("meeting", mid, "agenda", i, "tasks", j, "id")
                    yield problem("NW207", at, id=task.id, other=f"{other.file}:{other.line}")
                else:
                    first[task.id] = (mid, i, j)


# Which kind of thing an id field names, for the suggestion of an invalid id.
_FIELD_KINDS: dict[str, Kind | Literal["person"]] = {
    **dict.fromkeys(
        ("person", "lead", "by", "chair", "minutes_by", "invited", "present", "excused", "owner"),
        "person",
    ),
    **dict.fromkeys(("coordinator", "partner", "partners", "host", "venue"), "partner"),
    "group": "group",
}


def suggest_ids_for_names(net: Network, problems: Iterable[Problem]) -> list[Problem]:
    """An id written as a name (`present: [Dr. Birgit Hansen]`) is refused while its
    file is read (NW108), before the other files are known; its "for example" then is
    the name made into an id (`dr-birgit-hansen`), which would only fail next time.
    Once the network is built, the id that name belongs to is suggested instead."""
    result = []
    for p in problems:
        args = dict(p.args)
        field = str(args.get("key", "")).split(".")
        named = [part for part in field if not part.isdigit()]
        kind = _FIELD_KINDS.get(named[-1]) if p.code == "NW108" and named else None
        if kind is not None:
            known = net.known_persons if kind == "person" else net.known.get(kind, frozenset())
            hint = suggest_id(str(args.get("value", "")), sorted(known), net.names(kind))
            if hint:
                args["slug"] = hint
                p = problem(p.code, p.location, **args)
        result.append(p)
    return result
