"""Documents from templates: one sandboxed Jinja environment per language.

Each document has one Markdown template (`templates/<name>.md.j2`); its words come
from the catalogue of the document's language (`{% trans %}`, `_()`, the filter
`label` for stored values; see i18n.py).
The HTML form is that Markdown turned into HTML (raw HTML in the data is escaped, not
passed through) inside `page.html.j2`, one self-contained printable file. A network's
own `templates/` folder overrides a built-in template of the same name: first
`templates/<lang>/<name>.md.j2` of the network (an override for one language), then
`templates/<name>.md.j2` of the network (for every language), then the built-in one. Templates run
in Jinja's sandbox with StrictUndefined: a typo in a template is an error, not an
empty string, and a template cannot reach into Python.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from netzwerkctl import i18n
from netzwerkctl.codes import Lang
from netzwerkctl.i18n import Text, cli
from netzwerkctl.present.labels import label

if TYPE_CHECKING:
    from markupsafe import Markup

Format = Literal["md", "html"]

# Every generated Markdown document starts with this line (HTML carries
# <meta name="generator" content="netzwerkctl">): netzwerkctl overwrites files that carry
# it, and no others without --force. Invisible when the Markdown is rendered; what
# follows "netzwerkctl:" is in the document's language, the start is what is looked for.
MARKER_START = "<!-- netzwerkctl:"


def marker_line(lang: str) -> str:
    _ = Text(lang)
    words = _("generated document, overwritten on the next run")
    return f"{MARKER_START} {words} -->\n"


# Markdown's inline syntax characters: escaped in values that come from the data.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_MD_UNESCAPE = re.compile(r"\\([\\`*_\[\]<>|#])")


def builtin_templates() -> Path:
    from importlib.resources import files

    return Path(str(files("netzwerkctl.templates")))


def md_escape(value: object) -> str:
    """A value from the data as literal Markdown text on one line (also in tables)."""
    text = " ".join(str(value).replace(_CHART_MARK, "").split())
    return _MD_SPECIAL.sub(r"\\\1", text)


# A chart's place in a document: a private-use character around its name, which data
# cannot bring in (md_escape removes it); replaced by the chart's SVG in HTML only.
_CHART_MARK = "\ue000"


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def shown(value: object, _: Text) -> str:
    """A stored value as a reader of the document's language reads it, as Markdown
    text: yes/no for booleans, dates as the language writes them."""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, Mapping):  # a record (consent): its fields, each with its word
        return "; ".join(
            f"{label(_, 'consent field', str(k))}: {shown(v, _)}" for k, v in value.items()
        )
    if isinstance(value, date) or (isinstance(value, str) and _ISO_DAY.fullmatch(value)):
        day = value if isinstance(value, date) else date.fromisoformat(str(value))
        return i18n.short_date(day, _.lang)
    return md_escape(value)


def md_text(value: object) -> str:
    """Markdown a person wrote (notes, report texts) as Markdown, but without raw HTML:
    `<` becomes `&lt;`, so no tag passes into a Markdown document verbatim (and the
    HTML made from it shows the character)."""
    return str(value).replace("<", "&lt;")


def date_filters(lang: Lang) -> dict[str, Callable[..., str]]:
    from babel.dates import format_date, format_time

    def long_date(value: date) -> str:
        return format_date(value, format="full", locale=lang)

    def letter_date(value: date) -> str:
        """Without the weekday, as a letter is dated: 1. September 2022."""
        return format_date(value, format="long", locale=lang)

    def short_date(value: date) -> str:
        return i18n.short_date(value, lang)

    def clock(value: time) -> str:
        return format_time(value, format="HH:mm", locale=lang)

    def when(day: date, start: time | None = None, end: time | None = None) -> str:
        """A day and time span as one phrase ("Mittwoch, 14. September 2022,
        18:00–19:30 Uhr"): `{{ meeting.date | when(meeting.start, meeting.end) }}`."""
        _ = Text(lang)
        if start and end:
            return _(
                "%(date)s, %(start)s–%(end)s",
                date=long_date(day),
                start=clock(start),
                end=clock(end),
            )
        if start:
            return _("%(date)s, %(start)s", date=long_date(day), start=clock(start))
        return long_date(day)

    return {
        "long_date": long_date,
        "letter_date": letter_date,
        "short_date": short_date,
        "clock": clock,
        "when": when,
    }


# Whole euros without ",00" and percentages as the two languages of the golden files
# print them; another language gets CLDR's formats for its locale.
_WHOLE_EUROS = {"de": "#,##0\u00a0¤", "en": "¤#,##0"}
_PERCENT = {"de": "#,##0 %", "en": "#,##0%"}


def number_formats(lang: Lang) -> dict[str, Callable[[Any], str]]:
    """Numbers in the document's language (Babel): templates use them as filters,
    the charts as formatters. `eur_whole` leaves out ",00" of whole euros."""
    from babel.numbers import format_currency, format_decimal, format_percent

    def eur(value: Any) -> str:
        return format_currency(value, "EUR", locale=lang)

    def eur_whole(value: Any) -> str:
        if float(value).is_integer() and lang in _WHOLE_EUROS:
            pattern = _WHOLE_EUROS[lang]
            return format_currency(value, "EUR", format=pattern, locale=lang, currency_digits=False)
        return format_currency(value, "EUR", locale=lang)

    def number(value: Any) -> str:
        return format_decimal(value, format="#,##0.##", locale=lang)

    def percent(value: Any) -> str:
        return format_percent(value, format=_PERCENT.get(lang), locale=lang)

    return {"eur": eur, "eur_whole": eur_whole, "number": number, "percent": percent}


class TemplateProblem(Exception):
    """A template could not be rendered; the message names the template and line."""


def _confined_loader(folder: Path, allowed: Path) -> Any:
    """A FileSystemLoader that refuses templates whose real path (links resolved) lies
    outside `allowed`: a network's `templates/` may not reach /proc/self/environ or any
    other file through a symbolic link."""
    import os

    from jinja2 import FileSystemLoader, TemplateNotFound

    class Confined(FileSystemLoader):
        def get_source(self, environment: Any, template: str) -> Any:
            source, filename, uptodate = super().get_source(environment, template)
            real = os.path.realpath(filename)
            root = os.path.realpath(allowed)
            if real != root and not real.startswith(root + os.sep):
                raise TemplateNotFound(template)
            return source, filename, uptodate

    return Confined(str(folder))


def _greeting(name: str, salutation: str | None, title: str | None, words: Text) -> str:
    from netzwerkctl.present.documents import personal_salutation

    return personal_salutation(name, salutation, title, words)


def outcome(decision: Mapping[str, Any], _: Text) -> str | None:
    """How a vote ended, as minutes say it: "einstimmig angenommen", "mit 7 Ja,
    1 Enthaltung angenommen", "mit 3 Ja, 5 Nein abgelehnt"; None without a vote."""
    votes = decision.get("votes")
    if not votes:
        return None
    yes, no, abstain = votes["yes"], votes["no"], votes["abstain"]
    if decision["carried"] and not no and not abstain:
        return _("adopted unanimously")
    parts = [_.ngettext("%(n)s in favour", "%(n)s in favour", yes)]
    if no:
        parts.append(_.ngettext("%(n)s against", "%(n)s against", no))
    if abstain:
        parts.append(_.ngettext("%(n)s abstention", "%(n)s abstentions", abstain))
    if decision["carried"]:
        return _("adopted with %(votes)s", votes=", ".join(parts))
    return _("rejected with %(votes)s", votes=", ".join(parts))


def environment(lang: Lang, network_templates: Path | None = None) -> Any:
    from jinja2 import ChoiceLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    folders: list[tuple[Path, Path]] = []
    if network_templates is not None:
        folders += [
            (network_templates / lang, network_templates),
            (network_templates, network_templates),
        ]
    builtin = builtin_templates()
    folders.append((builtin, builtin))
    env = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader([_confined_loader(f, allowed) for f, allowed in folders]),
        undefined=StrictUndefined,
        autoescape=lambda name: bool(name) and str(name).endswith((".html", ".html.j2")),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    words = Text(lang)
    env.install_gettext_translations(words.catalogue, newstyle=True)  # type: ignore[attr-defined]
    env.filters["label"] = lambda value, context: label(words, context, str(value))
    env.filters["shown"] = lambda value: shown(value, words)
    env.filters["outcome"] = lambda decision: outcome(decision, words)
    env.filters["greeting"] = lambda name, salutation=None, title=None: _greeting(
        name, salutation, title, words
    )
    env.filters.update(date_filters(lang))
    env.filters.update(number_formats(lang))
    env.filters["md"] = md_escape
    env.filters["css_string"] = css_string
    env.filters["md_text"] = md_text
    return env


def render(
    name: str,
    context: Mapping[str, Any],
    lang: Lang,
    fmt: Format = "md",
    network_templates: Path | None = None,
    charts: dict[str, str] | None = None,
    marker: bool = True,
    notice: str | None = None,
    whole_page: bool = True,
) -> str:
    """Render document `name` (e.g. "agenda") as Markdown or as one HTML page (without
    `whole_page`: only the HTML of the document's body, for the web view to place).

    A template places chart `x` with `{{ chart("x") }}`: nothing in Markdown (its
    tables carry the numbers), the SVG from `charts` in HTML. Markdown starts with
    its marker line (marker_line) unless `marker` is off (text that is not a file, like an e-mail).
    A `notice` (the document is incomplete, see incomplete.py) stands under the
    title, whatever the template: a network's own template cannot leave it out.
    """
    import jinja2
    from markupsafe import Markup

    env = environment(lang, network_templates)
    template_name = f"{name}.md.j2"

    def chart(chart_name: str) -> str:
        return f"{_CHART_MARK}{chart_name}{_CHART_MARK}" if fmt == "html" else ""

    def toc() -> str:
        return _TOC_MARK

    try:
        page = {**context, "chart": chart, "toc": toc}
        markdown = _with_toc(_bounded(env.get_template(template_name), page))
        if notice:
            markdown = _with_notice(markdown, notice)
        if fmt == "md":
            return (marker_line(lang) if marker else "") + _tidy(markdown)
        body = str(markdown_to_html(markdown))
        for chart_name, svg in (charts or {}).items():
            body = body.replace(f"<p>{_CHART_MARK}{chart_name}{_CHART_MARK}</p>", svg)
        body = Markup(body.replace(_CHART_MARK, ""))
        if not whole_page:
            return str(body)
        title = plain_title(markdown) or name
        _ = Text(lang)
        page = env.get_template("page.html.j2").render(
            {
                "lang": lang,
                "document": name,  # the class of <body>: a stylesheet may style one kind
                "title": title,
                "body": body,
                "header": _running_header(context),
                "page_counter": css_counter(_("Page %(page)s of %(pages)s")),
                "watermark": _("DRAFT") if context.get("draft") else None,  # a draft Protokoll
            }
        )
        return _tidy(page)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem(f"{exc.filename or exc.name}:{exc.lineno}: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:  # also {% include %} of something not there
        where = _template_position(exc) or template_name
        _ = cli()
        raise TemplateProblem(
            _("%(where)s: there is no template %(name)s", where=where, name=exc.name)
        ) from None
    except (
        jinja2.TemplateError,  # undefined names, the sandbox's refusals, …
        TypeError,  # {{ meeting.date + 1 }} in a network's own template
        ValueError,
        ArithmeticError,
        LookupError,
    ) as exc:
        raise TemplateProblem(f"{_template_position(exc) or template_name}: {exc}") from None
    except (RecursionError, MemoryError):  # a macro calling itself, a loop of loops
        _ = cli()
        raise TemplateProblem(
            _(
                "%(template)s: the template calls itself without end or grows too large.",
                template=template_name,
            )
        ) from None


def document(
    name: str,
    context: Mapping[str, Any],
    lang: Lang,
    fmt: Literal["md", "html", "pdf", "docx"],
    network_templates: Path,
    notice: str | None = None,
    charts: dict[str, str] | None = None,
) -> str | bytes:
    """Document `name` in format `fmt`, as the command line writes it and the web view
    offers it: Markdown or HTML text, PDF/A or Word bytes (on the network's letterhead,
    `templates/briefkopf.docx`, where it has one). Raises TemplateProblem, and for PDF
    and Word pdf.PdfUnavailable and word.LetterheadError."""
    markdown = fmt in ("md", "docx")
    text = render(
        name,
        context,
        lang,
        "md" if markdown else "html",
        network_templates,
        None if markdown else charts,
        notice=notice,
    )
    if fmt == "pdf":
        from netzwerkctl.present.pdf import to_pdf

        return to_pdf(text)
    if fmt == "docx":
        return word_file(text, lang, network_templates)
    return text


def word_file(markdown: str, lang: Lang, network_templates: Path) -> bytes:
    """A document's Markdown as a Word file, on the network's letterhead
    (`templates/briefkopf.docx`) where it has one. Raises word.LetterheadError."""
    from netzwerkctl.present.word import LETTERHEAD, to_docx

    letterhead = network_templates / LETTERHEAD
    body = markdown.split("\n", 1)[1] if markdown.startswith("<!--") else markdown
    return to_docx(body, lang, plain_title(body), letterhead if letterhead.is_file() else None)


MAX_OUTPUT = 20 * 1024 * 1024  # characters a document may have: far beyond any real one


def _bounded(template: Any, context: Mapping[str, Any]) -> str:
    """Render piece by piece and stop beyond MAX_OUTPUT: a network's template cannot
    take gigabytes (`{% for i in range(10**9) %}`)."""
    parts: list[str] = []
    size = 0
    for part in template.generate(context):
        size += len(part)
        if size > MAX_OUTPUT:
            _ = cli()
            raise TemplateProblem(
                _(
                    "%(template)s: the document would be larger than %(size)s MB; the "
                    "template makes too much.",
                    template=template.name,
                    size=MAX_OUTPUT >> 20,
                )
            )
        parts.append(part)
    return "".join(parts)


def _with_notice(markdown: str, notice: str) -> str:
    """The notice as a block quote after the first heading (or at the top)."""
    quote = f"> **{md_escape(notice)}**\n\n"
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join([*lines[: index + 1], "", quote.rstrip("\n"), *lines[index + 1 :]])
        if line.strip():
            break
    return quote + markdown


_TOC_MARK = "\ue001"  # where the list of sections goes (a private-use character)


def _with_toc(markdown: str) -> str:
    """`{{ toc() }}` in a template: a numbered list of the sections (## headings) that
    follow it, made after rendering so that it always matches them."""
    before, found, after = markdown.partition(_TOC_MARK)
    if not found:
        return markdown
    titles = [line[3:] for line in after.splitlines() if line.startswith("## ")]
    listing = "\n".join(f"{number}. {title}" for number, title in enumerate(titles, 1))
    return before + listing + after


def plain_title(markdown: str) -> str:
    """The first heading (else the first line) without its marks and escapes."""
    lines = markdown.splitlines()
    first = next((line for line in lines if line.startswith("# ")), lines[0] if lines else "")
    return _MD_UNESCAPE.sub(r"\1", first.lstrip("#").strip())


def _running_header(context: Mapping[str, Any]) -> str:
    """The network's name, at the top of every printed page."""
    network = context.get("network")
    if isinstance(network, Mapping):
        return str(network.get("name") or "")
    return str(network or "")


def css_string(text: str) -> Markup:
    """`text` as a CSS string literal (for `content:`), safe inside <style>."""
    from markupsafe import Markup

    escaped = "".join(c if c.isalnum() or c in " .,-–·()" else f"\\{ord(c):06x}" for c in text)
    return Markup(f'"{escaped}"')


def css_counter(text: str) -> Markup:
    """A translated "Page %(page)s of %(pages)s" as CSS content: the words as strings,
    the placeholders as the page counters."""
    from markupsafe import Markup

    parts = re.split(r"%\((pages?)\)s", text)
    css = [css_string(p) if i % 2 == 0 else f"counter({p})" for i, p in enumerate(parts) if p]
    return Markup(" ".join(css))


def _template_position(exc: BaseException) -> str | None:
    """`name.md.j2:12` of the innermost template frame (Jinja maps its tracebacks
    onto template files and lines)."""
    import traceback

    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2"):
            return f"{Path(frame.filename).name}:{frame.lineno}"
    return None


def markdown_to_html(markdown: str) -> Any:
    """CommonMark with tables; raw HTML in the text is escaped, unsafe links dropped.
    The page stays inert and self-contained: an image from elsewhere (a tracking pixel
    in a report text) becomes its description and address as text, only images
    embedded as `data:` stay; links open without telling the target where from."""
    from markdown_it import MarkdownIt
    from markdown_it.token import Token
    from markupsafe import Markup

    parser = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    tokens = parser.parse(markdown)
    for token in tokens:
        for i, child in enumerate(token.children or []):
            if child.type == "link_open":
                child.attrSet("rel", "noopener noreferrer")
            elif child.type == "image" and not str(child.attrGet("src") or "").startswith(
                "data:image/"
            ):
                text = Token("text", "", 0)
                alt = "".join(c.content for c in child.children or []) or "Bild"
                text.content = f"[{alt}: {child.attrGet('src') or ''}]"
                token.children[i] = text  # type: ignore[index]
    return Markup(parser.renderer.render(tokens, parser.options, {}))


def _tidy(text: str) -> str:
    """No trailing spaces, no runs of blank lines, exactly one final newline."""
    lines = [line.rstrip() for line in text.splitlines()]
    tidy: list[str] = []
    for line in lines:
        if line == "" and tidy and tidy[-1] == "":
            continue
        tidy.append(line)
    return "\n".join(tidy).strip("\n") + "\n"
