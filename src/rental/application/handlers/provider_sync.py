"""Bringing our payments in line with the provider: its webhook events, and reconciliation.

Both only ever move our records towards what the provider says happened, so they are safe
out of order and repeated: a capture already recorded is not recorded again, a refund counts
only what the provider has refunded beyond what we know of. Money the provider still holds
for a booking that no longer wants it is given back at the provider.
"""

from __future__ import annotations

import logging
from datetime import datetime
from enum import StrEnum

from attrs import frozen

from rental.application import commands as c
from rental.application.dependencies import Dependencies
from rental.application.ports import ProviderPayment
from rental.application.shared.ledger import record_capture, record_refund
from rental.application.unit_of_work import UnitOfWork
from rental.domain.bookings.booking import Booking, BookingStatus
from rental.domain.errors import BookingNotFound
from rental.domain.money import Money
from rental.domain.payments.payment import Payment, PaymentStatus

log = logging.getLogger(__name__)
HOLDING = (PaymentStatus.CAPTURED, PaymentStatus.PARTIALLY_REFUNDED)


class Change(StrEnum):
    """What an event or a reconciliation did to our records."""

    UNCHANGED = "unchanged"
    CHANGED = "changed"
    NEEDS_A_PERSON = "needs a person"  # we cannot tell what is right: an admin is told


@frozen
class Outcome:
    """What a handler of the provider's view did: the kind of change, and its words for the
    log (never a secret: ids and amounts only)."""

    change: Change
    text: str


def unchanged(text: str) -> Outcome:
    return Outcome(Change.UNCHANGED, text)


def changed(text: str) -> Outcome:
    return Outcome(Change.CHANGED, text)


def needs_a_person(text: str) -> Outcome:
    return Outcome(Change.NEEDS_A_PERSON, text)


def handle_provider_event(
    cmd: c.HandleProviderEvent, uow: UnitOfWork, deps: Dependencies
) -> Outcome:
    """Act on a verified webhook event once; return what was done (for the log)."""
    event, now = cmd.event, deps.clock.now()
    if not event.handled or event.reference is None:
        return unchanged("ignored")
    payment = uow.payments.by_reference(event.reference)
    if payment is None:
        # Not (yet) ours: our own commit may still be on its way, and will record the
        # payment itself. The event id is not kept, so a redelivery can still act.
        return unchanged("unknown payment")
    booking = uow.bookings.get(payment.booking_id, for_update=True)
    if not uow.provider_events.first_time(event.id, event.type, now):
        return unchanged("duplicate")
    done = unchanged("nothing to change")
    if event.type == "payment_intent.succeeded":
        done = _captured(uow, deps, booking, payment, now)
    elif event.type == "payment_intent.canceled":
        done = _voided(booking, payment, now)
    elif event.type == "charge.refunded":
        done = _refunded(uow, deps, booking, payment, event.refunded, now)
    elif event.type == "charge.dispute.created":
        payment.record_dispute(event.disputed, now)
        done = changed("dispute recorded")
    elif event.type == "payment_intent.payment_failed" and payment.status != "failed":
        log.warning(
            "provider reports a failure of payment %s, which is %s", payment.id, payment.status
        )
    uow.commit()
    return done


def reconcile_payment(cmd: c.ReconcilePayment, uow: UnitOfWork, deps: Dependencies) -> Outcome:
    """Repair what the provider's view shows we missed; return what was done, or what a
    person must look at (``Change.NEEDS_A_PERSON``)."""
    seen, now = cmd.seen, deps.clock.now()
    payment = uow.payments.by_reference(seen.reference)
    if payment is None:
        done = _lost_commit(uow, deps, seen, now)
    else:
        booking = uow.bookings.get(payment.booking_id, for_update=True)
        done = _align(uow, deps, booking, payment, seen, now)
    uow.commit()
    return done


def _align(
    uow: UnitOfWork,
    deps: Dependencies,
    booking: Booking,
    payment: Payment,
    seen: ProviderPayment,
    now: datetime,
) -> Outcome:
    if seen.amount != payment.amount or seen.currency != payment.currency:
        return needs_a_person(
            f"cannot reconcile payment {payment.id}: the provider holds another amount"
        )
    if seen.status == "captured" and payment.status == PaymentStatus.AUTHORIZED:
        done = _captured(uow, deps, booking, payment, now)
    elif seen.status == "voided" and payment.status == PaymentStatus.AUTHORIZED:
        done = _voided(booking, payment, now)
    elif seen.status == "captured" and payment.status in ("voided", "failed"):
        _give_back(uow, deps, seen)  # taken although we had let go of it
        return changed(f"gave back {seen.reference}: captured after we let go of it")
    elif seen.status == "authorized" and payment.status != PaymentStatus.AUTHORIZED:
        # We let go of it (declined, cancelled, expired) but the void never reached them.
        uow.on_commit(lambda: deps.gateway.void(seen.reference))
        done = changed("voided the hold at the provider")
    elif seen.status == "authorized" and not booking.is_live(now):
        payment.void(now)
        uow.on_commit(lambda: deps.gateway.void(seen.reference))
        done = changed("voided a hold its booking no longer needs")
    else:
        done = unchanged("in line")
    if seen.refunded > payment.refunded_amount:
        done = _refunded(uow, deps, booking, payment, seen.refunded, now)
    elif seen.refunded < payment.refunded_amount:
        return needs_a_person(
            f"cannot reconcile payment {payment.id}: we recorded more refunded than it did"
        )
    return done


def _captured(
    uow: UnitOfWork, deps: Dependencies, booking: Booking, payment: Payment, now: datetime
) -> Outcome:
    if payment.status != PaymentStatus.AUTHORIZED:
        return unchanged("captured already")
    payment.capture(now)
    record_capture(uow, deps, booking, payment, now)
    if booking.status == BookingStatus.PENDING and booking.is_paid and booking.is_live(now):
        booking.confirm(now)  # the money is taken: the stay is the guest's
    elif booking.status != BookingStatus.CONFIRMED:
        return needs_a_person(
            f"cannot settle payment {payment.id}: captured for a {booking.status} booking"
        )
    return changed("capture recorded")


def _voided(booking: Booking, payment: Payment, now: datetime) -> Outcome:
    if payment.status != PaymentStatus.AUTHORIZED:
        return unchanged("voided already")
    payment.void(now)
    if booking.status == BookingStatus.PENDING:
        booking.lose_payment_hold(now)
    return changed("void recorded")


def _refunded(
    uow: UnitOfWork,
    deps: Dependencies,
    booking: Booking,
    payment: Payment,
    total: int,
    now: datetime,
) -> Outcome:
    """The provider has refunded ``total`` in all: record what we did not know of (a refund
    made from the provider's dashboard, or one whose commit was lost)."""
    missing = min(total, payment.amount) - payment.refunded_amount
    if missing <= 0 or payment.status not in HOLDING:
        return unchanged("refunded already")
    payment.refund(missing, now)
    record_refund(uow, deps, booking, payment, missing, now)
    return changed(f"refund of {missing} recorded")


def _lost_commit(
    uow: UnitOfWork, deps: Dependencies, seen: ProviderPayment, now: datetime
) -> Outcome:
    """Money moved for a payment we never recorded (our commit failed, or the provider timed
    out after acting): record it if its booking still wants it, else give it back."""
    if seen.status not in ("authorized", "captured") or seen.refunded >= seen.amount:
        return unchanged("nothing held")
    if seen.booking_id is None or seen.payer_id is None:
        return needs_a_person(f"cannot reconcile {seen.reference}: it does not name our ids")
    try:
        booking = uow.bookings.get(seen.booking_id, for_update=True)
    except BookingNotFound:
        return needs_a_person(f"cannot reconcile {seen.reference}: no booking {seen.booking_id}")
    others = [p for p in uow.payments.for_booking(booking.id) if p.is_live]
    wanted = booking.status_at(now) == BookingStatus.PENDING and not others
    if not wanted or seen.currency != booking.currency or seen.amount != booking.total:
        _give_back(uow, deps, seen)
        return changed(f"gave back {seen.reference}: its booking does not need it")
    payment = Payment.authorized(
        payment_id=deps.ids.new_id(),
        booking_id=booking.id,
        payer_id=seen.payer_id,
        amount=seen.amount,
        currency=seen.currency,
        payment_method="card",
        gateway_reference=seen.reference,
        now=now,
    )
    booking.record_payment_authorized(now)
    uow.payments.add(payment)
    if seen.status == "captured":
        payment.capture(now)
        booking.confirm(now)
        record_capture(uow, deps, booking, payment, now)
        if seen.refunded:
            _refunded(uow, deps, booking, payment, seen.refunded, now)
    return changed(f"recorded lost payment {payment.id} ({payment.status})")


def _give_back(uow: UnitOfWork, deps: Dependencies, seen: ProviderPayment) -> None:
    reference = seen.reference
    if seen.status == "authorized":
        uow.on_commit(lambda: deps.gateway.void(reference))
        return
    left = Money(seen.amount - seen.refunded, seen.currency)
    deps.gateway.refund(reference, left, idempotency_key=f"reconcile-refund-{reference}")
