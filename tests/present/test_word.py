"""Word files for the administration, read back with python-docx and converted with
LibreOffice where it is installed: real headings, lists, tables, the letterhead."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.text.paragraph import Paragraph
from typer.testing import CliRunner

from conftest import EXAMPLE_NETWORK
from netzwerkctl.cli import app

runner = CliRunner()
TODAY = ["--today", "2022-09-01"]
MINUTES = "2021-03-15-ag-bildung"


@pytest.fixture
def network(tmp_path: Path) -> Path:
    root = tmp_path / "net"
    shutil.copytree(EXAMPLE_NETWORK, root, ignore=shutil.ignore_patterns(".netzwerkctl"))
    return root


def _style(paragraph: Paragraph) -> str:
    return paragraph.style.name if paragraph.style else ""


def _write(network: Path, target: Path, *args: str) -> docx.document.Document:
    result = runner.invoke(app, ["-C", str(network), *args, "-o", str(target)])
    assert result.exit_code == 0, result.output
    return docx.Document(str(target))


def test_the_protokoll_is_word_structure_not_an_image(network: Path, tmp_path: Path) -> None:
    document = _write(network, tmp_path / "protokoll.docx", "minutes", MINUTES)
    styled = [(_style(p), p.text) for p in document.paragraphs if p.text]
    assert styled[0] == ("Heading 1", "Protokoll: 7. Treffen der AG Bildung")
    assert ("Heading 2", "Anwesenheit") in styled
    assert any(s == "List Bullet" and t.startswith("Anwesend: Maria Schulte") for s, t in styled)
    decision = next(p for p in document.paragraphs if p.text.startswith("Beschluss 1:"))
    assert decision.runs[0].bold and decision.text.endswith("(einstimmig angenommen)")
    glance = document.tables[0]
    assert [c.text for c in glance.rows[0].cells] == ["Nr.", "Aufgabe", "Wer", "Bis wann"]
    assert all(r.bold for r in glance.rows[0].cells[1].paragraphs[0].runs)
    assert glance.rows[1].cells[1].text == "Referentinnen für Modul 1 anfragen"
    assert document.core_properties.title == "Protokoll: 7. Treffen der AG Bildung"
    assert document.core_properties.language == "de"
    # no invented dates and no library's note where Word shows the file's properties
    assert document.core_properties.created is None and document.core_properties.modified is None
    assert document.core_properties.comments == ""


def test_the_report_and_the_invitation_as_word(network: Path, tmp_path: Path) -> None:
    report = _write(network, tmp_path / "bericht.docx", "report", "2021")
    headings = [p.text for p in report.paragraphs if _style(p) == "Heading 2"]
    assert "Beschlussvorschlag" in headings and "Handlungsempfehlungen" in headings
    header = [c.text for c in report.tables[0].rows[0].cells]
    assert header == ["Kennzahl", "2021", "Vorjahr (2020)"]
    invitation = _write(
        network, tmp_path / "einladung.docx", "agenda", "ag-vereine-wirtschaft", *TODAY
    )
    texts = [p.text for p in invitation.paragraphs]
    assert "Mit freundlichen Grüßen" in texts
    assert "Jonas Terhorst\nKoordination Engagierte Stadt\nFreiwilligenagentur Bocholt" in texts


def test_a_title_longer_than_a_document_property_holds(network: Path, tmp_path: Path) -> None:
    """A meeting title of 300 characters passes `check`; Word's title property holds
    255: cut there with an ellipsis, the heading keeps the whole title."""
    meeting = network / "meetings" / "2021" / f"{MINUTES}.yaml"
    text = meeting.read_text(encoding="utf-8")
    long_title = "Sehr lange Sitzung " * 15 + "Ende"
    meeting.write_text(
        text.replace("title: 7. Treffen der AG Bildung", f"title: {long_title}"), encoding="utf-8"
    )
    document = _write(network, tmp_path / "protokoll.docx", "minutes", MINUTES)
    assert len(document.core_properties.title) == 255
    assert document.core_properties.title.endswith("…")
    assert any(p.text.endswith("Sehr lange Sitzung Ende") for p in document.paragraphs)


def test_the_same_document_gives_the_same_bytes(network: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    _write(network, first, "minutes", MINUTES)
    _write(network, second, "minutes", MINUTES)
    assert first.read_bytes() == second.read_bytes()


def test_the_networks_letterhead_is_the_paper(network: Path, tmp_path: Path) -> None:
    letterhead = docx.Document()
    letterhead.sections[0].header.paragraphs[0].text = "Freiwilligenagentur Bocholt · Briefkopf"
    letterhead.add_paragraph("Platzhalter, der nicht im Protokoll stehen darf")
    (network / "templates").mkdir()
    letterhead.save(str(network / "templates" / "briefkopf.docx"))
    document = _write(network, tmp_path / "protokoll.docx", "minutes", MINUTES)
    assert (
        document.sections[0].header.paragraphs[0].text == "Freiwilligenagentur Bocholt · Briefkopf"
    )
    texts = [p.text for p in document.paragraphs]
    assert "Platzhalter, der nicht im Protokoll stehen darf" not in texts
    assert texts[0] == "Protokoll: 7. Treffen der AG Bildung"


def test_a_broken_letterhead_is_a_message(network: Path, tmp_path: Path) -> None:
    (network / "templates").mkdir()
    (network / "templates" / "briefkopf.docx").write_text("kein Word", encoding="utf-8")
    target = tmp_path / "protokoll.docx"
    result = runner.invoke(app, ["-C", str(network), "minutes", MINUTES, "-o", str(target)])
    assert result.exit_code == 1 and "templates/briefkopf.docx" in result.stderr
    assert not target.exists()


def test_libreoffice_opens_it(network: Path, tmp_path: Path) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    source = tmp_path / "protokoll.docx"
    _write(network, source, "minutes", MINUTES)
    profile = (tmp_path / "profile").as_uri()  # its own profile: no state shared with a user
    subprocess.run(
        [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "protokoll.pdf"), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert "Protokoll: 7. Treffen der AG Bildung" in text and "Referentinnen" in text
