"""The invitation is a letter and the Protokoll a record (issue: send-ready documents):
sender, salutation, reply-by date and signature; absent persons, votes, postponed items,
approval, signature lines and distribution — and `new meeting` carries what is left."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from conftest import BASE
from netzwerkctl.cli import app

runner = CliRunner()
M_PAST = "meetings/2021/2021-03-15-ag.yaml"
M_NEXT = "meetings/2021/2021-05-19-ag.yaml"
OFFICE = """\
office:
  name: Freiwilligenagentur Teststadt
  address: [Marktplatz 1, 12345 Teststadt]
  phone: "01234 5678"
  email: info@fa.example.org
  contact: anna
"""
NEXT = "group: ag\ndate: 2021-05-19\nstart: '18:00'\nend: '19:30'\nlocation: Rathaus\n"


def invoke(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["-C", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


def _with_office(files: dict[str, str]) -> dict[str, str]:
    return {"netzwerk.yaml": BASE["netzwerk.yaml"] + OFFICE, **files}


def test_the_invitation_is_a_letter_from_the_office(make_network: Callable[..., Path]) -> None:
    root = make_network(_with_office({M_NEXT: NEXT}))
    code, out, err = invoke(root, "agenda", "2021-05-19-ag", "--today", "2021-05-03")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[1] == (
        "**Freiwilligenagentur Teststadt** · Marktplatz 1 · 12345 Teststadt · "
        "Tel. 01234 5678 · info@fa.example.org"
    )
    assert lines[3] == "Teststadt, 3. Mai 2021"
    assert "Liebe Mitglieder der AG Bildung,\n\nhiermit laden wir Sie herzlich" in out
    assert "am Mittwoch, 19. Mai 2021, 18:00–19:30 Uhr, Ort: Rathaus." in out
    assert (
        "Bitte sagen Sie bis zum 12. Mai 2021 zu oder ab: per E-Mail an info@fa.example.org "
        "oder telefonisch unter 01234 5678." in out
    )
    assert out.endswith("Mit freundlichen Grüßen\n\nAnna Albers\\\nFreiwilligenagentur Teststadt\n")


def test_an_office_contact_who_has_left_signs_no_letter(make_network: Callable[..., Path]) -> None:
    """Anna signed for the office until the end of April: a letter written in May is
    signed by the meeting's chair, and `check` asks for her successor (NW513)."""
    left = BASE["partners/fa.yaml"].replace(
        "    consent: 2016-01-01\n", "    consent: 2016-01-01\n    until: 2021-04-30\n"
    )
    files = _with_office({M_NEXT: NEXT + "chair: bernd\n", "partners/fa.yaml": left})
    root = make_network(files)
    code, out, err = invoke(root, "agenda", "2021-05-19-ag", "--today", "2021-05-03")
    assert code == 0, err
    assert out.endswith("Mit freundlichen Grüßen\n\nBernd Brink\\\nVolksbank Teststadt\n")
    assert "NW513" in invoke(root, "check", "--today", "2021-05-03")[1]
    earlier = invoke(root, "agenda", "2021-05-19-ag", "--today", "2021-04-20")[1]
    assert earlier.endswith("Anna Albers\\\nFreiwilligenagentur Teststadt\n")


def test_salutation_reply_date_and_signer_can_be_set(make_network: Callable[..., Path]) -> None:
    group = BASE["groups/ag.yaml"] + 'salutation: "Liebe Bildungs-AG,"\n'
    meeting = NEXT + "rsvp_by: 2021-05-14\nchair: bernd\n"
    root = make_network({"groups/ag.yaml": group, M_NEXT: meeting})  # no office: chair signs
    code, out, _ = invoke(root, "agenda", "2021-05-19-ag", "--today", "2021-05-03")
    assert code == 0
    assert "Liebe Bildungs-AG,\n" in out and "Liebe Mitglieder" not in out
    # no office: replies go to the signer, who has a phone number but no e-mail
    assert "Bitte sagen Sie bis zum 14. Mai 2021 zu oder ab: telefonisch unter 0287112345." in out
    assert out.endswith("Bernd Brink\\\nVolksbank Teststadt\n")
    late = invoke(root, "agenda", "2021-05-19-ag", "--today", "2021-05-17")[1]
    assert "Bitte sagen Sie" not in late  # the reply-by day has passed


def test_english_letter(make_network: Callable[..., Path]) -> None:
    english = BASE["netzwerk.yaml"].replace("language: de", "language: en") + OFFICE
    root = make_network({"netzwerk.yaml": english, M_NEXT: NEXT})
    out = invoke(root, "agenda", "2021-05-19-ag", "--today", "2021-05-03")[1]
    assert "Teststadt, May 3, 2021" in out
    assert "Dear members of AG Bildung,\n\nwe warmly invite you" in out
    assert "Please let us know by May 12, 2021 whether you will come" in out
    assert "Kind regards\n\nAnna Albers" in out


VOTED = (
    BASE[M_PAST]
    .replace(
        "    decisions:\n      - Die Umfrage startet im April.\n",
        "    decisions:\n"
        "      - text: Die Umfrage startet im April.\n"
        "        votes: {yes: 2, no: 0, abstain: 1}\n"
        "      - text: Der Fragebogen hat zehn Fragen.\n"
        "        votes: {yes: 3}\n"
        "      - text: Die Umfrage läuft auch online.\n"
        "        votes: {yes: 1, no: 2}\n"
        "  - title: Herbstfest\n"
        "    status: postponed\n"
        "    by: carla\n",
    )
    .replace("present: [anna, bernd, carla]", "present: [anna]\nexcused: [bernd]\n")
)


def test_the_protokoll_is_a_record(make_network: Callable[..., Path]) -> None:
    meeting = VOTED + "distribution: [carla, Presse Teststadt]\n"
    root = make_network({M_PAST: meeting})
    code, out, err = invoke(root, "minutes", "2021-03-15-ag")
    assert code == 0, err
    assert out.splitlines()[1] == "**ENTWURF – noch nicht genehmigt**"
    assert "- **Anwesend:** Anna Albers (Freiwilligenagentur Teststadt)\n" in out
    assert "- **Entschuldigt:** Bernd Brink (Volksbank Teststadt)\n" in out
    assert "- **Es fehlten:** Carla Clemens (TV Teststadt)\n" in out
    assert (
        "**Beschluss 1:** Die Umfrage startet im April. *(mit 2 Ja, 1 Enthaltung angenommen)*"
        in out
    )
    assert "**Beschluss 2:** Der Fragebogen hat zehn Fragen. *(einstimmig angenommen)*" in out
    assert "**Beschluss 3:** Die Umfrage läuft auch online. *(mit 1 Ja, 2 Nein abgelehnt)*" in out
    assert (
        "## TOP 3: Herbstfest\n\n*Vorgestellt von Carla Clemens*\n\n*Vertagt auf die nächste Sitzung.*"
        in out
    )
    assert "Dieses Protokoll ist ein Entwurf, bis die Gruppe es genehmigt." in out
    assert "| Anna Albers | Bernd Brink |" in out  # under the signature lines
    assert "**Verteiler:** Anna Albers; Bernd Brink; Carla Clemens; Presse Teststadt." in out
    approved = invoke(
        make_network({M_PAST: meeting + "approved: 2021-05-19\n"}), "minutes", "2021-03-15-ag"
    )[1]
    assert "ENTWURF" not in approved
    assert "Dieses Protokoll wurde am 19. Mai 2021 genehmigt." in approved


def test_english_votes(make_network: Callable[..., Path]) -> None:
    english = BASE["netzwerk.yaml"].replace("language: de", "language: en")
    root = make_network({"netzwerk.yaml": english, M_PAST: VOTED})
    out = invoke(root, "minutes", "2021-03-15-ag")[1]
    assert "*(adopted with 2 in favour, 1 abstention)*" in out
    assert "*(adopted unanimously)*" in out and "*(rejected with 1 in favour, 2 against)*" in out
    assert "- **Absent:** Carla Clemens (TV Teststadt)" in out


def test_new_meeting_carries_approval_and_postponed_items(
    make_network: Callable[..., Path],
) -> None:
    root = make_network({M_PAST: VOTED})
    code, _, err = invoke(root, "new", "meeting", "ag", "2021-05-19")
    assert code == 0, err
    text = (root / M_NEXT).read_text(encoding="utf-8")
    assert (
        '  - title: "Genehmigung des Protokolls vom 15.03.2021"\n    duration: 5\n    kind: decision\n'
        in text
    )
    assert (
        '  - title: "Herbstfest"\n    kind: info\n    by: carla\n  - title: "Verschiedenes"' in text
    )
    assert "# Vertagt am 15.03.2021: Herbstfest\n" in text
    assert invoke(root, "check", "--today", "2021-05-01")[0] == 0
    # the invitation to a meeting made by hand shows what was postponed and is missing
    (root / M_NEXT).write_text(NEXT, encoding="utf-8")
    agenda = invoke(root, "agenda", "2021-05-19-ag", "--today", "2021-05-03")[1]
    assert "- Herbstfest (vertagt am 15.03.2021)" in agenda
    approved = VOTED + "approved: 2021-04-01\n"
    again = make_network({M_PAST: approved})
    invoke(again, "new", "meeting", "ag", "2021-05-19")
    assert "Genehmigung des Protokolls" not in (again / M_NEXT).read_text(encoding="utf-8")


def test_a_postponed_standing_item_is_on_the_next_agenda_once(
    make_network: Callable[..., Path],
) -> None:
    """„Verschiedenes“ postponed: the next meeting has it once, as a standing item."""
    postponed = VOTED.replace("  - title: Herbstfest\n", "  - title: Verschiedenes\n")
    root = make_network({M_PAST: postponed})
    assert invoke(root, "new", "meeting", "ag", "2021-05-19")[0] == 0
    text = (root / M_NEXT).read_text(encoding="utf-8")
    assert text.count('title: "Verschiedenes"') == 1, text


def test_attendance_list_to_sign(make_network: Callable[..., Path]) -> None:
    root = make_network({M_NEXT: NEXT + "invited: [carla]\nguests: [Frau Dr. Gast]\n"})
    code, out, err = invoke(root, "attendance", "ag", "--today", "2021-05-03")
    assert code == 0, err
    assert "# Anwesenheitsliste: Sitzung AG Bildung\n" in out
    assert "| Nr. | Name | Organisation | Unterschrift |\n" in out
    assert "| 1 | Anna Albers | Freiwilligenagentur Teststadt | |\n" in out
    assert "| 3 | Carla Clemens | TV Teststadt | |\n" in out
    assert "| 4 | Frau Dr. Gast | Gast | |\n" in out
    assert out.endswith("| 8 | | | |\n")  # four empty rows for guests who just come
    html = invoke(root, "attendance", "ag", "--today", "2021-05-03", "-f", "html")[1]
    assert "<th>Unterschrift</th>" in html
    # no sheet to sign for a meeting that does not take place
    cancelled = make_network({M_NEXT: NEXT + "status: cancelled\n"})
    code, out, err = invoke(cancelled, "attendance", "2021-05-19-ag", "--today", "2021-05-03")
    assert (code, out) == (1, "") and "ist abgesagt (status: cancelled)" in err, err


SEAL = """\
name: Siegel Engagement willkommen
kind: certification
status: running
signatories:
  - name: Dr. Berta Bürger
    role: Bürgermeisterin der Stadt Teststadt
  - name: Anna Albers
    role: Freiwilligenagentur Teststadt
awards:
  - to: verein
    date: 2021-11-05
    valid_until: 2023-11-04
    criteria: [Ansprechperson benannt, Einarbeitung]
  - to: Bürgerverein Nord
    date: 2021-11-05
"""


def test_certificate_for_an_award(make_network: Callable[..., Path]) -> None:
    root = make_network({"projects/siegel.yaml": SEAL})
    code, out, err = invoke(root, "certificate", "siegel", "--to", "verein")
    assert code == 0, err
    assert (
        "# Urkunde\n\n## Siegel Engagement willkommen\n\nwird verliehen an\n\n**TV Teststadt**\n"
        in out
    )
    assert "- Ansprechperson benannt\n- Einarbeitung\n" in out
    assert "Teststadt, 5. November 2021\n\nGültig bis 4. November 2023\n" in out
    assert "| Dr. Berta Bürger | Anna Albers |\n" in out
    assert "| Bürgermeisterin der Stadt Teststadt | Freiwilligenagentur Teststadt |\n" in out
    named = invoke(root, "certificate", "siegel", "--to", "Bürgerverein Nord")
    assert named[0] == 0 and "**Bürgerverein Nord**" in named[1] and "Gültig bis" not in named[1]
    missing = invoke(root, "certificate", "siegel", "--to", "bank")
    assert missing[0] == 2 and "An „bank“ hat das Projekt nichts verliehen." in missing[2]
    wrong = invoke(root, "certificate", "siegl", "--to", "verein")
    assert wrong[0] == 2 and "Meinten Sie „siegel“?" in wrong[2]


def test_a_second_award_to_the_same_partner_is_chosen_by_its_day(
    make_network: Callable[..., Path],
) -> None:
    """The seal renewed in 2023: the latest certificate by default, with a note on
    stderr naming the other; the earlier one with --date; a day without one is refused."""
    renewed = SEAL + "  - to: verein\n    date: 2023-11-06\n    valid_until: 2025-11-05\n"
    root = make_network({"projects/siegel.yaml": renewed})
    code, out, err = invoke(root, "certificate", "siegel", "--to", "verein")
    assert code == 0 and "Gültig bis 5. November 2025" in out
    assert (
        "die Urkunde der letzten Verleihung, vom 06.11.2023; für eine andere: --date 2021-11-05"
        in err
    )
    code, out, err = invoke(root, "certificate", "siegel", "--to", "verein", "--date", "5.11.2021")
    assert code == 0 and "Gültig bis 4. November 2023" in out and not err
    code, _out, err = invoke(
        root, "certificate", "siegel", "--to", "verein", "--date", "2022-01-01"
    )
    assert code == 2 and "am 05.11.2021, 06.11.2023 bekommen, nicht am 01.01.2022" in err


def test_certificate_without_signatories_has_lines_for_mayor_and_network(
    make_network: Callable[..., Path],
) -> None:
    plain = SEAL.split("signatories:")[0] + "awards:" + SEAL.split("awards:")[1]
    out = invoke(
        make_network({"projects/siegel.yaml": plain}), "certificate", "siegel", "--to", "verein"
    )[1]
    assert "| Bürgermeisterin / Bürgermeister | für Testnetz |\n" in out
