"""Every generated document of the example network, in German and in English, against
its reviewed copy in tests/golden/example/: a change of wording, order or format shows
up here as a diff to review (NETZWERKCTL_UPDATE_GOLDEN=1 rewrites the copies).

The English network is the example with `language: en`; commands with `--lang` get it
explicitly. Every command gets a fixed day, and `changes` runs on a git repository
with fixed authors and dates, so the same input gives the same bytes.
"""

from __future__ import annotations

import email
import email.policy
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLE_NETWORK, GOLDEN, assert_golden, text_of
from netzwerkctl.cli import app

HERE = GOLDEN / "example"
LANGS = ["de", "en"]
TODAY = ["--today", "2022-09-01"]
AGENDA = "2022-09-14-ag-vereine-wirtschaft"
MINUTES = "2021-03-15-ag-bildung"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "PATH": "/usr/bin:/bin",
}

# (name of the golden file without language, the command's arguments)
DOCUMENTS: list[tuple[str, list[str]]] = [
    ("agenda.md", ["agenda", AGENDA, *TODAY]),
    ("agenda.html", ["agenda", AGENDA, "-f", "html", *TODAY]),
    ("minutes.md", ["minutes", MINUTES]),
    ("minutes.html", ["minutes", MINUTES, "-f", "html"]),
    ("minutes-draft.md", ["minutes", "2022-07-06-ag-vereine-wirtschaft"]),
    ("attendance.md", ["attendance", AGENDA, *TODAY]),
    ("attendance.html", ["attendance", AGENDA, "-f", "html", *TODAY]),
    ("certificate.md", ["certificate", "siegel-freiwillige-willkommen", "--to", "awo-bocholt"]),
    (
        "certificate.html",
        ["certificate", "siegel-freiwillige-willkommen", "--to", "awo-bocholt", "-f", "html"],
    ),
    ("report.md", ["report", "2021"]),
    ("report.html", ["report", "2021", "-f", "html"]),
    ("report.json", ["report", "2021", "-f", "json"]),
    ("remind.txt", ["remind", *TODAY]),
    ("remind.md", ["remind", "-f", "md", *TODAY]),
    ("remind.json", ["remind", "-f", "json", *TODAY]),
    ("remind.ics", ["remind", "-f", "ics", *TODAY]),
    ("partners.txt", ["partners", *TODAY]),
    ("partners-cluster.txt", ["partners", "--cluster", *TODAY]),
    ("partners.md", ["partners", "-f", "md", *TODAY]),
    ("partners.csv", ["partners", "-f", "csv", *TODAY]),
    ("partners.json", ["partners", "-f", "json", *TODAY]),
    ("match.md", ["match", "Bildung", *TODAY]),
    ("match.json", ["match", "Bildung", "-f", "json", *TODAY]),
    ("market.md", ["market"]),
    ("market.json", ["market", "-f", "json"]),
    ("person.md", ["person", "maria-schulte", *TODAY]),
    ("person.json", ["person", "maria-schulte", "-f", "json", *TODAY]),
    ("calendar.ics", ["calendar", "--tasks", *TODAY]),
    ("check.txt", ["check", *TODAY]),
]


def _git(root: Path, *args: str, when: str) -> None:
    env = {**GIT_ENV, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "HOME": str(root)}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def networks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """The example network once per language, outside any git repository."""
    made = {}
    for lang in LANGS:
        root = tmp_path_factory.mktemp(f"example-{lang}") / "stadt-bocholt"
        shutil.copytree(EXAMPLE_NETWORK, root, ignore=shutil.ignore_patterns(".netzwerkctl"))
        settings = root / "netzwerk.yaml"
        text = settings.read_text(encoding="utf-8")
        settings.write_text(text.replace("language: de", f"language: {lang}"), encoding="utf-8")
        made[lang] = root
    yield made


def _run(root: Path, args: list[str]) -> str:
    result = CliRunner().invoke(app, ["-C", str(root), *args], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("name", "args"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_every_document_matches_its_golden_file(
    networks: dict[str, Path], name: str, args: list[str], lang: str
) -> None:
    stem, _, ext = name.partition(".")
    assert_golden(HERE / f"{stem}-{lang}.{ext}", _run(networks[lang], args))


@pytest.mark.parametrize("lang", LANGS)
def test_the_reminder_mail_matches_its_golden_file(
    networks: dict[str, Path], lang: str, tmp_path: Path
) -> None:
    outbox = tmp_path / "postausgang"
    _run(networks[lang], ["remind", "--mail", "--outbox", str(outbox), *TODAY])
    [message] = outbox.glob("*-bernhard-lensing.eml")
    parsed = email.message_from_bytes(message.read_bytes(), policy=email.policy.default)
    headers = "".join(f"{k}: {v}\n" for k, v in parsed.items())
    body = text_of(parsed).replace("\r\n", "\n")
    assert_golden(HERE / f"reminder-mail-{lang}.txt", f"{headers}\n{body}")


@pytest.mark.skipif(shutil.which("git") is None, reason="changes needs git")
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", ["md", "json"])
def test_changes_match_their_golden_file(
    networks: dict[str, Path], lang: str, fmt: str, tmp_path: Path
) -> None:
    root = tmp_path / "stadt-bocholt"
    shutil.copytree(networks[lang], root)
    _git(root, "init", "-q", "-b", "main", when="2022-06-01T12:00:00")
    _git(root, "add", ".", when="2022-06-01T12:00:00")
    _git(root, "commit", "-q", "-m", "Stand Juni", when="2022-06-01T12:00:00")
    partner = root / "partners" / "musikschule-bocholt.yaml"
    partner.write_text(
        partner.read_text(encoding="utf-8").replace(
            "status: prospect", "status: approached\napproached: 2022-06-20"
        ),
        encoding="utf-8",
    )
    (root / "partners" / "neu.yaml").write_text(
        "name: Bürgerverein Neustadt\nkind: association\nstatus: prospect\n", encoding="utf-8"
    )
    _git(root, "add", ".", when="2022-07-01T12:00:00")
    _git(root, "commit", "-q", "-m", "Neue Partner", when="2022-07-01T12:00:00")
    out = _run(root, ["changes", "--since", "2022-06-15", "-f", fmt])
    assert_golden(HERE / f"changes-{lang}.{fmt}", out)


@pytest.mark.parametrize("lang", LANGS)
def test_the_readme_of_a_new_network_matches_its_golden_file(lang: str, tmp_path: Path) -> None:
    target = tmp_path / "neu"
    result = CliRunner().invoke(
        app,
        ["init", str(target), "--name", "Engagierte Stadt Beispiel", "--city", "Beispiel",
         "--lang", lang, *TODAY],
        env={**GIT_ENV, "HOME": str(tmp_path), "GIT_AUTHOR_DATE": "2022-09-01T12:00:00",
             "GIT_COMMITTER_DATE": "2022-09-01T12:00:00"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert_golden(HERE / f"init-readme-{lang}.md", (target / "README.md").read_text("utf-8"))
    settings = (target / "netzwerk.yaml").read_text("utf-8")
    assert f"language: {lang}" in settings
    assert ("Vision des Netzwerks" in settings) == (lang == "de")


def test_output_does_not_depend_on_the_hash_seed(networks: dict[str, Path]) -> None:
    """Sets and dicts of strings iterate in a different order per process unless the
    code sorts: two processes with different PYTHONHASHSEED give the same bytes."""
    import os
    import sys

    chosen = ["report.md", "report.json", "remind.json", "partners-cluster.txt", "match.md",
              "market.md", "calendar.ics", "check.txt", "person.md"]  # fmt: skip
    arguments = [args for name, args in DOCUMENTS if name in chosen]
    script = (
        "import sys\nfrom typer.testing import CliRunner\nfrom netzwerkctl.cli import app\n"
        "for line in sys.stdin.read().split('\\n\\n'):\n"
        "    print(CliRunner().invoke(app, line.split('\\n'), env={'COLUMNS': '100'}).output)\n"
    )
    runs = "\n\n".join(
        "\n".join(["-C", str(networks[lang]), *args]) for lang in LANGS for args in arguments
    )
    outputs = [
        subprocess.run(
            [sys.executable, "-c", script],
            input=runs,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("0", "4242")
    ]
    assert outputs[0] == outputs[1]
    assert outputs[0].count("Engagierte Stadt Bocholt") > 5
