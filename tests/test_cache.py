"""The check cache: exactly the same problems as without it, never trusted over the
files, and harmless when it cannot be written or has been tampered with."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import BASE, TODAY
from netzwerkctl import cache
from netzwerkctl.check import check_network
from netzwerkctl.cli import app

EXAMPLE = Path(__file__).parents[1] / "examples" / "stadt-bocholt"
FAULTS = {
    "partners/fa.yaml": BASE["partners/fa.yaml"].replace("    email:", "    emial:"),
    "meetings/2021/2021-12-01-ag.yaml": "group: ag\ndate: 2021-12-01\nstatus: planned\n",
    "partners/kaputt.yaml": "name: [\n",
}


def _rows(problems: Sequence[object]) -> list[str]:
    return [repr(p) for p in problems]


def test_cached_result_equals_the_plain_one(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_network(FAULTS)
    plain = check_network(root, TODAY)
    first = check_network(root, TODAY, use_cache=True)  # computes and stores
    assert (root / ".netzwerkctl/cache/check.json").exists()

    def no_rebuild(*args: object) -> None:
        raise AssertionError("the cache was not used")

    monkeypatch.setattr("netzwerkctl.load.build_network", no_rebuild)
    second = check_network(root, TODAY, use_cache=True)
    assert _rows(second.problems) == _rows(first.problems) == _rows(plain.problems)
    assert (second.files, second.language) == (plain.files, plain.language)
    assert second.loaded is None


def test_the_example_gives_the_same_problems_either_way(tmp_path: Path) -> None:
    copy = tmp_path / "bocholt"
    shutil.copytree(EXAMPLE, copy)
    for today in (date(2022, 9, 1), date(2026, 1, 1)):
        plain = _rows(check_network(copy, today).problems)
        assert _rows(check_network(copy, today, use_cache=True).problems) == plain
        assert _rows(check_network(copy, today, use_cache=True).problems) == plain


def test_a_changed_file_or_another_day_is_never_answered_from_the_cache(
    make_network: Callable[..., Path],
) -> None:
    root = make_network(FAULTS)
    check_network(root, TODAY, use_cache=True)
    path = root / "partners/fa.yaml"
    stat = path.stat()
    fixed = BASE["partners/fa.yaml"].replace("anna@example.org", "anna@example.net")  # same size
    path.write_text(fixed, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # even with the old time
    assert "NW101" not in [p.code for p in check_network(root, TODAY, use_cache=True).problems]
    later = check_network(root, date(2021, 11, 1), use_cache=True)  # NW406 depends on the day
    assert "NW406" not in [p.code for p in later.problems]


@pytest.mark.parametrize(
    "content", ["kein json", '{"format": 1, "key": "x", "problems": []}', '{"format": 1}', "[]", ""]
)
def test_corrupt_or_foreign_cache_files_are_ignored_and_replaced(
    make_network: Callable[..., Path], content: str
) -> None:
    root = make_network(FAULTS)
    expected = _rows(check_network(root, TODAY).problems)
    target = root / ".netzwerkctl/cache/check.json"
    target.parent.mkdir(parents=True)
    target.write_text(content, encoding="utf-8")
    assert _rows(check_network(root, TODAY, use_cache=True).problems) == expected
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == cache.FORMAT


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_cache_committed_into_the_repository_cannot_hide_problems(
    tmp_path: Path, make_network: Callable[..., Path]
) -> None:
    root = make_network(FAULTS)
    check_network(root, TODAY, use_cache=True)
    forged = json.loads((root / ".netzwerkctl/cache/check.json").read_text(encoding="utf-8"))
    forged["problems"] = []  # "all clean", for exactly these files
    (root / ".netzwerkctl/cache/check.json").write_text(json.dumps(forged), encoding="utf-8")
    assert check_network(root, TODAY, use_cache=True).errors == 0  # it would fool this folder
    env = {"GIT_AUTHOR_NAME": "x", "GIT_AUTHOR_EMAIL": "x@example.org", "GIT_COMMITTER_NAME": "x",
           "GIT_COMMITTER_EMAIL": "x@example.org", "HOME": str(tmp_path), "PATH": os.environ.get("PATH", "")}  # fmt: skip

    def git(*args: str, cwd: Path = root) -> None:
        subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)

    git("init", "-q")
    git("add", "-f", ".")  # the forged cache goes into the merge request
    git("commit", "-qm", "alles sauber")
    git("clone", "-q", str(root), str(tmp_path / "ci"), cwd=tmp_path)  # what CI checks out
    assert (tmp_path / "ci/.netzwerkctl/cache/check.json").exists()
    assert check_network(tmp_path / "ci", TODAY, use_cache=True).errors == 2


def test_a_folder_that_cannot_be_written_is_checked_all_the_same(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from netzwerkctl.writers import WriteError

    def refuse(*args: object, **kwargs: object) -> None:
        raise WriteError("schreibgeschützt")

    monkeypatch.setattr("netzwerkctl.writers.write_atomic", refuse)
    root = make_network(FAULTS)
    assert check_network(root, TODAY, use_cache=True).errors == 2
    assert not (root / ".netzwerkctl").exists()


def test_no_cache_option_and_self_ignoring_folder(make_network: Callable[..., Path]) -> None:
    root = make_network(FAULTS)
    runner = CliRunner()
    runner.invoke(app, ["-C", str(root), "check", "--today", "2022-01-01", "--no-cache"])
    assert not (root / ".netzwerkctl").exists()
    runner.invoke(app, ["-C", str(root), "check", "--today", "2022-01-01"])
    assert (root / ".netzwerkctl/.gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_an_answer_from_the_cache_loads_no_models(make_network: Callable[..., Path]) -> None:
    root = make_network(FAULTS)
    command = [
        sys.executable,
        "-X",
        "importtime",
        "-m",
        "netzwerkctl",
        "-C",
        str(root),
        "check",
        "--today",
        "2022-01-01",
    ]
    subprocess.run(command, capture_output=True, check=False, timeout=60)
    warm = subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)
    assert warm.returncode == 1
    assert "netzwerkctl.model" not in warm.stderr and "netzwerkctl.rules" not in warm.stderr


def test_a_planted_link_cannot_make_check_write_elsewhere(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    elsewhere = tmp_path / "anderswo"
    elsewhere.mkdir()
    (elsewhere / ".gitignore").write_text("meins\n", encoding="utf-8")
    root = make_network(FAULTS)
    (root / ".netzwerkctl").symlink_to(elsewhere, target_is_directory=True)
    assert check_network(root, TODAY, use_cache=True).errors == 2
    assert sorted(p.name for p in elsewhere.iterdir()) == [".gitignore"]
    assert (elsewhere / ".gitignore").read_text(encoding="utf-8") == "meins\n"


@pytest.mark.parametrize("kind", ["dev-zero", "deep-json", "fifo"])
def test_hostile_cache_files_are_ignored(make_network: Callable[..., Path], kind: str) -> None:
    root = make_network(FAULTS)
    target = root / ".netzwerkctl/cache/check.json"
    target.parent.mkdir(parents=True)
    if kind == "dev-zero":
        target.symlink_to("/dev/zero")  # would be read without end
    elif kind == "fifo":
        os.mkfifo(target)  # would block forever
    else:
        target.write_text("[" * 200_000, encoding="utf-8")  # would blow the parser's stack
    assert _rows(check_network(root, TODAY, use_cache=True).problems) == _rows(
        check_network(root, TODAY).problems
    )


def test_a_stray_folder_gaining_yaml_is_not_answered_from_the_cache(
    make_network: Callable[..., Path],
) -> None:
    root = make_network()
    (root / "partner").mkdir()
    assert check_network(root, TODAY, use_cache=True).problems == []
    (root / "partner" / "x.yaml").write_text("name: X\n", encoding="utf-8")
    assert [p.code for p in check_network(root, TODAY, use_cache=True).problems] == ["NW015"]
    (root / "partner" / "x.yaml").unlink()
    assert check_network(root, TODAY, use_cache=True).problems == []
    (root / "partners.yaml").write_text("name: X\n", encoding="utf-8")  # beside netzwerk.yaml
    assert [p.code for p in check_network(root, TODAY, use_cache=True).problems] == ["NW022"]


def test_a_notepad_file_is_named_also_when_check_answers_from_the_cache(
    make_network: Callable[..., Path],
) -> None:
    root = make_network()
    assert check_network(root, TODAY, use_cache=True).problems == []
    saved = root / "groups" / "ag-neu.yml.txt"
    saved.write_text("name: AG Neu\nkind: working\n", encoding="utf-8")
    [hit] = check_network(root, TODAY, use_cache=True).problems
    assert (hit.code, hit.file) == ("NW018", "groups/ag-neu.yml.txt")
    assert "„ag-neu.yml“" in hit.message("de")
    saved.rename(root / "groups" / "ag-neu.yml")
    assert "ag-neu" in check_network(root, TODAY).network.groups
