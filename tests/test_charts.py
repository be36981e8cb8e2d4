"""The report's SVG charts: numbers in the document's language, labels never cut into
something two groups share."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from netzwerkctl.cli import app
from netzwerkctl.present.charts import bars, columns, label_lines
from netzwerkctl.present.render import number_formats

EXAMPLE = Path(__file__).parents[1] / "examples" / "stadt-bocholt"


def test_amounts_are_formatted_for_the_language() -> None:
    items = [("Volksbank", 1275.0), ("Sparkasse", 820.5)]
    german = bars("Beiträge", items, number_formats("de")["eur_whole"])
    assert "1.275\u00a0€" in german and "820,50\u00a0€" in german
    english = bars("Contributions", items, number_formats("en")["eur_whole"])
    assert "€1,275" in english and "€820.50" in english
    assert "1.275" not in english
    counts = columns("Partner", [("2020", 1200.0)], number_formats("de")["number"])
    assert ">1.200<" in counts


def test_long_labels_wrap_instead_of_being_cut() -> None:
    names = [
        "Steuerungsgruppe Engagierte Stadt Bocholt",
        "Steuerungsgruppe Engagierte Stadt Rhede",
    ]
    svg = bars("Sitzungen", [(n, 3.0) for n in names], number_formats("de")["number"])
    assert "…" not in svg
    for name in names:
        for word in name.split():
            assert f">{word}" in svg or f" {word}" in svg
    assert label_lines(names)[0] != label_lines(names)[1]


def test_labels_cut_after_four_lines_still_differ() -> None:
    common = "Arbeitsgemeinschaft für " * 8
    lines = label_lines([common + "Nord", common + "Süd", "kurz"])
    assert lines[2] == ["kurz"]
    assert all(len(group) <= 4 for group in lines)
    assert lines[0] != lines[1]


def test_the_html_report_of_the_example_has_german_amounts_in_its_charts(tmp_path: Path) -> None:
    target = tmp_path / "bericht.html"
    result = CliRunner().invoke(app, ["-C", str(EXAMPLE), "report", "2021", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    html = target.read_text(encoding="utf-8")
    charts = "".join(re.findall(r"<svg.*?</svg>", html, re.S))
    assert "\u00a0€" in charts and "…" not in charts
    assert not re.search(r"\d\.\d\d?\u00a0€", charts)  # no English decimals in German


def test_a_chart_tells_a_screen_reader_its_title_and_data() -> None:
    from netzwerkctl.present.charts import bars

    svg = bars("Sitzungen je Gruppe", [("AG <Bildung>", 2), ("AG Nachwuchs", 3)], str)
    assert 'role="img" aria-label="Sitzungen je Gruppe"' in svg
    assert "<title>Sitzungen je Gruppe</title>" in svg
    assert "<desc>AG &lt;Bildung&gt;: 2; AG Nachwuchs: 3</desc>" in svg
