"""PDF for sending and archiving: a document's HTML page, printed by WeasyPrint as
PDF/A-2a — tagged, with its language and title, every font embedded.

The fonts ship with the package (DejaVu Sans, fonts/LICENSE.txt) and replace whatever
the HTML asks for, so a PDF looks the same on every machine; the same HTML gives the
same bytes (the PDF's identifier is a hash of the HTML, and no clock is read).
WeasyPrint is imported only here, when a PDF is asked for. It loads nothing but the
package's fonts and `data:` URLs: an image or stylesheet that a network's own template
names (http://…, file:///…) is not fetched — no network access, no local file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

FONTS = Path(__file__).resolve().parent.parent / "fonts"
FAMILY = "netzwerkctl DejaVu Sans"
_FACES = (
    ("DejaVuSans.ttf", "normal", "normal"),
    ("DejaVuSans-Bold.ttf", "bold", "normal"),
    ("DejaVuSans-Oblique.ttf", "normal", "italic"),
)


class PdfUnavailable(Exception):
    """WeasyPrint or the libraries it needs (Pango) cannot be loaded here."""


def _font_css() -> str:
    faces = "\n".join(
        f'@font-face {{ font-family: "{FAMILY}"; font-weight: {weight}; font-style: {style}; '
        f'src: url("{(FONTS / name).as_uri()}"); }}'
        for name, weight, style in _FACES
    )
    everywhere = f'font-family: "{FAMILY}" !important;'
    boxes = " ".join(f"@{box} {{ {everywhere} }}" for box in ("top-left", "bottom-right"))
    return f"{faces}\nhtml, body, table {{ {everywhere} }}\n@page {{ {boxes} }}\n"


def _allowed(url: str) -> bool:
    return url.startswith(("data:", FONTS.as_uri() + "/"))


def _fetcher() -> Any:
    """WeasyPrint's URL fetcher, confined to `_allowed` (its API changed in release 68:
    a class there, a function before)."""
    try:
        from weasyprint.urls import URLFetcher
    except ImportError:
        from weasyprint import default_url_fetcher

        def fetch(url: str, *args: Any, **kwargs: Any) -> Any:
            if not _allowed(url):
                raise ValueError(f"not loaded: {url}")
            return default_url_fetcher(url, *args, **kwargs)

        return fetch

    class Confined(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if not _allowed(url):
                raise ValueError(f"not loaded: {url}")
            return super().fetch(url, headers)

    return Confined(allowed_protocols={"file", "data"})


def pdf_unavailable() -> str | None:
    """Why no PDF can be made here (WeasyPrint or its Pango library missing), or
    None: for offering PDF only where it works."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        return str(exc)
    return None


def to_pdf(html: str) -> bytes:
    """The PDF/A-2a of an HTML page made by present/render.py."""
    try:
        from weasyprint import CSS, HTML
        from weasyprint.text.fonts import FontConfiguration
    except (ImportError, OSError) as exc:  # OSError: Pango is missing (Windows without GTK)
        raise PdfUnavailable(str(exc)) from None
    fonts = FontConfiguration()
    fetcher = _fetcher()
    css = CSS(string=_font_css(), font_config=fonts, url_fetcher=fetcher)
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    page = HTML(string=html, base_url=FONTS.as_uri(), url_fetcher=fetcher)
    pdf: bytes = page.write_pdf(
        stylesheets=[css],
        font_config=fonts,
        pdf_variant="pdf/a-2a",
        pdf_identifier=identifier,
    )
    return pdf
