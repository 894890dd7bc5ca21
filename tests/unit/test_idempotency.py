"""Idempotency keys on payments: a replay answers the stored outcome, another body conflicts."""

from __future__ import annotations

import pytest

from rental.domain.errors import IdempotencyKeyReused, PaymentDeclined, UnknownPaymentToken
from tests.matchers import exact
from tests.unit.builders import World


def test_the_same_key_and_body_replays_the_payment_without_charging_again() -> None:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    booking = world.book(guest, world.listing(host, instant_book=False))
    first = world.pay(guest, booking, key="k-1")
    again = world.pay(guest, booking, key="k-1")
    assert (again.id, again.status, again.amount) == (first.id, first.status, first.amount)
    assert len(world.payments(guest, booking.id)) == 1
    assert len(world.gateway.authorized) == 1


def test_the_same_key_with_another_body_is_a_conflict() -> None:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    booking = world.book(guest, world.listing(host, instant_book=False))
    with pytest.raises(
        PaymentDeclined, match=exact("The payment method was declined: card_declined.")
    ):
        world.pay(guest, booking, "tok_chargeDeclined", key="k-1")
    with pytest.raises(
        IdempotencyKeyReused,
        match=exact("This Idempotency-Key was already used with another body."),
    ):
        world.pay(guest, booking, "tok_visa", key="k-1")
    assert world.pay(guest, booking, "tok_visa", key="k-2").status == "authorized"


def test_a_declined_payment_replays_as_declined_once_recorded() -> None:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    booking = world.book(guest, world.listing(host))
    with pytest.raises(
        PaymentDeclined, match=exact("The payment method was declined: card_declined.")
    ) as first:
        world.pay(guest, booking, "tok_chargeDeclined", key="k-1")
    with pytest.raises(
        PaymentDeclined, match=exact("The payment method was declined: card_declined.")
    ) as again:
        world.pay(guest, booking, "tok_chargeDeclined", key="k-1")
    assert again.value.payment_id == first.value.payment_id
    assert again.value.reason == "card_declined"
    assert [p.status for p in world.payments(guest, booking.id)] == ["failed"]


def test_keys_are_scoped_to_the_user() -> None:
    world = World()
    host, guest, other = world.user("host"), world.user("guest"), world.user("guest")
    listing = world.listing(host)
    mine, theirs = world.book(guest, listing, start=1), world.book(other, listing, start=5)
    first, second = world.pay(guest, mine, key="same"), world.pay(other, theirs, key="same")
    assert first.id != second.id
    assert (first.booking_id, second.booking_id) == (mine.id, theirs.id)


def test_an_unknown_token_keeps_no_record_so_the_key_can_be_used_again() -> None:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    booking = world.book(guest, world.listing(host))
    with pytest.raises(
        UnknownPaymentToken,
        match=exact(
            "payment_token: is not a sandbox token: use tok_visa, tok_chargeDeclined or "
            "tok_chargeDeclinedInsufficientFunds."
        ),
    ):
        world.pay(guest, booking, "tok_unknown", key="k-1")
    assert world.pay(guest, booking, "tok_visa", key="k-1").status == "captured"


def test_the_same_key_and_body_on_another_booking_says_the_path_differs() -> None:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(host, instant_book=False)
    first, second = world.book(guest, listing, start=1), world.book(guest, listing, start=5)
    world.pay(guest, first, "tok_visa", key="k-1")
    with pytest.raises(
        IdempotencyKeyReused,
        match=exact(
            "This Idempotency-Key was already used with the same body on another path (another "
            "booking); use a new key for each request."
        ),
    ) as reused:
        world.pay(guest, second, "tok_visa", key="k-1")
    assert "another path" in reused.value.detail
    assert "another body" not in reused.value.detail
