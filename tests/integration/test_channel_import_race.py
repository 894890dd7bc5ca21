"""A booking request racing an import over the same nights has one winner, on PostgreSQL:
either the booking is refused (the block came first), or it stands and the import records
the conflict; never a booking and a block that silently overlap."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date

import pytest

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.ical.fetcher import SafeFeedFetcher
from rental.application import commands as c
from rental.composition import Rental, bootstrap
from rental.domain.errors import DatesUnavailable
from rental.domain.limits import Limits
from tests.fakes import FakeClock
from tests.feeds import FeedServer, airbnb

pytestmark = pytest.mark.postgres
ROUNDS = 8


@pytest.fixture
def rental(postgres_url: str) -> Iterator[Rental]:
    rental = bootstrap(
        database_url=postgres_url, clock=FakeClock(), password_hasher=Argon2Hasher(fast=True),
        calendar_fetcher=SafeFeedFetcher(allow_private_networks=True),
        # One guest books every round at once: the per-guest hold limit has tests of its own.
        limits=Limits(max_unpaid_holds=ROUNDS),
    )  # fmt: skip
    yield rental
    rental.close()


def test_a_booking_and_an_import_of_the_same_nights_have_one_winner(
    rental: Rental, feed_server: FeedServer
) -> None:
    host = rental.handle(
        c.RegisterUser(username="hana", email="h@example.com", password="pw-secret-1", role="host")
    )
    guest = rental.handle(
        c.RegisterUser(username="gus", email="g@example.com", password="pw-secret-1")
    )
    as_host, as_guest = c.Actor(host.id, "host"), c.Actor(guest.id, "guest")
    url = feed_server.serve("/r.ics", airbnb(("r1", date(2030, 2, 1), date(2030, 2, 5), True)))
    rounds = []
    for _ in range(ROUNDS):
        fields = {"title": "Loft", "city": "Lisbon", "country": "PT", "price_per_night": 100,
                  "max_guests": 2}  # fmt: skip
        listing = rental.handle(c.CreateListing(actor=as_host, **fields))
        command = c.ImportCalendar(actor=as_host, listing_id=listing.id, name="A", url=url)
        rounds.append((listing.id, rental.handle(command).id))

    outcomes: dict[str, list[object]] = {listing_id: [] for listing_id, _ in rounds}
    start = threading.Barrier(2 * ROUNDS)

    def book(listing_id: str) -> None:
        start.wait()
        try:
            outcomes[listing_id].append(
                rental.handle(
                    c.RequestBooking(actor=as_guest, listing_id=listing_id,
                                     check_in=date(2030, 2, 3), check_out=date(2030, 2, 6),
                                     guests=1)
                ).id
            )  # fmt: skip
        except DatesUnavailable as error:
            outcomes[listing_id].append(error)

    def sync(import_id: str) -> None:
        start.wait()
        rental.channel_sync.sync(import_id)

    threads = [threading.Thread(target=book, args=(listing_id,)) for listing_id, _ in rounds]
    threads += [threading.Thread(target=sync, args=(import_id,)) for _, import_id in rounds]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for listing_id, import_id in rounds:
        [outcome] = outcomes[listing_id]
        imported = rental.channel_sync.calendar_import(as_host, listing_id, import_id)
        if isinstance(outcome, DatesUnavailable):  # the import won: no booking, no conflict
            assert imported.status == "ok" and imported.conflicts == []
        else:  # the booking won: it stands, and the import says so
            assert imported.status == "conflict"
            assert [x.booking_id for x in imported.current_conflicts] == [outcome]


def test_workers_syncing_at_once_fetch_each_feed_once(
    rental: Rental, feed_server: FeedServer
) -> None:
    host = rental.handle(
        c.RegisterUser(username="hana", email="h@example.com", password="pw-secret-1", role="host")
    )
    as_host = c.Actor(host.id, "host")
    fields = {"title": "Loft", "city": "Lisbon", "country": "PT", "price_per_night": 100,
              "max_guests": 2}  # fmt: skip
    listing = rental.handle(c.CreateListing(actor=as_host, **fields))
    for i in range(6):
        url = feed_server.serve(
            f"/{i}.ics", airbnb((f"r{i}", date(2030, 2, 1), date(2030, 2, 5), True))
        )
        rental.handle(c.ImportCalendar(actor=as_host, listing_id=listing.id, name=f"F{i}", url=url))
    start = threading.Barrier(3)
    results: list[dict[str, int]] = []

    def worker() -> None:
        start.wait()
        results.append(rental.channel_sync.sync_due())

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(path for path, _ in feed_server.requests) == [f"/{i}.ics" for i in range(6)]
    assert sum(r["ok"] for r in results) == 6
