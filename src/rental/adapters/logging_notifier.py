"""The default notifier: writes each email to the log instead of sending it."""

from __future__ import annotations

import logging

logger = logging.getLogger("rental.emails")


class LoggingNotifier:
    """Logs recipient and subject at INFO, and only the body's length: logs are shipped and
    kept where a guest's messages have no business. For development and for deployments
    without ``RENTAL_SMTP_URL``."""

    def send(self, *, to: str, subject: str, body: str) -> None:
        logger.info("email to %s: %s (%s characters)", to, subject, len(body))
