"""What changed between two states of a network, and how it reads."""

from __future__ import annotations

from collections.abc import Mapping

from conftest import BASE
from netzwerkctl.derive.changes import Change, changes
from netzwerkctl.load import build_network
from netzwerkctl.network import Network
from netzwerkctl.present.changes import wording

MEETING = "meetings/2021/2021-03-15-ag.yaml"


def network(patch: Mapping[str, str | None] | None = None) -> Network:
    files = {**BASE, **(patch or {})}
    return build_network(
        [(rel, text.encode()) for rel, text in files.items() if text is not None]
    ).network


def kinds(found: list[Change]) -> list[tuple[str, str]]:
    return [(c.kind, c.subject) for c in found]


def test_nothing_changed() -> None:
    assert changes(network(), network()) == []


def test_a_task_added_above_a_done_one_does_not_make_it_newly_done() -> None:
    inserted = BASE[MEETING].replace(
        "    tasks:\n",
        "    tasks:\n      - title: Neuer Auftrag\n        owner: anna\n        due: 2021-06-30\n",
    )
    assert changes(network(), network({MEETING: inserted})) == []


def test_a_task_done_since_is_reported_once() -> None:
    done = BASE[MEETING].replace(
        "        due: 2021-05-31\n", "        due: 2021-05-31\n        done: 2021-06-02\n"
    )
    found = changes(network(), network({MEETING: done}))
    assert kinds(found) == [("task_done", "porto-klaeren")]
    assert wording(found[0], "de") == "Erledigt: Porto klären (am 02.06.2021)"


def test_removals_are_reported() -> None:
    after = network({"partners/kirche.yaml": None, "projects/umfrage.yaml": None})
    found = changes(network(), after)
    assert kinds(found) == [("partner_removed", "kirche"), ("project_removed", "umfrage")]
    assert [wording(c, "de") for c in found] == [
        "Partner aus den Daten entfernt: Kirchengemeinde",
        "Projekt aus den Daten entfernt: Umfrage zum Ehrenamt",
    ]


def test_a_removed_contact_is_a_removed_person() -> None:
    without = BASE["partners/verein.yaml"].split("contacts:")[0]
    found = changes(network(), network({"partners/verein.yaml": without}))
    assert ("person_removed", "carla") in kinds(found)


def test_a_file_with_errors_is_neither_new_nor_removed() -> None:
    broken = BASE["partners/kirche.yaml"].replace("status: prospect", "status: möglich")
    assert changes(network(), network({"partners/kirche.yaml": broken})) == []
    assert changes(network({"partners/kirche.yaml": broken}), network()) == []


def test_reworded_and_withdrawn_decisions() -> None:
    reworded = BASE[MEETING].replace(
        "      - Die Umfrage startet im April.\n", "      - Die Umfrage startet im Mai.\n"
    )
    found = changes(network(), network({MEETING: reworded}))
    assert [wording(c, "de") for c in found] == [
        "Beschluss vom 15.03.2021 geändert: Die Umfrage startet im Mai. "
        "(vorher: Die Umfrage startet im April.)"
    ]
    withdrawn = BASE[MEETING].replace("    decisions:\n      - Die Umfrage startet im April.\n", "")
    found = changes(network(), network({MEETING: withdrawn}))
    assert [wording(c, "de") for c in found] == [
        "Beschluss vom 15.03.2021 gestrichen: Die Umfrage startet im April."
    ]


def test_status_and_fields_in_the_network_language() -> None:
    joined = BASE["partners/kirche.yaml"].replace("status: prospect", "status: approached")
    found = changes(network(), network({"partners/kirche.yaml": joined}))
    assert wording(found[0], "de") == "Kirchengemeinde: Status möglich → angesprochen"
    assert wording(found[0], "en") == "Kirchengemeinde: status prospect → approached"
    moved = BASE["partners/kirche.yaml"] + "cluster: Kirche\nexpertise: [Räume]\n"
    found = changes(network(), network({"partners/kirche.yaml": moved}))
    assert wording(found[0], "de") == "Angaben geändert bei Kirchengemeinde: Cluster, Expertise"


def test_an_id_added_or_a_title_fixed_later_is_not_newly_done() -> None:
    with_id = BASE[MEETING].replace(
        "      - title: Fragebogen entwerfen\n",
        "      - id: fragebogen\n        title: Fragebogen entwerfen\n",
    )
    assert changes(network(), network({MEETING: with_id})) == []
    retitled = BASE[MEETING].replace("Fragebogen entwerfen", "Fragebogen entwerfen und testen")
    assert changes(network(), network({MEETING: retitled})) == []


def test_a_task_done_the_same_day_by_the_same_person_is_still_new() -> None:
    same_day = BASE[MEETING].replace(
        "        owner: [anna, bernd]\n        due: 2021-05-31\n",
        "        owner: bernd\n        due: 2021-05-31\n",
    )
    both_done = same_day.replace(
        "        due: 2021-05-31\n", "        due: 2021-05-31\n        done: 2021-04-20\n"
    )
    found = changes(network({MEETING: same_day}), network({MEETING: both_done}))
    assert kinds(found) == [("task_done", "porto-klaeren")]


def test_a_planned_meeting_called_off_is_reported_as_cancelled() -> None:
    """The partners invited to it are told at the next meeting that it did not take
    place; a meeting entered as cancelled from the start is only new."""
    planned = "group: ag\ndate: 2021-06-10\nstart: 18:00\nstatus: planned\n"
    rel = "meetings/2021/2021-06-10-ag.yaml"
    cancelled = planned.replace("planned", "cancelled")
    found = changes(network({rel: planned}), network({rel: cancelled}))
    assert kinds(found) == [("meeting_cancelled", "2021-06-10-ag")]
    assert wording(found[0], "de") == "Sitzung abgesagt: AG Bildung am 10.06.2021"
    assert wording(found[0], "en") == "Meeting cancelled: AG Bildung on 2021-06-10"
    assert kinds(changes(network(), network({rel: cancelled}))) == [
        ("meeting_added", "2021-06-10-ag")
    ]


def test_a_meeting_moved_to_another_day_is_reported_with_both_days() -> None:
    """Moved, its file keeps its name: one change that names the new and the old day
    (not a new meeting); moved and called off at once is the cancellation."""
    planned = "group: ag\ndate: 2021-06-10\nstart: 18:00\nstatus: planned\n"
    rel = "meetings/2021/2021-06-10-ag.yaml"
    moved = planned.replace("date: 2021-06-10", "date: 2021-06-17")
    found = changes(network({rel: planned}), network({rel: moved}))
    assert kinds(found) == [("meeting_moved", "2021-06-10-ag")]
    assert wording(found[0], "de") == (
        "Sitzung verlegt: AG Bildung jetzt am 17.06.2021 (vorher 10.06.2021)"
    )
    assert wording(found[0], "en") == (
        "Meeting moved: AG Bildung now on 2021-06-17 (before: 2021-06-10)"
    )
    held = "group: ag\ndate: 2021-06-10\nstatus: held\npresent: [anna]\n"
    corrected = held.replace("date: 2021-06-10", "date: 2021-06-11")  # a typo mended
    assert kinds(changes(network({rel: held}), network({rel: corrected}))) == []
    off = moved.replace("planned", "cancelled")
    assert kinds(changes(network({rel: planned}), network({rel: off}))) == [
        ("meeting_cancelled", "2021-06-10-ag")
    ]


DECISION = "      - Die Umfrage startet im April.\n"
TASK = "      - id: porto-klaeren\n"
ENTRY = "  - id: bernd\n    name: Bernd Brink\n    phone: 0287112345\n"
PSEUDONYM = "  - id: ehemalig-1a2b\n    name: ehemalige Ansprechperson\n    forgotten: 2022-01-10\n"


def _meeting_with(decisions: str, tasks: str) -> str:
    """The meeting of BASE with more decisions and tasks (YAML lines)."""
    return BASE[MEETING].replace(DECISION, DECISION + decisions).replace(TASK, tasks + TASK)


def _after_forget(
    named: dict[str, str | None], rewrites: dict[str, str], entry: str
) -> dict[str, str | None]:
    """The files after `forget bernd`: his id the pseudonym's everywhere, each text in
    `rewrites` replaced as the erasure writes it, and his entry in the bank's file
    `entry` (the files of BASE and `named`)."""
    erased: dict[str, str | None] = {}
    for rel, text in {**BASE, **named}.items():
        if text is not None:
            for old, new in rewrites.items():
                text = text.replace(old, new)
            erased[rel] = text.replace("bernd", "ehemalig-1a2b")
    erased["partners/bank.yaml"] = str(BASE["partners/bank.yaml"]).replace(ENTRY, entry)
    return erased


def test_an_erasure_is_no_news_and_never_brings_the_name_back() -> None:
    """`forget` turned Bernd into a pseudonym — his id everywhere, his name, title and
    phone number in texts into its words — after his `until` was set in the same time:
    no „new person“, no „removed: Bernd Brink“, no changed decision quoting his name or
    number, no task newly done because its title named him. Other news of the same time
    stays, also a new partner that bears his surname."""
    named: dict[str, str | None] = {
        MEETING: _meeting_with(
            "      - Bernd Brink klärt das Porto.\n      - Rückfragen an 0287112345.\n",
            "      - {title: Raumliste an Herrn Brink schicken, owner: anna, due: 2021-04-01, "
            "done: 2021-03-20}\n",
        )
    }
    words = "ehemalige Ansprechperson"
    rewrites = {
        "Bernd Brink": words,
        "Herrn Brink": words,
        "0287112345": "(Telefonnummer entfernt)",
    }
    erased = _after_forget(named, rewrites, PSEUDONYM + "    until: 2021-12-31\n")
    erased["partners/brink.yaml"] = "name: Bäckerei Brink\nkind: business\nstatus: prospect\n"
    found = changes(network(named), network(erased))
    lines = [wording(c, "de") for c in found]
    assert kinds(found) == [("partner_added", "brink")], lines


def test_an_erasure_hides_its_rewrites_but_not_a_removal_beside_it() -> None:
    """A number known only from a comment, and two tasks closed on one day, one naming
    him: what the erasure rewrote is no news. Dora, removed from the same partner in
    the same time, was removed — and is said to be."""
    dora = "  - id: dora\n    name: Dora Dreyer\n    since: 2020-01-01\n"
    named: dict[str, str | None] = {
        "partners/bank.yaml": str(BASE["partners/bank.yaml"]) + dora,
        MEETING: _meeting_with(
            "      - Rückfragen unter 0160 9876543.\n",
            "      - {title: Folien an Herrn Brink schicken, owner: anna, due: 2021-04-01, "
            "done: 2021-03-20}\n      - {title: Saal buchen, owner: anna, due: 2021-04-01, "
            "done: 2021-03-20}\n",
        ),
    }
    rewrites = {
        "Herrn Brink": "ehemalige Ansprechperson",
        "0160 9876543": "(Telefonnummer entfernt)",
    }
    erased = _after_forget(named, rewrites, PSEUDONYM)  # and Dora is gone
    found = changes(network(named), network(erased))
    lines = [wording(c, "de") for c in found]
    assert kinds(found) == [("person_removed", "dora")], lines
    assert lines == ["Person aus den Daten entfernt: Dora Dreyer (Volksbank Teststadt)"]
