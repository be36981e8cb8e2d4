"""Task ids and their state on a given day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from netzwerkctl.check import check_network
from netzwerkctl.derive.tasks import all_tasks, open_tasks_of_group


def test_ids_count_across_agenda_items_unless_a_task_has_its_own(
    make_network: Callable[..., Path],
) -> None:
    net = check_network(make_network(), date(2022, 1, 1)).network
    tasks = all_tasks(net)
    assert [t.id for t in tasks] == ["2021-03-15-ag#1", "porto-klaeren"]
    first, second = tasks
    assert first.item == "Umfrage" and first.raised == date(2021, 3, 15)
    # done 2021-04-20: open the day before, not on the day
    assert first.open_on(date(2021, 4, 19)) and not first.open_on(date(2021, 4, 20))
    assert not second.overdue_on(date(2021, 5, 31)) and second.overdue_on(date(2021, 6, 1))


def test_open_tasks_of_a_group_before_a_meeting(make_network: Callable[..., Path]) -> None:
    net = check_network(make_network(), date(2022, 1, 1)).network
    assert [t.id for t in open_tasks_of_group(net, "ag", date(2021, 12, 1), date(2021, 12, 1))] == [
        "porto-klaeren"
    ]
    assert open_tasks_of_group(net, "ag", date(2021, 3, 15), date(2021, 3, 15)) == []  # not earlier
    assert open_tasks_of_group(net, "andere", date(2021, 12, 1), date(2021, 12, 1)) == []
