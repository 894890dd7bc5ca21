"""Reviews on the wire: what a guest writes about a completed stay, and a review as shown."""

from __future__ import annotations

from marshmallow import fields, validate

from rental.entrypoints.http.schemas.common import BaseSchema


class ReviewRequestSchema(BaseSchema):
    """Body of ``POST /bookings/{id}/review``."""

    rating = fields.Integer(required=True, strict=True, validate=validate.Range(min=1, max=5))
    comment = fields.String(
        load_default="",
        validate=validate.Length(max=2000),
        metadata={"description": "At most 2,000 characters; empty when left out."},
    )


class ReviewSchema(BaseSchema):
    """A guest's review of a stay."""

    id = fields.String()
    booking_id = fields.String()
    listing_id = fields.String()
    author_id = fields.String()
    rating = fields.Integer()
    comment = fields.String()
    created_at = fields.DateTime()
