"""Meeting facts: timed agenda, which meeting is meant, invitees, next meeting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from pathlib import Path

import pytest

from conftest import BASE, Files
from netzwerkctl.check import check_network
from netzwerkctl.derive.meetings import (
    MeetingNotFound,
    invitees,
    next_meeting,
    resolve_meeting,
    schedule,
)
from netzwerkctl.model import Meeting
from netzwerkctl.network import Network

PLANNED = "group: ag\ndate: 2021-12-01\nstart: 14:00\nend: 15:00\nstatus: planned\n"


def meeting(**extra: object) -> Meeting:
    return Meeting.model_validate({"group": "g", "date": "2021-12-01", **extra})


def test_start_times_follow_the_durations() -> None:
    m = meeting(
        start="14:00",
        end="16:00",
        agenda=[{"title": "a", "duration": 10}, {"title": "b", "duration": 20}, {"title": "c"}],
    )
    plan = schedule(m)
    assert [(s.number, s.start, s.end) for s in plan.slots] == [
        (1, time(14, 0), time(14, 10)),
        (2, time(14, 10), time(14, 30)),
        (3, time(14, 30), None),
    ]
    assert (plan.minutes, plan.ends, plan.overrun) == (30, time(14, 30), 0)


def test_items_after_one_without_duration_get_no_time() -> None:
    m = meeting(start="14:00", agenda=[{"title": "a"}, {"title": "b", "duration": 5}])
    assert [s.start for s in schedule(m).slots] == [time(14, 0), None]


def test_overrun_is_measured_against_the_planned_end() -> None:
    m = meeting(
        start="14:00",
        end="15:00",
        agenda=[{"title": "a", "duration": 45}, {"title": "b", "duration": 30}],
    )
    plan = schedule(m)
    assert (plan.ends, plan.overrun) == (time(15, 15), 15)


def test_no_start_no_times_and_no_agenda_nothing() -> None:
    assert schedule(meeting(agenda=[{"title": "a", "duration": 5}])).slots[0].start is None
    plan = schedule(meeting(start="14:00", end="15:00"))
    assert (plan.slots, plan.minutes, plan.overrun) == ([], 0, 0)


@pytest.fixture
def net(make_network: Callable[..., Path]) -> Callable[[Files], Network]:
    def build(patch: Files) -> Network:
        return check_network(make_network(patch), date(2021, 11, 1)).network

    return build


def test_resolve_by_id_path_and_group(net: Callable[[Files], Network]) -> None:
    n = net({"meetings/2021/2021-12-01-ag.yaml": PLANNED})
    today = date(2021, 11, 1)
    assert resolve_meeting(n, "2021-03-15-ag", today) == "2021-03-15-ag"
    assert resolve_meeting(n, "meetings/2021/2021-12-01-ag.yaml", today) == "2021-12-01-ag"
    assert resolve_meeting(n, "ag", today) == "2021-12-01-ag"  # the next planned one
    with pytest.raises(MeetingNotFound) as info:
        resolve_meeting(n, "ag", date(2021, 12, 2))
    assert info.value.reason == "no-planned"
    with pytest.raises(MeetingNotFound) as info:
        resolve_meeting(n, "2021-03-15-ga", today)
    assert (info.value.reason, info.value.suggestion) == ("unknown", "2021-03-15-ag")


def test_resolve_a_group_for_minutes_gives_its_last_held_meeting(
    net: Callable[[Files], Network],
) -> None:
    n = net({"meetings/2021/2021-12-01-ag.yaml": PLANNED})
    assert resolve_meeting(n, "ag", date(2021, 11, 1), held=True) == "2021-03-15-ag"
    assert resolve_meeting(n, "ag", date(2021, 12, 2), held=True) == "2021-03-15-ag"
    with pytest.raises(MeetingNotFound) as info:
        resolve_meeting(n, "ag", date(2021, 3, 14), held=True)  # before the first one
    assert info.value.reason == "no-held"


def test_resolve_a_meeting_whose_file_is_invalid(net: Callable[[Files], Network]) -> None:
    n = net({"meetings/2021/2021-12-01-ag.yaml": "group: ag\ndate: 2021-13-01\n"})
    with pytest.raises(MeetingNotFound) as info:
        resolve_meeting(n, "2021-12-01-ag", date(2021, 11, 1))
    assert info.value.reason == "invalid"


def test_invitees_are_members_on_the_day_plus_invited(net: Callable[[Files], Network]) -> None:
    group = BASE["groups/ag.yaml"].replace(
        "    since: 2016-02-01", "    since: 2016-02-01\n    until: 2021-06-30"
    )
    no_talk = BASE["partners/verein.yaml"].replace("    intro_talk: 2017-01-01\n", "")
    n = net(
        {
            "groups/ag.yaml": group,
            "partners/verein.yaml": no_talk,
            "meetings/2021/2021-12-01-ag.yaml": PLANNED + "invited: [carla]\n",
        }
    )
    people = invitees(n, "2021-12-01-ag")
    assert [(p.person, p.role, p.organisation, p.intro_missing) for p in people] == [
        ("anna", "member", "Freiwilligenagentur Teststadt", False),  # roles are the meeting's
        ("carla", "invited", "TV Teststadt", True),  # bernd left the group in June
    ]


def test_next_meeting_from_next_key_or_the_calendar(net: Callable[[Files], Network]) -> None:
    n = net({"meetings/2021/2021-12-01-ag.yaml": PLANNED})
    assert next_meeting(n, "2021-03-15-ag") == date(2021, 12, 1)
    assert next_meeting(n, "2021-12-01-ag") is None
    with_next = BASE["meetings/2021/2021-03-15-ag.yaml"] + "next: 2021-05-10\n"
    n = net({"meetings/2021/2021-03-15-ag.yaml": with_next})
    assert next_meeting(n, "2021-03-15-ag") == date(2021, 5, 10)
