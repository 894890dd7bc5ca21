"""The default notifier: writes each email to the log instead of sending it."""

from __future__ import annotations

import logging

logger = logging.getLogger("rental.emails")


class LoggingNotifier:
    """Logs recipient and subject at INFO, the body at DEBUG. For development and for
    deployments without ``RENTAL_SMTP_URL``; the messages hold nothing secret."""

    def send(self, *, to: str, subject: str, body: str) -> None:
        logger.info("email to %s: %s", to, subject)
        logger.debug("email body:\n%s", body)
