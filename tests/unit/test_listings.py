"""Listings and their blocks: who may change them, and what a calendar refuses."""

from __future__ import annotations

import pytest

from rental.application import commands as c
from rental.domain.errors import (
    BlockNotFound,
    DatesUnavailable,
    InvalidInput,
    ListingHasLiveBookings,
    ListingNotFound,
    PermissionDenied,
)
from rental.domain.listings.listing import Listing
from tests.matchers import exact
from tests.unit.builders import World, confirmed_stay


def block(world: World, actor: c.Actor, listing_id: str, start: int, nights: int) -> str:
    command = c.BlockDates(
        actor=actor, listing_id=listing_id, start=world.day(start), end=world.day(start + nights)
    )
    return str(world.handle(command).id)


def test_defaults_and_required_fields_of_a_new_listing() -> None:
    world = World()
    listing = world.listing(world.user("host"))
    assert (listing.currency, listing.timezone, listing.min_nights, listing.max_nights) == (
        "USD", "UTC", 1, 365,
    )  # fmt: skip
    assert (listing.instant_book, listing.cancellation_policy, listing.rating_average) == (
        True, "flexible", None,
    )  # fmt: skip
    host = world.user("host")
    with pytest.raises(
        InvalidInput,
        match=exact(
            "city: is required.; country: is required.; price_per_night: is required.; "
            "max_guests: is required."
        ),
    ) as raised:
        world.handle(c.CreateListing(actor=host, title="x"))
    assert set(raised.value.errors) == {"city", "country", "price_per_night", "max_guests"}
    with pytest.raises(TypeError, match="pool"):  # a typed command has no such field
        world.listing(host, pool=True)


def test_a_guest_may_not_create_a_listing() -> None:
    world = World()
    with pytest.raises(PermissionDenied, match=exact("Only hosts and admins may list homes.")):
        world.listing(world.user("guest"))


def test_only_its_host_or_an_admin_may_change_a_listing() -> None:
    world = World()
    host, stranger, admin = world.user("host"), world.user("host"), world.user("admin")
    listing = world.listing(host)
    block_id = block(world, host, listing.id, 1, 2)
    for command in (
        c.UpdateListing(actor=stranger, listing_id=listing.id, title="Mine"),
        c.BlockDates(actor=stranger, listing_id=listing.id, start=world.day(5), end=world.day(6)),
        c.UnblockDates(actor=stranger, listing_id=listing.id, block_id=block_id),
        c.DeleteListing(actor=stranger, listing_id=listing.id),
    ):
        with pytest.raises(
            PermissionDenied, match=exact("Only the listing's host or an admin may change it.")
        ):
            world.handle(command)
    changed = world.handle(c.UpdateListing(actor=admin, listing_id=listing.id, title="Admin's"))
    assert changed.title == "Admin's"
    world.handle(c.DeleteListing(actor=admin, listing_id=listing.id))
    with pytest.raises(ListingNotFound, match=exact("No listing id-4.")):
        world.handle(c.UpdateListing(actor=host, listing_id=listing.id, title="x"))


def test_delete_is_refused_while_a_booking_is_live_and_allowed_once_it_is_not() -> None:
    world = World()
    host, guest, booking = confirmed_stay(world)
    with pytest.raises(
        ListingHasLiveBookings,
        match=exact("The listing has a pending or confirmed booking that has not ended."),
    ):
        world.handle(c.DeleteListing(actor=host, listing_id=booking.listing_id))
    world.handle(c.CancelBooking(actor=guest, booking_id=booking.id))
    world.handle(c.DeleteListing(actor=host, listing_id=booking.listing_id))
    with pytest.raises(ListingNotFound, match=exact("No listing id-3.")):
        world.app.reads.listing(booking.listing_id)


def test_a_stay_that_has_ended_does_not_hold_up_a_delete() -> None:
    world = World()
    host, _, booking = confirmed_stay(world, start=1, nights=2)
    world.clock.advance(days=3)  # check-out day: completed, though no job has marked it
    world.handle(c.DeleteListing(actor=host, listing_id=booking.listing_id))
    with pytest.raises(ListingNotFound, match=exact("No listing id-3.")):
        world.app.reads.listing(booking.listing_id)


def test_an_overdue_pending_booking_does_not_hold_up_a_delete() -> None:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(host)
    world.book(guest, listing)
    with pytest.raises(
        ListingHasLiveBookings,
        match=exact("The listing has a pending or confirmed booking that has not ended."),
    ):
        world.handle(c.DeleteListing(actor=host, listing_id=listing.id))
    world.clock.advance(minutes=30)
    world.handle(c.DeleteListing(actor=host, listing_id=listing.id))


def test_blocks_refuse_live_bookings_and_other_blocks_but_may_touch_them() -> None:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(host)
    world.book(guest, listing, start=10, nights=2)
    first = block(world, host, listing.id, 3, 4)  # nights 3..6
    for start, nights in ((9, 2), (11, 5), (6, 1), (1, 3)):
        with pytest.raises(DatesUnavailable):
            block(world, host, listing.id, start, nights)
    block(world, host, listing.id, 7, 3)  # 7..9, between the block and the booking
    reasons = [
        e.reason for e in world.app.reads.availability(listing.id, world.day(0), world.day(30))
    ]
    assert reasons == ["blocked", "blocked", "booked"]
    with pytest.raises(
        DatesUnavailable,
        match=exact("Some nights from 2030-01-05 to 2030-01-06 are already booked or blocked."),
    ):
        world.book(guest, listing, start=4, nights=1)
    world.handle(c.UnblockDates(actor=host, listing_id=listing.id, block_id=first))
    assert world.book(guest, listing, start=3, nights=4).nights == 4
    with pytest.raises(BlockNotFound, match=exact("No block id-5 on listing id-3.")):
        world.handle(c.UnblockDates(actor=host, listing_id=listing.id, block_id=first))


def test_a_block_may_start_today_but_not_on_a_night_already_past() -> None:
    world = World()
    host = world.user("host")
    listing = world.listing(host)
    with pytest.raises(
        InvalidInput, match=exact("start: must not be before today in the listing's time zone.")
    ) as raised:
        block(world, host, listing.id, -1, 3)
    assert set(raised.value.errors) == {"start"}
    assert world.app.reads.availability(listing.id, world.day(-2), world.day(5)) == []
    block(world, host, listing.id, 0, 1)


def test_a_block_of_one_listing_cannot_be_removed_through_another() -> None:
    world = World()
    host = world.user("host")
    mine, other = world.listing(host), world.listing(host)
    block_id = block(world, host, mine.id, 1, 1)
    with pytest.raises(BlockNotFound, match=exact("No block id-4 on listing id-3.")):
        world.handle(c.UnblockDates(actor=host, listing_id=other.id, block_id=block_id))


def test_a_listing_keeps_its_fields_after_an_invalid_update() -> None:
    world = World()
    host = world.user("host")
    listing: Listing = world.listing(host, min_nights=2)
    with pytest.raises(
        InvalidInput, match=exact("max_nights: must be at least min_nights.")
    ) as raised:
        world.handle(c.UpdateListing(actor=host, listing_id=listing.id, max_nights=1))
    assert "max_nights" in raised.value.errors
    assert world.app.reads.listing(listing.id).max_nights == 365


def test_one_line_fields_refuse_control_characters_and_texts_keep_line_breaks() -> None:
    world = World()
    host = world.user("host")
    fields = {
        "title": "Loft\r\nBcc: someone@example.com", "city": "Lis\x00bon", "country": "PT",
        "price_per_night": 100, "max_guests": 1, "description": "Two rooms.\nA view.",
    }  # fmt: skip
    with pytest.raises(
        InvalidInput,
        match=exact(
            "title: must not contain line breaks, tabs or other control characters.; city: must "
            "not contain line breaks, tabs or other control characters."
        ),
    ) as raised:
        world.handle(c.CreateListing(actor=host, **fields))
    assert set(raised.value.errors) == {"title", "city"}
    fields |= {"title": "Loft", "city": "Lisbon"}
    assert world.handle(c.CreateListing(actor=host, **fields)).description == (
        "Two rooms.\nA view."
    )
    with pytest.raises(
        InvalidInput, match=exact("description: must not contain other control characters.")
    ) as raised:
        world.handle(c.CreateListing(actor=host, **fields | {"description": "a\x07b"}))
    assert set(raised.value.errors) == {"description"}
