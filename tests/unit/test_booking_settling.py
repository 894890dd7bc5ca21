"""Settling a booking (the expiry job): a hold never expires early, a stay never completes
before its check-out, and a booking with nothing due is left exactly as it was."""

from __future__ import annotations

import pytest

from rental.application import commands as c
from rental.domain.errors import TransitionNotAllowed
from rental.domain.events import (
    BookingCancelled,
    BookingCompleted,
    BookingConfirmed,
    BookingEvent,
    BookingExpired,
)
from tests.matchers import exact
from tests.unit.builders import World, confirmed_stay

EXPIRE_ONLY = "Only an overdue pending booking can expire."
COMPLETE_ONLY = "Only a confirmed stay whose check-out has come completes."


def settle(world: World, booking_id: str) -> str | None:
    done: str | None = world.handle(c.SettleBooking(booking_id=booking_id))
    return done


def unpaid_request(world: World) -> tuple[c.Actor, c.Actor, str]:
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(host, instant_book=False)
    return host, guest, world.book(guest, listing).id


def booking_events(world: World, booking_id: str) -> list[BookingEvent]:
    return [e for e in world.events_of(BookingEvent) if e.booking_id == booking_id]


def test_a_hold_cannot_expire_before_its_30_minutes_are_up() -> None:
    world = World()
    _, guest, booking_id = unpaid_request(world)
    world.clock.advance(minutes=29, seconds=59)
    with pytest.raises(TransitionNotAllowed, match=exact(EXPIRE_ONLY)):
        world.booking(guest, booking_id).expire(world.clock.now())
    assert settle(world, booking_id) is None
    assert world.booking(guest, booking_id).status == "pending"
    assert world.events_of(BookingExpired) == []


def test_a_confirmed_booking_never_expires_even_long_after_it_was_made() -> None:
    world = World()
    _, guest, booking = confirmed_stay(world, start=30, nights=2)
    world.clock.advance(days=3)
    with pytest.raises(TransitionNotAllowed, match=exact(EXPIRE_ONLY)):
        world.booking(guest, booking.id).expire(world.clock.now())
    assert settle(world, booking.id) is None
    assert world.booking(guest, booking.id).status == "confirmed"


def test_an_overdue_hold_expires_once_and_a_retried_job_does_nothing() -> None:
    world = World()
    _, guest, booking_id = unpaid_request(world)
    made = world.booking(guest, booking_id)
    world.clock.advance(minutes=30)
    assert settle(world, booking_id) == "expired"
    expired = world.booking(guest, booking_id)
    assert (expired.status, expired.updated_at) == ("expired", world.clock.now())
    assert expired.version > made.version
    assert settle(world, booking_id) is None
    assert [type(e) for e in booking_events(world, booking_id)][-1:] == [BookingExpired]
    assert len(world.events_of(BookingExpired)) == 1


def test_a_stay_cannot_complete_before_its_check_out_day() -> None:
    world = World()
    _, guest, booking = confirmed_stay(world, start=1, nights=2)
    world.clock.advance(days=2)  # the last night: check-out is tomorrow
    with pytest.raises(TransitionNotAllowed, match=exact(COMPLETE_ONLY)):
        world.booking(guest, booking.id).complete(world.clock.now())
    assert settle(world, booking.id) is None
    assert world.booking(guest, booking.id).status == "confirmed"
    assert world.events_of(BookingCompleted) == []


def test_a_pending_stay_never_completes_even_after_its_dates() -> None:
    world = World()
    _, guest, booking_id = unpaid_request(world)
    world.clock.advance(days=40)
    with pytest.raises(TransitionNotAllowed, match=exact(COMPLETE_ONLY)):
        world.booking(guest, booking_id).complete(world.clock.now())
    assert settle(world, booking_id) == "expired"


def test_a_stay_completes_on_its_check_out_day_once_and_a_retried_job_does_nothing() -> None:
    world = World()
    _, guest, booking = confirmed_stay(world, start=1, nights=2)
    world.clock.advance(days=3)
    assert settle(world, booking.id) == "completed"
    completed = world.booking(guest, booking.id)
    assert (completed.status, completed.updated_at) == ("completed", world.clock.now())
    world.clock.advance(days=1)
    assert settle(world, booking.id) is None
    assert world.booking(guest, booking.id).updated_at == completed.updated_at
    assert len(world.events_of(BookingCompleted)) == 1


def test_a_host_confirmation_stamps_the_booking_and_announces_it() -> None:
    world = World()
    host, guest, booking_id = unpaid_request(world)
    world.pay(guest, world.booking(guest, booking_id))
    world.clock.advance(hours=2)
    confirmed = world.handle(c.ConfirmBooking(actor=host, booking_id=booking_id))
    assert (confirmed.status, confirmed.updated_at) == ("confirmed", world.clock.now())
    [event] = world.events_of(BookingConfirmed)
    assert (event.booking_id, event.guest_id, event.host_id) == (
        booking_id, guest.user_id, host.user_id,
    )  # fmt: skip
    assert event.occurred_at == world.clock.now()


@pytest.mark.parametrize("who", ["guest", "host"])
def test_a_cancellation_announces_who_cancelled_and_what_is_refunded(who: str) -> None:
    world = World()
    host, guest, booking = confirmed_stay(
        world, start=10, nights=3, cleaning_fee=1_111, cancellation_policy="strict", currency="EUR"
    )
    world.clock.advance(hours=1)
    world.handle(c.CancelBooking(actor=guest if who == "guest" else host, booking_id=booking.id))
    # Strict, 9 days before check-in: the guest gets half of the total back, rounded half up;
    # a host's cancellation gives everything back.
    refund = (booking.total + 1) // 2 if who == "guest" else booking.total
    [event] = world.events_of(BookingCancelled)
    assert (event.cancelled_by, event.refund_amount, event.currency) == (who, refund, "EUR")
    assert (event.booking_id, event.listing_id, event.guest_id, event.host_id) == (
        booking.id, booking.listing_id, guest.user_id, host.user_id,
    )  # fmt: skip
    assert event.occurred_at == world.clock.now()
    cancelled = world.booking(guest, booking.id)
    assert (cancelled.cancelled_by, cancelled.refund_amount) == (who, refund)
    assert (cancelled.status, cancelled.updated_at) == ("cancelled", world.clock.now())


def test_the_pending_hold_starts_its_24_hours_when_the_payment_is_authorized() -> None:
    world = World()
    _, guest, booking_id = unpaid_request(world)
    world.clock.advance(minutes=29)
    world.pay(guest, world.booking(guest, booking_id))
    paid = world.booking(guest, booking_id)
    assert paid.payment_authorized_at == world.clock.now() == paid.updated_at
    world.clock.advance(hours=24, seconds=-1)
    assert settle(world, booking_id) is None
    world.clock.advance(seconds=1)
    assert settle(world, booking_id) == "expired"
