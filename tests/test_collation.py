"""Lists a person reads are in dictionary order (DIN 5007-1)."""

from __future__ import annotations

from netzwerkctl.collation import name_key


def test_umlauts_case_and_titles_do_not_count() -> None:
    names = [
        "Ökumenischer Arbeitskreis",
        "awo Ortsverein",
        "Zonta Club",
        "Dr. Martina Ebbing",
        "Prof. Dr. Anna Albers",
        "Druckerei Hemsing",
        "Martin Meyer",
        "Straßenfest e.V.",
        "Strasse der Vereine",
        "Élan Tanzschule",
    ]
    assert sorted(names, key=name_key) == [
        "Prof. Dr. Anna Albers",
        "awo Ortsverein",
        "Druckerei Hemsing",
        "Élan Tanzschule",
        "Martin Meyer",
        "Dr. Martina Ebbing",
        "Ökumenischer Arbeitskreis",
        "Strasse der Vereine",
        "Straßenfest e.V.",
        "Zonta Club",
    ]


def test_the_order_never_depends_on_the_input_order() -> None:
    assert sorted(["Muller", "Müller", "müller"], key=name_key) == sorted(
        ["müller", "Müller", "Muller"], key=name_key
    )
    assert name_key("Dr.") == ("dr.", "Dr.")  # a title alone is still a name
