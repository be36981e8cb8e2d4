"""Small inline SVG charts for the HTML report: no scripts, no fonts to load, no
external files — the report stays one self-contained file that prints well.

Every label comes from the data and is escaped; sizes scale with the page width.
Numbers are formatted by the caller (Babel, in the document's language: `1.275 €`
in German, `€1,275` in English); long labels wrap onto several lines instead of being
cut, so that two groups never look the same ("Steuerungsgruppe Engagi…").
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from html import escape

from netzwerkctl.present.pdf import FAMILY  # the fonts of the PDF, where there is one

Format = Callable[[float], str]

_BAR = "#2f6f8f"
_BAR_2 = "#c06a1a"
_TEXT = "#1a1a1a"


_LINE = 26  # characters of a label line at 12 pixels in the label column
_LINES = 4


def label_lines(labels: list[str]) -> list[list[str]]:
    """Each label wrapped onto at most four lines; a label longer than that is cut,
    and if two cut labels would then read the same, each gets its position."""
    wrapped = []
    for label in labels:
        lines = textwrap.wrap(label, _LINE, break_long_words=True) or [""]
        if len(lines) > _LINES:
            lines = [*lines[: _LINES - 1], lines[_LINES - 1][: _LINE - 1] + "…"]
        wrapped.append(lines)
    shown = [" ".join(lines) for lines in wrapped]
    for i, text in enumerate(shown):
        if shown.count(text) > 1:
            wrapped[i] = [*wrapped[i][:-1], f"{wrapped[i][-1]} ({i + 1})"]
    return wrapped


def columns(title: str, items: list[tuple[str, float]], fmt: Format) -> str:
    """Vertical columns, one per item (e.g. partners at the end of each year)."""
    width, height, bottom, top = 640, 240, 200, 30
    n = max(len(items), 1)
    step = (width - 40) / n
    peak = max((v for _, v in items), default=0) or 1
    parts = []
    for i, (label, value) in enumerate(items):
        h = (bottom - top) * value / peak
        x = 20 + i * step + step * 0.15
        w = step * 0.7
        parts.append(
            f'<rect x="{x:.1f}" y="{bottom - h:.1f}" width="{w:.1f}" height="{h:.1f}" '
            f'fill="{_BAR}"><title>{escape(label)}: {escape(fmt(value))}</title></rect>'
            f'<text x="{x + w / 2:.1f}" y="{bottom - h - 5:.1f}" text-anchor="middle" '
            f'font-size="12">{escape(fmt(value))}</text>'
            f'<text x="{x + w / 2:.1f}" y="{bottom + 16:.1f}" text-anchor="middle" '
            f'font-size="12">{escape(label)}</text>'
        )
    return _svg(title, width, height, "".join(parts), _described(items, fmt))


def bars(title: str, items: list[tuple[str, float]], fmt: Format, second: bool = False) -> str:
    """Horizontal bars with their labels on the left, wrapped onto as many lines as
    they need (up to four)."""
    # narrow enough that 12-pixel labels stay legible when a phone scales the chart down
    line, label_width, width = 14, 190, 480
    peak = max((v for _, v in items), default=0) or 1
    colour = _BAR_2 if second else _BAR
    parts = []
    y = 30
    for (label, value), lines in zip(items, label_lines([lb for lb, _ in items]), strict=True):
        row = max(26, 12 + line * len(lines))
        w = (width - label_width - 70) * value / peak
        text = fmt(value)
        middle = y + row / 2
        first = middle - line * (len(lines) - 1) / 2 + 4
        spans = "".join(
            f'<tspan x="{label_width - 8}" y="{first + i * line:.1f}">{escape(part)}</tspan>'
            for i, part in enumerate(lines)
        )
        parts.append(
            f'<text text-anchor="end" font-size="12">{spans}</text>'
            f'<rect x="{label_width}" y="{middle - 9:.1f}" width="{w:.1f}" height="18" '
            f'fill="{colour}"><title>{escape(label)}: {escape(text)}</title></rect>'
            f'<text x="{label_width + w + 6:.1f}" y="{middle + 4:.1f}" font-size="12">'
            f"{escape(text)}</text>"
        )
        y += row
    return _svg(title, width, max(y, 56), "".join(parts), _described(items, fmt))


def _described(items: list[tuple[str, float]], fmt: Format) -> str:
    """The chart's data as text, for screen readers (`<desc>`)."""
    return "; ".join(f"{label}: {fmt(value)}" for label, value in items)


def _svg(title: str, width: int, height: int, body: str, description: str) -> str:
    return (
        f'<figure class="chart"><svg viewBox="0 0 {width} '
        f'{height}" role="img" aria-label="{escape(title)}" width="100%" '
        f'font-family="&apos;{FAMILY}&apos;, system-ui, sans-serif" fill="{_TEXT}">'
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>"
        f'<text x="0" y="16" font-size="14" font-weight="bold">{escape(title)}</text>'
        f"{body}</svg></figure>"
    )
