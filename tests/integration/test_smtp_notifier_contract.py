"""The notifier contract against the SMTP adapter and a real SMTP server (aiosmtpd)."""

from __future__ import annotations

from collections.abc import Callable
from email.header import decode_header, make_header

import pytest

from rental.adapters.smtp_notifier import SmtpNotifier
from tests.contracts.ports import NotifierContract
from tests.events import SmtpInbox


class TestSmtpNotifier(NotifierContract):
    @pytest.fixture
    def notifier(self, smtp_inbox: SmtpInbox) -> SmtpNotifier:
        return SmtpNotifier.from_url(smtp_inbox.url)

    @pytest.fixture
    def received(self, smtp_inbox: SmtpInbox) -> Callable[[], list[tuple[str, str, str]]]:
        def read() -> list[tuple[str, str, str]]:
            return [
                (
                    m["X-Rcpt-To"],
                    str(make_header(decode_header(m["Subject"]))),
                    m.get_payload(decode=True).decode(m.get_content_charset() or "utf-8"),
                )
                for m in smtp_inbox.messages
            ]

        return read
