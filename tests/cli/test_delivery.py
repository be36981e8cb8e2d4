"""Who the messages come from when no SMTP sender is configured (the outbox only), and
who invites in the calendar: never someone who has left."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from email.headerregistry import Address
from pathlib import Path

from conftest import BASE
from netzwerkctl.check import check_network
from netzwerkctl.cli.delivery import default_sender
from netzwerkctl.invitations import organizer

OFFICE = "office:\n  name: Freiwilligenagentur Teststadt\n  contact: anna\n"
SECOND = "  - id: carla\n    name: Carla Czech\n    email: carla@example.org\n"


def _sender(root: Path, day: date) -> str:
    network = check_network(root, day).network
    return str(default_sender(network, day))


def test_the_office_address_before_any_person(make_network: Callable[..., Path]) -> None:
    with_email = OFFICE + "  email: info@example.org\n"
    root = make_network({"netzwerk.yaml": BASE["netzwerk.yaml"] + with_email})
    assert _sender(root, date(2022, 1, 1)) == "Freiwilligenagentur Teststadt <info@example.org>"


def test_a_contact_who_has_left_is_never_the_sender(make_network: Callable[..., Path]) -> None:
    """Anna (the office's contact, the first contact of the coordinating partner) left at
    the end of 2021: from 2022 on the messages come from Carla, still there."""
    left = BASE["partners/fa.yaml"].replace(
        "    consent: 2016-01-01\n", "    consent: 2016-01-01\n    until: 2021-12-31\n"
    )
    root = make_network(
        {"netzwerk.yaml": BASE["netzwerk.yaml"] + OFFICE, "partners/fa.yaml": left + SECOND}
    )
    assert _sender(root, date(2021, 12, 1)) == "Freiwilligenagentur Teststadt <anna@example.org>"
    assert _sender(root, date(2022, 1, 3)) == "Freiwilligenagentur Teststadt <carla@example.org>"
    network = check_network(root, date(2022, 1, 3)).network
    placeholder = Address("Büro", addr_spec="buero@example.org")
    assert organizer(network, placeholder, date(2021, 12, 1)) == (
        "Anna Albers",
        "anna@example.org",
    )
    assert organizer(network, placeholder, date(2022, 1, 3)) == ("Büro", "buero@example.org")
