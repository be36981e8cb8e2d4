"""The catalogues: in step with the sources, complete, with the same placeholders as
their messages; every stored value has a label; one template per document, with the
network's own templates looked up first (per language, then for every language)."""

from __future__ import annotations

import fnmatch
import typing
from collections.abc import Callable
from pathlib import Path

import catalogues
import pytest
from typer.testing import CliRunner

from netzwerkctl import model
from netzwerkctl.cli import app
from netzwerkctl.i18n import Text, languages
from netzwerkctl.present.labels import contexts

TOP = Path(__file__).parents[1]


def test_catalogues_are_complete_and_in_step_with_the_sources() -> None:
    """Fails on a message in the sources but not in a catalogue (or the other way
    round), an untranslated or fuzzy message, different placeholders, or a .mo that
    was not compiled from its .po: `python scripts/catalogues.py update` and translate."""
    assert catalogues.problems() == []


def test_a_translation_with_other_placeholders_is_found() -> None:
    from babel.messages.catalog import Message

    assert catalogues.placeholder_problems(Message("Hello %(name)s", "Hallo %(nam)s"))
    assert not catalogues.placeholder_problems(Message("Hello %(name)s", "Hallo %(name)s"))
    plural = Message(("%(num)d day", "%(num)d days"), ("ein Tag", "%(num)d Tage"))
    assert not catalogues.placeholder_problems(plural)
    wrong = Message(("%(num)d day in %(year)s", "%(num)d days in %(year)s"), ("Tag", "Tage"))
    assert catalogues.placeholder_problems(wrong)


def test_german_and_english_are_the_languages() -> None:
    assert languages() == ["de", "en"]
    assert Text("de")("Agenda") == "Tagesordnung" and Text("en")("Agenda") == "Agenda"
    assert Text("de").ngettext("%(num)d contact", "%(num)d contacts", 3, num=3) == "3 Kontakte"


@pytest.mark.parametrize("context", sorted(contexts()))
def test_every_stored_value_has_a_label_in_every_language(context: str) -> None:
    for lang in languages():
        catalogue = Text(lang).catalogue
        for value in contexts()[context]:
            # the catalogue holds it (pgettext falls back to the value itself otherwise)
            assert f"{context}\x04{value}" in catalogue._catalog, (lang, context, value)  # type: ignore[attr-defined]
    german = Text("de")
    assert german.pgettext("partner status", "approached") == "angesprochen"
    assert german.pgettext("partner kind", "volunteer_agency") == "Freiwilligenagentur"


def test_the_label_contexts_are_the_models_kinds() -> None:
    assert contexts()["partner kind"] == typing.get_args(model.PartnerKind)
    assert contexts()["meeting status"] == ("planned", "held", "cancelled")
    assert "decision_maker" in contexts()["contact field"]


def test_there_is_one_template_per_document() -> None:
    folder = TOP / "templates"
    assert not (folder / "de").exists() and not (folder / "en").exists()
    names = sorted(p.name for p in folder.glob("*.md.j2"))
    assert "agenda.md.j2" in names and "report.md.j2" in names


def test_compiled_catalogues_are_package_data() -> None:
    tomllib = pytest.importorskip("tomllib", reason="tomllib is Python 3.11 and newer")
    config = tomllib.loads((TOP / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["netzwerkctl"]
    package = TOP / "src" / "netzwerkctl"
    for mo in package.glob("locale/*/LC_MESSAGES/*.mo"):
        rel = mo.relative_to(package).as_posix()
        assert any(fnmatch.fnmatch(rel, p) for p in patterns), rel


@pytest.mark.parametrize(
    ("files", "lang", "expected"),
    [
        ({"templates/agenda.md.j2": "für alle"}, "de", "für alle"),
        ({"templates/agenda.md.j2": "für alle"}, "en", "für alle"),
        ({"templates/de/agenda.md.j2": "nur deutsch"}, "de", "nur deutsch"),
        ({"templates/de/agenda.md.j2": "nur deutsch"}, "en", "Invitation:"),
        (
            {"templates/de/agenda.md.j2": "nur deutsch", "templates/agenda.md.j2": "alle"},
            "en",
            "alle",
        ),
        (
            {"templates/en/agenda.md.j2": "english", "templates/agenda.md.j2": "alle"},
            "en",
            "english",
        ),
    ],
)
def test_a_networks_own_template_is_looked_up_per_language_then_for_all(
    make_network: Callable[..., Path], files: dict[str, str], lang: str, expected: str
) -> None:
    root = make_network(files)
    result = CliRunner().invoke(
        app, ["-C", str(root), "agenda", "2021-03-15-ag", "--lang", lang, "--today", "2021-03-01"]
    )
    assert result.exit_code == 0, result.output
    assert expected in result.stdout


def test_a_networks_template_can_use_the_catalogue(make_network: Callable[..., Path]) -> None:
    root = make_network(
        {
            "templates/agenda.md.j2": "{{ _('Agenda') }}: {{ 'decision' | label('agenda item kind') }}\n"
        }
    )
    for lang, expected in (("de", "Tagesordnung: Beschluss"), ("en", "Agenda: Decision")):
        result = CliRunner().invoke(
            app,
            ["-C", str(root), "agenda", "2021-03-15-ag", "--lang", lang, "--today", "2021-03-01"],
        )
        assert expected in result.stdout, result.output


def test_every_translated_call_can_be_found_by_extraction() -> None:
    """Extraction finds `_("…")`, `_.ngettext(…)`, `_.pgettext(…)` and `N_(…)`; a call
    like `cli()("…")` or `Text(lang)("…")` would translate nothing and fall back to
    English without a failing test."""
    import ast
    import re

    hidden = re.compile(r"(?:\bcli\(\)|\bText\([^()]*\))\(")
    found = [
        f"{path.relative_to(TOP)}:{n}"
        for path in sorted((TOP / "src" / "netzwerkctl").rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if hidden.search(line)
    ]
    # ... and a call inside an f-string (also a triple-quoted one over many lines),
    # which extraction on Python before 3.12 reads as one string
    keywords = {"_", "gettext", "ngettext", "pgettext", "npgettext", "N_"}
    for path in sorted((TOP / "src" / "netzwerkctl").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for call in ast.walk(node):
                if isinstance(call, ast.Call):
                    func = call.func
                    name = getattr(func, "id", None) or getattr(func, "attr", None)
                    if name in keywords:
                        found.append(f"{path.relative_to(TOP)}:{call.lineno}")
    assert found == []


def test_short_dates_are_what_babel_gives_for_their_patterns() -> None:
    from datetime import date

    from babel.dates import format_date

    from netzwerkctl.i18n import SHORT_DATE, short_date

    for day in (date(1900, 1, 1), date(2021, 12, 1), date(2999, 12, 31)):
        for lang, pattern in SHORT_DATE.items():
            assert short_date(day, lang) == format_date(day, format=pattern, locale=lang)


def test_no_translated_call_hides_behind_another_name() -> None:
    """`words = Text(lang); words("…")` would not be extracted: only `_` (and the
    gettext names) are keywords. Every Text(…) or cli() that is called with a message
    must be bound to `_`."""
    import ast

    found = []
    for path in sorted((TOP / "src" / "netzwerkctl").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        bound = {
            target.id
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
            and node.value.func.id in ("Text", "cli")
            for target in node.targets
            if isinstance(target, ast.Name) and target.id != "_"
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, (ast.Name, ast.Attribute))
                and (node.func.id if isinstance(node.func, ast.Name) else "") in bound
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append(f"{path.relative_to(TOP)}:{node.lineno}")
    assert not found, found
