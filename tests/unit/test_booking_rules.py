"""Requesting a booking: the rules of API.md's bookings paragraph, checked in the handler."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from rental.application import commands as c
from rental.domain.errors import (
    CheckInInPast,
    DatesUnavailable,
    InvalidStay,
    ListingNotFound,
    StayLengthNotAllowed,
    TooManyGuests,
)
from tests.matchers import exact
from tests.unit.builders import World


@pytest.fixture
def world() -> World:
    return World()


def test_a_request_is_pending_and_holds_its_nights_at_once(world: World) -> None:
    host, guest, other = world.user("host"), world.user("guest"), world.user("guest")
    listing = world.listing(host)
    booking = world.book(guest, listing, start=5, nights=3)
    assert world.status(guest, booking.id) == "pending"
    [entry] = world.app.reads.availability(listing.id, world.day(0), world.day(30))
    assert (entry.start, entry.end, entry.reason) == (world.day(5), world.day(8), "booked")
    for start, nights in ((5, 3), (4, 2), (7, 5), (6, 1), (3, 10)):
        with pytest.raises(DatesUnavailable):
            world.book(other, listing, start=start, nights=nights)


def test_a_stay_may_start_the_day_another_ends(world: World) -> None:
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(host)
    world.book(guest, listing, start=5, nights=3)
    before = world.book(guest, listing, start=3, nights=2)
    after = world.book(guest, listing, start=8, nights=2)
    assert (before.check_out, after.check_in) == (world.day(5), world.day(8))


def test_more_guests_than_the_listing_takes_is_invalid(world: World) -> None:
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(host, max_guests=3)
    assert world.book(guest, listing, start=1, guests=3).guests == 3
    with pytest.raises(
        TooManyGuests, match=exact("guests: must be at most 3 for this listing.")
    ) as raised:
        world.book(guest, listing, start=5, guests=4)
    assert "guests" in raised.value.errors
    with pytest.raises(TooManyGuests, match=exact("guests: must be at least 1.")):
        world.book(guest, listing, start=5, guests=0)


@pytest.mark.parametrize(("nights", "allowed"), [(1, False), (2, True), (5, True), (6, False)])
def test_nights_must_be_within_min_and_max(world: World, nights: int, allowed: bool) -> None:
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(host, min_nights=2, max_nights=5)
    if allowed:
        assert world.book(guest, listing, nights=nights).nights == nights
    else:
        with pytest.raises(
            StayLengthNotAllowed, match=exact("check_out: the stay must be 2 to 5 nights.")
        ) as raised:
            world.book(guest, listing, nights=nights)
        assert "check_out" in raised.value.errors


@pytest.mark.parametrize("nights", [0, -2])
def test_check_out_must_be_after_check_in(world: World, nights: int) -> None:
    host, guest = world.user("host"), world.user("guest")
    with pytest.raises(InvalidStay, match=exact("check_out: must be after check_in.")) as raised:
        world.book(guest, world.listing(host), nights=nights)
    assert "check_out" in raised.value.errors


@pytest.mark.parametrize(("timezone", "today"), [
    ("Pacific/Auckland", date(2030, 1, 2)),  # 2030-01-02 01:00 there
    ("America/Los_Angeles", date(2030, 1, 1)),  # 2030-01-01 04:00 there
    ("UTC", date(2030, 1, 1)),
])  # fmt: skip
def test_check_in_today_means_today_in_the_listing_time_zone(
    world: World, timezone: str, today: date
) -> None:
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(host, timezone=timezone)

    def request(check_in: date) -> None:
        world.handle(c.RequestBooking(
            actor=guest, listing_id=listing.id, check_in=check_in,
            check_out=date(2030, 1, 10), guests=1,
        ))  # fmt: skip

    with pytest.raises(
        CheckInInPast, match=exact("check_in: must not be before today in the listing's time zone.")
    ) as raised:
        request(date.fromordinal(today.toordinal() - 1))
    assert "check_in" in raised.value.errors
    request(today)


def test_tonight_in_the_listing_time_zone_is_held_after_midnight_utc() -> None:
    """In Los Angeles it is still 1 January when UTC has reached the 2nd: a stay to the 2nd
    holds the night of the 1st, which a request for that night must find."""
    world = World(now=datetime(2029, 12, 30, 12, 0, tzinfo=UTC))
    host, first, second = world.user("host"), world.user("guest"), world.user("guest")
    listing = world.listing(host, timezone="America/Los_Angeles")
    held = world.handle(c.RequestBooking(
        actor=first, listing_id=listing.id, check_in=date(2029, 12, 31),
        check_out=date(2030, 1, 2), guests=1,
    ))  # fmt: skip
    world.pay(first, held)
    world.clock.set(datetime(2030, 1, 2, 4, 0, tzinfo=UTC))  # 1 January, 20:00 there

    with pytest.raises(
        DatesUnavailable,
        match=exact("Some nights from 2030-01-01 to 2030-01-03 are already booked or blocked."),
    ):
        world.handle(c.RequestBooking(
            actor=second, listing_id=listing.id, check_in=date(2030, 1, 1),
            check_out=date(2030, 1, 3), guests=1,
        ))  # fmt: skip
    assert world.status(first, held.id) == "confirmed"


def test_a_deleted_or_missing_listing_is_not_found(world: World) -> None:
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(host)
    world.handle(c.DeleteListing(actor=host, listing_id=listing.id))
    with pytest.raises(ListingNotFound, match=exact("No listing id-3.")):
        world.book(guest, listing)
    with pytest.raises(ListingNotFound, match=exact("No listing id-3.")):
        world.app.reads.listing(listing.id)
    with pytest.raises(ListingNotFound, match=exact("No listing no-such-listing.")):
        world.handle(c.RequestBooking(
            actor=guest, listing_id="no-such-listing", check_in=world.day(1),
            check_out=world.day(2), guests=1,
        ))  # fmt: skip
