"""The built-in sandbox payment gateway, with Stripe's test tokens."""

from __future__ import annotations

import threading
import uuid

from rental.application.ports import CardDeclined
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
        self._keys: set[str] = set()

    def authorize(self, token: str, amount: Money, idempotency_key: str) -> str:
        if token in DECLINES:
            raise CardDeclined(DECLINES[token])
        if token not in APPROVES:
            raise UnknownPaymentToken(
                {"payment_token": ["is not a sandbox token: use tok_visa, tok_chargeDeclined "
                                   "or tok_chargeDeclinedInsufficientFunds."]}
            )  # fmt: skip
        reference = f"sandbox_{uuid.uuid4().hex}"
        with self._lock:
            self.authorized[reference] = amount
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

    def _first_time(self, idempotency_key: str) -> bool:
        """Like Stripe, a request repeated with its key is answered without acting again."""
        if idempotency_key in self._keys:
            return False
        self._keys.add(idempotency_key)
        return True
