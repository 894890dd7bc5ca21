"""Over random calendars, stays, discounts, guests and taxes: the lines of a price sum to its
total, no line is negative, and no refund is more than what was paid."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from rental.domain.bookings.policies import REFUND_SCHEDULE
from rental.domain.calendar.booking_terms import BookingTerms
from rental.domain.calendar.rates import MAX_NIGHT_PRICE, RateCalendar, check_rate_changes
from rental.domain.calendar.stay import Stay
from rental.domain.calendar.taxes import Tax

TODAY = date(2027, 1, 1)
prices = st.integers(min_value=1, max_value=MAX_NIGHT_PRICE)


@st.composite
def ranges(draw: st.DrawFn) -> dict[str, Any]:
    start = TODAY + timedelta(days=draw(st.integers(0, 60)))
    item: dict[str, Any] = {"start": start, "end": start + timedelta(draw(st.integers(1, 30)))}
    for name, values in (
        ("price", st.none() | prices),
        ("min_nights", st.none() | st.integers(1, 10)),
        ("closed_to_arrival", st.none() | st.booleans()),
    ):
        if draw(st.booleans()):
            item[name] = draw(values)
    if len(item) == 2:
        item["price"] = draw(prices)
    return item


taxes = st.one_of(
    st.builds(Tax, st.just("city"), st.just("percent"), st.integers(0, 10_000),
              st.sampled_from(["nights", "nights_and_fees"])),
    st.builds(Tax, st.just("tourism"), st.just("per_guest_night"), st.integers(0, 100_000)),
)  # fmt: skip


@st.composite
def listings(draw: st.DrawFn) -> BookingTerms:
    max_guests = draw(st.integers(1, 16))
    return BookingTerms(
        price_per_night=draw(prices), currency="EUR",
        cleaning_fee=draw(st.integers(0, 10**9)),
        weekly_discount_percent=draw(st.integers(0, 100)),
        monthly_discount_percent=draw(st.integers(0, 100)),
        max_guests=max_guests, min_nights=1, max_nights=365, timezone="Pacific/Auckland",
        cancellation_policy="strict", instant_book=True,
        weekend_price=draw(st.none() | prices), extra_guest_fee=draw(st.integers(0, 10**6)),
        guests_included=draw(st.none() | st.integers(1, max_guests)),
        taxes=tuple(draw(st.lists(taxes, max_size=5))),
    )  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    listing=listings(),
    changes=st.lists(ranges(), max_size=8),
    start=st.integers(0, 90),
    nights=st.integers(1, 40),
    guests=st.integers(1, 16),
)
def test_lines_sum_to_the_total_none_negative_refunds_within_what_was_paid(
    listing: BookingTerms, changes: list[dict[str, Any]], start: int, nights: int, guests: int
) -> None:
    rates = (
        RateCalendar().applied(check_rate_changes(changes, TODAY)) if changes else RateCalendar()
    )
    check_in = TODAY + timedelta(days=start)
    stay = Stay(check_in, check_in + timedelta(days=nights))
    price = listing.quote(stay, min(guests, listing.max_guests), rates)

    assert price.lines_total == price.total
    assert price.nightly_subtotal == sum(line.price for line in price.nightly)
    assert [line.date for line in price.nightly] == stay.each_night()
    assert [line.price for line in price.nightly] == [
        rates.night(night, listing).price for night in stay.each_night()
    ]
    lines = [price.nightly_subtotal, price.discount, price.cleaning_fee, price.extra_guest_fees,
             price.service_fee, *(line.amount for line in price.taxes)]  # fmt: skip
    assert all(line >= 0 for line in lines)
    assert price.discount <= price.nightly_subtotal
    for schedule in REFUND_SCHEDULE.values():
        for _, percent in schedule:
            assert 0 <= price.refund(percent) <= price.total
    assert price.refund(100) == price.total


@settings(max_examples=200, deadline=None)
@given(changes=st.lists(ranges(), min_size=1, max_size=10), probe=st.integers(0, 100))
def test_stored_ranges_never_overlap_and_the_last_range_given_decides_each_field(
    changes: list[dict[str, Any]], probe: int
) -> None:
    rates = RateCalendar().applied(check_rate_changes(changes, TODAY))
    for before, after in zip(rates.overrides, rates.overrides[1:], strict=False):
        assert before.end <= after.start
    night = TODAY + timedelta(days=probe)
    override = rates.at(night)
    for name, empty in (("price", None), ("min_nights", None), ("closed_to_arrival", False)):
        last = [c[name] for c in changes if name in c and c["start"] <= night < c["end"]]
        expected = empty if not last or last[-1] is None else last[-1]
        assert (getattr(override, name) if override else empty) == expected
