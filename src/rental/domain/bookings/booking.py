"""Bookings: a guest's hold on a listing's nights, and its life cycle."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from attrs import define, field

from rental.domain.aggregate import Aggregate
from rental.domain.bookings.policies import PriceBreakdown, guest_refund_percent
from rental.domain.calendar.stay import Stay, local_date, local_midnight
from rental.domain.errors import (
    InvalidInput,
    PermissionDenied,
    ReviewNotAllowed,
    TransitionNotAllowed,
)
from rental.domain.events import (
    BookingCancelled,
    BookingCompleted,
    BookingConfirmed,
    BookingDeclined,
    BookingEvent,
    BookingExpired,
)

UNPAID_HOLD = timedelta(minutes=30)
UNANSWERED_HOLD = timedelta(hours=24)
REVIEW_WINDOW = timedelta(days=14)


class BookingStatus(StrEnum):
    """Where a booking is in its life cycle."""

    PENDING = "pending"
    CONFIRMED = "confirmed"
    DECLINED = "declined"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    COMPLETED = "completed"


LIVE_STATUSES = (BookingStatus.PENDING, BookingStatus.CONFIRMED)


def hold_cutoffs(now: datetime) -> tuple[datetime, datetime]:
    """``(unpaid_since, unanswered_since)``: a pending booking created after the first (and
    unpaid), or authorized after the second, still holds its nights at ``now``."""
    return now - UNPAID_HOLD, now - UNANSWERED_HOLD


def holds_nights(
    status: str, created_at: datetime, payment_authorized_at: datetime | None, now: datetime
) -> bool:
    """What a live booking is, defined once: confirmed, or pending and not overdue (unpaid for
    less than ``UNPAID_HOLD``, or paid and unanswered for less than ``UNANSWERED_HOLD``).

    Rows are not updated when a pending booking becomes overdue, so every reader asks this
    itself; the SQL adapter's twin (``holds_nights`` in ``adapters/sqlalchemy/search.py``) is
    built from the same ``hold_cutoffs``.
    """
    if status == BookingStatus.CONFIRMED:
        return True
    if status != BookingStatus.PENDING:
        return False
    unpaid_since, unanswered_since = hold_cutoffs(now)
    if payment_authorized_at is None:
        return created_at > unpaid_since
    return payment_authorized_at > unanswered_since


class CancelledBy(StrEnum):
    GUEST = "guest"
    HOST = "host"
    ADMIN = "admin"  # with a refund the admin chose (a dispute)


def check_refund_within(refund: object, refundable: int) -> None:
    """An admin's refund: a whole number of minor units from 0 to what can be refunded."""
    if isinstance(refund, bool) or not isinstance(refund, int) or not 0 <= refund <= refundable:
        message = f"must be a whole amount from 0 to {refundable} (captured, not yet refunded)."
        raise InvalidInput.field("refund_amount", message)


@define(slots=False, eq=False)
class Booking(Aggregate):
    """A stay booked on a listing.

    It keeps what it was booked under (host, time zone, policy, instant book, price), so that
    later edits of the listing do not change a booking already made.
    """

    id: str
    listing_id: str
    guest_id: str
    host_id: str
    check_in: date
    check_out: date
    guests: int
    status: str
    price: PriceBreakdown
    cancellation_policy: str
    instant_book: bool
    timezone: str
    created_at: datetime
    updated_at: datetime
    payment_authorized_at: datetime | None = None
    cancelled_by: str | None = None
    refund_amount: int | None = None
    version: int = field(default=1, kw_only=True)

    # -- reading ------------------------------------------------------------------------
    @property
    def stay(self) -> Stay:
        return Stay(self.check_in, self.check_out)

    @property
    def nights(self) -> int:
        return (self.check_out - self.check_in).days

    @property
    def total(self) -> int:
        """What the stay costs, in minor units of ``currency``."""
        return self.price.total

    @property
    def currency(self) -> str:
        return self.price.currency

    def today(self, now: datetime) -> date:
        """Today in the listing's time zone."""
        return local_date(now, self.timezone)

    @property
    def expires_at(self) -> datetime | None:
        """When a pending booking stops holding its nights: 30 minutes unpaid, 24 h unanswered."""
        if self.status != BookingStatus.PENDING:
            return None
        if self.payment_authorized_at is None:
            return self.created_at + UNPAID_HOLD
        return self.payment_authorized_at + UNANSWERED_HOLD

    def is_overdue(self, now: datetime) -> bool:
        """Pending, and its hold has run out."""
        return self.status == BookingStatus.PENDING and not self.is_live(now)

    def is_live(self, now: datetime) -> bool:
        """Whether it holds its nights (``holds_nights``)."""
        return holds_nights(self.status, self.created_at, self.payment_authorized_at, now)

    def status_at(self, now: datetime) -> BookingStatus:
        """The status as clients see it, whether or not a job has marked it yet."""
        if self.status == BookingStatus.PENDING and self.is_overdue(now):
            return BookingStatus.EXPIRED
        if self.status == BookingStatus.CONFIRMED and self.today(now) >= self.check_out:
            return BookingStatus.COMPLETED
        return BookingStatus(self.status)

    @property
    def is_paid(self) -> bool:
        return self.payment_authorized_at is not None

    # -- guards -------------------------------------------------------------------------
    def check_status(self, now: datetime, *allowed: BookingStatus, action: str) -> None:
        current = self.status_at(now)
        if current not in allowed:
            raise TransitionNotAllowed(f"A {current} booking cannot be {action}.")

    def check_is_pending(self, now: datetime, action: str = "paid") -> None:
        self.check_status(now, BookingStatus.PENDING, action=action)

    def check_is_paid_request(self, now: datetime, action: str) -> None:
        self.check_is_pending(now, action)
        if not self.is_paid:
            raise TransitionNotAllowed(f"An unpaid booking cannot be {action}; it awaits payment.")

    # -- life cycle -----------------------------------------------------------------------
    def _move(self, status: BookingStatus, now: datetime) -> None:
        self.status = status.value
        self.updated_at = now
        self.bump_version()

    def _ids(self) -> dict[str, Any]:
        return {
            "booking_id": self.id,
            "listing_id": self.listing_id,
            "guest_id": self.guest_id,
            "host_id": self.host_id,
        }

    def _record(self, event_type: type[BookingEvent], now: datetime, **extra: Any) -> None:
        self.record(event_type(occurred_at=now, **self._ids(), **extra))

    def record_payment_authorized(self, now: datetime) -> None:
        """The guest's payment was authorized; a request-to-book now waits up to 24 h."""
        self.check_is_pending(now, "paid")
        self.payment_authorized_at = now
        self.updated_at = now
        self.bump_version()

    def confirm(self, now: datetime) -> None:
        self.check_is_paid_request(now, "confirmed")
        self._move(BookingStatus.CONFIRMED, now)
        self._record(BookingConfirmed, now)

    def decline(self, now: datetime) -> None:
        self.check_is_paid_request(now, "declined")
        self._move(BookingStatus.DECLINED, now)
        self._record(BookingDeclined, now)

    def refund_for_cancellation(self, by: CancelledBy, now: datetime) -> int:
        """What a cancellation now would refund, per the policy the booking was made under."""
        if self.status_at(now) != BookingStatus.CONFIRMED:
            return 0
        if by == CancelledBy.HOST:
            return self.total
        days_before = (self.check_in - self.today(now)).days
        return self.price.refund(guest_refund_percent(self.cancellation_policy, days_before))

    def is_under_way(self, now: datetime) -> bool:
        """Confirmed, and its first night has passed (listing time zone): the guest is in the
        home. On the day of arrival the host may still cancel, before the guest comes."""
        return self.status == BookingStatus.CONFIRMED and self.check_in < self.today(now)

    def check_host_may_cancel(self, now: datetime) -> None:
        """A stay under way is not the host's to end: the guest may be in the home."""
        if self.is_under_way(now):
            raise PermissionDenied(
                "A stay under way can be cancelled by its host only through an admin."
            )

    def cancel(self, by: CancelledBy, now: datetime) -> int:
        """Cancel and return the refund owed, in minor units of ``currency``."""
        self.check_status(now, *LIVE_STATUSES, action="cancelled")
        if by == CancelledBy.HOST:
            self.check_host_may_cancel(now)
        refund = self.refund_for_cancellation(by, now)
        self._cancelled(by, refund, now)
        return refund

    def cancel_by_admin(self, refund: int, refundable: int, now: datetime) -> None:
        """An admin ends a live booking, under way or not, refunding ``refund`` of the
        ``refundable`` money captured for it (anything from nothing to all of it)."""
        self.check_status(now, *LIVE_STATUSES, action="cancelled")
        check_refund_within(refund, refundable)
        self._cancelled(CancelledBy.ADMIN, refund, now)

    def _cancelled(self, by: CancelledBy, refund: int, now: datetime) -> None:
        self.cancelled_by = CancelledBy(by).value
        self.refund_amount = refund
        self._move(BookingStatus.CANCELLED, now)
        self._record(
            BookingCancelled,
            now,
            cancelled_by=self.cancelled_by,
            refund_amount=refund,
            currency=self.currency,
        )

    def expire(self, now: datetime) -> None:
        if self.status != BookingStatus.PENDING or not self.is_overdue(now):
            raise TransitionNotAllowed("Only an overdue pending booking can expire.")
        self._move(BookingStatus.EXPIRED, now)
        self._record(BookingExpired, now)

    def lose_payment_hold(self, now: datetime) -> None:
        """The card's authorization is gone at the provider (it lapsed after about 7 days, or
        was cancelled there): a pending request can no longer be confirmed, so it expires."""
        self.check_is_pending(now, "expired")
        self._move(BookingStatus.EXPIRED, now)
        self._record(BookingExpired, now)

    def complete(self, now: datetime) -> None:
        if self.status != BookingStatus.CONFIRMED or self.today(now) < self.check_out:
            raise TransitionNotAllowed("Only a confirmed stay whose check-out has come completes.")
        self._move(BookingStatus.COMPLETED, now)
        self._record(BookingCompleted, now)

    @property
    def review_window_closes_at(self) -> datetime:
        """The first moment (UTC) after the 14 days that follow check-out, in the listing's
        time zone: the start of the 15th day after ``check_out`` there."""
        last_day = self.check_out + REVIEW_WINDOW + timedelta(days=1)
        return local_midnight(last_day, self.timezone)

    def check_can_be_reviewed(self, now: datetime) -> None:
        """A stay is reviewable from its check-out day until 14 days after it."""
        if self.status_at(now) != BookingStatus.COMPLETED:
            raise ReviewNotAllowed(
                {"booking": ["Only a completed stay (confirmed, check-out come) can be reviewed."]}
            )
        if self.today(now) - self.check_out > REVIEW_WINDOW:
            raise ReviewNotAllowed(
                {"booking": ["Reviews are accepted until 14 days after check-out."]}
            )
