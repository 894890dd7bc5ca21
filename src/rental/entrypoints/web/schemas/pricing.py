"""Schemas of prices and rules by date: taxes, a price's nightly and tax lines, the rate
calendar and its changes, and the quote."""

from __future__ import annotations

from marshmallow import fields, validate

from rental.domain.calendar.rates import MAX_DAYS_AHEAD, MAX_MIN_NIGHTS, MAX_NIGHT_PRICE, MAX_RANGES
from rental.domain.calendar.taxes import (
    MAX_PER_GUEST_NIGHT,
    MAX_TAX_NAME,
    MAX_TAXES,
    TaxBase,
    TaxKind,
)
from rental.domain.listings.listing import MAX_GUESTS_LIMIT
from rental.entrypoints.web.schemas.common import ONE_LINE_NOT_BLANK, BaseSchema, text

NIGHT_PRICE = validate.Range(min=1, max=MAX_NIGHT_PRICE)


def _int(**kwargs: object) -> fields.Integer:
    return fields.Integer(strict=True, **kwargs)  # type: ignore[arg-type]


class TaxSchema(BaseSchema):
    """A tax: ``percent`` (``amount`` in basis points, at most 10,000 = 100 %, of
    ``applies_to``, default ``nights``) or ``per_guest_night`` (``amount`` minor units per
    guest per night; ``applies_to`` is ignored and reads null)."""

    name = text(ONE_LINE_NOT_BLANK, min_length=1, max_length=MAX_TAX_NAME, required=True)
    kind = fields.String(required=True, validate=validate.OneOf([k.value for k in TaxKind]))
    amount = _int(
        required=True,
        validate=validate.Range(min=0, max=MAX_PER_GUEST_NIGHT),
        metadata={
            "description": "Basis points for `percent` (at most 10000), minor units for "
            "`per_guest_night`.",
            "x-rental-tax-amount": {"percent": 10_000},
        },
    )
    applies_to = fields.String(
        allow_none=True,
        load_default=None,
        validate=validate.OneOf([b.value for b in TaxBase]),
        metadata={
            "description": "`nights`: the nights after any discount; `nights_and_fees`: those "
            "plus the cleaning and extra-guest fees (never the service fee). Required for "
            "`percent`, null for `per_guest_night`."
        },
    )


class PricingFieldsSchema(BaseSchema):
    """The listing's own prices by weekday and party size, and its taxes."""

    weekend_price = _int(
        allow_none=True,
        validate=NIGHT_PRICE,
        metadata={"description": "Friday and Saturday nights (listing time zone); null: none."},
    )
    extra_guest_fee = _int(
        validate=validate.Range(min=0, max=MAX_NIGHT_PRICE),
        metadata={"description": "Per night, for each guest above `guests_included`."},
    )
    guests_included = _int(
        allow_none=True,
        validate=validate.Range(min=1, max=MAX_GUESTS_LIMIT),
        metadata={"description": "At most `max_guests`; null: `max_guests` (no extra fee)."},
    )
    taxes = fields.List(
        fields.Nested(TaxSchema),
        validate=validate.Length(max=MAX_TAXES),
        metadata={"description": f"At most {MAX_TAXES}."},
    )


class PricingSchema(BaseSchema):
    """The pricing fields as a listing shows them."""

    weekend_price = fields.Integer(required=True, allow_none=True)
    extra_guest_fee = fields.Integer(required=True)
    guests_included = fields.Integer(required=True, allow_none=True)
    taxes = fields.List(fields.Nested(TaxSchema), required=True)


class NightlyPriceSchema(BaseSchema):
    date = fields.Date(required=True)
    price = fields.Integer(required=True)


class TaxLineSchema(BaseSchema):
    name = fields.String(required=True)
    amount = fields.Integer(required=True)


class RateRangeSchema(BaseSchema):
    """Nights ``[start, end)`` and the overrides to set; ``null`` removes one, a field left
    out is left as it is."""

    start = fields.Date(
        required=True,
        metadata={
            "description": "Not before today in the listing's time zone.",
            "x-rental-not-before": "today",
            "x-rental-days-ahead-at-most": MAX_DAYS_AHEAD - 1,
        },
    )
    end = fields.Date(
        required=True,
        metadata={
            "description": f"After `start`, at most {MAX_DAYS_AHEAD} days after today.",
            "x-rental-after": "start",
            "x-rental-days-ahead-at-most": MAX_DAYS_AHEAD,
        },
    )
    price = _int(allow_none=True, validate=NIGHT_PRICE)
    min_nights = _int(allow_none=True, validate=validate.Range(min=1, max=MAX_MIN_NIGHTS))
    closed_to_arrival = fields.Boolean(allow_none=True)
    closed_to_departure = fields.Boolean(allow_none=True)


class CalendarChangeSchema(BaseSchema):
    """Ranges applied in order: a later range wins where ranges overlap."""

    ranges = fields.List(
        fields.Nested(RateRangeSchema),
        required=True,
        validate=validate.Length(min=1, max=MAX_RANGES),
    )


class CalendarQuerySchema(BaseSchema):
    """The nights ``[from, to)``, at most ``MAX_DAYS_AHEAD`` of them."""

    from_ = fields.Date(required=True, data_key="from")
    to = fields.Date(
        required=True,
        metadata={
            "description": f"After `from`, at most {MAX_DAYS_AHEAD} days later.",
            "x-rental-after": "from",
            "x-rental-at-most-days-after": {"field": "from", "days": MAX_DAYS_AHEAD},
        },
    )


class CalendarDaySchema(BaseSchema):
    """One night, with the price and rules in force on it."""

    date = fields.Date(required=True)
    available = fields.Boolean(required=True)
    price = fields.Integer(required=True)
    min_nights = fields.Integer(required=True)
    closed_to_arrival = fields.Boolean(required=True)
    closed_to_departure = fields.Boolean(required=True)


class CalendarSchema(BaseSchema):
    listing_id = fields.String(required=True)
    currency = fields.String(required=True)
    days = fields.List(fields.Nested(CalendarDaySchema), required=True)


class QuoteQuerySchema(BaseSchema):
    check_in = fields.Date(required=True)
    check_out = fields.Date(required=True, metadata={"x-rental-after": "check_in"})
    guests = fields.Integer(load_default=1, validate=validate.Range(min=1, max=MAX_GUESTS_LIMIT))


class QuoteReasonSchema(BaseSchema):
    """A rule that refuses the stay: ``dates_unavailable``, ``check_in_past``,
    ``max_guests``, ``max_advance_days``, ``min_nights``, ``max_nights``,
    ``closed_to_arrival`` or ``closed_to_departure``."""

    rule = fields.String(required=True)
    message = fields.String(required=True)
