"""Synthetic networks for benchmarks: valid (check finds no errors), deterministic,
and as large as a city or programme office gets after years of work.

    python bench/generate.py L /tmp/netz-L

Sizes: S is the example network; M has about 1,400 files; L has 1,000 partners with
3,000 contacts, 100 groups, 4,800 meetings and 200 projects (about 6,100 files); XL is
L with ten times the meetings. `L*4` and `L*10` grow every dimension of L together
(partners, contacts, groups, meetings, projects): what a command does per group and
per meeting shows there, and not in XL.
"""

from __future__ import annotations

import random
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

EXAMPLE = Path(__file__).parents[1] / "examples" / "stadt-bocholt"
SIZES = {
    # M: 1,404 files, enough that reading is split over processes (the parallel path)
    "M": {"partners": 230, "groups": 23, "meetings": 1104, "projects": 46},
    "L": {"partners": 1000, "groups": 100, "meetings": 4800, "projects": 200},
    "XL": {"partners": 1000, "groups": 100, "meetings": 48000, "projects": 200},
}
KINDS = [
    "association",
    "welfare",
    "business",
    "bank",
    "school",
    "education",
    "church",
    "foundation",
]
TAGS = ["Bildung", "Jugendarbeit", "Seniorenarbeit", "Öffentlichkeitsarbeit", "Fundraising",
        "Räume", "Druck", "Flüchtlingshilfe", "Sport", "Kultur", "Umwelt", "Digitales"]  # fmt: skip
START = date(2012, 1, 1)


def spec_of(size: str) -> dict[str, int]:
    """`L`, `XL`, `M`, or a size grown (or shrunk) in every dimension: `L*4`, `M*0.3`."""
    if "*" in size:
        base, factor = size.split("*")
        return {key: max(1, round(value * float(factor))) for key, value in SIZES[base].items()}
    return SIZES[size]


def generate(size: str, target: Path, seed: int = 2021) -> int:
    """Write a network of `size` into `target` (replaced); return its number of files."""
    if target.exists():
        shutil.rmtree(target)
    if size == "S":
        shutil.copytree(EXAMPLE, target)
        return sum(1 for p in target.rglob("*.yaml") if ".schemas" not in p.parts)
    spec = spec_of(size)
    rnd = random.Random(seed)
    files: dict[str, str] = {}
    files["netzwerk.yaml"] = (
        "name: Synthetisches Netzwerk\ncity: Musterstadt\nfounded: 2012-01-01\nlanguage: de\n"
        "coordinator: partner-0000\nrules:\n  intro_talk_required: ja\n  remind_days: 14\n"
    )
    persons: list[str] = []
    for i in range(spec["partners"]):
        pid = f"partner-{i:04d}"
        lines = [
            f"name: Organisation {i:04d} e.V.",
            f"kind: {KINDS[i % len(KINDS)]}",
            "status: active",
            f"expertise: [{', '.join(rnd.sample(TAGS, 3))}]",
            "approached: 2011-10-01",
            "joined: 2012-01-01",
            f"website: https://www.example.org/{pid}",
            "contacts:",
        ]
        for j in range(3):
            person = f"person-{i:04d}-{j}"
            persons.append(person)
            lines += [
                f"  - id: {person}",
                f"    name: Vorname{j} Nachname{i:04d}",
                f"    role: Funktion {j}",
                f"    email: {person}@example.org",
                f'    phone: "02871 {i:04d}{j}"',
                f"    decision_maker: {'ja' if j == 0 else 'nein'}",
                "    intro_talk: 2012-01-01",
                "    consent: 2012-01-01",
                "    since: 2012-01-01",
            ]
        lines.append(
            "notes: |\n  Zusammenarbeit seit der Gründung.\n  Ansprechbar für gemeinsame Projekte."
        )
        files[f"partners/{pid}.yaml"] = "\n".join(lines) + "\n"

    groups: list[tuple[str, list[str]]] = []
    for g in range(spec["groups"]):
        gid = f"gruppe-{g:03d}"
        members = rnd.sample(persons, 8)
        groups.append((gid, members))
        patrons = sorted({m.split("-")[1] for m in members[:3]})
        lines = [
            f"name: Arbeitsgruppe {g:03d}",
            "kind: working" if g else "kind: steering",
            f"topic: {TAGS[g % len(TAGS)]}",
            "host: partner-0000",
            f"patrons: [{', '.join('partner-' + p for p in patrons)}]",
            f"lead: {members[0]}",
            "started: 2012-01-01",
            "meets_every_weeks: 8",
            "goals:\n  - Gemeinsame Vorhaben umsetzen",
            "members:",
        ]
        for k, m in enumerate(members):
            role = "chair" if k == 0 else "minutes" if k == 1 else "member"
            lines += [f"  - person: {m}", f"    role: {role}", "    since: 2012-01-01"]
        files[f"groups/{gid}.yaml"] = "\n".join(lines) + "\n"

    per_group = spec["meetings"] // len(groups)
    span = (date(2024, 12, 31) - START).days
    for gid, members in groups:
        days = sorted(rnd.sample(range(span), per_group))
        for n, offset in enumerate(days):
            day = START + timedelta(days=offset)
            present = members[:6]
            tasks = []
            for t in range(2):
                due = day + timedelta(days=30)
                done = f"{(day + timedelta(days=20)).isoformat()}" if (n + t) % 3 else "null"
                tasks.append(
                    f"      - title: Aufgabe {t} aus Sitzung {n}\n        owner: {members[2 + t]}\n"
                    f"        due: {due.isoformat()}\n        done: {done}"
                )
            files[f"meetings/{day.year}/{day.isoformat()}-{gid}.yaml"] = (
                f'group: {gid}\ndate: {day.isoformat()}\nstart: "18:00"\nend: "20:00"\n'
                f"location: Raum {n % 7}\nstatus: held\nchair: {members[0]}\nminutes_by: {members[1]}\n"
                f"present: [{', '.join(present)}]\nexcused: [{members[6]}]\n"
                "agenda:\n"
                "  - title: Begrüßung und Protokoll der letzten Sitzung\n    duration: 10\n    kind: info\n"
                f"  - title: Stand der Arbeitsaufträge\n    duration: 20\n    kind: discussion\n    by: {members[0]}\n"
                "    notes: |\n      Die Gruppe bespricht die offenen Aufträge.\n      Zwei sind erledigt.\n"
                f"  - title: Neues Vorhaben\n    duration: 45\n    kind: decision\n    by: {members[1]}\n"
                "    decisions:\n      - Das Vorhaben wird umgesetzt.\n    tasks:\n"
                + "\n".join(tasks)
                + "\n"
            )

    for p in range(spec["projects"]):
        partners = [f"partner-{rnd.randrange(spec['partners']):04d}" for _ in range(3)]
        first = 2012 + p % 12
        files[f"projects/projekt-{p:03d}.yaml"] = (
            f"name: Projekt {p:03d}\nkind: event\ngroup: gruppe-{p % len(groups):03d}\n"
            f"lead: {groups[p % len(groups)][1][0]}\npartners: [{', '.join(sorted(set(partners)))}]\n"
            f"status: done\nstart: {first}-02-01\nend: {first}-10-31\n"
            "figures:\n  teilnehmende: 120\n  helfende: 30\n"
            f"milestones:\n  - title: Planung\n    due: {first}-03-01\n    done: {first}-02-27\n"
            f"contributions:\n  - partner: {partners[0]}\n    kind: rooms\n    hours: 12\n"
            f"  - partner: {partners[1]}\n    kind: printing\n    value_eur: 250.00\n"
        )
    for rel, text in files.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return len(files)


def history(root: Path, commits: int) -> None:
    """Make `root` a git repository whose history has `commits` commits: the network as
    it is, then one meeting changed per commit (a decision reworded), written with
    `git fast-import` in one go."""
    import subprocess

    files = sorted(p for p in root.rglob("*.yaml") if ".schemas" not in p.parts)
    meetings = [p for p in files if p.parts[-3] == "meetings"] if files else []
    texts = {p: p.read_bytes() for p in files}
    stream = bytearray()

    def data(blob: bytes) -> None:
        stream.extend(b"data %d\n" % len(blob) + blob + b"\n")

    def commit(number: int, changed: list[Path]) -> None:
        stream.extend(b"commit refs/heads/main\n")
        stream.extend(b"committer Bench <bench@example.org> %d +0000\n" % (1.6e9 + number * 3600))
        data(f"Stand {number}".encode())
        for path in changed:
            stream.extend(b"M 100644 inline " + path.relative_to(root).as_posix().encode() + b"\n")
            data(texts[path])

    commit(0, files)
    for n in range(1, commits):
        path = meetings[(n * 7919) % len(meetings)]
        texts[path] = texts[path].replace(
            b"Das Vorhaben wird umgesetzt", b"Das Vorhaben wird umgesetzt (%d)" % n, 1
        )
        commit(n, [path])
    env = {"PATH": "/usr/bin:/bin", "HOME": str(root), "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True, env=env)
    subprocess.run(["git", "-C", str(root), "fast-import", "--quiet"], input=bytes(stream),
                   check=True, env=env)  # fmt: skip
    subprocess.run(["git", "-C", str(root), "reset", "-q", "--hard"], check=True, env=env)


if __name__ == "__main__":
    size, folder = sys.argv[1], Path(sys.argv[2])
    print(f"{generate(size, folder)} Dateien in {folder}")
