"""A calendar change racing a booking of the same nights: the booking is priced wholly before
or wholly after the change, never a mix (both go through the listing's one lock)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from typing import Any

import pytest

from rental.adapters.sqlalchemy import SqlUnitOfWork, make_engine, make_session_factory
from rental.application.commands import Actor, RequestBooking, UpdateCalendar
from rental.composition import Rental, bootstrap
from rental.domain.accounts.users import Role
from rental.domain.bookings.booking import Booking
from tests.contracts.builders import a_listing, a_user, save
from tests.integration.booking_race import Unpublished
from tests.unit.builders import ROOMY

ROUNDS = 20
FIRST = date.today() + timedelta(days=30)


@pytest.fixture
def app(postgres_url: str) -> Iterator[Rental]:
    # Twenty rounds of one guest's bookings: the per-guest hold limits have tests of their own.
    app = bootstrap(database_url=postgres_url, event_publisher=Unpublished(), limits=ROOMY)
    yield app
    app.close()


def _at_once(app: Rental, start: threading.Barrier) -> Any:
    def run(command: Any) -> Any:
        start.wait(timeout=30)
        return app.handle(command)

    return run


@pytest.mark.postgres
def test_a_booking_racing_a_price_change_sees_all_of_it_or_none(
    app: Rental, postgres_url: str
) -> None:
    engine = make_engine(postgres_url)
    host, guest = a_user(Role.HOST), a_user()
    listing = a_listing(host, max_nights=30, price_per_night=10_000)
    save(lambda: SqlUnitOfWork(make_session_factory(engine)), host, guest, listing)
    engine.dispose()
    seen: list[list[int]] = []
    for round_ in range(ROUNDS):
        check_in = FIRST + timedelta(days=3 * round_)
        nights = [check_in, check_in + timedelta(days=1)]
        # Two ranges, two prices: a reader between the two rows would see a mix.
        change = UpdateCalendar(
            actor=Actor(user_id=host.id, role="host"), listing_id=listing.id,
            ranges=tuple({"start": n, "end": n + timedelta(days=1), "price": 20_000 + i}
                         for i, n in enumerate(nights)),
        )  # fmt: skip
        booking = RequestBooking(
            actor=Actor(user_id=guest.id, role="guest"), listing_id=listing.id,
            check_in=check_in, check_out=check_in + timedelta(days=2), guests=1,
        )  # fmt: skip
        start = threading.Barrier(2)
        with ThreadPoolExecutor(max_workers=2) as pool:
            booked, _ = pool.map(_at_once(app, start), [booking, change])
        assert isinstance(booked, Booking)
        seen.append([line.price for line in booked.price.nightly])
    assert all(prices in ([10_000, 10_000], [20_000, 20_001]) for prices in seen), seen
