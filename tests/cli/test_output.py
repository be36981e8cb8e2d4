"""-o chooses the format from the file's ending in every command that writes one;
--format wins, and an ending that contradicts it is an error, not a surprise."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLE_NETWORK
from netzwerkctl.cli import app

runner = CliRunner()
TODAY = ["--today", "2022-09-01"]


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("output") / "net"
    shutil.copytree(EXAMPLE_NETWORK, root, ignore=shutil.ignore_patterns(".netzwerkctl"))
    return root


@pytest.mark.parametrize(
    ("args", "name", "starts"),
    [
        (["partners", *TODAY], "partner.csv", "\ufeffKennung;Name;"),
        (["partners", *TODAY], "partner.json", "["),
        (["remind", *TODAY], "erinnerungen.ics", "BEGIN:VCALENDAR"),
        (["remind", *TODAY], "erinnerungen.json", "["),
        (["person", "maria-schulte", *TODAY], "auskunft.json", "{"),
        (["market"], "markt.md", "<!-- netzwerkctl"),
        (["report", "2021"], "bericht.json", "{"),
        (["agenda", "ag-bildung", *TODAY], "einladung.html", "<!DOCTYPE html>"),
    ],
)
def test_the_ending_of_the_file_chooses_the_format(
    network: Path, tmp_path: Path, args: list[str], name: str, starts: str
) -> None:
    target = tmp_path / name
    result = runner.invoke(app, ["-C", str(network), *args, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith(starts)


def test_an_unknown_ending_or_one_against_format_is_refused(network: Path, tmp_path: Path) -> None:
    unknown = runner.invoke(app, ["-C", str(network), "partners", "-o", str(tmp_path / "p.txt")])
    assert unknown.exit_code == 2
    assert ".md, .json, .csv" in unknown.stderr
    clash = ["-C", str(network), "remind", *TODAY, "-f", "md", "-o", str(tmp_path / "r.json")]
    result = runner.invoke(app, clash)
    assert result.exit_code == 2 and "--format md" in result.stderr
    assert not (tmp_path / "p.txt").exists() and not (tmp_path / "r.json").exists()
