"""Payments: money authorized, captured, voided or refunded for one booking."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any, TypedDict, Unpack

from attrs import define, field

from rental.domain.aggregate import Aggregate
from rental.domain.errors import InvalidInput, TransitionNotAllowed
from rental.domain.events import (
    PaymentAuthorized,
    PaymentCaptured,
    PaymentDisputed,
    PaymentEvent,
    PaymentFailed,
    PaymentRefunded,
    PaymentVoided,
)


class PaymentStatus(StrEnum):
    AUTHORIZED = "authorized"
    CAPTURED = "captured"
    FAILED = "failed"
    VOIDED = "voided"
    REFUNDED = "refunded"
    PARTIALLY_REFUNDED = "partially_refunded"


LIVE_PAYMENT_STATUSES = (PaymentStatus.AUTHORIZED, PaymentStatus.CAPTURED)
PAYMENT_METHODS = ("card",)


class PaymentAttempt(TypedDict):
    """What a payment records of the attempt that made it, whatever came of it."""

    payment_id: str
    booking_id: str
    payer_id: str
    amount: int
    currency: str
    payment_method: str
    now: datetime


@define(slots=False, eq=False)
class Payment(Aggregate):
    """One attempt to pay a booking's total. A refund never exceeds what was captured."""

    id: str
    booking_id: str
    payer_id: str
    amount: int
    currency: str
    payment_method: str
    status: str
    created_at: datetime
    updated_at: datetime
    gateway_reference: str | None = None
    refunded_amount: int = 0
    failure_reason: str | None = None
    version: int = field(default=1, kw_only=True)

    @classmethod
    def _new(cls, status: PaymentStatus, attempt: PaymentAttempt, **outcome: Any) -> Payment:
        if attempt["payment_method"] not in PAYMENT_METHODS:
            raise InvalidInput.field("payment_method", "must be 'card'.")
        if attempt["amount"] <= 0:
            raise InvalidInput.field("amount", "must be positive.")
        values: dict[str, Any] = dict(attempt)
        now, values["id"] = values.pop("now"), values.pop("payment_id")
        return cls(status=status.value, created_at=now, updated_at=now, **values, **outcome)

    @classmethod
    def authorized(cls, *, gateway_reference: str, **attempt: Unpack[PaymentAttempt]) -> Payment:
        payment = cls._new(PaymentStatus.AUTHORIZED, attempt, gateway_reference=gateway_reference)
        payment._record(PaymentAuthorized, attempt["now"])
        return payment

    @classmethod
    def failed(cls, *, failure_reason: str, **attempt: Unpack[PaymentAttempt]) -> Payment:
        payment = cls._new(PaymentStatus.FAILED, attempt, failure_reason=failure_reason)
        payment._record(PaymentFailed, attempt["now"], failure_reason=failure_reason)
        return payment

    @property
    def is_live(self) -> bool:
        return self.status in LIVE_PAYMENT_STATUSES

    @property
    def refundable(self) -> int:
        """What can still be refunded: the captured amount less earlier refunds."""
        if self.status not in (PaymentStatus.CAPTURED, PaymentStatus.PARTIALLY_REFUNDED):
            return 0
        return self.amount - self.refunded_amount

    def _record(self, event_type: type[PaymentEvent], now: datetime, **extra: Any) -> None:
        self.record(
            event_type(
                occurred_at=now,
                payment_id=self.id,
                booking_id=self.booking_id,
                amount=self.amount,
                currency=self.currency,
                **extra,
            )
        )

    def _move(self, status: PaymentStatus, now: datetime) -> None:
        self.status = status.value
        self.updated_at = now
        self.bump_version()

    def check_status(self, *allowed: PaymentStatus, action: str) -> None:
        if self.status not in allowed:
            raise TransitionNotAllowed(f"A {self.status} payment cannot be {action}.")

    def capture(self, now: datetime) -> None:
        self.check_status(PaymentStatus.AUTHORIZED, action="captured")
        self._move(PaymentStatus.CAPTURED, now)
        self._record(PaymentCaptured, now)

    def void(self, now: datetime) -> None:
        self.check_status(PaymentStatus.AUTHORIZED, action="voided")
        self._move(PaymentStatus.VOIDED, now)
        self._record(PaymentVoided, now)

    def refund(self, amount: int, now: datetime) -> None:
        """Give back ``amount`` of what was captured; the whole of it marks ``refunded``."""
        self.check_status(
            PaymentStatus.CAPTURED, PaymentStatus.PARTIALLY_REFUNDED, action="refunded"
        )
        if amount <= 0 or amount > self.refundable:
            raise TransitionNotAllowed(
                f"A refund must be between 1 and {self.refundable} {self.currency} minor units."
            )
        self.refunded_amount += amount
        fully = self.refunded_amount == self.amount
        self._move(PaymentStatus.REFUNDED if fully else PaymentStatus.PARTIALLY_REFUNDED, now)
        self._record(PaymentRefunded, now, refunded=amount)

    def record_dispute(self, amount: int, now: datetime) -> None:
        """The payer disputes ``amount`` with their bank: the money stays where it is until
        the dispute is decided; the event tells the people who must answer it."""
        self.check_status(
            PaymentStatus.CAPTURED,
            PaymentStatus.PARTIALLY_REFUNDED,
            PaymentStatus.REFUNDED,
            action="disputed",
        )
        self.updated_at = now
        self._record(PaymentDisputed, now, disputed=amount)
