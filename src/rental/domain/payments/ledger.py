"""The ledger: where each booking's captured money belongs, in append-only entries.

On capture the guest's total splits in two: the host's payout (nightly subtotal - discount +
cleaning fee - the host fee) and the platform's revenue (service fee + host fee). A refund
reverses both in proportion. The entries of a booking always sum to the money held for it
(captured - refunded), in integer minor units of one currency.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from attrs import frozen

from rental.domain.bookings.booking import Booking
from rental.domain.errors import LedgerOutOfBalance
from rental.domain.money import percent_of

PAYOUT_DELAY = timedelta(hours=24)  # after check-in, so a no-show can still be settled


class Account(StrEnum):
    """Whose money an entry is."""

    HOST = "host"  # owed to the host, paid out after check-in
    PLATFORM = "platform"  # the marketplace's revenue: service fee and host fee


@frozen(kw_only=True)
class LedgerEntry:
    """One signed amount to one account, for one booking's payment. Never changed: a refund
    adds entries of its own."""

    id: str
    booking_id: str
    payment_id: str
    host_id: str
    account: str
    amount: int
    currency: str
    reason: str  # "capture" or "refund"
    created_at: datetime


DEFAULT_HOST_FEE_PERCENT = 3  # kept from the host's payout unless RENTAL_HOST_FEE_PERCENT says


def host_payout(booking: Booking, host_fee_percent: int) -> int:
    """What the host earns of the booking's total before any refund: what the host charges
    (nights after discount, cleaning and extra-guest fees) less the platform's share of it,
    plus the taxes, which the host collects and remits (the platform takes no share of them)."""
    price = booking.price
    base = price.host_base
    return base - percent_of(base, host_fee_percent) + price.tax_total


def payout_due_at(booking: Booking) -> datetime:
    """24 hours after the start of the check-in day in the listing's time zone, in UTC."""
    zone = ZoneInfo(booking.timezone)
    check_in = datetime.combine(booking.check_in, time(0), tzinfo=zone)
    return (check_in + PAYOUT_DELAY).astimezone(ZoneInfo("UTC"))


def check_balanced(entries: list[LedgerEntry], held: int) -> None:
    """The entries must sum to the money held; anything else is a bug, never written."""
    total = sum(entry.amount for entry in entries)
    if total != held:
        raise LedgerOutOfBalance(f"The ledger holds {total} but the gateway holds {held}.")


def capture_split(booking: Booking, amount: int, host_fee_percent: int) -> dict[Account, int]:
    """The split of ``amount`` captured for ``booking``: host and platform, summing to it."""
    host = min(host_payout(booking, host_fee_percent), amount)
    return {Account.HOST: host, Account.PLATFORM: amount - host}


def refund_split(
    captured: dict[Account, int], amount: int, refunded_before: int, refund: int
) -> dict[Account, int]:
    """The (negative) entries of a refund of ``refund`` after ``refunded_before``: each
    account gives back its share of what has been refunded so far, rounded half up, so that
    the shares of several partial refunds add up to the share of their sum."""
    host_total = captured[Account.HOST]
    after = _share(host_total, refunded_before + refund, amount)
    before = _share(host_total, refunded_before, amount)
    host = after - before
    return {Account.HOST: -host, Account.PLATFORM: -(refund - host)}


def _share(part: int, refunded: int, amount: int) -> int:
    """``part * refunded / amount``, rounded half up, in integers."""
    return (2 * part * refunded + amount) // (2 * amount)
