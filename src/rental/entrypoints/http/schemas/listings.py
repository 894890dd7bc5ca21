"""Schemas of listings, their search, availability and blocks.

Types and shapes are checked here (and documented from here); the business rules (ISO codes,
IANA time zones, min ≤ max nights) are the domain's, which answers 422 the same way.
"""

from __future__ import annotations

from marshmallow import fields, validate

from rental.domain.listings import (
    MAX_AMENITIES,
    MAX_DESCRIPTION,
    MAX_GUESTS_LIMIT,
    MAX_NIGHTS_LIMIT,
    MAX_PRICE,
    MAX_TEXT,
    MAX_TITLE,
)
from rental.entrypoints.http.schemas.common import BaseSchema, PageQuerySchema

MONEY = validate.Range(min=0, max=MAX_PRICE)
PERCENT = validate.Range(min=0, max=100)
NIGHTS = validate.Range(min=1, max=MAX_NIGHTS_LIMIT)
POLICIES = ["flexible", "moderate", "strict"]


def _int(**kwargs: object) -> fields.Integer:
    return fields.Integer(strict=True, **kwargs)  # type: ignore[arg-type]


class ListingUpdateSchema(BaseSchema):
    """The fields a host sets. On PATCH each is optional, and ``null`` is refused for the
    required ones (title, city, country, price_per_night, max_guests)."""

    title = fields.String(validate=validate.Length(min=1, max=MAX_TITLE))
    description = fields.String(validate=validate.Length(max=MAX_DESCRIPTION))
    address = fields.String(validate=validate.Length(max=MAX_TEXT))
    city = fields.String(validate=validate.Length(min=1, max=MAX_TEXT))
    country = fields.String(
        validate=validate.Length(equal=2), metadata={"description": "ISO 3166-1 alpha-2."}
    )
    latitude = fields.Float(allow_none=True, validate=validate.Range(min=-90, max=90))
    longitude = fields.Float(allow_none=True, validate=validate.Range(min=-180, max=180))
    timezone = fields.String(
        validate=validate.Length(min=1, max=64), metadata={"description": "IANA name."}
    )
    price_per_night = _int(
        validate=validate.Range(min=1, max=MAX_PRICE),
        metadata={"description": "Minor units of currency (12000 = 120.00 USD)."},
    )
    currency = fields.String(
        validate=validate.Length(equal=3), metadata={"description": "ISO 4217."}
    )
    cleaning_fee = _int(validate=MONEY)
    weekly_discount_percent = _int(validate=PERCENT)
    monthly_discount_percent = _int(validate=PERCENT)
    max_guests = _int(validate=validate.Range(min=1, max=MAX_GUESTS_LIMIT))
    min_nights = _int(validate=NIGHTS)
    max_nights = _int(validate=NIGHTS)
    instant_book = fields.Boolean()
    cancellation_policy = fields.String(validate=validate.OneOf(POLICIES))
    amenities = fields.List(
        fields.String(validate=validate.Length(min=1, max=50)),
        validate=validate.Length(max=MAX_AMENITIES),
    )


class ListingCreateSchema(ListingUpdateSchema):
    """A new listing; defaults as API.md lists them (USD, flexible, UTC, instant book…)."""

    title = fields.String(required=True, validate=validate.Length(min=1, max=MAX_TITLE))
    city = fields.String(required=True, validate=validate.Length(min=1, max=MAX_TEXT))
    country = fields.String(required=True, validate=validate.Length(equal=2))
    price_per_night = _int(required=True, validate=validate.Range(min=1, max=MAX_PRICE))
    max_guests = _int(required=True, validate=validate.Range(min=1, max=MAX_GUESTS_LIMIT))


class ListingSchema(BaseSchema):
    """A listing as anyone may read it."""

    id = fields.String(required=True)
    host_id = fields.String(required=True)
    title = fields.String(required=True)
    description = fields.String(required=True)
    address = fields.String(required=True)
    city = fields.String(required=True)
    country = fields.String(required=True)
    latitude = fields.Float(required=True, allow_none=True)
    longitude = fields.Float(required=True, allow_none=True)
    timezone = fields.String(required=True)
    price_per_night = fields.Integer(required=True)
    currency = fields.String(required=True)
    cleaning_fee = fields.Integer(required=True)
    weekly_discount_percent = fields.Integer(required=True)
    monthly_discount_percent = fields.Integer(required=True)
    max_guests = fields.Integer(required=True)
    min_nights = fields.Integer(required=True)
    max_nights = fields.Integer(required=True)
    instant_book = fields.Boolean(required=True)
    cancellation_policy = fields.String(required=True, validate=validate.OneOf(POLICIES))
    amenities = fields.List(fields.String(), required=True)
    rating_average = fields.Float(
        required=True, allow_none=True,
        metadata={"description": "Mean rating rounded to 2 decimals; null before any review."},
    )  # fmt: skip
    review_count = fields.Integer(required=True)
    created_at = fields.DateTime(required=True)
    updated_at = fields.DateTime(required=True)


class ListingQuerySchema(PageQuerySchema):
    """Filters and order of ``GET /listings``; ``check_in`` and ``check_out`` go together."""

    city = fields.String(metadata={"description": "Exact match, case-insensitive."})
    country = fields.String(validate=validate.Length(equal=2))
    guests = fields.Integer(validate=validate.Range(min=1, max=MAX_GUESTS_LIMIT))
    min_price = fields.Integer(validate=validate.Range(min=0, max=MAX_PRICE))
    max_price = fields.Integer(validate=validate.Range(min=0, max=MAX_PRICE))
    amenities = fields.String(
        validate=validate.Length(max=2000),
        metadata={"description": "Comma-separated; a listing must have all of them."},
    )
    check_in = fields.Date()
    check_out = fields.Date()
    sort = fields.String(
        load_default="newest", validate=validate.OneOf(["price", "-price", "rating", "newest"])
    )


class AvailabilityQuerySchema(BaseSchema):
    """The window ``[from, to)``, at most 731 days."""

    from_ = fields.Date(required=True, data_key="from")
    to = fields.Date(required=True)


class UnavailableSchema(BaseSchema):
    """Nights ``[start, end)`` held by a booking or a block; never who booked them."""

    start = fields.Date(required=True)
    end = fields.Date(required=True)
    reason = fields.String(required=True, validate=validate.OneOf(["booked", "blocked"]))


class AvailabilitySchema(BaseSchema):
    """What is unavailable in the window asked for."""

    listing_id = fields.String(required=True)
    from_ = fields.Date(required=True, data_key="from")
    to = fields.Date(required=True)
    unavailable = fields.List(fields.Nested(UnavailableSchema), required=True)


class BlockInputSchema(BaseSchema):
    """Nights ``[start, end)`` the host takes off the market."""

    start = fields.Date(required=True)
    end = fields.Date(required=True)


class BlockSchema(BlockInputSchema):
    """A block on a listing's calendar."""

    id = fields.String(required=True)
