"""Contact data in free texts: an e-mail address or phone number typed into a note, a
decision, a task or a report text reaches everyone who gets the document — and the
published report masks it. `check` names the place, so that it can be taken out."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from netzwerkctl.network import Network
from netzwerkctl.present.public import contact_data
from netzwerkctl.problems import Problem, problem


def contact_data_in_texts(net: Network, today: date) -> Iterable[Problem]:
    for mid, m in net.meetings.items():
        for i, item in enumerate(m.agenda):
            if item.notes and contact_data(item.notes):
                yield problem("NW510", net.at("meeting", mid, "agenda", i, "notes"), key="notes")
            for j, d in enumerate(item.decisions):
                if contact_data(d.text):
                    at = net.at("meeting", mid, "agenda", i, "decisions", j)
                    yield problem("NW510", at, key="decisions")
            for j, task in enumerate(item.tasks):
                if contact_data(task.title):
                    at = net.at("meeting", mid, "agenda", i, "tasks", j, "title")
                    yield problem("NW510", at, key="tasks.title")
    for year, report in net.reports.items():
        texts = [("summary", report.summary), ("title", report.title)]
        texts += [(f"highlights.{i}", h) for i, h in enumerate(report.highlights)]
        for key, text in texts:
            if text and contact_data(text):
                path = key.split(".")
                where = [path[0], int(path[1])] if len(path) == 2 else [path[0]]
                yield problem("NW510", net.at("report", year, *where), key=path[0])
        for i, r in enumerate(report.recommendations):
            for key, text in (("title", r.title), ("text", r.text)):
                if text and contact_data(text):
                    at = net.at("report", year, "recommendations", i, key)
                    yield problem("NW510", at, key=f"recommendations.{key}")
