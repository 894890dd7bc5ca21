"""Channel sync as callers use it: export a listing's feed, sync imported calendars.

A sync fetches and reads the feed outside any transaction, under one deadline (it may take
seconds), then hands what it found to the message bus as one command, which locks the
listing and changes its blocks. Syncs run in the worker: on its schedule, and when a host
asks (``request_sync``: an event through the outbox, which ``consumers`` act on).
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from attrs import frozen

from rental.application import commands as c
from rental.application.authorization import check_can_manage_listing
from rental.application.delivery import Consumer
from rental.application.handlers.channel_sync import listing_import
from rental.application.ports import CalendarFeedError, CalendarFormat, Clock, FeedFetcher
from rental.application.unit_of_work import UnitOfWork
from rental.domain.channel_sync.export import exported_events
from rental.domain.channel_sync.imports import CalendarImport, horizon_end
from rental.domain.errors import CalendarFeedNotFound, CalendarImportNotFound, DomainError
from rental.domain.events import CalendarSyncRequested, Event

logger = logging.getLogger(__name__)

DEFAULT_EVERY = timedelta(minutes=30)
# One deadline for a sync's fetch (name lookup included), parse and expansion.
DEFAULT_SECONDS = 10.0


# Moves on when the way a feed is written changes, so that its ETags do too.
EXPORT_FORMAT = "1"


@frozen
class ExportedCalendar:
    """A listing's feed as served: its validators, and the iCalendar bytes, rendered only
    when asked for (a poller whose ``If-None-Match`` still matches costs no rendering)."""

    etag: str
    last_modified: datetime | None
    render: Callable[[], bytes]

    @property
    def body(self) -> bytes:
        return self.render()


class ChannelSync:
    """Exports feeds and syncs imports. ``every`` is how often each import is fetched
    (``RENTAL_ICAL_SYNC_MINUTES``); ``seconds`` how long one sync may take to fetch and read
    its feed, all together."""

    def __init__(
        self,
        *,
        handle: Callable[[c.Command], Any],
        uow_factory: Callable[[], UnitOfWork],
        clock: Clock,
        fetcher: FeedFetcher,
        calendar_format: CalendarFormat,
        every: timedelta = DEFAULT_EVERY,
        seconds: float = DEFAULT_SECONDS,
    ) -> None:
        self._handle = handle
        self._uow_factory = uow_factory
        self._clock = clock
        self._fetcher = fetcher
        self._format = calendar_format
        self.every = every
        self._seconds = seconds

    # -- export ----------------------------------------------------------------------------
    def export(
        self, listing_id: str, token: str | None, *, include_imported: bool = False
    ) -> ExportedCalendar:
        """The listing's feed; ``CalendarFeedNotFound`` for a wrong or missing token."""
        now = self._clock.now()
        with self._uow_factory() as uow:
            feed = uow.channel_feeds.get(listing_id)
            if feed is None:
                raise CalendarFeedNotFound(f"No calendar feed for listing {listing_id}.")
            feed.check_token(token)
            listing = uow.listings.get(listing_id)
            listing.check_is_active()
            today = listing.today(now)
            events = exported_events(
                bookings=uow.bookings.live_on_listing(listing_id, since=today),
                blocks=uow.blocks.upcoming(listing_id, since=today),
                today=today,
                now=now,
                include_imported=include_imported,
            )
            title = listing.title
        # The body is a function of these alone (the format is deterministic), so they are
        # what the ETag digests.
        digest = hashlib.sha256(f"{EXPORT_FORMAT}|{title}".encode())
        for event in events:
            digest.update(f"|{event.uid},{event.start},{event.end},{event.summary},".encode())
            digest.update(event.modified_at.replace(microsecond=0).isoformat().encode())
        modified = max((e.modified_at for e in events), default=None)
        return ExportedCalendar(
            etag=digest.hexdigest()[:32],
            last_modified=modified,
            render=lambda: self._format.render(events, name=title),
        )

    # -- imports, read ---------------------------------------------------------------------
    def imports(self, actor: c.Actor, listing_id: str) -> list[CalendarImport]:
        """The listing's imports, for its host or an admin."""
        with self._uow_factory() as uow:
            _check_manages(uow, actor, listing_id)
            return uow.channel_imports.for_listing(listing_id)

    def calendar_import(self, actor: c.Actor, listing_id: str, import_id: str) -> CalendarImport:
        """One of the listing's imports, for its host or an admin."""
        with self._uow_factory() as uow:
            _check_manages(uow, actor, listing_id)
            return listing_import(uow, listing_id, import_id)

    # -- imports, sync ---------------------------------------------------------------------
    def request_sync(self, actor: c.Actor, listing_id: str, import_id: str) -> CalendarImport:
        """Queue a sync of the import for the worker (its listing's host or an admin, a few
        times per listing in a while: ``TooManySyncRequests`` past it); the import as it is."""
        command = c.RequestCalendarSync(actor=actor, listing_id=listing_id, import_id=import_id)
        queued: CalendarImport = self._handle(command)
        return queued

    def consumers(self) -> list[Consumer]:
        """The worker's side of ``request_sync``. A second delivery syncs again, which changes
        nothing: no ledger."""
        return [Consumer("calendar-sync", (CalendarSyncRequested,), self._requested, once=False)]

    def _requested(self, event: Event) -> None:
        assert isinstance(event, CalendarSyncRequested)
        try:
            self.sync(event.import_id)
        except DomainError as error:  # the import or its listing was deleted meanwhile
            logger.info("calendar import %s not synced: %s", event.import_id, error.detail)

    def sync(
        self, import_id: str, *, actor: c.Actor | None = None, listing_id: str | None = None
    ) -> CalendarImport:
        """Fetch the import's feed and apply it; a feed that cannot be fetched or read by the
        deadline marks the import failed and changes nothing else. With ``actor``, only the
        listing's host or an admin may ask (and ``listing_id`` must be the import's)."""
        deadline = time.monotonic() + self._seconds
        now = self._clock.now()
        with self._uow_factory() as uow:
            calendar_import = uow.channel_imports.get(import_id)
            if listing_id is not None and calendar_import.listing_id != listing_id:
                raise CalendarImportNotFound(
                    f"No calendar import {import_id} on listing {listing_id}."
                )
            listing = uow.listings.get(calendar_import.listing_id)
            if actor is None:
                listing.check_is_active()
            else:
                _check_manages(uow, actor, calendar_import.listing_id)
            url, etag = calendar_import.url, calendar_import.etag
            modified = calendar_import.last_modified
            # Expanded no further than the nights an import may block (the booking horizon).
            today = listing.today(now)
            end = now + (horizon_end(today, listing.max_advance_days) - today)
        try:
            fetched = self._fetcher.fetch(url, etag=etag, last_modified=modified, deadline=deadline)
            if fetched.body is None:
                result: CalendarImport = self._handle(
                    c.RecordCalendarFeedUnchanged(import_id=import_id)
                )
                return result
            events = self._format.parse(
                fetched.body, start=now - timedelta(days=1), end=end, deadline=deadline
            )
        except CalendarFeedError as error:
            logger.info("calendar import %s failed: %s", import_id, error.reason)
            failed: CalendarImport = self._handle(
                c.RecordCalendarFeedFailure(import_id=import_id, reason=error.reason)
            )
            return failed
        applied: CalendarImport = self._handle(
            c.ApplyCalendarFeed(
                import_id=import_id,
                events=tuple(events),
                etag=fetched.etag,
                last_modified=fetched.last_modified,
            )
        )
        return applied

    def sync_due(self, limit: int = 500) -> dict[str, int]:
        """Sync every import not tried for ``every``; return how many ended each way. Each is
        claimed first, so that workers running this at once never fetch a feed twice."""
        before = self._clock.now() - self.every
        with self._uow_factory() as uow:
            due = uow.channel_imports.due(before, limit)
        return self.sync_each(due, claim_before=before)

    def sync_each(
        self, import_ids: list[str], claim_before: datetime | None = None
    ) -> dict[str, int]:
        counts = {"ok": 0, "conflict": 0, "failed": 0}
        for import_id in import_ids:
            try:
                if claim_before is not None and not self._handle(
                    c.ClaimCalendarSync(import_id=import_id, attempted_before=claim_before)
                ):
                    continue  # another worker has it
                status = self.sync(import_id).status
            except DomainError as error:  # the listing was deleted meanwhile, or the import
                logger.info("calendar import %s not synced: %s", import_id, error.detail)
                continue
            except Exception:  # one import's trouble (a database hiccup) must not stop the rest
                logger.exception("calendar import %s not synced", import_id)
                continue
            counts[status] = counts.get(status, 0) + 1
        return counts

    def sync_all(self, limit: int = 10_000) -> dict[str, int]:
        """Sync every import now, whenever it was last tried (``rental sync-calendars``)."""
        with self._uow_factory() as uow:
            due = uow.channel_imports.due(self._clock.now() + timedelta(days=1), limit)
        return self.sync_each(due)


def _check_manages(uow: UnitOfWork, actor: c.Actor, listing_id: str) -> None:
    """The listing exists, is active, and ``actor`` is its host or an admin."""
    listing = uow.listings.get(listing_id)
    listing.check_is_active()
    check_can_manage_listing(actor, listing)
