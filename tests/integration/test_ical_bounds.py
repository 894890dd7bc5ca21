"""Imported calendars stay bounded (issue 29, finding 2): overlapping events are stored as
one block per run of nights, a listing's imports block at most ``RENTAL_ICAL_MAX_NIGHTS``
nights together, and reading a feed that arrives late is cut at the sync's one deadline.

The 2,000 copies of a daily event, on a live server over PostgreSQL, are in
``tests/e2e/test_serve_abuse.py``; how fast and how big a sync of them is, in
``bench/ical_bench.py``.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.ical.fetcher import SafeFeedFetcher
from rental.composition import MEMORY_URL, Rental, bootstrap
from rental.domain.limits import Limits
from tests.fakes import FakeClock
from tests.feeds import FeedServer, airbnb, calendar, daily, overlapping
from tests.integration.test_channel_import import Host

D = date
TODAY = D(2030, 1, 1)  # FakeClock's


def _rental(url: str = MEMORY_URL, **options: object) -> Rental:
    return bootstrap(
        database_url=url,
        clock=FakeClock(),
        password_hasher=Argon2Hasher(fast=True),
        calendar_fetcher=SafeFeedFetcher(allow_private_networks=True),
        **options,
    )


@pytest.fixture(params=["memory", "sqlite_url"])
def rental(request: pytest.FixtureRequest) -> Iterator[Rental]:
    url = MEMORY_URL if request.param == "memory" else request.getfixturevalue(request.param)
    app = _rental(url)
    yield app
    app.close()


def _block_rows(host: Host) -> list[tuple[date, date]]:
    with host.rental.dependencies.uow_factory() as uow:
        blocks = uow.blocks.upcoming(host.listing_id, since=TODAY)
    return sorted((b.start, b.end) for b in blocks)


def test_two_thousand_overlapping_events_are_one_block_per_run_of_nights(
    rental: Rental, feed_server: FeedServer
) -> None:
    host = Host(rental)
    first = TODAY + timedelta(days=10)
    # 2,000 distinct events: 1,999 over [first, first + 429), and one of its own later on.
    body = overlapping(1999, first)[: -len(b"END:VCALENDAR\r\n")] + (
        b"BEGIN:VEVENT\r\nUID:apart@x\r\nDTSTAMP:20291201T000000Z\r\n"
        b"DTSTART;VALUE=DATE:20310501\r\nDTEND;VALUE=DATE:20310505\r\nEND:VEVENT\r\n"
        b"END:VCALENDAR\r\n"
    )
    import_id = host.add_import(feed_server.serve("/many.ics", body))
    synced = host.sync(import_id)
    assert synced.status == "ok", synced.last_error
    assert _block_rows(host) == [
        (first, first + timedelta(days=429)),
        (D(2031, 5, 1), D(2031, 5, 5)),
    ]
    ids = host.block_ids()
    assert host.sync(import_id).status == "ok"  # read again: the same two blocks
    assert host.block_ids() == ids


def test_a_listings_imports_block_at_most_max_nights_together(feed_server: FeedServer) -> None:
    rental = _rental(limits=Limits(imported_nights=100))
    host = Host(rental)
    start = TODAY + timedelta(days=5)
    sixty = airbnb(("a", start, start + timedelta(days=60), True))
    first = host.add_import(feed_server.serve("/a.ics", sixty), name="A")
    assert host.sync(first).status == "ok"
    later = start + timedelta(days=100)
    fifty = airbnb(("b", later, later + timedelta(days=50), True))
    second = host.add_import(feed_server.serve("/b.ics", fifty), name="B")
    refused = host.sync(second)
    assert refused.status == "failed"
    assert refused.last_error == (
        "the feed blocks 50 nights and the listing's other imported calendars 60: more than "
        "the 100 its imported calendars may block together"
    )
    assert _block_rows(host) == [(start, start + timedelta(days=60))]  # nothing of B's
    # Within the cap it is taken in, and a feed alone past it is refused just the same.
    feed_server.serve("/b.ics", airbnb(("b", later, later + timedelta(days=40), True)))
    assert host.sync(second).status == "ok"
    feed_server.serve("/a.ics", airbnb(("a", start, start + timedelta(days=101), True)))
    assert host.sync(first).status == "failed"
    assert len(_block_rows(host)) == 2
    rental.close()


def test_a_feed_arriving_late_is_cut_at_the_syncs_deadline_while_it_is_read(
    feed_server: FeedServer,
) -> None:
    # Occurrences uncapped, so that only the deadline can stop the expansion: 2,000 distinct
    # daily events over 18 months are a million occurrences, a minute of work.
    rental = _rental(ical_max_occurrences=10**9, ical_sync_seconds=2.0)
    host = Host(rental)
    events = [daily(f"d{i}@x", TODAY + timedelta(days=i % 300), 1 + i // 300) for i in range(2000)]
    # The body comes 1.5 s late: the fetch is done well inside the 2 s, its reading is not.
    url = feed_server.serve("/late.ics", calendar("-//Late//EN", *events), delay=1.5)
    import_id = host.add_import(url)
    started = time.monotonic()
    synced = host.sync(import_id)
    took = time.monotonic() - started
    assert synced.status == "failed" and synced.last_error == "reading the feed took too long"
    # Cut at the deadline (the margin is for a loaded machine), not after the expansion.
    assert took < 3.5, f"the sync took {took:.1f} s"
    assert _block_rows(host) == []
    rental.close()
