"""Bookings: request a stay, list trips and hosted bookings, and move a booking along."""

from __future__ import annotations

from typing import Any

import attrs
from flask import url_for
from flask.views import MethodView

from rental.application import commands as c
from rental.application.queries import Page, PageRequest
from rental.domain.bookings.booking import Booking
from rental.entrypoints.http.auth import current_actor, jwt_required
from rental.entrypoints.http.context import BEARER, Blueprint, get_rental, location_header
from rental.entrypoints.web.schemas.bookings import (
    BookingIdempotencySchema,
    BookingListQuerySchema,
    BookingRequestSchema,
    BookingSchema,
)
from rental.entrypoints.web.schemas.common import page_of

blp = Blueprint(
    "bookings", __name__, description="A guest's hold on a listing's nights, and its life cycle."
)
LOCATION = location_header("The booking's URL.")


def shown(booking: Booking) -> dict[str, Any]:
    """The booking as clients see it now: its effective status, not the stored one."""
    return {
        **attrs.asdict(booking, recurse=False),
        "nights": booking.nights,
        "price": booking.price,
        "status": get_rental().reads.now_status(booking),
    }


def shown_page(page: Page[Booking]) -> dict[str, Any]:
    items = [shown(booking) for booking in page.items]
    return {"items": items, "page": page.page, "per_page": page.per_page, "total": page.total}


@blp.route("/bookings")
class Bookings(MethodView):
    """The caller's bookings."""

    @jwt_required()
    @blp.arguments(BookingListQuerySchema, location="query")
    @blp.response(200, page_of(BookingSchema))
    @blp.problems(401, 422)
    @blp.doc(security=BEARER)
    @blp.doc(operationId="listBookings")
    def get(self, query: dict[str, Any]) -> dict[str, Any]:
        """Your trips, or with `role=host` the bookings on the listings you host.

        Newest check-in first. A user who hosts no listing gets an empty page."""
        actor, reads = current_actor(), get_rental().reads
        request = PageRequest(query["page"], query["per_page"])
        if query["role"] == "host":
            return shown_page(reads.host_bookings(actor, request))
        return shown_page(reads.trips(actor, request))

    @jwt_required()
    @blp.arguments(BookingRequestSchema)
    @blp.arguments(BookingIdempotencySchema, location="headers", as_kwargs=True)
    @blp.response(201, BookingSchema, headers=LOCATION)
    @blp.problems(400, 401, 403, 404, 409, 415, 422)
    @blp.doc(security=BEARER)
    @blp.doc(operationId="createBooking")
    def post(
        self, body: dict[str, Any], idempotency_key: str | None = None
    ) -> tuple[dict[str, Any], int, dict[str, str]]:
        """Book a stay: `pending`, its nights held from now on.

        Pay within 30 minutes or it expires. 403 for the listing's own host; 404 for a
        missing or deleted listing; 409 when a night is booked or blocked, when the guest
        already holds `RENTAL_MAX_UNPAID_HOLDS` (3) unpaid bookings (`too-many-holds`), or
        cancelled their own unpaid hold on these nights less than 30 minutes after it was
        made (`hold-not-renewable`); 422 for dates
        that are past, reversed, or outside the listing's minimum and maximum nights, or
        more guests than it takes.

        With an `Idempotency-Key`, a client whose connection dropped after the booking was
        made can send the same request again and get that booking back (201, as it is now)
        instead of a 409 against its own hold; the key with another body is a 409."""
        command = c.RequestBooking(actor=current_actor(), idempotency_key=idempotency_key, **body)
        booking = get_rental().handle(command)
        location = url_for("bookings.read_booking", booking_id=booking.id)
        return shown(booking), 201, {"Location": location}


@blp.route("/bookings/<booking_id>")
@blp.doc(operationId="getBooking")
@jwt_required()
@blp.response(200, BookingSchema)
@blp.problems(401, 404)
@blp.doc(security=BEARER)
def read_booking(booking_id: str) -> dict[str, Any]:
    """A booking: to its guest, the listing's host or an admin; anyone else gets 404."""
    return shown(get_rental().reads.booking(current_actor(), booking_id))


@blp.route("/bookings/<booking_id>/confirm", methods=["POST"])
@jwt_required()
@blp.response(200, BookingSchema)
@blp.problems(400, 401, 403, 404, 409, 415)
@blp.doc(security=BEARER)
def confirm_booking(booking_id: str) -> dict[str, Any]:
    """The listing's host accepts a paid request: the payment is captured (`confirmed`)."""
    command = c.ConfirmBooking(actor=current_actor(), booking_id=booking_id)
    return shown(get_rental().handle(command))


@blp.route("/bookings/<booking_id>/decline", methods=["POST"])
@jwt_required()
@blp.response(200, BookingSchema)
@blp.problems(400, 401, 403, 404, 409, 415)
@blp.doc(security=BEARER)
def decline_booking(booking_id: str) -> dict[str, Any]:
    """The listing's host refuses a paid request: the authorization is voided (`declined`)."""
    command = c.DeclineBooking(actor=current_actor(), booking_id=booking_id)
    return shown(get_rental().handle(command))


@blp.route("/bookings/<booking_id>/cancel", methods=["POST"])
@jwt_required()
@blp.response(200, BookingSchema)
@blp.problems(400, 401, 403, 404, 409, 415)
@blp.doc(security=BEARER)
def cancel_booking(booking_id: str) -> dict[str, Any]:
    """Its guest or the listing's host cancels a pending or confirmed booking.

    A confirmed booking is refunded (`refund_amount`, minor units): by the host 100 %; by the
    guest per the cancellation policy and the days left before check-in. A pending one voids
    its authorization and refunds 0."""
    command = c.CancelBooking(actor=current_actor(), booking_id=booking_id)
    return shown(get_rental().handle(command))
