"""The predicates every command uses, each defined once (network.py, model.py), at
the edges of their dates: an end date is inclusive, a missing start means always."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from conftest import BASE
from netzwerkctl.check import CheckResult
from netzwerkctl.cli import app
from netzwerkctl.model import Partner

LEFT_2021 = BASE["partners/bank.yaml"].replace("status: active", "status: former\nleft: 2021-06-30")


def _partner(**fields: object) -> Partner:
    return Partner.model_validate({"name": "X", "kind": "other", **fields})


def test_an_active_partner_on_a_day() -> None:
    assert _partner(status="active").member_on(date(2000, 1, 1))  # no join date: always
    joined = _partner(status="active", joined="2021-03-01", left="2021-06-30")
    assert not joined.member_on(date(2021, 2, 28))
    assert joined.member_on(date(2021, 3, 1)) and joined.member_on(date(2021, 6, 30))
    assert not joined.member_on(date(2021, 7, 1))
    assert not _partner(status="prospect").member_on(date(2021, 1, 1))
    assert not _partner(status="former").member_on(date(2021, 1, 1))  # left unknown


def test_a_partners_status_as_of_a_day_follows_the_one_definition_of_member() -> None:
    former = _partner(status="former", joined="2016-01-01", left="2021-12-31")
    assert former.status_on(date(2021, 12, 31)) == "active"  # the day it left: still one
    assert former.status_on(date(2022, 1, 1)) == "former"
    assert former.status_on(date(2015, 12, 31)) == "former"  # not yet joined
    assert _partner(status="former").status_on(date(2021, 1, 1)) == "former"  # left unknown
    assert _partner(status="paused").status_on(date(2021, 1, 1)) == "paused"


def test_a_current_contact_and_an_active_person(run_check: Callable[..., CheckResult]) -> None:
    bank = BASE["partners/bank.yaml"].replace(
        "    consent: 01.02.2016\n",
        "    consent: 01.02.2016\n    since: 2021-01-01\n    until: 2021-06-30\n",
    )
    net = run_check({"partners/bank.yaml": bank}).network
    partner = net.partners["bank"]
    assert net.current_contacts(partner, date(2020, 12, 31)) == []
    assert [c.id for c in net.current_contacts(partner, date(2021, 1, 1))] == ["bernd"]
    assert net.person_active("bernd", date(2021, 6, 30))
    assert not net.person_active("bernd", date(2021, 7, 1))
    left = run_check({"partners/bank.yaml": LEFT_2021}).network
    assert left.person_active("bernd", date(2021, 6, 30))
    assert not left.person_active("bernd", date(2021, 7, 1))  # the partner left
    assert not left.person_active("nobody", date(2021, 7, 1))


def test_current_patrons_end_with_the_patronage_the_group_or_the_partner(
    run_check: Callable[..., CheckResult],
) -> None:
    net = run_check({"partners/bank.yaml": LEFT_2021}).network
    assert "bank" in net.patrons_on("ag", date(2021, 6, 30))
    assert "bank" not in net.patrons_on("ag", date(2021, 7, 1))
    ended = BASE["groups/ag.yaml"] + "ended: 2020-12-31\n"
    assert (
        run_check({"groups/ag.yaml": ended}).network.patrons_on("ag", date(2021, 1, 1))
        == frozenset()
    )


def test_partners_no_longer_lists_a_partner_that_left_as_patron(
    make_network: Callable[..., Path],
) -> None:
    root = make_network({"partners/bank.yaml": LEFT_2021})
    result = CliRunner().invoke(
        app, ["-C", str(root), "partners", "-f", "json", "--today", "2022-03-01"]
    )
    assert result.exit_code == 0, result.stderr
    import json

    data = json.loads(result.stdout)
    rows = data["partners"] if isinstance(data, dict) else data
    [bank] = [r for r in rows if r["id"] == "bank"]
    assert bank["patron_of"] == [] and bank["contacts"] == 0
