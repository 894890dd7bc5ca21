"""Both sides' reviews of one stay, and the double-blind rule that binds them.

The guest reviews the listing and the host reviews the guest, each once, from check-out until
14 days after it. A review is hidden from everyone but its author until both have written or
the 14 days have passed; then the two publish together. The reviewed side may answer a
published review once, publicly; anyone who can see a review may report it.
"""

from __future__ import annotations

from datetime import datetime

from attrs import define, field

from rental.domain.aggregate import Aggregate
from rental.domain.bookings.booking import Booking
from rental.domain.errors import (
    AlreadyResponded,
    AlreadyReviewed,
    PermissionDenied,
    ReviewNotFound,
    TransitionNotAllowed,
)
from rental.domain.events import (
    ReviewPublished,
    ReviewReported,
    ReviewResponseWritten,
    ReviewSubmitted,
)
from rental.domain.reviews.review import (
    MAX_REASON,
    MAX_RESPONSE,
    Review,
    ReviewReport,
    ReviewStatus,
    Side,
    check_message,
    check_review_fields,
)


@define(slots=False, eq=False)
class StayReviews(Aggregate):
    """The reviews of one stay (booking), guest's and host's. Its ``version`` serializes the
    two sides writing at once and two publication jobs running at once."""

    booking_id: str
    listing_id: str
    guest_id: str
    host_id: str
    window_closes_at: datetime
    reviews: list[Review] = field(factory=list)
    version: int = field(default=1, kw_only=True)

    @classmethod
    def of_stay(cls, booking: Booking) -> StayReviews:
        """A stay nobody has reviewed yet."""
        return cls(
            booking_id=booking.id,
            listing_id=booking.listing_id,
            guest_id=booking.guest_id,
            host_id=booking.host_id,
            window_closes_at=booking.review_window_closes_at,
        )

    # -- reading ------------------------------------------------------------------------
    def by_side(self, side: Side) -> Review | None:
        return next((r for r in self.reviews if r.side == side), None)

    def review(self, review_id: str) -> Review:
        found = next((r for r in self.reviews if r.id == review_id), None)
        if found is None:
            raise ReviewNotFound(f"No review {review_id}.")
        return found

    def subject_of(self, side: Side) -> str:
        """Whom a side's review is about: the guest's is about the host's listing."""
        return self.host_id if side == Side.GUEST else self.guest_id

    def author_of(self, side: Side) -> str:
        return self.guest_id if side == Side.GUEST else self.host_id

    # -- guards -------------------------------------------------------------------------
    def check_side_has_not_written(self, side: Side) -> None:
        if self.by_side(side) is not None:
            raise AlreadyReviewed("This stay has already been reviewed.")

    def check_can_see(self, review: Review, user_id: str | None, now: datetime) -> None:
        """Double-blind: a pending review is not found by anyone but its author."""
        if not review.is_visible_to(user_id, now):
            raise ReviewNotFound(f"No review {review.id}.")

    def check_is_subject(self, review: Review, user_id: str) -> None:
        if user_id != review.subject_id:
            raise PermissionDenied("Only the reviewed side may answer a review.")

    @staticmethod
    def check_has_no_response(review: Review) -> None:
        if review.response_body is not None:
            raise AlreadyResponded("This review already has its response.")

    def is_due_for_publication(self, now: datetime) -> bool:
        """Both sides have written, or the 14 days have passed; and something is pending."""
        pending = any(r.status == ReviewStatus.PENDING for r in self.reviews)
        both = all(self.by_side(side) is not None for side in Side)
        return pending and (both or now >= self.window_closes_at)

    # -- changes ------------------------------------------------------------------------
    def write(
        self,
        *,
        side: Side,
        review_id: str,
        booking: Booking,
        rating: int,
        comment: str,
        sub_ratings: dict[str, int | None] | None,
        now: datetime,
    ) -> Review:
        """``side`` reviews the stay; when the other side already has, both publish."""
        self.check_side_has_not_written(side)
        check_review_fields(rating, comment, sub_ratings)
        booking.check_can_be_reviewed(now)
        review = Review(
            id=review_id,
            booking_id=self.booking_id,
            listing_id=self.listing_id,
            author_id=self.author_of(side),
            rating=rating,
            comment=comment,
            created_at=now,
            side=side.value,
            subject_id=self.subject_of(side),
            window_closes_at=self.window_closes_at,
        )
        for name, value in (sub_ratings or {}).items():  # names checked above
            setattr(review, name, value)
        self.reviews.append(review)
        self.bump_version()
        self.record(
            ReviewSubmitted(
                occurred_at=now,
                review_id=review.id,
                booking_id=self.booking_id,
                listing_id=self.listing_id,
                author_id=review.author_id,
                rating=rating,
            )
        )
        return review

    def publish_when_due(self, now: datetime) -> list[Review]:
        """Publish every pending review together once due; return those published now
        (none when not due or already published: running it twice changes nothing)."""
        if not self.is_due_for_publication(now):
            return []
        published = [r for r in self.reviews if r.status == ReviewStatus.PENDING]
        for review in published:
            review.status = ReviewStatus.PUBLISHED.value
            review.published_at = now
            self.record(
                ReviewPublished(
                    occurred_at=now,
                    review_id=review.id,
                    booking_id=self.booking_id,
                    listing_id=self.listing_id,
                    author_id=review.author_id,
                    subject_id=review.subject_id,
                    side=review.side,
                    rating=review.rating,
                )
            )
        self.bump_version()
        return published

    def respond(self, *, review_id: str, user_id: str, body: str, now: datetime) -> Review:
        """The reviewed side answers a published review, once."""
        review = self.review(review_id)
        self.check_can_see(review, user_id, now)
        self.check_is_subject(review, user_id)
        self.check_has_no_response(review)
        check_message("body", body, MAX_RESPONSE)
        review.response_body = body
        review.response_created_at = now
        self.bump_version()
        self.record(
            ReviewResponseWritten(
                occurred_at=now,
                review_id=review.id,
                booking_id=self.booking_id,
                listing_id=self.listing_id,
                author_id=user_id,
            )
        )
        return review

    def hide(self, review_id: str, now: datetime) -> Review:
        """An admin hides a review: out of every list and average, seen by its author alone."""
        review = self.review(review_id)
        if review.hidden_at is not None:
            raise TransitionNotAllowed("This review is hidden already.")
        review.hidden_at = now
        self.bump_version()
        return review

    def unhide(self, review_id: str) -> Review:
        """An admin shows a hidden review again."""
        review = self.review(review_id)
        if review.hidden_at is None:
            raise TransitionNotAllowed("This review is not hidden.")
        review.hidden_at = None
        self.bump_version()
        return review

    def report(
        self, *, report_id: str, review_id: str, user_id: str, reason: str, now: datetime
    ) -> ReviewReport:
        """Anyone who can see a review may report it; the staff hear of it."""
        review = self.review(review_id)
        self.check_can_see(review, user_id, now)
        check_message("reason", reason, MAX_REASON)
        self.record(
            ReviewReported(
                occurred_at=now,
                report_id=report_id,
                review_id=review.id,
                booking_id=self.booking_id,
                reporter_id=user_id,
                reason=reason,
            )
        )
        return ReviewReport(
            id=report_id, review_id=review.id, reporter_id=user_id, reason=reason, created_at=now
        )
