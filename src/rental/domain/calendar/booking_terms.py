"""What a listing offers a guest, as one value: the terms a booking decision is made under."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from attrs import frozen

from rental.domain.bookings.policies import PriceBreakdown
from rental.domain.calendar.stay import Stay, local_date
from rental.domain.errors import (
    CheckInInPast,
    StayLengthNotAllowed,
    StayTooFarAhead,
    TooManyGuests,
)
from rental.domain.money import Money, check_chargeable

# How far ahead a night may be booked, unless the host sets it: without a horizon a stay in
# the year 9999 was accepted, paid and confirmed.
DEFAULT_MAX_ADVANCE_DAYS = 730


@frozen
class BookingTerms:
    """A listing's pricing, stay rules, time zone, cancellation policy and instant book.

    ``Listing`` is what a host edits; these are the parts of it a booking needs, read without
    the rest (title, address, amenities…) and copied into the booking it makes.
    """

    price_per_night: int
    currency: str
    cleaning_fee: int
    weekly_discount_percent: int
    monthly_discount_percent: int
    max_guests: int
    min_nights: int
    max_nights: int
    timezone: str
    cancellation_policy: str
    instant_book: bool
    max_advance_days: int = DEFAULT_MAX_ADVANCE_DAYS

    def quote(self, stay: Stay) -> PriceBreakdown:
        return PriceBreakdown.quote(
            nights=stay.nights,
            price_per_night=Money(self.price_per_night, self.currency),
            cleaning_fee=Money(self.cleaning_fee, self.currency),
            weekly_discount_percent=self.weekly_discount_percent,
            monthly_discount_percent=self.monthly_discount_percent,
        )

    def today(self, now: datetime) -> date:
        """Today in the listing's time zone."""
        return local_date(now, self.timezone)

    def check_check_in_not_past(self, stay: Stay, now: datetime) -> None:
        if stay.check_in < self.today(now):
            raise CheckInInPast(
                {"check_in": ["must not be before today in the listing's time zone."]}
            )

    def check_party_size(self, guests: int) -> None:
        if guests < 1:
            raise TooManyGuests({"guests": ["must be at least 1."]})
        if guests > self.max_guests:
            raise TooManyGuests(
                {"guests": [f"must be at most {self.max_guests} for this listing."]}
            )

    def check_stay_length(self, stay: Stay) -> None:
        if not self.min_nights <= stay.nights <= self.max_nights:
            raise StayLengthNotAllowed(
                {"check_out": [f"the stay must be {self.min_nights} to {self.max_nights} nights."]}
            )

    def check_within_horizon(self, stay: Stay, now: datetime) -> None:
        """Every night is at most ``max_advance_days`` after today (listing time zone): the
        last night is the day before ``check_out``."""
        horizon = self.today(now) + timedelta(days=self.max_advance_days)
        if stay.check_out - timedelta(days=1) > horizon:
            raise StayTooFarAhead(
                {"check_out": [f"the last night must be at most {self.max_advance_days} days "
                               f"ahead ({horizon.isoformat()} for this listing)."]}
            )  # fmt: skip

    def check_stay_rules(self, stay: Stay, guests: int, now: datetime) -> None:
        """No check-in before today (listing time zone), party size, the booking horizon,
        length of stay, and a total one card payment may be."""
        self.check_check_in_not_past(stay, now)
        self.check_party_size(guests)
        self.check_within_horizon(stay, now)
        self.check_stay_length(stay)
        check_chargeable(Money(self.quote(stay).total, self.currency))
