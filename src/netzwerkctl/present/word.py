"""Word files for the administration: a document's Markdown as real Word structure —
headings with Word's heading styles, paragraphs with bold and italic, bullet and
numbered lists, tables — never an image or one text box, so that a council office can
edit it. A network's letterhead (`templates/briefkopf.docx`: styles, header, footer,
logo) is the document the text is written into.

The same Markdown gives the same bytes: the zip entries carry a fixed date and the
document properties no clock. python-docx is imported only here.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

LETTERHEAD = "briefkopf.docx"


class LetterheadError(Exception):
    """The network's letterhead is no Word file python-docx can open."""


_FIXED = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry


def to_docx(markdown: str, lang: str, title: str, letterhead: Path | None = None) -> bytes:
    """A .docx of `markdown` (as present/render.py writes it, marker line included)."""
    from datetime import datetime

    from docx import Document
    from markdown_it import MarkdownIt

    try:
        document = Document(str(letterhead)) if letterhead else Document()
    except Exception as exc:  # python-docx's, zipfile's and lxml's errors: not a .docx
        raise LetterheadError(str(exc) or type(exc).__name__) from None
    body = document.element.body
    for child in list(body):  # the letterhead's own text goes; its section (header) stays
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    _Writer(document).blocks(tokens)
    properties = document.core_properties
    properties.title = _property(title)
    properties.language = lang
    properties.author = properties.last_modified_by = "netzwerkctl"
    properties.created = properties.modified = datetime(2000, 1, 1)
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_dates(buffer.getvalue())


def _property(text: str) -> str:
    """A document property holds at most 255 characters (python-docx refuses more): a
    longer title (a meeting's, a report's recipients) is cut with an ellipsis there —
    the document itself keeps it whole."""
    line = " ".join(text.split())
    return line if len(line) <= 255 else line[:254] + "…"


def _fixed_dates(package: bytes) -> bytes:
    """The same zip with every entry dated alike (zipfile stamps the current time)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


class _Writer:
    """Walks markdown-it's block tokens and writes them into the Word document."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.lists: list[str] = []  # "List Bullet" / "List Number", innermost last

    def blocks(self, tokens: list[Any]) -> None:
        i = 0
        while i < len(tokens):
            token = tokens[i]
            kind = token.type
            if kind == "heading_open":
                level = int(token.tag[1])
                paragraph = self.document.add_heading(level=min(level, 9))
                self.inline(paragraph, tokens[i + 1])
                i += 3
                continue
            if kind in ("bullet_list_open", "ordered_list_open"):
                self.lists.append("List Number" if kind == "ordered_list_open" else "List Bullet")
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "paragraph_open":
                style = self._list_style() if self.lists else None
                paragraph = self.document.add_paragraph(style=style)
                self.inline(paragraph, tokens[i + 1])
                i += 3
                continue
            elif kind == "table_open":
                end = next(j for j in range(i, len(tokens)) if tokens[j].type == "table_close")
                self.table(tokens[i:end])
                i = end
            elif kind == "html_block" or kind == "code_block" or kind == "fence":
                self.document.add_paragraph(token.content.rstrip("\n"))
            i += 1

    def _list_style(self) -> str:
        depth = len(self.lists)
        name = self.lists[-1] + (f" {depth}" if 1 < depth <= 3 else "")
        styles = {s.name for s in self.document.styles}
        return name if name in styles else self.lists[-1]

    def inline(self, paragraph: Any, token: Any) -> None:
        bold = italic = False
        for child in token.children or []:
            kind = child.type
            if kind == "strong_open":
                bold = True
            elif kind == "strong_close":
                bold = False
            elif kind == "em_open":
                italic = True
            elif kind == "em_close":
                italic = False
            elif kind in ("text", "code_inline", "html_inline") and child.content:
                run = paragraph.add_run(child.content)
                run.bold, run.italic = bold or None, italic or None
            elif kind == "softbreak":
                paragraph.add_run(" ")
            elif kind == "hardbreak":
                paragraph.add_run().add_break()

    def table(self, tokens: list[Any]) -> None:
        rows: list[list[Any]] = []
        header = 0
        for j, token in enumerate(tokens):
            if token.type == "tr_open":
                rows.append([])
            elif token.type in ("th_open", "td_open"):
                rows[-1].append(tokens[j + 1])
            elif token.type == "thead_close":
                header = len(rows)
        if not rows:
            return
        table = self.document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        if "Table Grid" in {s.name for s in self.document.styles}:
            table.style = "Table Grid"
        # row by row: `table.cell(r, c)` lays out the whole table on every call, which
        # made a report with a long table take minutes
        for r, (row, cells) in enumerate(zip(table.rows, rows, strict=True)):
            row_cells = row.cells
            for c, inline in enumerate(cells):
                paragraph = row_cells[c].paragraphs[0]
                self.inline(paragraph, inline)
                if r < header:
                    for run in paragraph.runs:
                        run.bold = True
        self.document.add_paragraph()  # Word joins tables that touch
