"""`netzwerkctl export --public YEAR`: the public export validates against its
published JSON Schema (checked by jsonschema, not by the models that wrote it), its
figures are those of the network's own report, and it names no person."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
from typer.testing import CliRunner

from conftest import EXAMPLE_NETWORK
from netzwerkctl.cli import app
from netzwerkctl.federation.export import read_export, schema, schema_text

runner = CliRunner()
PACKAGED = Path(__file__).parents[2] / "src" / "netzwerkctl" / "federation"
DOCS = Path(__file__).parents[2] / "docs"

# A partner of kind individual is a person: counted, never named — also not as a
# patron, a contributor or the recipient of an award.
INDIVIDUAL = {
    "partners/hanna.yaml": """\
name: Hanna Hollstein
kind: individual
status: active
joined: 2019-01-01
""",
    "groups/ag.yaml": """\
name: AG Bildung
kind: working
host: fa
patrons: [bank, hanna]
lead: anna
started: 2016-01-01
members:
  - person: anna
    since: 2016-01-01
  - person: bernd
    since: 2016-01-01
""",
    "meetings/2021/2021-06-01-ag.yaml": """\
group: ag
date: 2021-06-01
status: planned
location: Garten von Hanna Hollstein
""",
    "partners/bank.yaml": """\
name: Volksbank Teststadt
kind: bank
status: former
joined: 2016-01-01
left: 2022-06-30
contacts:
  - id: bernd
    name: Bernd Brink
    decision_maker: ja
    intro_talk: 2016-01-01
    consent: 2016-01-01
""",
    "projects/preis.yaml": """\
name: Ehrenamtspreis 2021
kind: award
status: done
date: 2021-10-01
contributions:
  - partner: hanna
    kind: money
    value_eur: 50
  - partner: bank
    kind: money
    value_eur: 500
awards:
  - to: hanna
    date: 2021-10-01
  - to: Maria Muster
    date: 2021-10-01
  - to: verein
    date: 2021-10-01
""",
}


def export(root: Path, year: str = "2021", *extra: str) -> dict[str, Any]:
    result = runner.invoke(app, ["-C", str(root), "export", "--public", year, *extra])
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_the_export_validates_against_the_published_schema() -> None:
    data = export(EXAMPLE_NETWORK)
    published = json.loads((PACKAGED / "public-export.schema.json").read_text("utf-8"))
    assert published == schema()  # the file shipped is the one the models describe
    assert (DOCS / "public-export.schema.json").read_text("utf-8") == schema_text()
    jsonschema.Draft202012Validator.check_schema(published)
    jsonschema.Draft202012Validator(published).validate(data)
    assert data["schemaVersion"] == 1 and data["generator"] == "netzwerkctl"
    broken = {**data, "schemaVersion": 2}
    assert list(jsonschema.Draft202012Validator(published).iter_errors(broken))


def test_the_figures_are_those_of_the_networks_own_report() -> None:
    data = export(EXAMPLE_NETWORK)
    own = json.loads(
        runner.invoke(app, ["-C", str(EXAMPLE_NETWORK), "report", "2021", "-f", "json"]).stdout
    )
    f = data["figures"]
    assert isinstance(f, dict)
    assert f["partners"]["active_end"] == own["partners"]["active_end"]
    assert f["partners"]["by_kind"] == own["partners"]["by_kind"]
    assert f["meetings"]["held"] == own["meetings"]["held"]
    assert f["meetings"]["decisions"] == sum(
        g["decisions"] for g in own["meetings"]["groups"].values()
    )
    assert f["tasks"] == {k: own["tasks"][k] for k in f["tasks"]}
    assert f["contributions"]["total_eur"] == own["contributions"]["total_eur"]
    assert {k: v["eur"] for k, v in f["contributions"]["by_kind"].items()} == {
        k: v
        for k, v in own["contributions"]["by_kind"].items()
        if v or k in f["contributions"]["by_kind"]
    }
    assert f["awards"] == own["awards"]
    assert {k: f["marketplace"][k] for k in ("offers", "needs", "deals")} == own["marketplace"]
    assert f["patrons"]["current"] == own["patrons"]["overall"]["current"]


def test_individuals_are_counted_and_never_named(make_network: Callable[..., Path]) -> None:
    root = make_network(INDIVIDUAL)
    data = export(root)
    text = json.dumps(data, ensure_ascii=False)
    for name in ("Hanna", "hanna", "Hollstein", "Maria Muster", "Anna", "anna", "Bernd", "Carla"):
        assert name not in text, name
    assert data["individuals"] == 1
    assert [g["patrons"] for g in data["groups"]] == [["bank"]]
    contributions = {c["partner"]: c["eur"] for c in data["contributions"]}
    assert contributions == {"bank": 1640.0, None: 50.0}  # postage of the survey + prize money
    assert [a["partner"] for a in data["awards"]] == [None, None, "verein", "verein"]
    assert {"award", "survey", "patronage", "marketplace"} <= set(data["practices"])
    # the bank left in 2022: at the end of 2021 it was a partner
    assert {p["id"]: p["status"] for p in data["partners"]}["bank"] == "active"
    # ... and its leaving in 2022 is no part of the 2021 export (history, not today)
    assert {p["id"]: p["left"] for p in data["partners"]}["bank"] is None
    assert "Garten von [Name entfernt]" in [m["place"] for m in data["meetings"]]


def test_same_data_same_bytes_and_a_file_it_may_replace(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    args = ["-C", str(EXAMPLE_NETWORK), "export", "--public", "2021"]
    first = runner.invoke(app, [*args, "-o", str(target)])
    assert first.exit_code == 0, first.stderr
    again = runner.invoke(app, [*args, "-o", str(target)])
    assert again.exit_code == 0, again.stderr  # made by netzwerkctl: replaced
    assert target.read_bytes() == runner.invoke(app, args).stdout_bytes
    assert read_export(target.read_bytes()).year == 2021


def test_without_public_or_year_it_says_what_is_missing() -> None:
    result = runner.invoke(app, ["-C", str(EXAMPLE_NETWORK), "export", "2021"])
    assert result.exit_code == 2 and "--public" in result.stderr
    result = runner.invoke(app, ["-C", str(EXAMPLE_NETWORK), "export", "--public"])
    assert result.exit_code == 2 and "2021" in result.stderr


def test_no_export_of_zeros_for_a_year_the_network_did_not_exist_in(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    """As `report`: a year before the network's first year, or one not begun, has no
    figures — an export of zeros would make a programme look larger than it was."""
    from datetime import date

    root = make_network()  # founded: 2016-01-01
    target = tmp_path / "export.json"
    for year, said in (
        (2015, "Die Daten des Netzwerks beginnen 2016"),
        (date.today().year + 1, "hat noch nicht begonnen"),
    ):
        args = ["-C", str(root), "export", "--public", str(year), "-o", str(target)]
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and said in result.stderr, result.output
        assert not target.exists()
    assert export(root, "2016")["year"] == 2016


def test_a_network_with_errors_exports_nothing_unless_allowed(
    make_network: Callable[..., Path],
) -> None:
    root = make_network({"partners/kaputt.yaml": "name: Kaputt\nkind: bank\n"})
    result = runner.invoke(app, ["-C", str(root), "export", "--public", "2021"])
    assert result.exit_code == 1 and not result.stdout
    allowed = export(root, "2021", "--allow-errors")
    assert allowed["files_with_errors"] == 1


def test_the_schema_is_printed() -> None:
    result = runner.invoke(app, ["export", "--schema"])
    assert result.exit_code == 0 and json.loads(result.stdout) == schema()
