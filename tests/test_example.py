"""The shipped example network is clean, and `check` still finds faults put into it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from netzwerkctl.check import check_network

EXAMPLE = Path(__file__).parents[1] / "examples" / "stadt-bocholt"


def test_example_has_no_problems_on_its_own_date() -> None:
    result = check_network(EXAMPLE, date(2022, 9, 1))
    assert [p.code for p in result.problems] == []
    assert result.network.files == 60


def test_example_has_no_errors_today() -> None:
    # Later, meetings of autumn 2022 still marked planned are (honest) warnings.
    result = check_network(EXAMPLE, date.today())
    assert result.errors == 0


def test_example_tells_the_seed_story() -> None:
    net = check_network(EXAMPLE, date(2022, 9, 1)).network
    patrons = [p for g in net.groups.values() for p in g.patrons]
    original = {p.partner for p in patrons if p.since is None}
    later = {p.partner for p in patrons if p.since is not None}
    assert (len(original), len(later)) == (11, 5)
    assert not any(p.until for p in patrons)  # all of them stayed
    statuses = {m.status for m in net.meetings.values()}
    assert statuses == {"held", "planned", "cancelled"}
    assert {net.partners[p].status for p in net.partners} >= {"prospect", "approached", "former"}


def test_faults_put_into_the_example_are_found(tmp_path: Path) -> None:
    copy = tmp_path / "bocholt"
    shutil.copytree(EXAMPLE, copy)
    meeting = copy / "meetings" / "2021" / "2021-03-15-ag-bildung.yaml"
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(
        text.replace("minutes_by: jonas-terhorst", "minutes_by: jonas-terhost"), encoding="utf-8"
    )
    [hit] = check_network(copy, date(2022, 9, 1)).problems
    assert (hit.code, hit.file, hit.line) == (
        "NW202",
        "meetings/2021/2021-03-15-ag-bildung.yaml",
        11,
    )
    assert dict(hit.args)["suggestion"] == "jonas-terhorst"
