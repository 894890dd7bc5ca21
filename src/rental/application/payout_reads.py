"""The read side of payouts: what a host is paid, due, deducted or owes, per booking and per
currency, from the read model (a host's own money: never read from a lagging replica)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from attrs import frozen

from rental.application.queries import PayoutRecord, PayoutTotals
from rental.domain.payments.payouts import PayoutStatus, owed_for


@frozen(kw_only=True)
class PayoutView:
    """A payout as a host sees it. ``amount`` is what was sent, or for one not paid yet the
    host's balance for the booking now (refunds already taken off; what the host owes is
    deducted when it is paid). ``deducted``: what was taken from it towards refunds after
    earlier payouts. ``owed``: what the host still owes because this booking was refunded
    after its payout, until later payouts recover it."""

    id: str
    booking_id: str
    host_id: str
    status: str
    currency: str
    amount: int
    deducted: int
    owed: int
    due_at: datetime
    paid_at: datetime | None


def view_of(record: PayoutRecord, now: datetime) -> PayoutView:
    payout = record.payout
    amount = record.balance if payout.amount is None else payout.amount
    return PayoutView(
        id=payout.id,
        booking_id=payout.booking_id,
        host_id=payout.host_id,
        status=payout.status_at(now),
        currency=payout.currency,
        amount=amount,
        deducted=payout.deducted,
        owed=owed_for(payout, record.balance, record.recovered),
        due_at=payout.due_at,
        paid_at=payout.paid_at,
    )


def totals_of(records: Iterable[PayoutRecord], now: datetime) -> list[PayoutTotals]:
    """Sums per currency (alphabetical) of what is scheduled, due, paid, deducted and owed."""
    names = ("scheduled", "due", "paid", "deducted", "owed")
    sums: dict[str, dict[str, int]] = {}
    for record in records:
        view = view_of(record, now)
        by_name = sums.setdefault(view.currency, dict.fromkeys(names, 0))
        if view.status in (PayoutStatus.SCHEDULED, PayoutStatus.DUE, PayoutStatus.PAID):
            by_name[view.status] += view.amount
        by_name["deducted"] += view.deducted
        by_name["owed"] += view.owed
    return [PayoutTotals(currency=code, **sums[code]) for code in sorted(sums)]
