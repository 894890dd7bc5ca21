"""Imported calendars, through the application on every storage, from a local HTTP server
serving feeds shaped like each platform's: each is imported, re-imported unchanged (nothing
changes), changed (blocks follow) and emptied (nights freed)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.ical.fetcher import SafeFeedFetcher
from rental.application import commands as c
from rental.composition import MEMORY_URL, Rental, bootstrap
from rental.domain.errors import BlockManagedByImport, DatesUnavailable
from tests.fakes import FakeClock
from tests.feeds import (
    NEW_YORK,
    FeedServer,
    airbnb,
    all_day,
    booking_com,
    calendar,
    fresh_uids,
    timed,
)

D = date
STORAGES = [
    pytest.param("memory", id="memory"),
    pytest.param("sqlite_url", id="sqlite"),
    pytest.param("postgres_url", id="postgres", marks=pytest.mark.postgres),
]


@pytest.fixture(params=STORAGES)
def rental(request: pytest.FixtureRequest) -> Iterator[Rental]:
    url = MEMORY_URL if request.param == "memory" else request.getfixturevalue(request.param)
    app = bootstrap(
        database_url=url, clock=FakeClock(), password_hasher=Argon2Hasher(fast=True),
        calendar_fetcher=SafeFeedFetcher(allow_private_networks=True),
    )  # fmt: skip
    yield app
    app.close()


class Host:
    """A host with one listing, and what a test asks of them."""

    def __init__(self, rental: Rental, timezone: str = "Europe/Lisbon") -> None:
        self.rental = rental
        user = rental.handle(
            c.RegisterUser(username="hana", email="hana@example.com", password="secret-pw-1",
                           role="host")
        )  # fmt: skip
        self.actor = c.Actor(user.id, user.role)
        fields = {"title": "Loft", "city": "Lisbon", "country": "PT", "price_per_night": 10_000,
                  "max_guests": 3, "timezone": timezone}  # fmt: skip
        self.listing_id = rental.handle(c.CreateListing(actor=self.actor, **fields)).id

    def add_import(self, url: str, name: str = "Airbnb") -> str:
        command = c.ImportCalendar(actor=self.actor, listing_id=self.listing_id, name=name, url=url)
        import_id: str = self.rental.handle(command).id
        return import_id

    def sync(self, import_id: str) -> Any:
        return self.rental.channel_sync.sync(import_id, actor=self.actor)

    def blocked(self) -> list[tuple[date, date, str]]:
        entries = self.rental.reads.availability(self.listing_id, D(2030, 1, 1), D(2031, 12, 31))
        return [(e.start, e.end, e.reason.value) for e in entries]

    def block_ids(self) -> list[str]:
        entries = self.rental.reads.availability(self.listing_id, D(2030, 1, 1), D(2031, 12, 31))
        return [e.holder_id for e in entries]


def test_an_airbnb_feed_blocks_its_reserved_and_not_available_nights(
    rental: Rental, feed_server: FeedServer
) -> None:
    host = Host(rental)
    url = feed_server.serve(
        "/airbnb.ics",
        airbnb(
            ("r1", D(2030, 1, 5), D(2030, 1, 8), True), ("n1", D(2030, 2, 1), D(2030, 2, 4), False)
        ),
    )
    import_id = host.add_import(url)
    synced = host.sync(import_id)
    assert synced.status == "ok" and synced.last_error is None and synced.last_synced_at
    assert host.blocked() == [
        (D(2030, 1, 5), D(2030, 1, 8), "blocked"), (D(2030, 2, 1), D(2030, 2, 4), "blocked"),
    ]  # fmt: skip
    ids = host.block_ids()

    assert host.sync(import_id).status == "ok"  # unchanged: the same blocks, the same ids
    assert host.block_ids() == ids

    feed_server.serve(
        "/airbnb.ics",
        airbnb(
            ("r1", D(2030, 1, 6), D(2030, 1, 9), True), ("r2", D(2030, 3, 1), D(2030, 3, 2), True)
        ),
    )
    host.sync(import_id)
    assert host.blocked() == [
        (D(2030, 1, 6), D(2030, 1, 9), "blocked"), (D(2030, 3, 1), D(2030, 3, 2), "blocked"),
    ]  # fmt: skip
    assert host.block_ids()[0] == ids[0]  # r1 moved: the same block

    feed_server.serve("/airbnb.ics", airbnb())
    host.sync(import_id)
    assert host.blocked() == []


def test_a_booking_com_feed_of_closed_nights(rental: Rental, feed_server: FeedServer) -> None:
    host = Host(rental)
    feed = booking_com(("c1", D(2030, 4, 1), D(2030, 4, 15)))
    import_id = host.add_import(feed_server.serve("/b.ics", feed), name="Booking.com")
    host.sync(import_id)
    assert host.blocked() == [(D(2030, 4, 1), D(2030, 4, 15), "blocked")]
    guest = rental.handle(
        c.RegisterUser(username="gus", email="g@example.com", password="pw-secret-1")
    )
    with pytest.raises(DatesUnavailable):  # bookings see imported blocks as any block
        rental.handle(
            c.RequestBooking(actor=c.Actor(guest.id, "guest"), listing_id=host.listing_id,
                             check_in=D(2030, 4, 14), check_out=D(2030, 4, 16), guests=1)
        )  # fmt: skip
    found = rental.reads.search_listings(
        __import__("rental.application.queries", fromlist=["ListingSearch"]).ListingSearch(
            city="lisbon", check_in=D(2030, 4, 10), check_out=D(2030, 4, 12)
        )
    )
    assert found.total == 0
    host.sync(import_id)
    assert host.blocked() == [(D(2030, 4, 1), D(2030, 4, 15), "blocked")]
    feed_server.serve("/b.ics", booking_com(("c1", D(2030, 4, 1), D(2030, 4, 5))))
    host.sync(import_id)
    assert host.blocked() == [(D(2030, 4, 1), D(2030, 4, 5), "blocked")]
    feed_server.serve("/b.ics", booking_com())
    host.sync(import_id)
    assert host.blocked() == []


def test_a_feed_whose_uids_change_on_every_fetch_changes_nothing_when_unchanged(
    rental: Rental, feed_server: FeedServer
) -> None:
    host = Host(rental)
    path = "/flaky.ics"
    import_id = host.add_import(feed_server.serve(path, fresh_uids((D(2030, 5, 1), D(2030, 5, 3)))))
    host.sync(import_id)
    ids = host.block_ids()
    host.sync(import_id)
    assert host.block_ids() == ids and len(ids) == 1
    feed_server.serve(
        path, fresh_uids((D(2030, 5, 1), D(2030, 5, 3)), (D(2030, 6, 1), D(2030, 6, 2)))
    )
    host.sync(import_id)
    assert host.blocked() == [
        (D(2030, 5, 1), D(2030, 5, 3), "blocked"), (D(2030, 6, 1), D(2030, 6, 2), "blocked"),
    ]  # fmt: skip
    assert host.block_ids()[0] == ids[0]
    feed_server.serve(path, fresh_uids())
    host.sync(import_id)
    assert host.blocked() == []


def test_timed_events_with_tzid_block_the_dates_they_touch_in_the_listings_zone(
    rental: Rental, feed_server: FeedServer
) -> None:
    host = Host(rental, timezone="Asia/Tokyo")
    feed = calendar(
        "-//Google Inc//Google Calendar 70.9054//EN",
        timed(
            "t1", ";TZID=America/New_York:20300110T220000", ";TZID=America/New_York:20300111T080000"
        ),
        timed("t2", ":20300201T150000Z", ":20300202T000000Z"),
        extra=NEW_YORK,
    )
    import_id = host.add_import(feed_server.serve("/timed.ics", feed), name="Google")
    host.sync(import_id)
    # 22:00 to 08:00 New York (UTC-5) is 12:00 to 22:00 on the 11th in Tokyo (UTC+9);
    # 15:00Z to midnight Z is 00:00 to 09:00 on the 2nd in Tokyo.
    assert host.blocked() == [
        (D(2030, 1, 11), D(2030, 1, 12), "blocked"), (D(2030, 2, 2), D(2030, 2, 3), "blocked"),
    ]  # fmt: skip
    ids = host.block_ids()
    host.sync(import_id)
    assert host.block_ids() == ids
    moved = calendar(
        "-//Google Inc//Google Calendar 70.9054//EN",
        timed(
            "t1", ";TZID=America/New_York:20300112T220000", ";TZID=America/New_York:20300114T080000"
        ),
        extra=NEW_YORK,
    )
    feed_server.serve("/timed.ics", moved)
    host.sync(import_id)
    assert host.blocked() == [(D(2030, 1, 13), D(2030, 1, 15), "blocked")]
    feed_server.serve("/timed.ics", calendar("-//Google Inc//EN", extra=NEW_YORK))
    host.sync(import_id)
    assert host.blocked() == []


def test_recurring_events_are_expanded_over_the_next_18_months(
    rental: Rental, feed_server: FeedServer
) -> None:
    host = Host(rental, timezone="UTC")
    monthly = all_day("owner-visit@x", D(2030, 1, 5), D(2030, 1, 7), "Owner", "RRULE:FREQ=MONTHLY")
    import_id = host.add_import(feed_server.serve("/rrule.ics", calendar("-//x//EN", monthly)))
    host.sync(import_id)
    blocked = host.blocked()
    # Today is 2030-01-01: the 5th of each month up to 2031-06-05, and nothing beyond the 18
    # months (548 days, to 2031-07-03).
    assert blocked[0] == (D(2030, 1, 5), D(2030, 1, 7), "blocked")
    assert blocked[-1] == (D(2031, 6, 5), D(2031, 6, 7), "blocked")
    assert len(blocked) == 18
    ids = host.block_ids()
    host.sync(import_id)
    assert host.block_ids() == ids
    weekly = all_day(
        "owner-visit@x", D(2030, 1, 5), D(2030, 1, 6), "Owner", "RRULE:FREQ=WEEKLY;COUNT=2"
    )
    feed_server.serve("/rrule.ics", calendar("-//x//EN", weekly))
    host.sync(import_id)
    assert host.blocked() == [
        (D(2030, 1, 5), D(2030, 1, 6), "blocked"), (D(2030, 1, 12), D(2030, 1, 13), "blocked"),
    ]  # fmt: skip
    feed_server.serve("/rrule.ics", calendar("-//x//EN"))
    host.sync(import_id)
    assert host.blocked() == []


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(airbnb(("r1", D(2030, 7, 1), D(2030, 7, 9), True))[:-40], id="truncated"),
        pytest.param(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:garbage\r\nUID:x\r\n"
                     b"END:VEVENT\r\nEND:VCALENDAR\r\n", id="malformed"),
        pytest.param(b"<html><body>Please log in</body></html>", id="not-ical"),
        pytest.param("BEGIN:VCALENDAR\r\nSUMMARY:caf\u00e9\r\nEND:VCALENDAR\r\n".encode("latin-1"),
                     id="not-utf8"),
    ],
)  # fmt: skip
def test_a_broken_feed_marks_the_import_failed_and_changes_nothing(
    rental: Rental, feed_server: FeedServer, body: bytes
) -> None:
    host = Host(rental)
    good = airbnb(("r1", D(2030, 1, 5), D(2030, 1, 8), True))
    import_id = host.add_import(feed_server.serve("/f.ics", good))
    host.sync(import_id)
    before = host.blocked()
    feed_server.serve("/f.ics", body)
    failed = host.sync(import_id)
    assert failed.status == "failed" and failed.last_error
    assert "127.0.0.1" not in failed.last_error and "/f.ics" not in failed.last_error
    assert host.blocked() == before
    listed = rental.channel_sync.imports(host.actor, host.listing_id)
    assert [(i.status, i.last_error) for i in listed] == [("failed", failed.last_error)]


def test_an_event_over_a_live_booking_keeps_both_and_records_the_conflict(
    rental: Rental, feed_server: FeedServer
) -> None:
    host = Host(rental)
    guest = rental.handle(
        c.RegisterUser(username="gus", email="g@example.com", password="pw-secret-1")
    )
    booking = rental.handle(
        c.RequestBooking(actor=c.Actor(guest.id, "guest"), listing_id=host.listing_id,
                         check_in=D(2030, 1, 10), check_out=D(2030, 1, 12), guests=1)
    )  # fmt: skip
    import_id = host.add_import(
        feed_server.serve("/c.ics", airbnb(("r1", D(2030, 1, 11), D(2030, 1, 14), True)))
    )
    synced = host.sync(import_id)
    assert synced.status == "conflict"
    assert [(x.booking_id, x.start, x.end, x.summary) for x in synced.current_conflicts] == [
        (booking.id, D(2030, 1, 11), D(2030, 1, 14), "Reserved")
    ]
    assert host.blocked() == [
        (D(2030, 1, 10), D(2030, 1, 12), "booked"), (D(2030, 1, 11), D(2030, 1, 14), "blocked"),
    ]  # fmt: skip


def test_deleting_an_import_frees_its_nights_and_its_blocks_are_not_the_hosts_to_remove(
    rental: Rental, feed_server: FeedServer
) -> None:
    host = Host(rental)
    import_id = host.add_import(
        feed_server.serve("/d.ics", airbnb(("r1", D(2030, 1, 11), D(2030, 1, 14), True)))
    )
    host.sync(import_id)
    [block_id] = host.block_ids()
    with pytest.raises(BlockManagedByImport):
        rental.handle(
            c.UnblockDates(actor=host.actor, listing_id=host.listing_id, block_id=block_id)
        )
    rental.handle(
        c.DeleteCalendarImport(actor=host.actor, listing_id=host.listing_id, import_id=import_id)
    )
    assert host.blocked() == []
    assert rental.channel_sync.imports(host.actor, host.listing_id) == []


def test_the_fetch_sends_the_validators_and_a_304_keeps_everything(
    rental: Rental, feed_server: FeedServer
) -> None:
    host = Host(rental)
    url = feed_server.serve(
        "/e.ics", airbnb(("r1", D(2030, 1, 11), D(2030, 1, 14), True)), etag='"v1"',
        headers={"Content-Type": "text/calendar", "Last-Modified": "Tue, 01 Jan 2030 10:00:00 GMT"},
    )  # fmt: skip
    import_id = host.add_import(url)
    host.sync(import_id)
    before = host.block_ids()
    again = host.sync(import_id)
    assert again.status == "ok"
    _, headers = feed_server.requests[-1]
    assert headers["If-None-Match"] == '"v1"'
    assert headers["If-Modified-Since"] == "Tue, 01 Jan 2030 10:00:00 GMT"
    assert host.block_ids() == before
