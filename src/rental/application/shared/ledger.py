"""Keeping the books: ledger entries and the host's payout, in the transaction that moves
the money, so that the books and the payment stand or fall together."""

from __future__ import annotations

from datetime import datetime

from rental.application.dependencies import Dependencies
from rental.application.unit_of_work import UnitOfWork
from rental.domain.bookings.booking import Booking
from rental.domain.payments.ledger import (
    Account,
    LedgerEntry,
    capture_split,
    check_balanced,
    payout_due_at,
    refund_split,
)
from rental.domain.payments.payment import Payment
from rental.domain.payments.payouts import Payout


def record_capture(
    uow: UnitOfWork, deps: Dependencies, booking: Booking, payment: Payment, now: datetime
) -> None:
    """Split the captured payment into the host's and the platform's entries, and schedule
    the host's payout."""
    split = capture_split(booking, payment.amount, deps.host_fee_percent)
    _append(uow, deps, booking, payment, split, "capture", now)
    if uow.payouts.for_booking(booking.id) is None:
        uow.payouts.add(
            Payout(
                id=deps.ids.new_id(),
                booking_id=booking.id,
                host_id=booking.host_id,
                currency=payment.currency,
                due_at=payout_due_at(booking),
                created_at=now,
            )
        )


def record_refund(
    uow: UnitOfWork,
    deps: Dependencies,
    booking: Booking,
    payment: Payment,
    refund: int,
    now: datetime,
) -> None:
    """Reverse ``refund`` (already applied to ``payment``) from both accounts in proportion."""
    captured = {
        Account(e.account): e.amount
        for e in uow.ledger.for_booking(booking.id)
        if e.payment_id == payment.id and e.reason == "capture"
    }
    before = payment.refunded_amount - refund
    split = refund_split(captured, payment.amount, before, refund)
    _append(uow, deps, booking, payment, split, "refund", now)


def _append(
    uow: UnitOfWork,
    deps: Dependencies,
    booking: Booking,
    payment: Payment,
    split: dict[Account, int],
    reason: str,
    now: datetime,
) -> None:
    entries = [
        LedgerEntry(
            id=deps.ids.new_id(),
            booking_id=booking.id,
            payment_id=payment.id,
            host_id=booking.host_id,
            account=account.value,
            amount=amount,
            currency=payment.currency,
            reason=reason,
            created_at=now,
        )
        for account, amount in split.items()
        if amount
    ]
    held = sum(p.amount - p.refunded_amount for p in _captured(uow, booking.id, payment))
    check_balanced(uow.ledger.for_booking(booking.id) + entries, held)
    uow.ledger.append(entries)


def _captured(uow: UnitOfWork, booking_id: str, changed: Payment) -> list[Payment]:
    """The booking's payments that took money, ``changed`` as it is now (maybe not saved)."""
    payments = [p for p in uow.payments.for_booking(booking_id) if p.id != changed.id]
    return [
        p
        for p in [*payments, changed]
        if p.status in ("captured", "refunded", "partially_refunded")
    ]
