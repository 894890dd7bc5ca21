"""Input types, and how their values become the arguments of a command.

Each input is checked by the marshmallow schema of its HTTP twin, so that both front doors
refuse the same values with the same messages; the domain checks the business rules after.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from enum import Enum
from typing import Any

import strawberry
from marshmallow import Schema, ValidationError

from rental.domain.errors import InvalidInput
from rental.entrypoints.graphql.enums import CancellationPolicy, PropertyType, TaxBase, TaxKind
from rental.entrypoints.web.problems import flatten_messages

UNSET: Any = strawberry.UNSET


def loaded(schema: Schema, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` (snake_case) through ``schema``; its messages become ``InvalidInput``."""
    try:
        result: dict[str, Any] = schema.load(values)
    except ValidationError as error:
        raise InvalidInput(
            flatten_messages(error.messages), "Some fields are not valid; see extensions.errors."
        ) from None
    return result


def wire_value(value: Any) -> Any:
    """A value as the JSON body of the HTTP twin would carry it."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return given_fields(value, keep_null=False)
    if isinstance(value, list):
        return [wire_value(item) for item in value]
    return value


def given_fields(input_: Any, *, keep_null: bool) -> dict[str, Any]:
    """The fields the client gave (snake_case); ``null`` ones only when ``keep_null``."""
    values = {}
    for item in dataclasses.fields(input_):
        value = getattr(input_, item.name)
        if value is UNSET or (value is None and not keep_null):
            continue
        values[item.name] = wire_value(value)
    return values


@strawberry.input(description="Some or all house rules; on a change the others stay as they are.")
class HouseRulesInput:
    pets_allowed: bool | None = UNSET
    smoking_allowed: bool | None = UNSET
    events_allowed: bool | None = UNSET


@strawberry.input(
    description="A tax of a listing, as POST /listings takes it: appliesTo is required for "
    "PERCENT and left out for PER_GUEST_NIGHT."
)
class TaxInput:
    name: str
    kind: TaxKind
    amount: int
    applies_to: TaxBase | None = UNSET


@strawberry.input(
    description="The fields, rules and defaults of POST /listings; null is the "
    "same as leaving a field out."
)
class CreateListingInput:
    title: str
    city: str
    country: str
    price_per_night: int
    max_guests: int
    description: str | None = UNSET
    address: str | None = UNSET
    latitude: float | None = UNSET
    longitude: float | None = UNSET
    timezone: str | None = UNSET
    currency: str | None = UNSET
    cleaning_fee: int | None = UNSET
    weekly_discount_percent: int | None = UNSET
    monthly_discount_percent: int | None = UNSET
    min_nights: int | None = UNSET
    max_nights: int | None = UNSET
    instant_book: bool | None = UNSET
    cancellation_policy: CancellationPolicy | None = UNSET
    amenities: list[str] | None = UNSET
    property_type: PropertyType | None = UNSET
    bedrooms: int | None = UNSET
    beds: int | None = UNSET
    bathrooms: float | None = UNSET
    check_in_time: str | None = UNSET
    check_out_time: str | None = UNSET
    house_rules: HouseRulesInput | None = UNSET
    listed: bool | None = UNSET
    weekend_price: int | None = UNSET
    extra_guest_fee: int | None = UNSET
    guests_included: int | None = UNSET
    taxes: list[TaxInput] | None = UNSET


@strawberry.input(
    description="PATCH /listings/{id}: every field optional; null for a required "
    "field is BAD_USER_INPUT, null for latitude or longitude clears it."
)
class UpdateListingInput:
    title: str | None = UNSET
    city: str | None = UNSET
    country: str | None = UNSET
    price_per_night: int | None = UNSET
    max_guests: int | None = UNSET
    description: str | None = UNSET
    address: str | None = UNSET
    latitude: float | None = UNSET
    longitude: float | None = UNSET
    timezone: str | None = UNSET
    currency: str | None = UNSET
    cleaning_fee: int | None = UNSET
    weekly_discount_percent: int | None = UNSET
    monthly_discount_percent: int | None = UNSET
    min_nights: int | None = UNSET
    max_nights: int | None = UNSET
    instant_book: bool | None = UNSET
    cancellation_policy: CancellationPolicy | None = UNSET
    amenities: list[str] | None = UNSET
    property_type: PropertyType | None = UNSET
    bedrooms: int | None = UNSET
    beds: int | None = UNSET
    bathrooms: float | None = UNSET
    check_in_time: str | None = UNSET
    check_out_time: str | None = UNSET
    house_rules: HouseRulesInput | None = UNSET
    listed: bool | None = UNSET
    weekend_price: int | None = UNSET
    extra_guest_fee: int | None = UNSET
    guests_included: int | None = UNSET
    taxes: list[TaxInput] | None = UNSET


@strawberry.input(description="POST /bookings.")
class RequestBookingInput:
    listing_id: strawberry.ID
    check_in: date
    check_out: date
    guests: int


@strawberry.input(
    description="POST /bookings/{id}/payments; idempotencyKey is the "
    "Idempotency-Key header, in the same key space."
)
class PayForBookingInput:
    booking_id: strawberry.ID
    payment_method: str = "card"
    payment_token: str
    idempotency_key: str | None = UNSET


@strawberry.input(
    description="POST /bookings/{id}/review: sub-ratings 1..5, optional (null "
    "is the same as leaving one out)."
)
class CreateReviewInput:
    booking_id: strawberry.ID
    rating: int
    comment: str
    cleanliness: int | None = UNSET
    accuracy: int | None = UNSET
    check_in: int | None = UNSET
    communication: int | None = UNSET
    location: int | None = UNSET
    value: int | None = UNSET


@strawberry.input(description="POST /bookings/{id}/guest-review (the listing's host).")
class CreateGuestReviewInput:
    booking_id: strawberry.ID
    rating: int
    comment: str


@strawberry.input(description="POST /reviews/{id}/response (the reviewed side, once).")
class RespondToReviewInput:
    review_id: strawberry.ID
    body: str


@strawberry.input(description="POST /reviews/{id}/report.")
class ReportReviewInput:
    review_id: strawberry.ID
    reason: str


@strawberry.input(
    description="Nights [start, end) and the overrides to set; null removes one, "
    "a field left out stays as it is (PUT /listings/{id}/calendar)."
)
class RateRangeInput:
    start: date
    end: date
    price: int | None = UNSET
    min_nights: int | None = UNSET
    closed_to_arrival: bool | None = UNSET
    closed_to_departure: bool | None = UNSET
