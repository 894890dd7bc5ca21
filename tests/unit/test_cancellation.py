"""Cancelling: refunds per policy and who cancels, voided authorizations, freed nights."""

from __future__ import annotations

from datetime import date

import pytest

from rental.adapters.memory import MemoryUnitOfWork
from rental.application import commands as c
from rental.domain.errors import ConcurrentUpdate, TransitionNotAllowed
from rental.domain.money import percent_of
from tests.matchers import exact
from tests.unit.builders import BOUNDARY_DAYS, World, confirmed_stay
from tests.unit.builders import REFUND_PERCENT as EXPECTED


@pytest.mark.parametrize("policy", sorted(EXPECTED))
@pytest.mark.parametrize("days", BOUNDARY_DAYS)
def test_guest_cancelling_a_confirmed_booking_is_refunded_per_policy(
    policy: str, days: int
) -> None:
    world = World()
    _, guest, booking = confirmed_stay(world, start=days, cancellation_policy=policy)
    cancelled = world.handle(c.CancelBooking(actor=guest, booking_id=booking.id))
    expected = percent_of(booking.total, EXPECTED[policy][days])
    assert (cancelled.status, cancelled.cancelled_by) == ("cancelled", "guest")
    assert cancelled.refund_amount == expected
    [payment] = world.payments(guest, booking.id)
    assert payment.refunded_amount == expected
    assert world.gateway.refunded.get(payment.gateway_reference or "", 0) == expected


def test_half_refunds_are_rounded_half_up() -> None:
    world = World()
    # One night at 1001: fee 100.1 → 100, total 1101; half of it is 550.5 → 551.
    _, guest, booking = confirmed_stay(
        world, start=3, nights=1, price_per_night=1001, cancellation_policy="moderate"
    )
    assert booking.total == 1101
    cancelled = world.handle(c.CancelBooking(actor=guest, booking_id=booking.id))
    assert cancelled.refund_amount == 551
    assert world.payments(guest, booking.id)[0].status == "partially_refunded"


def test_host_cancelling_refunds_everything_even_on_the_day() -> None:
    world = World()
    host, guest, booking = confirmed_stay(world, start=0, cancellation_policy="strict")
    cancelled = world.handle(c.CancelBooking(actor=host, booking_id=booking.id))
    assert (cancelled.cancelled_by, cancelled.refund_amount) == ("host", booking.total)
    [payment] = world.payments(guest, booking.id)
    assert (payment.status, payment.refunded_amount) == ("refunded", booking.total)


@pytest.mark.parametrize(("timezone", "refund_percent"), [
    ("Pacific/Auckland", 50),  # already 2 January there: 4 days before check-in
    ("America/Los_Angeles", 100),  # still 1 January there: 5 days before
])  # fmt: skip
def test_days_before_check_in_count_in_the_listing_time_zone(
    timezone: str, refund_percent: int
) -> None:
    world = World()  # 2030-01-01 12:00 UTC
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(host, timezone=timezone, cancellation_policy="moderate")
    booking = world.handle(c.RequestBooking(
        actor=guest, listing_id=listing.id, check_in=date(2030, 1, 6),
        check_out=date(2030, 1, 8), guests=1,
    ))  # fmt: skip
    world.pay(guest, booking)
    cancelled = world.handle(c.CancelBooking(actor=guest, booking_id=booking.id))
    assert cancelled.refund_amount == percent_of(booking.total, refund_percent)


def test_cancelling_a_paid_request_voids_the_authorization_and_refunds_nothing() -> None:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(host, instant_book=False)
    booking = world.book(guest, listing)
    payment = world.pay(guest, booking)
    assert payment.status == "authorized"
    cancelled = world.handle(c.CancelBooking(actor=guest, booking_id=booking.id))
    assert (cancelled.status, cancelled.refund_amount) == ("cancelled", 0)
    [voided] = world.payments(guest, booking.id)
    assert voided.status == "voided" and voided.refunded_amount == 0
    assert voided.gateway_reference in world.gateway.voided
    assert world.gateway.captured == {}


def test_cancelling_an_unpaid_booking_refunds_nothing() -> None:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    booking = world.book(guest, world.listing(host))
    cancelled = world.handle(c.CancelBooking(actor=host, booking_id=booking.id))
    assert (cancelled.status, cancelled.cancelled_by, cancelled.refund_amount) == (
        "cancelled", "host", 0,
    )  # fmt: skip


def test_a_booking_cannot_be_cancelled_twice_and_its_nights_are_free_again() -> None:
    world = World()
    host, guest, booking = confirmed_stay(world)
    world.handle(c.CancelBooking(actor=guest, booking_id=booking.id))
    with pytest.raises(
        TransitionNotAllowed, match=exact("A cancelled booking cannot be cancelled.")
    ):
        world.handle(c.CancelBooking(actor=host, booking_id=booking.id))
    other = world.user("guest")
    listing = world.app.reads.listing(booking.listing_id)
    again = world.book(other, listing, start=10, nights=2)
    assert (again.check_in, again.check_out) == (booking.check_in, booking.check_out)


def test_a_cancel_retried_after_its_commit_lost_a_race_refunds_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    world = World()
    _, guest, booking = confirmed_stay(world, start=30)
    commit = MemoryUnitOfWork._commit
    lost = []

    def lose_the_first_race(self: MemoryUnitOfWork) -> None:
        if not lost:
            lost.append(True)
            raise ConcurrentUpdate("someone else committed first (test)")
        commit(self)

    monkeypatch.setattr(MemoryUnitOfWork, "_commit", lose_the_first_race)
    cancelled = world.handle(c.CancelBooking(actor=guest, booking_id=booking.id))

    assert lost and cancelled.refund_amount == booking.total  # the bus tried again, and won
    [payment] = world.payments(guest, booking.id)
    assert payment.refunded_amount == booking.total
    assert world.gateway.refunded[payment.gateway_reference or ""] == booking.total
