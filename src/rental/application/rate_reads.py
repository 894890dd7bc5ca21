"""Reading prices and rules by date: a listing's calendar night by night, and a quote that
names every rule refusing the stay. Both resolve each night with ``rates.resolve_night``, the
rule bookings are priced by."""

from __future__ import annotations

from datetime import date, datetime

from attrs import field, frozen

from rental.application.queries import ReadModel
from rental.domain.bookings.policies import PriceBreakdown
from rental.domain.calendar.nights import CalendarEntry
from rental.domain.calendar.stay import Stay
from rental.domain.errors import InvalidInput
from rental.domain.listings.listing import Listing


@frozen
class CalendarDay:
    """One night: whether it is free, and the price and rules in force on it."""

    date: date
    available: bool
    price: int
    min_nights: int
    closed_to_arrival: bool
    closed_to_departure: bool


@frozen
class CalendarView:
    listing_id: str
    currency: str
    days: tuple[CalendarDay, ...]


@frozen
class QuoteReason:
    """A rule that refuses the stay (``dates_unavailable``, ``min_nights``…), and why."""

    rule: str
    message: str
    error: InvalidInput | None = field(default=None, eq=False, repr=False)


@frozen
class Quote:
    """What a stay would cost now; ``available`` when it could be booked now: no booking or
    block holds a night and no rule refuses it (``reasons`` names each that does)."""

    available: bool
    price: PriceBreakdown
    reasons: tuple[QuoteReason, ...] = ()


def _taken(entries: list[CalendarEntry], night: date) -> bool:
    return any(entry.start <= night < entry.end for entry in entries)


def calendar_view(
    model: ReadModel, listing: Listing, start: date, end: date, now: datetime
) -> CalendarView:
    """Every night of ``[start, end)``, one entry each."""
    taken = model.unavailable(listing.id, start, end, now)
    rates = model.rate_overrides(listing.id, start, end)
    days = tuple(
        CalendarDay(
            night.date,
            not _taken(taken, night.date),
            night.price,
            night.min_nights,
            night.closed_to_arrival,
            night.closed_to_departure,
        )
        for night in rates.nights(start, end, listing.terms)
    )
    return CalendarView(listing.id, listing.currency, days)


def quote_stay(model: ReadModel, listing: Listing, stay: Stay, guests: int, now: datetime) -> Quote:
    """The price ``POST /bookings`` would charge now for ``stay``, and every rule that would
    refuse it; nothing is held."""
    terms = listing.terms
    rates = model.rate_overrides(listing.id, stay.check_in, stay.check_out)
    refusals = terms.stay_refusals(stay, guests, now, rates)
    reasons = [QuoteReason(r.rule, r.message, r.error) for r in refusals]
    if model.unavailable(listing.id, stay.check_in, stay.check_out, now):
        reasons.insert(
            0, QuoteReason("dates_unavailable", "some nights are already booked or blocked.")
        )
    price = terms.quote(stay, guests, rates)
    return Quote(available=not reasons, price=price, reasons=tuple(reasons))
