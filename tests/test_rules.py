"""Every problem code has a network that triggers it, at the expected file and line.

CASES maps each code to a patch over the clean BASE network and the location the
problem must point at; a test makes sure no code in the catalogue goes untested.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import BASE, TODAY, Files, Symlink
from netzwerkctl.check import CheckResult
from netzwerkctl.codes import CODES

M = "meetings/2021/2021-03-15-ag.yaml"


def _replace(rel: str, old: str, new: str) -> dict[str, str]:
    assert old in BASE[rel], f"{old!r} not in {rel}"
    return {rel: BASE[rel].replace(old, new, 1)}


PARTNER = "name: X\nkind: other\nstatus: active\n"

# code -> (patch, file, line); line None means "any line".
CASES: dict[str, tuple[Files, str, int | None]] = {
    "NW001": (
        {"partners/alt.yaml": "name: Müller\nkind: other\nstatus: active\n".encode("cp1252")},
        "partners/alt.yaml",
        1,
    ),
    "NW002": ({"partners/leer.yaml": ""}, "partners/leer.yaml", 1),
    "NW003": ({"partners/tab.yaml": "name: X\ncontacts:\n\t- id: x\n"}, "partners/tab.yaml", 3),
    "NW004": ({"reports/2020.yaml": "title: Bericht: 2020\n"}, "reports/2020.yaml", 1),
    "NW005": ({"partners/doppelt.yaml": PARTNER + "name: Y\n"}, "partners/doppelt.yaml", 4),
    "NW006": (
        {"partners/tag.yaml": PARTNER + "notes: !!python/object:os.system x\n"},
        "partners/tag.yaml",
        4,
    ),
    "NW007": (
        {"partners/alias.yaml": PARTNER + "expertise: &e [a]\ncluster: *e\n"},
        "partners/alias.yaml",
        5,
    ),
    "NW008": ({"partners/liste.yaml": "- name: X\n"}, "partners/liste.yaml", 1),
    "NW009": (
        {"partners/gross.yaml": PARTNER + "notes: " + "x" * (5 * 1024 * 1024) + "\n"},
        "partners/gross.yaml",
        1,
    ),
    "NW010": (
        {"partners/tief.yaml": PARTNER + "notes: " + "[" * 50 + "]" * 50 + "\n"},
        "partners/tief.yaml",
        4,
    ),
    "NW011": ({"partners/key.yaml": PARTNER + "[a]: b\n"}, "partners/key.yaml", 4),
    "NW012": ({"partners/Caritas Bocholt.yaml": PARTNER}, "partners/Caritas Bocholt.yaml", 1),
    "NW013": ({"reports/bericht.yaml": "title: X\n"}, "reports/bericht.yaml", 1),
    "NW014": (
        {"partners/kaputt.yaml": Symlink("gibt-es-nicht.yaml")},
        "partners/kaputt.yaml",
        None,
    ),
    "NW015": ({"partner/caritas.yaml": PARTNER}, "partner/", None),
    "NW101": (_replace("partners/fa.yaml", "    email:", "    emial:"), "partners/fa.yaml", 8),
    "NW102": ({"partners/ohne.yaml": "kind: other\nstatus: active\n"}, "partners/ohne.yaml", 1),
    "NW103": (
        _replace(
            "partners/bank.yaml", "expertise: [Finanzen, Vereinsbuchhaltung]", "expertise: Finanzen"
        ),
        "partners/bank.yaml",
        4,
    ),
    "NW104": (_replace(M, "date: 2021-03-15", "date: 2021-02-30"), M, 2),
    "NW105": (_replace(M, "start: 18:00", "start: 18 Uhr"), M, 3),
    "NW106": (_replace("partners/bank.yaml", "kind: bank", "kind: bnak"), "partners/bank.yaml", 2),
    "NW107": (
        _replace("partners/fa.yaml", "decision_maker: ja", "decision_maker: vielleicht"),
        "partners/fa.yaml",
        9,
    ),
    "NW108": (_replace("groups/ag.yaml", "lead: anna", "lead: Anna Albers"), "groups/ag.yaml", 6),
    "NW109": (
        _replace("projects/umfrage.yaml", "value_eur: 1140.00", "value_eur: 1.140,00"),
        "projects/umfrage.yaml",
        20,
    ),
    "NW110": (
        _replace("groups/ag.yaml", "meets_every_weeks: 8", "meets_every_weeks: 0"),
        "groups/ag.yaml",
        8,
    ),
    "NW111": (
        _replace("partners/fa.yaml", "anna@example.org", "anna(at)example.org"),
        "partners/fa.yaml",
        8,
    ),
    "NW112": (
        _replace("netzwerk.yaml", "language: de", "language: de\ntimezone: Europe/Bocholt"),
        "netzwerk.yaml",
        5,
    ),
    "NW113": (_replace("groups/ag.yaml", "name: AG Bildung", "name:"), "groups/ag.yaml", 1),
    "NW201": (_replace("groups/ag.yaml", "host: fa", "host: fa-teststadt"), "groups/ag.yaml", 4),
    "NW202": (_replace(M, "minutes_by: bernd", "minutes_by: bernt"), M, 7),
    "NW203": (
        _replace("projects/umfrage.yaml", "group: ag", "group: ag-bildung"),
        "projects/umfrage.yaml",
        3,
    ),
    "NW204": (_replace(M, "project: umfrage", "project: umfrage-2021"), M, 24),
    "NW205": (
        _replace("marketplace/markt.yaml", "  - offer: o1", "  - offer: o2"),
        "marketplace/markt.yaml",
        14,
    ),
    "NW206": (
        _replace("marketplace/markt.yaml", "need: n1\n    agreed", "need: n2\n    agreed"),
        "marketplace/markt.yaml",
        15,
    ),
    "NW207": ({"partners/alt/fa.yaml": PARTNER}, "partners/fa.yaml", 1),
    "NW208": (
        {
            "partners/zwei.yaml": PARTNER
            + "contacts:\n  - id: anna\n    name: Anna Zwei\n    consent: 2020-01-01\n"
        },
        "partners/zwei.yaml",
        5,
    ),
    "NW209": (
        _replace(
            "marketplace/markt.yaml",
            "    kind: expertise\nneeds:",
            "    kind: expertise\n"
            "  - id: o1\n    partner: fa\n    what: Räume\n    kind: rooms\nneeds:",
        ),
        "marketplace/markt.yaml",
        8,
    ),
    "NW301": (
        _replace(
            "partners/verein.yaml", "joined: 2017-01-01", "joined: 2017-01-01\nleft: 2016-12-31"
        ),
        "partners/verein.yaml",
        5,
    ),
    "NW302": (_replace(M, "due: 2021-04-30", "due: 2021-03-01"), M, 22),
    "NW303": (_replace(M, "done: 2021-04-20", "done: 2022-04-20"), M, 23),
    "NW304": (_replace(M, 'end: "20:00"', 'end: "17:00"'), M, 4),
    "NW305": (
        _replace("projects/umfrage.yaml", "valid_until: 2023-11-04", "valid_until: 2021-11-05"),
        "projects/umfrage.yaml",
        24,
    ),
    "NW401": (
        _replace("groups/ag.yaml", "started: 2016-01-01", "started: 2016-01-01\nended: 2020-12-31"),
        M,
        2,
    ),
    "NW402": (_replace(M, "invited: [carla]", "invited: []"), M, 9),
    "NW403": (
        _replace(
            M, "present: [anna, bernd, carla]", "present: [anna, bernd, carla]\nexcused: [carla]"
        ),
        M,
        9,
    ),
    "NW404": (
        _replace("partners/verein.yaml", "intro_talk: 2017-01-01", "intro_talk: 2021-03-16"),
        M,
        9,
    ),
    "NW405": (_replace(M, "present: [anna, bernd, carla]\n", ""), M, 5),
    "NW406": (
        {"meetings/2021/2021-12-01-ag.yaml": "group: ag\ndate: 2021-12-01\nstatus: planned\n"},
        "meetings/2021/2021-12-01-ag.yaml",
        3,
    ),
    "NW407": (
        {
            "meetings/2021/2021-12-01-ag.yaml": (
                "group: ag\ndate: 2021-12-01\nstatus: cancelled\nexcused: [anna]\n"
            )
        },
        "meetings/2021/2021-12-01-ag.yaml",
        4,
    ),
    "NW408": (
        {"meetings/2021/sitzung.yaml": "group: ag\ndate: 2021-12-01\nstatus: cancelled\n"},
        "meetings/2021/sitzung.yaml",
        1,
    ),
    "NW501": (
        _replace("groups/ag.yaml", "patrons: [bank,", "patrons: [kirche,"),
        "groups/ag.yaml",
        5,
    ),
    "NW502": (
        _replace("partners/verein.yaml", "    consent: 2017-01-01\n", ""),
        "partners/verein.yaml",
        6,
    ),
    "NW601": (
        _replace(
            "marketplace/markt.yaml",
            "    what: Beratung Vereinsbuchhaltung\n    kind: expertise",
            "    what: 500 Euro\n    kind: Geld",
        ),
        "marketplace/markt.yaml",
        7,
    ),
    "NW602": (
        _replace("marketplace/markt.yaml", "    partner: verein", "    partner: bank"),
        "marketplace/markt.yaml",
        14,
    ),
}


# NW119 is the safety net for validation errors without a code of their own; no valid
# network reaches it, so it is shown with a model that produces such an error.
FALLBACK = "NW119"


def test_every_code_has_a_case() -> None:
    assert sorted(CASES) == sorted(set(CODES) - {FALLBACK})


def test_unmapped_validation_errors_fall_back_to_nw119() -> None:
    from pydantic import BaseModel, Field, ValidationError

    from netzwerkctl.translate import validation_problems
    from netzwerkctl.yamlio import read_document

    class Short(BaseModel):
        name: str = Field(max_length=3)

    doc = read_document(b"name: zu lang\n", "x.yaml")
    with pytest.raises(ValidationError) as info:
        Short.model_validate(doc.data)
    [hit] = validation_problems(info.value, doc, Short)
    assert (hit.code, hit.line, hit.column) == (FALLBACK, 1, 1)
    assert hit.message("de").startswith("name: ")


def test_base_network_is_clean(run_check: Callable[..., CheckResult]) -> None:
    assert run_check().problems == []


@pytest.mark.parametrize("code", sorted(CASES))
def test_code_is_reported_where_the_fault_is(
    code: str, run_check: Callable[..., CheckResult]
) -> None:
    patch, file, line = CASES[code]
    problems = run_check(patch).problems
    hits = [p for p in problems if p.code == code]
    assert hits, f"{code} not reported; got {[(p.code, p.file, p.line) for p in problems]}"
    assert any(p.file == file and (line is None or p.line == line) for p in hits), [
        (p.file, p.line) for p in hits
    ]
    # every message renders in both languages without leftover placeholders
    for p in hits:
        for lang in ("de", "en"):
            text = p.message(lang)
            assert "{" not in text and text.strip()


def test_one_run_reports_a_dozen_faults_each_at_its_line(
    run_check: Callable[..., CheckResult],
) -> None:
    chosen = [
        "NW001",
        "NW003",
        "NW005",
        "NW012",
        "NW013",
        "NW101",
        "NW104",
        "NW106",
        "NW205",
        "NW208",
        "NW301",
        "NW305",
        "NW406",
        "NW501",
    ]
    patch: dict[str, str | bytes | Symlink | None] = {}
    for code in chosen:
        for rel, content in CASES[code][0].items():
            assert rel not in patch, f"cases overlap in {rel}"
            patch[rel] = content
    problems = run_check(patch).problems
    found = {(p.code, p.file, p.line) for p in problems}
    for code in chosen:
        _, file, line = CASES[code]
        assert any(
            c == code and f == file and (line is None or ln == line) for c, f, ln in found
        ), code


def test_did_you_mean_for_keys_ids_and_choices(run_check: Callable[..., CheckResult]) -> None:
    for code, expected in (
        ("NW101", "email"),
        ("NW106", "bank"),
        ("NW201", "fa"),
        ("NW202", "bernd"),
    ):
        [hit] = [p for p in run_check(CASES[code][0]).problems if p.code == code]
        assert dict(hit.args)["suggestion"] == expected
        assert f"„{expected}“" in hit.message("de")


def test_a_broken_partner_file_does_not_cascade(run_check: Callable[..., CheckResult]) -> None:
    # bank.yaml fails validation; references to the bank and to bernd stay quiet.
    patch = _replace("partners/bank.yaml", "kind: bank", "kind: bnak")
    assert [p.code for p in run_check(patch).problems] == ["NW106"]
    unreadable = {"partners/bank.yaml": "name: [unclosed\n"}
    codes = [p.code for p in run_check(unreadable).problems]
    assert "NW201" not in codes and codes.count("NW004") == 1


def test_today_decides_what_is_in_the_future(run_check: Callable[..., CheckResult]) -> None:
    patch = CASES["NW406"][0]
    assert "NW406" not in [p.code for p in run_check(patch, today=date(2021, 11, 30)).problems]
    assert "NW406" in [p.code for p in run_check(patch, today=TODAY).problems]


def test_intro_talk_rule_only_when_required(run_check: Callable[..., CheckResult]) -> None:
    patch = dict(CASES["NW404"][0])
    patch.update(
        _replace("netzwerk.yaml", "intro_talk_required: true", "intro_talk_required: nein")
    )
    assert run_check(patch).problems == []


def test_member_until_excludes_later_meetings(run_check: Callable[..., CheckResult]) -> None:
    patch = _replace(
        "groups/ag.yaml", "    since: 2016-02-01", "    since: 2016-02-01\n    until: 2021-03-14"
    )
    [hit] = run_check(patch).problems
    assert (hit.code, dict(hit.args)["person"]) == ("NW402", "bernd")


def test_upper_case_suffix_is_read_and_its_name_refused(
    run_check: Callable[..., CheckResult],
) -> None:
    [hit] = run_check({"partners/Caritas.YAML": PARTNER}).problems
    assert (hit.code, hit.file, dict(hit.args)["slug"]) == (
        "NW012",
        "partners/Caritas.YAML",
        "caritas",
    )


def test_links_out_of_the_network_and_hidden_files_are_not_read(
    run_check: Callable[..., CheckResult], tmp_path: Path
) -> None:
    outside = tmp_path / "draussen.yaml"
    outside.write_text("kaputt: [\n", encoding="utf-8")
    patch: Files = {
        "partners/link.yaml": Symlink(str(outside)),
        "partners/.entwurf.yaml": "kaputt: [\n",
        ".git/x.yaml": "kaputt: [\n",
        "notizen/x.yaml": "kaputt: [\n",  # an unknown folder, not close to a known one
        "partners/README.md": "kein YAML",
    }
    assert run_check(patch).problems == []


def test_problems_are_sorted_by_file_and_line(run_check: Callable[..., CheckResult]) -> None:
    patch = {**CASES["NW101"][0], **CASES["NW302"][0], **CASES["NW002"][0]}
    problems = run_check(patch).problems
    keys = [(p.file, p.line or 0) for p in problems]
    assert keys == sorted(keys)
