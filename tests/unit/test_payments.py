"""Paying for a booking: instant book, request to book, declined cards, unknown tokens."""

from __future__ import annotations

import pytest

from rental.application import commands as c
from rental.domain.errors import (
    BookingNotFound,
    InvalidInput,
    PaymentAlreadyExists,
    PaymentDeclined,
    PermissionDenied,
    TransitionNotAllowed,
    UnknownPaymentToken,
)
from tests.matchers import exact
from tests.unit.builders import World


def pending(world: World, *, instant_book: bool) -> tuple[c.Actor, c.Actor, str]:
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(host, instant_book=instant_book, cleaning_fee=2500)
    return host, guest, world.book(guest, listing, nights=7).id


def test_instant_book_captures_the_total_at_once_and_confirms() -> None:
    world = World()
    _, guest, booking_id = pending(world, instant_book=True)
    payment = world.pay(guest, world.booking(guest, booking_id))
    booking = world.booking(guest, booking_id)
    assert (payment.status, booking.status) == ("captured", "confirmed")
    assert (payment.amount, payment.currency) == (booking.total, booking.currency)
    assert world.gateway.captured[payment.gateway_reference or ""].amount == booking.total


def test_request_to_book_only_authorizes_and_waits_for_the_host() -> None:
    world = World()
    _, guest, booking_id = pending(world, instant_book=False)
    payment = world.pay(guest, world.booking(guest, booking_id))
    assert (payment.status, world.status(guest, booking_id)) == ("authorized", "pending")
    assert world.gateway.authorized[payment.gateway_reference or ""].amount == payment.amount
    assert world.gateway.captured == {}


@pytest.mark.parametrize(("token", "reason"), [
    ("tok_chargeDeclined", "card_declined"),
    ("tok_chargeDeclinedInsufficientFunds", "insufficient_funds"),
])  # fmt: skip
def test_a_declined_card_records_a_failed_payment_and_raises(token: str, reason: str) -> None:
    world = World()
    _, guest, booking_id = pending(world, instant_book=True)
    with pytest.raises(PaymentDeclined) as raised:
        world.pay(guest, world.booking(guest, booking_id), token)
    assert raised.value.reason == reason
    [failed] = world.payments(guest, booking_id)
    assert (failed.id, failed.status, failed.failure_reason) == (
        raised.value.payment_id, "failed", reason,
    )  # fmt: skip
    assert world.status(guest, booking_id) == "pending"
    assert world.pay(guest, world.booking(guest, booking_id)).status == "captured"


def test_an_unknown_token_records_nothing() -> None:
    world = World()
    _, guest, booking_id = pending(world, instant_book=True)
    with pytest.raises(
        UnknownPaymentToken,
        match=exact(
            "payment_token: is not a sandbox token: use tok_visa, tok_chargeDeclined or "
            "tok_chargeDeclinedInsufficientFunds."
        ),
    ) as raised:
        world.pay(guest, world.booking(guest, booking_id), "tok_mastercard")
    assert "payment_token" in raised.value.errors
    assert world.payments(guest, booking_id) == []
    assert world.gateway.authorized == {}
    with pytest.raises(InvalidInput, match=exact("payment_method: must be 'card'.")) as invalid:
        world.handle(c.PayForBooking(
            actor=guest, booking_id=booking_id, payment_method="cash", payment_token="tok_visa"
        ))  # fmt: skip
    assert "payment_method" in invalid.value.errors


def test_a_second_payment_is_a_conflict() -> None:
    world = World()
    _, guest, request = pending(world, instant_book=False)
    world.pay(guest, world.booking(guest, request))
    with pytest.raises(
        PaymentAlreadyExists,
        match=exact("The booking already has an authorized or captured payment."),
    ):
        world.pay(guest, world.booking(guest, request))
    _, other, instant = pending(world, instant_book=True)
    world.pay(other, world.booking(other, instant))
    with pytest.raises(
        TransitionNotAllowed, match=exact("A confirmed booking cannot be paid.")
    ):  # confirmed: no longer pending
        world.pay(other, world.booking(other, instant))
    assert len(world.payments(guest, request)) == len(world.payments(other, instant)) == 1


def test_only_the_guest_pays_and_strangers_do_not_see_the_booking() -> None:
    world = World()
    host, guest, booking_id = pending(world, instant_book=True)
    booking = world.booking(guest, booking_id)
    with pytest.raises(PermissionDenied, match=exact("Only the booking's guest may pay for it.")):
        world.pay(host, booking)
    with pytest.raises(BookingNotFound, match=exact("No booking id-4.")):
        world.pay(world.user("guest"), booking)
    assert world.payments(guest, booking_id) == []
