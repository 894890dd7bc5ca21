"""What one account may hold or try at once, so that no one exhausts the marketplace for
others: listings per host, unpaid holds per guest, failed payment attempts, nights imported
calendars block."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from attrs import fields, frozen

from rental.domain.bookings.booking import (
    UNPAID_HOLD,
    Booking,
    BookingStatus,
    CancelledBy,
    holds_nights,
)
from rental.domain.calendar.stay import Stay
from rental.domain.errors import (
    HoldNotRenewable,
    TooManyHolds,
    TooManyListings,
    TooManyPaymentAttempts,
)
from rental.domain.payments.payment import Payment, PaymentStatus
from rental.domain.wishlists.wishlist import MAX_ITEMS

DEFAULT_MAX_LISTINGS_PER_HOST = 100
DEFAULT_MAX_UNPAID_HOLDS = 3
DEFAULT_PAYMENT_ATTEMPTS = 5
# Nights a listing's imported calendars may block together from today on (each feed's own
# are at most its booking horizon's, about 550): room for three platforms booked solid.
DEFAULT_IMPORTED_NIGHTS = 2000
# Syncs of its imported calendars a listing's host may ask for in SYNC_REQUEST_PERIOD seconds.
DEFAULT_SYNC_REQUESTS = 3
# Failed payment attempts are counted over this window; a user may fail twice as many times
# as one booking may.
PAYMENT_ATTEMPTS_WINDOW = timedelta(hours=1)


@frozen(kw_only=True)
class RecentBooking:
    """What the hold limits read of a booking the guest made lately: no more than the rules
    below ask, so that storage can read it with the listing's lock, in the same round trip."""

    listing_id: str
    check_in: date
    check_out: date
    status: str
    cancelled_by: str | None
    created_at: datetime
    payment_authorized_at: datetime | None

    @classmethod
    def of(cls, booking: Booking) -> RecentBooking:
        """Its fields, as ``booking`` has them (each is a field of ``Booking`` too)."""
        return cls(**{field.name: getattr(booking, field.name) for field in fields(cls)})

    @property
    def is_paid(self) -> bool:
        return self.payment_authorized_at is not None

    def is_live(self, now: datetime) -> bool:
        return holds_nights(self.status, self.created_at, self.payment_authorized_at, now)


@frozen(kw_only=True)
class Limits:
    """``max_listings_per_host``: listings (not deleted) a host may have at once
    (``RENTAL_MAX_LISTINGS_PER_HOST``); ``max_unpaid_holds``: unpaid pending bookings a guest
    may hold at once (``RENTAL_MAX_UNPAID_HOLDS``); ``payment_attempts``: failed payments a
    booking may have within ``PAYMENT_ATTEMPTS_WINDOW``, twice that for a user
    (``RENTAL_PAYMENT_ATTEMPTS``); ``imported_nights``: nights a listing's imported calendars
    may block together from today on (``RENTAL_ICAL_MAX_NIGHTS``); ``sync_requests``: syncs
    of a listing's imported calendars its host may ask for every 5 minutes
    (``RENTAL_ICAL_SYNC_REQUESTS``); ``max_wishlist_items``: listings one wishlist may hold
    (10,000; a field so that tests can reach it quickly)."""

    max_listings_per_host: int = DEFAULT_MAX_LISTINGS_PER_HOST
    max_unpaid_holds: int = DEFAULT_MAX_UNPAID_HOLDS
    payment_attempts: int = DEFAULT_PAYMENT_ATTEMPTS
    imported_nights: int = DEFAULT_IMPORTED_NIGHTS
    sync_requests: int = DEFAULT_SYNC_REQUESTS
    max_wishlist_items: int = MAX_ITEMS
    # How long a guest's own cancelled unpaid hold keeps those nights from them: the hold's.
    cancelled_hold_lasts: timedelta = UNPAID_HOLD

    def check_host_may_list_another(self, listings_hosted: int) -> None:
        if listings_hosted >= self.max_listings_per_host:
            raise TooManyListings(
                f"A host may have at most {self.max_listings_per_host} listings at once; "
                "delete one before creating another."
            )

    def check_guest_may_hold(
        self, recent: Sequence[RecentBooking], listing_id: str, stay: Stay, now: datetime
    ) -> None:
        """``recent``: the guest's bookings made within the last ``UNPAID_HOLD``. A guest
        holds at most ``max_unpaid_holds`` unpaid bookings at once, and cannot renew an unpaid
        hold they cancelled on the same nights before it would have run out."""
        holding = [b for b in recent if not b.is_paid and b.is_live(now)]
        if len(holding) >= self.max_unpaid_holds:
            raise TooManyHolds(
                f"You already hold {len(holding)} unpaid bookings, the most one guest may "
                "hold at once: pay for one or cancel it first."
            )
        for booking in recent:
            renewed = (
                booking.status == BookingStatus.CANCELLED
                and booking.cancelled_by == CancelledBy.GUEST
                and not booking.is_paid
                and booking.listing_id == listing_id
                and Stay(booking.check_in, booking.check_out).overlaps(stay)
                and now < booking.created_at + self.cancelled_hold_lasts
            )
            if renewed:
                until = booking.created_at + self.cancelled_hold_lasts
                raise HoldNotRenewable(
                    "You cancelled an unpaid hold on some of these nights; they can be held "
                    f"again by you from {until.isoformat(timespec='seconds')}."
                )

    def check_payment_may_be_tried(
        self,
        booking_failures: Sequence[Payment],
        payer_failures: Sequence[Payment],
        now: datetime,
    ) -> None:
        """The booking's and the payer's failed payments (any age): past the limit within
        ``PAYMENT_ATTEMPTS_WINDOW``, ``TooManyPaymentAttempts`` says when to try again."""
        since = now - PAYMENT_ATTEMPTS_WINDOW
        for failures, limit, whose in (
            (booking_failures, self.payment_attempts, "this booking"),
            (payer_failures, 2 * self.payment_attempts, "your account"),
        ):
            recent = sorted(
                p.created_at
                for p in failures
                if p.status == PaymentStatus.FAILED and p.created_at > since
            )
            if len(recent) >= limit:
                # Free again when enough of them have left the window.
                free_at = recent[len(recent) - limit] + PAYMENT_ATTEMPTS_WINDOW
                seconds = max(1, math.ceil((free_at - now).total_seconds()))
                raise TooManyPaymentAttempts(
                    f"{len(recent)} payments of {whose} failed within the last hour; "
                    f"try again in {seconds} seconds.",
                    retry_after=seconds,
                )
