"""Field types: how the text a person wrote becomes dates, times, yes/no and ids."""

from __future__ import annotations

from datetime import date, time

import pytest
from pydantic import ValidationError

from netzwerkctl.model import Contact, Exchange, Meeting, Partner, slugify


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-03-15", date(2021, 3, 15)),
        ("15.03.2021", date(2021, 3, 15)),
        ("1.3.2021", date(2021, 3, 1)),
    ],
)
def test_dates_in_iso_and_german_form(text: str, expected: date) -> None:
    assert Meeting.model_validate({"group": "g", "date": text}).date == expected


@pytest.mark.parametrize(
    "text", ["2021-02-30", "15.03.21", "März 2021", "2021/03/15", "32.01.2021"]
)
def test_invalid_dates(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        Meeting.model_validate({"group": "g", "date": text})
    assert info.value.errors()[0]["type"] == "nw_date"


def test_times() -> None:
    m = Meeting.model_validate(
        {"group": "g", "date": "2021-03-15", "start": "9:05", "end": "18:30"}
    )
    assert (m.start, m.end) == (time(9, 5), time(18, 30))
    for bad in ("24:00", "18.30", "1830", "18:5"):
        with pytest.raises(ValidationError):
            Meeting.model_validate({"group": "g", "date": "2021-03-15", "start": bad})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ja", True),
        ("Ja", True),
        ("j", True),
        ("yes", True),
        ("y", True),
        ("true", True),
        ("nein", False),
        ("n", False),
        ("no", False),
        ("false", False),
    ],
)
def test_yes_no_in_german_and_english(text: str, expected: bool) -> None:
    assert (
        Contact.model_validate({"id": "a", "name": "A", "decision_maker": text}).decision_maker
        is expected
    )


def test_owner_may_be_one_id_or_a_list() -> None:
    item = {
        "title": "T",
        "tasks": [{"title": "a", "owner": "x"}, {"title": "b", "owner": ["x", "y"]}],
    }
    m = Meeting.model_validate({"group": "g", "date": "2021-03-15", "agenda": [item]})
    assert [t.owner for t in m.agenda[0].tasks] == [("x",), ("x", "y")]


def test_unknown_keys_are_forbidden_and_models_frozen() -> None:
    with pytest.raises(ValidationError):
        Partner.model_validate({"name": "A", "kind": "bank", "status": "active", "emial": "x"})
    p = Partner.model_validate({"name": "A", "kind": "bank", "status": "active"})
    with pytest.raises(ValidationError):
        p.name = "B"  # type: ignore[misc]


@pytest.mark.parametrize("word", ["money", "Geld", "Spende", "  finanzierung "])
def test_money_is_never_a_marketplace_kind(word: str) -> None:
    with pytest.raises(ValidationError) as info:
        Exchange.model_validate({"id": "o1", "partner": "p", "what": "x", "kind": word})
    assert info.value.errors()[0]["type"] == "nw_money"


def test_slugify_suggests_a_valid_id() -> None:
    assert slugify("Caritas Bocholt") == "caritas-bocholt"
    assert slugify("Öffentlichkeitsarbeit & Presse") == "oeffentlichkeitsarbeit-presse"
    assert slugify("!!!") == "beispiel"


def test_e_mail_local_parts_must_be_ascii() -> None:
    with pytest.raises(ValidationError):
        Contact.model_validate({"id": "a", "name": "A", "email": "jürgen@example.org"})
    assert Contact.model_validate({"id": "a", "name": "A", "email": "juergen@bürger.de"}).email
