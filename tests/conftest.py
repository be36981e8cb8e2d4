"""Shared test helpers: networks are written inline, as a clean base plus a patch."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from netzwerkctl.check import CheckResult, check_network

# A small network that uses every kind of file and passes `check` without problems.
BASE: dict[str, str] = {
    "netzwerk.yaml": """\
name: Testnetz
city: Teststadt
founded: 2016-01-01
language: de
coordinator: fa
rules:
  intro_talk_required: true
  remind_days: 14
""",
    "partners/fa.yaml": """\
name: Freiwilligenagentur Teststadt
kind: volunteer_agency
status: active
joined: 2016-01-01
contacts:
  - id: anna
    name: Anna Albers
    email: anna@example.org
    decision_maker: ja
    intro_talk: 2016-01-01
    consent: 2016-01-01
""",
    "partners/bank.yaml": """\
name: Volksbank Teststadt
kind: bank
status: active
expertise: [Finanzen, Vereinsbuchhaltung]
joined: 2016-01-01
contacts:
  - id: bernd
    name: Bernd Brink
    phone: 0287112345
    decision_maker: ja
    intro_talk: 01.02.2016
    consent: 01.02.2016
""",
    "partners/verein.yaml": """\
name: TV Teststadt
kind: association
status: active
joined: 2017-01-01
contacts:
  - id: carla
    name: Carla Clemens
    decision_maker: yes
    intro_talk: 2017-01-01
    consent: 2017-01-01
""",
    "partners/kirche.yaml": """\
name: Kirchengemeinde
kind: church
status: prospect
approached: 2021-01-10
""",
    "groups/ag.yaml": """\
name: AG Bildung
kind: working
topic: Bildung
host: fa
patrons: [bank, {partner: verein, since: 2018-01-01}]
lead: anna
started: 2016-01-01
meets_every_weeks: 8
members:
  - person: anna
    role: chair
    since: 2016-01-01
  - person: bernd
    role: minutes
    since: 2016-02-01
""",
    "meetings/2021/2021-03-15-ag.yaml": """\
group: ag
date: 2021-03-15
start: 18:00
end: "20:00"
status: held
chair: anna
minutes_by: bernd
invited: [carla]
present: [anna, bernd, carla]
agenda:
  - title: Begrüßung
    duration: 10
  - title: Umfrage
    duration: 30
    kind: decision
    by: anna
    decisions:
      - Die Umfrage startet im April.
    tasks:
      - title: Fragebogen entwerfen
        owner: bernd
        due: 2021-04-30
        done: 2021-04-20
        project: umfrage
      - id: porto-klaeren
        title: Porto klären
        owner: [anna, bernd]
        due: 2021-05-31
""",
    "projects/umfrage.yaml": """\
name: Umfrage zum Ehrenamt
kind: survey
group: ag
lead: anna
partners: [bank, verein]
status: done
start: 2021-02-01
end: 2021-09-30
figures:
  fragebögen: 2000
  quote: 0.31
milestones:
  - title: Fragebogen abgestimmt
    due: 2021-03-01
    done: 2021-02-26
contributions:
  - partner: bank
    kind: postage
    what: Porto
    value_eur: 1140.00
awards:
  - to: verein
    date: 2021-11-05
    valid_until: 2023-11-04
""",
    "marketplace/markt.yaml": """\
title: Marktplatz 2021
date: 2021-06-12
offers:
  - id: o1
    partner: bank
    what: Beratung Vereinsbuchhaltung
    kind: expertise
needs:
  - id: n1
    partner: verein
    what: Hilfe bei der Buchhaltung
    kind: expertise
deals:
  - offer: o1
    need: n1
    agreed: 2021-06-12
""",
    "reports/2021.yaml": """\
title: Engagementbericht 2021
highlights: [Alle Paten sind geblieben.]
recommendations:
  - title: Koordinierung absichern
""",
}

TODAY = date(2022, 1, 1)


@dataclass(frozen=True)
class Symlink:
    """A symbolic link in a test network, pointing at `target` (relative to the link)."""

    target: str


Files = Mapping[str, str | bytes | Symlink | None]


def write_network(root: Path, patch: Files | None = None, base: bool = True) -> Path:
    """Write BASE (unless base=False) with `patch` applied; None in a patch deletes."""
    files: dict[str, str | bytes | Symlink | None] = dict(BASE) if base else {}
    files.update(patch or {})
    for rel, content in files.items():
        if content is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Symlink):
            path.symlink_to(content.target)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


EXAMPLE_NETWORK = Path(__file__).parents[1] / "examples" / "stadt-bocholt"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the example network, for commands that write into the network's own
    folder (netzwerkctl remembers the files it wrote there): the source tree stays as
    it is, and no test sees another's state."""
    import shutil

    copy = tmp_path / "stadt-bocholt"
    shutil.copytree(EXAMPLE_NETWORK, copy, ignore=shutil.ignore_patterns(".netzwerkctl"))
    return copy


@pytest.fixture
def make_network(tmp_path: Path) -> Callable[..., Path]:
    """Each call writes a fresh network folder (netz, netz-2, …)."""
    made: list[Path] = []

    def make(patch: Files | None = None, base: bool = True) -> Path:
        root = tmp_path / ("netz" if not made else f"netz-{len(made) + 1}")
        made.append(root)
        return write_network(root, patch, base)

    return make


@pytest.fixture
def run_check(make_network: Callable[..., Path]) -> Callable[..., CheckResult]:
    def run(patch: Files | None = None, today: date = TODAY, base: bool = True) -> CheckResult:
        return check_network(make_network(patch, base), today)

    return run


GOLDEN = Path(__file__).parent / "golden"
UPDATE = "NETZWERKCTL_UPDATE_GOLDEN"


def assert_golden(path: Path, text: str) -> None:
    """Compare a generated document with its reviewed copy; with the environment
    variable NETZWERKCTL_UPDATE_GOLDEN=1 the copy is rewritten (review the diff)."""
    if os.environ.get(UPDATE):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run with {UPDATE}=1 and review it"
    assert text == path.read_text(encoding="utf-8"), f"{path.name} changed; see {UPDATE}"


def body(document: str) -> str:
    """A generated Markdown document without netzwerkctl's marker line."""
    from netzwerkctl.present.render import MARKER_START

    first, _, rest = document.partition("\n")
    assert first.startswith(MARKER_START) and first.endswith("-->"), document[:80]
    return rest


def text_of(message: Any) -> str:
    """The plain text of an e-mail, whether it has attachments or not."""
    part = message.get_body(("plain",))
    assert part is not None, "no text/plain part"
    return str(part.get_content())


# Debian's Chromium as the browser tests start it: no sandbox (CI runs as root) and no
# background connections (the machine has no network; every attempt would be refused).
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
