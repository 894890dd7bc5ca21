"""Authorization in the application: others' bookings and payments are not found."""

from __future__ import annotations

import pytest

from rental.application import commands as c
from rental.application.queries import PageRequest
from rental.domain.errors import BookingNotFound, PaymentNotFound, PermissionDenied
from tests.matchers import exact
from tests.unit.builders import World, confirmed_stay


def test_a_stranger_sees_neither_a_booking_nor_its_payments() -> None:
    world = World()
    host, guest, booking = confirmed_stay(world)
    stranger, admin = world.user("guest"), world.user("admin")
    [payment] = world.payments(guest, booking.id)
    reads = world.app.reads
    for read in (
        lambda: reads.booking(stranger, booking.id),
        lambda: reads.booking_payments(stranger, booking.id),
        lambda: reads.review_of_booking(stranger, booking.id),
    ):
        with pytest.raises(BookingNotFound, match=exact("No booking id-4.")):
            read()
    with pytest.raises(PaymentNotFound, match=exact("No payment id-5.")):
        reads.payment(stranger, payment.id)
    for actor in (guest, host, admin):
        assert reads.booking(actor, booking.id).id == booking.id
        assert reads.payment(actor, payment.id).id == payment.id


@pytest.mark.parametrize("command", [c.ConfirmBooking, c.DeclineBooking, c.CancelBooking])
def test_a_stranger_acting_on_a_booking_is_told_it_does_not_exist(command: type) -> None:
    world = World()
    _, guest, booking = confirmed_stay(world)
    with pytest.raises(BookingNotFound, match=exact("No booking id-4.")):
        world.handle(command(actor=world.user("host"), booking_id=booking.id))
    assert world.status(guest, booking.id) == "confirmed"


def test_a_host_cannot_book_their_own_listing() -> None:
    world = World()
    host = world.user("host")
    listing = world.listing(host)
    with pytest.raises(PermissionDenied, match=exact("Hosts cannot book their own listing.")):
        world.book(host, listing)
    assert world.book(world.user("host"), listing).status == "pending"


def test_trips_and_host_bookings_list_only_the_callers_own() -> None:
    world = World()
    host, guest, booking = confirmed_stay(world)
    other = world.user("guest")
    world.book(other, world.app.reads.listing(booking.listing_id), start=20)
    page = PageRequest()
    assert [b.id for b in world.app.reads.trips(guest, page).items] == [booking.id]
    assert world.app.reads.host_bookings(host, page).total == 2
    assert world.app.reads.host_bookings(guest, page).total == 0
