"""What a listing offers a guest, as one value: the terms a booking decision is made under."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from attrs import field, frozen

from rental.domain.bookings.policies import NightlyPrice, PriceBreakdown
from rental.domain.calendar.rates import NO_OVERRIDES, Night, RateCalendar
from rental.domain.calendar.stay import Stay, local_date
from rental.domain.calendar.taxes import Tax, taxes_of
from rental.domain.errors import (
    CheckInInPast,
    ClosedToArrival,
    ClosedToDeparture,
    InvalidInput,
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
    weekend_price: int | None = None
    extra_guest_fee: int = 0
    guests_included: int | None = None  # None: every guest the listing takes is included
    taxes: tuple[Tax, ...] = field(default=(), converter=taxes_of)

    def extra_guests(self, guests: int) -> int:
        included = self.max_guests if self.guests_included is None else self.guests_included
        return max(guests - included, 0)

    def quote(
        self, stay: Stay, guests: int = 1, rates: RateCalendar = NO_OVERRIDES
    ) -> PriceBreakdown:
        """The price of ``stay`` for ``guests``, each night resolved by ``rates.resolve_night``."""
        return self.price_nights(rates.stay_nights(stay, self), guests)

    def price_nights(self, nights: list[Night], guests: int) -> PriceBreakdown:
        return PriceBreakdown.quote(
            currency=self.currency,
            nightly=[NightlyPrice(night.date, night.price) for night in nights],
            cleaning_fee=self.cleaning_fee,
            weekly_discount_percent=self.weekly_discount_percent,
            monthly_discount_percent=self.monthly_discount_percent,
            extra_guest_fees=self.extra_guest_fee * self.extra_guests(guests) * len(nights),
            taxes=self.taxes,
            guests=guests,
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

    def check_stay_length(self, stay: Stay, rates: RateCalendar = NO_OVERRIDES) -> None:
        """``min_nights`` of the check-in night (its override, else the listing's); the
        listing's ``max_nights``."""
        low = rates.night(stay.check_in, self).min_nights
        if not low <= stay.nights <= self.max_nights:
            raise StayLengthNotAllowed(
                {"check_out": [f"the stay must be {low} to {self.max_nights} nights."]}
            )

    def check_open_for_arrival(self, stay: Stay, rates: RateCalendar) -> None:
        if rates.night(stay.check_in, self).closed_to_arrival:
            raise ClosedToArrival(
                {"check_in": [f"the listing takes no arrivals on {stay.check_in.isoformat()}."]}
            )

    def check_open_for_departure(self, stay: Stay, rates: RateCalendar) -> None:
        if rates.night(stay.check_out, self).closed_to_departure:
            raise ClosedToDeparture(
                {"check_out": [f"the listing takes no departures on {stay.check_out.isoformat()}."]}
            )

    def check_within_horizon(self, stay: Stay, now: datetime) -> None:
        """Every night is at most ``max_advance_days`` after today (listing time zone): the
        last night is the day before ``check_out``."""
        horizon = self.today(now) + timedelta(days=self.max_advance_days)
        if stay.check_out - timedelta(days=1) > horizon:
            raise StayTooFarAhead(
                {
                    "check_out": [
                        f"the last night must be at most {self.max_advance_days} days "
                        f"ahead ({horizon.isoformat()} for this listing)."
                    ]
                }
            )

    def stay_refusals(
        self, stay: Stay, guests: int, now: datetime, rates: RateCalendar = NO_OVERRIDES
    ) -> list[Refusal]:
        """Every rule that refuses this stay, in the order ``check_stay_rules`` checks them:
        no check-in before today (listing time zone), party size, the booking horizon, length
        of stay (the check-in night's minimum), closed to arrival and to departure."""
        refusals: list[Refusal] = []
        checks: list[tuple[str, Callable[[], None]]] = [
            ("check_in_past", lambda: self.check_check_in_not_past(stay, now)),
            ("max_guests", lambda: self.check_party_size(guests)),
            ("max_advance_days", lambda: self.check_within_horizon(stay, now)),
            ("stay_length", lambda: self.check_stay_length(stay, rates)),
            ("closed_to_arrival", lambda: self.check_open_for_arrival(stay, rates)),
            ("closed_to_departure", lambda: self.check_open_for_departure(stay, rates)),
        ]
        for rule, check in checks:
            try:
                check()
            except InvalidInput as error:
                if rule == "stay_length":
                    rule = "max_nights" if stay.nights > self.max_nights else "min_nights"
                refusals.append(Refusal(rule, error))
        return refusals

    def check_stay_rules(
        self, stay: Stay, guests: int, now: datetime, rates: RateCalendar = NO_OVERRIDES
    ) -> None:
        """Raise the first of ``stay_refusals``."""
        refusals = self.stay_refusals(stay, guests, now, rates)
        if refusals:
            raise refusals[0].error
        check_chargeable(Money(self.quote(stay, guests, rates).total, self.currency))


@frozen
class Refusal:
    """A rule that refuses a stay: its name (``min_nights``, ``closed_to_arrival``…) and the
    error a booking of the stay raises."""

    rule: str
    error: InvalidInput

    @property
    def message(self) -> str:
        return self.error.detail
