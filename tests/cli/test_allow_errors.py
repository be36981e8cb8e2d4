"""Nothing is published or sent from a network with errors, unless `--allow-errors`:
then every document says that it is incomplete and what is missing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import text_of
from netzwerkctl.cli import app
from test_mail import Inbox, smtp

runner = CliRunner()
BROKEN = "meetings/2021/2021-03-15-ag-bildung.yaml"
TODAY = ["--today", "2022-09-01"]


@pytest.fixture
def broken(example: Path) -> Path:
    """The example with one malformed field: `excused` as text, not as a list."""
    path = example / BROKEN
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("excused: [martina-ebbing]", "excused: martina-ebbing"), "utf-8")
    return example


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["-C", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


def test_the_report_is_refused_and_then_complete_but_for_one_field(
    broken: Path, tmp_path: Path
) -> None:
    target = tmp_path / "bericht.json"
    code, out, err = run(broken, "report", "2021", "-o", str(target))
    assert code == 1 and out == "" and not target.exists()
    assert f"{BROKEN}:15:1: error NW103" in err and "--allow-errors" in err
    code, _, err = run(broken, "report", "2021", "-o", str(target), "--allow-errors")
    assert code == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["meetings"]["held"] == 10  # the meeting is kept: only `excused` is left out
    assert data["incomplete"] == {
        "files": [BROKEN],
        "unnamed_files": 0,
        "omitted": [
            {
                "kind": "meeting",
                "id": "2021-03-15-ag-bildung",
                "file": BROKEN,
                "fields": [["excused"]],
            }
        ],
    }
    assert f"  - Sitzung 2021-03-15-ag-bildung ({BROKEN}): ohne excused" in err


def test_the_notice_never_names_a_private_person(example: Path) -> None:
    """A partner of kind individual is never named in the report; the notice of an
    incomplete report keeps that promise (file and id counted, not named), and so does
    a partner file that cannot be read at all, whose kind is unknown. stderr, read by
    the coordinator only, names both."""
    (example / "partners/hans-meier.yaml").write_text(
        "name: Hans Meier\nkind: individual\nstatus: active\njoined: 2020-05-01\n"
        "hobby: Modellbau\n",
        encoding="utf-8",
    )
    (example / "partners/erika-muster.yaml").write_text("name: [Erika Muster\n", "utf-8")
    code, out, err = run(example, "report", "2021", "--allow-errors")
    assert code == 0, err
    assert "Fehler in: 2 Partnerdateien, hier nicht genannt." in out, out
    assert "ein Partner, hier nicht genannt: ohne hobby" in out
    for private in ("meier", "Meier", "muster", "Muster"):
        assert private not in out, private
    assert "Partner hans-meier (partners/hans-meier.yaml): ohne hobby" in err
    assert "partners/erika-muster.yaml" in err
    code, out, err = run(example, "report", "2021", "--allow-errors", "-f", "json")
    incomplete = json.loads(out)["incomplete"]
    assert incomplete["files"] == [] and incomplete["unnamed_files"] == 2
    assert {"kind": "partner", "id": None, "file": None, "fields": [["hobby"]]} in (
        incomplete["omitted"]
    )
    assert "meier" not in out and "muster" not in out


def test_a_complete_report_says_so_in_json(example: Path) -> None:
    code, out, _ = run(example, "report", "2021", "-f", "json")
    assert code == 0 and json.loads(out)["incomplete"] is None


@pytest.mark.parametrize(
    ("args", "seen"),
    [
        (["report", "2021"], "> **Unvollständig: Dieses Dokument wurde aus einem Netzwerk"),
        (["report", "2021", "-f", "html"], "<strong>Unvollständig: Dieses Dokument"),
        (["agenda", "2022-09-14-ag-vereine-wirtschaft", *TODAY], "> **Unvollständig:"),
        (["minutes", "2021-03-15-ag-bildung"], "> **Unvollständig:"),
        (["minutes", "2021-03-15-ag-bildung", "--lang", "en"], "> **Incomplete: this document"),
        (["calendar", *TODAY], "X-WR-CALNAME:Engagierte Stadt Bocholt (unvollständig)"),
        (["remind", *TODAY], "Unvollständig:"),
        (["remind", "-f", "md", *TODAY], "> **Unvollständig:"),
        (["remind", "-f", "json", *TODAY], '"incomplete": {'),
        (["remind", "-f", "ics", *TODAY], "X-WR-CALDESC:Unvollständig"),
        (["partners", *TODAY], "Unvollständig:"),
        (["partners", "-f", "md", *TODAY], "> **Unvollständig:"),
        (["partners", "-f", "json", *TODAY], '"incomplete": {'),
        (["partners", "-f", "csv", *TODAY], "Unvollständig: Dieses Dokument"),
        (["market"], "> **Unvollständig:"),
        (["market", "-f", "json"], '"incomplete": {'),
        (["match", "Bildung", *TODAY], "> **Unvollständig:"),
        (["person", "maria-schulte", *TODAY], "> **Unvollständig:"),
        (["person", "maria-schulte", "-f", "json", *TODAY], '"incomplete": {'),
    ],
)
def test_every_document_is_refused_or_says_it_is_incomplete(
    broken: Path, args: list[str], seen: str
) -> None:
    code, out, err = run(broken, *args)
    assert (code, out) == (1, ""), args
    assert f"{BROKEN}:15:1: error NW103" in err
    code, out, err = run(broken, *args, "--allow-errors")
    assert code == 0, err
    assert seen in out.replace("\r\n ", ""), args  # ICS folds long lines
    assert "ohne excused" in err


def test_nothing_is_sent_from_a_network_with_errors(
    broken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NETZWERKCTL_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("NETZWERKCTL_SMTP_FROM", "FA <fa@example.org>")
    monkeypatch.setenv("NETZWERKCTL_SMTP_SECURITY", "none")
    inbox = Inbox()
    with smtp(inbox) as port:
        monkeypatch.setenv("NETZWERKCTL_SMTP_PORT", str(port))
        code, _, _ = run(broken, "remind", "--send", "--today", "2022-09-01")
        assert code == 1 and inbox.received == []
        assert not (broken / "postausgang").exists()
        code, _, err = run(broken, "remind", "--send", "--today", "2022-09-01", "--allow-errors")
    assert code == 0, err
    assert inbox.received
    for _, msg in inbox.received:
        assert "Unvollständig: Dieses Dokument wurde aus einem Netzwerk mit Fehlern" in (
            text_of(msg)
        )


def test_warnings_never_stop_a_command(example: Path) -> None:
    from datetime import date

    from netzwerkctl.check import check_network

    later = date(2023, 1, 1)  # meetings of late 2022 still "planned": warnings only
    problems = check_network(example, later).problems
    assert problems and all(p.severity == "warning" for p in problems)
    code, out, _ = run(example, "remind", "-f", "json", "--today", "2023-01-01")
    assert code == 0 and "incomplete" not in out
