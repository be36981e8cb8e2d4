"""The calendar folds its own lines (icalendar folds character by character, which
was the slowest part of a large calendar): RFC 5545 folding, independent of the
icalendar version installed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar, Event

from netzwerkctl.present.calendar import _fold, ics_bytes


@given(st.text(alphabet=st.sampled_from("ab\\^,;: äöüß€😀"), max_size=400))
def test_folded_lines_are_short_and_unfold_to_the_line(line: str) -> None:
    folded = _fold(line)
    parts = folded.split("\r\n ")
    assert "".join(parts) == line  # unfolding (RFC 5545 3.1) gives the line back
    assert all(len(p.encode()) < 75 for p in parts)  # 75 octets at most, with the space
    assert all(p for p in parts) or line == ""
    # an escape (\, or RFC 6868 ^) is never torn from what it escapes
    assert not any(p.endswith(("\\", "^")) and len(p) > 1 for p in parts[:-1])


def test_short_lines_stay_as_they_are() -> None:
    assert _fold("SUMMARY:Sitzung der AG Bildung") == "SUMMARY:Sitzung der AG Bildung"
    exactly = "X" * 74
    assert _fold(exactly) == exactly and _fold(exactly + "Y") == exactly + "\r\n Y"


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
