"""The pieces of an e-mailed invitation: the iTIP calendar part (RFC 5546) that a
calendar program accepts, updates and cancels, and the personal salutation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from icalendar import Calendar

from netzwerkctl.calversions import Version, utc_midnight
from netzwerkctl.i18n import Text
from netzwerkctl.load import load_network
from netzwerkctl.present.calendar import build_calendar, invitation
from netzwerkctl.present.documents import personal_salutation

MEETING = "meetings/2021/2021-05-19-ag.yaml"
TEXT = (
    "group: ag\ndate: 2021-05-19\nstart: '18:00'\nend: '19:30'\nlocation: Rathaus, Raum 2\n"
    "agenda:\n  - title: Begrüßung\n    duration: 10\n"
)
ORGANIZER = ("Anna Albers", "anna@example.org")
ATTENDEE = ("Bernd Brink", "bernd@example.org")


def _event(data: bytes) -> tuple[Calendar, Any]:
    calendar = Calendar.from_ical(data)
    [event] = calendar.walk("VEVENT")
    return calendar, event


def test_a_request_has_what_rfc_5546_requires(make_network: Callable[..., Path]) -> None:
    network = load_network(make_network({MEETING: TEXT})).network
    version = Version("x", 2, utc_midnight(date(2021, 5, 3)))
    data = invitation(network, "2021-05-19-ag", "de", version, False, ORGANIZER, ATTENDEE)
    calendar, event = _event(data)
    assert calendar["method"] == "REQUEST" and calendar["version"] == "2.0"
    assert calendar.walk("VTIMEZONE")  # times carry their zone
    assert str(event["uid"]).startswith("2021-05-19-ag@")
    assert event["sequence"] == 2 and event["dtstamp"].dt == utc_midnight(date(2021, 5, 3))
    assert str(event["organizer"]) == "mailto:anna@example.org"
    assert event["organizer"].params["CN"] == "Anna Albers"
    attendee = event["attendee"]
    assert not isinstance(attendee, list)  # one invitee per message: nobody sees the others
    assert str(attendee) == "mailto:bernd@example.org"
    assert attendee.params["RSVP"] == "TRUE" and attendee.params["PARTSTAT"] == "NEEDS-ACTION"
    assert event["dtstart"].dt.isoformat() == "2021-05-19T18:00:00+02:00"
    assert str(event["location"]) == "Rathaus, Raum 2"
    assert "Begrüßung" in str(event["description"])
    [alarm] = event.walk("VALARM")
    assert alarm["action"] == "DISPLAY" and alarm["trigger"].dt.days == -1


def test_the_invitation_is_the_event_of_calendar(make_network: Callable[..., Path]) -> None:
    network = load_network(make_network({MEETING: TEXT})).network
    exported, versions = build_calendar(network, "de")
    uid = next(u for u in versions if u.startswith("2021-05-19-ag@"))
    data = invitation(network, "2021-05-19-ag", "de", versions[uid], False, ORGANIZER, ATTENDEE)
    _, event = _event(data)
    events: list[Any] = Calendar.from_ical(exported).walk("VEVENT")
    [same] = [e for e in events if str(e["uid"]) == uid]
    for key in ("uid", "summary", "location", "description", "sequence"):
        assert event[key] == same[key], key
    assert event["dtstart"].dt == same["dtstart"].dt and event["dtend"].dt == same["dtend"].dt


def test_a_cancellation(make_network: Callable[..., Path]) -> None:
    network = load_network(make_network({MEETING: TEXT + "status: cancelled\n"})).network
    version = Version("y", 3, utc_midnight(date(2021, 5, 10)))
    calendar, event = _event(
        invitation(network, "2021-05-19-ag", "de", version, True, ORGANIZER, ATTENDEE)
    )
    assert calendar["method"] == "CANCEL" and event["status"] == "CANCELLED"
    for required in ("uid", "dtstamp", "organizer", "attendee", "sequence"):
        assert required in event, required
    assert "RSVP" not in event["attendee"].params and not event.walk("VALARM")


def test_the_personal_salutation() -> None:
    german, english = Text("de"), Text("en")
    assert personal_salutation("Kim Hansen", "ms", "Dr.", german) == "Liebe Frau Dr. Hansen,"
    assert personal_salutation("Ole Hansen", "mr", None, german) == "Lieber Herr Hansen,"
    assert personal_salutation("Kim  Hansen", None, None, german) == "Guten Tag Kim Hansen,"
    assert personal_salutation("Kim Hansen", "ms", None, english) == "Dear Ms Hansen,"
