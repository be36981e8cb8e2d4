"""Lists a person reads are in dictionary order (DIN 5007-1)."""

from __future__ import annotations

from netzwerkctl.collation import name_key, person_key


def test_umlauts_case_and_quotation_marks_do_not_count() -> None:
    names = [
        "Ökumenischer Arbeitskreis",
        "awo Ortsverein",
        "Zonta Club",
        "„Die Tafel“ e.V.",
        "Dr. Oetker Stiftung",
        "Drogerie Hemsing",
        "Straßenfest e.V.",
        "Strasse der Vereine",
        "Élan Tanzschule",
    ]
    assert sorted(names, key=name_key) == [
        "awo Ortsverein",
        "„Die Tafel“ e.V.",
        "Dr. Oetker Stiftung",
        "Drogerie Hemsing",
        "Élan Tanzschule",
        "Ökumenischer Arbeitskreis",
        "Strasse der Vereine",
        "Straßenfest e.V.",
        "Zonta Club",
    ]


def test_a_persons_academic_titles_do_not_count() -> None:
    names = [
        "Martin Meyer",
        "Dr. Martina Ebbing",
        "Prof. Dr. Anna Albers",
        "PD Dr. Bernd Brink",
        "Dr.-Ing. Karl Zander",
        "Dipl.-Ing. Carla Clemens",
        "Dr. med. Dora Dietz",
        "Drago Petrović",
    ]
    assert sorted(names, key=person_key) == [
        "Prof. Dr. Anna Albers",
        "PD Dr. Bernd Brink",
        "Dipl.-Ing. Carla Clemens",
        "Dr. med. Dora Dietz",
        "Drago Petrović",
        "Dr.-Ing. Karl Zander",
        "Martin Meyer",
        "Dr. Martina Ebbing",
    ]
    assert person_key("Dr.") == ("dr.", "Dr.")  # a title alone is still a name


def test_the_order_never_depends_on_the_input_order() -> None:
    assert sorted(["Muller", "Müller", "müller"], key=name_key) == sorted(
        ["müller", "Müller", "Muller"], key=name_key
    )
