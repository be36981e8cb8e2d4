"""Dates are consistent: beginnings before ends, deadlines after the meeting that set
them, nothing marked done in the future."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from netzwerkctl.network import Kind, Network
from netzwerkctl.problems import Problem, problem


def _in_order(
    net: Network,
    kind: Kind,
    entity_id: str,
    prefix: Sequence[str | int],
    pairs: Iterable[tuple[str, date | None, str, date | None]],
) -> Iterator[Problem]:
    """One problem for each (earlier, later) pair of dates written the other way round."""
    for first_key, first, second_key, second in pairs:
        if first is not None and second is not None and first > second:
            at = net.at(kind, entity_id, *prefix, second_key)
            yield problem(
                "NW301", at, first_key=first_key, first=first, second_key=second_key, second=second
            )


def _not_future(
    net: Network,
    kind: Kind,
    entity_id: str,
    path: Sequence[str | int],
    value: date | None,
    today: date,
) -> Iterator[Problem]:
    if value is not None and value > today:
        at = net.at(kind, entity_id, *path)
        yield problem("NW303", at, key=str(path[-1]), value=value, today=today)


def partner_dates(net: Network, today: date) -> Iterable[Problem]:
    for pid, p in net.partners.items():
        yield from _in_order(
            net,
            "partner",
            pid,
            (),
            (
                ("approached", p.approached, "joined", p.joined),
                ("joined", p.joined, "left", p.left),
                ("approached", p.approached, "left", p.left),
            ),
        )
        if p.approached is not None and p.approached > today:
            at = net.at("partner", pid, "approached")
            yield problem("NW306", at, value=p.approached, today=today)
        for i, c in enumerate(p.contacts):
            yield from _in_order(
                net, "partner", pid, ("contacts", i), (("since", c.since, "until", c.until),)
            )
            path = ("contacts", i, "forgotten")  # an erasure has happened, or not at all
            yield from _not_future(net, "partner", pid, path, c.forgotten, today)


def group_dates(net: Network, today: date) -> Iterable[Problem]:
    for gid, g in net.groups.items():
        yield from _in_order(net, "group", gid, (), (("started", g.started, "ended", g.ended),))
        for i, m in enumerate(g.members):
            yield from _in_order(
                net, "group", gid, ("members", i), (("since", m.since, "until", m.until),)
            )
        for i, patron in enumerate(g.patrons):
            yield from _in_order(
                net, "group", gid, ("patrons", i), (("since", patron.since, "until", patron.until),)
            )


def meeting_dates(net: Network, today: date) -> Iterable[Problem]:
    for mid, m in net.meetings.items():
        if m.approved is not None:
            at = net.where("meeting", mid, "approved")
            if m.approved < m.date:
                yield problem("NW411", at(), approved=m.approved, date=m.date)
            if m.status != "held" and not net.left_out("meeting", mid, "status"):
                yield problem("NW412", at(), approved=m.approved, status=m.status)
            yield from _not_future(net, "meeting", mid, ("approved",), m.approved, today)
        # only while the invitation is still to go out: a past one asks nothing any more
        if m.rsvp_by is not None and m.rsvp_by >= m.date and m.status == "planned":
            yield problem("NW415", net.at("meeting", mid, "rsvp_by"), rsvp=m.rsvp_by, date=m.date)
        if m.next is not None and m.next < m.date:  # the same day: a second meeting (`-2`)
            yield problem("NW416", net.at("meeting", mid, "next"), next=m.next, date=m.date)
        if m.start is not None and m.end is not None and m.end <= m.start:
            yield problem(
                "NW304",
                net.at("meeting", mid, "end"),
                start=m.start.strftime("%H:%M"),
                end=m.end.strftime("%H:%M"),
            )
        for i, item in enumerate(m.agenda):
            for j, task in enumerate(item.tasks):
                path: tuple[str | int, ...] = ("agenda", i, "tasks", j)
                if task.due is not None and task.due < m.date:
                    yield problem(
                        "NW302", net.at("meeting", mid, *path, "due"), due=task.due, date=m.date
                    )
                yield from _not_future(net, "meeting", mid, (*path, "done"), task.done, today)


def project_dates(net: Network, today: date) -> Iterable[Problem]:
    for pid, p in net.projects.items():
        yield from _in_order(net, "project", pid, (), (("start", p.start, "end", p.end),))
        for i, ms in enumerate(p.milestones):
            yield from _not_future(net, "project", pid, ("milestones", i, "done"), ms.done, today)
        for i, award in enumerate(p.awards):
            if award.valid_until is not None and award.valid_until <= award.date:
                at = net.at("project", pid, "awards", i, "valid_until")
                yield problem("NW305", at, valid_until=award.valid_until, date=award.date)
