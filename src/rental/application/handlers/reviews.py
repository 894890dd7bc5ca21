"""Handlers of reviews both ways: load the stay's reviews, one domain call, commit."""

from __future__ import annotations

from datetime import datetime

from rental.application import commands as c
from rental.application.authorization import check_is_guest_of, check_is_host_of
from rental.application.dependencies import Dependencies
from rental.application.unit_of_work import UnitOfWork
from rental.domain.bookings.booking import Booking
from rental.domain.reviews.review import Review, Side
from rental.domain.reviews.stay_reviews import StayReviews


def submit_review(cmd: c.SubmitReview, uow: UnitOfWork, deps: Dependencies) -> Review:
    """The guest reviews the stay's listing."""
    booking = uow.bookings.get(cmd.booking_id)
    check_is_guest_of(cmd.actor, booking, "review the stay")
    return _write(Side.GUEST, booking, cmd, cmd.sub_ratings, uow, deps)


def submit_guest_review(cmd: c.SubmitGuestReview, uow: UnitOfWork, deps: Dependencies) -> Review:
    """The host reviews the stay's guest."""
    booking = uow.bookings.get(cmd.booking_id)
    check_is_host_of(cmd.actor, booking, "review the guest")
    return _write(Side.HOST, booking, cmd, None, uow, deps)


def _write(
    side: Side,
    booking: Booking,
    cmd: c.SubmitReview | c.SubmitGuestReview,
    sub_ratings: dict[str, int | None] | None,
    uow: UnitOfWork,
    deps: Dependencies,
) -> Review:
    stay = uow.reviews.for_booking(booking.id)
    if stay is None:
        stay = StayReviews.of_stay(booking)
        uow.reviews.add(stay)
    now = deps.clock.now()
    review = stay.write(
        side=side,
        review_id=deps.ids.new_id(),
        booking=booking,
        rating=cmd.rating,
        comment=cmd.comment,
        sub_ratings=sub_ratings,
        now=now,
    )
    _publish(stay, uow, now)
    uow.commit()
    return review


def publish_stay_reviews(cmd: c.PublishStayReviews, uow: UnitOfWork, deps: Dependencies) -> int:
    """The scheduled job's step: publish a stay's pending reviews once due; how many were
    published (0 when another worker already did)."""
    stay = uow.reviews.for_booking(cmd.booking_id)
    if stay is None:
        return 0
    published = _publish(stay, uow, deps.clock.now())
    uow.commit()
    return len(published)


def _publish(stay: StayReviews, uow: UnitOfWork, now: datetime) -> list[Review]:
    """Publish what is due; the guest's published review counts in its listing's averages."""
    published = stay.publish_when_due(now)
    for review in published:
        if review.counts_in_averages:  # not one an admin hid before it was published
            listing = uow.listings.get(review.listing_id, for_update=True)
            listing.record_review(review.rating, now, review.sub_ratings)
    return published


def respond_to_review(cmd: c.RespondToReview, uow: UnitOfWork, deps: Dependencies) -> Review:
    """The reviewed side answers a published review, once."""
    stay = uow.reviews.with_review(cmd.review_id)
    review = stay.respond(
        review_id=cmd.review_id, user_id=cmd.actor.user_id, body=cmd.body, now=deps.clock.now()
    )
    uow.commit()
    return review


def report_review(cmd: c.ReportReview, uow: UnitOfWork, deps: Dependencies) -> str:
    """Someone who can see a review reports it; the id of the report."""
    stay = uow.reviews.with_review(cmd.review_id)
    report = stay.report(
        report_id=deps.ids.new_id(),
        review_id=cmd.review_id,
        user_id=cmd.actor.user_id,
        reason=cmd.reason,
        now=deps.clock.now(),
    )
    uow.reviews.add_report(report)
    uow.commit()
    return report.id
