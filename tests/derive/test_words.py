"""German word forms: what a coordinator expects to find when searching."""

from __future__ import annotations

import pytest

from netzwerkctl.derive.words import compare, normalize, stem, terms, whole_tag, words


def test_case_umlauts_and_sharp_s() -> None:
    assert normalize("Öffentlichkeitsarbeit") == "oeffentlichkeitsarbeit"
    assert normalize("Straße") == "strasse"
    assert words("Bildung/Qualifizierung") == ["bildung", "qualifizierung"]
    hit = compare("oeffentlichkeitsarbeit", "Öffentlichkeitsarbeit")
    assert hit is not None and hit.how == "same"


@pytest.mark.parametrize(
    ("query", "tag", "how"),
    [
        ("Vereine", "Verein", "stem"),
        ("Vereinen", "Verein", "stem"),
        ("Schulungen", "Schulung", "stem"),
        ("Flyern", "Flyer", "stem"),
        ("Kindern", "Kinder", "stem"),
        ("Referentinnen", "Referent", "stem"),
        ("Jugend", "Jugendarbeit", "part"),
        ("Senioren", "Seniorenarbeit", "part"),
        ("Jugendarbeit", "Jugend", "part"),
        ("Bildung", "Ausbildung", "part"),
        ("fundraising", "Fundraising", "same"),
        ("Raum", "Räume", "stem"),
        ("Räume", "Raum", "stem"),
        ("Buchhaltung", "Vereinsbuchhaltung", "part"),
    ],
)
def test_forms_and_compounds(query: str, tag: str, how: str) -> None:
    hit = compare(query, tag)
    assert hit is not None and hit.how == how


@pytest.mark.parametrize(
    ("query", "tag"),
    [
        ("AG", "Tagespflege"),
        ("Bank", "Seniorenarbeit"),
        ("Kunst", "Kultur"),
        ("Bank", "Datenbankpflege"),  # inside, neither beginning nor end
        ("Rate", "Beratung"),
    ],
)
def test_no_far_fetched_matches(query: str, tag: str) -> None:
    assert compare(query, tag) is None


def test_stem_keeps_short_words_and_word_ends() -> None:
    assert stem("haus") == "haus" and stem("ende") == "ende"
    assert stem("verein") == "verein" and stem("prozess") == "prozess"
    assert stem("prozesse") == "prozess" and stem("aufgaben") == stem("aufgabe")


def test_decomposed_umlauts_are_the_same_word() -> None:
    decomposed = "O\u0308ffentlichkeitsarbeit"  # "Ö" as O and a combining mark
    assert words(decomposed) == ["oeffentlichkeitsarbeit"]
    hit = compare(decomposed, "Öffentlichkeitsarbeit")
    assert hit is not None and hit.how == "same"


def test_terms_leave_out_filler() -> None:
    assert terms("Hilfe bei der Öffentlichkeitsarbeit und IT") == ["oeffentlichkeitsarbeit", "it"]
    assert terms("Hilfe") == ["hilfe"]  # typed alone, it is what was meant
    assert terms("und oder") == []


def test_a_short_word_meets_only_a_whole_tag() -> None:
    assert whole_tag("it", "IT") and whole_tag("edv", "EDV")
    assert not whole_tag("im", "Arbeit im Verein")
    assert whole_tag("verein", "Arbeit im Verein")


def test_a_short_word_meets_a_part_of_a_hyphenated_tag() -> None:
    assert whole_tag("it", "IT-Sicherheit") and whole_tag("edv", "EDV-Schulung")
    assert not whole_tag("it", "IT und Medien")
