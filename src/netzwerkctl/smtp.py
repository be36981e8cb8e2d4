"""The SMTP connection of `remind --send`: it knows whether a message's text went out,
and it cannot hang.

A server may take a message and answer after the client gave up waiting; a message
whose text was transmitted without an answer is "possibly delivered" and must not be
sent again by a later run. And a server that trickles one byte every few seconds
never trips a socket timeout: a watchdog closes the connection at a deadline per
message (and the caller stops at a deadline per run).
"""

from __future__ import annotations

import re
import smtplib
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

SOCKET_TIMEOUT = 30.0  # seconds one read or write may take
MESSAGE_DEADLINE = 120.0  # seconds one message (connecting included) may take
RUN_DEADLINE = 1800.0  # seconds a whole run may take before the rest waits for the next

_PERIOD = re.compile(rb"(?m)^\.")


class _Tracking:
    """Notes whether the text of the current message has been transmitted."""

    body_sent = False

    def data(self, msg: Any) -> tuple[int, bytes]:
        server: Any = self
        self.body_sent = False
        server.putcmd("data")
        code, reply = server.getreply()
        if code != 354:
            # as smtplib does after a refusal at the end of the text: end the mail
            # transaction (the next message starts anew), or the connection for a 421
            if code == 421:
                server.close()
            else:
                server._rset()
            raise smtplib.SMTPDataError(code, reply)
        raw = msg if isinstance(msg, bytes) else msg.encode("ascii")
        quoted = _PERIOD.sub(b"..", raw)
        if not quoted.endswith(b"\r\n"):
            quoted += b"\r\n"
        self.body_sent = True  # from here on the server may have the whole text
        server.send(quoted + b".\r\n")
        code, reply = server.getreply()
        return code, reply


class TrackingSMTP(_Tracking, smtplib.SMTP):
    pass


class TrackingSMTPSSL(_Tracking, smtplib.SMTP_SSL):
    pass


@contextmanager
def deadline(server: Any, seconds: float) -> Iterator[None]:
    """Close the connection if the block takes longer than `seconds`: whatever waits
    on it then fails at once instead of hanging."""

    def expire() -> None:
        sock = getattr(server, "sock", None)
        if sock is not None:
            with suppress(OSError):
                sock.shutdown(2)
            sock.close()

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def connect(
    host: str, port: int, security: str, user: str | None, password: str | None
) -> TrackingSMTP:
    """A logged-in connection, within MESSAGE_DEADLINE."""
    context = ssl.create_default_context()
    server: TrackingSMTP
    if security == "ssl":
        server = TrackingSMTPSSL(timeout=SOCKET_TIMEOUT, context=context)  # type: ignore[assignment]
    else:
        server = TrackingSMTP(timeout=SOCKET_TIMEOUT)
    # what SMTP(host) would remember: the name STARTTLS and SSL check the certificate of
    server._host = host  # type: ignore[attr-defined]
    with deadline(server, MESSAGE_DEADLINE):
        server.connect(host, port)
        if security == "starttls":
            server.starttls(context=context)
        if user:
            server.login(user, password or "")
    return server
