"""Channel sync through the application: a listing's export feed, and the calendars imported
into it, as the HTTP API and the sync worker drive them (on the memory adapters)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from rental.application import commands as c
from rental.domain import errors
from rental.domain.calendar.nights import Block
from rental.domain.channel_sync.imports import CalendarImport, FeedEvent
from rental.domain.events import CalendarFeedRotated, CalendarImportConflicted, DatesUnblocked
from rental.domain.listings.listing import Listing
from tests.matchers import exact
from tests.unit.builders import World

URL = "https://other.example/calendar.ics"
NOT_YOURS = "Only the listing's host or an admin may change it."


def a_listing(world: World) -> tuple[c.Actor, Listing]:
    host = world.user("host")
    return host, world.listing(host)


def an_import(world: World, host: c.Actor, listing: Listing) -> CalendarImport:
    made: CalendarImport = world.handle(
        c.ImportCalendar(actor=host, listing_id=listing.id, name="  Airbnb ", url=URL)
    )
    return made


def blocks_of(world: World, listing: Listing, source: str) -> list[Block]:
    with world.app.dependencies.uow_factory() as uow:
        return [
            b for b in uow.blocks.upcoming(listing.id, since=world.today()) if b.source == source
        ]


def stored(world: World, import_id: str) -> CalendarImport:
    with world.app.dependencies.uow_factory() as uow:
        return uow.channel_imports.get(import_id)


def event(world: World, uid: str, start: int, end: int, summary: str = "Reserved") -> FeedEvent:
    return FeedEvent(uid, summary, world.day(start), world.day(end))


def test_a_feed_is_made_once_on_first_request_and_only_for_the_host_of_the_listing() -> None:
    world = World()
    host, listing = a_listing(world)
    feed = world.handle(c.OpenCalendarFeed(actor=host, listing_id=listing.id))
    again = world.handle(c.OpenCalendarFeed(actor=host, listing_id=listing.id))
    assert (again.token, again.created_at) == (feed.token, feed.created_at)
    assert len(feed.token) >= 43  # 32 random bytes, URL-safe
    with world.app.dependencies.uow_factory() as uow:
        assert uow.channel_feeds.get(listing.id).token == feed.token
    for stranger in (world.user("host"), world.user("guest")):
        with pytest.raises(errors.PermissionDenied, match=exact(NOT_YOURS)):
            world.handle(c.OpenCalendarFeed(actor=stranger, listing_id=listing.id))


def test_rotating_a_feed_gives_it_a_new_token_at_once_and_says_so() -> None:
    world = World()
    host, listing = a_listing(world)
    first = world.handle(c.RotateCalendarFeed(actor=host, listing_id=listing.id))
    assert world.events_of(CalendarFeedRotated) == []  # no feed yet: made, not rotated
    old = first.token
    world.clock.advance(hours=1)
    rotated = world.handle(c.RotateCalendarFeed(actor=host, listing_id=listing.id))
    assert rotated.token != old
    assert rotated.rotated_at == world.clock.now()
    with world.app.dependencies.uow_factory() as uow:
        stored_feed = uow.channel_feeds.get(listing.id)
    assert stored_feed.token == rotated.token
    with pytest.raises(
        errors.CalendarFeedNotFound, match=exact(f"No calendar feed for listing {listing.id}.")
    ):
        stored_feed.check_token(old)
    (said,) = world.events_of(CalendarFeedRotated)
    assert said.listing_id == listing.id


def test_no_feed_is_made_for_a_deleted_listing() -> None:
    world = World()
    host, listing = a_listing(world)
    world.handle(c.DeleteListing(actor=host, listing_id=listing.id))
    with pytest.raises(errors.ListingNotFound, match=exact(f"No listing {listing.id}.")):
        world.handle(c.OpenCalendarFeed(actor=host, listing_id=listing.id))


def test_an_import_is_saved_pending_with_its_name_trimmed() -> None:
    world = World()
    host, listing = a_listing(world)
    made = an_import(world, host, listing)
    saved = stored(world, made.id)
    assert (saved.listing_id, saved.name, saved.url, saved.status) == (
        listing.id, "Airbnb", URL, "pending",
    )  # fmt: skip
    assert saved.created_at == world.clock.now()
    with pytest.raises(errors.PermissionDenied, match=exact(NOT_YOURS)):
        an_import(world, world.user("host"), listing)


def test_a_sync_blocks_the_feeds_nights_and_keeps_its_validators() -> None:
    world = World()
    host, listing = a_listing(world)
    made = an_import(world, host, listing)
    events = (event(world, "a", 3, 5), event(world, "b", 8, 9))
    applied = world.handle(
        c.ApplyCalendarFeed(import_id=made.id, events=events, etag='"v1"', last_modified=None)
    )
    assert applied.status == "ok"
    blocks = blocks_of(world, listing, made.source)
    assert sorted((b.start, b.end) for b in blocks) == [
        (world.day(3), world.day(5)), (world.day(8), world.day(9)),
    ]  # fmt: skip
    saved = stored(world, made.id)
    assert (saved.etag, saved.last_synced_at, saved.status) == ('"v1"', world.clock.now(), "ok")
    # The next sync says only "b", moved: "a" is freed, "b" follows.
    world.handle(c.ApplyCalendarFeed(import_id=made.id, events=(event(world, "b", 9, 11),)))
    assert [(b.start, b.end) for b in blocks_of(world, listing, made.source)] == [
        (world.day(9), world.day(11))
    ]


def test_a_feed_over_a_live_booking_blocks_nothing_of_it_and_is_a_conflict() -> None:
    world = World()
    host, listing = a_listing(world)
    guest = world.user("guest")
    booking = world.book(guest, listing, start=10, nights=2)
    world.pay(guest, booking)
    made = an_import(world, host, listing)
    world.handle(c.ApplyCalendarFeed(import_id=made.id, events=(event(world, "x", 10, 12),)))
    assert stored(world, made.id).status == "conflict"
    (conflict,) = world.events_of(CalendarImportConflicted)
    assert (conflict.booking_id, conflict.import_id) == (booking.id, made.id)


def test_a_sync_of_an_import_of_a_deleted_listing_is_refused() -> None:
    world = World()
    host, listing = a_listing(world)
    made = an_import(world, host, listing)
    world.handle(c.DeleteListing(actor=host, listing_id=listing.id))
    with pytest.raises(errors.ListingNotFound, match=exact(f"No listing {listing.id}.")):
        world.handle(c.ApplyCalendarFeed(import_id=made.id, events=(event(world, "a", 3, 5),)))


def test_deleting_an_import_frees_its_nights_and_leaves_the_hosts_blocks() -> None:
    world = World()
    host, listing = a_listing(world)
    made = an_import(world, host, listing)
    world.handle(c.ApplyCalendarFeed(import_id=made.id, events=(event(world, "a", 3, 5),)))
    world.handle(
        c.BlockDates(actor=host, listing_id=listing.id, start=world.day(20), end=world.day(22))
    )
    (imported,) = blocks_of(world, listing, made.source)
    world.handle(c.DeleteCalendarImport(actor=host, listing_id=listing.id, import_id=made.id))
    assert blocks_of(world, listing, made.source) == []
    assert len(blocks_of(world, listing, "host")) == 1
    assert [e.block_id for e in world.events_of(DatesUnblocked)] == [imported.id]
    with pytest.raises(
        errors.CalendarImportNotFound, match=exact(f"No calendar import {made.id}.")
    ):
        stored(world, made.id)


def test_an_import_is_deleted_only_through_its_own_listing_and_by_its_host() -> None:
    world = World()
    host, listing = a_listing(world)
    other = world.listing(host)
    made = an_import(world, host, listing)
    with pytest.raises(errors.CalendarImportNotFound, match=f"on listing {other.id}"):
        world.handle(c.DeleteCalendarImport(actor=host, listing_id=other.id, import_id=made.id))
    with pytest.raises(errors.PermissionDenied, match=exact(NOT_YOURS)):
        world.handle(
            c.DeleteCalendarImport(
                actor=world.user("host"), listing_id=listing.id, import_id=made.id
            )
        )
    assert stored(world, made.id).id == made.id


def test_a_sync_is_claimed_once_until_its_last_attempt_is_old_enough() -> None:
    world = World()
    host, listing = a_listing(world)
    made = an_import(world, host, listing)
    now = world.clock.now()
    assert world.handle(c.ClaimCalendarSync(import_id=made.id, attempted_before=now)) is True
    assert stored(world, made.id).last_attempt_at == now
    world.clock.advance(minutes=5)
    earlier = now - timedelta(seconds=1)
    assert world.handle(c.ClaimCalendarSync(import_id=made.id, attempted_before=earlier)) is False
    assert stored(world, made.id).last_attempt_at == now  # a refused claim records nothing
    assert world.handle(c.ClaimCalendarSync(import_id=made.id, attempted_before=now)) is True
    assert stored(world, made.id).last_attempt_at == world.clock.now()


def test_an_unchanged_feed_keeps_its_blocks_and_a_failed_one_says_why() -> None:
    world = World()
    host, listing = a_listing(world)
    made = an_import(world, host, listing)
    world.handle(c.ApplyCalendarFeed(import_id=made.id, events=(event(world, "a", 3, 5),)))
    world.clock.advance(hours=1)
    failed = world.handle(c.RecordCalendarFeedFailure(import_id=made.id, reason="HTTP 503"))
    assert (failed.status, failed.last_error) == ("failed", "HTTP 503")
    assert stored(world, made.id).status == "failed"
    world.clock.advance(hours=1)
    unchanged = world.handle(c.RecordCalendarFeedUnchanged(import_id=made.id))
    saved = stored(world, made.id)
    assert (unchanged.status, saved.status, saved.last_error) == ("ok", "ok", None)
    assert saved.last_synced_at == world.clock.now()
    assert len(blocks_of(world, listing, made.source)) == 1
