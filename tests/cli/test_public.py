"""Nothing personal in what is published: every public output — the report in every
format, `calendar --public` — of the example and of a network whose coordinators typed
contact data into free texts holds no e-mail address, no phone number and no person's
name except where a role needs it (the lead of a group or project in the report)."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLE_NETWORK
from netzwerkctl.cli import app
from netzwerkctl.load import load_network
from netzwerkctl.mentions import EMAIL, PHONE

runner = CliRunner()

TYPED_IN = {
    "meetings/2021/2021-03-15-ag.yaml": """\
group: ag
title: Treffen bei Carla Clemens (0171 7654321)
date: 2021-03-15
start: 18:00
status: held
location: Wohnung Bernd Brink, bernd.privat@example.org
chair: anna
minutes_by: bernd
invited: [carla]
present: [anna, bernd, carla]
agenda:
  - title: Bericht von Carla Clemens, Frau Clemens und B. Brink
    duration: 10
    by: carla
    notes: Rückfragen an carla@example.org oder 0287 112345.
  - title: Umfrage
    duration: 30
    kind: decision
    decisions:
      - Bernd Brink (0171 1234567) verschickt die Bögen.
    tasks:
      - title: Bögen an bernd.privat@example.org schicken
        owner: bernd
        due: 2021-04-30
""",
    "reports/2021.yaml": """\
title: Engagementbericht 2021
summary: Fragen an anna@example.org oder 02871 953-600.
highlights: [Anmeldung unter +49 2871 953600]
recommendations:
  - title: Koordinierung absichern
    text: Kontakt über carla@example.org.
""",
}


def unfolded(text: str) -> str:
    return re.sub(r"\r?\n[ \t]", "", text)


def public_outputs(root: Path, tmp_path: Path) -> dict[str, str]:
    """Every public output of the network, as text."""
    outputs: dict[str, str] = {}
    for fmt in ("md", "html", "json"):
        result = runner.invoke(app, ["-C", str(root), "report", "2021", "-f", fmt])
        assert result.exit_code == 0, result.stderr
        outputs[f"report.{fmt}"] = result.stdout
    result = runner.invoke(app, ["-C", str(root), "calendar", "--public", "--today", "2022-01-01"])
    assert result.exit_code == 0, result.stderr
    # a UID has the form of an address, but names a meeting, not a person
    outputs["calendar.ics"] = "\n".join(
        line for line in unfolded(result.stdout).splitlines() if not line.startswith("UID:")
    )
    result = runner.invoke(app, ["-C", str(root), "export", "--public", "2021"])
    assert result.exit_code == 0, result.stderr
    outputs["export.json"] = result.stdout
    pdf = tmp_path / "report.pdf"
    result = runner.invoke(app, ["-C", str(root), "report", "2021", "-o", str(pdf)])
    assert result.exit_code == 0, result.stderr
    if shutil.which("pdftotext") is not None:
        done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
        outputs["report.pdf"] = done.stdout.decode()
    docx = tmp_path / "report.docx"
    result = runner.invoke(app, ["-C", str(root), "report", "2021", "-o", str(docx)])
    assert result.exit_code == 0, result.stderr
    from docx import Document

    document = Document(str(docx))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    outputs["report.docx"] = "\n".join([*(p.text for p in document.paragraphs), *cells])
    return outputs


def assert_nothing_personal(root: Path, outputs: dict[str, str]) -> None:
    network = load_network(root).network
    leads = {g.lead for g in network.groups.values()} | {p.lead for p in network.projects.values()}
    for name, text in outputs.items():
        flat = " ".join(text.split())
        assert not EMAIL.search(flat), (name, EMAIL.search(flat))
        assert not PHONE.search(flat), (name, PHONE.search(flat))
        for pid, person in network.persons.items():
            if pid in leads and name.startswith("report"):
                continue  # "Leitung: …" — a role the council report names
            assert person.contact.name.casefold() not in flat.casefold(), (name, pid)


def test_the_examples_public_outputs(tmp_path: Path) -> None:
    root = tmp_path / "netz"
    shutil.copytree(EXAMPLE_NETWORK, root, ignore=shutil.ignore_patterns(".netzwerkctl"))
    outputs = public_outputs(root, tmp_path)
    assert "report.pdf" in outputs or shutil.which("pdftotext") is None
    assert_nothing_personal(root, outputs)


def test_contact_data_typed_into_free_texts_is_masked_and_warned_about(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_network(TYPED_IN)
    outputs = public_outputs(root, tmp_path)
    assert_nothing_personal(root, outputs)
    assert "[E-Mail entfernt]" in outputs["report.md"]
    assert (
        "Bericht von [Name entfernt]\\, [Name entfernt] und [Name entfernt]"
        in outputs["calendar.ics"]
    )
    assert "[E-Mail entfernt]" in outputs["calendar.ics"]
    checked = runner.invoke(app, ["-C", str(root), "check", "--today", "2022-01-01"]).stdout
    for place in (
        "meetings/2021/2021-03-15-ag.yaml:15:",  # notes
        "meetings/2021/2021-03-15-ag.yaml:20:",  # a decision
        "meetings/2021/2021-03-15-ag.yaml:22:",  # a task's title
        "reports/2021.yaml:2:",  # summary
        "reports/2021.yaml:3:",  # a highlight
        "reports/2021.yaml:6:",  # a recommendation
    ):
        assert re.search(rf"^{re.escape(place)}\d+: warning NW510", checked, re.M), place


def test_the_full_calendar_still_names_presenters(make_network: Callable[..., Path]) -> None:
    root = make_network(TYPED_IN)
    full = runner.invoke(app, ["-C", str(root), "calendar", "--today", "2022-01-01"]).stdout
    assert "Carla Clemens" in unfolded(full)


def test_public_calendar_refuses_tasks(make_network: Callable[..., Path]) -> None:
    result = runner.invoke(app, ["-C", str(make_network()), "calendar", "--public", "--tasks"])
    assert result.exit_code == 2 and "--public" in result.stderr


@pytest.mark.parametrize("lang", ["de", "en"])
def test_masks_speak_the_networks_language(make_network: Callable[..., Path], lang: str) -> None:
    info = f"name: Testnetz\nlanguage: {lang}\ncoordinator: fa\n"
    root = make_network({**TYPED_IN, "netzwerk.yaml": info})
    out = unfolded(
        runner.invoke(
            app, ["-C", str(root), "calendar", "--public", "--today", "2022-01-01"]
        ).stdout
    )
    assert ("[Name entfernt]" if lang == "de" else "[name removed]") in out


def test_the_name_mask_finds_every_name_and_only_names() -> None:
    from netzwerkctl.present.public import name_masker

    names = ["Anna Albers", "Anna Albers-Kraus", "Bernd Brink", "x" * 500]
    mask = name_masker(names, "de")
    text = (
        "Anna Albers, ANNA ALBERS-KRAUS, Frau Brink, Dr. Albers, " + "x" * 500 + "; Anna Albersen"
    )
    assert mask(text) == ("[Name entfernt], " * 4) + "[Name entfernt]; Anna Albersen"
    assert name_masker(["y" * 500], "de")("ab cd") == "ab cd"  # no empty match anywhere
    assert name_masker([], "de")("Anna Albers") == "Anna Albers"


def test_a_name_is_masked_also_without_the_title_its_entry_carries() -> None:
    """Entries carry titles ("Dr. Martina Ebbing", "Pfarrer Johannes Vennekötter");
    texts name people without them, or with another honorific before the surname."""
    from netzwerkctl.present.public import name_masker

    mask = name_masker(["Dr. Martina Ebbing", "Pfarrer Johannes Vennekötter"], "de")
    text = "Klausur mit Martina Ebbing; Bericht Pfarrerin Ebbing und Pfarrer Vennekötter"
    assert mask(text) == "Klausur mit [Name entfernt]; Bericht [Name entfernt] und [Name entfernt]"
    assert mask("Ebbing-Straße, Johannes") == "Ebbing-Straße, Johannes"  # a word alone stays
