"""The worker's schedule syncs imported calendars on PostgreSQL, and a conflict with a live
booking produces one email to the host, however many syncs see it; the syncs run beside the
other jobs, never in their way."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.ical.fetcher import SafeFeedFetcher
from rental.application import commands as c
from rental.composition import Rental, bootstrap
from rental.entrypoints.worker import ScheduledJobs
from tests.events import RecordingNotifier
from tests.fakes import FakeClock
from tests.feeds import FeedServer, all_day, calendar


@pytest.fixture
def notifier() -> RecordingNotifier:
    return RecordingNotifier()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def rental(postgres_url: str, clock: FakeClock, notifier: RecordingNotifier) -> Iterator[Rental]:
    rental = bootstrap(
        database_url=postgres_url, clock=clock, notifier=notifier,
        password_hasher=Argon2Hasher(fast=True), ical_sync_minutes=30,
        calendar_fetcher=SafeFeedFetcher(allow_private_networks=True),
    )  # fmt: skip
    yield rental
    rental.close()


@pytest.mark.postgres
def test_the_schedule_syncs_due_imports_and_a_conflict_is_emailed_once(
    rental: Rental, clock: FakeClock, notifier: RecordingNotifier, feed_server: FeedServer
) -> None:
    host = rental.handle(
        c.RegisterUser(username="hana", email="hana@example.com", password="pw-secret-1",
                       role="host")
    )  # fmt: skip
    as_host = c.Actor(host.id, host.role)
    fields = {"title": "Loft", "city": "Lisbon", "country": "PT", "price_per_night": 10_000,
              "max_guests": 3, "timezone": "Europe/Lisbon"}  # fmt: skip
    listing = rental.handle(c.CreateListing(actor=as_host, **fields))
    guest = rental.handle(
        c.RegisterUser(username="gus", email="gus@example.com", password="pw-secret-1")
    )
    booking = rental.handle(
        c.RequestBooking(actor=c.Actor(guest.id, "guest"), listing_id=listing.id,
                         check_in=date(2030, 1, 10), check_out=date(2030, 1, 12), guests=1)
    )  # fmt: skip
    rental.handle(
        c.PayForBooking(actor=c.Actor(guest.id, "guest"), booking_id=booking.id,
                        payment_method="card", payment_token="tok_visa")
    )  # fmt: skip
    # A summary that tries to add a header line to the email, and some markup.
    sold = all_day("x1@other.example", date(2030, 1, 11), date(2030, 1, 13),
                   'Sold <b>elsewhere</b>\\nBcc: someone@evil.example "quoted"')  # fmt: skip
    url = feed_server.serve("/other.ics", calendar("-//Other//EN", sold))
    rental.handle(c.ImportCalendar(actor=as_host, listing_id=listing.id, name="Vrbo", url=url))
    notifier.sent.clear()

    seconds = [0.0]
    jobs = ScheduledJobs(rental, sync_every=60, monotonic=lambda: seconds[0])

    def turn(minutes: int) -> None:
        clock.advance(minutes=minutes)
        seconds[0] += minutes * 60
        jobs.tick()
        jobs.channel_sync.join(timeout=30)  # the sync runs beside the relay, in a thread

    turn(0)
    [imported] = rental.channel_sync.imports(as_host, listing.id)
    assert imported.status == "conflict" and len(feed_server.requests) == 1
    conflicts = [m for m in notifier.sent if m["subject"].startswith("Calendar conflict")]
    assert len(conflicts) == 1
    [email] = conflicts
    assert email["to"] == "hana@example.com"
    assert booking.id in email["body"] and '"Vrbo"' in email["body"]
    assert '"Sold <b>elsewhere</b> Bcc: someone@evil.example \\"quoted\\""' in email["body"]
    assert not any(line.startswith("Bcc:") for line in email["body"].splitlines())

    turn(10)  # not due yet: fetched 10 minutes ago
    assert len(feed_server.requests) == 1
    turn(25)  # 35 minutes after the last attempt: due
    assert len(feed_server.requests) == 2
    turn(31)
    assert len(feed_server.requests) == 3
    assert rental.channel_sync.imports(as_host, listing.id)[0].status == "conflict"
    assert len([m for m in notifier.sent if m["subject"].startswith("Calendar conflict")]) == 1
    assert len(rental.reads.availability(listing.id, date(2030, 1, 1), date(2030, 2, 1))) == 2


def test_a_slow_feed_does_not_hold_up_the_other_jobs(feed_server: FeedServer) -> None:
    rental = bootstrap(
        password_hasher=Argon2Hasher(fast=True),
        calendar_fetcher=SafeFeedFetcher(allow_private_networks=True),
    )
    host = rental.handle(
        c.RegisterUser(username="hana", email="h@example.com", password="pw-secret-1", role="host")
    )
    as_host = c.Actor(host.id, host.role)
    fields = {"title": "Loft", "city": "Lisbon", "country": "PT", "price_per_night": 100,
              "max_guests": 2}  # fmt: skip
    listing = rental.handle(c.CreateListing(actor=as_host, **fields))
    url = feed_server.serve("/slow.ics", calendar("-//x//EN"), delay=3)
    rental.handle(c.ImportCalendar(actor=as_host, listing_id=listing.id, name="Slow", url=url))
    jobs = ScheduledJobs(rental, sync_every=60)
    jobs.tick()  # returns while the feed is still being fetched
    assert rental.channel_sync.imports(as_host, listing.id)[0].status == "pending"
    jobs.channel_sync.join(timeout=30)
    assert rental.channel_sync.imports(as_host, listing.id)[0].status == "ok"
    rental.close()
