"""Each stay's reviews in SQL: a ``stay_reviews`` row (its version) with its ``reviews``."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from rental.adapters.sqlalchemy import tables as t
from rental.adapters.sqlalchemy.errors import domain_errors
from rental.application.repositories import ReviewRepository
from rental.domain.errors import ReviewNotFound
from rental.domain.reviews.review import ReviewReport, ReviewStatus
from rental.domain.reviews.stay_reviews import StayReviews

R = t.reviews.c


def published(now: datetime) -> ColumnElement[bool]:
    """``Review.is_public(now)`` in SQL: marked published, or its stay's 14 days have ended
    (the job may not have marked it yet); and not hidden by an admin."""
    return and_(
        or_(R.status == ReviewStatus.PUBLISHED.value, R.window_closes_at <= now),
        R.hidden_at.is_(None),
    )


class SqlReviewRepository(ReviewRepository):
    """Stay reviews; a stay's first review inserts its row, so two first reviews at once
    collide on its primary key and the bus retries the loser (``ConcurrentUpdate``)."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session

    def _add(self, stay_reviews: StayReviews) -> None:
        self._session.add(stay_reviews)

    def _for_booking(self, booking_id: str) -> StayReviews | None:
        with domain_errors():
            return self._session.get(StayReviews, booking_id)

    def _with_review(self, review_id: str) -> StayReviews:
        with domain_errors():
            booking_id = self._session.scalar(select(R.booking_id).where(R.id == review_id))
            found = None if booking_id is None else self._session.get(StayReviews, booking_id)
        if found is None:
            raise ReviewNotFound(f"No review {review_id}.")
        return found

    def add_report(self, report: ReviewReport) -> None:
        self._session.add(report)

    def due_for_publication(self, now: datetime, limit: int) -> list[str]:
        query = (
            select(R.booking_id)
            .where(R.status == ReviewStatus.PENDING.value, R.window_closes_at <= now)
            .group_by(R.booking_id)
            .order_by(R.booking_id)
            .limit(limit)
        )
        with domain_errors():
            return list(self._session.scalars(query))
