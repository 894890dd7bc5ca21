"""The contract of the channel-sync repositories: export feeds, calendar imports, and the
blocks of one import's source."""

from __future__ import annotations

from datetime import timedelta

import pytest

from rental.domain.accounts.users import Role
from rental.domain.calendar.nights import Block
from rental.domain.channel_sync.export import CalendarFeed
from rental.domain.channel_sync.imports import CalendarImport, FeedEvent, imported_nights
from rental.domain.errors import CalendarImportNotFound
from tests.contracts.builders import (
    NOW,
    TODAY,
    UowFactory,
    a_block,
    a_listing,
    a_user,
    new_id,
    save,
)


def an_import(listing_id: str, name: str = "Airbnb", now=NOW) -> CalendarImport:
    return CalendarImport.create(
        import_id=new_id(), listing_id=listing_id, name=name,
        url="https://www.airbnb.com/calendar/ical/1.ics?s=secret", now=now,
    )  # fmt: skip


class ChannelSyncContract:
    """Feeds and imports round-trip whole, conflicts and blocks of a source included."""

    @pytest.fixture
    def uow_factory(self) -> UowFactory:
        raise NotImplementedError("override with the adapter's unit-of-work factory")

    def test_a_feed_round_trips_and_rotates(self, uow_factory: UowFactory) -> None:
        host = a_user(Role.HOST)
        listing = a_listing(host)
        save(uow_factory, host, listing)
        with uow_factory() as uow:
            assert uow.channel_feeds.get(listing.id) is None
            uow.channel_feeds.add(CalendarFeed.open(listing_id=listing.id, token="t1", now=NOW))
            uow.commit()
        with uow_factory() as uow:
            feed = uow.channel_feeds.get(listing.id)
            assert feed is not None and (feed.token, feed.rotated_at) == ("t1", NOW)
            feed.rotate(token="t2", now=NOW + timedelta(hours=1))
            uow.commit()
        with uow_factory() as uow:
            feed = uow.channel_feeds.get(listing.id)
            assert feed is not None and feed.token == "t2" and feed.version == 2

    def test_an_import_round_trips_with_its_conflicts_and_status(
        self, uow_factory: UowFactory
    ) -> None:
        host = a_user(Role.HOST)
        listing, other = a_listing(host), a_listing(host)
        save(uow_factory, host, listing, other)
        first, second = an_import(listing.id), an_import(listing.id, "Vrbo", NOW + timedelta(1))
        elsewhere = an_import(other.id)
        with uow_factory() as uow:
            for calendar_import in (second, first, elsewhere):
                uow.channel_imports.add(calendar_import)
            uow.commit()
        with uow_factory() as uow:
            assert [i.id for i in uow.channel_imports.for_listing(listing.id)] == [
                first.id, second.id,
            ]  # fmt: skip
            loaded = uow.channel_imports.get(first.id)
            loaded.conflicts = [
                {"booking_id": "b", "start": "2030-01-11", "end": "2030-01-12", "summary": "é"}
            ]
            loaded.record_failure("the server answered HTTP 500", NOW)
            uow.commit()
        with uow_factory() as uow:
            loaded = uow.channel_imports.get(first.id)
            assert loaded.status == "failed" and loaded.last_attempt_at == NOW
            assert loaded.last_error == "the server answered HTTP 500"
            assert loaded.current_conflicts[0].summary == "é"
            assert loaded.url.endswith("?s=secret")
            uow.channel_imports.remove(loaded)
            uow.commit()
        with uow_factory() as uow, pytest.raises(CalendarImportNotFound):
            uow.channel_imports.get(first.id)

    def test_due_imports_are_the_least_recently_tried_of_active_listings(
        self, uow_factory: UowFactory
    ) -> None:
        host = a_user(Role.HOST)
        listing, deleted = a_listing(host), a_listing(host)
        deleted.delete(now=NOW, live_bookings=[])
        never, old, recent = an_import(listing.id), an_import(listing.id), an_import(listing.id)
        gone = an_import(deleted.id)
        old.record_unchanged(NOW - timedelta(hours=2))
        recent.record_unchanged(NOW - timedelta(minutes=5))
        save(uow_factory, host, listing, deleted)
        with uow_factory() as uow:
            for calendar_import in (recent, old, never, gone):
                uow.channel_imports.add(calendar_import)
            uow.commit()
        with uow_factory() as uow:
            cutoff = NOW - timedelta(minutes=30)
            assert uow.channel_imports.due(cutoff, 10) == [never.id, old.id]
            assert uow.channel_imports.due(cutoff, 1) == [never.id]
            assert uow.channel_imports.due(NOW, 10) == [never.id, old.id, recent.id]

    def test_blocks_of_a_source_are_changed_in_place(self, uow_factory: UowFactory) -> None:
        host = a_user(Role.HOST)
        listing = a_listing(host)
        calendar_import = an_import(listing.id)
        own = a_block(listing, TODAY + timedelta(days=1), 2)
        save(uow_factory, host, listing, own)
        start = TODAY + timedelta(days=5)
        events = [
            FeedEvent("a@x", "Reserved", start, start + timedelta(days=2)),
            FeedEvent("b@x", "Reserved", start + timedelta(days=9), start + timedelta(days=10)),
        ]
        with uow_factory() as uow:
            uow.channel_imports.add(calendar_import)
            calendar = uow.calendars.lock(listing.id, None, NOW)
            calendar.sync_import(
                calendar_import, incoming=imported_nights(events, "UTC", TODAY), now=NOW,
                new_block_id=new_id,
            )  # fmt: skip
            uow.commit()
        moved = [FeedEvent("a@x", "Reserved", start + timedelta(days=1), start + timedelta(days=3))]
        with uow_factory() as uow:
            calendar_import = uow.channel_imports.get(calendar_import.id)
            calendar = uow.calendars.lock(listing.id, None, NOW)
            blocks = calendar.blocks_of(calendar_import.source, NOW)
            assert [(b.import_key, b.start) for b in blocks] == [
                ("a@x", start), ("b@x", start + timedelta(days=9)),
            ]  # fmt: skip
            calendar.sync_import(
                calendar_import, incoming=imported_nights(moved, "UTC", TODAY),
                now=NOW + timedelta(hours=1), new_block_id=new_id,
            )  # fmt: skip
            uow.commit()
        with uow_factory() as uow:
            calendar = uow.calendars.lock(listing.id, None, NOW)
            [block] = calendar.blocks_of(calendar_import.source, NOW)
            assert (block.start, block.end) == (
                start + timedelta(days=1),
                start + timedelta(days=3),
            )
            assert block.modified_at == NOW + timedelta(hours=1) and block.is_imported
            everything = uow.blocks.upcoming(listing.id, since=TODAY)
            assert sorted(b.source for b in everything) == ["host", calendar_import.source]
            assert isinstance(everything[0], Block)
            later = uow.blocks.upcoming(listing.id, since=start + timedelta(days=3))
            assert [b for b in later if b.source == calendar_import.source] == []
