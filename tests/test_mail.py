"""Reminder e-mails through a real SMTP server on 127.0.0.1 (aiosmtpd)."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from typer.testing import CliRunner, Result

from conftest import text_of
from netzwerkctl.cli import app
from remind_network import BANK, REMIND

runner = CliRunner()


class Inbox:
    """An SMTP handler that keeps what arrives and can fail after some messages."""

    def __init__(self, fail_after: int | None = None) -> None:
        self.fail_after = fail_after
        self.received: list[tuple[list[str], EmailMessage]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.fail_after is not None and len(self.received) >= self.fail_after:
            return "421 4.3.0 Dienst nicht verfügbar"
        msg = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(msg, EmailMessage)
        self.received.append((list(envelope.rcpt_tos), msg))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def smtp(inbox: Inbox) -> Iterator[int]:
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


def send(
    root: Path,
    outbox: Path,
    port: int,
    monkeypatch: pytest.MonkeyPatch,
    security: str | None = "none",
) -> tuple[int, str, str]:
    monkeypatch.setenv("NETZWERKCTL_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("NETZWERKCTL_SMTP_PORT", str(port))
    monkeypatch.setenv("NETZWERKCTL_SMTP_FROM", "Freiwilligenagentur Teststadt <fa@example.org>")
    if security is None:
        monkeypatch.delenv("NETZWERKCTL_SMTP_SECURITY", raising=False)
    else:
        monkeypatch.setenv("NETZWERKCTL_SMTP_SECURITY", security)
    result = remind_into(root, outbox, "--send")
    return result.exit_code, result.stdout, result.stderr


def remind_into(root: Path, outbox: Path, flag: str = "--mail") -> Result:
    """`remind --mail` (the outbox only) or `--send` on the test day."""
    return runner.invoke(
        app, ["-C", str(root), "remind", "--today", "2022-01-10", flag, "--outbox", str(outbox)]
    )


def test_one_message_per_person_to_that_person_alone(
    make_network: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = Inbox()
    with smtp(inbox) as port:
        code, out, err = send(make_network(REMIND), tmp_path / "out", port, monkeypatch)
    assert code == 0, out + err
    assert [rcpt for rcpt, _ in inbox.received] == [["anna@example.org"], ["bernd@example.org"]]
    _, anna = inbox.received[0]
    assert anna["To"] == "Anna Albers <anna@example.org>"
    assert anna["From"] == "Freiwilligenagentur Teststadt <fa@example.org>"
    assert anna["Subject"] == "Erinnerung: 9 offene Punkte – Testnetz"
    assert "Cc" not in anna and "Bcc" not in anna
    body = text_of(anna).replace("\r\n", "\n")  # CRLF on the wire, as SMTP wants
    assert body.startswith(
        "Guten Tag Anna Albers,\n\nhier ist Ihre Erinnerung aus dem Netzwerk Testnetz (Stand: 10.01.2022).\n\nÜberfällig:\n- Arbeitsauftrag „Porto klären“"
    )
    assert "\n- Neuer Verein wurde am 15.11.2021 angesprochen: Zeit nachzufassen.\n" in body
    coming = body[body.index("Demnächst:") :]
    assert coming.startswith("Demnächst:\n- 15.01.2022: Meilenstein „Auswertung fertig“")
    assert "2021" not in coming.split("Vielen Dank")[0]  # nothing past under "coming up"
    assert "Dora Dreyer (TV Teststadt), keine Telefonnummer" in out  # no address: call
    assert "versendet: Anna Albers" in out and "versendet: Bernd Brink" in out
    assert "@" not in out  # addresses are not printed
    emls = sorted(p.name for p in (tmp_path / "out").glob("*.eml"))
    assert emls == ["2022-01-10-anna.eml", "2022-01-10-bernd.eml"]


def test_a_failure_midway_loses_and_duplicates_nothing(
    make_network: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, outbox = make_network(REMIND), tmp_path / "out"
    failing = Inbox(fail_after=1)
    with smtp(failing) as port:
        code, out, err = send(root, outbox, port, monkeypatch)
    assert code == 1
    assert "versendet: Anna Albers" in out and "NICHT versendet: Bernd Brink" in out
    assert "421" in err and "1 versendet, 1 nicht" in err
    healthy = Inbox()
    with smtp(healthy) as port:
        code, out, _ = send(root, outbox, port, monkeypatch)
    assert code == 0
    assert "schon versendet, nicht wiederholt: Anna Albers" in out
    delivered = [rcpt for rcpt, _ in failing.received + healthy.received]
    assert delivered == [["anna@example.org"], ["bernd@example.org"]]  # each exactly once
    with smtp(Inbox()) as port:  # a third run sends nothing at all
        code, out, _ = send(root, outbox, port, monkeypatch)
    assert code == 0 and "versendet: " not in out.replace("schon versendet", "")
    assert out.startswith("0 E-Mails in ")  # and writes none: the copies are there


def test_starttls_is_required_unless_switched_off(
    make_network: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = Inbox()
    monkeypatch.setenv("NETZWERKCTL_SMTP_USER", "koordination")
    monkeypatch.setenv("NETZWERKCTL_SMTP_PASSWORD", "geheim-123")
    with smtp(inbox) as port:  # this test server offers no STARTTLS
        code, out, err = send(
            make_network(REMIND), tmp_path / "out", port, monkeypatch, security=None
        )
    assert code == 1 and "STARTTLS" in err
    assert inbox.received == []  # nothing went out in plain text
    assert "geheim-123" not in out + err


def test_missing_configuration_is_named(
    make_network: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NETZWERKCTL_SMTP_HOST", raising=False)
    monkeypatch.delenv("NETZWERKCTL_SMTP_FROM", raising=False)
    result = remind_into(make_network(REMIND), tmp_path, "--send")
    assert result.exit_code == 2
    assert "NETZWERKCTL_SMTP_HOST" in result.stderr and "NETZWERKCTL_SMTP_FROM" in result.stderr


def test_mail_without_send_only_writes_the_outbox(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    result = remind_into(make_network(REMIND), tmp_path / "out")
    assert result.exit_code == 0 and "2 E-Mails in" in result.stdout
    raw = (tmp_path / "out" / "2022-01-10-bernd.eml").read_bytes()
    msg = message_from_bytes(raw, policy=policy.default)
    assert msg["To"] == "Bernd Brink <bernd@example.org>"
    assert "Ü" in text_of(msg)  # umlauts survive the encoding
    assert raw.isascii()  # and are encoded, not raw bytes in the message


def test_line_breaks_in_names_cannot_inject_headers(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    from conftest import BASE

    evil = BASE["partners/fa.yaml"].replace(
        "name: Anna Albers", 'name: "Anna\\nBcc: mallory@example.org"'
    )
    root = make_network({**REMIND, "partners/fa.yaml": evil})
    result = remind_into(root, tmp_path / "out")
    assert result.exit_code == 1 and "NW117" in result.stderr  # check refuses the name
    forced = runner.invoke(
        app,
        ["-C", str(root), "remind", "--today", "2022-01-10", "--mail", "--outbox",
         str(tmp_path / "out"), "--allow-errors"],
    )  # fmt: skip
    assert forced.exit_code == 0, forced.stderr
    written = list((tmp_path / "out").glob("*.eml"))
    assert written
    for eml in written:
        msg = message_from_bytes(eml.read_bytes(), policy=policy.default)
        assert msg["Bcc"] is None and len(msg["To"].addresses) == 1


def test_starttls_and_login_against_a_server_that_requires_them(
    make_network: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ssl

    import trustme
    from aiosmtpd.smtp import AuthResult, LoginPassword

    authority = trustme.CA()
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1").configure_cert(server_context)
    ca_file = tmp_path / "ca.pem"
    authority.cert_pem.write_to_path(str(ca_file))
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))  # the client trusts this test CA
    logins: list[tuple[bytes, bytes]] = []

    def authenticate(
        server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        assert isinstance(data, LoginPassword)
        logins.append((data.login, data.password))
        return AuthResult(success=data.password == b"geheim-123")

    inbox = Inbox()
    port = _free_port()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        tls_context=server_context,
        require_starttls=True,
        authenticator=authenticate,
        auth_require_tls=True,
    )
    controller.start()
    try:
        monkeypatch.setenv("NETZWERKCTL_SMTP_USER", "koordination")
        monkeypatch.setenv("NETZWERKCTL_SMTP_PASSWORD", "geheim-123")
        code, out, err = send(
            make_network(REMIND), tmp_path / "out", port, monkeypatch, security=None
        )
    finally:
        controller.stop()
    assert code == 0, out + err
    assert logins == [(b"koordination", b"geheim-123")]
    assert [rcpt for rcpt, _ in inbox.received] == [["anna@example.org"], ["bernd@example.org"]]


def test_plain_smtp_only_to_this_machine(
    make_network: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NETZWERKCTL_SMTP_HOST", "mail.example.org")
    monkeypatch.setenv("NETZWERKCTL_SMTP_FROM", "fa@example.org")
    monkeypatch.setenv("NETZWERKCTL_SMTP_SECURITY", "none")
    result = remind_into(make_network(REMIND), tmp_path, "--send")
    assert result.exit_code == 2 and "localhost" in result.stderr


def test_international_domains_travel_as_ascii(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    bank = BANK.replace("bernd@example.org", "bernd@bürgerstiftung-süd.de")
    root = make_network({**REMIND, "partners/bank.yaml": bank})
    result = remind_into(root, tmp_path / "out")
    assert result.exit_code == 0
    msg = message_from_bytes(
        (tmp_path / "out" / "2022-01-10-bernd.eml").read_bytes(), policy=policy.default
    )
    assert msg["To"].addresses[0].domain == "xn--brgerstiftung-sd-jzbo.de"


def test_a_sharp_s_domain_is_encoded_with_idna_2008_not_2003(
    make_network: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`fußball.de` and `fussball.de` are two domains: IDNA 2003 (Python's codec)
    would send to the second."""
    assert "fußball.de".encode("idna") == b"fussball.de"  # what the built-in codec does
    bank = BANK.replace("bernd@example.org", "bernd@fußball.de")
    inbox = Inbox()
    with smtp(inbox) as port:
        code, out, err = send(
            make_network({**REMIND, "partners/bank.yaml": bank}),
            tmp_path / "out",
            port,
            monkeypatch,
        )
    assert code == 0, out + err
    assert ["bernd@xn--fuball-cta.de"] in [rcpt for rcpt, _ in inbox.received]
    [bernd] = [msg for rcpt, msg in inbox.received if rcpt == ["bernd@xn--fuball-cta.de"]]
    assert bernd["To"].addresses[0].domain == "xn--fuball-cta.de"


@pytest.mark.parametrize(
    "address", ["bernd@fuß..de", "bernd@-bank.de", "bernd@ex ample.de", "bernd@a..b.de"]
)
def test_a_domain_no_mail_server_can_reach_is_a_check_error(
    make_network: Callable[..., Path], address: str
) -> None:
    root = make_network(
        {**REMIND, "partners/bank.yaml": BANK.replace("bernd@example.org", address)}
    )
    result = runner.invoke(app, ["-C", str(root), "check", "--today", "2022-01-10"])
    assert result.exit_code == 1
    assert "NW111" in result.stdout and "partners/bank.yaml" in result.stdout


def test_the_record_is_never_appended_through_a_link(tmp_path: Path) -> None:
    from datetime import date

    from netzwerkctl.mail import RECORD, _record

    target = tmp_path / "fremd.txt"
    target.write_text("fremd\n", encoding="utf-8")
    (tmp_path / RECORD).symlink_to(target)
    letter = type("L", (), {"key": "k", "person": "anna", "note": ()})()  # what _record reads
    with pytest.raises(OSError):
        _record(tmp_path / RECORD, letter, date(2022, 1, 10), "Testnetz")
    assert target.read_text(encoding="utf-8") == "fremd\n"


class PlantingInbox(Inbox):
    """Accepts messages; after the first, a link takes the record's place."""

    def __init__(self, record: Path, target: Path) -> None:
        super().__init__()
        self.record, self.target = record, target

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        answer = await super().handle_DATA(server, session, envelope)
        if len(self.received) == 1:
            self.record.unlink(missing_ok=True)  # the record of what is being sent
            self.record.symlink_to(self.target)
        return answer


def test_a_delivery_that_cannot_be_noted_stops_the_run_and_says_so(
    make_network: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, outbox = make_network(REMIND), tmp_path / "out"
    target = tmp_path / "fremd.txt"
    target.write_text("fremd\n", encoding="utf-8")
    inbox = PlantingInbox(outbox / "versendet.jsonl", target)
    with smtp(inbox) as port:
        code, out, err = send(root, outbox, port, monkeypatch)
    assert code == 1 and "zugestellt, aber nicht vermerkt" in err
    assert len(inbox.received) == 1 and "NICHT versendet:" in out  # the rest not tried
    assert target.read_text(encoding="utf-8") == "fremd\n"


def _send_on(
    root: Path, outbox: Path, port: int, monkeypatch: pytest.MonkeyPatch, *extra: str
) -> Result:
    monkeypatch.setenv("NETZWERKCTL_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("NETZWERKCTL_SMTP_PORT", str(port))
    monkeypatch.setenv("NETZWERKCTL_SMTP_FROM", "Freiwilligenagentur Teststadt <fa@example.org>")
    monkeypatch.setenv("NETZWERKCTL_SMTP_SECURITY", "none")
    return runner.invoke(
        app, ["-C", str(root), "remind", "--send", "--outbox", str(outbox), *extra]
    )


def _fix_a_typo(root: Path) -> None:
    """A coordinator corrects a task title: Bernd's reminder text changes."""
    meeting = root / "meetings/2021/2021-12-01-ag.yaml"
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(text.replace("Flyer drucken", "Flyer drucken lassen"), encoding="utf-8")


def test_a_correction_the_same_day_sends_nobody_a_second_reminder(
    make_network: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, outbox = make_network(REMIND), tmp_path / "out"
    first, second = Inbox(), Inbox()
    with smtp(first) as port:
        assert _send_on(root, outbox, port, monkeypatch, "--today", "2022-01-10").exit_code == 0
    sent_copy = (outbox / "2022-01-10-bernd.eml").read_bytes()
    _fix_a_typo(root)
    with smtp(second) as port:
        again = _send_on(root, outbox, port, monkeypatch, "--today", "2022-01-10")
    assert again.exit_code == 0, again.stdout + again.stderr
    assert second.received == []
    assert "heute schon erinnert, nicht wiederholt: Bernd Brink" in again.stdout
    assert "--resend" in again.stdout
    # the outbox keeps the copy of what was sent, not the corrected text
    assert (outbox / "2022-01-10-bernd.eml").read_bytes() == sent_copy
    next_day = Inbox()
    with smtp(next_day) as port:
        later = _send_on(root, outbox, port, monkeypatch, "--today", "2022-01-11")
    assert later.exit_code == 0
    assert [rcpt for rcpt, _ in next_day.received] == [["anna@example.org"], ["bernd@example.org"]]


def test_resend_sends_the_corrected_reminder_but_never_the_same_one_twice(
    make_network: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, outbox = make_network(REMIND), tmp_path / "out"
    with smtp(Inbox()) as port:
        assert _send_on(root, outbox, port, monkeypatch, "--today", "2022-01-10").exit_code == 0
    _fix_a_typo(root)
    resent = Inbox()
    with smtp(resent) as port:
        result = _send_on(root, outbox, port, monkeypatch, "--today", "2022-01-10", "--resend")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert [rcpt for rcpt, _ in resent.received] == [["bernd@example.org"]]  # Anna's is unchanged
    assert "Flyer drucken lassen" in text_of(resent.received[0][1])
    assert "schon versendet, nicht wiederholt: Anna Albers" in result.stdout
    twice = Inbox()
    with smtp(twice) as port:
        _send_on(root, outbox, port, monkeypatch, "--today", "2022-01-10", "--resend")
    assert twice.received == []


def test_an_interrupted_run_corrected_and_repeated_reminds_everyone_once(
    make_network: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, outbox = make_network(REMIND), tmp_path / "out"
    failing = Inbox(fail_after=1)
    with smtp(failing) as port:
        assert _send_on(root, outbox, port, monkeypatch, "--today", "2022-01-10").exit_code == 1
    _fix_a_typo(root)  # Bernd, not yet reminded, gets the corrected text
    healthy = Inbox()
    with smtp(healthy) as port:
        result = _send_on(root, outbox, port, monkeypatch, "--today", "2022-01-10")
    assert result.exit_code == 0
    delivered = [rcpt for rcpt, _ in failing.received + healthy.received]
    assert delivered == [["anna@example.org"], ["bernd@example.org"]]
    assert "Flyer drucken lassen" in text_of(healthy.received[0][1])


def test_the_same_person_in_another_network_is_reminded_too(tmp_path: Path) -> None:
    from datetime import date

    from netzwerkctl.mail import RECORD, Letter, _record, read_record, reminded_earlier

    letter = Letter("k1", "anna", "Anna", None, "a@example.org", None, "s", "b")
    _record(tmp_path / RECORD, letter, date(2022, 1, 10), "Netz A")
    record = read_record(tmp_path / RECORD)
    changed = Letter("k2", "anna", "Anna", None, "a@example.org", None, "s", "b2")
    assert reminded_earlier(changed, record, "Netz A", date(2022, 1, 10), resend=False)
    assert not reminded_earlier(changed, record, "Netz B", date(2022, 1, 10), resend=False)
    assert not reminded_earlier(changed, record, "Netz A", date(2022, 1, 11), resend=False)
    assert not reminded_earlier(changed, record, "Netz A", date(2022, 1, 10), resend=True)


SPY = "Spy <spy@attacker.example>"


@pytest.mark.parametrize(
    "name",
    [
        f"Anna Albers, {SPY}",
        f"Anna Albers von der sehr langen Organisation in Teststadt e.V., {SPY}",
        f"Anna Älbers-Müllerstraßenbewohnerin aus Teststadt, {SPY}",
        f'\\"Anna\\" <anna@example.org>, {SPY}',
    ],
)
def test_a_name_can_never_add_a_recipient_or_a_sender(
    make_network: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    """Python's folding of a long header drops the quotes around a display name: a
    comma and an address in a name must not become a second recipient (reply-all)."""
    from conftest import BASE

    contact = BASE["partners/fa.yaml"].replace("name: Anna Albers", f'name: "{name}"')
    office = contact.replace(
        "name: Freiwilligenagentur Teststadt", f'name: "Freiwilligenagentur Teststadt, {SPY}"'
    )
    root = make_network({**REMIND, "partners/fa.yaml": office})
    inbox = Inbox()
    with smtp(inbox) as port:
        code, out, err = send(root, tmp_path / "out", port, monkeypatch)
    assert code == 0, out + err
    assert inbox.received
    for recipients, msg in inbox.received:
        assert len(recipients) == 1 and "attacker" not in recipients[0]
        assert len(msg["To"].addresses) == 1 and len(msg["From"].addresses) == 1
        assert "attacker" not in msg["To"].addresses[0].addr_spec
    # the outbox without --send: the sender comes from the coordinator's partner file
    remind_into(root, tmp_path / "box")
    for eml in (tmp_path / "box").glob("*.eml"):
        parsed = message_from_bytes(eml.read_bytes(), policy=policy.default)
        assert len(parsed["From"].addresses) == 1 and len(parsed["To"].addresses) == 1
        assert parsed["From"].addresses[0].addr_spec == "anna@example.org"


def test_a_sender_that_is_no_address_is_refused(
    make_network: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NETZWERKCTL_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("NETZWERKCTL_SMTP_SECURITY", "none")
    monkeypatch.setenv("NETZWERKCTL_SMTP_FROM", "Freiwilligenagentur")
    result = remind_into(make_network(REMIND), tmp_path / "out", "--send")
    assert (
        result.exit_code == 2 and "NETZWERKCTL_SMTP_FROM ist keine E-Mail-Adresse" in result.stderr
    )


def test_a_second_send_while_one_is_running_sends_nothing_and_says_who(
    make_network: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl
    import os

    root, outbox = make_network(REMIND), tmp_path / "out"
    outbox.mkdir()
    fd = os.open(outbox / ".versand.lock", os.O_RDWR | os.O_CREAT, 0o644)
    os.write(fd, b"Prozess 4711 auf buero-pc\n")
    fcntl.flock(fd, fcntl.LOCK_EX)  # another run, sending right now
    inbox = Inbox()
    try:
        with smtp(inbox) as port:
            code, _, err = send(root, outbox, port, monkeypatch)
        assert code == 1 and "Prozess 4711 auf buero-pc" in err
        assert inbox.received == [] and not list(outbox.glob("*.eml"))
    finally:
        os.close(fd)
    with smtp(inbox) as port:  # once it is done
        code, _, err = send(root, outbox, port, monkeypatch)
    assert code == 0, err
    assert len(inbox.received) == 2


class RefusingInbox(Inbox):
    """Refuses every message to one address for good at the end of DATA (554)."""

    def __init__(self, refused: str) -> None:
        super().__init__()
        self.refused = refused
        self.tried: list[str] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.tried += list(envelope.rcpt_tos)
        if self.refused in envelope.rcpt_tos:
            return "554 5.7.1 Nachricht abgelehnt"
        return await super().handle_DATA(server, session, envelope)


def test_a_permanent_refusal_blocks_nobody_else_and_is_retried_only_when_asked(
    make_network: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, outbox = make_network(REMIND), tmp_path / "out"
    inbox = RefusingInbox("anna@example.org")  # Anna comes first
    with smtp(inbox) as port:
        code, out, err = send(root, outbox, port, monkeypatch)
        assert code == 1 and "dauerhaft abgelehnt" in err
        assert "vom Mailserver abgelehnt (554 5.7.1 Nachricht abgelehnt): Anna Albers" in out
        assert [rcpt for rcpt, _ in inbox.received] == [["bernd@example.org"]]
        # the next run does not knock on the same door again, and sends nothing twice
        code, out, _ = send(root, outbox, port, monkeypatch)
        assert code == 0 and "früher abgelehnt, nicht wiederholt" in out
        assert inbox.tried.count("anna@example.org") == 1
        assert len(inbox.received) == 1
    healthy = Inbox()
    with smtp(healthy) as port:
        monkeypatch.setenv("NETZWERKCTL_SMTP_PORT", str(port))
        result = runner.invoke(
            app,
            ["-C", str(root), "remind", "--today", "2022-01-10", "--send", "--outbox",
             str(outbox), "--retry-failed"],
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert [rcpt for rcpt, _ in healthy.received] == [["anna@example.org"]]


class SilentInbox(Inbox):
    """Takes the message, then answers only after the client stopped waiting."""

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        import asyncio

        answer = await super().handle_DATA(server, session, envelope)
        await asyncio.sleep(3)
        return answer


def test_a_message_sent_without_an_answer_is_never_sent_again_without_resend(
    make_network: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netzwerkctl import smtp as transport

    monkeypatch.setattr(transport, "SOCKET_TIMEOUT", 1.0)
    root, outbox = make_network(REMIND), tmp_path / "out"
    silent = SilentInbox()
    with smtp(silent) as port:
        code, out, err = send(root, outbox, port, monkeypatch)
    assert code == 1 and "nicht geantwortet" in err
    assert "möglicherweise zugestellt, nicht wiederholt (--resend): Anna Albers" in out
    assert len(silent.received) == 1  # the server has it
    healthy = Inbox()
    with smtp(healthy) as port:
        code, out, _ = send(root, outbox, port, monkeypatch)
    assert code == 0 and "möglicherweise zugestellt" in out
    assert [rcpt for rcpt, _ in healthy.received] == [["bernd@example.org"]]  # Anna: not again


def test_a_run_killed_while_sending_does_not_send_that_message_again(
    make_network: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """kill -9 between 'about to send' and 'sent': the record says pending."""
    import json as js
    from datetime import date

    from netzwerkctl.check import check_network
    from netzwerkctl.derive.reminders import reminders
    from netzwerkctl.mail import RECORD, letters

    root, outbox = make_network(REMIND), tmp_path / "out"
    network = check_network(root, date(2022, 1, 10)).network
    [anna, *_] = letters(
        network,
        reminders(network, date(2022, 1, 10), 14),
        "de",
        date(2022, 1, 10),
        root / "templates",
    )
    outbox.mkdir()
    entry = {
        "key": anna.key,
        "person": "anna",
        "date": "2022-01-10",
        "network": "Testnetz",
        "status": "pending",
    }
    (outbox / RECORD).write_text(js.dumps(entry) + "\n", encoding="utf-8")
    inbox = Inbox()
    with smtp(inbox) as port:
        code, out, _ = send(root, outbox, port, monkeypatch)
    assert (
        code == 0 and "möglicherweise zugestellt, nicht wiederholt (--resend): Anna Albers" in out
    )
    assert [rcpt for rcpt, _ in inbox.received] == [["bernd@example.org"]]


def test_a_server_that_trickles_cannot_hang_the_run(
    make_network: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket
    import threading
    import time

    from netzwerkctl import smtp as transport

    monkeypatch.setattr(transport, "MESSAGE_DEADLINE", 2.0)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    stop = threading.Event()

    def trickle() -> None:
        conn, _ = listener.accept()
        with conn:
            for byte in b"220 langsam, sehr langsam ... " * 100:
                if stop.is_set():
                    return
                try:
                    conn.send(bytes([byte]))
                except OSError:
                    return
                time.sleep(0.2)

    thread = threading.Thread(target=trickle, daemon=True)
    thread.start()
    started = time.monotonic()
    try:
        code, _, err = send(make_network(REMIND), tmp_path / "out", port, monkeypatch)
    finally:
        stop.set()
        listener.close()
    assert time.monotonic() - started < 20
    assert code == 1 and "Versand abgebrochen" in err


def test_a_meeting_reminder_carries_place_agenda_and_the_calendar_entry(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    from icalendar import Calendar

    assert remind_into(make_network(REMIND), tmp_path / "out").exit_code == 0
    raw = (tmp_path / "out" / "2022-01-10-bernd.eml").read_bytes()
    msg = message_from_bytes(raw, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    body = text_of(msg).replace("\r\n", "\n")
    assert "Sitzung „AG Bildung“ am 19.01.2022 um 18:00 Uhr" in body
    assert "\n  - 18:00 " in body  # the agenda, with times
    [ics] = [p for p in msg.iter_attachments() if p.get_filename() == "termine.ics"]
    [event] = Calendar.from_ical(ics.get_content()).walk("VEVENT")
    assert str(event["uid"]).startswith("2022-01-19-ag@")
