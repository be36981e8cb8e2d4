"""One faulty field costs that field, not the entity: the rest is validated, the
rules run on it, and what was left out is named (`Network.omitted`)."""

from __future__ import annotations

from collections.abc import Callable

from conftest import BASE
from netzwerkctl.check import CheckResult
from netzwerkctl.network import Omission

M = "meetings/2021/2021-03-15-ag.yaml"


def _meeting(old: str, new: str) -> dict[str, str]:
    assert old in BASE[M]
    return {M: BASE[M].replace(old, new)}


def test_a_faulty_optional_field_costs_only_that_field(
    run_check: Callable[..., CheckResult],
) -> None:
    result = run_check(_meeting("invited: [carla]\n", "invited: [carla]\nexcused: {peter: hinz}\n"))
    assert [p.code for p in result.problems] == ["NW103"]
    meeting = result.network.meetings["2021-03-15-ag"]
    assert meeting.present == ("anna", "bernd", "carla") and len(meeting.agenda) == 2
    assert meeting.excused == ()
    assert result.network.omitted == (Omission("meeting", "2021-03-15-ag", M, (("excused",),)),)


def test_one_error_does_not_hide_another_in_the_same_file(
    run_check: Callable[..., CheckResult],
) -> None:
    """`guests: "Bürgermeister"` (not a list) used to hide an unknown id under invited."""
    patch = _meeting("invited: [carla]\n", "invited: [carla, dora]\nguests: {Bürgermeister: ja}\n")
    codes = sorted((p.code, p.line) for p in run_check(patch).problems)
    assert codes == [("NW103", 9), ("NW202", 8)]


def test_one_wrong_id_in_a_list_costs_only_that_entry(
    run_check: Callable[..., CheckResult],
) -> None:
    result = run_check(
        _meeting("present: [anna, bernd, carla]", "present: [anna, Bernd Brink, carla]")
    )
    [hit] = result.problems
    assert (hit.code, dict(hit.args)["slug"]) == ("NW108", "bernd")
    assert result.network.meetings["2021-03-15-ag"].present == ("anna", "carla")
    assert result.network.omitted[0].fields == (("present", 1),)


def test_a_faulty_field_of_a_task_costs_that_field(run_check: Callable[..., CheckResult]) -> None:
    result = run_check(_meeting("due: 2021-05-31", "due: Ende Mai"))
    assert [p.code for p in result.problems] == ["NW104"]
    task = result.network.meetings["2021-03-15-ag"].agenda[1].tasks[1]
    assert task.title == "Porto klären" and task.due is None


def test_required_fields_and_entries_of_lists_are_never_left_out(
    run_check: Callable[..., CheckResult],
) -> None:
    """Without its date a meeting is none; without its owner a task would be left out
    and renumber the tasks after it: then the whole meeting is left out, and named."""
    for old, new in (("date: 2021-03-15", "date: irgendwann"), ("owner: bernd", "owner: Bernd B.")):
        result = run_check(_meeting(old, new))
        assert "2021-03-15-ag" not in result.network.meetings
        assert result.network.omitted == (Omission("meeting", "2021-03-15-ag", M),)


def test_an_unknown_key_is_left_out_and_the_entity_kept(
    run_check: Callable[..., CheckResult],
) -> None:
    result = run_check(_meeting("chair: anna", "chair: anna\nleitung: anna"))
    assert [p.code for p in result.problems] == ["NW101"]
    assert "2021-03-15-ag" in result.network.meetings
    assert result.network.omitted[0].fields == (("leitung",),)


def test_a_clean_network_omits_nothing(run_check: Callable[..., CheckResult]) -> None:
    assert run_check().network.omitted == ()
