"""The editor schemas: every example file passes an independent draft-07 validator
reading YAML the way editors do (1.2), typos fail, and the committed copies match."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator
from typer.testing import CliRunner

from netzwerkctl.cli import app
from netzwerkctl.schema import FILES, KINDS, schema_file, schema_for, schema_text

EXAMPLE = Path(__file__).parents[1] / "examples" / "stadt-bocholt"


class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2 core schema, as the VS Code YAML extension reads files: 18:30 and
    2021-03-15 are strings, `no` is a string, 0287112345 is an integer."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^[-+]?[0-9]+$", list("-+0123456789")),
    ("float", r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", list("-+.0123456789")),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
):
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern), first)


def _decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    return int(loader.construct_scalar(node), 10)  # 1.2: 0287112345 is decimal, not octal


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _decimal)


def _kind_of(rel: str) -> str:
    if rel == "netzwerk.yaml":
        return "netzwerk"
    folder = rel.split("/", 1)[0]
    return next(k for k, patterns in FILES.items() if patterns[0].startswith(folder + "/"))


def _files() -> list[str]:
    return sorted(
        p.relative_to(EXAMPLE).as_posix()
        for p in EXAMPLE.rglob("*.yaml")
        if ".schemas" not in p.parts
    )


def _validate(kind: str, data: Any) -> list[str]:
    validator = Draft7Validator(schema_for(kind))
    return [f"{'.'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(data)]


def test_schemas_are_valid_draft_07() -> None:
    for kind in KINDS:
        Draft7Validator.check_schema(schema_for(kind))
        text = schema_text(kind)
        assert '"$defs"' not in text and '"format": "time"' not in text


@pytest.mark.parametrize("rel", _files())
def test_every_example_file_passes(rel: str) -> None:
    data = yaml.load((EXAMPLE / rel).read_text(encoding="utf-8"), Loader=Yaml12Loader)
    assert _validate(_kind_of(rel), data) == []


def test_a_misspelled_key_and_a_bad_date_fail() -> None:
    data = yaml.load(
        (EXAMPLE / "partners/caritas-bocholt.yaml").read_text(encoding="utf-8"), Loader=Yaml12Loader
    )
    data["contacts"][0]["emial"] = data["contacts"][0].pop("email")
    data["joined"] = "15.13.2016x"
    errors = _validate("partner", data)
    assert any("emial" in e for e in errors) and any(e.startswith("joined") for e in errors)


@pytest.mark.parametrize(
    ("key", "value", "accepted"),
    [
        ("date", "2021-03-15", True),
        ("date", "1.3.2021", True),
        ("date", "31.12.2021", True),
        ("date", "2021-13-01", False),  # the editor marks it while typing, as check does
        ("date", "2021-03-45", False),
        ("date", "32.01.2021", False),
        ("start", "9:05", True),
        ("start", "23:59", True),
        ("start", "24:00", False),
        ("start", "18:60", False),
        ("date", "\u0662\u0660\u0662\u0661-03-15", False),  # Arabic-Indic digits
        ("start", "\u0661\u0668:30", False),
    ],
)
def test_dates_and_times_as_the_editor_and_check_take_them(
    key: str, value: str, accepted: bool
) -> None:
    """The editor's patterns and `check` agree: months and days in range, hours and
    minutes of a day, ASCII digits only (check reads no other digits either)."""
    from pydantic import ValidationError

    from netzwerkctl.model import Meeting

    meeting = {"group": "ag", "date": "2021-03-15", "status": "planned", key: value}
    assert (_validate("meeting", meeting) == []) == accepted
    try:
        Meeting.model_validate(meeting)
    except ValidationError:
        assert not accepted
    else:
        assert accepted


def test_times_and_german_yes_no_as_editors_see_them() -> None:
    meeting = {"group": "ag", "date": "2021-03-15", "start": "18:30", "status": "held"}
    assert _validate("meeting", meeting) == []
    assert _validate("meeting", {**meeting, "start": "18.30 Uhr"}) != []
    contact = {
        "name": "X",
        "kind": "other",
        "status": "active",
        "contacts": [{"id": "x", "name": "X", "decision_maker": "ja", "phone": 287112345}],
    }
    assert _validate("partner", contact) == []


@pytest.mark.parametrize(
    ("value", "model_accepts"),
    [
        ("Ja", True),
        ("JA", True),
        ("Yes", True),
        ("True", True),
        (" nein ", True),
        ("N", True),
        ("vielleicht", False),
        ("jaa", False),
    ],
)
def test_yes_no_in_the_schema_is_exactly_what_check_accepts(
    value: str, model_accepts: bool
) -> None:
    from pydantic import ValidationError

    from netzwerkctl.model import Contact

    try:
        Contact.model_validate({"id": "x", "name": "X", "decision_maker": value})
        accepted = True
    except ValidationError:
        accepted = False
    contact = {"id": "x", "name": "X", "decision_maker": value}
    partner = {"name": "X", "kind": "other", "status": "active", "contacts": [contact]}
    assert accepted == model_accepts
    assert (_validate("partner", partner) == []) == model_accepts


@pytest.mark.parametrize(
    "value", ["12", " 12 ", "0.31", "1140.50", "-3", "1.000", "1.140,00", "1,5", "zehn", "1e3"]
)
def test_numbers_in_quotes_pass_the_schema_exactly_when_check_accepts_them(value: str) -> None:
    from pydantic import ValidationError

    from netzwerkctl.model import Project

    project = {"name": "U", "kind": "survey", "status": "done", "figures": {"quote": value}}
    try:
        Project.model_validate(project)
        accepted = True
    except ValidationError:
        accepted = False
    assert (_validate("project", project) == []) == accepted
    assert accepted == (value.strip() in {"12", "0.31", "1140.50", "-3"})


def test_whole_numbers_in_quotes() -> None:
    meeting = {"group": "ag", "date": "2021-03-15", "status": "planned"}
    item = {"title": "Begrüßung"}
    assert _validate("meeting", {**meeting, "agenda": [{**item, "duration": "10"}]}) == []
    assert _validate("meeting", {**meeting, "agenda": [{**item, "duration": "zehn"}]}) != []


def test_descriptions_are_german_hover_help() -> None:
    partner = schema_for("partner")
    assert partner["properties"]["expertise"]["description"].startswith("Stichworte")
    assert partner["definitions"]["Contact"]["properties"]["consent"]["description"].startswith(
        "Einwilligung in die Speicherung (DSGVO)"
    )
    rules = schema_for("netzwerk")["properties"]["rules"]
    assert rules["description"] == "Regeln des Netzwerks." and "$ref" not in rules


@pytest.mark.parametrize("kind", list(KINDS))
def test_committed_schemas_match_the_models(kind: str) -> None:
    committed = (EXAMPLE / ".schemas" / schema_file(kind)).read_text(encoding="utf-8")
    assert committed == schema_text(kind), (
        "run: netzwerkctl -C examples/stadt-bocholt schema --write"
    )


def test_schema_command(tmp_path: Path) -> None:
    runner = CliRunner()
    one = runner.invoke(app, ["schema", "meeting"])
    assert one.exit_code == 0 and json.loads(one.stdout)["title"].startswith("Eine Sitzung")
    assert set(json.loads(runner.invoke(app, ["schema"]).stdout)) == set(KINDS)
    assert runner.invoke(app, ["schema", "sitzung"]).exit_code == 2
    (tmp_path / "netzwerk.yaml").write_text("name: X\n", encoding="utf-8")
    written = runner.invoke(app, ["-C", str(tmp_path), "schema", "--write"])
    assert written.exit_code == 0
    assert sorted(p.name for p in (tmp_path / ".schemas").iterdir()) == sorted(
        schema_file(k) for k in KINDS
    )


def test_allowed_values_carry_their_german_words() -> None:
    """VS Code shows `enumDescriptions` while typing: held – stattgefunden."""
    import json

    from netzwerkctl.schema import schema_text

    text = schema_text("meeting")
    assert '"stattgefunden"' in text and '"Beschluss"' in text
    partner = json.loads(schema_text("partner"))
    status = partner["properties"]["status"]
    assert dict(zip(status["enum"], status["enumDescriptions"], strict=True))["active"] == "aktiv"


def test_the_schemas_speak_the_networks_language() -> None:
    german = schema_for("meeting", "de")["properties"]["status"]
    english = schema_for("meeting", "en")["properties"]["status"]
    assert german["description"] == "planned, held (hat stattgefunden) oder cancelled."
    assert english["description"] == "planned, held or cancelled."
    assert schema_for("partner", "en")["title"] == "A partner with its contact persons"
    for kind in KINDS:
        text = schema_text(kind, "en")
        assert not re.search(r"[äöüß]|\b(der|die|und|oder)\b", text), kind


def _undescribed(node: object, path: str) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        for key, prop in node.get("properties", {}).items():
            if "description" not in prop:
                found.append(f"{path}.{key}")
        for key, value in node.items():
            found += _undescribed(value, f"{path}/{key}")
    elif isinstance(node, list):
        for child in node:
            found += _undescribed(child, path)
    return found


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_key_has_a_description(kind: str) -> None:
    assert _undescribed(schema_for(kind), kind) == []
