"""docs/check-codes.md is generated from the code catalogue and the real output of
each code's test case; this test fails when the page drifts.

Regenerate it with: NETZWERKCTL_UPDATE_GOLDEN=1 pytest tests/test_docs.py
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import TODAY, Symlink, assert_golden, write_network
from netzwerkctl.check import check_network
from netzwerkctl.codes import CODES
from netzwerkctl.present.problems import as_text_line
from test_rules import CASES, FALLBACK, REGISTRY_CASES

DOCS = Path(__file__).parents[1] / "docs"
PAGE = DOCS / "check-codes.md"

INTRO = """\
# Prüfcodes von `netzwerkctl check`

Jedes Problem, das `check` meldet, hat einen festen Code. Fehler (error) lassen die
Prüfung scheitern (Exit-Code 1), Warnungen (warning) nur mit `--strict`. Die Codes
sind nach Bereichen gruppiert: NW0xx Lesen einer Datei, NW1xx Form eines Eintrags,
NW2xx Verweise und Kennungen, NW3xx Daten, NW4xx Sitzungen, NW5xx Partner und
Gruppen, NW6xx Marktplatz. NW7xx betrifft nicht ein Netzwerk, sondern die Liste der
Netzwerke eines Programms (`programm.yaml`, siehe [federation.md](federation.md)).

Jedes Beispiel unten ist echt: Es ist ein Testfall, und die Meldung darunter ist die
Ausgabe von `netzwerkctl check` für ihn (erzeugt von `tests/test_docs.py`).

## Prüfungen einstellen

Warnungen lassen sich für ein Netzwerk abschalten oder zu Fehlern machen – im
Abschnitt `checks:` der `netzwerk.yaml` (Deutsch oder Englisch):

```yaml
checks:
  NW502: aus      # Kontakte ohne Einwilligung nicht melden (auch: off)
  NW406: fehler   # eine vergangene, noch geplante Sitzung lässt check scheitern (auch: error)
```

Für einen Lauf wählen `check --ignore NW502` und `check --select NW5` (alle Codes, die
so anfangen, wie bei ruff; mehrere mit Komma oder die Option mehrmals) unter den
Warnungen aus; die Befehlszeile gilt zusätzlich zu `checks:`. **Fehler lassen sich
weder abschalten noch zu Warnungen machen**, weder in `checks:` (NW121) noch mit
`--ignore` (Exit-Code 2): Solange ein Fehler besteht, erzeugt und versendet
netzwerkctl keine Dokumente, und das soll kein Netzwerk abstellen können. Eine
Warnung, die `checks:` zum Fehler macht, wirkt überall wie ein Fehler: `check` endet
mit Exit-Code 1, und die anderen Befehle erzeugen nichts ohne `--allow-errors`. Ein
unbekannter Code ist ein Fehler mit Vorschlag (NW120, auf der Befehlszeile Exit-Code 2).
"""


def _excerpt(text: str, line: int | None) -> str:
    lines = text.splitlines()
    if line is None:
        line = 1
    start, end = max(1, line - 2), min(len(lines), line + 2)
    shown = []
    for number in range(start, end + 1):
        content = lines[number - 1]
        if len(content) > 70:
            content = content[:70] + " …"
        shown.append(f"{number:>3} | {content}")
    return "\n".join(shown)


def render_page(tmp: Path) -> str:
    parts = [INTRO]
    for n, code in enumerate(sorted(CODES)):
        entry = CODES[code]
        parts.append(f"\n## {code} {entry.title}\n\nSchwere: {entry.severity}\n")
        if code == FALLBACK:
            parts.append(
                "\nAuffangcode für Prüfungen der Form, die keinen eigenen Code haben; die "
                "Meldung nennt den Schlüssel und die Beschreibung der Prüfung.\n"
            )
            continue
        if code in REGISTRY_CASES:
            from netzwerkctl.federation.registry import read_registry

            text = REGISTRY_CASES[code][0]
            hit = read_registry(text.encode(), "programm.yaml").problems[0]
            shown = f"programm.yaml:\n{_excerpt(text, hit.line)}"
            parts.append(f"\n```\n{shown}\n```\n\n```\n{as_text_line(hit)}\n```\n")
            continue
        patch = CASES[code][0]
        root = write_network(tmp / f"n{n}", patch)
        hit = next(p for p in check_network(root, TODAY).problems if p.code == code)
        content = patch.get(hit.file)
        if isinstance(content, bytes):
            shown = "(Datei in Windows-1252 gespeichert: „name: Müller“)"
        elif isinstance(content, Symlink):
            shown = f"{hit.file} → {content.target} (Verknüpfung auf eine fehlende Datei)"
        elif isinstance(patch.get(hit.file.rstrip("/")), Symlink):
            target = patch[hit.file.rstrip("/")]
            assert isinstance(target, Symlink)
            shown = f"{hit.file} → {target.target} (Verknüpfung aus dem Netzwerk hinaus)"
        elif hit.file.endswith("/"):
            shown = "\n".join(f"{rel} (Ordner statt partners/)" for rel in patch)
        elif content == "":
            shown = f"{hit.file}: (leere Datei)"
        else:
            text = content if content is not None else (root / hit.file).read_text("utf-8")
            shown = f"{hit.file}:\n{_excerpt(text, hit.line)}"
        parts.append(f"\n```\n{shown}\n```\n\n```\n{as_text_line(hit)}\n```\n")
    return "".join(parts)


def test_check_codes_page_is_up_to_date(tmp_path: Path) -> None:
    assert_golden(PAGE, render_page(tmp_path))


def test_every_code_is_documented() -> None:
    documented = set(re.findall(r"^## (NW\d{3}) ", PAGE.read_text(encoding="utf-8"), re.M))
    assert documented == set(CODES)


def test_security_page_names_tests_that_exist() -> None:
    """docs/security.md backs every guarantee with a test: those tests must exist."""
    page = (DOCS / "security.md").read_text(encoding="utf-8")
    top = DOCS.parent
    refs = re.findall(r"`((?:tests|bench)/[\w/]+\.py)(?:::(\w+))?`", page)
    assert len(refs) > 20
    last_file = ""
    for file, name in refs:
        last_file = file
        assert (top / file).exists(), file
        if name:
            assert f"def {name}(" in (top / file).read_text(encoding="utf-8"), f"{file}::{name}"
    # `…::name` continues the file named just before it
    for file, name in re.findall(r"`(tests/[\w/]+\.py)::\w+`, `…::(\w+)`", page):
        assert f"def {name}(" in (top / file).read_text(encoding="utf-8"), f"{file}::{name}"
    assert last_file


def test_the_documents_page_shows_a_picture_of_every_document() -> None:
    from screenshots import DOCUMENTS, IMAGES

    page = (DOCS / "documents.md").read_text(encoding="utf-8")
    shown = re.findall(r"!\[[^\]]+\]\(images/([\w-]+)\.png\)", page)
    assert sorted(shown) == sorted(name for name, _args in DOCUMENTS)
    for name in shown:
        image = (IMAGES / f"{name}.png").read_bytes()
        assert image[:8] == b"\x89PNG\r\n\x1a\n" and len(image) > 10_000, name
