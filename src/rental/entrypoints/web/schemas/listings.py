"""Schemas of listings, their search, availability and blocks.

Types and shapes are checked here (and documented from here); the business rules (ISO codes,
IANA time zones, min ≤ max nights) are the domain's, which answers 422 the same way.
"""

from __future__ import annotations

import re
from typing import Any

from marshmallow import ValidationError, fields, validate

from rental.application.reads import MAX_AVAILABILITY_DAYS
from rental.domain.calendar.booking_terms import DEFAULT_MAX_ADVANCE_DAYS
from rental.domain.calendar.stay import check_timezone
from rental.domain.errors import InvalidInput
from rental.domain.listings.details import PropertyType
from rental.domain.listings.geo import MAX_RADIUS_KM, BoundingBox, Point
from rental.domain.listings.listing import (
    MAX_ADVANCE_DAYS_LIMIT,
    MAX_AMENITIES,
    MAX_DESCRIPTION,
    MAX_GUESTS_LIMIT,
    MAX_NIGHTS_LIMIT,
    MAX_PRICE,
    MAX_TEXT,
    MAX_TITLE,
)
from rental.domain.listings.places import COUNTRIES
from rental.domain.money import CURRENCIES
from rental.entrypoints.web.schemas.common import (
    MULTILINE,
    ONE_LINE,
    ONE_LINE_NOT_BLANK,
    BaseSchema,
    PageQuerySchema,
    StrictBoolean,
    one_of,
    text,
)
from rental.entrypoints.web.schemas.listing_details import (
    ListingDetailsInputSchema,
    ListingDetailsSchema,
)
from rental.entrypoints.web.schemas.pricing import PricingFieldsSchema, PricingSchema

MONEY = validate.Range(min=0, max=MAX_PRICE)
PERCENT = validate.Range(min=0, max=100)
NIGHTS = validate.Range(min=1, max=MAX_NIGHTS_LIMIT)
POLICIES = ["flexible", "moderate", "strict"]
# The shape of an IANA name; whether the zone exists is the x-rental-time-zone rule below.
TIME_ZONE = r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$"
COUNTRY_ERROR = "must be an ISO 3166-1 alpha-2 country code, in capitals."
CURRENCY_ERROR = "must be an ISO 4217 currency code, in capitals."


def country(**kwargs: object) -> fields.String:
    return one_of(
        COUNTRIES,
        COUNTRY_ERROR,
        metadata={"description": "ISO 3166-1 alpha-2.", "example": "PT"},
        **kwargs,
    )


def _existing_time_zone(name: str) -> None:
    # The domain's own check, so that every broken field is reported in one answer.
    try:
        check_timezone(name)
    except InvalidInput as error:
        raise ValidationError(error.errors["timezone"]) from None


def timezone() -> fields.String:
    return fields.String(
        validate=[
            validate.Length(min=1, max=64),
            validate.Regexp(TIME_ZONE, error="must be an IANA time zone name."),
            _existing_time_zone,
        ],
        metadata={
            "description": "An IANA time zone name that exists (`Europe/Lisbon`, `UTC`); "
            "a name of the right shape that names no zone is a 422 (`x-rental-time-zone`).",
            "example": "Europe/Lisbon",
            "x-rental-time-zone": "IANA",
        },
    )


def _int(**kwargs: object) -> fields.Integer:
    return fields.Integer(strict=True, **kwargs)  # type: ignore[arg-type]


class ListingUpdateSchema(ListingDetailsInputSchema, PricingFieldsSchema):
    """The fields a host sets. On PATCH each is optional, and ``null`` is refused for the
    required ones (title, city, country, price_per_night, max_guests)."""

    title = text(ONE_LINE_NOT_BLANK, min_length=1, max_length=MAX_TITLE)
    description = text(MULTILINE, max_length=MAX_DESCRIPTION)
    address = text(ONE_LINE, max_length=MAX_TEXT)
    city = text(ONE_LINE_NOT_BLANK, min_length=1, max_length=MAX_TEXT)
    country = country()
    latitude = fields.Float(allow_none=True, validate=validate.Range(min=-90, max=90))
    longitude = fields.Float(allow_none=True, validate=validate.Range(min=-180, max=180))
    timezone = timezone()
    price_per_night = _int(
        validate=validate.Range(min=1, max=MAX_PRICE),
        metadata={"description": "Minor units of currency (12000 = 120.00 USD)."},
    )
    currency = one_of(
        CURRENCIES, CURRENCY_ERROR, metadata={"description": "ISO 4217.", "example": "EUR"}
    )
    cleaning_fee = _int(validate=MONEY)
    weekly_discount_percent = _int(validate=PERCENT)
    monthly_discount_percent = _int(validate=PERCENT)
    max_guests = _int(validate=validate.Range(min=1, max=MAX_GUESTS_LIMIT))
    min_nights = _int(validate=NIGHTS)
    max_nights = _int(
        validate=NIGHTS,
        metadata={
            "description": "At least `min_nights` (the listing's own when only one is sent).",
            "x-rental-at-least": "min_nights",
        },
    )
    max_advance_days = _int(
        validate=validate.Range(min=1, max=MAX_ADVANCE_DAYS_LIMIT),
        metadata={
            "description": "The booking horizon: a stay's last night may be at most this many "
            f"days after today (the listing's time zone). Default {DEFAULT_MAX_ADVANCE_DAYS}.",
        },
    )
    instant_book = StrictBoolean()
    cancellation_policy = fields.String(validate=validate.OneOf(POLICIES))
    amenities = fields.List(
        text(ONE_LINE_NOT_BLANK, min_length=1, max_length=50),
        validate=validate.Length(max=MAX_AMENITIES),
        metadata={"example": ["wifi", "kitchen"]},
    )


class ListingCreateSchema(ListingUpdateSchema):
    """A new listing; defaults as API.md lists them (USD, flexible, UTC, instant book…)."""

    title = text(
        ONE_LINE_NOT_BLANK,
        min_length=1,
        max_length=MAX_TITLE,
        required=True,
        metadata={"example": "Sunlit loft above the Tagus"},
    )
    city = text(
        ONE_LINE_NOT_BLANK,
        min_length=1,
        max_length=MAX_TEXT,
        required=True,
        metadata={"example": "Lisbon"},
    )
    country = country(required=True)
    price_per_night = _int(required=True, validate=validate.Range(min=1, max=MAX_PRICE))
    max_guests = _int(required=True, validate=validate.Range(min=1, max=MAX_GUESTS_LIMIT))


class SubRatingAveragesSchema(BaseSchema):
    """A listing's mean of each sub-rating (reviews both ways); null before any."""

    cleanliness = fields.Float(required=True, allow_none=True)
    accuracy = fields.Float(required=True, allow_none=True)
    check_in = fields.Float(required=True, allow_none=True)
    communication = fields.Float(required=True, allow_none=True)
    location = fields.Float(required=True, allow_none=True)
    value = fields.Float(required=True, allow_none=True)


class ListingSchema(ListingDetailsSchema, PricingSchema):
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
    max_advance_days = fields.Integer(required=True)
    instant_book = fields.Boolean(required=True)
    cancellation_policy = fields.String(required=True, validate=validate.OneOf(POLICIES))
    amenities = fields.List(fields.String(), required=True)
    rating_average = fields.Float(
        required=True,
        allow_none=True,
        metadata={"description": "Mean rating rounded to 2 decimals; null before any review."},
    )
    review_count = fields.Integer(required=True)
    sub_rating_averages = fields.Nested(
        SubRatingAveragesSchema,
        required=True,
        metadata={
            "description": "Each sub-rating's mean over the published reviews that "
            "gave it, rounded to 2 decimals; null when none did."
        },
    )
    created_at = fields.DateTime(required=True)
    updated_at = fields.DateTime(required=True)
    distance_km = fields.Float(
        metadata={
            "description": "In a search with `near` only: kilometres from that point along "
            "the great circle, to 2 decimals."
        }
    )


NUMBER = r"\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*"


class Degrees(fields.String):
    """Comma-separated decimal degrees (``NaN`` and ``Infinity`` are no numbers here), made
    into the domain's value by ``make``, whose checks answer 422 on this field."""

    def __init__(self, names: tuple[str, ...], make: Any, **kwargs: Any) -> None:
        self.names, self.make = names, make
        shape = ",".join([NUMBER] * len(names))
        error = f"must be {len(names)} numbers: {','.join(names)}."
        # The ranges a pattern cannot say (latitudes within 90, south not above north).
        kwargs["metadata"] = {**kwargs.get("metadata", {}), "x-rental-degrees": list(names)}
        super().__init__(validate=validate.Regexp(f"^{shape}$", error=error), **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        text = super()._deserialize(value, attr, data, **kwargs)
        self._validate(text)
        try:
            return self.make(*(float(part) for part in text.split(",")))
        except InvalidInput as error:
            raise ValidationError(next(iter(error.errors.values()))) from None
        except OverflowError:  # pragma: no cover (the pattern lets no such number through)
            raise ValidationError("must be finite numbers.") from None

    def _validate(self, value: Any) -> None:
        if isinstance(value, str):  # checked before parsing, not on the value parsed
            super()._validate(value)


class CommaList(fields.String):
    """Comma-separated names, each one of ``choices``, as a tuple."""

    def __init__(self, choices: list[str], **kwargs: Any) -> None:
        self.choices = choices
        items = "|".join(re.escape(choice) for choice in choices)
        pattern = rf"^\s*(?:{items})\s*(?:,\s*(?:{items})\s*)*$"
        error = "must be a comma list of " + ", ".join(choices) + "."
        super().__init__(validate=validate.Regexp(pattern, error=error), **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        text = super()._deserialize(value, attr, data, **kwargs)
        super()._validate(text)
        return tuple(part.strip() for part in text.split(","))

    def _validate(self, value: Any) -> None:
        pass  # in ``_deserialize``, on the text


QUERY_BOOLEAN = {"truthy": {"true", True}, "falsy": {"false", False}}


class ListingQuerySchema(PageQuerySchema):
    """Filters and order of ``GET /listings``; ``check_in`` and ``check_out`` go together."""

    city = text(
        ONE_LINE, max_length=MAX_TEXT, metadata={"description": "Exact match, case-insensitive."}
    )
    country = fields.String(
        validate=validate.Regexp(r"^[A-Za-z]{2}$", error="must be two letters."),
        metadata={"description": "ISO 3166-1 alpha-2, matched case-insensitively."},
    )
    guests = fields.Integer(validate=validate.Range(min=1, max=MAX_GUESTS_LIMIT))
    min_price = fields.Integer(validate=validate.Range(min=0, max=MAX_PRICE))
    max_price = fields.Integer(validate=validate.Range(min=0, max=MAX_PRICE))
    amenities = text(
        ONE_LINE,
        max_length=2000,
        metadata={"description": "Comma-separated; a listing must have all of them."},
    )
    check_in = fields.Date(
        metadata={"description": "Goes with `check_out`.", "x-rental-together-with": "check_out"}
    )
    check_out = fields.Date(
        metadata={
            "description": "Goes with `check_in`, and is after it.",
            "x-rental-together-with": "check_in",
            "x-rental-after": "check_in",
        }
    )
    bbox = Degrees(
        ("west", "south", "east", "north"),
        BoundingBox.checked,
        metadata={
            "description": "The map's box in degrees, `west,south,east,north`; west > east "
            "crosses the antimeridian. Keeps listings with coordinates inside it.",
            "example": "-9.23,38.69,-9.09,38.80",
        },
    )
    near = Degrees(
        ("latitude", "longitude"),
        Point.checked,
        metadata={
            "description": "`latitude,longitude`; goes with `radius_km`. Keeps listings with "
            "coordinates within the radius, each with its `distance_km`.",
            "example": "38.7101,-9.1366",
            "x-rental-together-with": "radius_km",
        },
    )
    radius_km = fields.Float(
        validate=validate.Range(min=0, max=MAX_RADIUS_KM, min_inclusive=False),
        metadata={
            "description": f"Above 0, at most {MAX_RADIUS_KM:g}; goes with `near`.",
            "exclusiveMinimum": True,  # OpenAPI 3.0's way to say "above"
            "example": 5,
            "x-rental-together-with": "near",
        },
    )
    property_type = CommaList(
        [kind.value for kind in PropertyType],
        metadata={
            "description": "Comma-separated; a listing of any of them.",
            "example": "entire_home,private_room",
        },
    )
    min_bedrooms = fields.Integer(validate=validate.Range(min=0, max=50))
    min_beds = fields.Integer(validate=validate.Range(min=0, max=100))
    min_bathrooms = fields.Float(validate=validate.Range(min=0, max=50))
    instant_book = fields.Boolean(**QUERY_BOOLEAN)  # type: ignore[arg-type]
    pets_allowed = fields.Boolean(**QUERY_BOOLEAN)  # type: ignore[arg-type]
    sort = fields.String(
        load_default="newest",
        validate=validate.OneOf(["price", "-price", "rating", "newest", "distance"]),
        metadata={"description": "`distance` (nearest first) needs `near`."},
    )


class AvailabilityQuerySchema(BaseSchema):
    """The window ``[from, to)``, at most ``MAX_AVAILABILITY_DAYS`` days."""

    from_ = fields.Date(required=True, data_key="from")
    to = fields.Date(
        required=True,
        metadata={
            "description": f"After `from`, at most {MAX_AVAILABILITY_DAYS} days later.",
            "x-rental-after": "from",
            "x-rental-at-most-days-after": {"field": "from", "days": MAX_AVAILABILITY_DAYS},
        },
    )


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

    start = fields.Date(
        required=True,
        metadata={
            "description": "Not before today in the listing's time zone.",
            "x-rental-not-before": "today",
        },
    )
    end = fields.Date(
        required=True, metadata={"description": "After `start`.", "x-rental-after": "start"}
    )


class BlockSchema(BlockInputSchema):
    """A block on a listing's calendar."""

    id = fields.String(required=True)
