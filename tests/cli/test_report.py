"""`netzwerkctl report YEAR`: exact figures, outputs, privacy, provenance."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from netzwerkctl.cli import app
from report_network import EXPECTED_JSON, REPORT

runner = CliRunner()
EXAMPLE = Path(__file__).parents[2] / "examples" / "stadt-bocholt"


def report(root: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["-C", str(root), "report", "2021", *args])
    return result.exit_code, result.stdout


def test_json_figures_are_exact(make_network: Callable[..., Path]) -> None:
    code, out = report(make_network(REPORT), "--format", "json")
    assert code == 0
    data = json.loads(out)
    for section, expected in EXPECTED_JSON.items():
        if isinstance(expected, dict):
            assert {k: data[section][k] for k in expected} == expected, section
        else:
            assert data[section] == expected
    assert data["patrons"]["overall"] == {
        "original": 1,
        "stayed": 1,
        "joined": 2,
        "left": 1,
        "current": 2,
        "joined_in_year": 0,
        "left_in_year": 1,
    }
    assert data["meetings"]["groups"]["ag"]["attendance"] == 0.8
    assert data["participation"] == [  # by name, not ranked
        {"partner": "fa", "meetings": 2, "attended": 2},
        {"partner": "verein", "meetings": 1, "attended": 1},
        {"partner": "bank", "meetings": 2, "attended": 1},
    ]
    assert data["partners"]["approached_in_year"] == ["kirche"]
    assert [p["id"] for p in data["projects"]] == ["fest", "laeuft", "umfrage"]


def test_attendance_never_exceeds_all_present(make_network: Callable[..., Path]) -> None:
    """Bernd's contact ends, by a wrong year, before the meeting he attended (only a
    warning): he was there, so he counts as expected too — 3 of 3, not 3 of 2 (150 %);
    his partner's participation counts that meeting."""
    from conftest import BASE

    bank = BASE["partners/bank.yaml"].replace(
        "    consent: 01.02.2016\n", "    consent: 01.02.2016\n    until: 2020-12-31\n"
    )
    root = make_network({"partners/bank.yaml": bank})
    code, out = report(root, "--format", "json")
    assert code == 0, out
    data = json.loads(out)
    assert data["meetings"]["groups"]["ag"]["attendance"] == 1.0
    assert {"partner": "bank", "meetings": 1, "attended": 1} in data["participation"]


def test_example_tells_the_seed_figures() -> None:
    code, out = report(EXAMPLE)
    assert code == 0
    assert (
        "Von den 11 ursprünglichen Patinnen und Paten sind 11 geblieben; 5 sind später hinzugekommen."
        in out
    )
    data = json.loads(report(EXAMPLE, "--format", "json")[1])
    assert (
        data["patrons"]["overall"]["original"] == 11 and data["patrons"]["overall"]["joined"] == 5
    )


def _contact_data() -> list[str]:
    found = []
    for path in (EXAMPLE / "partners").glob("*.yaml"):
        for contact in yaml.safe_load(path.read_text(encoding="utf-8")).get("contacts") or []:
            for key in ("email", "phone"):
                if contact.get(key):
                    found.append(str(contact[key]))
    return found


@pytest.mark.parametrize("args", [[], ["--lang", "en"], ["--format", "json"], ["--format", "html"]])
def test_no_contact_data_in_any_output(args: list[str]) -> None:
    contacts = _contact_data()
    assert len(contacts) > 30
    code, out = report(EXAMPLE, *args)
    assert code == 0
    leaked = [c for c in contacts if c in out]
    assert leaked == []
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", out)


def test_html_is_self_contained_with_charts_and_escaped(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    from conftest import BASE

    evil = BASE["partners/bank.yaml"].replace(
        "name: Volksbank Teststadt", 'name: "<script>alert(1)</script>"'
    )
    root = make_network({**REPORT, "partners/bank.yaml": evil})
    target = tmp_path / "bericht.html"
    assert runner.invoke(app, ["-C", str(root), "report", "2021", "-o", str(target)]).exit_code == 0
    page = target.read_text(encoding="utf-8")
    assert page.count("<svg") == 5 and "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r"(src|href)=\"(https?:)?//", page) and "<link" not in page


def test_two_runs_give_the_same_bytes(tmp_path: Path, example: Path) -> None:
    outputs = []
    for name in ("a.html", "b.html"):
        runner.invoke(app, ["-C", str(example), "report", "2021", "-o", str(tmp_path / name)])
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]


def _git(cwd: Path, *args: str, date: str = "2022-03-01T12:00:00+01:00") -> None:
    env = {
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "HOME": str(cwd),
        "PATH": "/usr/bin:/bin",
    }
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.mark.skipif(
    shutil.which("git") is None, reason="needs git (the no-git case is tested below)"
)
def test_footer_names_the_commit_and_marks_changes(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_network(REPORT)
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "Daten 2021")
    sha = subprocess.run(
        ["git", "rev-parse", "--short=10", "HEAD"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    first = report(root)[1]
    assert first.endswith(
        f"*Datenstand:* Version {sha} vom 1. März 2022. Erstellt mit netzwerkctl.\n"
    )
    assert report(root)[1] == first  # same commit, same bytes
    (root / "partners" / "neu.yaml").write_text(
        "name: Geändert\nkind: association\nstatus: active\n", encoding="utf-8"
    )
    assert "**mit nicht eingecheckten Änderungen**" in report(root)[1]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1650000000")
    assert "Stand des Berichts: 15.04.2022." in report(root)[1]


def test_outside_git_it_says_so(make_network: Callable[..., Path]) -> None:
    out = report(make_network(REPORT))[1]
    assert "*Datenstand:* nicht in einem git-Repository, ohne Versionsangabe." in out


def test_without_git_installed_it_still_works(make_network: Callable[..., Path]) -> None:
    root = make_network(REPORT)
    env = {
        "PATH": "/nonexistent",
        "HOME": str(root),
        "GIT_PYTHON_GIT_EXECUTABLE": "/nonexistent/git",
    }
    result = subprocess.run(
        [sys.executable, "-m", "netzwerkctl", "-C", str(root), "report", "2021"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "git ist nicht installiert, ohne Versionsangabe." in result.stdout


def test_output_format_from_the_extension(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_network(REPORT)
    assert (
        runner.invoke(
            app, ["-C", str(root), "report", "2021", "-o", str(tmp_path / "r.json")]
        ).exit_code
        == 0
    )
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["year"] == 2021
    assert (
        runner.invoke(
            app, ["-C", str(root), "report", "2021", "-o", str(tmp_path / "r.odt")]
        ).exit_code
        == 2
    )


def _ci_commands(data: Any) -> list[str]:
    found: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("run", "script") and isinstance(value, str):
                found.append(value)
            elif key == "script" and isinstance(value, list):
                found += [str(v) for v in value]
            else:
                found += _ci_commands(value)
    elif isinstance(data, list):
        for item in data:
            found += _ci_commands(item)
    return found


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_ci_examples_run_commands_that_exist(name: str) -> None:
    import typer.main

    data = yaml.safe_load((EXAMPLE.parent / "ci" / name).read_text(encoding="utf-8"))
    calls = [
        line
        for cmd in _ci_commands(data)
        for line in cmd.splitlines()
        if "netzwerkctl" in line and not line.strip().startswith("pip")
    ]
    assert any(" check" in c for c in calls) and any(" report" in c for c in calls)
    commands = set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    for call in calls:
        words = call.split()
        sub = words[words.index("netzwerkctl") + 1 :]
        while sub and sub[0].startswith("-"):
            sub = sub[2:] if sub[0] in ("-C", "--network") else sub[1:]
        assert sub and sub[0] in commands, call


def test_the_report_network_itself_is_clean(make_network: Callable[..., Path]) -> None:
    from datetime import date

    from netzwerkctl.check import check_network

    assert check_network(make_network(REPORT), date(2022, 1, 1)).problems == []


def test_a_private_person_as_partner_is_counted_never_named(
    make_network: Callable[..., Path],
) -> None:
    """The report is published: a partner of kind individual is a private person.
    It counts in every figure, and is shown by the word for its kind — never by name
    or id, in no list, table, chart or JSON (as in the public export)."""
    from conftest import BASE

    private = "name: Hildegard Privatmann\nkind: individual\nstatus: active\njoined: 2021-02-01\n"
    group = BASE["groups/ag.yaml"].replace(
        "patrons: [bank, {partner: verein, since: 2018-01-01}]",
        "patrons: [bank, {partner: verein, since: 2018-01-01}, "
        "{partner: hildegard-privatmann, since: 2021-03-01}]",
    )
    project = BASE["projects/umfrage.yaml"].replace(
        "contributions:\n",
        "contributions:\n  - partner: hildegard-privatmann\n    kind: money\n"
        "    what: Spende\n    value_eur: 50\n",
    )
    root = make_network(
        {
            **REPORT,
            "partners/hildegard-privatmann.yaml": private,
            "groups/ag.yaml": group,
            "projects/umfrage.yaml": project,
        }
    )
    code, md = report(root)
    assert code == 0
    assert "Neu im Netzwerk: Einzelperson, Neuer Verein" in md, md
    assert "| Einzelperson | 50,00\u00a0€ | – |" in md  # Babel: a no-break space before €
    for fmt in ("md", "html", "json"):
        code, out = report(root, "--format", fmt)
        assert code == 0 and "Hildegard" not in out and "hildegard" not in out, fmt
    data = json.loads(report(root, "--format", "json")[1])
    assert data["partners"]["active_end"] == 6  # counted
    assert data["partners"]["joined"] == [None, "neu"]  # and not named: null


def test_later_figures_and_a_later_end_are_not_in_an_earlier_report(
    make_network: Callable[..., Path],
) -> None:
    """A published report is history: a project's figures of later years
    (`teilnehmende_2023`) and an end after the year do not change the 2021 report."""
    from conftest import BASE

    project = (
        BASE["projects/umfrage.yaml"]
        .replace("status: done\n", "status: running\n")
        .replace("end: 2021-09-30\n", "")
    )
    root = make_network({**REPORT, "projects/umfrage.yaml": project})
    before = report(root)[1]
    later = project.replace("status: running\n", "status: done\nend: 2023-06-30\n").replace(
        "  quote: 0.31\n", "  quote: 0.31\n  teilnehmende_2023: 90\n  module 2022: 3\n"
    )
    root = make_network({**REPORT, "projects/umfrage.yaml": later})
    after = report(root)[1]
    assert "seit 01.02.2021" in before
    assert after == before  # as of 31.12.2021 it was running: „läuft, seit 01.02.2021“


def test_one_patron_reads_in_the_singular(make_network: Callable[..., Path]) -> None:
    _, out = report(make_network(REPORT))
    assert (
        "Von der ursprünglichen Patin oder dem ursprünglichen Paten ist 1 geblieben; 2 sind später hinzugekommen, 1 ausgeschieden."
        in out
    )


def test_the_report_opens_as_a_council_submission(make_network: Callable[..., Path]) -> None:
    code, out = report(make_network(REPORT))
    assert code == 0
    first = out.split("\n# Engagementbericht 2021\n")[0]
    assert "# Vorlage\n" in first and "- **Betreff:** Engagementbericht 2021\n" in first
    assert (
        "## Beschlussvorschlag\n\nDer Rat nimmt den Engagementbericht 2021 zur Kenntnis.\n" in first
    )
    assert "Der Bericht schließt mit 1 Handlungsempfehlung." in first
    assert "**Datum:**" not in first  # no date given, and none is taken from the clock
    contents = first.split("### Inhalt\n\n")[1].strip().splitlines()
    sections = re.findall(r"(?m)^## (.+)$", out.split("\n# Engagementbericht 2021\n")[1])
    assert contents == [f"{n}. {title}" for n, title in enumerate(sections, 1)]
    assert contents[-1] == f"{len(sections)}. Handlungsempfehlungen"


def test_the_submission_can_be_worded_by_the_network(make_network: Callable[..., Path]) -> None:
    text = (
        "recipients: Sozialausschuss\nsubject: Bericht über das Engagement 2021\n"
        "proposal: Der Ausschuss empfiehlt dem Rat, die Koordinierung zu verstetigen.\n"
        "author: Fachbereich Soziales\ndate: 2022-02-15\nsummary: Ein gutes Jahr.\n"
    )
    out = report(make_network({**REPORT, "reports/2021.yaml": text}))[1]
    assert out.splitlines()[1] == "# Vorlage für: Sozialausschuss"
    assert "- **Betreff:** Bericht über das Engagement 2021\n" in out
    assert "- **Gremium:** Sozialausschuss\n- **Datum:** 15. Februar 2022\n" in out
    assert "- **Verfasst von:** Fachbereich Soziales\n" in out
    assert "## Beschlussvorschlag\n\nDer Ausschuss empfiehlt dem Rat" in out
    assert "## Sachverhalt\n\nEin gutes Jahr.\n" in out


def test_the_figures_compare_with_the_previous_year_where_there_is_one(
    make_network: Callable[..., Path],
) -> None:
    root = make_network(REPORT)
    this_year = report(root)[1]
    assert "| Kennzahl | 2021 | Vorjahr (2020) |\n| --- | ---: | ---: |\n" in this_year
    first_year = runner.invoke(app, ["-C", str(root), "report", "2015"]).stdout
    assert "| Kennzahl | 2015 |\n| --- | ---: |\n" in first_year  # 2014: no network yet


def test_contact_data_in_report_texts_is_masked_and_named(
    make_network: Callable[..., Path],
) -> None:
    text = (
        "summary: Fragen an anna@example.org oder 02871 953-600.\n"
        "highlights: [Anmeldung unter +49 2871 953600]\n"
        "recommendations:\n  - title: Koordinierung absichern\n"
    )
    root = make_network({**REPORT, "reports/2021.yaml": text})
    code, out = report(root)
    assert code == 0
    assert "anna@example.org" not in out and "953-600" not in out and "953600" not in out
    assert "Fragen an [E-Mail entfernt] oder [Telefonnummer entfernt]." in out
    assert "- Anmeldung unter \\[Telefonnummer entfernt\\]" in out  # escaped Markdown
    html = report(root, "-f", "html")[1]
    assert "anna@example.org" not in html
    warned = runner.invoke(app, ["-C", str(root), "check", "--today", "2022-01-01"]).stdout
    assert "reports/2021.yaml:1:1: warning NW510" in warned
    assert "reports/2021.yaml:2:" in warned and "0 Fehler, 2 Warnungen" in warned


def test_data_not_read_is_never_passed_over_in_silence(make_network: Callable[..., Path]) -> None:
    """A meeting saved by Notepad as .yaml.txt is data not read: the report stops
    (NW018 is an error). A folder that looks like a typo (`partner/`) may be meant, so
    it stays a warning — but the report says it on stderr."""
    from conftest import BASE

    meeting = BASE["meetings/2021/2021-03-15-ag.yaml"]
    root = make_network(
        {"meetings/2021/2021-03-15-ag.yaml": None, "meetings/2021/2021-03-15-ag.yaml.txt": meeting}
    )
    result = runner.invoke(app, ["-C", str(root), "report", "2021"])
    assert result.exit_code == 1 and "NW018" in result.stderr, result.output
    root = make_network({"partner/caritas.yaml": BASE["partners/bank.yaml"]})
    result = runner.invoke(app, ["-C", str(root), "report", "2021"])
    assert result.exit_code == 0
    assert "partner/: warning NW015" in result.stderr, result.stderr
    root = make_network({"partners.yaml": BASE["partners/bank.yaml"]})  # beside netzwerk.yaml
    result = runner.invoke(app, ["-C", str(root), "report", "2021"])
    assert result.exit_code == 0
    assert "partners.yaml: warning NW022" in result.stderr, result.stderr


def test_with_errors_the_groups_add_up_to_the_years_totals(
    make_network: Callable[..., Path],
) -> None:
    """A meeting whose group is a typo (NW203), reported with --allow-errors: it still
    counts, under the group id as written, so that meetings, decisions and tasks of
    the groups add up to the totals (before, the meeting vanished from the groups and
    the meetings total but its tasks stayed in the task total)."""
    from conftest import BASE

    meeting = BASE["meetings/2021/2021-03-15-ag.yaml"].replace("group: ag\n", "group: ag-x\n")
    root = make_network({**REPORT, "meetings/2021/2021-03-15-ag.yaml": meeting})
    code, out = report(root, "--format", "json", "--allow-errors")
    assert code == 0
    data = json.loads(out)
    groups = data["meetings"]["groups"]
    assert "ag-x" in groups
    assert sum(g["held"] for g in groups.values()) == data["meetings"]["held"]
    assert sum(g["tasks"] for g in groups.values()) == data["tasks"]["raised"]


def test_no_report_of_zeros_for_a_year_the_network_did_not_exist_in(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    """2030 typed for 2020, or a year before the network's first year: stopped before a
    report of zeros reaches the council. The first year and this year are fine."""
    from datetime import date

    from conftest import BASE

    root = make_network()  # founded: 2016-01-01, its first entries from 2016 on
    target = tmp_path / "bericht.md"
    for year, said in (
        (2015, "Die Daten des Netzwerks beginnen 2016 (mit seiner Gründung oder seinem"),
        (date.today().year + 1, "hat noch nicht begonnen"),
    ):
        result = runner.invoke(app, ["-C", str(root), "report", str(year), "-o", str(target)])
        assert result.exit_code == 2 and said in result.stderr, result.output
        assert not target.exists()
    for year in (2016, date.today().year):
        assert runner.invoke(app, ["-C", str(root), "report", str(year)]).exit_code == 0
    # work recorded from before the formal founding has its report, also a year in
    # which a partner only came and went
    early = make_network(
        {
            "netzwerk.yaml": BASE["netzwerk.yaml"].replace("2016-01-01", "2022-01-01"),
            "partners/kurz.yaml": "name: Kurz e.V.\nkind: association\nstatus: former\n"
            "joined: 2014-02-01\nleft: 2014-11-30\n",
        }
    )
    assert runner.invoke(app, ["-C", str(early), "report", "2014"]).exit_code == 0
    assert runner.invoke(app, ["-C", str(early), "report", "2013"]).exit_code == 2
