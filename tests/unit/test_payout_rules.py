"""Paying hosts through the payout gateway: what is sent, once, and what each refusal says."""

from __future__ import annotations

import pytest

from rental.application import commands as c
from rental.domain.errors import TransitionNotAllowed
from rental.domain.money import Money
from tests.matchers import exact
from tests.unit.builders import World, confirmed_stay


def test_a_due_payout_sends_the_hosts_balance_once_under_its_own_key() -> None:
    world = World()
    host, _, booking = confirmed_stay(world, start=10)
    (payout,) = world.app.payouts(host)
    world.clock.set(payout.due_at)
    assert world.handle(c.PayHost(booking_id=booking.id)) == "paid"
    gateway = world.app.dependencies.payouts
    assert gateway.paid == {  # type: ignore[union-attr]
        f"payout-{payout.id}": (host.user_id, Money(payout.amount, booking.currency))
    }


def test_a_payout_is_refused_before_it_is_due_and_for_a_booking_without_one() -> None:
    world = World()
    _, _, booking = confirmed_stay(world)
    with pytest.raises(TransitionNotAllowed, match=exact("A scheduled payout cannot be paid now.")):
        world.handle(c.PayHost(booking_id=booking.id))
    guest = world.user("guest")
    unpaid = world.book(guest, world.listing(world.user("host")))
    with pytest.raises(TransitionNotAllowed, match=exact(f"Booking {unpaid.id} has no payout.")):
        world.handle(c.PayHost(booking_id=unpaid.id))


def test_a_payout_with_nothing_left_to_pay_is_cancelled_at_zero() -> None:
    world = World()
    host, _, booking = confirmed_stay(world, start=10)
    world.handle(c.CancelBooking(actor=host, booking_id=booking.id))
    (payout,) = world.app.payouts(host)
    world.clock.set(payout.due_at)
    assert world.handle(c.PayHost(booking_id=booking.id)) == "cancelled"
    (cancelled,) = world.app.payouts(host)
    assert (cancelled.status, cancelled.amount, cancelled.paid_at) == (
        "cancelled", 0, payout.due_at,
    )  # fmt: skip
    assert world.app.dependencies.payouts.paid == {}  # type: ignore[union-attr]
