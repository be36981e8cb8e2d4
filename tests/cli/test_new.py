"""`new meeting|partner|group`: files that pass `check` and never replace one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import BASE
from netzwerkctl.check import check_network
from netzwerkctl.cli import app

runner = CliRunner()


def invoke(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["-C", str(root), "new", *args])
    return result.exit_code, result.stdout, result.stderr


def test_new_meeting_passes_check_and_lists_open_tasks(make_network: Callable[..., Path]) -> None:
    root = make_network()
    code, out, _ = invoke(
        root,
        "meeting",
        "ag",
        "09.11.2022",
        "--start",
        "18:00",
        "--end",
        "20:00",
        "--location",
        "Rathaus: Saal 2",
    )
    assert code == 0 and out == "Angelegt: meetings/2022/2022-11-09-ag.yaml\n"
    text = (root / "meetings/2022/2022-11-09-ag.yaml").read_text(encoding="utf-8")
    assert text.startswith('group: ag\ndate: 2022-11-09\nstart: "18:00"\nend: "20:00"\n')
    assert 'location: "Rathaus: Saal 2"' in text
    assert "chair: anna\nminutes_by: bernd\n" in text
    for title in (
        "Begrüßung und Protokoll der letzten Sitzung",
        "Stand der Arbeitsaufträge",
        "Verschiedenes",
    ):
        assert f'  - title: "{title}"' in text
    assert "#   porto-klaeren: Porto klären (anna, bernd, 2021-05-31)" in text
    assert check_network(root, date(2022, 11, 1)).problems == []


def test_new_meeting_takes_time_and_place_of_the_groups_last_meeting(
    make_network: Callable[..., Path],
) -> None:
    """A group meets at one time and place: what is not given comes from its last
    meeting that was not cancelled, with a comment to check it; what is given wins."""
    held = BASE["meetings/2021/2021-03-15-ag.yaml"].replace(
        'end: "20:00"\n', 'end: "20:00"\nlocation: Rathaus, Saal 2\nvenue: bank\n'
    )
    cancelled = "group: ag\ndate: 2021-06-01\nstart: '10:00'\nlocation: Zoo\nstatus: cancelled\n"
    root = make_network(
        {"meetings/2021/2021-03-15-ag.yaml": held, "meetings/2021/2021-06-01-ag.yaml": cancelled}
    )
    assert invoke(root, "meeting", "ag", "2022-11-09")[0] == 0
    text = (root / "meetings/2022/2022-11-09-ag.yaml").read_text(encoding="utf-8")
    assert text.startswith(
        "group: ag\ndate: 2022-11-09\n"
        "# Uhrzeit und Ort wie bei der Sitzung vom 15.03.2021; bitte prüfen.\n"
        'start: "18:00"\nend: "20:00"\nlocation: "Rathaus, Saal 2"\nvenue: bank\n'
    ), text
    assert check_network(root, date(2022, 11, 1)).problems == []
    assert invoke(root, "meeting", "ag", "2022-11-23", "--start", "19:00")[0] == 0
    text = (root / "meetings/2022/2022-11-23-ag.yaml").read_text(encoding="utf-8")
    assert text.startswith(  # a time given is not mixed with the end of another
        "group: ag\ndate: 2022-11-23\n"
        "# Ort wie bei der Sitzung vom 09.11.2022; bitte prüfen.\n"
        'start: "19:00"\nlocation: "Rathaus, Saal 2"\nvenue: bank\nstatus: planned\n'
    ), text


def test_of_two_meetings_on_one_day_the_later_gives_time_and_place(
    make_network: Callable[..., Path],
) -> None:
    late = "group: ag\ndate: 2021-06-01\nstart: '17:30'\nlocation: Rathaus\nstatus: planned\n"
    early = "group: ag\ndate: 2021-06-01\nstart: '09:00'\nlocation: Bank\nstatus: planned\n"
    root = make_network(
        {"meetings/2021/2021-06-01-ag.yaml": late, "meetings/2021/2021-06-01-ag-2.yaml": early}
    )
    assert invoke(root, "meeting", "ag", "2022-11-09")[0] == 0
    text = (root / "meetings/2022/2022-11-09-ag.yaml").read_text(encoding="utf-8")
    assert 'start: "17:30"\nlocation: "Rathaus"\n' in text, text


def test_new_never_overwrites(make_network: Callable[..., Path]) -> None:
    root = make_network()
    path = root / "meetings/2021/2021-03-15-ag.yaml"
    before = path.read_bytes()
    code, _, err = invoke(root, "meeting", "ag", "2021-03-15")
    assert code == 1 and "gibt es schon" in err
    assert path.read_bytes() == before
    code, _, err = invoke(root, "partner", "fa")
    assert code == 1 and "gibt es schon: partners/fa.yaml" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["meeting", "ga", "2022-11-09"], "Meinten Sie „ag“?"),
        (["meeting", "ag", "2022-13-09"], "kein Datum"),
        (["meeting", "ag", "2022-11-09", "--start", "18 Uhr"], "keine Uhrzeit"),
        (["meeting", "ag", "2022-11-09", "--start", "18:00", "--end", "17:00"], "nach --start"),
        (["partner", "Caritas Bocholt"], "„caritas-bocholt“"),
        (["partner", "caritas", "--kind", "wohlfahrt"], "welfare"),
        (["group", "ag-x", "--kind", "arbeitsgruppe"], "working"),
        # a German word is understood as check understands it, and the values are
        # listed with their words
        (["partner", "tv", "--kind", "Verein"], "Meinten Sie „association“ (Verein)?"),
        (["partner", "tv", "--status", "aktiv"], "Meinten Sie „active“ (aktiv)?"),
        (["partner", "tv", "--kind", "x"], "association (Verein) | welfare (Wohlfahrtsverband)"),
    ],
)
def test_bad_input_is_refused_before_writing(
    make_network: Callable[..., Path], args: list[str], message: str
) -> None:
    root = make_network()
    files = sorted(root.rglob("*"))
    code, _, err = invoke(root, *args)
    assert code == 2 and message in err
    assert sorted(root.rglob("*")) == files


def test_new_partner_and_group_pass_check(make_network: Callable[..., Path]) -> None:
    root = make_network()
    assert (
        invoke(
            root,
            "partner",
            "repair-cafe",
            "--name",
            "Repair-Café: Nord",
            "--kind",
            "initiative",
            "--status",
            "approached",
            "--today",
            "2021-10-01",
        )[0]
        == 0
    )
    assert (
        invoke(root, "group", "ag-digital", "--name", "AG Digitales", "--today", "2021-10-01")[0]
        == 0
    )
    text = (root / "partners/repair-cafe.yaml").read_text(encoding="utf-8")
    assert 'name: "Repair-Café: Nord"' in text and "approached: 2021-10-01" in text
    assert check_network(root, date(2022, 1, 1)).problems == []


def test_new_refuses_an_id_that_another_file_has(make_network: Callable[..., Path]) -> None:
    root = make_network(
        {
            "meetings/sonder/2022-03-01-ag.yml": "group: ag\ndate: 2022-03-01\nstatus: planned\n",
            "partners/alt/caritas.yml": "name: C\nkind: other\nstatus: prospect\n",
        }
    )
    code, _, err = invoke(root, "meeting", "ag", "2022-03-01")
    assert code == 1 and "meetings/sonder/2022-03-01-ag.yml" in err
    code, _, err = invoke(root, "partner", "caritas")
    assert code == 1 and "partners/alt/caritas.yml" in err
    assert (
        not (root / "meetings/2022/2022-03-01-ag.yaml").exists()
        and not (root / "partners/caritas.yaml").exists()
    )


def test_new_meeting_only_while_the_group_exists(make_network: Callable[..., Path]) -> None:
    root = make_network(
        {
            "groups/ag.yaml": BASE["groups/ag.yaml"].replace(
                "started: 2016-01-01", "started: 2016-01-01\nended: 2019-12-31"
            )
        }
    )
    code, _, err = invoke(root, "meeting", "ag", "2022-05-01")
    assert code == 2 and "besteht am 01.05.2022 nicht" in err
    code, _, err = invoke(root, "meeting", "ag", "31.02.2022")
    assert code == 2 and "<Datum>: „31.02.2022“ ist kein Datum" in err


def _uncommented(text: str) -> str:
    """What a coordinator gets by removing "# " from each line of the example."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("# Zum Eintragen"))
    return "\n".join(lines[:start] + [line[2:] for line in lines[start + 1 :]]) + "\n"


def test_the_commented_examples_can_be_uncommented_into_valid_files(
    make_network: Callable[..., Path],
) -> None:
    root = make_network()
    assert invoke(root, "partner", "neu-verein", "--today", "2021-10-01")[0] == 0
    assert invoke(root, "group", "ag-neu", "--today", "2021-10-01")[0] == 0
    partner = root / "partners/neu-verein.yaml"
    partner.write_text(_uncommented(partner.read_text(encoding="utf-8")), encoding="utf-8")
    group = root / "groups/ag-neu.yaml"
    group.write_text(
        _uncommented(group.read_text(encoding="utf-8")).replace("person-id", "vorname-nachname"),
        encoding="utf-8",
    )
    result = check_network(root, date(2022, 1, 1))
    assert result.problems == []
    assert "vorname-nachname" in result.network.persons
    assert [m.person for m in result.network.groups["ag-neu"].members] == ["vorname-nachname"]


def test_a_meeting_entered_afterwards_finds_no_errors_that_check_does_not(
    make_network: Callable[..., Path],
) -> None:
    """The base network has a task done on 2021-04-20: checked as of the new
    meeting's day (2021-04-01) that would be "in the future" (NW303); it is checked as
    of today, as `check` does."""
    root = make_network()
    assert check_network(root, date.today()).errors == 0
    code, out, err = invoke(root, "meeting", "ag", "2021-04-01")
    assert code == 0 and out == "Angelegt: meetings/2021/2021-04-01-ag.yaml\n"
    assert "Fehler" not in err, err


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["partner", "a" * 300], "Eine Kennung hat höchstens 100 Zeichen."),
        (["partner", "neu", "--name", "Zeile1\nstatus: former"], "eine Zeile Text"),
        (["group", "ag-neu", "--name", "Tab\there"], "eine Zeile Text"),
        (["partner", "neu", "--name", "   "], "nicht leer"),
        (["partner", "neu", "--status", "activ"], "Meinten Sie „active“ (aktiv)?"),
    ],
)
def test_new_refuses_what_would_not_pass_check(
    make_network: Callable[..., Path], args: list[str], said: str
) -> None:
    """Nothing is created that `check` would refuse, and nothing ends in a traceback."""
    root = make_network()
    code, _out, err = invoke(root, *args)
    assert code == 2 and said in err and "Traceback" not in err, err
    assert not (root / "partners/neu.yaml").exists() and not (root / "groups/ag-neu.yaml").exists()
