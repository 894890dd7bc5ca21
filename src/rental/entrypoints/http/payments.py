"""Payments: pay a booking's total (idempotently), and read the payments of a booking."""

from __future__ import annotations

from typing import Any

from flask import url_for
from flask.views import MethodView

from rental.application import commands as c
from rental.application.queries import PageRequest
from rental.domain.payments.payment import Payment
from rental.entrypoints.http.auth import current_actor, jwt_required
from rental.entrypoints.http.context import BEARER, Blueprint, get_rental, location_header
from rental.entrypoints.web.schemas.common import PageQuerySchema, page_of
from rental.entrypoints.web.schemas.payments import (
    IdempotencyHeadersSchema,
    PaymentRequestSchema,
    PaymentSchema,
)

blp = Blueprint("payments", __name__, description="Paying for bookings, with sandbox cards.")
LOCATION = location_header("The payment's URL.")


@blp.route("/bookings/<booking_id>/payments")
class BookingPayments(MethodView):
    """The payments of one booking."""

    @jwt_required()
    @blp.arguments(PageQuerySchema, location="query")
    @blp.response(200, page_of(PaymentSchema))
    @blp.problems(401, 404, 422)
    @blp.doc(security=BEARER)
    @blp.doc(operationId="listBookingPayments")
    def get(self, query: dict[str, Any], booking_id: str) -> dict[str, Any]:
        """The booking's payments, failed attempts included, oldest first.

        A page like every list of this API (`{items, page, per_page, total}`). For the
        booking's guest, the listing's host or an admin; anyone else gets 404."""
        payments = get_rental().reads.booking_payments(current_actor(), booking_id)
        page = PageRequest(query["page"], query["per_page"])
        items = payments[page.offset : page.offset + page.per_page]
        return {
            "items": items,
            "page": page.page,
            "per_page": page.per_page,
            "total": len(payments),
        }

    @jwt_required()
    @blp.arguments(PaymentRequestSchema)
    @blp.arguments(IdempotencyHeadersSchema, location="headers", as_kwargs=True)
    @blp.response(201, PaymentSchema, headers=LOCATION)
    @blp.problems(400, 401, 402, 403, 404, 409, 415, 422, 429)
    @blp.doc(security=BEARER)
    @blp.doc(operationId="createPayment")
    def post(
        self, body: dict[str, Any], booking_id: str, idempotency_key: str | None = None
    ) -> tuple[Payment, int, dict[str, str]]:
        """Pay the booking's total (its guest, while it is pending).

        Instant book: authorized and captured at once, and the booking is `confirmed`.
        Request to book: `authorized`; the host's confirm captures it, a decline or 24 hours
        without an answer voids it. 402 when the card is declined (a `failed` payment is
        recorded; the problem names it in `payment_id` and `failure_reason`); 409 when the
        booking is not pending or already has an authorized or captured payment, or when the
        Idempotency-Key was used with another body; 422 for an unknown token (nothing is
        recorded); 429 `too-many-payment-attempts`, with `Retry-After` in seconds, after
        `RENTAL_PAYMENT_ATTEMPTS` (5) failed payments of the booking within an hour, or twice
        that many of the user on any booking."""
        command = c.PayForBooking(
            actor=current_actor(), booking_id=booking_id, idempotency_key=idempotency_key, **body
        )
        payment: Payment = get_rental().handle(command)
        location = url_for("payments.read_payment", payment_id=payment.id)
        return payment, 201, {"Location": location}


@blp.route("/payments/<payment_id>")
@blp.doc(operationId="getPayment")
@jwt_required()
@blp.response(200, PaymentSchema)
@blp.problems(401, 404)
@blp.doc(security=BEARER)
def read_payment(payment_id: str) -> Payment:
    """A payment: to the booking's guest, the listing's host or an admin; others get 404."""
    return get_rental().reads.payment(current_actor(), payment_id)
