"""Rendering: Markdown escaping, HTML safety, the sandbox and network overrides."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from netzwerkctl.present.render import TemplateProblem, markdown_to_html, md_escape, render

MINIMAL = {"title": "x"}


def test_md_escape_keeps_data_literal_and_on_one_line() -> None:
    assert md_escape("A | B *fett* [link](x) <b>") == r"A \| B \*fett\* \[link\](x) \<b\>"
    assert md_escape("zwei\nZeilen") == "zwei Zeilen"


def test_html_escapes_raw_html_and_drops_unsafe_links() -> None:
    html = str(markdown_to_html("<script>alert(1)</script>\n\n[klick](javascript:alert(1))"))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript' not in html


def test_tables_become_html_tables() -> None:
    assert "<table>" in str(markdown_to_html("| a | b |\n| --- | --- |\n| 1 | 2 |\n"))


def _override(tmp_path: Path, name: str, text: str, lang: str | None = None) -> Path:
    folder = tmp_path / "templates"
    target = folder / lang if lang else folder
    target.mkdir(parents=True, exist_ok=True)
    (target / name).write_text(text, encoding="utf-8")
    return folder


def test_network_templates_override_builtin_ones(tmp_path: Path) -> None:
    folder = _override(tmp_path, "agenda.md.j2", "Eigene Einladung: {{ title }}\n", "de")
    assert (
        render("agenda", MINIMAL, "de", network_templates=folder, marker=False)
        == "Eigene Einladung: x\n"
    )
    marked = render("agenda", MINIMAL, "de", network_templates=folder)
    assert marked.startswith("<!-- netzwerkctl:") and marked.endswith("Eigene Einladung: x\n")
    # a template directly in templates/ serves every language
    folder = _override(tmp_path / "b", "agenda.md.j2", "Für alle: {{ title }}\n")
    assert (
        render("agenda", MINIMAL, "en", network_templates=folder, marker=False) == "Für alle: x\n"
    )


@pytest.mark.parametrize(
    "body",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ title.__class__.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os.environ }}",
    ],
)
def test_sandbox_refuses_python_internals(tmp_path: Path, body: str) -> None:
    folder = _override(tmp_path, "agenda.md.j2", body + "\n", "de")
    with pytest.raises(TemplateProblem):
        render("agenda", MINIMAL, "de", network_templates=folder)


def test_undefined_names_are_errors_naming_template_and_line(tmp_path: Path) -> None:
    folder = _override(tmp_path, "agenda.md.j2", "ok\n\n{{ titel }}\n", "de")
    with pytest.raises(TemplateProblem, match=r"agenda\.md\.j2:3: .*titel"):
        render("agenda", MINIMAL, "de", network_templates=folder)


def test_syntax_errors_name_template_and_line(tmp_path: Path) -> None:
    folder = _override(tmp_path, "agenda.md.j2", "ok\n{% if %}\n", "de")
    with pytest.raises(TemplateProblem, match=r"agenda\.md\.j2:2"):
        render("agenda", MINIMAL, "de", network_templates=folder)


def test_date_filters_follow_the_language(tmp_path: Path) -> None:
    text = "{{ d | long_date }} / {{ d | short_date }} / {{ t | clock }}\n"
    folder = _override(tmp_path, "agenda.md.j2", text)
    ctx = {"d": date(2021, 12, 1), "t": time(14, 0)}
    assert (
        render("agenda", ctx, "de", network_templates=folder, marker=False)
        == "Mittwoch, 1. Dezember 2021 / 01.12.2021 / 14:00\n"
    )
    assert (
        render("agenda", ctx, "en", network_templates=folder, marker=False)
        == "Wednesday, December 1, 2021 / 2021-12-01 / 14:00\n"
    )


def test_html_page_is_self_contained_and_escapes_the_title(tmp_path: Path) -> None:
    folder = _override(tmp_path, "agenda.md.j2", "# Einladung {{ title | md }}\n\ntext\n", "de")
    page = render("agenda", {"title": "<b>&"}, "de", "html", network_templates=folder)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="de">' in page
    assert "<title>Einladung &lt;b&gt;&amp;</title>" in page
    assert "<link" not in page and "src=" not in page and "://" not in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_remote_images_become_text_and_links_tell_no_one_where_from(tmp_path: Path) -> None:
    body = "# T\n\n{{ text | md_text }}\n"
    folder = _override(tmp_path, "agenda.md.j2", body, "de")
    text = (
        "Sehr gut ![Pixel](https://tracker.example/p.gif) und [Seite](https://example.org). "
        "![Logo](data:image/png;base64,iVBORw0KGgo=) <img src=https://x.example/a.png> "
        "<script>alert(1)</script>"
    )
    page = render("agenda", {"text": text}, "de", "html", network_templates=folder)
    assert "tracker.example/p.gif]" in page and '<img src="https' not in page
    assert '<img src="data:image/png;base64,iVBORw0KGgo=" alt="Logo"' in page
    assert 'href="https://example.org" rel="noopener noreferrer"' in page
    assert "<script>" not in page and "<img src=https" not in page
    markdown = render("agenda", {"text": text}, "de", "md", network_templates=folder)
    assert "<script>" not in markdown and "&lt;script>" in markdown


@pytest.mark.parametrize(
    "body",
    [
        "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",  # calls itself without end
        "{% for i in range(100000) %}{% for j in range(100000) %}xxxxxxxxxx{% endfor %}{% endfor %}",
    ],
)
def test_a_template_cannot_recurse_or_grow_without_bound(tmp_path: Path, body: str) -> None:
    folder = _override(tmp_path, "agenda.md.j2", body + "\n", "de")
    with pytest.raises(TemplateProblem, match=r"agenda\.md\.j2"):
        render("agenda", MINIMAL, "de", network_templates=folder)
