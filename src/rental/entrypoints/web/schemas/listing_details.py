"""Schemas of a listing's details: property type, rooms, hours, house rules, ``listed``."""

from __future__ import annotations

from marshmallow import ValidationError, fields, validate

from rental.domain.listings.details import (
    DETAILS,
    MAX_BATHROOMS,
    MAX_BEDROOMS,
    MAX_BEDS,
    PropertyType,
)
from rental.entrypoints.web.schemas.common import BaseSchema, StrictBoolean
from rental.entrypoints.web.schemas.photos import PhotoSchema

PROPERTY_TYPES = [p.value for p in PropertyType]
TIME_OF_DAY = r"^([01]\d|2[0-3]):[0-5]\d$"


def _half(value: float) -> None:
    if (value * 2) % 1:
        raise ValidationError("must be a multiple of 0.5.")


def _time(default: str, what: str) -> fields.String:
    return fields.String(
        validate=validate.Regexp(TIME_OF_DAY, error="must be a time of day as HH:MM."),
        metadata={
            "description": f"{what}, `HH:MM` (24-hour clock, the listing's time zone). "
            f"Default `{default}`.",
            "example": default,
        },
    )


class HouseRulesInputSchema(BaseSchema):
    """Some or all of the rules; on PATCH the rules not sent stay as they are (on creation,
    false)."""

    pets_allowed = StrictBoolean()
    smoking_allowed = StrictBoolean()
    events_allowed = StrictBoolean()


class HouseRulesSchema(BaseSchema):
    """What guests may do there."""

    pets_allowed = fields.Boolean(required=True)
    smoking_allowed = fields.Boolean(required=True)
    events_allowed = fields.Boolean(required=True)


class ListingDetailsInputSchema(BaseSchema):
    """The detail fields a host sets, each optional (defaults as documented)."""

    property_type = fields.String(
        validate=validate.OneOf(PROPERTY_TYPES),
        metadata={"description": f"Default `{DETAILS['property_type']}`."},
    )
    bedrooms = fields.Integer(
        strict=True,
        validate=validate.Range(min=0, max=MAX_BEDROOMS),
        metadata={"description": f"Default {DETAILS['bedrooms']}."},
    )
    beds = fields.Integer(
        strict=True,
        validate=validate.Range(min=0, max=MAX_BEDS),
        metadata={"description": f"Default {DETAILS['beds']}."},
    )
    bathrooms = fields.Float(
        validate=[validate.Range(min=0, max=MAX_BATHROOMS), _half],
        metadata={
            "description": f"A multiple of 0.5 (a half bathroom has no shower or bath). "
            f"Default {DETAILS['bathrooms']:g}.",
            "multipleOf": 0.5,
            "example": 1.5,
        },
    )
    check_in_time = _time(DETAILS["check_in_time"], "Earliest check-in")
    check_out_time = _time(DETAILS["check_out_time"], "Latest check-out")
    house_rules = fields.Nested(HouseRulesInputSchema)
    listed = StrictBoolean(
        metadata={
            "description": "Default true. An unlisted listing is left out of search and cannot "
            "be booked; only its host and admins can read it."
        }
    )


class ListingDetailsSchema(BaseSchema):
    """The detail fields as a listing shows them."""

    property_type = fields.String(required=True, validate=validate.OneOf(PROPERTY_TYPES))
    bedrooms = fields.Integer(required=True)
    beds = fields.Integer(required=True)
    bathrooms = fields.Float(required=True)
    check_in_time = fields.String(required=True, metadata={"example": "15:00"})
    check_out_time = fields.String(required=True, metadata={"example": "11:00"})
    house_rules = fields.Nested(HouseRulesSchema, required=True)
    listed = fields.Boolean(required=True)
    photos = fields.List(
        fields.Nested(PhotoSchema),
        metadata={
            "description": "In order. Its host and admins see every photo, others the ready "
            "ones. Search results leave it out (they carry `cover_photo`)."
        },
    )
    cover_photo = fields.Nested(
        PhotoSchema,
        required=True,
        allow_none=True,
        metadata={"description": "The first ready photo; null when there is none."},
    )
