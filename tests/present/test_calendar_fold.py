"""The calendar writes its own content lines (icalendar's object model and its folding
character by character were the slowest part of a large calendar): RFC 5545 escaping,
quoting and folding, checked against icalendar as an independent oracle, and
independent of the icalendar version installed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar, Event
from icalendar.parser import Parameters
from icalendar.prop import vText

from netzwerkctl.present.ics import Component, fold, ics_bytes, parameter, text


@given(st.text(alphabet=st.sampled_from("ab\\^,;: äöüß€😀"), max_size=400))
def test_folded_lines_are_short_and_unfold_to_the_line(line: str) -> None:
    folded = fold(line)
    parts = folded.split("\r\n ")
    assert "".join(parts) == line  # unfolding (RFC 5545 3.1) gives the line back
    assert all(len(p.encode()) < 75 for p in parts)  # 75 octets at most, with the space
    assert all(p for p in parts) or line == ""
    # an escape (\, or RFC 6868 ^) is never torn from what it escapes
    assert not any(p.endswith(("\\", "^")) and len(p) > 1 for p in parts[:-1])


def test_short_lines_stay_as_they_are() -> None:
    assert fold("SUMMARY:Sitzung der AG Bildung") == "SUMMARY:Sitzung der AG Bildung"
    exactly = "X" * 74
    assert fold(exactly) == exactly and fold(exactly + "Y") == exactly + "\r\n Y"


def test_a_calendar_reads_back_as_it_was_written() -> None:
    cal = Calendar()
    cal.add("prodid", "-//netzwerkctl//netzwerkctl//DE")
    cal.add("version", "2.0")
    event = Event()
    event.add("uid", "x@example.org")
    summary = "Sitzung der Arbeitsgruppe Öffentlichkeitsarbeit, Zusammenarbeit und 😀 " * 3
    description = "1. Begrüßung\n2. Bericht; mit Komma, Semikolon und ^Caret\\n" * 4
    event.add("summary", summary)
    event.add("description", description)
    cal.add_component(event)
    data = ics_bytes(cal)
    assert data.endswith(b"END:VCALENDAR\r\n")
    back = Calendar.from_ical(data)
    (read,) = back.walk("VEVENT")
    assert str(read["summary"]) == summary and str(read["description"]) == description


ODD = "ab \\^,;:\"'\n\r äöüß€😀\u2019"


@given(st.text(alphabet=st.sampled_from(ODD), max_size=60))
def test_text_values_are_escaped_as_icalendar_escapes_them(value: str) -> None:
    assert text(value).encode() == vText(value).to_ical()


@given(st.text(alphabet=st.sampled_from(ODD), min_size=1, max_size=40))
def test_parameters_are_quoted_as_icalendar_quotes_them(value: str) -> None:
    for name in ("CN", "ROLE"):
        assert f"{name}={parameter(name, value)}".encode() == Parameters({name: value}).to_ical()


@given(st.text(alphabet=st.sampled_from(ODD), max_size=200))
def test_an_event_reads_back_with_its_text(summary: str) -> None:
    event = Component("VEVENT")
    event.add("UID", "x@example.org")
    event.add("SUMMARY", text(summary))
    event.add("ATTENDEE", "mailto:a@b.de", {"CN": summary or "x", "ROLE": "REQ-PARTICIPANT"})
    (read,) = Calendar.from_ical(
        b"BEGIN:VCALENDAR\r\n" + event.to_ical() + b"END:VCALENDAR\r\n"
    ).walk("VEVENT")
    # line breaks of any kind are one \\n in iCalendar, so they read back as \\n
    expected = summary.replace("\r\n", "\n").replace("\r", "\n")
    assert str(read["summary"]) == expected
