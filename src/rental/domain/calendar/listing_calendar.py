"""The booking aggregate: a listing's calendar over the nights asked for, and its terms.

A booking decision needs the listing's id, host and booking terms, whether it is still listed,
and the live bookings and blocks over the requested nights; nothing else about the listing.
The storage that loads a ``ListingCalendar`` holds the listing's row lock until commit (and,
on PostgreSQL, an exclusion constraint backs it), so the calendar stays true while the
decision is made and written: that lock, not a version number, is its concurrency control.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from attrs import define

from rental.domain.bookings.booking import Booking, BookingStatus
from rental.domain.calendar.booking_terms import BookingTerms
from rental.domain.calendar.nights import Calendar, CalendarEntry, Reason
from rental.domain.calendar.stay import Stay
from rental.domain.errors import ListingNotFound, PermissionDenied
from rental.domain.events import BookingRequested


@define(eq=False)
class ListingCalendar:
    """One listing's nights as a booking request sees them.

    ``calendar`` holds the live bookings and blocks over the nights asked for; ``overdue``
    the ids of pending bookings there whose hold has run out, which the caller expires (they
    no longer hold their nights, but their rows still say pending).
    """

    listing_id: str
    host_id: str
    listed: bool
    terms: BookingTerms
    calendar: Calendar
    overdue: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        *,
        listing_id: str,
        host_id: str,
        listed: bool,
        terms: BookingTerms,
        entries: Iterable[CalendarEntry],
        overdue: Iterable[str] = (),
    ) -> ListingCalendar:
        return cls(listing_id, host_id, listed, terms, Calendar.of_entries(entries), tuple(overdue))

    # -- guards -------------------------------------------------------------------------
    def check_is_listed(self) -> None:
        if not self.listed:
            raise ListingNotFound(f"No listing {self.listing_id}.")

    def check_guest_is_not_host(self, guest_id: str) -> None:
        if guest_id == self.host_id:
            raise PermissionDenied("Hosts cannot book their own listing.")

    def check_nights_free(self, stay: Stay) -> None:
        self.calendar.check_free(stay)

    # -- the decision ---------------------------------------------------------------------
    def request_booking(
        self, *, booking_id: str, guest_id: str, stay: Stay, guests: int, now: datetime
    ) -> Booking:
        """Hold ``stay`` for ``guest_id``: the booking starts pending, its nights taken at once
        (in this calendar too, so a second request over them fails)."""
        self.check_is_listed()
        self.check_guest_is_not_host(guest_id)
        self.terms.check_stay_rules(stay, guests, now)
        self.check_nights_free(stay)
        terms, price = self.terms, self.terms.quote(stay)
        booking = Booking(
            id=booking_id,
            listing_id=self.listing_id,
            guest_id=guest_id,
            host_id=self.host_id,
            check_in=stay.check_in,
            check_out=stay.check_out,
            guests=guests,
            status=BookingStatus.PENDING.value,
            price=price,
            cancellation_policy=terms.cancellation_policy,
            instant_book=terms.instant_book,
            timezone=terms.timezone,
            created_at=now,
            updated_at=now,
        )
        booking.record(
            BookingRequested(
                occurred_at=now, booking_id=booking.id, listing_id=self.listing_id,
                guest_id=guest_id, host_id=self.host_id, check_in=stay.check_in,
                check_out=stay.check_out, total=price.total, currency=price.currency,
            )
        )  # fmt: skip
        held = CalendarEntry(stay.check_in, stay.check_out, Reason.BOOKED, booking.id)
        self.calendar = Calendar.of_entries([*self.calendar.entries, held])
        return booking
