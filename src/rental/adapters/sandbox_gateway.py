"""The built-in sandbox payment gateway, with Stripe's test tokens."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable
from datetime import datetime

from rental.application.ports import CardDeclined, PaymentTags, ProviderPayment
from rental.domain.errors import UnknownPaymentToken
from rental.domain.money import Money

DECLINES = {
    "tok_chargeDeclined": "card_declined",
    "tok_chargeDeclinedInsufficientFunds": "insufficient_funds",
}
APPROVES = frozenset({"tok_visa"})


class SandboxGateway:
    """Approves ``tok_visa``, declines API.md's decline tokens, knows no other token.

    It remembers what it holds, captured and refunded, so tests can check the money.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.authorized: dict[str, Money] = {}
        self.captured: dict[str, Money] = {}
        self.voided: set[str] = set()
        self.refunded: dict[str, int] = {}
        self.tags: dict[str, PaymentTags] = {}
        self._keys: set[str] = set()

    def authorize(
        self, token: str, amount: Money, idempotency_key: str, tags: PaymentTags | None = None
    ) -> str:
        if token in DECLINES:
            raise CardDeclined(DECLINES[token])
        if token not in APPROVES:
            raise UnknownPaymentToken(
                {
                    "payment_token": [
                        "is not a sandbox token: use tok_visa, tok_chargeDeclined "
                        "or tok_chargeDeclinedInsufficientFunds."
                    ]
                }
            )
        reference = f"sandbox_{uuid.uuid4().hex}"
        with self._lock:
            self.authorized[reference] = amount
            if tags is not None:
                self.tags[reference] = tags
        return reference

    def charge(
        self, token: str, amount: Money, idempotency_key: str, tags: PaymentTags | None = None
    ) -> str:
        reference = self.authorize(token, amount, idempotency_key, tags)
        self.capture(reference, amount, f"{idempotency_key}-capture")
        return reference

    def capture(self, reference: str, amount: Money, idempotency_key: str) -> None:
        with self._lock:
            if self._first_time(idempotency_key):
                self.captured[reference] = amount

    def void(self, reference: str) -> None:
        with self._lock:
            self.voided.add(reference)

    def refund(self, reference: str, amount: Money, idempotency_key: str) -> None:
        with self._lock:
            if self._first_time(idempotency_key):
                self.refunded[reference] = self.refunded.get(reference, 0) + amount.amount

    def lookup(self, reference: str) -> ProviderPayment:
        with self._lock:
            held = self.authorized[reference]
            tags = self.tags.get(reference)
            if reference in self.captured:
                status = "captured"
            elif reference in self.voided:
                status = "voided"
            else:
                status = "authorized"
            return ProviderPayment(
                reference=reference,
                status=status,
                amount=held.amount,
                currency=held.currency,
                refunded=self.refunded.get(reference, 0),
                booking_id=tags.booking_id if tags else None,
                payer_id=tags.payer_id if tags else None,
            )

    def recent(self, since: datetime) -> Iterable[ProviderPayment]:
        """Everything the sandbox holds: it keeps no times, and lives as long as a process."""
        with self._lock:
            references = list(self.authorized)
        return [self.lookup(reference) for reference in references]

    def _first_time(self, idempotency_key: str) -> bool:
        """Like Stripe, a request repeated with its key is answered without acting again."""
        if idempotency_key in self._keys:
            return False
        self._keys.add(idempotency_key)
        return True
