"""The price of a stay, with the exact figures of API.md's price paragraph."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rental.domain.bookings.policies import NightlyPrice, PriceBreakdown
from tests.unit.builders import World


def quote(
    nights: int, price: int, cleaning: int = 0, weekly: int = 0, monthly: int = 0
) -> PriceBreakdown:
    nightly = [NightlyPrice(date(2027, 1, 1) + timedelta(days=i), price) for i in range(nights)]
    return PriceBreakdown.quote(
        currency="USD", nightly=nightly, cleaning_fee=cleaning,
        weekly_discount_percent=weekly, monthly_discount_percent=monthly,
    )  # fmt: skip


def parts(p: PriceBreakdown) -> tuple[int, int, int, int, int]:
    return (p.nightly_subtotal, p.discount, p.cleaning_fee, p.service_fee, p.total)


@pytest.mark.parametrize(
    ("nights", "expected"),
    [
        # 6 nights: no discount. 60000 + 2500 = 62500; fee 6250.
        (6, (60000, 0, 2500, 6250, 68750)),
        # 7 nights: weekly 10 %. 70000 - 7000 + 2500 = 65500; fee 6550.
        (7, (70000, 7000, 2500, 6550, 72050)),
        # 27 nights: still weekly. 270000 - 27000 + 2500 = 245500; fee 24550.
        (27, (270000, 27000, 2500, 24550, 270050)),
        # 28 nights: monthly 20 % instead. 280000 - 56000 + 2500 = 226500; fee 22650.
        (28, (280000, 56000, 2500, 22650, 249150)),
    ],
)
def test_discount_is_weekly_from_7_and_monthly_from_28_nights(
    nights: int, expected: tuple[int, ...]
) -> None:
    assert parts(quote(nights, 10000, cleaning=2500, weekly=10, monthly=20)) == expected


def test_monthly_discount_applies_even_when_smaller_than_weekly() -> None:
    assert quote(28, 10000, weekly=15, monthly=5).discount == 14000


def test_each_percentage_is_rounded_half_up() -> None:
    # 7 x 1005 = 7035; 10 % = 703.5 → 704; 7035 - 704 = 6331; 10 % = 633.1 → 633.
    assert parts(quote(7, 1005, weekly=10)) == (7035, 704, 0, 633, 6964)
    # One night of 1005: fee 100.5 → 101.
    assert parts(quote(1, 1005)) == (1005, 0, 0, 101, 1106)
    # One night of 1004: fee 100.4 → 100.
    assert quote(1, 1004).service_fee == 100


def test_a_booking_carries_the_price_of_its_listing() -> None:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(
        host, price_per_night=10000, cleaning_fee=2500, weekly_discount_percent=10,
        currency="EUR",
    )  # fmt: skip
    booking = world.book(guest, listing, nights=7)
    assert parts(booking.price) == (70000, 7000, 2500, 6550, 72050)
    assert booking.currency == "EUR" and booking.nights == 7


def test_later_price_changes_do_not_touch_a_booking_already_made() -> None:
    from rental.application import commands as c

    world = World()
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(host, price_per_night=10000)
    booking = world.book(guest, listing, nights=2)
    world.handle(c.UpdateListing(actor=host, listing_id=listing.id, price_per_night=99999))
    assert world.booking(guest, booking.id).price.nightly_subtotal == 20000
