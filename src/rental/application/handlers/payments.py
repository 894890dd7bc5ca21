"""Handler of payments: authorize (and capture at once for instant book), idempotently."""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import datetime
from typing import Any

from rental.application import commands as c
from rental.application.authorization import check_is_guest_of
from rental.application.dependencies import Dependencies
from rental.application.handlers.accounts import check_email_verified
from rental.application.ports import CardDeclined, PaymentTags
from rental.application.repositories import IdempotencyRecord
from rental.application.shared.ledger import record_capture
from rental.application.unit_of_work import UnitOfWork
from rental.domain.errors import (
    IdempotencyKeyReused,
    InvalidInput,
    PaymentAlreadyExists,
    PaymentDeclined,
)
from rental.domain.limits import PAYMENT_ATTEMPTS_WINDOW
from rental.domain.money import Money
from rental.domain.payments.payment import PAYMENT_METHODS, Payment, PaymentAttempt

log = logging.getLogger(__name__)
SCOPE = "POST /bookings/{id}/payments"
CREATED, DECLINED = "created", "declined"


def _digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value).encode()).hexdigest()


def _fingerprint(cmd: c.PayForBooking) -> str:
    # The path's digest, then the body's: a reused key can then say which of the two differs.
    return _digest(cmd.booking_id) + _digest([cmd.payment_method, cmd.payment_token])


def snapshot(payment: Payment) -> dict[str, Any]:
    """The payment's fields as they are now, JSON-ready, to answer a replay with."""
    values: dict[str, Any] = dict(vars(payment))
    return {
        k: v.isoformat() if isinstance(v, datetime) else v
        for k, v in values.items()
        if not k.startswith("_")
    }


def restore(values: dict[str, Any]) -> Payment:
    fields: dict[str, Any] = {
        k: datetime.fromisoformat(v) if k.endswith("_at") else v for k, v in values.items()
    }
    return Payment(**fields)


def _replay(record: IdempotencyRecord, cmd: c.PayForBooking) -> Payment:
    fingerprint = _fingerprint(cmd)
    if record.fingerprint != fingerprint:
        path, body = fingerprint[:64], fingerprint[64:]
        if record.fingerprint[64:] == body and record.fingerprint[:64] != path:
            raise IdempotencyKeyReused(
                "This Idempotency-Key was already used with the same body on another path "
                "(another booking); use a new key for each request."
            )
        raise IdempotencyKeyReused("This Idempotency-Key was already used with another body.")
    payment = restore(record.response)
    if record.outcome == DECLINED:
        raise PaymentDeclined(payment.failure_reason or "declined", payment.id)
    return payment


def pay_for_booking(cmd: c.PayForBooking, uow: UnitOfWork, deps: Dependencies) -> Payment:
    """Pay the booking's whole total; a declined card records a failed payment and raises."""
    if cmd.payment_method not in PAYMENT_METHODS:
        raise InvalidInput.field("payment_method", "must be 'card'.")
    booking = uow.bookings.get(cmd.booking_id, for_update=True)
    check_is_guest_of(cmd.actor, booking, "pay for it")
    check_email_verified(uow, deps, cmd.actor.user_id)
    key = cmd.idempotency_key
    if key is not None:
        record = uow.idempotency.get(cmd.actor.user_id, SCOPE, key)
        if record is not None:
            return _replay(record, cmd)
    now = deps.clock.now()
    booking.check_is_pending(now, "paid")
    if any(p.is_live for p in uow.payments.for_booking(booking.id)):
        raise PaymentAlreadyExists("The booking already has an authorized or captured payment.")
    uow.users.lock(cmd.actor.user_id)  # one payer's attempts are counted one at a time
    deps.limits.check_payment_may_be_tried(
        uow.payments.for_booking(booking.id),
        uow.payments.failed_of_payer(cmd.actor.user_id, now - PAYMENT_ATTEMPTS_WINDOW),
        now,
    )
    payment_id = deps.ids.new_id()
    amount = Money(booking.total, booking.currency)
    tags = PaymentTags(booking_id=booking.id, payer_id=cmd.actor.user_id)
    key = _gateway_key(cmd, len(uow.payments.for_booking(booking.id)))
    pay = deps.gateway.charge if booking.instant_book else deps.gateway.authorize
    attempt = PaymentAttempt(
        payment_id=payment_id,
        booking_id=booking.id,
        payer_id=cmd.actor.user_id,
        amount=amount.amount,
        currency=amount.currency,
        payment_method=cmd.payment_method,
        now=now,
    )
    try:
        reference = pay(cmd.payment_token, amount, idempotency_key=key, tags=tags)
    except CardDeclined as declined:
        payment = Payment.failed(**attempt, failure_reason=declined.reason)
        _keep(uow, cmd, payment, DECLINED, now)
        raise PaymentDeclined(declined.reason, payment.id) from None
    payment = Payment.authorized(**attempt, gateway_reference=reference)
    if booking.instant_book:
        payment.capture(now)  # charged already: an undo must refund, not void
    try:
        booking.record_payment_authorized(now)
        uow.payments.add(payment)
        if booking.instant_book:
            booking.confirm(now)
            record_capture(uow, deps, booking, payment, now)
        _keep(uow, cmd, payment, CREATED, now)
    except BaseException:
        _undo(deps, payment, amount)
        raise
    return payment


def _gateway_key(cmd: c.PayForBooking, attempts: int) -> str:
    """The gateway's idempotency key: the booking, how many attempts are recorded, and the
    card. A request retried after the provider timed out (nothing recorded) sends the same
    key, so the provider answers it again instead of charging twice; a new card, or a new
    attempt after a decline, gets a new one."""
    card = hashlib.sha256(cmd.payment_token.encode()).hexdigest()[:16]
    return f"pay-{cmd.booking_id}-{attempts}-{card}"


def _keep(
    uow: UnitOfWork, cmd: c.PayForBooking, payment: Payment, outcome: str, now: datetime
) -> None:
    uow.payments.add(payment)
    if cmd.idempotency_key is not None:
        uow.idempotency.add(
            IdempotencyRecord(
                user_id=cmd.actor.user_id,
                scope=SCOPE,
                key=cmd.idempotency_key,
                fingerprint=_fingerprint(cmd),
                outcome=outcome,
                resource_id=payment.id,
                response=snapshot(payment),
                created_at=now,
            )
        )
    uow.commit()


def _undo(deps: Dependencies, payment: Payment, amount: Money) -> None:
    """Nothing was saved: give the money back at the gateway. Should this fail too (the
    provider down), the first failure is the one reported, and ``rental reconcile-payments``
    finds the money and records or returns it."""
    if payment.gateway_reference is None:
        return
    try:
        if payment.status == "captured":
            key = f"undo-{payment.id}"
            deps.gateway.refund(payment.gateway_reference, amount, idempotency_key=key)
        else:
            deps.gateway.void(payment.gateway_reference)
    except Exception:
        log.exception("could not give back payment %s; reconciliation will", payment.id)
