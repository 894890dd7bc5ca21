"""Reviews on the wire: what the guest and the host write about a stay, a response, a report,
and a review as shown."""

from __future__ import annotations

from marshmallow import fields, validate

from rental.domain.reviews.review import MAX_COMMENT, MAX_REASON, MAX_RESPONSE
from rental.entrypoints.web.schemas.common import MULTILINE, BaseSchema, text

RATING = validate.Range(min=1, max=5)
SUB_RATING_HELP = "1 to 5 (an integer); optional."


def _comment() -> fields.String:
    return text(
        MULTILINE,
        max_length=MAX_COMMENT,
        load_default="",
        metadata={
            "description": "At most 2,000 characters; empty when left out.",
            "example": "Lovely stay, would book again.",
        },
    )


class GuestReviewRequestSchema(BaseSchema):
    """Body of ``POST /bookings/{id}/guest-review``: the host's review of the guest."""

    rating = fields.Integer(required=True, strict=True, validate=RATING)
    comment = _comment()


def _sub_rating() -> fields.Integer:
    return fields.Integer(
        strict=True, validate=RATING, allow_none=True, metadata={"description": SUB_RATING_HELP}
    )


class ReviewRequestSchema(GuestReviewRequestSchema):
    """Body of ``POST /bookings/{id}/review``: the guest's review, sub-ratings optional."""

    cleanliness = _sub_rating()
    accuracy = _sub_rating()
    check_in = _sub_rating()
    communication = _sub_rating()
    location = _sub_rating()
    value = _sub_rating()


class ResponseRequestSchema(BaseSchema):
    """Body of ``POST /reviews/{id}/response``."""

    body = text(MULTILINE, required=True, min_length=1, max_length=MAX_RESPONSE)


class ReportRequestSchema(BaseSchema):
    """Body of ``POST /reviews/{id}/report``."""

    reason = text(MULTILINE, required=True, min_length=1, max_length=MAX_REASON)


class ReviewResponseSchema(BaseSchema):
    """The reviewed side's public answer."""

    body = fields.String(required=True)
    created_at = fields.DateTime(required=True)


class ReviewSchema(BaseSchema):
    """A review of a stay: the guest's of the listing, or the host's of the guest (then with
    every sub-rating null). Hidden from all but its author while ``pending``."""

    id = fields.String()
    booking_id = fields.String()
    listing_id = fields.String()
    author_id = fields.String()
    rating = fields.Integer()
    comment = fields.String()
    created_at = fields.DateTime()
    status = fields.String(validate=validate.OneOf(["pending", "published"]))
    cleanliness = fields.Integer(allow_none=True)
    accuracy = fields.Integer(allow_none=True)
    check_in = fields.Integer(allow_none=True)
    communication = fields.Integer(allow_none=True)
    location = fields.Integer(allow_none=True)
    value = fields.Integer(allow_none=True)
    response = fields.Nested(ReviewResponseSchema, allow_none=True)


class AcceptedSchema(BaseSchema):
    """A request taken for the staff to look at."""

    status = fields.String(metadata={"example": "accepted"})
