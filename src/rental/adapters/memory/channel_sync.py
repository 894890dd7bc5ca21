"""In-memory repositories of channel sync: export feeds and calendar imports."""

from __future__ import annotations

from datetime import datetime

from rental.application.repositories import ChannelFeedRepository, ChannelImportRepository
from rental.domain.channel_sync.export import CalendarFeed
from rental.domain.channel_sync.imports import CalendarImport
from rental.domain.errors import CalendarImportNotFound
from rental.domain.listings.listing import Listing


class MemoryChannelFeeds(ChannelFeedRepository):
    """Feeds by listing id, in the unit of work's copy of the store."""

    def __init__(self, feeds: dict[str, CalendarFeed]) -> None:
        super().__init__()
        self._feeds = feeds

    def _add(self, feed: CalendarFeed) -> None:
        self._feeds[feed.listing_id] = feed

    def _get(self, listing_id: str) -> CalendarFeed | None:
        return self._feeds.get(listing_id)


class MemoryChannelImports(ChannelImportRepository):
    """Imports by id, in the unit of work's copy of the store."""

    def __init__(self, imports: dict[str, CalendarImport], listings: dict[str, Listing]) -> None:
        super().__init__()
        self._imports = imports
        self._listings = listings

    def _add(self, calendar_import: CalendarImport) -> None:
        self._imports[calendar_import.id] = calendar_import

    def _get(self, import_id: str) -> CalendarImport:
        try:
            return self._imports[import_id]
        except KeyError:
            raise CalendarImportNotFound(f"No calendar import {import_id}.") from None

    def _for_listing(self, listing_id: str) -> list[CalendarImport]:
        found = [i for i in self._imports.values() if i.listing_id == listing_id]
        return sorted(found, key=lambda i: (i.created_at, i.id))

    def remove(self, calendar_import: CalendarImport) -> None:
        del self._imports[calendar_import.id]

    def due(self, attempted_before: datetime, limit: int) -> list[str]:
        def active(i: CalendarImport) -> bool:
            listing = self._listings.get(i.listing_id)
            return listing is not None and not listing.is_deleted

        found = [
            i
            for i in self._imports.values()
            if active(i) and (i.last_attempt_at is None or i.last_attempt_at <= attempted_before)
        ]
        never = datetime.min.replace(tzinfo=attempted_before.tzinfo)
        found.sort(key=lambda i: (i.last_attempt_at or never, i.created_at, i.id))
        return [i.id for i in found[:limit]]
