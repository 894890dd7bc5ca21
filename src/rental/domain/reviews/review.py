"""Reviews: what the guest writes about a stay's listing and the host about the guest.

A review is part of its stay's ``StayReviews`` (``stay_reviews.py``), which decides when it
is written, seen, published and answered; this module holds one review and its checks.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from attrs import define, field, frozen

from rental.domain.errors import InvalidInput
from rental.domain.text import check_text

MAX_COMMENT = 2000
MAX_RESPONSE = 1000
MAX_REASON = 1000
SUB_RATINGS = ("cleanliness", "accuracy", "check_in", "communication", "location", "value")


class ReviewStatus(StrEnum):
    """Hidden from all but its author while ``pending``; public once ``published``."""

    PENDING = "pending"
    PUBLISHED = "published"


class Side(StrEnum):
    """Who wrote a review: the stay's guest (about the listing) or its host (about the guest)."""

    GUEST = "guest"
    HOST = "host"


def _rating_error(rating: Any) -> str | None:
    if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
        return "must be an integer from 1 to 5."
    return None


def check_rating(rating: int) -> int:
    error = _rating_error(rating)
    if error:
        raise InvalidInput.field("rating", error)
    return rating


def check_review_fields(
    rating: int, comment: str, sub_ratings: dict[str, int | None] | None = None
) -> None:
    """Every broken field at once: ``rating`` and each given sub-rating 1..5 (integers),
    ``comment`` at most 2,000 characters."""
    errors: dict[str, list[str]] = {}
    for name, value in {"rating": rating, **(sub_ratings or {})}.items():
        if name != "rating" and name not in SUB_RATINGS:
            errors[name] = ["is not a sub-rating."]
        elif value is not None or name == "rating":
            message = _rating_error(value)
            if message:
                errors[name] = [message]
    check_text(errors, "comment", comment, limit=MAX_COMMENT, multiline=True)
    if errors:
        raise InvalidInput(errors)


def check_comment(comment: str) -> str:
    errors: dict[str, list[str]] = {}
    check_text(errors, "comment", comment, limit=MAX_COMMENT, multiline=True)
    if errors:
        raise InvalidInput(errors)
    return comment


def check_message(name: str, value: str, limit: int) -> str:
    """A response's ``body`` or a report's ``reason``: not blank, at most ``limit``."""
    errors: dict[str, list[str]] = {}
    if not isinstance(value, str) or not value.strip():
        errors[name] = ["must not be blank."]
    else:
        check_text(errors, name, value, limit=limit, multiline=True)
    if errors:
        raise InvalidInput(errors)
    return value


@frozen
class ReviewResponse:
    """The reviewed side's one public answer."""

    body: str
    created_at: datetime


@define(slots=False, eq=False)
class Review:
    """One side's review of one stay. ``subject_id`` is whom it is about: the listing's host
    for the guest's review, the guest for the host's. ``window_closes_at`` is when the stay's
    14 days end: from then on it reads as published, whether or not a job has marked it."""

    id: str
    booking_id: str
    listing_id: str
    author_id: str
    rating: int
    comment: str
    created_at: datetime
    side: str = Side.GUEST.value
    subject_id: str = ""
    cleanliness: int | None = None
    accuracy: int | None = None
    check_in: int | None = None
    communication: int | None = None
    location: int | None = None
    value: int | None = None
    status: str = ReviewStatus.PENDING.value
    published_at: datetime | None = None
    window_closes_at: datetime | None = None
    response_body: str | None = None
    response_created_at: datetime | None = None
    hidden_at: datetime | None = None  # an admin hid it (0022): seen by its author alone
    version: int = field(default=1, kw_only=True)

    @property
    def sub_ratings(self) -> dict[str, int | None]:
        return {name: getattr(self, name) for name in SUB_RATINGS}

    @property
    def response(self) -> ReviewResponse | None:
        if self.response_body is None or self.response_created_at is None:
            return None
        return ReviewResponse(self.response_body, self.response_created_at)

    def status_at(self, now: datetime) -> ReviewStatus:
        """The status as everyone reads it, as ``Booking.status_at`` reads a stay completed."""
        if self.status == ReviewStatus.PUBLISHED or self.window_has_closed(now):
            return ReviewStatus.PUBLISHED
        return ReviewStatus.PENDING

    def window_has_closed(self, now: datetime) -> bool:
        return self.window_closes_at is not None and now >= self.window_closes_at

    def is_public(self, now: datetime) -> bool:
        """Published and not hidden by an admin: seen by everyone, counted in averages."""
        return self.status_at(now) == ReviewStatus.PUBLISHED and self.hidden_at is None

    @property
    def counts_in_averages(self) -> bool:
        """The guest's review, marked published and not hidden: its listing's means hold it."""
        return (
            self.side == Side.GUEST
            and self.status == ReviewStatus.PUBLISHED
            and self.hidden_at is None
        )

    def is_visible_to(self, user_id: str | None, now: datetime) -> bool:
        """Double-blind: a pending review is seen by its author alone; so is a hidden one."""
        return self.is_public(now) or user_id == self.author_id


@define(slots=False, eq=False)
class ReviewReport:
    """Someone told the marketplace's staff that a review breaks the rules."""

    id: str
    review_id: str
    reporter_id: str
    reason: str
    created_at: datetime
