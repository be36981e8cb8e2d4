"""Work assignments (Arbeitsaufträge) across all meetings, with their stable ids.

A task stays in the meeting that raised it; it is named `<meeting-id>#<n>` (its
position among that meeting's tasks, from 1) unless it has an `id:` of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from netzwerkctl.model import Task
from netzwerkctl.network import Network, once_per_network


@dataclass(frozen=True)
class TaskRef:
    """A task together with where it was raised."""

    id: str
    meeting: str
    group: str
    raised: date
    item: str  # title of the agenda item that raised it
    task: Task

    def open_on(self, day: date) -> bool:
        """Raised by `day` and not done on it (done later counts as open then)."""
        return self.raised <= day and self.task.open_on(day)

    def overdue_on(self, day: date) -> bool:
        return self.open_on(day) and self.task.due is not None and self.task.due < day


def meeting_tasks(network: Network, meeting_id: str) -> list[TaskRef]:
    meeting = network.meetings[meeting_id]
    found = []
    n = 0
    for item in meeting.agenda:
        for task in item.tasks:
            n += 1
            found.append(
                TaskRef(
                    id=task.id or f"{meeting_id}#{n}",
                    meeting=meeting_id,
                    group=meeting.group,
                    raised=meeting.date,
                    item=item.title,
                    task=task,
                )
            )
    return found


@once_per_network
def all_tasks(network: Network) -> tuple[TaskRef, ...]:
    """Every task, in the order of the meetings (by date, then id)."""
    return tuple(t for mid in network.meetings for t in meeting_tasks(network, mid))


def open_tasks_of_group(network: Network, group: str, before: date, on: date) -> list[TaskRef]:
    """Tasks raised in the group's meetings before `before` and still open on `on`."""
    return [
        t
        for mid in network.meetings_of_group.get(group, ())
        for t in meeting_tasks(network, mid)
        if t.raised < before and t.open_on(on)
    ]
