"""POST /bookings with an Idempotency-Key: a client retrying after its connection dropped gets
the booking it made, never a second one; the key with another body is refused."""

from __future__ import annotations

import pytest

from rental.application import commands as c
from rental.application.repositories import IdempotencyRecord
from rental.domain.errors import DatesUnavailable, IdempotencyKeyReused
from rental.domain.listings.listing import Listing
from tests.matchers import exact
from tests.unit.builders import World


def request(world: World, guest: c.Actor, listing: Listing, key: str | None, **changed: object):  # type: ignore[no-untyped-def]
    fields: dict[str, object] = dict(
        actor=guest, listing_id=listing.id, check_in=world.day(10), check_out=world.day(12),
        guests=1, idempotency_key=key,
    )  # fmt: skip
    return world.handle(c.RequestBooking(**{**fields, **changed}))  # type: ignore[arg-type]


def test_the_same_request_with_its_key_gives_back_the_booking_it_made() -> None:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(host)
    first = request(world, guest, listing, "k-1")
    world.clock.advance(minutes=1)
    again = request(world, guest, listing, "k-1")
    assert again.id == first.id
    with world.app.dependencies.uow_factory() as uow:
        record = uow.idempotency.get(guest.user_id, "POST /bookings", "k-1")
    assert isinstance(record, IdempotencyRecord)
    assert (record.outcome, record.resource_id, record.response, record.created_at) == (
        "created", first.id, {}, first.created_at,
    )  # fmt: skip
    assert (record.user_id, record.scope, record.key) == (guest.user_id, "POST /bookings", "k-1")
    assert len(record.fingerprint) == 64


@pytest.mark.parametrize(
    "changed",
    [dict(guests=2), dict(check_out=None), dict(listing_id=None), dict(check_in=None)],
    ids=["guests", "check-out", "listing", "check-in"],
)
def test_the_key_with_another_body_is_refused(changed: dict[str, object]) -> None:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    listing, other = world.listing(host), world.listing(host)
    request(world, guest, listing, "k-1")
    values = {
        "guests": 2, "check_out": world.day(13), "listing_id": other.id, "check_in": world.day(9),
    }  # fmt: skip
    name = next(iter(changed))
    with pytest.raises(
        IdempotencyKeyReused,
        match=exact("This Idempotency-Key was already used with another body."),
    ):
        request(world, guest, listing, "k-1", **{name: values[name]})


def test_a_key_is_the_callers_own_and_no_key_makes_a_new_booking_each_time() -> None:
    world = World()
    host = world.user("host")
    listing = world.listing(host)
    ana, bob = world.user("guest"), world.user("guest")
    first = request(world, ana, listing, "same-key")
    with pytest.raises(
        DatesUnavailable,
        match=exact("Some nights from 2030-01-11 to 2030-01-13 are already booked or blocked."),
    ):
        request(world, bob, listing, "same-key")  # Bob's key is his own: a new request
    plain = request(world, ana, listing, None, check_in=world.day(20), check_out=world.day(21))
    other = request(world, ana, listing, None, check_in=world.day(22), check_out=world.day(23))
    assert len({first.id, plain.id, other.id}) == 3
    with world.app.dependencies.uow_factory() as uow:
        assert uow.idempotency.get(bob.user_id, "POST /bookings", "same-key") is None
