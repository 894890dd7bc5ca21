"""The payout gateway of today: it writes each payout to the log (``rental.payouts``) for a
person to send, until the Stripe Connect transfers adapter replaces it."""

from __future__ import annotations

import logging

from rental.domain.money import Money

log = logging.getLogger("rental.payouts")


class LoggingPayoutGateway:
    """Logs ``pay host <id> <amount> <currency>`` once per idempotency key."""

    def __init__(self) -> None:
        self.paid: dict[str, tuple[str, Money]] = {}

    def pay(self, host_id: str, amount: Money, idempotency_key: str) -> str:
        if idempotency_key not in self.paid:
            self.paid[idempotency_key] = (host_id, amount)
            log.info(
                "pay host %s %s %s (%s)", host_id, amount.amount, amount.currency, idempotency_key
            )
        return f"logged-{idempotency_key}"
