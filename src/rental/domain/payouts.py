"""Payouts: the host's share of one booking, due 24 hours after check-in, paid once."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from attrs import define, field

from rental.domain.aggregate import Aggregate
from rental.domain.errors import TransitionNotAllowed


class PayoutStatus(StrEnum):
    """``scheduled`` until paid; reads as ``due`` once its time has come."""

    SCHEDULED = "scheduled"
    DUE = "due"
    PAID = "paid"
    CANCELLED = "cancelled"  # everything was refunded before it was due: nothing to pay


@define(slots=False, eq=False)
class Payout(Aggregate):
    """What the host is paid for one booking. Its amount is the host's ledger balance for the
    booking when it is paid, so a refund before then is never paid out."""

    id: str
    booking_id: str
    host_id: str
    currency: str
    due_at: datetime
    created_at: datetime
    status: str = PayoutStatus.SCHEDULED.value
    amount: int | None = None  # fixed when paid
    reference: str | None = None  # the payout gateway's
    paid_at: datetime | None = None
    version: int = field(default=1, kw_only=True)

    def status_at(self, now: datetime) -> str:
        if self.status == PayoutStatus.SCHEDULED and now >= self.due_at:
            return PayoutStatus.DUE.value
        return self.status

    def check_is_due(self, now: datetime) -> None:
        if self.status_at(now) != PayoutStatus.DUE:
            raise TransitionNotAllowed(f"A {self.status_at(now)} payout cannot be paid now.")

    def pay(self, amount: int, reference: str, now: datetime) -> None:
        """Record the payment of ``amount`` (the host's balance now) to the host."""
        self.check_is_due(now)
        self.status, self.amount, self.reference, self.paid_at = "paid", amount, reference, now
        self.bump_version()

    def cancel(self, now: datetime) -> None:
        """Nothing is owed any more (refunded in full before it was due)."""
        self.check_is_due(now)
        self.status, self.amount, self.paid_at = "cancelled", 0, now
        self.bump_version()
