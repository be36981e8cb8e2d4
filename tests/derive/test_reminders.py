"""Reminders for a day: exactly the expected ones, nothing outside the window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from netzwerkctl.check import check_network
from netzwerkctl.derive.reminders import KINDS, reminders
from netzwerkctl.present.reminders import by_recipient, message
from remind_network import EXPECTED, REMIND, TODAY


def _found(
    make_network: Callable[..., Path], today: date = TODAY, days: int = 14
) -> list[tuple[str, str, str, list[str]]]:
    net = check_network(make_network(REMIND), today).network
    return [
        (r.date.isoformat(), r.kind, r.subject, list(r.recipients))
        for r in reminders(net, today, days)
    ]


def test_every_kind_exactly_as_expected(make_network: Callable[..., Path]) -> None:
    found = _found(make_network)
    assert found == EXPECTED
    # rsvp_missing and consent_expiring need replies and consent records: they are
    # shown in tests/cli/test_invite.py and tests/cli/test_partners.py
    assert {kind for _, kind, _, _ in found} == set(KINDS) - {"rsvp_missing", "consent_expiring"}


def test_a_shorter_window_drops_what_lies_beyond_it(make_network: Callable[..., Path]) -> None:
    found = _found(make_network, days=9)  # up to 2022-01-19
    assert [row for row in EXPECTED if row[0] <= "2022-01-19"] == found


def test_the_day_after_a_due_date_it_is_overdue(make_network: Callable[..., Path]) -> None:
    found = _found(make_network, today=date(2022, 1, 21), days=0)
    assert ("2022-01-20", "task_overdue", "2021-12-01-ag#1", ["bernd"]) in found
    assert not any(kind == "meeting_upcoming" for _, kind, _, _ in found)  # the 19th is past
    assert ("2022-01-19", "minutes_missing", "2022-01-19-ag", ["bernd"]) in found


def test_a_day_in_the_past_sees_what_was_still_open_then(
    make_network: Callable[..., Path],
) -> None:
    """`--today` of a past day: a task or milestone done after that day was open on it,
    as the minutes and the report count it (one predicate, `open_on`)."""
    found = _found(make_network, today=date(2022, 1, 4))
    assert ("2022-01-12", "task_due", "2021-12-01-ag#4", ["bernd"]) in found  # done 01-05
    assert ("2022-01-12", "task_due", "2021-12-01-ag#4", ["bernd"]) not in _found(make_network)
    earlier = _found(make_network, today=date(2021, 2, 20))  # met on 2021-02-26
    assert ("2021-03-01", "milestone_due", "umfrage", ["anna"]) in earlier
    # a task raised at a later meeting did not exist yet (the meeting of 2021-12-01)
    before = _found(make_network, today=date(2021, 11, 25), days=60)
    assert not [row for row in before if row[2].startswith("2021-12-01-ag#")], before


def test_messages_in_both_languages(make_network: Callable[..., Path]) -> None:
    net = check_network(make_network(REMIND), TODAY).network
    found = {(r.kind, r.subject, r.date.isoformat()): r for r in reminders(net, TODAY, 14)}
    upcoming = found[("meeting_upcoming", "2022-01-19-ag", "2022-01-19")]
    assert (
        message(upcoming, "de")
        == "Sitzung „AG Bildung“ am 19.01.2022 um 18:00 Uhr; Tagesordnung mit 2 Punkten; Protokoll: Bernd Brink."
    )
    assert (
        message(upcoming, "en")
        == "Meeting 'AG Bildung' on 2022-01-19 at 18:00; agenda with 2 items; minutes: Bernd Brink."
    )
    expired = found[("award_expiring", "umfrage", "2021-12-20")]
    assert (
        message(expired, "de")
        == "Auszeichnung für Nachbarschaftshilfe („Umfrage zum Ehrenamt“) ist am 20.12.2021 abgelaufen: Verlängerung klären."
    )
    quiet = found[("group_quiet", "ag2", "2021-11-29")]
    assert (
        message(quiet, "de")
        == "„AG Zwei“ trifft sich alle 4 Wochen, hat zuletzt am 01.11.2021 getagt und keine Sitzung geplant."
    )
    for r in found.values():
        assert message(r, "de") and message(r, "en")


def test_grouped_per_person_overdue_first(make_network: Callable[..., Path]) -> None:
    net = check_network(make_network(REMIND), TODAY).network
    people = by_recipient(net, reminders(net, TODAY, 14))
    assert [p.person for p in people] == ["anna", "bernd", "dora"]  # by name
    bernd = [(r.kind, r.date.isoformat()) for r in people[1].reminders]
    assert bernd == [
        ("task_overdue", "2021-05-31"),  # what is overdue or past first, by date
        ("group_quiet", "2021-11-29"),
        ("minutes_missing", "2021-12-15"),
        ("meeting_upcoming", "2022-01-19"),  # then what comes, by date
        ("task_due", "2022-01-20"),
        ("task_due", "2022-01-24"),
    ]


def test_whatever_lies_in_the_past_counts_as_overdue(make_network: Callable[..., Path]) -> None:
    net = check_network(make_network(REMIND), TODAY).network
    for r in reminders(net, TODAY, 14):
        assert r.overdue == (r.date < TODAY or r.kind == "minutes_missing"), r
