"""Invitations by e-mail through a real SMTP server on 127.0.0.1: invite, move the
meeting and send the update, cancel it — every message read back with its calendar
part parsed; nothing is sent twice and nobody without an address is forgotten."""

from __future__ import annotations

from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from conftest import BASE
from netzwerkctl.cli import app
from test_mail import Inbox, smtp

runner = CliRunner()
MEETING = "meetings/2021/2021-05-19-ag.yaml"
PLANNED = (
    "group: ag\ndate: 2021-05-19\nstart: '18:00'\nend: '19:30'\nlocation: Rathaus\n"
    "invited: [carla]\nagenda:\n  - title: Begrüßung\n    duration: 10\n"
)
FILES = {
    "partners/fa.yaml": BASE["partners/fa.yaml"].replace(
        "    name: Anna Albers\n", "    name: Anna Albers\n    salutation: ms\n    title: Dr.\n"
    ),
    "partners/bank.yaml": BASE["partners/bank.yaml"].replace(
        "    phone: 0287112345\n", "    phone: 0287112345\n    email: bernd@example.org\n"
    ),
    MEETING: PLANNED,
}


def _smtp(port: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETZWERKCTL_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("NETZWERKCTL_SMTP_PORT", str(port))
    monkeypatch.setenv("NETZWERKCTL_SMTP_FROM", "Freiwilligenagentur Teststadt <fa@example.org>")
    monkeypatch.setenv("NETZWERKCTL_SMTP_SECURITY", "none")


def _send(root: Path, port: int, monkeypatch: pytest.MonkeyPatch, *extra: str) -> Any:
    _smtp(port, monkeypatch)
    args = ["-C", str(root), "agenda", "2021-05-19-ag", "--today", "2021-05-03", "--send"]
    return runner.invoke(app, [*args, *extra])


def _calendar(msg: EmailMessage) -> Any:
    [part] = [p for p in msg.walk() if p.get_content_type() == "text/calendar"]
    calendar = Calendar.from_ical(part.get_content())
    [event] = calendar.walk("VEVENT")
    return part.get_param("method"), calendar, event


def _body(msg: EmailMessage, kind: str) -> str:
    part = msg.get_body((kind,))
    assert part is not None, kind
    return str(part.get_content()).replace("\r\n", "\n")  # CRLF on the wire


def _edit(root: Path, old: str, new: str) -> None:
    path = root / MEETING
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_invite_move_and_cancel(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_network(FILES)
    inbox = Inbox()
    with smtp(inbox) as port:
        first = _send(root, port, monkeypatch)
        assert first.exit_code == 0, first.output
        assert [rcpt for rcpt, _ in inbox.received] == [["anna@example.org"], ["bernd@example.org"]]
        assert "Carla Clemens (TV Teststadt), keine Telefonnummer" in first.stdout  # call her
        _, anna = inbox.received[0]
        assert anna["To"] == "Anna Albers <anna@example.org>" and "Cc" not in anna
        assert anna["Date"] == "Mon, 03 May 2021 08:00:00 +0200"  # the day it goes out
        assert str(anna["Message-ID"]).endswith("@netzwerkctl.invalid>")
        assert anna["Message-ID"] != inbox.received[1][1]["Message-ID"]
        assert anna["Subject"] == "Einladung: Sitzung AG Bildung"
        assert "Liebe Frau Dr. Albers," in _body(anna, "plain")
        assert "Liebe Frau Dr. Albers," in _body(anna, "html")
        method, calendar, event = _calendar(anna)
        assert method == "REQUEST" and calendar["method"] == "REQUEST"
        assert str(event["attendee"]) == "mailto:anna@example.org" and event["sequence"] == 0
        assert str(event["organizer"]).startswith("mailto:")
        uid = str(event["uid"])
        files = {p.get_filename() for p in anna.iter_attachments()}
        assert "einladung.ics" in files

        again = _send(root, port, monkeypatch)  # nothing changed: nothing goes
        assert again.exit_code == 0 and len(inbox.received) == 2

        _edit(root, "start: '18:00'", "start: '17:30'")  # the meeting moves
        moved = _send(root, port, monkeypatch)
        assert moved.exit_code == 0, moved.output
        updates = inbox.received[2:]
        assert [rcpt for rcpt, _ in updates] == [["anna@example.org"], ["bernd@example.org"]]
        _, update = updates[0]
        assert update["Subject"] == "Geändert: Sitzung AG Bildung"
        method, _cal, event = _calendar(update)
        assert method == "REQUEST" and str(event["uid"]) == uid and event["sequence"] == 1
        assert event["dtstart"].dt.hour == 17

        _edit(root, "location: Rathaus\n", "location: Rathaus\nstatus: cancelled\n")
        cancelled = _send(root, port, monkeypatch)
        assert cancelled.exit_code == 0, cancelled.output
        cancels = inbox.received[4:]
        assert [rcpt for rcpt, _ in cancels] == [["anna@example.org"], ["bernd@example.org"]]
        _, cancel = cancels[0]
        assert cancel["Subject"] == "Abgesagt: Sitzung AG Bildung"
        method, calendar, event = _calendar(cancel)
        assert method == "CANCEL" and calendar["method"] == "CANCEL"
        assert event["status"] == "CANCELLED" and str(event["uid"]) == uid
        assert event["sequence"] == 2

        last = _send(root, port, monkeypatch)
        assert last.exit_code == 0 and len(inbox.received) == 6  # nothing twice


def test_a_moved_meeting_keeps_its_name_and_a_renamed_one_is_not_sent(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A meeting moved to the 26th keeps the file of the 19th: `check` does not ask to
    rename it, and its invitees get „Geändert“ with the same UID. Renamed all the same,
    it would be a second meeting in their calendars: `agenda` sends nothing, says
    which file is gone and how to mend it; renamed back, all is well. A meeting that
    lies in the past does not hold anything up."""
    root = make_network(FILES)
    inbox = Inbox()
    with smtp(inbox) as port:
        assert _send(root, port, monkeypatch).exit_code == 0
        _edit(root, "date: 2021-05-19", "date: 2021-05-26")
        check = runner.invoke(app, ["-C", str(root), "check", "--today", "2021-05-03"])
        assert "NW408" not in check.stdout, check.stdout
        moved = _send(root, port, monkeypatch)
        assert moved.exit_code == 0 and len(inbox.received) == 4
        assert inbox.received[2][1]["Subject"] == "Geändert: Sitzung AG Bildung"

        renamed = root / "meetings/2021/2021-05-26-ag.yaml"
        (root / MEETING).rename(renamed)
        _smtp(port, monkeypatch)
        args = ["-C", str(root), "agenda", "2021-05-26-ag", "--today", "2021-05-03", "--send"]
        refused = runner.invoke(app, args)
        assert refused.exit_code == 1 and len(inbox.received) == 4
        assert "Zu 2021-05-19-ag am 26.05.2021 sind Einladungen verschickt worden" in (
            refused.stderr
        )
        assert "Es wurde nichts verschickt." in refused.stderr
        later = runner.invoke(app, [*args[:-3], "--today", "2021-05-27", "--mail"])
        assert later.exit_code == 0, later.output  # the 26th is past: nothing held up

        renamed.rename(root / MEETING)
        again = _send(root, port, monkeypatch)
        assert again.exit_code == 0 and len(inbox.received) == 4  # they have it already

        # a file that is there but read with errors (--allow-errors) is not gone
        (root / MEETING).write_text("group: ag\ndate: [\n", encoding="utf-8")
        other = "meetings/2021/2021-06-02-ag.yaml"
        (root / other).write_text(PLANNED.replace("2021-05-19", "2021-06-02"), encoding="utf-8")
        args = ["-C", str(root), "agenda", "2021-06-02-ag", "--today", "2021-05-03"]
        allowed = runner.invoke(app, [*args, "--send", "--allow-errors"])
        assert allowed.exit_code == 0, allowed.output
        assert "Einladungen verschickt worden" not in allowed.stderr


def test_a_meeting_back_as_it_was_is_sent_again_never_silence(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Moved and moved back, cancelled and held after all: every invitee hears of
    each state, because what counts is the message they had last, not whether an
    equal one went out some time before."""
    root = make_network(FILES)
    inbox = Inbox()

    def step() -> list[tuple[str, int, int]]:
        before = len(inbox.received)
        result = _send(root, port, monkeypatch)
        assert result.exit_code == 0, result.output
        return [
            (
                str(msg["Subject"]).split(":")[0],
                _calendar(msg)[2]["sequence"],
                _calendar(msg)[2]["dtstart"].dt.hour,
            )
            for _, msg in inbox.received[before:]
        ]

    with smtp(inbox) as port:
        assert step() == [("Einladung", 0, 18)] * 2
        _edit(root, "start: '18:00'", "start: '17:30'")
        assert step() == [("Geändert", 1, 17)] * 2
        _edit(root, "start: '17:30'", "start: '18:00'")  # back to the first time
        assert step() == [("Geändert", 2, 18)] * 2
        assert step() == []  # nothing changed since: nothing goes
        _edit(root, "location: Rathaus\n", "location: Rathaus\nstatus: cancelled\n")
        assert [s for s, _, _ in step()] == ["Abgesagt"] * 2
        _edit(root, "status: cancelled\n", "")  # held after all
        assert step() == [("Einladung", 4, 18)] * 2
        assert step() == []
    ids = [str(msg["Message-ID"]) for _, msg in inbox.received]
    assert len(set(ids)) == len(ids) == 10  # every message its own


def test_an_invitee_at_an_umlaut_domain_is_the_same_address_in_envelope_and_calendar(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`bernd@fußball.de`: the envelope, To and the calendar's ATTENDEE all say
    `xn--fuball-cta.de` (a calendar address is ASCII), and his reply from the calendar
    program, which answers in that form, is matched to him."""
    bank = FILES["partners/bank.yaml"].replace("bernd@example.org", "bernd@fußball.de")
    root = make_network({**FILES, "partners/bank.yaml": bank})
    inbox = Inbox()
    with smtp(inbox) as port:
        assert _send(root, port, monkeypatch).exit_code == 0
    [bernd] = [msg for rcpt, msg in inbox.received if rcpt == ["bernd@xn--fuball-cta.de"]]
    _method, _cal, event = _calendar(bernd)
    assert str(event["attendee"]) == "mailto:bernd@xn--fuball-cta.de"
    answer = tmp_path / "antworten"
    answer.mkdir()
    (answer / "bernd.ics").write_bytes(
        _reply(str(event["uid"]), "bernd@xn--fuball-cta.de", "ACCEPTED")
    )
    result = runner.invoke(app, ["-C", str(root), "replies", str(answer)])
    assert result.exit_code == 0, result.output
    assert "accepted: [bernd]" in result.stdout and "nicht verstanden" not in result.output


def test_a_new_invitee_gets_the_invitation_a_removed_one_a_cancellation(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        **FILES,
        "partners/verein.yaml": BASE["partners/verein.yaml"].replace(
            "    name: Carla Clemens\n", "    name: Carla Clemens\n    email: carla@example.org\n"
        ),
        MEETING: PLANNED.replace("invited: [carla]\n", "title: Treffen <AG> & Co\n"),
    }
    root = make_network(files)
    inbox = Inbox()
    with smtp(inbox) as port:
        assert _send(root, port, monkeypatch).exit_code == 0
        assert len(inbox.received) == 2
        _edit(root, "location: Rathaus\n", "location: Rathaus\ninvited: [carla]\n")
        added = _send(root, port, monkeypatch)
        assert added.exit_code == 0, added.output
        [(rcpt, carla)] = inbox.received[2:]
        assert rcpt == ["carla@example.org"] and carla["Subject"].startswith("Einladung:")
        _edit(root, "invited: [carla]\n", "")
        removed = _send(root, port, monkeypatch)
        assert removed.exit_code == 0, removed.output
        [(rcpt, gone)] = inbox.received[3:]
        assert rcpt == ["carla@example.org"] and gone["Subject"].startswith("Abgesagt:")
        method, _cal, _event = _calendar(gone)
        assert method == "CANCEL"
        assert "nicht mehr eingeladen" in _body(gone, "plain")
        assert "zur Treffen &lt;AG&gt; &amp; Co am" in _body(gone, "html")  # data is escaped
        # invited again: a REQUEST newer than the CANCEL she has, or her calendar
        # (RFC 5546) would ignore it — although the event itself did not change
        _edit(root, "location: Rathaus\n", "location: Rathaus\ninvited: [carla]\n")
        again = _send(root, port, monkeypatch)
        assert again.exit_code == 0, again.output
        [(rcpt, back)] = inbox.received[4:]
        assert rcpt == ["carla@example.org"] and back["Subject"].startswith("Einladung:")
        sequences = [_calendar(m)[2]["sequence"] for m in (carla, gone, back)]
        assert sequences == sorted(set(sequences)), sequences  # each newer than the last


def test_a_failure_midway_sends_only_the_missing_ones_next_time(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_network(FILES)
    failing = Inbox(fail_after=1)
    with smtp(failing) as port:
        broken = _send(root, port, monkeypatch)
    assert broken.exit_code == 1 and len(failing.received) == 1
    inbox = Inbox()
    with smtp(inbox) as port:
        repaired = _send(root, port, monkeypatch)
    assert repaired.exit_code == 0, repaired.output
    assert [rcpt for rcpt, _ in inbox.received] == [["bernd@example.org"]]


def test_mail_without_send_writes_the_outbox_only(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_network(FILES)
    box = tmp_path / "out"
    args = ["-C", str(root), "agenda", "2021-05-19-ag", "--today", "2021-05-03", "--mail"]
    first = runner.invoke(app, [*args, "--outbox", str(box)])
    assert first.exit_code == 0, first.output
    emls = sorted(p.name for p in box.glob("*.eml"))
    assert emls == ["2021-05-03-2021-05-19-ag-anna.eml", "2021-05-03-2021-05-19-ag-bernd.eml"]
    before = (box / emls[0]).read_bytes()
    runner.invoke(app, [*args, "--outbox", str(box)])
    assert (box / emls[0]).read_bytes() == before  # same data, same bytes


HELD = BASE["meetings/2021/2021-03-15-ag.yaml"] + "distribution: [bernd, Presse Teststadt]\n"


def _send_minutes(root: Path, port: int, monkeypatch: pytest.MonkeyPatch, *extra: str) -> Any:
    _smtp(port, monkeypatch)
    args = ["-C", str(root), "minutes", "2021-03-15-ag", "--today", "2021-04-01", "--send"]
    return runner.invoke(app, [*args, *extra])


def test_the_protokoll_by_e_mail_as_draft_then_approved(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_network({**FILES, "meetings/2021/2021-03-15-ag.yaml": HELD})
    inbox = Inbox()
    with smtp(inbox) as port:
        refused = _send_minutes(root, port, monkeypatch)
        assert refused.exit_code == 2 and "--draft" in refused.stderr and not inbox.received
        draft = _send_minutes(root, port, monkeypatch, "--draft")
        assert draft.exit_code == 0, draft.output
        assert [rcpt for rcpt, _ in inbox.received] == [["anna@example.org"], ["bernd@example.org"]]
        assert "Presse Teststadt" in draft.stdout and "Carla Clemens" in draft.stdout
        _, anna = inbox.received[0]
        assert anna["Subject"] == "Protokoll (Entwurf): Sitzung AG Bildung"
        body = _body(anna, "plain")
        assert body.startswith("Liebe Frau Dr. Albers,\n\nanbei der Entwurf des Protokolls")
        assert "ENTWURF – noch nicht genehmigt" in body and "Die Umfrage startet im April." in body
        files = sorted(p.get_filename() or "" for p in anna.iter_attachments())
        assert "protokoll.docx" in files
        assert _send_minutes(root, port, monkeypatch, "--draft").exit_code == 0
        assert len(inbox.received) == 2  # the same draft never twice

        meeting = root / "meetings/2021/2021-03-15-ag.yaml"
        meeting.write_text(HELD + "approved: 2021-05-19\n", encoding="utf-8")
        approved = _send_minutes(root, port, monkeypatch, "--today", "2021-05-20")
        assert approved.exit_code == 0, approved.output
        _, final = inbox.received[2]
        assert final["Subject"] == "Protokoll (genehmigt): Sitzung AG Bildung"
        assert "genehmigt am 19.05.2021" in _body(final, "plain")
        assert len(inbox.received) == 4


def test_replies_are_recorded_and_the_missing_ones_reminded(
    make_network: Callable[..., Path],
) -> None:
    replies = PLANNED + "rsvp_by: 2021-05-12\naccepted: [anna]\ndeclined: [carla]\n"
    root = make_network({**FILES, MEETING: replies})
    agenda = runner.invoke(
        app, ["-C", str(root), "agenda", "2021-05-19-ag", "--today", "2021-05-10"]
    )
    assert agenda.exit_code == 0
    assert (
        "Rückmeldungen: 1 Zusagen (Anna Albers); 1 Absagen (Carla Clemens); "
        "1 offen (Bernd Brink)." in agenda.stderr
    )
    assert "Rückmeldungen" not in agenda.stdout  # for the coordinator only
    args = ["-C", str(root), "remind", "-f", "json", "--days", "30"]
    before = runner.invoke(app, [*args, "--today", "2021-05-12"]).stdout
    assert '"kind": "rsvp_missing"' not in before  # not due yet
    after = runner.invoke(app, [*args, "--today", "2021-05-13"]).stdout
    assert '"kind": "rsvp_missing"' in after
    assert (
        "Noch keine Rückmeldung zu „AG Bildung“ am 19.05.2021 (fällig 12.05.2021): Bernd Brink."
        in after
    )
    assert '"recipients": [\n      "anna"\n    ]' in after  # to the coordinator's contact


def test_nobody_without_e_mail_is_forgotten(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    verein = BASE["partners/verein.yaml"].replace(
        "    name: Carla Clemens\n",
        "    name: Carla Clemens\n    address: [Am Sportplatz 1, 12345 Teststadt]\n",
    )
    root = make_network({**FILES, "partners/verein.yaml": verein})
    box = tmp_path / "out"
    args = ["-C", str(root), "agenda", "2021-05-19-ag", "--today", "2021-05-03"]
    result = runner.invoke(app, [*args, "--mail", "--post", "--outbox", str(box)])
    assert result.exit_code == 0, result.output
    assert (
        "Carla Clemens (TV Teststadt), keine Telefonnummer; Am Sportplatz 1, 12345 Teststadt"
        in result.stdout
    )
    letters = sorted((box / "post").glob("*.pdf"))
    assert [p.name for p in letters] == ["2021-05-03-2021-05-19-ag-carla.pdf"]
    assert letters[0].read_bytes().startswith(b"%PDF")
    assert "1 Brief zum Drucken" in result.stdout


class Refusing(Inbox):
    """An answer at the end of DATA for some recipients, the others are taken."""

    def __init__(self, answers: dict[str, str]) -> None:
        super().__init__()
        self.answers = answers

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        for address in envelope.rcpt_tos:
            if address in self.answers:
                return self.answers[address]
        return await super().handle_DATA(server, session, envelope)


def permanent_and_temporary() -> Refusing:
    """554 for Anna (never), 451 for Carla (try later)."""
    return Refusing(
        {
            "anna@example.org": "554 5.7.1 Nachricht abgelehnt",
            "carla@example.org": "451 4.3.0 Bitte später",
        }
    )


def test_a_refusal_for_now_and_one_for_good_are_told_apart(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        **FILES,
        "partners/verein.yaml": BASE["partners/verein.yaml"].replace(
            "    name: Carla Clemens\n", "    name: Carla Clemens\n    email: carla@example.org\n"
        ),
    }
    root = make_network(files)
    refusing = permanent_and_temporary()
    with smtp(refusing) as port:
        first = _send(root, port, monkeypatch)
    assert first.exit_code == 1
    assert "Anna" in first.stdout and "554" in first.stdout
    assert [rcpt for rcpt, _ in refusing.received] == [["bernd@example.org"]]
    healthy = Inbox()
    with smtp(healthy) as port:
        second = _send(root, port, monkeypatch)
        assert second.exit_code == 0, second.output
        assert [rcpt for rcpt, _ in healthy.received] == [["carla@example.org"]]  # only her
        third = _send(root, port, monkeypatch)
        assert third.exit_code == 0 and len(healthy.received) == 1  # nothing again


def _healthy_run(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The next run against a server that takes everything: who gets a message."""
    inbox = Inbox()
    with smtp(inbox) as port:
        result = _send(root, port, monkeypatch)
    assert result.exit_code == 0, result.output
    return [rcpt for rcpt, _ in inbox.received]


class HangsUpAtSecondSender(Inbox):
    """421 and the connection closed at the second MAIL FROM: that message never went
    out (the one before it did)."""

    def __init__(self) -> None:
        super().__init__()
        self.mails = 0

    async def handle_MAIL(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        self.mails += 1
        if self.mails == 2:
            return "421 4.3.2 Dienst wird beendet"
        envelope.mail_from = address
        return "250 OK"


def test_a_message_refused_before_its_text_went_out_is_sent_by_the_next_run(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_network(FILES)
    hanging = HangsUpAtSecondSender()
    with smtp(hanging) as port:
        first = _send(root, port, monkeypatch)
    assert first.exit_code == 1 and len(hanging.received) == 1
    assert "NICHT versendet: Bernd" in first.stdout, first.stdout
    assert "möglicherweise" not in first.stdout  # his text never went out
    assert _healthy_run(root, monkeypatch) == [["bernd@example.org"]]


def test_a_refusal_for_now_holds_up_nobody_else(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_network(FILES)
    busy = Refusing({"anna@example.org": "451 4.2.0 Postfach belegt"})  # for now
    with smtp(busy) as port:
        first = _send(root, port, monkeypatch)
    assert first.exit_code == 1
    assert [rcpt for rcpt, _ in busy.received] == [["bernd@example.org"]]  # after Anna
    assert "vorerst abgelehnt (451 4.2.0 Postfach belegt)" in first.stdout, first.stdout
    assert "ein neuer Lauf versucht sie erneut" in first.stderr
    assert "abgebrochen" not in first.output
    assert _healthy_run(root, monkeypatch) == [["anna@example.org"]]


def test_a_refusal_for_now_at_the_data_command_holds_up_nobody_else(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Greylisting at the DATA command (451 instead of 354): the mail transaction is
    ended (RSET), so the next message starts anew instead of "503 nested MAIL"."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import SMTP

    class GreylistAnna(SMTP):
        async def smtp_DATA(self, arg: str) -> None:
            if self.envelope is not None and "anna@example.org" in self.envelope.rcpt_tos:
                await self.push("451 4.7.1 Greylisted, try again later")
                return
            await super().smtp_DATA(arg)

    class Greylisting(Controller):
        def factory(self) -> SMTP:
            return GreylistAnna(self.handler)

    from test_mail import _free_port

    inbox = Inbox()
    port = _free_port()
    controller = Greylisting(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        first = _send(make_network(FILES), port, monkeypatch)
    finally:
        controller.stop()
    assert first.exit_code == 1
    assert [rcpt for rcpt, _ in inbox.received] == [["bernd@example.org"]], first.output
    assert "vorerst abgelehnt (451 4.7.1 Greylisted" in first.stdout


def test_agenda_and_minutes_can_try_again_what_was_refused_for_good(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_network(FILES)
    refusing = permanent_and_temporary()
    with smtp(refusing) as port:
        assert _send(root, port, monkeypatch).exit_code == 1  # 554 for Anna
    inbox = Inbox()
    with smtp(inbox) as port:
        kept = _send(root, port, monkeypatch)
        assert kept.exit_code == 0 and inbox.received == []
        assert "--retry-failed" in kept.stdout
        again = _send(root, port, monkeypatch, "--retry-failed")
    assert again.exit_code == 0, again.output
    assert [rcpt for rcpt, _ in inbox.received] == [["anna@example.org"]]
    for command in ("agenda", "minutes"):
        shown = runner.invoke(app, [command, "--help"]).stdout
        assert "--retry-failed" in shown and "--resend" in shown


def _reply(uid: str, email: str, answer: str, stamp: str | None = None) -> bytes:
    from datetime import datetime

    from icalendar import Calendar as Cal
    from icalendar import Event, vCalAddress

    cal = Cal()
    cal.add("prodid", "-//Test//Mail//DE")
    cal.add("version", "2.0")
    cal.add("method", "REPLY")
    event = Event()
    event.add("uid", uid)
    if stamp is not None:  # when the reply was given, as the calendar program notes it
        event.add("dtstamp", datetime.fromisoformat(stamp))
    attendee = vCalAddress(f"mailto:{email}")
    attendee.params["partstat"] = answer
    event.add("attendee", attendee)
    cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def test_replies_saved_from_the_mail_program_are_recorded(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    files = {
        **FILES,
        MEETING: PLANNED.replace("location: Rathaus\n", "location: Rathaus  # Raum 2\n")
        + "declined: [anna]\n",
    }
    root = make_network(files)
    uid = "2021-05-19-ag@testnetz.netzwerkctl"
    replies = tmp_path / "antworten"
    replies.mkdir()
    (replies / "anna.ics").write_bytes(_reply(uid, "Anna@Example.org", "ACCEPTED"))
    mail = EmailMessage()
    mail["Subject"] = "Abgelehnt: Sitzung AG Bildung"
    mail.set_content("Leider nicht.")
    mail.add_attachment(
        _reply(uid, "bernd@example.org", "DECLINED"),
        maintype="text",
        subtype="calendar",
        filename="reply.ics",
    )
    (replies / "bernd.eml").write_bytes(bytes(mail))
    (replies / "fremd.ics").write_bytes(_reply("x@y", "nobody@example.org", "ACCEPTED"))
    (replies / "notiz.eml").write_bytes(b"Subject: hallo\n\nkein Kalender\n")
    (replies / "carla.ics").write_bytes(_reply(uid, "anna@example.org", "TENTATIVE"))
    shown = runner.invoke(app, ["-C", str(root), "replies", str(replies)])
    # three files are not in the lists: not complete, so not exit 0
    assert shown.exit_code == 1, shown.output
    assert "3 Dateien wurden nicht vollständig eingetragen; bitte von Hand" in shown.stderr
    assert "(anna@example.org, vorläufig zugesagt)" in shown.stdout  # not "tentative"
    assert "  accepted: [anna]\n  declined: [bernd]\n" in shown.stdout
    assert "nicht verstanden: fremd.ics" in shown.stdout and "notiz.eml" in shown.stdout
    # Outlook's .msg cannot be read: named, and counted — never passed over
    (replies / "Zugesagt.msg").write_bytes(b"\xd0\xcf\x11\xe0")
    (replies / "desktop.ini").write_bytes(b"[.ShellClassInfo]\n")  # the file manager's
    (replies / "alt").mkdir()
    shown = runner.invoke(app, ["-C", str(root), "replies", str(replies)])
    assert "nicht gelesen: Zugesagt.msg (gelesen werden nur .ics- und .eml-Dateien)" in (
        shown.stdout
    )
    assert "desktop.ini" not in shown.stdout and "alt" not in shown.stdout
    assert "4 Dateien wurden nicht vollständig" in shown.stderr
    (replies / "Zugesagt.msg").unlink()
    assert (root / MEETING).read_text(encoding="utf-8") == files[MEETING]  # nothing written
    written = runner.invoke(app, ["-C", str(root), "replies", str(replies), "--write"])
    assert written.exit_code == 1, written.output  # what could be read is written all the same
    text = (root / MEETING).read_text(encoding="utf-8")
    assert "location: Rathaus  # Raum 2\n" in text  # comments stay
    assert "accepted: [anna]\n" in text and "declined: [bernd]\n" in text
    assert runner.invoke(app, ["-C", str(root), "check", "--today", "2021-05-03"]).exit_code == 0


def test_the_later_reply_wins_and_a_list_written_by_hand_is_rewritten_whole(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    """Two replies of Bernd: the later (by its DTSTAMP) wins, whatever the files are
    called. The lists written one per line with a comment, or in flow style over two
    lines, are rewritten whole, the comment kept — the file reads clean afterwards."""
    files = {
        **FILES,
        MEETING: PLANNED
        + "accepted: [anna,\n  carla]\ndeclined:\n  # telefonisch abgesagt\n  - carla\n",
    }
    root = make_network(files)
    uid = "2021-05-19-ag@testnetz.netzwerkctl"
    replies = tmp_path / "antworten"
    replies.mkdir()
    # "Abgelehnt_…" sorts before "Angenommen_…": the file order must not decide
    (replies / "Abgelehnt_bernd.ics").write_bytes(
        _reply(uid, "bernd@example.org", "DECLINED", "2021-05-01T09:00:00+00:00")
    )
    (replies / "Angenommen_bernd.ics").write_bytes(
        _reply(uid, "bernd@example.org", "ACCEPTED", "2021-04-20T09:00:00+00:00")
    )
    written = runner.invoke(app, ["-C", str(root), "replies", str(replies), "--write"])
    assert written.exit_code == 0, written.output
    text = (root / MEETING).read_text(encoding="utf-8")
    assert "accepted: [anna, carla]\ndeclined: [carla, bernd]\n  # telefonisch abgesagt\n" in text
    checked = runner.invoke(app, ["-C", str(root), "check", "--today", "2021-05-03"])
    assert checked.exit_code == 0, checked.stdout  # no error (carla twice is a warning)


def test_replies_keep_what_they_cannot_rewrite_and_never_drop_an_entry(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    """Comments at the line start and blank lines between the items, and a comment on
    the key's line, stay. A list with an entry the checks leave out (a name instead of
    an id) is not rewritten without it: refused, the file as it was."""
    uid = "2021-05-19-ag@testnetz.netzwerkctl"
    replies = tmp_path / "antworten"
    replies.mkdir()
    (replies / "b.ics").write_bytes(_reply(uid, "bernd@example.org", "DECLINED"))
    lists = "accepted:\n  - anna\n# per Telefon\n\n  - carla\ndeclined: []  # bisher keine\n"
    root = make_network({**FILES, MEETING: PLANNED + lists})
    written = runner.invoke(app, ["-C", str(root), "replies", str(replies), "--write"])
    assert written.exit_code == 0, written.output
    text = (root / MEETING).read_text(encoding="utf-8")
    assert text.endswith(
        "accepted: [anna, carla]\n# per Telefon\n\ndeclined: [bernd]  # bisher keine\n"
    ), text
    named = PLANNED + "accepted: [anna, Carla Clemens]\n"
    root = make_network({**FILES, MEETING: named})
    refused = runner.invoke(app, ["-C", str(root), "replies", str(replies), "--write"])
    assert refused.exit_code == 1 and "von Hand" in refused.stderr, refused.output
    assert (root / MEETING).read_text(encoding="utf-8") == named


def test_a_reply_from_an_address_two_share_goes_to_the_one_invited(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    """Anna and Dora (not invited) share one address: the reply is Anna's. Where two
    invitees share it (Anna and Carla), it is not understood — never guessed."""
    dora = "  - id: dora\n    name: Dora Dietz\n    email: anna@example.org\n"
    verein = BASE["partners/verein.yaml"] + dora
    root = make_network({**FILES, "partners/verein.yaml": verein})
    uid = "2021-05-19-ag@testnetz.netzwerkctl"
    replies = tmp_path / "antworten"
    replies.mkdir()
    (replies / "a.ics").write_bytes(_reply(uid, "anna@example.org", "DECLINED"))
    shown = runner.invoke(app, ["-C", str(root), "replies", str(replies)])
    assert shown.exit_code == 0 and "declined: [anna]" in shown.stdout, shown.output
    shared = verein.replace(
        "    name: Carla Clemens\n", "    name: Carla Clemens\n    email: anna@example.org\n"
    )
    root = make_network({**FILES, "partners/verein.yaml": shared})
    shown = runner.invoke(app, ["-C", str(root), "replies", str(replies)])
    assert "nicht verstanden: a.ics" in shown.stdout, shown.output
    assert shown.exit_code == 1 and "1 Datei wurde nicht vollständig" in shown.stderr


def test_a_mail_server_that_is_not_running_loses_nothing(
    make_network: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    root = make_network(FILES)
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    down = _send(root, closed, monkeypatch)
    assert down.exit_code == 1 and "NICHT versendet: Anna Albers" in down.stdout
    inbox = Inbox()
    with smtp(inbox) as port:
        up = _send(root, port, monkeypatch)
    assert up.exit_code == 0, up.output
    assert [rcpt for rcpt, _ in inbox.received] == [["anna@example.org"], ["bernd@example.org"]]


def test_a_run_killed_while_sending_sends_that_invitation_not_again(
    make_network: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """kill -9 between 'about to send' and 'sent' leaves 'pending' in the record."""
    import json
    from email import message_from_bytes, policy

    root = make_network(FILES)
    box = root / "postausgang"
    args = ["-C", str(root), "agenda", "2021-05-19-ag", "--today", "2021-05-03", "--mail"]
    assert runner.invoke(app, args).exit_code == 0
    eml = (box / "2021-05-03-2021-05-19-ag-anna.eml").read_bytes()
    key = (
        str(message_from_bytes(eml, policy=policy.default)["Message-ID"]).strip("<>").split("@")[0]
    )
    entry = {"key": key, "person": "anna", "date": "2021-05-03", "status": "pending"}
    (box / "versendet.jsonl").write_text(json.dumps(entry) + "\n", encoding="utf-8")
    inbox = Inbox()
    with smtp(inbox) as port:
        result = _send(root, port, monkeypatch)
    assert result.exit_code == 0, result.output
    assert "möglicherweise zugestellt, nicht wiederholt (--resend): Anna Albers" in result.stdout
    assert [rcpt for rcpt, _ in inbox.received] == [["bernd@example.org"]]
