"""Paying hosts: a due payout pays the host's ledger balance for the booking, once."""

from __future__ import annotations

from rental.application import commands as c
from rental.application.dependencies import Dependencies
from rental.application.unit_of_work import UnitOfWork
from rental.domain.errors import TransitionNotAllowed
from rental.domain.ledger import Account
from rental.domain.money import Money


def pay_host(cmd: c.PayHost, uow: UnitOfWork, deps: Dependencies) -> str:
    """Pay what the host is owed for the booking now; ``paid`` or ``cancelled`` (nothing
    owed: refunded in full). The booking's row lock keeps a refund from slipping between the
    balance read and the payment."""
    booking = uow.bookings.get(cmd.booking_id, for_update=True)
    payout = uow.payouts.for_booking(booking.id)
    if payout is None:
        raise TransitionNotAllowed(f"Booking {booking.id} has no payout.")
    now = deps.clock.now()
    payout.check_is_due(now)
    if deps.payouts is None:
        raise TransitionNotAllowed("No payout gateway is configured.")
    entries = uow.ledger.for_booking(booking.id)
    balance = sum(e.amount for e in entries if e.account == Account.HOST)
    if balance <= 0:
        payout.cancel(now)
    else:
        money = Money(balance, payout.currency)
        reference = deps.payouts.pay(payout.host_id, money, idempotency_key=f"payout-{payout.id}")
        payout.pay(balance, reference, now)
    uow.payouts.save(payout)
    uow.commit()
    return payout.status
