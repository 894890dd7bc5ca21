"""Closing an account (GDPR article 17): what keeps it open, and what is left of it after.

An account may close only when nothing is under way that needs its owner: a stay as guest
that has not ended, a confirmed stay on a listing they host that has not ended, or money still
owed to them (a payout) or by them (a refund after a payout). Closing it erases what is about
the person and keeps what the other side and the books need: bookings, payments, ledger rows,
payouts and reviews stay, with the person shown as a deleted user.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum

from attrs import frozen

from rental.domain.bookings.booking import LIVE_STATUSES, Booking, BookingStatus
from rental.domain.errors import AccountDeletionBlocked
from rental.domain.payments.payouts import Debt, Payout, PayoutStatus


class BlockedBy(StrEnum):
    """Why an account cannot close yet (``blockers[].reason`` of the 409)."""

    STAY_AS_GUEST = "stay-as-guest"  # an upcoming or ongoing stay of theirs
    HOSTED_STAY = "hosted-stay"  # a confirmed stay on their listing that has not ended
    PAYOUT_OWED = "payout-owed"  # money still to be paid to them
    MONEY_OWED = "money-owed"  # money they owe back (a refund made after their payout)


@frozen
class DeletionBlocker:
    """One thing that keeps an account open, and the booking it is about."""

    reason: BlockedBy
    booking_id: str

    def describe(self) -> str:
        return {
            BlockedBy.STAY_AS_GUEST: "your stay {} has not ended",
            BlockedBy.HOSTED_STAY: "the confirmed stay {} at your listing has not ended",
            BlockedBy.PAYOUT_OWED: "the payout for booking {} is not paid yet",
            BlockedBy.MONEY_OWED: "you owe a refund back for booking {}",
        }[self.reason].format(self.booking_id)


def deletion_blockers(
    user_id: str,
    bookings: Iterable[Booking],
    payouts: Iterable[Payout],
    balances: dict[str, int],
    debts: Iterable[Debt],
    now: datetime,
) -> list[DeletionBlocker]:
    """What keeps ``user_id``'s account open at ``now``: of ``bookings`` (theirs, as guest or
    host), those still live and not ended; of ``payouts`` (theirs), those not settled while
    the host's ledger ``balances`` per booking hold money for them; and their ``debts``."""
    found: list[DeletionBlocker] = []
    for booking in bookings:
        status = booking.status_at(now)  # an overdue request or an ended stay reads as over
        if status not in LIVE_STATUSES:
            continue
        if booking.guest_id == user_id:
            found.append(DeletionBlocker(BlockedBy.STAY_AS_GUEST, booking.id))
        elif booking.host_id == user_id and status == BookingStatus.CONFIRMED:
            found.append(DeletionBlocker(BlockedBy.HOSTED_STAY, booking.id))
    unsettled = (PayoutStatus.SCHEDULED, PayoutStatus.HELD)
    for payout in payouts:
        if payout.status in unsettled and balances.get(payout.booking_id, 0) > 0:
            found.append(DeletionBlocker(BlockedBy.PAYOUT_OWED, payout.booking_id))
    found.extend(DeletionBlocker(BlockedBy.MONEY_OWED, debt.booking_id) for debt in debts)
    return found


def check_nothing_blocks_deletion(blockers: list[DeletionBlocker]) -> None:
    """409 naming every blocker, or nothing."""
    if blockers:
        reasons = "; ".join(blocker.describe() for blocker in blockers)
        raise AccountDeletionBlocked(
            f"The account cannot be deleted yet: {reasons}.",
            [(str(b.reason), b.booking_id) for b in blockers],
        )
