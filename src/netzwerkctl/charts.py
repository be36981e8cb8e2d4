"""Small inline SVG charts for the HTML report: no scripts, no fonts to load, no
external files — the report stays one self-contained file that prints well.

Every label comes from the data and is escaped; sizes scale with the page width.
"""

from __future__ import annotations

from html import escape

_BAR = "#2f6f8f"
_BAR_2 = "#c06a1a"
_TEXT = "#1a1a1a"


def _fmt(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}".replace(".", ",")


def columns(title: str, items: list[tuple[str, float]]) -> str:
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
            f'fill="{_BAR}"><title>{escape(label)}: {_fmt(value)}</title></rect>'
            f'<text x="{x + w / 2:.1f}" y="{bottom - h - 5:.1f}" text-anchor="middle" '
            f'font-size="12">{_fmt(value)}</text>'
            f'<text x="{x + w / 2:.1f}" y="{bottom + 16:.1f}" text-anchor="middle" '
            f'font-size="12">{escape(label)}</text>'
        )
    return _svg(title, width, height, "".join(parts))


def bars(title: str, items: list[tuple[str, float]], unit: str = "", second: bool = False) -> str:
    """Horizontal bars with their labels on the left (long names stay readable)."""
    # narrow enough that 12-pixel labels stay legible when a phone scales the chart down
    row, label_width, width = 26, 190, 480
    height = 30 + row * max(len(items), 1)
    peak = max((v for _, v in items), default=0) or 1
    colour = _BAR_2 if second else _BAR
    parts = []
    for i, (label, value) in enumerate(items):
        y = 30 + i * row
        w = (width - label_width - 60) * value / peak
        shown = label if len(label) <= 24 else label[:23] + "…"
        text = f"{_fmt(value)}{unit}"
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end" font-size="12">'
            f"{escape(shown)}</text>"
            f'<rect x="{label_width}" y="{y + 4}" width="{w:.1f}" height="{row - 8}" '
            f'fill="{colour}"><title>{escape(label)}: {escape(text)}</title></rect>'
            f'<text x="{label_width + w + 6:.1f}" y="{y + 16}" font-size="12">{escape(text)}</text>'
        )
    return _svg(title, width, height, "".join(parts))


def _svg(title: str, width: int, height: int, body: str) -> str:
    return (
        f'<figure class="chart"><svg viewBox="0 0 {width} '
        f'{height}" role="img" aria-label="{escape(title)}" width="100%" '
        f'font-family="system-ui, sans-serif" fill="{_TEXT}">'
        f"<title>{escape(title)}</title>"
        f'<text x="0" y="16" font-size="14" font-weight="bold">{escape(title)}</text>'
        f"{body}</svg></figure>"
    )
