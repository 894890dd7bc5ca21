"""A review as its readers see it: frozen, with its status as of now."""

from __future__ import annotations

from datetime import datetime

from attrs import frozen

from rental.application.queries import Page
from rental.domain.reviews.review import Review, ReviewResponse


@frozen(kw_only=True)
class ReviewView:
    """A review, guest's or host's; sub-ratings are None when not given (always, for a
    host's review of a guest); ``status`` is the one everybody reads now."""

    id: str
    booking_id: str
    listing_id: str
    author_id: str
    rating: int
    comment: str
    created_at: datetime
    status: str
    cleanliness: int | None
    accuracy: int | None
    check_in: int | None
    communication: int | None
    location: int | None
    value: int | None
    response: ReviewResponse | None

    @classmethod
    def of(cls, review: Review, now: datetime) -> ReviewView:
        return cls(
            id=review.id,
            booking_id=review.booking_id,
            listing_id=review.listing_id,
            author_id=review.author_id,
            rating=review.rating,
            comment=review.comment,
            created_at=review.created_at,
            status=review.status_at(now).value,
            response=review.response,
            **review.sub_ratings,
        )


def page_of_views(found: Page[Review], now: datetime) -> Page[ReviewView]:
    items = [ReviewView.of(review, now) for review in found.items]
    return Page(items=items, page=found.page, per_page=found.per_page, total=found.total)
