"""The cross-file checks of `check`: small functions listed once, run by one loop.

Each rule is `(network, today) -> Iterable[Problem]`. None of them stops at the first
fault, and none reads the clock: `today` is a parameter so that results are
reproducible (`check --today`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from netzwerkctl.network import Network
from netzwerkctl.problems import Problem
from netzwerkctl.rules import dates, marketplace, meetings, partners, privacy, references

Rule = Callable[[Network, date], Iterable[Problem]]

RULES: tuple[Rule, ...] = (
    references.network_checks,
    references.network_refs,
    references.group_refs,
    references.meeting_refs,
    references.project_refs,
    references.marketplace_refs,
    references.unique_task_ids,
    dates.partner_dates,
    dates.group_dates,
    dates.meeting_dates,
    dates.project_dates,
    meetings.group_existed,
    meetings.attendance,
    meetings.intro_talks,
    meetings.status,
    meetings.file_names,
    meetings.listed_once,
    meetings.roles_still_held,
    meetings.replies,
    partners.patrons,
    partners.consent,
    partners.decision_makers,
    partners.former_without_left,
    partners.members_who_left,
    partners.office_contact_left,
    partners.retention,
    privacy.contact_data_in_texts,
    marketplace.deals,
    marketplace.unique_ids,
    marketplace.money_in_text,
)


def run_rules(network: Network, today: date) -> list[Problem]:
    found: list[Problem] = []
    for rule in RULES:
        found.extend(rule(network, today))
    return found
