"""The read side of payouts: what a host is paid, due or owed, per booking and per currency.

Read in one transaction through the unit of work (payouts and the ledger's host entries), with
the same authorization as everything else: hosts their own, admins all, guests nothing."""

from __future__ import annotations

from datetime import datetime

from attrs import frozen

from rental.application.authorization import check_can_see_payouts
from rental.application.commands import Actor
from rental.application.dependencies import Dependencies
from rental.domain.ledger import Account
from rental.domain.payouts import PayoutStatus


@frozen(kw_only=True)
class PayoutView:
    """A payout as a host sees it. ``amount`` is what was paid, or for one not paid yet the
    host's balance for the booking now (refunds already taken off)."""

    id: str
    booking_id: str
    host_id: str
    status: str
    currency: str
    amount: int
    due_at: datetime
    paid_at: datetime | None


@frozen(kw_only=True)
class PayoutTotals:
    """The sums of one currency's payouts by status."""

    currency: str
    scheduled: int
    due: int
    paid: int


def payouts_of(deps: Dependencies, actor: Actor) -> list[PayoutView]:
    """The actor's payouts (every host's for an admin), newest due first."""
    check_can_see_payouts(actor)
    now = deps.clock.now()
    views = []
    with deps.uow_factory() as uow:
        for payout in uow.payouts.listed(None if actor.is_admin else actor.user_id):
            amount = payout.amount
            if amount is None:
                entries = uow.ledger.for_booking(payout.booking_id)
                amount = sum(e.amount for e in entries if e.account == Account.HOST)
            views.append(
                PayoutView(
                    id=payout.id, booking_id=payout.booking_id, host_id=payout.host_id,
                    status=payout.status_at(now), currency=payout.currency, amount=amount,
                    due_at=payout.due_at, paid_at=payout.paid_at,
                )
            )  # fmt: skip
    return views


def payout_totals(views: list[PayoutView]) -> list[PayoutTotals]:
    """Sums per currency (alphabetical) of what is scheduled, due and paid."""
    sums: dict[str, dict[str, int]] = {}
    for view in views:
        by_status = sums.setdefault(view.currency, dict.fromkeys(("scheduled", "due", "paid"), 0))
        if view.status in (PayoutStatus.SCHEDULED, PayoutStatus.DUE, PayoutStatus.PAID):
            by_status[view.status] += view.amount
    return [PayoutTotals(currency=code, **sums[code]) for code in sorted(sums)]
