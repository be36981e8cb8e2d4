"""Every word a person reads comes from one gettext catalogue per language.

Message ids are English; `locale/<lang>/LC_MESSAGES/netzwerkctl.po` holds each
language's text (English included: the English catalogue is where an id's wording may
differ from the id, as for the labels of stored values like `volunteer_agency`). The
compiled `.mo` files ship with the package, so nothing is compiled at install time;
tests/test_catalogues.py fails when they are out of date. Placeholders are named
(`%(name)s`), plurals go through `ngettext`, labels of stored values through `pgettext`
with one context per kind of value (see present/labels.py).

This module imports only the standard library: a command pays nothing for it at
start-up beyond opening one small file.
"""

from __future__ import annotations

import gettext
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "netzwerkctl"


def languages() -> list[str]:
    """The languages that have a compiled catalogue: one file makes a language."""
    return sorted(
        p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo") if p.is_file()
    )


@cache
def translations(lang: str) -> gettext.GNUTranslations:
    """The compiled catalogue of `lang` (a missing one is a packaging error, raised)."""
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as handle:
        return gettext.GNUTranslations(handle)


# The language of the command line's own words, chosen once per run (cli/language.py).
_cli = ["de"]


def cli_language() -> str:
    return _cli[0]


def set_cli_language(lang: str) -> None:
    _cli[0] = lang


def cli() -> Text:
    """The words of the command line, in the language chosen for this run."""
    return Text(_cli[0])


class Text:
    """The words of one language, for Python code that writes text. Bound to `_`, so
    that extraction finds every message:

        _ = Text("de")
        _("Meeting of %(group)s", group=name)
        _.ngettext("%(n)d open item", "%(n)d open items", count)
        _.pgettext("partner status", "approached")   # a stored value's label
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.catalogue = translations(lang)

    def __call__(self, message: str, /, **values: Any) -> str:
        text = self.catalogue.gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, n: int, /, **values: Any) -> str:
        """A counted phrase; `n` is available as %(n)s in the text."""
        return self.catalogue.ngettext(singular, plural, n) % {"n": n, **values}

    def pgettext(self, context: str, message: str, /, **values: Any) -> str:
        text = self.catalogue.pgettext(context, message)
        return text % values if values else text


# Dates in lists and sentences: explicit patterns where CLDR's defaults vary between
# Babel versions or suit a printed list badly (German 01.12.2021, English ISO
# 2021-12-01, Babel's dd.MM.yyyy and yyyy-MM-dd); another language gets its CLDR
# short format.
SHORT_DATE = {"de": "dd.MM.yyyy", "en": "yyyy-MM-dd"}


def short_date(day: date, lang: str) -> str:
    """A date as `lang` writes it in a list or a sentence. The two fixed patterns are
    applied directly (the same text Babel gives for them, without its 60 ms import in
    `check`); any other language gets Babel's CLDR short format."""
    if lang == "de":
        return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"
    if lang == "en":
        return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
    from babel.dates import format_date

    return format_date(day, format="short", locale=lang)


def N_(context: str, message: str) -> tuple[str, str]:
    """Marks a (context, message) pair for extraction without translating it here."""
    return context, message
