"""The worker's scheduled expiry: unpaid requests after 30 minutes, unanswered paid ones after
24 hours (their authorization voided), driven by the test clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.composition import Rental, bootstrap
from rental.entrypoints.worker import ScheduledJobs
from tests.events import RecordingNotifier
from tests.fakes import FakeClock
from tests.integration.event_steps import Stay, book, host_guest_listing, pay


class Jobs:
    """``ScheduledJobs`` on a monotonic clock the test moves, one expiry period per ``turn``."""

    def __init__(self, rental: Rental) -> None:
        self.seconds = 0.0
        self.jobs = ScheduledJobs(rental, expire_every=60, monotonic=lambda: self.seconds)

    def turn(self) -> None:
        self.jobs.tick()
        self.seconds += 61


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2030, 1, 1, 12, 0, tzinfo=UTC))


@pytest.fixture
def notifier() -> RecordingNotifier:
    return RecordingNotifier()


@pytest.fixture
def rental(storage_url: str, clock: FakeClock, notifier: RecordingNotifier) -> Iterator[Rental]:
    rental = bootstrap(
        database_url=storage_url, clock=clock, notifier=notifier,
        password_hasher=Argon2Hasher(fast=True),
    )  # fmt: skip
    yield rental
    rental.close()


def _status(rental: Rental, booking_id: str) -> str:
    """The stored status (what the job wrote), not the one computed from the clock."""
    with rental.dependencies.uow_factory() as uow:
        return str(uow.bookings.get(booking_id).status)


def test_an_unpaid_request_is_expired_by_the_job_after_30_minutes_and_frees_its_nights(
    rental: Rental, clock: FakeClock, notifier: RecordingNotifier
) -> None:
    stay = host_guest_listing(rental)
    jobs = Jobs(rental)
    booking = book(rental, stay)
    clock.advance(minutes=29)
    jobs.turn()
    assert _status(rental, booking.id) == "pending"

    clock.advance(minutes=2)
    jobs.turn()
    assert _status(rental, booking.id) == "expired"
    assert any(m["subject"].startswith("Booking expired") for m in notifier.sent)
    other = host_guest_listing(rental)
    again = book(rental, Stay(stay.host, other.guest, "", "", stay.listing))
    assert (again.check_in, again.check_out) == (booking.check_in, booking.check_out)


def test_a_paid_request_left_unanswered_for_24_hours_is_expired_and_its_hold_voided(
    rental: Rental, clock: FakeClock
) -> None:
    stay = host_guest_listing(rental, instant_book=False)
    jobs = Jobs(rental)
    booking = book(rental, stay)
    payment = pay(rental, stay, booking)
    assert payment.status == "authorized"
    clock.advance(hours=23, minutes=59)
    jobs.turn()
    assert _status(rental, booking.id) == "pending", "paid: the 30 minutes no longer apply"

    clock.advance(minutes=2)
    jobs.turn()
    assert _status(rental, booking.id) == "expired"
    [voided] = rental.reads.booking_payments(stay.guest, booking.id)
    assert (voided.id, voided.status) == (payment.id, "voided")
