"""Loading a listing's calendar locked, and letting go of pending bookings that are overdue."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from rental.application.authorization import check_can_manage_listing
from rental.application.commands import Actor
from rental.application.dependencies import Dependencies
from rental.application.unit_of_work import UnitOfWork
from rental.domain.bookings.booking import Booking
from rental.domain.calendar.calendar import Calendar
from rental.domain.calendar.stay import Stay
from rental.domain.money import Money
from rental.domain.payments.payment import PaymentStatus


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


def expire_overdue(
    uow: UnitOfWork, deps: Dependencies, ids: tuple[str, ...], now: datetime
) -> None:
    """Expire the overdue pending bookings a calendar met, in this transaction, so that the
    database's own guard never sees them as live."""
    for booking_id in ids:
        expire_booking(uow, deps, uow.bookings.get(booking_id, for_update=True), now)


def locked_calendar(
    uow: UnitOfWork, deps: Dependencies, listing_id: str, window: Stay | None, now: datetime
) -> Calendar:
    """The listing's calendar over ``window``, locked, with the overdue bookings met expired."""
    calendar = uow.calendars.lock(listing_id, window, now)
    expire_overdue(uow, deps, calendar.overdue, now)
    return calendar


def managed_calendar(
    uow: UnitOfWork, deps: Dependencies, actor: Actor, listing_id: str, window: Stay | None
) -> Calendar:
    """``locked_calendar`` of a listed listing that ``actor`` may manage."""
    calendar = locked_calendar(uow, deps, listing_id, window, deps.clock.now())
    calendar.check_is_listed()
    check_can_manage_listing(actor, calendar)
    return calendar


def money(booking: Booking, amount: int) -> Money:
    return Money(amount, booking.currency)
