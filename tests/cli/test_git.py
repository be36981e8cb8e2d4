"""Commands that work with git, against real temporary repositories: init,
check --changed, changes and agenda --changes-since, and what happens without git."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from conftest import BASE, body
from netzwerkctl.check import check_network
from netzwerkctl.cli import app

runner = CliRunner()
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="these tests need git")
ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
}


def git(root: Path, *args: str, when: str = "2022-01-01T12:00:00") -> str:
    env = {
        **ENV,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "HOME": str(root),
        "PATH": "/usr/bin:/bin",
    }
    return subprocess.run(
        ["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True
    ).stdout


def repo(make_network: Callable[..., Path]) -> Path:
    root = make_network()
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Stand 2021", when="2021-12-01T12:00:00")
    return root


def invoke(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["-C", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


def test_init_makes_a_checked_committed_network(tmp_path: Path) -> None:
    target = tmp_path / "neu"
    result = runner.invoke(
        app,
        [
            "init",
            str(target),
            "--name",
            "Engagierte Stadt Test",
            "--city",
            "Teststadt",
            "--today",
            "2022-03-01",
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert check_network(target, __import__("datetime").date(2022, 3, 1)).problems == []
    assert git(target, "status", "--porcelain") == ""
    assert git(target, "log", "--format=%s").strip() == "Neues Netzwerk angelegt (netzwerkctl init)"
    files = set(git(target, "ls-files").split())
    assert {
        "netzwerk.yaml",
        "partners/koordination.yaml",
        "groups/steuerungsgruppe.yaml",
        "meetings/2022/2022-03-15-steuerungsgruppe.yaml",
        ".gitattributes",
        ".editorconfig",
        ".vscode/settings.json",
        ".vscode/extensions.json",
        "README.md",
        ".github/workflows/netzwerk.yml",
        ".schemas/partner.schema.json",
    } <= files
    assert "*.yaml text eol=lf" in (target / ".gitattributes").read_text(encoding="utf-8")
    settings = json.loads((target / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"]["./.schemas/partner.schema.json"] == [
        "partners/**/*.yaml",
        "partners/**/*.yml",
    ]
    assert settings["files.encoding"] == "utf8"
    assert json.loads((target / ".vscode/extensions.json").read_text(encoding="utf-8"))[
        "recommendations"
    ] == ["redhat.vscode-yaml"]
    workflow = yaml.safe_load(
        (target / ".github/workflows/netzwerk.yml").read_text(encoding="utf-8")
    )
    assert any(
        "netzwerkctl check" in str(step.get("run"))
        for step in workflow["jobs"]["check-and-report"]["steps"]
    )


def test_the_commands_in_the_readme_of_a_new_network_work_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README `init` writes shows commands to copy: each runs in the new network
    (a second meeting of its steering group, the report of its first year), from
    inside its folder as the README says."""
    import shlex

    target = tmp_path / "neu"
    made = runner.invoke(app, ["init", str(target), "--today", "2026-06-01"])
    assert made.exit_code == 0, made.stderr
    monkeypatch.chdir(target)  # "-o bericht.html" lands in the network, as for a person
    readme = (target / "README.md").read_text(encoding="utf-8")
    commands = [
        shlex.split(line.split("#")[0])[1:]
        for line in readme.splitlines()
        if line.startswith("    netzwerkctl ")
    ]
    assert len(commands) == 5, readme
    for args in commands:
        command = [arg for arg in args if not arg.startswith("-")][:2]
        dated = "--today" in runner.invoke(app, [*command, "--help"]).stdout
        day = ["--today", "2026-06-01"] if dated else []
        result = runner.invoke(app, [*args, *day])
        assert result.exit_code == 0, (args, result.output)
    assert (target / "bericht.html").is_file() or (target / "report.html").is_file()


def test_init_inside_a_repository_adds_files_but_no_repository_and_no_commit(
    tmp_path: Path,
) -> None:
    office = tmp_path / "buero"
    office.mkdir()
    git(office, "init", "-q", "-b", "main")
    (office / "liesmich.txt").write_text("Büro\n", encoding="utf-8")
    git(office, "add", ".")
    git(office, "commit", "-q", "-m", "Büro")
    target = office / "projekte" / "netzwerk"
    result = runner.invoke(app, ["init", str(target), "--today", "2022-03-01"])
    assert result.exit_code == 0, result.stderr
    assert not (target / ".git").exists() and not (target / ".github").exists()
    assert git(office, "log", "--format=%s").strip() == "Büro"  # no commit made for them
    assert "git-Repository" in result.stdout and "-C projekte/netzwerk" in result.stdout
    assert check_network(target, __import__("datetime").date(2022, 3, 1)).problems == []


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notiz.txt").write_text("meins", encoding="utf-8")
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 1 and "nicht leer" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["notiz.txt"]


def test_ci_workflow_of_init_is_the_documented_example() -> None:
    top = Path(__file__).parents[2]
    assert (top / "templates/init/github-workflow.yml").read_text(encoding="utf-8") == (
        top / "examples/ci/github-actions.yml"
    ).read_text(encoding="utf-8")


def test_check_changed_reports_only_changed_staged_and_new_files(
    make_network: Callable[..., Path],
) -> None:
    root = repo(make_network)
    # an old fault, committed: not reported with --changed
    (root / "partners/fa.yaml").write_text(
        BASE["partners/fa.yaml"].replace("    email:", "    emial:"), encoding="utf-8"
    )
    git(root, "commit", "-qam", "Tippfehler")
    (root / "partners/bank.yaml").write_text(
        BASE["partners/bank.yaml"].replace("kind: bank", "kind: bnak"), encoding="utf-8"
    )  # modified
    (root / "partners/neu.yaml").write_text(
        "name: Neu\nkind: other\nstatus: active\nfoo: 1\n", encoding="utf-8"
    )  # untracked
    (root / "groups/zwei.yaml").write_text("name: Zwei\nkind: working\nbar: 1\n", encoding="utf-8")
    git(root, "add", "groups/zwei.yaml")  # staged
    code, out, _ = invoke(root, "check", "--changed", "--today", "2022-01-01", "--format", "json")
    assert code == 1
    assert sorted({p["file"] for p in json.loads(out)}) == [
        "groups/zwei.yaml",
        "partners/bank.yaml",
        "partners/neu.yaml",
    ]
    full = json.loads(invoke(root, "check", "--today", "2022-01-01", "--format", "json")[1])
    assert "partners/fa.yaml" in {p["file"] for p in full}
    code, out, _ = invoke(
        root, "check", "--changed-since", "HEAD~1", "--today", "2022-01-01", "--format", "json"
    )
    assert "partners/fa.yaml" in {p["file"] for p in json.loads(out)}
    assert invoke(root, "check", "--changed-since", "gibtsnicht")[0] == 2


def test_changes_tells_what_happened_since_a_date(make_network: Callable[..., Path]) -> None:
    root = repo(make_network)
    meeting = root / "meetings/2021/2021-12-10-ag.yaml"
    meeting.write_text("group: ag\ndate: 2021-12-10\nstatus: planned\n", encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-qm", "Sitzung geplant", when="2021-12-05T12:00:00")
    meeting.write_text(
        "group: ag\ndate: 2021-12-10\nstatus: held\npresent: [anna]\nagenda:\n  - title: X\n    decisions: [Wir machen einen Flyer.]\n",
        encoding="utf-8",
    )
    m = root / "meetings/2021/2021-03-15-ag.yaml"
    m.write_text(
        m.read_text(encoding="utf-8").replace(
            "        due: 2021-05-31\n", "        due: 2021-05-31\n        done: 2021-12-11\n"
        ),
        encoding="utf-8",
    )
    (root / "partners/neu.yaml").write_text(
        "name: Neuer Verein\nkind: association\nstatus: approached\napproached: 2021-12-11\ncontacts:\n  - {id: nora, name: Nora Neu, consent: 2021-12-11}\n",
        encoding="utf-8",
    )
    v = root / "partners/verein.yaml"
    v.write_text(
        v.read_text(encoding="utf-8").replace(
            "joined: 2017-01-01", "joined: 2017-01-01\nleft: 2021-12-20"
        ),
        encoding="utf-8",
    )
    git(root, "add", ".")
    git(root, "commit", "-qm", "Protokoll", when="2021-12-12T12:00:00")
    code, out, _ = invoke(root, "changes", "--since", "06.12.2021")
    assert code == 0
    assert body(out) == (
        "# Neues im Netzwerk seit 06.12.2021\n\n"
        "- Neuer Partner: Neuer Verein (angesprochen)\n"
        "- Ausgeschieden: TV Teststadt (am 20.12.2021)\n"
        "- Neue Person: Nora Neu (Neuer Verein)\n"
        "- Sitzung hat stattgefunden: AG Bildung am 10.12.2021\n"
        "- Beschluss vom 10.12.2021: Wir machen einen Flyer.\n"
        "- Erledigt: Porto klären (am 11.12.2021)\n"
    )
    all_of_it = json.loads(invoke(root, "changes", "--since", "2021-12-01", "--format", "json")[1])
    assert ("meeting_added", "2021-12-10-ag") in {(c["kind"], c["subject"]) for c in all_of_it}
    between = invoke(root, "changes", "--since", "2021-12-05", "--until", "2021-12-06")[1]
    assert (
        body(between) == "# Neues im Netzwerk seit 05.12.2021 bis 06.12.2021\n\nKeine Änderungen.\n"
    )
    (root / "partners/kirche.yaml").unlink()
    assert body(invoke(root, "changes")[1]) == (
        "# Noch nicht eingecheckte Änderungen\n\n"
        "- Partner aus den Daten entfernt: Kirchengemeinde\n"
    )
    agenda = invoke(
        root, "agenda", "2021-12-10-ag", "--changes-since", "2021-12-06", "--today", "2021-12-01"
    )[1]
    assert "## Neues im Netzwerk\n\n- Neuer Partner: Neuer Verein (angesprochen)\n" in agenda


def test_changes_before_the_first_commit(make_network: Callable[..., Path]) -> None:
    code, _, err = invoke(repo(make_network), "changes", "--since", "2020-01-01")
    assert code == 2 and "noch keinen Commit" in err
    empty = make_network()  # a repository without any commit: a date is still a date
    subprocess.run(["git", "init", "-q", str(empty)], check=True)
    code, _, err = invoke(empty, "changes", "--since", "2022-01-01")
    assert code == 2 and "Vor dem 01.01.2022 gibt es noch keinen Commit." in err, err


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("2021-01-15T10:00:00+01:00", "2021-01-15T10:00:00+01:00"),
        ("@1610701200 +0100", "2021-01-15T10:00:00+01:00"),
        ("Fri, 15 Jan 2021 10:00:00 +0100", "2021-01-15T10:00:00+01:00"),
        ("2021-01-15 10:00:00 +0100", "2021-01-15T10:00:00+01:00"),
    ],
)
def test_init_takes_gits_own_date_formats_and_identity_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, when: str, expected: str
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # no configured identity
    for key in ("GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE"):
        monkeypatch.setenv(key, when)
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Anna Albers")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "anna@example.org")
    monkeypatch.delenv("GIT_COMMITTER_NAME", raising=False)
    monkeypatch.delenv("GIT_COMMITTER_EMAIL", raising=False)
    target = tmp_path / "neu"
    result = runner.invoke(app, ["init", str(target), "--today", "2021-01-15"])
    assert result.exit_code == 0, result.stderr
    log = git(target, "log", "--format=%an|%ae|%aI|%cI|%cn").strip()
    assert log == f"Anna Albers|anna@example.org|{expected}|{expected}|netzwerkctl"


def test_a_failing_git_leaves_no_half_made_folder_and_no_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("GIT_AUTHOR_DATE", "gestern irgendwann")
    target = tmp_path / "neu"
    result = runner.invoke(app, ["init", str(target)])
    assert result.exit_code == 1
    assert "Nichts angelegt" in result.stderr and "GIT_AUTHOR_DATE" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not target.exists()
    empty = tmp_path / "leer"
    empty.mkdir()
    assert runner.invoke(app, ["init", str(empty)]).exit_code == 1
    assert empty.is_dir() and list(empty.iterdir()) == []  # as it was


def test_without_git_the_commands_that_need_it_say_so(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_network()
    env = {
        "PATH": "/nonexistent",
        "HOME": str(tmp_path),
        "GIT_PYTHON_GIT_EXECUTABLE": "/nonexistent/git",
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "netzwerkctl", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    for args in (["check", "--changed"], ["changes", "--since", "2021-01-01"]):
        result = run("-C", str(root), *args)
        assert result.returncode == 2 and "git ist nicht installiert" in result.stderr, args
        assert "Traceback" not in result.stderr
    assert run("-C", str(root), "check", "--today", "2022-01-01").returncode == 0  # the rest works
    made = run("init", str(tmp_path / "neu"), "--today", "2022-03-01")
    assert made.returncode == 0 and "ohne git angelegt" in made.stderr
    assert (tmp_path / "neu" / "netzwerk.yaml").exists() and not (
        tmp_path / "neu" / ".git"
    ).exists()


def test_outside_a_repository(make_network: Callable[..., Path]) -> None:
    code, _, err = invoke(make_network(), "check", "--changed")
    assert code == 2 and "keinem git-Repository" in err


def test_changed_files_with_umlauts_in_their_path(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    top = tmp_path / "repo"
    top.mkdir()
    root = top / "Lörrach"
    shutil.copytree(make_network(), root)
    git(top, "init", "-q", "-b", "main")
    git(top, "add", ".")
    git(top, "commit", "-qm", "x")
    target = root / "meetings/2021/Sitzungen ä/2021-12-01-ag.yaml"
    target.parent.mkdir(parents=True)
    target.write_text("group: ag\ndate: 2021-12-01\nstatus: planned\nbogus: 1\n", encoding="utf-8")
    (root / "partners/fa.yaml").write_text(
        BASE["partners/fa.yaml"].replace("    email:", "    emial:"), encoding="utf-8"
    )
    code, out, _ = invoke(root, "check", "--changed", "--today", "2022-01-01", "--format", "json")
    assert code == 1
    assert {p["file"] for p in json.loads(out)} == {
        "partners/fa.yaml",
        "meetings/2021/Sitzungen ä/2021-12-01-ag.yaml",
    }


def test_errors_a_change_causes_elsewhere_are_counted(make_network: Callable[..., Path]) -> None:
    root = repo(make_network)
    git(root, "rm", "-q", "partners/verein.yaml")  # carla and the club are referenced elsewhere
    code, out, _ = invoke(root, "check", "--changed", "--today", "2022-01-01")
    assert code == 0  # nothing wrong in the changed files themselves …
    assert "Fehler in unveränderten Dateien" in out.splitlines()[-1]  # … but it is said


def test_a_repository_without_commits(make_network: Callable[..., Path]) -> None:
    root = make_network({"partners/neu.yaml": "name: N\nkind: other\nstatus: active\nbogus: 1\n"})
    git(root, "init", "-q", "-b", "main")
    code, out, _ = invoke(root, "check", "--changed", "--today", "2022-01-01", "--format", "json")
    assert code == 1 and "partners/neu.yaml" in {p["file"] for p in json.loads(out)}


def test_a_revision_is_never_taken_for_an_option(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    root = repo(make_network)
    victim = tmp_path / "opfer.txt"
    victim.write_text("bleibt\n", encoding="utf-8")
    code, _, err = invoke(root, "check", f"--changed-since=--output={victim}")
    assert code == 2 and "keine bekannte git-Version" in err
    assert victim.read_text(encoding="utf-8") == "bleibt\n"
