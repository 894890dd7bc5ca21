"""The booking aggregate: a listing's calendar over the nights asked for, and its terms.

A booking decision needs the listing's id, host and booking terms, whether it is still listed,
and the live bookings and blocks over the requested nights; nothing else about the listing.
The storage that loads a ``ListingCalendar`` holds the listing's row lock until commit (and,
on PostgreSQL, an exclusion constraint backs it), so the calendar stays true while the
decision is made and written: that lock, not a version number, is its concurrency control.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from attrs import define

from rental.domain.booking_terms import BookingTerms
from rental.domain.bookings import Booking, BookingStatus
from rental.domain.calendar import Calendar, CalendarEntry, Reason
from rental.domain.errors import ListingNotFound, PermissionDenied, PriceChanged
from rental.domain.events import BookingRequested
from rental.domain.policies import PriceBreakdown
from rental.domain.rates import NO_OVERRIDES, RateCalendar, RateOverride, check_rate_changes
from rental.domain.stay import Stay


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
    rates: RateCalendar = NO_OVERRIDES

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
        overrides: Iterable[RateOverride] = (),
    ) -> ListingCalendar:
        return cls(
            listing_id, host_id, listed, terms, Calendar.of_entries(entries), tuple(overdue),
            RateCalendar(tuple(overrides)),
        )  # fmt: skip

    # -- guards -------------------------------------------------------------------------
    def check_is_listed(self) -> None:
        if not self.listed:
            raise ListingNotFound(f"No listing {self.listing_id}.")

    def check_guest_is_not_host(self, guest_id: str) -> None:
        if guest_id == self.host_id:
            raise PermissionDenied("Hosts cannot book their own listing.")

    def check_nights_free(self, stay: Stay) -> None:
        self.calendar.check_free(stay)

    @staticmethod
    def check_price_expected(price: PriceBreakdown, expected_total: int | None) -> None:
        """A client that quoted the stay may say which total it agreed to: any other is a
        conflict, and nothing is held."""
        if expected_total is not None and expected_total != price.total:
            raise PriceChanged(
                f"The stay now costs {price.total} {price.currency} (minor units), not the "
                f"{expected_total} expected; quote it again."
            )

    # -- the decision ---------------------------------------------------------------------
    def request_booking(
        self,
        *,
        booking_id: str,
        guest_id: str,
        stay: Stay,
        guests: int,
        now: datetime,
        expected_total: int | None = None,
    ) -> Booking:
        """Hold ``stay`` for ``guest_id``: the booking starts pending, its nights taken at once
        (in this calendar too, so a second request over them fails). Its price is resolved
        night by night from the rates read under the same lock, and kept."""
        self.check_is_listed()
        self.check_guest_is_not_host(guest_id)
        self.terms.check_stay_rules(stay, guests, now, self.rates)
        self.check_nights_free(stay)
        terms, price = self.terms, self.terms.quote(stay, guests, self.rates)
        self.check_price_expected(price, expected_total)
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

    def change_rates(self, ranges: Sequence[Mapping[str, Any]], now: datetime) -> tuple[date, date]:
        """Apply a host's calendar change (checked against today in the listing's time zone);
        ``rates`` must hold every override over the ranges. Returns the window touched."""
        self.check_is_listed()
        changes = check_rate_changes(ranges, self.terms.today(now))
        self.rates = self.rates.applied(changes)
        return min(c.start for c in changes), max(c.end for c in changes)
