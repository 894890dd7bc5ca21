"""Handlers of a booking's life cycle."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from rental.application import commands as c
from rental.application.authorization import check_can_see_booking, check_is_host_of
from rental.application.dependencies import Dependencies
from rental.application.repositories import GuestQuery, IdempotencyRecord
from rental.application.shared.calendars import (
    expire_booking,
    expire_overdue,
    money,
    void_authorizations,
)
from rental.application.shared.ledger import record_capture, record_refund
from rental.application.unit_of_work import UnitOfWork
from rental.domain.accounts.users import check_email_verified
from rental.domain.bookings.booking import UNPAID_HOLD, Booking, BookingStatus, CancelledBy
from rental.domain.calendar.stay import Stay
from rental.domain.errors import IdempotencyKeyReused, PermissionDenied
from rental.domain.payments.payment import PaymentStatus

IDEMPOTENCY_SCOPE = "POST /bookings"


def _request_fingerprint(cmd: c.RequestBooking) -> str:
    fields = [cmd.listing_id, cmd.check_in.isoformat(), cmd.check_out.isoformat(), cmd.guests]
    return hashlib.sha256(json.dumps(fields).encode()).hexdigest()


def _booked_before(
    uow: UnitOfWork, cmd: c.RequestBooking, earlier: IdempotencyRecord | None
) -> Booking | None:
    """The booking this ``Idempotency-Key`` already made (``earlier``: a client retrying after
    its connection dropped past the commit), or None; the key with another body is a 409."""
    if earlier is None:
        return None
    if earlier.fingerprint != _request_fingerprint(cmd):
        raise IdempotencyKeyReused("This Idempotency-Key was already used with another body.")
    return uow.bookings.get(earlier.resource_id)


def request_booking(cmd: c.RequestBooking, uow: UnitOfWork, deps: Dependencies) -> Booking:
    """Hold the nights at once: load the listing's calendar (locked) with what the rules need
    of the guest, decide, add, commit. With an ``idempotency_key``, the same request again
    gives back the booking it made."""
    stay, now, guest_id = Stay(cmd.check_in, cmd.check_out), deps.clock.now(), cmd.actor.user_id
    key = cmd.idempotency_key
    idempotency = None if key is None else (IDEMPOTENCY_SCOPE, key)
    asked = GuestQuery(guest_id, now - UNPAID_HOLD, idempotency)
    calendar, guest = uow.calendars.lock_for_guest(cmd.listing_id, stay, now, asked)
    before = _booked_before(uow, cmd, guest.earlier)
    if before is not None:
        return before
    if deps.require_verified_email:
        check_email_verified(guest.email_verified)
    deps.limits.check_guest_may_hold(guest.recent, cmd.listing_id, stay, now)
    expire_overdue(uow, deps, calendar.overdue, now)
    booking = calendar.request_booking(
        booking_id=deps.ids.new_id(),
        guest_id=guest_id,
        stay=stay,
        guests=cmd.guests,
        now=now,
        expected_total=cmd.expected_total,
    )
    if key is not None:
        uow.idempotency.add(
            IdempotencyRecord(
                user_id=guest_id,
                scope=IDEMPOTENCY_SCOPE,
                key=key,
                fingerprint=_request_fingerprint(cmd),
                outcome="created",
                resource_id=booking.id,
                response={},
                created_at=now,
            )
        )
    uow.commit()
    return booking


def confirm_booking(cmd: c.ConfirmBooking, uow: UnitOfWork, deps: Dependencies) -> Booking:
    """The host accepts a paid request: the authorization is captured."""
    booking = uow.bookings.get(cmd.booking_id, for_update=True)
    check_is_host_of(cmd.actor, booking, "confirm it")
    now = deps.clock.now()
    booking.confirm(now)
    for payment in uow.payments.for_booking(booking.id):
        if payment.status == PaymentStatus.AUTHORIZED and payment.gateway_reference:
            deps.gateway.capture(
                payment.gateway_reference,
                money(booking, payment.amount),
                idempotency_key=f"capture-{payment.id}",
            )
            payment.capture(now)
            record_capture(uow, deps, booking, payment, now)
    uow.commit()
    return booking


def decline_booking(cmd: c.DeclineBooking, uow: UnitOfWork, deps: Dependencies) -> Booking:
    """The host refuses a paid request: the authorization is voided."""
    booking = uow.bookings.get(cmd.booking_id, for_update=True)
    check_is_host_of(cmd.actor, booking, "decline it")
    now = deps.clock.now()
    booking.decline(now)
    void_authorizations(uow, deps, booking)
    uow.commit()
    return booking


def cancel_booking(cmd: c.CancelBooking, uow: UnitOfWork, deps: Dependencies) -> Booking:
    """Guest or host cancels; a confirmed booking is refunded per its policy (host: 100 %)."""
    booking = uow.bookings.get(cmd.booking_id, for_update=True)
    check_can_see_booking(cmd.actor, booking)
    if cmd.actor.user_id == booking.guest_id:
        by = CancelledBy.GUEST
    elif cmd.actor.user_id == booking.host_id:
        by = CancelledBy.HOST
    else:
        raise PermissionDenied("Only the booking's guest or the listing's host may cancel it.")
    cancel_as(uow, deps, booking, by, deps.clock.now())
    uow.commit()
    return booking


def cancel_as(
    uow: UnitOfWork, deps: Dependencies, booking: Booking, by: CancelledBy, now: datetime
) -> None:
    """Cancel ``booking`` as ``by`` and refund what its policy owes, through the gateway."""
    refund = booking.cancel(by, now)
    void_authorizations(uow, deps, booking)
    if refund:
        for payment in uow.payments.for_booking(booking.id):
            if payment.refundable >= refund and payment.gateway_reference:
                # One cancellation per booking: a retried cancel never refunds twice.
                deps.gateway.refund(
                    payment.gateway_reference,
                    money(booking, refund),
                    idempotency_key=f"cancel-refund-{booking.id}",
                )
                payment.refund(refund, now)
                record_refund(uow, deps, booking, payment, refund, now)
                break


def settle_booking(cmd: c.SettleBooking, uow: UnitOfWork, deps: Dependencies) -> str | None:
    """Expire an overdue pending booking or complete an ended stay; return what was done."""
    booking = uow.bookings.get(cmd.booking_id, for_update=True)
    now = deps.clock.now()
    done: str | None = None
    if booking.status == BookingStatus.PENDING and booking.is_overdue(now):
        expire_booking(uow, deps, booking, now)
        done = BookingStatus.EXPIRED.value
    elif booking.status_at(now) == BookingStatus.COMPLETED and booking.status != "completed":
        booking.complete(now)
        done = BookingStatus.COMPLETED.value
    uow.commit()
    return done
