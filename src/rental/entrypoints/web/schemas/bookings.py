"""Bookings on the wire: what a guest sends to book, and a booking as its parties see it."""

from __future__ import annotations

from marshmallow import EXCLUDE, fields, validate

from rental.domain.bookings.booking import CancelledBy
from rental.domain.listings.listing import MAX_GUESTS_LIMIT
from rental.entrypoints.web.schemas.common import NO_NUL, BaseSchema, PageQuerySchema, text
from rental.entrypoints.web.schemas.payments import idempotency_key_field
from rental.entrypoints.web.schemas.pricing import NightlyPriceSchema, TaxLineSchema

STATUSES = ["pending", "confirmed", "declined", "cancelled", "expired", "completed"]


class BookingRequestSchema(BaseSchema):
    """Body of ``POST /bookings``: a stay of at least one night on a listing."""

    listing_id = text(NO_NUL, min_length=1, required=True)
    check_in = fields.Date(
        required=True,
        metadata={
            "description": "First night, YYYY-MM-DD; not before today in the listing's time zone.",
            "x-rental-not-before": "today",
        },
    )
    check_out = fields.Date(
        required=True,
        metadata={
            "description": "Departure day, YYYY-MM-DD: after `check_in`, and the stay's nights "
            "within the listing's `min_nights` and `max_nights`; the last night at most the "
            "listing's `max_advance_days` after today.",
            "x-rental-after": "check_in",
            "x-rental-nights-within": ["listing.min_nights", "listing.max_nights"],
            "x-rental-last-night-within": "listing.max_advance_days",
        },
    )
    guests = fields.Integer(
        required=True,
        strict=True,
        validate=validate.Range(min=1, max=MAX_GUESTS_LIMIT),
        metadata={
            "description": "At most the listing's `max_guests`.",
            "x-rental-at-most": "listing.max_guests",
        },
    )
    expected_total = fields.Integer(
        strict=True,
        allow_none=True,
        validate=validate.Range(min=0),
        metadata={
            "description": "The `total` of the quote the client agreed to: when the stay's "
            "price now differs, 409 `price-changed` and nothing is held."
        },
    )


class PriceSchema(BaseSchema):
    """The price a booking was made at, in minor units of ``currency``."""

    currency = fields.String()
    nightly_subtotal = fields.Integer()
    discount = fields.Integer()
    cleaning_fee = fields.Integer()
    service_fee = fields.Integer()
    total = fields.Integer(metadata={"description": "The sum of the lines."})
    nightly = fields.List(
        fields.Nested(NightlyPriceSchema), metadata={"description": "Each night's price."}
    )
    extra_guest_fees = fields.Integer()
    taxes = fields.List(fields.Nested(TaxLineSchema))


class BookingSchema(BaseSchema):
    """A booking. ``status`` is what it is now: an overdue pending booking reads ``expired``
    and a confirmed stay reads ``completed`` from its check-out date on."""

    id = fields.String()
    listing_id = fields.String()
    guest_id = fields.String()
    check_in = fields.Date()
    check_out = fields.Date()
    nights = fields.Integer()
    guests = fields.Integer()
    status = fields.String(validate=validate.OneOf(STATUSES), metadata={"example": "pending"})
    price = fields.Nested(PriceSchema)
    cancelled_by = fields.String(
        allow_none=True,
        validate=validate.OneOf([by.value for by in CancelledBy]),
        metadata={
            "description": "Who cancelled (`admin`: with a refund an admin chose); null "
            "unless `status` is `cancelled`."
        },
    )
    refund_amount = fields.Integer(
        allow_none=True, metadata={"description": "Minor units refunded on cancellation."}
    )
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class BookingListQuerySchema(PageQuerySchema):
    """Query of ``GET /bookings``: the caller's trips, or with ``role=host`` the bookings on
    the listings the caller hosts."""

    role = fields.String(
        load_default="guest",
        validate=validate.OneOf(["guest", "host"]),
        metadata={
            "description": "`guest` (default): your trips; `host`: bookings on your listings."
        },
    )


class BookingIdempotencySchema(BaseSchema):
    """The optional ``Idempotency-Key`` header of ``POST /bookings``."""

    class Meta:
        unknown = EXCLUDE

    idempotency_key = idempotency_key_field(
        "Retry safely: the same key with the same body, within 24 hours, gives back the "
        "booking it made (201) instead of a second hold or a 409; the same key with another "
        "body is a 409. Keys are scoped to you and this endpoint."
    )
