"""A payment whose saving fails after the gateway moved money gives the money back, and a
replayed payment is the one first recorded, field for field."""

from __future__ import annotations

import attrs
import pytest

from rental.adapters.memory import MemoryUnitOfWork
from rental.domain.money import Money
from tests.matchers import exact
from tests.unit.builders import World


class StoreDown(RuntimeError):
    """The database failed for good while saving the payment (test)."""


def failing_commit(monkeypatch: pytest.MonkeyPatch, world: World) -> None:
    """From now on every commit fails, so nothing of the payment is saved."""

    def fail(self: MemoryUnitOfWork) -> None:
        raise StoreDown("the database is down (test)")

    monkeypatch.setattr(MemoryUnitOfWork, "_commit", fail)


def test_an_instant_charge_that_cannot_be_saved_is_refunded_in_full(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    booking = world.book(guest, world.listing(host, instant_book=True))
    failing_commit(monkeypatch, world)
    with pytest.raises(StoreDown, match=exact("the database is down (test)")):
        world.pay(guest, booking)
    [reference] = world.gateway.authorized
    assert world.gateway.captured[reference] == Money(booking.total, booking.currency)
    assert world.gateway.refunded == {reference: booking.total}
    assert world.gateway.voided == set()
    monkeypatch.undo()
    assert world.payments(guest, booking.id) == []
    assert world.status(guest, booking.id) == "pending"


def test_an_authorization_that_cannot_be_saved_is_voided(monkeypatch: pytest.MonkeyPatch) -> None:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    booking = world.book(guest, world.listing(host, instant_book=False))
    failing_commit(monkeypatch, world)
    with pytest.raises(StoreDown, match=exact("the database is down (test)")):
        world.pay(guest, booking)
    [reference] = world.gateway.authorized
    assert world.gateway.voided == {reference}
    assert (world.gateway.captured, world.gateway.refunded) == ({}, {})


@pytest.mark.parametrize("instant_book", [True, False])
def test_a_replayed_payment_is_the_recorded_one_field_for_field(instant_book: bool) -> None:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    booking = world.book(guest, world.listing(host, instant_book=instant_book))
    first = world.pay(guest, booking, key="k-1")
    world.clock.advance(minutes=5)
    again = world.pay(guest, booking, key="k-1")
    assert attrs.asdict(again) == attrs.asdict(first)
    assert again.created_at.tzinfo is not None and again.created_at == first.created_at
    assert again.updated_at == first.updated_at


def test_when_giving_back_fails_too_the_first_failure_is_raised_and_the_payment_logged(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    booking = world.book(guest, world.listing(host, instant_book=True))
    failing_commit(monkeypatch, world)

    def provider_down(*args: object, **kwargs: object) -> None:
        raise ConnectionError("the provider is down (test)")

    monkeypatch.setattr(world.gateway, "refund", provider_down)
    with (
        caplog.at_level("ERROR", "rental.application.handlers.payments"),
        pytest.raises(StoreDown, match=exact("the database is down (test)")),
    ):
        world.pay(guest, booking)
    (record,) = [r for r in caplog.records if r.name == "rental.application.handlers.payments"]
    assert record.getMessage() == "could not give back payment id-5; reconciliation will"
    assert record.exc_info is not None and record.exc_info[0] is ConnectionError


def test_an_undo_refund_is_sent_once_under_the_payments_own_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    booking = world.book(guest, world.listing(host, instant_book=True))
    failing_commit(monkeypatch, world)
    keys: list[str] = []
    refund = world.gateway.refund

    def recording(reference: str, amount: Money, idempotency_key: str) -> None:
        keys.append(idempotency_key)
        refund(reference, amount, idempotency_key)

    monkeypatch.setattr(world.gateway, "refund", recording)
    with pytest.raises(StoreDown):
        world.pay(guest, booking)
    assert keys == ["undo-id-5"]
