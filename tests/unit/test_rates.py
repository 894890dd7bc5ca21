"""Prices and rules by date: ranges, the later winning, null removing, the night's price."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from rental.domain.calendar.booking_terms import BookingTerms
from rental.domain.calendar.calendar import Calendar
from rental.domain.calendar.rates import (
    NO_OVERRIDES,
    RateCalendar,
    RateOverride,
    check_rate_changes,
    is_weekend,
)
from rental.domain.calendar.stay import Stay
from rental.domain.errors import (
    ClosedToArrival,
    ClosedToDeparture,
    InvalidInput,
    PriceChanged,
    StayLengthNotAllowed,
)

TODAY = date(2027, 3, 1)  # a Monday
NOW = datetime(2027, 3, 1, 12, tzinfo=UTC)
D = timedelta(days=1)


def terms(**changes: Any) -> BookingTerms:
    values: dict[str, Any] = {
        "price_per_night": 10000, "currency": "USD", "cleaning_fee": 0,
        "weekly_discount_percent": 0, "monthly_discount_percent": 0, "max_guests": 4,
        "min_nights": 1, "max_nights": 30, "timezone": "UTC",
        "cancellation_policy": "flexible", "instant_book": True,
    }  # fmt: skip
    return BookingTerms(**(values | changes))


def applied(*ranges: dict[str, Any], base: RateCalendar = NO_OVERRIDES) -> RateCalendar:
    return base.applied(check_rate_changes(list(ranges), TODAY))


def day(offset: int) -> date:
    return TODAY + offset * D


def test_a_season_is_one_stored_range() -> None:
    rates = applied({"start": day(10), "end": day(100), "price": 20000})
    assert rates.overrides == (RateOverride(day(10), day(100), price=20000),)


def test_the_later_range_wins_where_they_overlap_and_the_rest_is_kept() -> None:
    rates = applied(
        {"start": day(0), "end": day(10), "price": 20000, "min_nights": 3},
        {"start": day(5), "end": day(15), "price": 30000},
    )
    assert rates.overrides == (
        RateOverride(day(0), day(5), price=20000, min_nights=3),
        RateOverride(day(5), day(10), price=30000, min_nights=3),
        RateOverride(day(10), day(15), price=30000),
    )
    # In the other order, the first range's price wins over the overlap.
    rates = applied(
        {"start": day(5), "end": day(15), "price": 30000},
        {"start": day(0), "end": day(10), "price": 20000},
    )
    assert [(o.start, o.end, o.price) for o in rates.overrides] == [
        (day(0), day(10), 20000), (day(10), day(15), 30000),
    ]  # fmt: skip


def test_null_removes_an_override_and_an_empty_range_is_dropped() -> None:
    rates = applied({"start": day(0), "end": day(10), "price": 20000, "closed_to_arrival": True})
    rates = applied({"start": day(3), "end": day(5), "price": None}, base=rates)
    assert rates.overrides == (
        RateOverride(day(0), day(3), price=20000, closed_to_arrival=True),
        RateOverride(day(3), day(5), closed_to_arrival=True),
        RateOverride(day(5), day(10), price=20000, closed_to_arrival=True),
    )
    cleared = applied({"start": day(0), "end": day(10), "price": None,
                       "closed_to_arrival": None}, base=rates)  # fmt: skip
    assert cleared.overrides == ()


def test_neighbours_that_agree_are_joined() -> None:
    rates = applied(
        {"start": day(0), "end": day(5), "price": 20000},
        {"start": day(5), "end": day(9), "price": 20000},
    )
    assert rates.overrides == (RateOverride(day(0), day(9), price=20000),)


def test_a_night_is_its_override_else_the_weekend_price_else_the_listing_price() -> None:
    listing = terms(weekend_price=15000)
    friday = date(2027, 3, 5)
    rates = applied({"start": friday + D, "end": friday + 2 * D, "price": 9000})
    prices = [n.price for n in rates.nights(friday - D, friday + 3 * D, listing)]
    # Thursday, Friday (weekend), Saturday (override), Sunday.
    assert prices == [10000, 15000, 9000, 10000]
    assert [is_weekend(friday + i * D) for i in range(7)] == [True, True] + [False] * 5


def test_a_stay_across_new_year_in_a_zone_far_from_utc_is_priced_night_by_night() -> None:
    # Kiritimati is UTC+14: on 31 December at 11:00 UTC it is already New Year's Day there.
    listing = terms(timezone="Pacific/Kiritimati", weekend_price=15000)
    rates = applied({"start": date(2027, 12, 31), "end": date(2028, 1, 2), "price": 50000})
    stay = Stay(date(2027, 12, 30), date(2028, 1, 3))
    price = listing.quote(stay, 1, rates)
    # 30 Dec 2027 is a Thursday; 31 Dec and 1 Jan are overridden; 2 Jan is a Sunday.
    assert [(n.date.isoformat(), n.price) for n in price.nightly] == [
        ("2027-12-30", 10000), ("2027-12-31", 50000), ("2028-01-01", 50000),
        ("2028-01-02", 10000),
    ]  # fmt: skip
    assert price.nightly_subtotal == 120000
    now = datetime(2027, 12, 31, 11, tzinfo=UTC)
    assert listing.today(now) == date(2028, 1, 1)
    refusals = listing.stay_refusals(stay, 1, now, rates)
    assert [r.rule for r in refusals] == ["check_in_past"]


def test_a_stay_across_a_dst_change_counts_nights_by_date() -> None:
    # Europe/Berlin springs forward on 28 March 2027: that night is 23 hours, still one night.
    listing = terms(timezone="Europe/Berlin", weekend_price=15000)
    stay = Stay(date(2027, 3, 26), date(2027, 3, 29))
    price = listing.quote(stay, 1, RateCalendar())
    assert [n.price for n in price.nightly] == [15000, 15000, 10000]
    assert price.nightly_subtotal == 40000


def test_check_in_night_min_nights_and_closed_days_refuse_with_reasons() -> None:
    listing = terms(min_nights=1)
    rates = applied(
        {"start": day(10), "end": day(11), "min_nights": 4, "closed_to_arrival": True},
        {"start": day(12), "end": day(13), "closed_to_departure": True},
    )
    stay = Stay(day(10), day(12))
    refusals = listing.stay_refusals(stay, 1, NOW, rates)
    assert [r.rule for r in refusals] == ["min_nights", "closed_to_arrival", "closed_to_departure"]
    assert refusals[0].message == "check_out: the stay must be 4 to 30 nights."
    with pytest.raises(StayLengthNotAllowed):
        listing.check_stay_rules(stay, 1, NOW, rates)
    with pytest.raises(ClosedToArrival):
        listing.check_stay_rules(Stay(day(10), day(15)), 1, NOW, rates)
    with pytest.raises(ClosedToDeparture):
        listing.check_stay_rules(Stay(day(11), day(12)), 1, NOW, rates)
    # The min stay of a later night does not apply: only the check-in night's.
    assert listing.stay_refusals(Stay(day(9), day(11)), 1, NOW, rates) == []


def calendar(rates: RateCalendar, **changes: Any) -> Calendar:
    return Calendar.of(
        listing_id="l", host_id="h", listed=True, terms=terms(**changes),
        overrides=rates.overrides,
    )  # fmt: skip


def test_a_booking_keeps_the_price_it_was_made_at_and_checks_the_expected_total() -> None:
    rates = applied({"start": day(5), "end": day(7), "price": 20000})
    listing = calendar(rates)
    stay = Stay(day(4), day(7))
    with pytest.raises(PriceChanged):
        listing.request_booking(booking_id="b0", guest_id="g", stay=stay, guests=1, now=NOW,
                                expected_total=30000)  # fmt: skip
    assert listing.held.entries == ()  # nothing held
    booking = listing.request_booking(
        booking_id="b1", guest_id="g", stay=stay, guests=1, now=NOW, expected_total=55000
    )
    listing.change_rates([{"start": day(4), "end": day(7), "price": 1}], NOW)
    assert [n.price for n in booking.price.nightly] == [10000, 20000, 20000]
    assert booking.price.total == 55000


@pytest.mark.parametrize(
    ("ranges", "field", "message"),
    [
        ([{"start": day(5), "end": day(5), "price": 1}], "ranges.0.end", "must be after start."),
        ([{"start": day(5), "end": day(732), "price": 1}], "ranges.0.end",
         "must be at most 731 days ahead (2029-03-01)."),
        ([{"start": day(-1), "end": day(2), "price": 1}], "ranges.0.start",
         "must not be before today in the listing's time zone."),
        ([{"start": day(1), "end": day(2), "price": 0}], "ranges.0.price",
         "must be between 1 and 1000000000, or null to remove it."),
        ([{"start": day(1), "end": day(2), "price": -5}], "ranges.0.price",
         "must be between 1 and 1000000000, or null to remove it."),
        ([{"start": day(1), "end": day(2), "price": 10**9 + 1}], "ranges.0.price",
         "must be between 1 and 1000000000, or null to remove it."),
        ([{"start": day(1), "end": day(2), "colour": 1}], "ranges.0.colour",
         "is not a calendar field."),
        ([{"start": day(1), "end": day(2), "price": 1}] * 101, "ranges",
         "must hold at most 100 ranges."),
    ],
)  # fmt: skip
def test_bad_ranges_are_refused_naming_the_field(
    ranges: list[dict[str, Any]], field: str, message: str
) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_rate_changes(ranges, TODAY)
    assert message in raised.value.errors[field]


def test_a_range_ending_731_days_ahead_and_100_ranges_are_accepted() -> None:
    assert check_rate_changes([{"start": day(730), "end": day(731), "price": 1}], TODAY)
    assert len(check_rate_changes([{"start": day(1), "end": day(2), "price": 1}] * 100, TODAY))
