"""A booking costs two round trips to PostgreSQL: ``BEGIN``, the listing's lock and the
calendar's reads in one, the booking's and its event's rows with the ``COMMIT`` in the other.
Counted from libpq's own trace of the protocol: the client waits for the server's
``ReadyForQuery`` once per round trip, whatever it sent before."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from psycopg.pq import Trace
from sqlalchemy import event
from sqlalchemy.pool import Pool

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.application import commands as c
from rental.composition import Rental, bootstrap
from tests.fakes import FakeClock
from tests.integration.booking_race import Unpublished

pytestmark = pytest.mark.postgres


@pytest.fixture
def rental(postgres_url: str) -> Iterator[Rental]:
    rental = bootstrap(
        database_url=postgres_url, clock=FakeClock(), password_hasher=Argon2Hasher(fast=True),
        event_publisher=Unpublished(),
    )  # fmt: skip
    yield rental
    rental.close()


def round_trips(trace: str) -> int:
    """The server's ``ReadyForQuery`` messages in a libpq trace: one ends each round trip."""
    return sum(
        1 for line in trace.splitlines() if line.startswith("B\t") and "\tReadyForQuery" in line
    )


def test_round_trips_are_counted_as_the_protocol_has_them() -> None:
    one = "F\t9\tQuery\t SELECT 1\nB\t5\tCommandComplete\nB\t5\tReadyForQuery\t I\n"
    assert round_trips(one) == 1
    assert round_trips(one + one) == 2
    assert round_trips("F\t4\tSync\n") == 0


def test_a_booking_makes_two_round_trips(rental: Rental) -> None:
    host = rental.handle(
        c.RegisterUser(username="hana", email="h@example.com", password="pw-secret-1", role="host")
    )
    guest = rental.handle(
        c.RegisterUser(username="gus", email="g@example.com", password="pw-secret-1")
    )
    listing = rental.handle(
        c.CreateListing(actor=c.Actor(host.id, "host"), title="Loft", city="Lisbon",
                        country="PT", price_per_night=100, max_guests=2)
    )  # fmt: skip
    booking = c.RequestBooking(
        actor=c.Actor(guest.id, "guest"), listing_id=listing.id, check_in=date(2030, 2, 3),
        check_out=date(2030, 2, 6), guests=1,
    )  # fmt: skip
    with tempfile.TemporaryFile("w+") as trace:

        def traced(dbapi_connection: Any, *_: Any) -> None:
            dbapi_connection.pgconn.trace(trace.fileno())
            dbapi_connection.pgconn.set_trace_flags(Trace.SUPPRESS_TIMESTAMPS)

        def untraced(dbapi_connection: Any, *_: Any) -> None:
            dbapi_connection.pgconn.untrace()

        event.listen(Pool, "checkout", traced)
        event.listen(Pool, "checkin", untraced)
        try:
            rental.handle(booking)
        finally:
            event.remove(Pool, "checkout", traced)
            event.remove(Pool, "checkin", untraced)
        trace.seek(0)
        trace_text = trace.read()
        counted = round_trips(trace_text)
    # The guest's row lock, the hold limits' read of their recent bookings and the verified
    # flag ride in the calendar's string of statements (``lock_for_guest``): nothing before it.
    assert counted == 2
