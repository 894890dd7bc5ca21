"""Email through an SMTP server (standard library ``smtplib``), from ``RENTAL_SMTP_URL``."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

from attrs import frozen

DEFAULT_SENDER = "rental <no-reply@localhost>"
TIMEOUT_SECONDS = 10


@frozen
class SmtpSettings:
    """Where and how to send: ``smtp://[user:password@]host[:port][?from=…&starttls=1]``, or
    ``smtps://`` for TLS from the start."""

    host: str
    port: int
    tls: bool = False
    starttls: bool = False
    username: str | None = None
    password: str | None = None
    sender: str = DEFAULT_SENDER

    @classmethod
    def from_url(cls, url: str) -> SmtpSettings:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError("RENTAL_SMTP_URL must look like smtp://host:port or smtps://host")
        query = parse_qs(parts.query)
        tls = parts.scheme == "smtps"
        return cls(
            host=parts.hostname,
            port=parts.port or (465 if tls else 25),
            tls=tls,
            starttls=query.get("starttls", ["0"])[0] in ("1", "true", "yes"),
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
            sender=query.get("from", [DEFAULT_SENDER])[0],
        )


class SmtpNotifier:
    """Sends each message in its own short SMTP session; an error propagates so that the
    event is delivered again later (the consumer ledger keeps others from repeating)."""

    def __init__(self, settings: SmtpSettings) -> None:
        self._settings = settings

    @classmethod
    def from_url(cls, url: str) -> SmtpNotifier:
        return cls(SmtpSettings.from_url(url))

    def send(self, *, to: str, subject: str, body: str) -> None:
        s = self._settings
        message = EmailMessage()
        message["From"] = s.sender
        message["To"] = to
        message["Subject"] = subject
        message.set_content(body)
        smtp_class = smtplib.SMTP_SSL if s.tls else smtplib.SMTP
        with smtp_class(s.host, s.port, timeout=TIMEOUT_SECONDS) as client:
            if s.starttls:
                client.starttls()
            if s.username and s.password:
                client.login(s.username, s.password)
            client.send_message(message)
