"""The outbox without Redis: events delivered after the commit, retried when a consumer fails,
never for a change that rolled back, and acting once however often they are delivered."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.application import commands as c
from rental.application.consumers.account_mail import VERIFY
from rental.composition import Rental, bootstrap
from rental.domain.errors import DatesUnavailable
from tests.events import RecordingNotifier
from tests.fakes import FakeClock
from tests.integration.event_steps import book, host_guest_listing


class FlakyNotifier(RecordingNotifier):
    """Fails for one address the first ``times`` times; slow when asked, to widen races."""

    def __init__(self, failing_address: str = "", times: int = 0, delay: float = 0.0) -> None:
        super().__init__()
        self.failing_address, self.times, self.delay = failing_address, times, delay

    def send(self, *, to: str, subject: str, body: str) -> None:
        if subject == VERIFY[0]:
            return  # each new account's verification link: not about the stay
        time.sleep(self.delay)
        if to == self.failing_address and self.times > 0:
            self.times -= 1
            raise ConnectionError("mail server said no (test)")
        super().send(to=to, subject=subject, body=body)


@pytest.fixture
def notifier() -> FlakyNotifier:
    return FlakyNotifier()


@pytest.fixture
def rental(storage_url: str, notifier: FlakyNotifier) -> Iterator[Rental]:
    rental = bootstrap(
        database_url=storage_url, clock=FakeClock(datetime.now(UTC)), notifier=notifier,
        password_hasher=Argon2Hasher(fast=True),
    )  # fmt: skip
    yield rental
    rental.close()


def _relay(rental: Rental, later: timedelta = timedelta(0)) -> int:
    assert rental.delivery is not None
    return rental.delivery.relay.run_once(datetime.now(UTC) + later)


def test_a_failed_consumer_is_retried_later_and_the_others_do_not_repeat(
    rental: Rental, notifier: FlakyNotifier
) -> None:
    stay = host_guest_listing(rental)
    notifier.failing_address, notifier.times = stay.host_email, 1
    book(rental, stay)  # after the commit: the guest's mail goes, the host's fails

    assert [m["to"] for m in notifier.sent] == [stay.guest_email]
    assert _relay(rental) == 0, "not due yet: it waits for its backoff"
    assert _relay(rental, later=timedelta(minutes=1)) == 1
    assert sorted(m["to"] for m in notifier.sent) == [stay.guest_email, stay.host_email]
    assert _relay(rental, later=timedelta(hours=1)) == 0, "delivered entries are done"


def test_no_event_is_delivered_for_a_change_that_rolled_back(
    rental: Rental, notifier: FlakyNotifier
) -> None:
    stay = host_guest_listing(rental)
    taken = book(rental, stay)
    sent = len(notifier.sent)
    with pytest.raises(DatesUnavailable):
        rental.handle(
            c.RequestBooking(actor=stay.guest, listing_id=stay.listing.id,
                             check_in=taken.check_in, check_out=taken.check_out, guests=1)
        )  # fmt: skip
    assert _relay(rental, later=timedelta(hours=1)) == 0
    assert len(notifier.sent) == sent


def test_an_event_delivered_twice_at_once_sends_each_email_once(
    rental: Rental, notifier: FlakyNotifier
) -> None:
    stay = host_guest_listing(rental)
    notifier.failing_address, notifier.times = stay.host_email, 1
    booking = book(rental, stay)
    assert rental.delivery is not None
    # The entry the relay would retry, redelivered as a broker may: twice, concurrently.
    later = datetime.now(UTC) + timedelta(hours=1)
    claimed = rental.delivery.outbox.claim(later, timedelta(minutes=1), 100)
    entry = next(e for e in claimed if e.event_name == "BookingRequested")
    assert entry.payload["booking_id"] == booking.id
    notifier.delay = 0.2
    dispatch = rental.delivery.dispatcher.dispatch_entry
    threads = [threading.Thread(target=dispatch, args=(entry,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(m["to"] for m in notifier.sent) == [stay.guest_email, stay.host_email]
