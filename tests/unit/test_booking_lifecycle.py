"""A booking's life cycle: confirm, decline, expiry after 30 minutes or 24 hours, completion."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from rental.application import commands as c
from rental.domain.errors import DatesUnavailable, PermissionDenied, TransitionNotAllowed
from tests.matchers import exact
from tests.unit.builders import World


def request_to_book(world: World) -> tuple[c.Actor, c.Actor, str, str]:
    """Host, guest, the listing's id and a pending, unpaid booking's id (request to book)."""
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(host, instant_book=False)
    return host, guest, listing.id, world.book(guest, listing).id


def test_an_unpaid_booking_expires_30_minutes_after_creation_without_any_job() -> None:
    world = World()
    _, guest, listing_id, booking_id = request_to_book(world)
    other = world.user("guest")
    listing = world.app.reads.listing(listing_id)
    world.clock.advance(minutes=29, seconds=59)
    assert world.status(guest, booking_id) == "pending"
    with pytest.raises(
        DatesUnavailable,
        match=exact("Some nights from 2030-01-11 to 2030-01-13 are already booked or blocked."),
    ):
        world.book(other, listing)
    world.clock.advance(seconds=1)
    assert world.status(guest, booking_id) == "expired"
    assert world.app.reads.availability(listing_id, world.day(0), world.day(30)) == []
    with pytest.raises(TransitionNotAllowed, match=exact("A expired booking cannot be paid.")):
        world.pay(guest, world.booking(guest, booking_id))
    assert world.book(other, listing).check_in == world.day(10)  # the overdue one never blocks
    assert world.booking(guest, booking_id).status == "expired"  # marked on the way


def test_a_paid_request_waits_24_hours_for_its_host_then_expires_and_is_voided() -> None:
    world = World()
    _, guest, _, booking_id = request_to_book(world)
    world.clock.advance(minutes=20)
    payment = world.pay(guest, world.booking(guest, booking_id))
    assert payment.status == "authorized"
    world.clock.advance(hours=23, minutes=59)
    assert world.status(guest, booking_id) == "pending"
    assert world.app.expire_bookings() == {"expired": 0, "completed": 0}
    world.clock.advance(minutes=1)
    assert world.status(guest, booking_id) == "expired"
    assert world.app.expire_bookings() == {"expired": 1, "completed": 0}
    assert world.booking(guest, booking_id).status == "expired"
    [voided] = world.payments(guest, booking_id)
    assert voided.status == "voided"
    assert voided.gateway_reference in world.gateway.voided


def test_an_overdue_paid_request_booked_over_is_voided_on_the_way() -> None:
    world = World()
    _, guest, listing_id, booking_id = request_to_book(world)
    world.pay(guest, world.booking(guest, booking_id))
    world.clock.advance(hours=24)
    world.book(world.user("guest"), world.app.reads.listing(listing_id))
    assert world.payments(guest, booking_id)[0].status == "voided"


def test_confirm_captures_and_decline_voids_a_paid_request() -> None:
    world = World()
    host, guest, listing_id, first = request_to_book(world)
    listing = world.app.reads.listing(listing_id)
    second = world.book(guest, listing, start=20).id
    for booking_id in (first, second):
        world.pay(guest, world.booking(guest, booking_id))
    with pytest.raises(PermissionDenied, match=exact("Only the listing's host may confirm it.")):
        world.handle(c.ConfirmBooking(actor=guest, booking_id=first))
    confirmed = world.handle(c.ConfirmBooking(actor=host, booking_id=first))
    declined = world.handle(c.DeclineBooking(actor=host, booking_id=second))
    assert (confirmed.status, declined.status) == ("confirmed", "declined")
    [captured], [voided] = world.payments(host, first), world.payments(host, second)
    assert (captured.status, voided.status) == ("captured", "voided")
    assert world.gateway.captured[captured.gateway_reference or ""].amount == confirmed.total
    assert voided.gateway_reference in world.gateway.voided
    with pytest.raises(
        TransitionNotAllowed, match=exact("A confirmed booking cannot be declined.")
    ):
        world.handle(c.DeclineBooking(actor=host, booking_id=first))
    with pytest.raises(
        TransitionNotAllowed, match=exact("A declined booking cannot be cancelled.")
    ):
        world.handle(c.CancelBooking(actor=guest, booking_id=second))
    # Declined nights are free at once.
    assert world.book(world.user("guest"), listing, start=20).check_in == world.day(20)


def test_an_unpaid_request_cannot_be_confirmed_or_declined() -> None:
    world = World()
    host, _, _, booking_id = request_to_book(world)
    for command in (c.ConfirmBooking, c.DeclineBooking):
        with pytest.raises(TransitionNotAllowed):
            world.handle(command(actor=host, booking_id=booking_id))


@pytest.mark.parametrize(("timezone", "status"), [
    ("Pacific/Auckland", "completed"),  # check-out day, 2 January, has come there
    ("America/Los_Angeles", "confirmed"),  # still 1 January there
])  # fmt: skip
def test_a_stay_completes_on_its_check_out_date_in_the_listing_time_zone(
    timezone: str, status: str
) -> None:
    world = World(datetime(2029, 12, 30, 12, 0, tzinfo=UTC))
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(host, timezone=timezone)
    booking = world.handle(c.RequestBooking(
        actor=guest, listing_id=listing.id, check_in=date(2029, 12, 31),
        check_out=date(2030, 1, 2), guests=1,
    ))  # fmt: skip
    world.pay(guest, booking)
    world.clock.set(datetime(2030, 1, 1, 12, 0, tzinfo=UTC))
    assert world.status(guest, booking.id) == status
    completed = int(status == "completed")
    assert world.app.expire_bookings() == {"expired": 0, "completed": completed}
    assert world.booking(guest, booking.id).status == status
    if completed:
        with pytest.raises(
            TransitionNotAllowed, match=exact("A completed booking cannot be cancelled.")
        ):
            world.handle(c.CancelBooking(actor=guest, booking_id=booking.id))
