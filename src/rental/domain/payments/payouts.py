"""Payouts: the host's share of one booking, due 24 hours after check-in, paid once; and the
recovery of money refunded after a payout from that host's next payouts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum

from attrs import define, field, frozen

from rental.domain.aggregate import Aggregate
from rental.domain.errors import TransitionNotAllowed


class PayoutStatus(StrEnum):
    """``scheduled`` until paid; reads as ``due`` once its time has come."""

    SCHEDULED = "scheduled"
    DUE = "due"
    PAID = "paid"
    CANCELLED = "cancelled"  # everything was refunded before it was due: nothing to pay
    HELD = "held"  # its host was disabled: not paid until an admin releases it


@define(slots=False, eq=False)
class Payout(Aggregate):
    """What the host is paid for one booking. Its gross is the host's ledger balance for the
    booking when it is paid, so a refund before then is never paid out; what the host owes
    for refunds after earlier payouts is deducted from it (``deducted``), so ``amount``, what
    is sent, is the gross less the deductions and never below zero."""

    id: str
    booking_id: str
    host_id: str
    currency: str
    due_at: datetime
    created_at: datetime
    status: str = PayoutStatus.SCHEDULED.value
    amount: int | None = None  # fixed when paid: what was sent
    reference: str | None = None  # the payout gateway's (none when nothing was sent)
    paid_at: datetime | None = None
    deducted: int = 0  # fixed when paid: recovered from it for earlier payouts' refunds
    version: int = field(default=1, kw_only=True)

    @property
    def gross(self) -> int:
        """The host's balance for the booking when it was paid (0 before)."""
        return (self.amount or 0) + self.deducted

    def status_at(self, now: datetime) -> str:
        if self.status == PayoutStatus.SCHEDULED and now >= self.due_at:
            return PayoutStatus.DUE.value
        return self.status

    def check_is_due(self, now: datetime) -> None:
        if self.status_at(now) != PayoutStatus.DUE:
            raise TransitionNotAllowed(f"A {self.status_at(now)} payout cannot be paid now.")

    def pay(self, gross: int, deducted: int, reference: str | None, now: datetime) -> None:
        """Record the payment of ``gross`` (the host's balance now) less ``deducted``."""
        self.check_is_due(now)
        if not 0 <= deducted <= gross:
            raise TransitionNotAllowed(f"Cannot deduct {deducted} from a payout of {gross}.")
        self.status, self.amount, self.deducted = "paid", gross - deducted, deducted
        self.reference, self.paid_at = reference, now
        self.bump_version()

    def hold(self) -> None:
        """Keep it from being paid (its host was disabled); only a scheduled one is held."""
        if self.status == PayoutStatus.SCHEDULED:
            self.status = PayoutStatus.HELD.value
            self.bump_version()

    def release(self) -> None:
        """An admin lets a held payout be paid when it is due."""
        if self.status != PayoutStatus.HELD:
            raise TransitionNotAllowed(f"A {self.status} payout is not held.")
        self.status = PayoutStatus.SCHEDULED.value
        self.bump_version()

    def cancel(self, now: datetime) -> None:
        """Nothing is owed any more (refunded in full before it was due)."""
        self.check_is_due(now)
        self.status, self.amount, self.paid_at = "cancelled", 0, now
        self.bump_version()


def owed_for(payout: Payout, balance: int, recovered: int) -> int:
    """What the host owes back for ``payout``'s booking: what it paid (its gross) beyond the
    host's ``balance`` for the booking now (refunds came after it), less what later payouts
    have ``recovered`` of that already. Zero for a payout not paid."""
    if payout.status != PayoutStatus.PAID:
        return 0
    return max(0, payout.gross - balance - recovered)


@frozen(kw_only=True)
class Recovery:
    """``amount`` deducted from payout ``payout_id`` towards what the host owes for booking
    ``booking_id`` (refunded after its own payout). Never changed: append-only."""

    id: str
    host_id: str
    currency: str
    payout_id: str
    booking_id: str
    amount: int
    created_at: datetime


@frozen
class Debt:
    """What the host still owes for one paid booking; ``since`` orders the oldest first."""

    booking_id: str
    amount: int
    since: datetime


def debts_of(
    paid: Iterable[Payout], balances: dict[str, int], recovered: dict[str, int]
) -> list[Debt]:
    """The host's debts, oldest payout first, from their paid payouts (one currency), the
    host's ledger balance per booking now and what was recovered per booking so far."""
    found = [
        Debt(p.booking_id, owed, p.paid_at or p.due_at)
        for p in paid
        if (owed := owed_for(p, balances.get(p.booking_id, 0), recovered.get(p.booking_id, 0)))
    ]
    return sorted(found, key=lambda d: (d.since, d.booking_id))


def allocate(debts: Iterable[Debt], gross: int) -> list[tuple[str, int]]:
    """What a payout of ``gross`` pays towards each debt, oldest first: ``(booking id,
    amount)``; never more than ``gross`` in all, so the payout never goes below zero."""
    taken: list[tuple[str, int]] = []
    left = gross
    for debt in debts:
        if left <= 0:
            break
        part = min(debt.amount, left)
        taken.append((debt.booking_id, part))
        left -= part
    return taken
