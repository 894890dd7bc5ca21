"""Reviews: a guest's rating of a completed stay."""

from __future__ import annotations

from datetime import datetime

from attrs import define, field

from rental.domain.aggregate import Aggregate
from rental.domain.bookings.booking import Booking
from rental.domain.errors import InvalidInput
from rental.domain.events import ReviewSubmitted
from rental.domain.text import check_text

MAX_COMMENT = 2000


def check_rating(rating: int) -> int:
    if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
        raise InvalidInput.field("rating", "must be an integer from 1 to 5.")
    return rating


def check_comment(comment: str) -> str:
    errors: dict[str, list[str]] = {}
    check_text(errors, "comment", comment, limit=MAX_COMMENT, multiline=True)
    if errors:
        raise InvalidInput(errors)
    return comment


@define(slots=False, eq=False)
class Review(Aggregate):
    """One review per booking, by its guest."""

    id: str
    booking_id: str
    listing_id: str
    author_id: str
    rating: int
    comment: str
    created_at: datetime
    version: int = field(default=1, kw_only=True)

    @classmethod
    def of_stay(
        cls, *, review_id: str, booking: Booking, rating: int, comment: str, now: datetime
    ) -> Review:
        """Write a review of ``booking``'s stay; the booking decides whether it is reviewable."""
        errors: dict[str, list[str]] = {}
        try:
            check_rating(rating)
        except InvalidInput as error:
            errors.update(error.errors)
        try:
            check_comment(comment)
        except InvalidInput as error:
            errors.update(error.errors)
        if errors:
            raise InvalidInput(errors)
        booking.check_can_be_reviewed(now)
        review = cls(
            id=review_id, booking_id=booking.id, listing_id=booking.listing_id,
            author_id=booking.guest_id, rating=rating, comment=comment, created_at=now,
        )  # fmt: skip
        review.record(
            ReviewSubmitted(
                occurred_at=now, review_id=review.id, booking_id=booking.id,
                listing_id=booking.listing_id, author_id=booking.guest_id, rating=rating,
            )
        )  # fmt: skip
        return review
