"""A third language is one file — and nothing escapes the catalogue.

The test builds a pseudo-language at test time: every message of the catalogue,
with its letters accented (Ȧġḗƞḓȧ) and wrapped in ⟦ ⟧, placeholders kept. Every
document of the example network and every problem message is rendered with it; any
plain word left after taking out the wrapped text, the network's own words (names,
titles, ids) and the calendar words of the locale is a string that escaped the
catalogue, and the test names it.

Not covered yet: the command line's own messages and help texts (stderr and --help),
which still have their German and English side by side in the code.
"""

from __future__ import annotations

import gettext
import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLE_NETWORK
from netzwerkctl import i18n
from netzwerkctl.cli import app
from netzwerkctl.codes import CODES

_PLACEHOLDER = re.compile(r"(%\(\w+\)[sd]|%%)")
_ACCENTED = dict(zip("aeiouyAEIOUYnNcCsSzZ", "ȧḗīōūẏȦḖĪŌŪẎƞŊçÇşŞẓẒ", strict=True))


def pseudo(text: str) -> str:
    """Accented, wrapped; placeholders (and `%%`) untouched."""
    parts = _PLACEHOLDER.split(text)
    out = [
        p if _PLACEHOLDER.fullmatch(p) else "".join(_ACCENTED.get(c, c) for c in p) for p in parts
    ]
    return "⟦" + "".join(out) + "⟧"


def _pseudo_catalogue() -> gettext.GNUTranslations:
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    source = i18n.LOCALE_DIR / "de" / "LC_MESSAGES" / "netzwerkctl.po"
    with source.open("rb") as handle:
        german = read_po(handle, locale="de")
    catalog = Catalog(locale="de", fuzzy=False)
    for message in german:
        if not message.id:
            continue
        if isinstance(message.id, (tuple, list)):
            strings = (pseudo(message.id[0]), pseudo(message.id[1]))
            catalog.add(tuple(message.id), strings, context=message.context)
        else:
            catalog.add(message.id, pseudo(message.id), context=message.context)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@pytest.fixture(scope="module")
def pseudo_german() -> Iterator[None]:
    """German documents, every word of them from the pseudo catalogue."""
    catalogue = _pseudo_catalogue()
    original = i18n.translations
    i18n.translations = lambda lang: catalogue  # type: ignore[assignment]
    try:
        yield
    finally:
        i18n.translations = original


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pseudo") / "stadt-bocholt"
    shutil.copytree(EXAMPLE_NETWORK, root, ignore=shutil.ignore_patterns(".netzwerkctl"))
    return root


def _allowed_words(root: Path) -> set[str]:
    """Words that may stand unwrapped: the network's own (from its files), the
    calendar words of the locale (Babel) and the program's name."""
    from babel.dates import get_day_names, get_month_names

    words: set[str] = {"netzwerkctl", "Uhr"}  # "Uhr": German Babel time patterns
    for path in root.rglob("*.yaml"):
        words |= set(re.findall(r"[A-Za-zÄÖÜäöüß]{2,}", path.read_text(encoding="utf-8")))
        words |= set(re.findall(r"[A-Za-z]{2,}", path.relative_to(root).as_posix()))  # ids
    for width in ("wide", "abbreviated"):
        words |= set(get_day_names(width, locale="de").values())
        words |= set(get_month_names(width, locale="de").values())
    return words


def _leaks(text: str, allowed: set[str]) -> set[str]:
    outside = re.sub(r"⟦[^⟦⟧]*⟧", " ", text)
    while "⟦" in outside:  # nested messages: a translated phrase inside another
        outside = re.sub(r"⟦[^⟦⟧]*⟧", " ", outside)
    outside = re.sub(r"<!--.*?-->", " ", outside)  # the marker line (a file's, not a word)
    words = set(re.findall(r"[A-Za-zÄÖÜäöüß]{2,}", outside))
    return {w for w in words if w not in allowed}


TODAY = ["--today", "2022-09-01"]
DOCUMENTS = [
    ["agenda", "2022-09-14-ag-vereine-wirtschaft", *TODAY],
    ["minutes", "2021-03-15-ag-bildung"],
    ["report", "2021"],
    ["remind", *TODAY],
    ["remind", "-f", "md", *TODAY],
    ["partners", *TODAY],
    ["partners", "--cluster", "-f", "md", *TODAY],
    ["partners", "-f", "csv", *TODAY],
    ["match", "Bildung", *TODAY],
    ["market"],
    ["person", "maria-schulte", *TODAY],
    ["check", *TODAY],
]


@pytest.mark.parametrize("args", DOCUMENTS, ids=lambda a: "-".join(a[:3]))
def test_every_word_of_every_document_comes_from_the_catalogue(
    pseudo_german: None, network: Path, args: list[str]
) -> None:
    result = CliRunner().invoke(app, ["-C", str(network), *args], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "⟦" in result.stdout  # the pseudo catalogue is the one in use
    leaks = _leaks(result.stdout, _allowed_words(network))
    assert not leaks, f"words not from the catalogue: {sorted(leaks)}"


def test_every_problem_message_comes_from_the_catalogue(pseudo_german: None) -> None:
    for code in CODES:
        args = dict.fromkeys(re.findall(r"%\((\w+)\)", CODES[code].message), "Q")
        for name in list(args):
            if name.startswith("t_"):
                args[name] = "text"
        from netzwerkctl.codes import format_message

        text = format_message(code, args, "de")
        assert text.startswith("⟦"), code
        assert not _leaks(text, {"Q"}), (code, text)


def test_the_pseudo_language_keeps_placeholders() -> None:
    assert pseudo("Meeting of %(group)s") == "⟦Mḗḗtīƞg ōf %(group)s⟧"


def test_every_word_of_the_reminder_mail_comes_from_the_catalogue(
    pseudo_german: None, network: Path, tmp_path: Path
) -> None:
    import email
    import email.policy

    outbox = tmp_path / "postausgang"
    args = ["-C", str(network), "remind", "--mail", "--outbox", str(outbox), *TODAY]
    assert CliRunner().invoke(app, args).exit_code == 0
    messages = sorted(outbox.glob("*.eml"))
    assert messages
    for path in messages:
        parsed = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        text = f"{parsed['Subject']}\n{parsed.get_content()}"
        leaks = _leaks(text, _allowed_words(network))
        assert not leaks, f"{path.name}: words not from the catalogue: {sorted(leaks)}"
