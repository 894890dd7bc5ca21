"""Handler of reviews."""

from __future__ import annotations

from rental.application import commands as c
from rental.application.authorization import check_is_guest_of
from rental.application.dependencies import Dependencies
from rental.application.unit_of_work import UnitOfWork
from rental.domain.errors import AlreadyReviewed
from rental.domain.reviews.review import Review


def submit_review(cmd: c.SubmitReview, uow: UnitOfWork, deps: Dependencies) -> Review:
    """The guest reviews a completed stay once; the listing's rating follows."""
    booking = uow.bookings.get(cmd.booking_id)
    check_is_guest_of(cmd.actor, booking, "review the stay")
    if uow.reviews.for_booking(booking.id) is not None:
        raise AlreadyReviewed("This stay has already been reviewed.")
    now = deps.clock.now()
    review = Review.of_stay(
        review_id=deps.ids.new_id(), booking=booking, rating=cmd.rating, comment=cmd.comment,
        now=now,
    )  # fmt: skip
    listing = uow.listings.get(booking.listing_id, for_update=True)
    listing.record_review(review.rating, now)
    uow.reviews.add(review)
    uow.commit()
    return review
