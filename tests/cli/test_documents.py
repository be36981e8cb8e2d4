"""`agenda` and `minutes`: edge cases inline (the example's documents: tests/test_golden.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import BASE, body
from netzwerkctl.cli import app

EXAMPLE = Path(__file__).parents[2] / "examples" / "stadt-bocholt"
runner = CliRunner()
AGENDA = "2022-09-14-ag-vereine-wirtschaft"
MINUTES = "2021-03-15-ag-bildung"
M_PAST = "meetings/2021/2021-03-15-ag.yaml"


def invoke(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["-C", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


def test_same_input_same_bytes() -> None:
    first = invoke(EXAMPLE, "minutes", MINUTES)[1]
    assert first == invoke(EXAMPLE, "minutes", MINUTES)[1]


def test_meeting_by_path_and_by_group(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLE / "meetings")
    by_path = runner.invoke(app, ["minutes", f"2021/{MINUTES}.yaml"])
    assert by_path.exit_code == 0 and by_path.stdout == invoke(EXAMPLE, "minutes", MINUTES)[1]
    by_group = invoke(EXAMPLE, "agenda", "ag-vereine-wirtschaft", "--today", "2022-09-01")
    assert by_group[0] == 0
    assert by_group[1] == invoke(EXAMPLE, "agenda", AGENDA, "--today", "2022-09-01")[1]
    # a path relative to the network root works from anywhere with -C
    relative = invoke(EXAMPLE, "minutes", f"meetings/2021/{MINUTES}.yaml")
    assert relative[0] == 0 and relative[1] == by_path.stdout


def test_minutes_of_a_group_are_those_of_its_last_held_meeting() -> None:
    by_group = invoke(EXAMPLE, "minutes", "ag-bildung", "--today", "2021-04-01")
    assert by_group[0] == 0, by_group[2]
    assert by_group[1] == invoke(EXAMPLE, "minutes", MINUTES)[1]
    none_yet = invoke(EXAMPLE, "minutes", "ag-bildung", "--today", "2020-01-01")
    assert none_yet[0] == 1 and "keine Sitzung mit status: held" in none_yet[2]
    help_text = " ".join(runner.invoke(app, ["minutes", "--help"]).stdout.split())
    assert "letzte stattgefundene Sitzung" in help_text


def _meeting(extra: str = "", status: str = "planned") -> dict[str, str]:
    text = f"group: ag\ndate: 2021-12-01\nstart: 14:00\nend: 15:00\nstatus: {status}\n{extra}"
    return {"meetings/2021/2021-12-01-ag.yaml": text}


def test_meeting_without_agenda(make_network: Callable[..., Path]) -> None:
    code, out, _ = invoke(make_network(_meeting()), "agenda", "2021-12-01-ag")
    assert code == 0
    assert "zu unserer Sitzung ein: am Mittwoch, 1. Dezember 2021, 14:00–15:00 Uhr;" in out
    assert "Die Tagesordnung wird noch bekannt gegeben." in out


def test_an_overrunning_agenda_is_a_note_for_the_coordinator_not_the_invitees(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    agenda = "agenda:\n  - title: Lang\n    duration: 50\n  - title: Länger\n    duration: 25\n"
    root = make_network(_meeting(agenda))
    code, out, err = invoke(root, "agenda", "2021-12-01-ag")
    assert code == 0
    assert "| 14:00 | 1 | Lang (50 Min.) |" in out and "| 14:50 | 2 | Länger (25 Min.) |" in out
    note = "Die Tagesordnung dauert 75 Minuten und endet erst um 15:15 Uhr, 15 Minuten"
    assert note in err and note not in out and "Achtung" not in out
    target = tmp_path / "einladung.html"
    code, _, err = invoke(root, "agenda", "2021-12-01-ag", "-o", str(target))
    assert code == 0 and note in err  # also when the invitation goes into a file
    assert "15:15" not in target.read_text(encoding="utf-8")


def test_a_missing_introductory_talk_is_a_note_for_the_coordinator_not_the_invitees(
    make_network: Callable[..., Path],
) -> None:
    no_talk = BASE["partners/verein.yaml"].replace("    intro_talk: 2017-01-01\n", "")
    past = BASE[M_PAST].replace("present: [anna, bernd, carla]", "present: [anna, bernd]")
    root = make_network(
        {**_meeting("invited: [carla]\n"), "partners/verein.yaml": no_talk, M_PAST: past}
    )
    code, out, err = invoke(root, "agenda", "2021-12-01-ag")
    assert code == 0, err
    assert "; Carla Clemens (TV Teststadt), eingeladen." in out
    assert "Einführungsgespräch" not in out
    assert (
        "Mit Carla Clemens (TV Teststadt) vor der Sitzung noch das Einführungsgespräch führen."
        in err
    )
    assert "**Eingeladen:** Anna Albers (Freiwilligenagentur Teststadt);" in out  # not chairing
    english = invoke(root, "agenda", "2021-12-01-ag", "--lang", "en")
    assert "introductory talk" not in english[1] and "introductory talk" in english[2]


def test_open_tasks_of_earlier_meetings_with_overdue_mark(
    make_network: Callable[..., Path],
) -> None:
    code, out, _ = invoke(make_network(_meeting()), "agenda", "2021-12-01-ag")
    assert code == 0
    assert (
        "| Porto klären | Anna Albers, Bernd Brink | 31.05.2021 **überfällig** | 15.03.2021 |"
        in out
    )
    assert "Fragebogen entwerfen" not in out  # done before


def test_cancelled_meeting_says_so(make_network: Callable[..., Path]) -> None:
    code, out, _ = invoke(make_network(_meeting(status="cancelled")), "agenda", "2021-12-01-ag")
    assert code == 0
    assert "**Die Sitzung am Mittwoch, 1. Dezember 2021, 14:00–15:00 Uhr fällt aus.**" in out
    assert "Bitte sagen Sie" not in out  # nobody answers to a cancelled meeting


def test_minutes_need_a_held_meeting_with_attendance(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_network(_meeting())
    target = tmp_path / "protokoll.md"
    code, out, err = invoke(root, "minutes", "2021-12-01-ag", "-o", str(target))
    assert code == 1 and "nicht als stattgefunden" in err and "Nichts geschrieben" in err
    assert not target.exists() and out == ""


def test_minutes_number_decisions_across_items(make_network: Callable[..., Path]) -> None:
    text = BASE["meetings/2021/2021-03-15-ag.yaml"].replace(
        "  - title: Begrüßung\n    duration: 10\n",
        "  - title: Begrüßung\n    duration: 10\n    decisions: [Das Protokoll ist genehmigt.]\n",
    )
    code, out, _ = invoke(
        make_network({"meetings/2021/2021-03-15-ag.yaml": text}), "minutes", "2021-03-15-ag"
    )
    assert code == 0
    assert "**Beschluss 1:** Das Protokoll ist genehmigt." in out
    assert "**Beschluss 2:** Die Umfrage startet im April." in out
    assert "| 2 | Porto klären | Anna Albers, Bernd Brink | 31.05.2021 |" in out
    assert (
        "- **Anwesend:** Anna Albers (Freiwilligenagentur Teststadt); Bernd Brink (Volksbank Teststadt); Carla Clemens (TV Teststadt)"
        in out
    )


def test_output_format_from_the_extension(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_network(_meeting())
    code, _, _ = invoke(root, "agenda", "2021-12-01-ag", "-o", str(tmp_path / "e.html"))
    assert code == 0 and (tmp_path / "e.html").read_text(encoding="utf-8").startswith(
        "<!DOCTYPE html>"
    )
    assert invoke(root, "agenda", "2021-12-01-ag", "-o", str(tmp_path / "e.txt"))[0] == 2
    assert (
        invoke(root, "agenda", "2021-12-01-ag", "-o", str(tmp_path / "e.md"), "--format", "html")[0]
        == 2
    )


def test_data_is_escaped_in_html(make_network: Callable[..., Path], tmp_path: Path) -> None:
    evil = BASE["partners/fa.yaml"].replace(
        "name: Freiwilligenagentur Teststadt", 'name: "<script>alert(1)</script>"'
    )
    root = make_network({**_meeting(), "partners/fa.yaml": evil})
    invoke(root, "agenda", "2021-12-01-ag", "-o", str(tmp_path / "e.html"))
    page = (tmp_path / "e.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_unknown_meeting_suggests(make_network: Callable[..., Path]) -> None:
    code, _, err = invoke(make_network(), "agenda", "2021-03-15-ga")
    assert code == 2 and "Meinten Sie „2021-03-15-ag“?" in err


def test_errors_anywhere_stop_the_invitation_unless_allowed(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    broken = {"partners/kaputt.yaml": "name: [\n", **_meeting()}
    root = make_network(broken)
    target = tmp_path / "einladung.md"
    code, out, err = invoke(root, "agenda", "2021-12-01-ag", "-o", str(target))
    assert code == 1 and out == "" and not target.exists()
    assert "partners/kaputt.yaml:1: error NW004" in err and "1 Fehler" in err
    code, out, err = invoke(root, "agenda", "2021-12-01-ag", "--allow-errors")
    assert code == 0 and body(out).startswith("> **Unvollständig") and "\n# Einladung" in out
    assert "> **Unvollständig: Dieses Dokument wurde aus einem Netzwerk mit Fehlern" in out
    # a partner file that cannot be read may be a private person's: counted, not named
    assert "Fehler in: 1 Partnerdatei, hier nicht genannt." in out and "kaputt" not in out
    assert "ein Partner, hier nicht genannt: ganz ausgelassen" in out
    assert "Ausgelassen:\n  - Partner kaputt (partners/kaputt.yaml): ganz ausgelassen" in err


def test_overdue_as_of_the_day_the_invitation_goes_out(make_network: Callable[..., Path]) -> None:
    root = make_network(_meeting())
    early = invoke(root, "agenda", "2021-12-01-ag", "--today", "2021-05-20")[1]
    assert "| Porto klären | Anna Albers, Bernd Brink | 31.05.2021 | 15.03.2021 |" in early


def test_chair_and_minute_taker_are_invited_with_their_meeting_roles(
    make_network: Callable[..., Path],
) -> None:
    root = make_network(_meeting("chair: carla\nminutes_by: anna\n"))
    code, out, _ = invoke(root, "agenda", "2021-12-01-ag")
    assert code == 0
    assert "**Eingeladen:** Anna Albers (Freiwilligenagentur Teststadt), Protokoll;" in out
    assert "; Carla Clemens (TV Teststadt), Sitzungsleitung." in out  # not a member, yet invited


def test_persons_who_left_their_partner_are_not_invited(make_network: Callable[..., Path]) -> None:
    gone = BASE["partners/bank.yaml"].replace(
        "    consent: 01.02.2016\n", "    consent: 01.02.2016\n    until: 2021-06-30\n"
    )
    code, out, _ = invoke(
        make_network({**_meeting(), "partners/bank.yaml": gone}), "agenda", "2021-12-01-ag"
    )
    assert code == 0 and "Bernd Brink" not in out.split("**Eingeladen:**")[1]


def test_meeting_without_start_time_has_no_time_column(make_network: Callable[..., Path]) -> None:
    text = (
        "group: ag\ndate: 2021-12-01\nstatus: planned\nagenda:\n  - title: Eins\n    duration: 10\n"
    )
    code, out, _ = invoke(
        make_network({"meetings/2021/2021-12-01-ag.yaml": text}), "agenda", "2021-12-01-ag"
    )
    assert code == 0 and "| TOP | Thema | Wer | Art |\n" in out and "Zeit" not in out


def test_runtime_errors_in_network_templates_are_reported(
    make_network: Callable[..., Path],
) -> None:
    root = make_network(_meeting())
    (root / "templates" / "de").mkdir(parents=True)
    (root / "templates" / "de" / "agenda.md.j2").write_text(
        "ok\n{{ meeting.date + 1 }}\n", encoding="utf-8"
    )
    code, _, err = invoke(root, "agenda", "2021-12-01-ag")
    assert code == 1 and "agenda.md.j2:2" in err and "Traceback" not in err


def test_a_meeting_asked_for_by_the_group_name_suggests_the_group_id() -> None:
    code, _, err = invoke(EXAMPLE, "agenda", "AG Bildung", "--today", "2022-09-01")
    assert code == 2 and "Meinten Sie „ag-bildung“?" in err
