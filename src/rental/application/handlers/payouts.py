"""Paying hosts: a due payout pays the host's ledger balance for the booking, once, less
what that host owes back for refunds made after their earlier payouts in that currency."""

from __future__ import annotations

from datetime import datetime

from rental.application import commands as c
from rental.application.administration.audit import entry
from rental.application.dependencies import Dependencies
from rental.application.unit_of_work import UnitOfWork
from rental.domain.administration.audit import Action, AuditEntry
from rental.domain.errors import TransitionNotAllowed
from rental.domain.money import Money
from rental.domain.payments.ledger import Account
from rental.domain.payments.payouts import Payout, PayoutStatus, Recovery, allocate, debts_of


def pay_host(cmd: c.PayHost, uow: UnitOfWork, deps: Dependencies) -> str:
    """Pay what the host is owed for the booking now; ``paid`` or ``cancelled`` (nothing
    owed: refunded in full). The booking's row lock keeps a refund from slipping between the
    balance read and the payment; the host's keeps two payers from deducting one debt twice.

    The host's debts (a paid booking whose host balance fell below what it paid: a refund
    came after the payout) are deducted first, oldest first, each deduction recorded as a
    ``Recovery``; what this payout cannot cover stays owed for the next one. Nothing is sent
    when the deductions take it all."""
    booking = uow.bookings.get(cmd.booking_id, for_update=True)
    payout = uow.payouts.for_booking(booking.id)
    if payout is None:
        raise TransitionNotAllowed(f"Booking {booking.id} has no payout.")
    now = deps.clock.now()
    payout.check_is_due(now)
    if deps.payouts is None:
        raise TransitionNotAllowed("No payout gateway is configured.")
    uow.payouts.lock_host(payout.host_id)
    entries = uow.ledger.for_booking(booking.id)
    gross = sum(e.amount for e in entries if e.account == Account.HOST)
    before = payout_state(payout)
    if gross <= 0:
        payout.cancel(now)
        uow.payouts.save(payout)
        uow.audit.append([payout_entry(Action.PAYOUT, payout, before, now)])
        uow.commit()
        return payout.status
    host, currency = payout.host_id, payout.currency
    paid = [
        p
        for p in uow.payouts.listed(host)
        if p.status == PayoutStatus.PAID and p.currency == currency
    ]
    debts = debts_of(
        paid, uow.ledger.host_balances(host, currency), uow.payouts.recovered(host, currency)
    )
    recoveries = [
        Recovery(
            id=deps.ids.new_id(),
            host_id=host,
            currency=currency,
            payout_id=payout.id,
            booking_id=owed_for,
            amount=amount,
            created_at=now,
        )
        for owed_for, amount in allocate(debts, gross)
    ]
    deducted = sum(r.amount for r in recoveries)
    reference = None
    if gross > deducted:
        money = Money(gross - deducted, currency)
        reference = deps.payouts.pay(host, money, idempotency_key=f"payout-{payout.id}")
    payout.pay(gross, deducted, reference, now)
    uow.payouts.save(payout)
    uow.payouts.add_recoveries(recoveries)
    uow.audit.append([payout_entry(Action.PAYOUT, payout, before, now)])
    uow.audit.append([_recovery_entry(r) for r in recoveries])
    uow.commit()
    return payout.status


def payout_state(payout: Payout) -> dict[str, object]:
    """What the audit log keeps of a payout before and after a change."""
    names = ("status", "booking_id", "host_id", "currency", "amount", "deducted")
    return {name: getattr(payout, name) for name in names}


def payout_entry(
    action: Action, payout: Payout, before: dict[str, object], now: datetime
) -> AuditEntry:
    """The audit entry of a payout paid, cancelled, held or released."""
    return entry(action, "payout", payout.id, at=now, before=before, after=payout_state(payout))


def _recovery_entry(recovery: Recovery) -> AuditEntry:
    names = ("payout_id", "booking_id", "host_id", "amount", "currency")
    after = {name: getattr(recovery, name) for name in names}
    return entry(Action.RECOVERY, "recovery", recovery.id, at=recovery.created_at, after=after)
