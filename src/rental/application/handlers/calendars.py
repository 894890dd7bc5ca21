"""Building a listing's calendar, and letting go of pending bookings that are overdue."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial

from rental.application.dependencies import Dependencies
from rental.application.unit_of_work import UnitOfWork
from rental.domain.bookings import Booking
from rental.domain.calendar import Block, Calendar
from rental.domain.listings import Listing
from rental.domain.money import Money
from rental.domain.payments import PaymentStatus
from rental.domain.stay import Stay


def void_authorizations(uow: UnitOfWork, deps: Dependencies, booking: Booking) -> None:
    """Void the booking's authorized payments; the gateway is told only once this
    transaction has committed, so a rollback never leaves a hold released but recorded."""
    now = deps.clock.now()
    for payment in uow.payments.for_booking(booking.id):
        reference = payment.gateway_reference
        if payment.status == PaymentStatus.AUTHORIZED and reference:
            payment.void(now)
            uow.on_commit(partial(deps.gateway.void, reference))


def expire_booking(uow: UnitOfWork, deps: Dependencies, booking: Booking, now: datetime) -> None:
    """Expire an overdue pending booking and void its authorization, if it has one."""
    booking.expire(now)
    void_authorizations(uow, deps, booking)


def calendar_of(
    uow: UnitOfWork, deps: Dependencies, listing: Listing, now: datetime, stay: Stay
) -> Calendar:
    """The part of the listing's calendar that can collide with ``stay``: its live bookings
    and blocks over those nights, never the listing's history. Overdue pending bookings met
    there are expired on the way, in this transaction, so that the database's own guard never
    sees them as live."""
    since = max(listing.today(now), stay.check_in)
    live = uow.bookings.live_on_listing(listing.id, since=since, until=stay.check_out)
    blocks = uow.blocks.upcoming(listing.id, since=since, until=stay.check_out)
    return _calendar(uow, deps, now, live, blocks)


def locked_calendar(
    uow: UnitOfWork, deps: Dependencies, listing_id: str, now: datetime, stay: Stay
) -> tuple[Listing, Calendar]:
    """Lock the listing and read its calendar over ``stay`` (as ``calendar_of``), together."""
    # The listing's time zone is not known before it is read: a day before UTC's date is no
    # later than any zone's today, and the rows from before the listing's today are left out.
    earliest = max(stay.check_in, now.date() - timedelta(days=1))
    listing, live, blocks = uow.lock_with_calendar(listing_id, since=earliest, until=stay.check_out)
    since = max(listing.today(now), stay.check_in)
    live = [booking for booking in live if booking.check_out > since]
    blocks = [block for block in blocks if block.end > since]
    return listing, _calendar(uow, deps, now, live, blocks)


def _calendar(
    uow: UnitOfWork, deps: Dependencies, now: datetime, live: list[Booking], blocks: list[Block]
) -> Calendar:
    for booking in live:
        if booking.is_overdue(now):  # what was read is a snapshot: change the booking itself
            expire_booking(uow, deps, uow.bookings.get(booking.id, for_update=True), now)
    return Calendar.of(live, blocks, now)


def money(booking: Booking, amount: int) -> Money:
    return Money(amount, booking.currency)
