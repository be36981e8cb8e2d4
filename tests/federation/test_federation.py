"""`netzwerkctl federation fetch|check|report` over real git repositories made in a
temporary folder and reached by file:// URLs: a programme with a good network, the
example network, a broken one, an unreachable one, one that publishes its exports,
and a history rewritten between runs. The totals are the sums of the networks' own
`report --format json`; the report names no person and is the same bytes twice."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLE_NETWORK, write_network
from netzwerkctl.cli import app
from netzwerkctl.load import load_network
from netzwerkctl.mentions import EMAIL, PHONE

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
runner = CliRunner()
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Koordination",
    "GIT_AUTHOR_EMAIL": "koordination@example.org",
    "GIT_COMMITTER_NAME": "Koordination",
    "GIT_COMMITTER_EMAIL": "koordination@example.org",
    "GIT_AUTHOR_DATE": "2022-01-10T12:00:00+01:00",
    "GIT_COMMITTER_DATE": "2022-01-10T12:00:00+01:00",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args],
        cwd=folder,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def repository(folder: Path) -> str:
    """Commit everything in `folder` into a new repository; its file:// URL."""
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "Netzwerk")
    return folder.resolve().as_uri()


@pytest.fixture
def programme(tmp_path: Path) -> Path:
    """programm.yaml in `tmp_path/programm`, the networks' repositories beside it."""
    repos = tmp_path / "repos"
    good = write_network(repos / "gut")
    example = repos / "beispiel"
    shutil.copytree(EXAMPLE_NETWORK, example, ignore=shutil.ignore_patterns(".netzwerkctl"))
    broken = write_network(repos / "kaputt", {"partners/x.yaml": "name: X\nkind: bank\n"})
    published = write_network(repos / "veroeffentlicht")
    for year in ("2021", "2020"):
        result = runner.invoke(app, ["-C", str(published), "export", "--public", year])
        assert result.exit_code == 0, result.stderr
        (tmp_path / f"export-{year}.json").write_text(result.stdout, encoding="utf-8")
    home = tmp_path / "programm"
    home.mkdir()
    (home / "programm.yaml").write_text(
        f"""\
name: Engagierte Stadt
networks:
  - id: gut
    name: Gutes Netz
    city: Teststadt
    url: {repository(good)}
  - id: beispiel
    name: Engagierte Stadt Bocholt
    city: Bocholt
    url: {repository(example)}
    ref: main
  - id: kaputt
    name: Kaputtes Netz
    url: {repository(broken)}
  - id: weg
    name: Unerreichbar
    url: {(tmp_path / "gibt-es-nicht").resolve().as_uri()}
  - id: veroeffentlicht
    name: Veröffentlichtes Netz
    export: ../export-{{year}}.json
""",
        encoding="utf-8",
    )
    return home / "programm.yaml"


def run(registry: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["federation", *args, "--registry", str(registry)])
    return result.exit_code, result.stdout, result.stderr


def test_fetch_check_report(programme: Path, tmp_path: Path) -> None:
    code, out, _err = run(programme, "fetch")
    assert code == 1  # one network could not be fetched; the others were
    lines = dict(line.split(": ", 1) for line in out.splitlines() if ": " in line)
    assert lines["gut"].startswith("geklont (") and lines["beispiel"].startswith("geklont (")
    assert lines["weg"].startswith("FEHLGESCHLAGEN") and "gibt-es-nicht" in lines["weg"]
    cache = programme.parent / "netze"
    # no copy of the one that failed, but a note that its fetch failed
    assert sorted(p.name for p in cache.iterdir()) == [".weg.stale", "beispiel", "gut", "kaputt"]
    assert subprocess.run(
        ["git", "-C", str(cache / "gut"), "rev-parse", "--is-shallow-repository"],
        capture_output=True, text=True, check=True,
    ).stdout.strip() == "true"  # fmt: skip

    code, out, _err = run(programme, "fetch")  # again: nothing new
    assert "gut: unverändert" in out

    code, out, _err = run(programme, "check", "--today", "2022-01-01")
    assert code == 1
    table = {line.split()[0]: line.split()[1:] for line in out.splitlines()[2:] if line.strip()}
    assert table["gut"][0] == "0" and table["kaputt"][0] != "0"
    assert table["weg"][:2] == ["Abruf", "fehlgeschlagen"]  # it was tried, and failed

    code, out, err = run(programme, "report", "2021", "-f", "json", "--today", "2022-01-01")
    assert code == 1 and "nicht gezählt" in err  # kaputt and weg are left out, and said so
    report = json.loads(out)
    assert report["included"] == ["gut", "beispiel", "veroeffentlicht"]
    status = {n["id"]: n["status"] for n in report["networks"]}
    assert status == {
        "gut": "complete",
        "beispiel": "complete",
        "kaputt": "errors",
        "weg": "unreachable",
        "veroeffentlicht": "complete",
    }
    weg = next(n for n in report["networks"] if n["id"] == "weg")
    assert weg["reason"] == "fetch-failed"  # not "not fetched yet": it was tried
    md = run(programme, "report", "2021", "--today", "2022-01-01")[1]
    assert "(nicht erreichbar): sein Repository ließ sich nicht abrufen" in md
    assert "5 Netzwerke sind eingetragen. Davon sind 3 in den Zahlen unten gezählt." in md
    assert "federation fetch" not in md  # no instruction in what the office publishes
    own = [
        json.loads(runner.invoke(app, ["-C", str(root), "report", "2021", "-f", "json"]).stdout)
        for root in (
            tmp_path / "repos/gut",
            tmp_path / "repos/beispiel",
            tmp_path / "repos/veroeffentlicht",
        )
    ]
    t = report["totals"]
    assert t["partners"]["active_end"] == sum(o["partners"]["active_end"] for o in own)
    assert t["meetings"]["held"] == sum(o["meetings"]["held"] for o in own)
    assert t["meetings"]["cancelled"] == sum(o["meetings"]["cancelled"] for o in own)
    for key in ("raised", "done", "open_end", "overdue_end"):
        assert t["tasks"][key] == sum(o["tasks"][key] for o in own)
    assert t["contributions"]["total_eur"] == pytest.approx(
        sum(o["contributions"]["total_eur"] for o in own)
    )
    assert t["awards"]["granted"] == sum(o["awards"]["granted"] for o in own)
    for key in ("offers", "needs", "deals"):
        assert t["marketplace"][key] == sum(o["marketplace"][key] for o in own)
    assert t["patrons"]["current"] == sum(o["patrons"]["overall"]["current"] for o in own)
    kinds: dict[str, int] = {}
    for o in own:
        for k, n in o["partners"]["by_kind"].items():
            kinds[k] = kinds.get(k, 0) + n
    assert t["partners"]["by_kind"] == dict(sorted(kinds.items()))
    commits = {n["id"]: n["data_version"] for n in report["networks"] if n["data_version"]}
    assert commits["gut"]["commit"] and commits["gut"]["commit_date"] == "2022-01-10"

    md = run(programme, "report", "2021", "--today", "2022-01-01")[1]
    assert "Kaputtes Netz" in md and "Unerreichbar" in md  # listed, not counted
    assert md == run(programme, "report", "2021", "--today", "2022-01-01")[1]  # same bytes
    allowed = json.loads(
        run(programme, "report", "2021", "-f", "json", "--allow-errors", "--today", "2022-01-01")[1]
    )
    assert "kaputt" in allowed["included"]


def test_nothing_personal_in_the_programme_report(programme: Path, tmp_path: Path) -> None:
    run(programme, "fetch")
    outputs = {
        fmt: run(programme, "report", "2021", "-f", fmt, "--today", "2022-01-01")[1]
        for fmt in ("md", "html", "json")
    }
    persons = [
        p.contact.name
        for root in (tmp_path / "repos/gut", tmp_path / "repos/beispiel")
        for p in load_network(root).network.persons.values()
    ]
    for name, text in outputs.items():
        flat = " ".join(text.split())
        assert not EMAIL.search(flat) and not PHONE.search(flat), name
        for person in persons:
            assert person.casefold() not in flat.casefold(), (name, person)


def test_a_rewritten_history_is_fetched_again(programme: Path, tmp_path: Path) -> None:
    run(programme, "fetch")
    good = tmp_path / "repos/gut"
    marketplace = good / "marketplace/markt.yaml"
    marketplace.write_text(
        marketplace.read_text("utf-8").replace("date: 2021-06-12", "date: 2020-06-12"),
        encoding="utf-8",
    )
    git(good, "commit", "-q", "--amend", "-a", "-m", "Netzwerk, neu geschrieben")
    _code, out, _err = run(programme, "fetch")
    assert "gut: aktualisiert" in out
    report = json.loads(run(programme, "report", "2021", "-f", "json", "--today", "2022-01-01")[1])
    gut = next(n for n in report["networks"] if n["id"] == "gut")
    assert gut["figures"]["marketplace"]["events"] == 0  # the market moved to 2020


def test_an_interrupted_clone_is_started_again(programme: Path) -> None:
    cache = programme.parent / "netze"
    (cache / ".gut.partial").mkdir(parents=True)
    (cache / ".gut.partial" / "halb").write_text("x")
    run(programme, "fetch")
    assert not (cache / ".gut.partial").exists() and (cache / "gut" / "netzwerk.yaml").is_file()


def test_a_symbolic_link_in_a_repository_stays_a_plain_file(
    tmp_path: Path, make_network: Callable[..., Path]
) -> None:
    root = make_network()
    secret = tmp_path / "geheim.yaml"
    secret.write_text("name: geheim\n")
    (root / "partners" / "link.yaml").symlink_to(secret)
    registry = tmp_path / "programm.yaml"
    registry.write_text(
        f"name: P\nnetworks:\n  - id: n\n    name: N\n    url: {repository(root)}\n",
        encoding="utf-8",
    )
    run(registry, "fetch")
    fetched = tmp_path / "netze" / "n" / "partners" / "link.yaml"
    assert not fetched.is_symlink() and fetched.read_text() == str(secret)


def test_a_registry_with_errors_does_nothing(tmp_path: Path) -> None:
    registry = tmp_path / "programm.yaml"
    registry.write_text("name: P\nnetworks:\n  - id: x\n    name: X\n    url: ext::sh\n")
    code, _out, err = run(registry, "fetch")
    assert code == 1 and "programm.yaml:5:" in err and "NW703" in err
    assert not (tmp_path / "netze").exists()
    code, _out, err = run(tmp_path / "fehlt.yaml", "fetch")
    assert code == 2 and "fehlt.yaml" in err


def test_the_report_as_a_page_with_charts_and_as_pdf(programme: Path, tmp_path: Path) -> None:
    from netzwerkctl.present.pdf import pdf_unavailable

    run(programme, "fetch")
    page = tmp_path / "programmbericht.html"
    code, _out, err = run(programme, "report", "2021", "-o", str(page))
    assert code == 1, err  # written, but not every network is counted
    html = page.read_text("utf-8")
    assert html.count("<svg") == 2 and "Programmbericht 2021" in html
    assert "Patenschaften von Partnern für Arbeitsgruppen" in html
    english = run(programme, "report", "2021", "--lang", "en")[1]
    assert "Programme report 2021" in english and "Partnerinnen" not in english
    if pdf_unavailable() is not None:
        pytest.skip(f"no PDF here: {pdf_unavailable()}")
    pdf = tmp_path / "programmbericht.pdf"
    run(programme, "report", "2021", "-o", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")


def test_published_exports_that_are_broken_or_of_another_year_are_not_counted(
    tmp_path: Path,
) -> None:
    root = write_network(tmp_path / "netz")
    good = runner.invoke(app, ["-C", str(root), "export", "--public", "2021"]).stdout
    (tmp_path / "falsch-2021.json").write_text('{"schemaVersion": 1, "year": "x"}')
    (tmp_path / "alt-2021.json").write_text(good.replace('"year": 2021', '"year": 2020'))
    (tmp_path / "gut-2021.json").write_text(good)
    (tmp_path / "immer.json").write_text(good)  # an address without {year}
    registry = tmp_path / "programm.yaml"
    registry.write_text(
        "name: P\nnetworks:\n"
        "  - id: falsch\n    name: Falsch\n    export: ./falsch-{year}.json\n"
        "  - id: alt\n    name: Alt\n    export: ./alt-{year}.json\n"
        "  - id: fehlt\n    name: Fehlt\n    export: ./fehlt-{year}.json\n"
        "  - id: gut\n    name: Gut\n    export: ./gut-{year}.json\n"
        "  - id: immer\n    name: Immer\n    export: ./immer.json\n",
        encoding="utf-8",
    )
    code, out, _err = run(registry, "report", "2021", "-f", "json")
    report = json.loads(out)
    assert code == 1 and report["included"] == ["gut", "immer"]
    status = {n["id"]: (n["status"], n["reason"]) for n in report["networks"]}
    assert status["falsch"] == ("invalid", "not-an-export")
    assert status["alt"] == ("invalid", "wrong-year")
    assert status["fehlt"] == ("unreachable", "unreadable")
    assert report["previous_totals"] is None  # no export of 2020 (and 2021 twice is none)
    md = run(registry, "report", "2021")[1]
    assert "der gefundene Export ist aus einem anderen Jahr" in md
    assert "die Datei ist kein öffentlicher Export (an der Stelle year)" in md
    assert "Kein Vergleich mit dem Vorjahr" in md


def test_a_published_network_founded_after_the_year_is_listed_not_counted(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    """A network that publishes its exports and was founded in 2022 has no export of
    2021 (`export` makes none): its 2022 export says when it was founded, so it is
    listed as founded later, like a network read from git — not "not reachable". A
    network whose following export says nothing of a later founding stays missing."""
    from conftest import BASE

    young = make_network(
        {
            "netzwerk.yaml": "name: Junges Netz\nfounded: 2022-03-01\nlanguage: de\n",
            "partners/bank.yaml": BASE["partners/bank.yaml"].replace("2016", "2022"),
        },
        base=False,
    )
    made = runner.invoke(app, ["-C", str(young), "export", "--public", "2022"])
    assert made.exit_code == 0, made.stderr
    (tmp_path / "jung-2022.json").write_text(made.stdout, encoding="utf-8")
    assert runner.invoke(app, ["-C", str(young), "export", "--public", "2021"]).exit_code == 2
    old = write_network(tmp_path / "alt")  # founded 2016: its missing 2021 export is missing
    made = runner.invoke(app, ["-C", str(old), "export", "--public", "2022"])
    (tmp_path / "alt-2022.json").write_text(made.stdout, encoding="utf-8")
    registry = tmp_path / "programm.yaml"
    registry.write_text(
        "name: P\nnetworks:\n"
        "  - id: jung\n    name: Junges Netz\n    export: ./jung-{year}.json\n"
        "  - id: alt\n    name: Altes Netz\n    export: ./alt-{year}.json\n",
        encoding="utf-8",
    )
    code, out, _err = run(registry, "report", "2021", "-f", "json", "--today", "2022-06-01")
    status = {n["id"]: (n["status"], n["reason"]) for n in json.loads(out)["networks"]}
    assert status == {"jung": ("later", "founded-later"), "alt": ("unreachable", "unreadable")}
    assert code == 1  # for the old network only
    md = run(registry, "report", "2021", "--today", "2022-06-01")[1]
    assert "- **Junges Netz** (noch nicht gegründet): gegründet am 01.03.2022" in md, md
    # two years before: its first export (2022) tells as well
    code, out, _err = run(registry, "report", "2020", "-f", "json", "--today", "2022-06-01")
    early = {n["id"]: n["status"] for n in json.loads(out)["networks"]}
    assert early["jung"] == "later"


def test_a_lock_left_by_a_killed_run_is_cleared_by_a_fresh_clone(programme: Path) -> None:
    run(programme, "fetch")
    cache = programme.parent / "netze"
    (cache / "gut" / ".git" / "shallow.lock").write_text("")
    (cache / "gut" / ".git" / "index.lock").write_text("")
    _code, out, _err = run(programme, "fetch")
    assert "gut: geklont" in out
    assert not (cache / "gut" / ".git" / "index.lock").exists()


def test_a_network_that_cannot_be_fetched_again_is_counted_from_its_last_copy(
    programme: Path, tmp_path: Path
) -> None:
    run(programme, "fetch")
    (tmp_path / "repos" / "gut").rename(tmp_path / "repos" / "weg-verschoben")
    code, out, _err = run(programme, "fetch")
    assert code == 1 and "gut: FEHLGESCHLAGEN" in out
    md = run(programme, "report", "2021")[1]
    assert "Gutes Netz (letzter Abruf gescheitert: Daten des vorigen Abrufs)" in md
    report = json.loads(run(programme, "report", "2021", "-f", "json")[1])
    gut = next(n for n in report["networks"] if n["id"] == "gut")
    assert gut["stale"] is True and "gut" in report["included"]


def test_a_network_founded_after_the_year_is_listed_not_counted(tmp_path: Path) -> None:
    """A network founded in 2022, with nothing before, had no 2021: its zeros would make
    the programme look larger than it was. Listed with its founding day, not counted —
    and no fault of anyone's (exit 0). In 2022 it counts. (A network with entries from
    before its founding counts from its first entry, as `report` does.)"""
    from conftest import BASE

    repos = tmp_path / "repos"
    good = write_network(repos / "gut")
    young = write_network(  # founded in 2022, every entry from then on
        repos / "jung",
        {
            "netzwerk.yaml": "name: Junges Netz\nfounded: 2022-03-01\nlanguage: de\n",
            "partners/bank.yaml": BASE["partners/bank.yaml"].replace("2016", "2022"),
        },
        base=False,
    )
    registry = tmp_path / "programm.yaml"
    registry.write_text(
        f"name: Programm\nnetworks:\n"
        f"  - id: gut\n    name: Gutes Netz\n    url: {repository(good)}\n"
        f"  - id: jung\n    name: Junges Netz\n    url: {repository(young)}\n",
        encoding="utf-8",
    )
    assert run(registry, "fetch")[0] == 0
    code, out, err = run(registry, "report", "2021", "-f", "json", "--today", "2022-06-01")
    assert code == 0, err
    report = json.loads(out)
    assert report["included"] == ["gut"]
    assert {n["id"]: n["status"] for n in report["networks"]} == {
        "gut": "complete",
        "jung": "later",
    }
    md = run(registry, "report", "2021", "--today", "2022-06-01")[1]
    assert "- **Junges Netz** (noch nicht gegründet): gegründet am 01.03.2022" in md, md
    code, out, _err = run(registry, "report", "2022", "-f", "json", "--today", "2022-06-01")
    assert code == 0 and json.loads(out)["included"] == ["gut", "jung"]
