"""Problem output: text, JSON and GitHub annotations, and the summary line."""

from __future__ import annotations

import json
from datetime import date

from netzwerkctl.present.problems import as_github, as_json, as_text_line, summary
from netzwerkctl.problems import Location, problem, sort_problems

P = problem("NW104", Location("meetings/2021/a.yaml", 3, 7), key="date", value="30.02.2021")
W = problem("NW502", Location("partners/b.yaml", 6, 5), person="carla")


def test_text_line_is_compiler_style() -> None:
    assert as_text_line(P) == (
        "meetings/2021/a.yaml:3:7: error NW104 „30.02.2021“ ist kein gültiges Datum (date). "
        "Schreiben Sie 2021-03-15 oder 15.03.2021 (Jahre 1900 bis 2999)."
    )
    assert as_text_line(P, "en").startswith("meetings/2021/a.yaml:3:7: error NW104 '30.02.2021'")


def test_text_line_without_line_or_column() -> None:
    p = problem("NW207", Location("partners/a.yaml"), id="a", other="x")
    assert as_text_line(p).startswith("partners/a.yaml: error NW207 ")


def test_json_has_the_documented_keys() -> None:
    rows = json.loads(as_json([P, W]))
    assert rows[0] == {
        "file": "meetings/2021/a.yaml",
        "line": 3,
        "column": 7,
        "severity": "error",
        "code": "NW104",
        "message": P.message(),
    }
    assert rows[1]["severity"] == "warning"


def test_github_annotations_escape_data_and_properties() -> None:
    tricky = problem(
        "NW119",
        Location("partners/a,b:c.yaml", 2, 1),
        key="name",
        detail="100% falsch\nzweite Zeile",
    )
    out = as_github([tricky])
    assert out == (
        "::error file=partners/a%2Cb%3Ac.yaml,line=2,col=1,title=NW119::"
        "name: 100%25 falsch%0Azweite Zeile\n"
    )
    windows = problem("NW119", Location("a.yaml", 1), key="k", detail="eins\r\nzwei")
    assert as_github([windows]).endswith("::k: eins%0D%0Azwei\n")
    assert as_github([windows], prefix="netze/bocholt/").startswith(
        "::error file=netze/bocholt/a.yaml,"
    )
    assert as_github([W]).startswith("::warning file=partners/b.yaml,line=6,col=5,title=NW502::")


def test_summary_in_both_languages_with_singular_and_plural() -> None:
    assert summary([P, P, W, W], 41) == "2 Fehler, 2 Warnungen in 41 Dateien"
    assert summary([P, W], 1) == "1 Fehler, 1 Warnung in 1 Datei"
    assert summary([P, W, W], 2, "en") == "1 error, 2 warnings in 2 files"
    assert summary([], 3, "en") == "0 errors, 0 warnings in 3 files"


def test_sorting_by_file_line_and_column_removes_exact_duplicates() -> None:
    late = problem("NW502", Location("partners/b.yaml", 9, 1), person="x")
    assert sort_problems([late, W, P, W]) == [P, W, late]


def test_german_messages_show_german_dates_but_never_rewrite_text() -> None:
    p = problem("NW406", Location("m.yaml", 1), date=date(2022, 9, 21))
    assert "21.09.2022" in p.message("de")
    assert "2022-09-21" in p.message("en")
    written = problem("NW104", Location("m.yaml", 1), key="date", value="2022-09-31")
    assert "„2022-09-31“" in written.message("de")
