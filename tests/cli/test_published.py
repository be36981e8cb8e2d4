"""A published document is history: a Protokoll regenerated later, and the report of
a year regenerated after the next year's data came in, say exactly what they said —
shown with a real git history (the network as committed then and as committed later)."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from netzwerkctl.cli import app

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="these tests need git")
runner = CliRunner()
M = "meetings/2021/2021-03-15-ag.yaml"


def git(root: Path, *args: str, when: str) -> None:
    env = {
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "HOME": str(root),
        "PATH": "/usr/bin:/bin",
    }
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def commit(root: Path, message: str, when: str) -> None:
    git(root, "add", "-A", when=when)
    git(root, "commit", "-q", "-m", message, when=when)


def write(root: Path, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")


def edit(root: Path, rel: str, old: str, new: str) -> None:
    text = (root / rel).read_text(encoding="utf-8")
    assert old in text
    write(root, rel, text.replace(old, new))


def out(root: Path, *args: str) -> str:
    result = runner.invoke(app, ["-C", str(root), *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("approved", [None, "2021-04-25"])
def test_a_protokoll_regenerated_later_is_byte_identical(
    make_network: Callable[..., Path], approved: str | None
) -> None:
    root = make_network()
    if approved:
        edit(root, M, "status: held", f"status: held\napproved: {approved}")
    git(root, "init", "-q", "-b", "main", when="2021-04-25T12:00:00")
    commit(root, "Protokoll", "2021-04-25T12:00:00")
    first = out(root, "minutes", "2021-03-15-ag")
    # what happened afterwards: a task done, the next meetings, a new partner
    edit(root, M, "        due: 2021-05-31", "        due: 2021-05-31\n        done: 2021-05-20")
    write(
        root, "meetings/2021/2021-05-10-ag.yaml", "group: ag\ndate: 2021-05-10\nstatus: planned\n"
    )
    write(
        root, "meetings/2022/2022-01-12-ag.yaml", "group: ag\ndate: 2022-01-12\nstatus: planned\n"
    )
    write(root, "partners/neu.yaml", "name: Neuer Verein\nkind: association\nstatus: prospect\n")
    commit(root, "Später", "2022-01-05T12:00:00")
    assert out(root, "minutes", "2021-03-15-ag") == first
    assert "erledigt am 20.05.2021" not in first and "10. Mai 2021" not in first
    if approved:  # done by the approval: shown as done
        assert "(erledigt am 20.04.2021)" in first and "genehmigt" in first
    else:  # as of the meeting itself
        assert "(erledigt am" not in first and "Ein Termin steht noch nicht fest." in first


def test_the_report_of_a_year_stays_as_it_was_when_next_year_comes_in(
    make_network: Callable[..., Path],
) -> None:
    root = make_network()
    git(root, "init", "-q", "-b", "main", when="2021-12-31T18:00:00")
    commit(root, "Stand 2021", "2021-12-31T18:00:00")
    md_2021, json_2021 = (
        out(root, "report", "2021"),
        json.loads(out(root, "report", "2021", "-f", "json")),
    )

    # 2022: meetings, a partner joins, one leaves, a task done, a patron change
    write(
        root,
        "meetings/2022/2022-02-09-ag.yaml",
        "group: ag\ndate: 2022-02-09\nstatus: held\npresent: [anna, bernd]\nagenda:\n"
        "  - title: Neues\n    decisions: [Ein Beschluss]\n"
        "    tasks: [{title: Neu, owner: anna, due: 2022-03-01}]\n",
    )
    write(
        root,
        "partners/neu.yaml",
        "name: Neuer Verein\nkind: association\nstatus: active\napproached: 2022-01-10\n"
        "joined: 2022-02-01\n",
    )
    edit(root, "partners/kirche.yaml", "status: prospect\napproached: 2021-01-10",
         "status: active\napproached: 2021-01-10\njoined: 2022-03-01")  # fmt: skip
    edit(root, "partners/bank.yaml", "status: active", "status: former\nleft: 2022-03-31")
    edit(root, M, "        due: 2021-05-31", "        due: 2021-05-31\n        done: 2022-02-01")
    edit(root, "groups/ag.yaml", "patrons: [bank, {partner: verein, since: 2018-01-01}]",
         "patrons: [bank, {partner: verein, since: 2018-01-01, until: 2022-05-01}, "
         "{partner: neu, since: 2022-06-01}]")  # fmt: skip
    commit(root, "Stand 2022", "2022-06-30T18:00:00")
    md_later, json_later = (
        out(root, "report", "2021"),
        json.loads(out(root, "report", "2021", "-f", "json")),
    )

    def without_provenance(text: str) -> str:
        return "\n".join(line for line in text.splitlines() if not line.startswith("*Datenstand:*"))

    assert without_provenance(md_later) == without_provenance(md_2021)
    assert md_later != md_2021  # only the data version differs
    json_2021.pop("provenance")
    json_later.pop("provenance")
    assert json_later == json_2021
    assert "Kirchengemeinde" in md_2021  # approached, not yet a partner on 31.12.2021
