"""Reviews on the wire: what a guest writes about a completed stay, and a review as shown."""

from __future__ import annotations

from marshmallow import fields, validate

from rental.domain.reviews.review import MAX_COMMENT
from rental.entrypoints.web.schemas.common import MULTILINE, BaseSchema, text


class ReviewRequestSchema(BaseSchema):
    """Body of ``POST /bookings/{id}/review``."""

    rating = fields.Integer(required=True, strict=True, validate=validate.Range(min=1, max=5))
    comment = text(
        MULTILINE,
        max_length=MAX_COMMENT,
        load_default="",
        metadata={
            "description": "At most 2,000 characters; empty when left out.",
            "example": "Lovely stay, would book again.",
        },
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
