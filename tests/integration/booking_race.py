"""Helpers of the concurrency tests: the same booking attempted by many threads or processes.

Kept out of the test module so that spawned processes import it by a plain name.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rental.application.commands import Actor, RequestBooking
from rental.domain.errors import DatesUnavailable


class Unpublished:
    """An event publisher that drops events: these tests race bookings, not email delivery
    (whose in-process consumers would compete for the same connection pool)."""

    def publish(self, events: Any) -> None:
        pass


def attempt(app: Any, guest_id: str, listing_id: str, check_in: date, check_out: date) -> str:
    """Request the booking; say how it ended: ``booked``, ``DatesUnavailable`` or the error."""
    command = RequestBooking(
        actor=Actor(user_id=guest_id, role="guest"), listing_id=listing_id,
        check_in=check_in, check_out=check_out, guests=2,
    )  # fmt: skip
    try:
        app.handle(command)
    except DatesUnavailable:
        return "DatesUnavailable"
    except Exception as error:  # reported to the test, which fails on it
        return repr(error)
    return "booked"


def attempt_in_process(
    database_url: str,
    guest_id: str,
    listing_id: str,
    check_in: date,
    check_out: date,
    start: Any,
    results: Any,
) -> None:
    """The body of a spawned process: its own bootstrap, then the attempt at the signal."""
    from rental.composition import bootstrap

    app = bootstrap(database_url=database_url, event_publisher=Unpublished())
    try:
        start.wait(timeout=60)
        results.put(attempt(app, guest_id, listing_id, check_in, check_out))
    finally:
        app.close()
