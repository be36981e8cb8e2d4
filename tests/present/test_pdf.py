"""PDF/A for sending and archiving: read back with pikepdf (metadata, structure, fonts),
with poppler's tools (text, a page as PNG), from the example network's documents."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from typer.testing import CliRunner

from conftest import EXAMPLE_NETWORK
from netzwerkctl.cli import app
from netzwerkctl.present import pdf as pdf_module

runner = CliRunner()
TODAY = ["--today", "2022-09-01"]
AGENDA = "2022-09-14-ag-vereine-wirtschaft"
DRAFT = "2022-07-06-ag-vereine-wirtschaft"


def _available() -> str | None:
    try:
        pdf_module.to_pdf("<html lang='de'><title>t</title><p>x</p></html>")
    except pdf_module.PdfUnavailable as exc:
        return str(exc)
    return None


pytestmark = pytest.mark.skipif(
    _available() is not None, reason=f"WeasyPrint cannot run here: {_available()}"
)


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pdf") / "net"
    shutil.copytree(EXAMPLE_NETWORK, root, ignore=shutil.ignore_patterns(".netzwerkctl"))
    return root


def _write(network: Path, target: Path, *args: str) -> pikepdf.Pdf:
    result = runner.invoke(app, ["-C", str(network), *args, "-o", str(target)])
    assert result.exit_code == 0, result.output
    return pikepdf.open(target)


def _text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def _fonts(pdf: pikepdf.Pdf) -> list[tuple[str, bool]]:
    """Every font used on any page: its name and whether its program is embedded."""
    found = []
    for page in pdf.pages:
        for font in page.Resources.get("/Font", {}).values():
            descendants = font.get("/DescendantFonts")
            described = descendants[0] if descendants else font
            descriptor: Any = described.get("/FontDescriptor", {})
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found.append((str(font.BaseFont), embedded))
    return found


def test_the_invitation_is_one_page_of_pdf_a(network: Path, tmp_path: Path) -> None:
    target = tmp_path / "einladung.pdf"
    pdf = _write(network, target, "agenda", AGENDA, *TODAY)
    assert len(pdf.pages) == 1  # the typical meeting fits on one A4 page
    width, height = (float(v) for v in pdf.pages[0].MediaBox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4
    with pdf.open_metadata() as meta:
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "A"
        assert (
            meta["dc:title"] == "Einladung: Sitzung AG Zusammenarbeit von Vereinen und Wirtschaft"
        )
    assert bool(pdf.Root.MarkInfo.Marked)  # tagged
    assert "/StructTreeRoot" in pdf.Root
    assert str(pdf.Root.Lang) == "de"
    fonts = _fonts(pdf)
    assert fonts and all(embedded for _name, embedded in fonts), fonts
    assert all("netzwerkctl-DejaVu-Sans" in name for name, _e in fonts), fonts  # ours only
    text = _text(target)
    assert "Liebe Mitglieder der AG Zusammenarbeit von Vereinen und Wirtschaft," in text
    assert "Mit freundlichen Grüßen" in text and "Seite 1 von 1" in text


def test_the_same_document_gives_the_same_bytes(network: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    _write(network, first, "agenda", AGENDA, *TODAY)
    _write(network, second, "agenda", AGENDA, *TODAY)
    assert first.read_bytes() == second.read_bytes()


def _reddish(png: Path) -> int:
    """Pixels of the light red of the draft watermark."""
    from PIL import Image  # comes with WeasyPrint

    with Image.open(png) as image:
        data = image.convert("RGB").tobytes()
    pixels = zip(data[0::3], data[1::3], data[2::3], strict=True)
    return sum(1 for r, g, b in pixels if r > 200 and r - g > 15 and abs(g - b) < 10)


def test_a_draft_protokoll_says_so_on_every_page(network: Path, tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    draft, approved = tmp_path / "entwurf.pdf", tmp_path / "genehmigt.pdf"
    pages = len(_write(network, draft, "minutes", DRAFT).pages)
    _write(network, approved, "minutes", "2021-03-15-ag-bildung")
    assert "ENTWURF – noch nicht genehmigt" in _text(draft)
    for pdf in (draft, approved):
        subprocess.run(
            ["pdftoppm", "-r", "20", "-png", str(pdf), str(tmp_path / pdf.stem)], check=True
        )
    watermarked = [_reddish(p) for p in sorted(tmp_path.glob("entwurf-*.png"))]
    assert len(watermarked) == pages and all(n > 100 for n in watermarked), watermarked
    assert all(_reddish(p) == 0 for p in tmp_path.glob("genehmigt-*.png"))
    assert "ENTWURF" not in _text(approved)


def test_the_report_has_page_numbers_and_its_charts(network: Path, tmp_path: Path) -> None:
    target = tmp_path / "bericht.pdf"
    pdf = _write(network, target, "report", "2021")
    pages = len(pdf.pages)
    assert pages > 3
    text = _text(target)
    assert f"Seite 1 von {pages}" in text and f"Seite {pages} von {pages}" in text
    assert "Engagementbericht 2021" in text and "Sitzungen je Gruppe" in text  # a chart
    assert "Steuerungsgruppe" in text and "Engagi…" not in text  # chart labels whole


def test_a_page_renders_as_an_image(network: Path, tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    target = tmp_path / "anwesenheit.pdf"
    _write(network, target, "attendance", AGENDA, *TODAY)
    subprocess.run(
        ["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", str(target), str(tmp_path / "p")],
        check=True,
    )
    [image] = list(tmp_path.glob("p*.png"))
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and image.stat().st_size > 2000


def test_a_pdf_needs_a_file_and_says_what_is_missing(
    network: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    to_stdout = runner.invoke(app, ["-C", str(network), "report", "2021", "-f", "pdf"])
    assert to_stdout.exit_code == 2 and "-o DATEI.pdf" in to_stdout.stderr

    def missing(html: str) -> bytes:
        raise pdf_module.PdfUnavailable("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(pdf_module, "to_pdf", missing)
    target = tmp_path / "x.pdf"
    result = runner.invoke(app, ["-C", str(network), "report", "2021", "-o", str(target)])
    assert result.exit_code == 1 and "Pango" in result.stderr and not target.exists()


def test_the_certificate_is_one_page_without_page_numbers(network: Path, tmp_path: Path) -> None:
    target = tmp_path / "urkunde.pdf"
    pdf = _write(
        network, target, "certificate", "siegel-freiwillige-willkommen", "--to", "awo-bocholt"
    )
    assert len(pdf.pages) == 1
    text = _text(target)
    assert "Urkunde" in text and "AWO" in text and "Seite" not in text


def test_a_network_from_scratch_gives_the_same_papers(tmp_path: Path) -> None:
    root = tmp_path / "neu"
    made = runner.invoke(app, ["init", str(root), "--today", "2026-01-15"])
    assert made.exit_code == 0, made.output
    meeting = next((root / "meetings").rglob("*.yaml")).stem
    for args, name in (
        (["agenda", meeting, "--today", "2026-01-15"], "einladung.pdf"),
        (["attendance", meeting, "--today", "2026-01-15"], "anwesenheit.pdf"),
        (["report", "2026"], "bericht.pdf"),
    ):
        pdf = _write(root, tmp_path / name, *args)
        assert len(pdf.pages) >= 1
        with pdf.open_metadata() as meta:
            assert meta["pdfaid:part"] == "2"
    assert len(pikepdf.open(tmp_path / "einladung.pdf").pages) == 1
    assert "Liebe Mitglieder" in _text(tmp_path / "einladung.pdf")


def test_a_pdf_loads_nothing_from_outside(tmp_path: Path) -> None:
    import http.server
    import threading

    requests: list[str] = []

    class Counting(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_error(404)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Counting)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    from PIL import Image  # comes with WeasyPrint

    secret = tmp_path / "geheim.png"
    Image.new("RGB", (4, 4), "red").save(secret)
    try:
        url = f"http://127.0.0.1:{server.server_port}"
        html = (
            f'<html lang="de"><head><title>t</title><link rel="stylesheet" href="{url}/a.css">'
            f'</head><body><img src="{url}/b.png"><img src="{secret.as_uri()}">'
            f'<img src="../../../../etc/hostname"><p>Text</p></body></html>'
        )
        pdf = pdf_module.to_pdf(html)
    finally:
        server.shutdown()
        thread.join()
    assert requests == []
    with pikepdf.open(io.BytesIO(pdf)) as document:
        resources = document.pages[0].Resources
        assert len(resources.get("/XObject", {})) == 0  # the local picture was not read


def test_a_typical_invitation_fits_on_one_page(network: Path, tmp_path: Path) -> None:
    """The Ahrensburg-sized meeting: five items, an open task, nine invitees — with
    long names of items and organisations."""
    meeting = network / "meetings" / "2022" / f"{AGENDA}.yaml"
    text = meeting.read_text(encoding="utf-8")
    text = text.replace("invited: [julia-bomers]", "invited: [julia-bomers, maria-schulte]")
    text += (
        "  - title: Bericht aus der Steuerungsgruppe und aus den anderen Arbeitsgruppen\n"
        "    duration: 15\n    by: claudia-rademacher\n"
        "  - title: Verschiedenes, Termine und Wünsche für die nächste Sitzung\n"
        "    duration: 10\n"
    )
    copy = tmp_path / "net"
    shutil.copytree(network, copy)
    (copy / "meetings" / "2022" / f"{AGENDA}.yaml").write_text(text, encoding="utf-8")
    target = tmp_path / "einladung.pdf"
    pdf = _write(copy, target, "agenda", AGENDA, *TODAY)
    listed = _text(target)
    assert "Verschiedenes, Termine" in listed and "Maria Schulte" in listed
    assert len(pdf.pages) == 1
