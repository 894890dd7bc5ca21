"""Handlers of channel sync: a listing's export feed and the calendars imported into it."""

from __future__ import annotations

import math
import secrets
from datetime import datetime

from rental.application import commands as c
from rental.application.authorization import check_can_manage_listing
from rental.application.dependencies import Dependencies
from rental.application.ports import WindowCounter
from rental.application.shared.calendars import locked_calendar, managed_calendar
from rental.application.unit_of_work import UnitOfWork
from rental.domain.channel_sync.export import CalendarFeed
from rental.domain.channel_sync.imports import CalendarImport, horizon_end, imported_nights
from rental.domain.errors import CalendarImportNotFound, TooManySyncRequests
from rental.domain.listings.listing import Listing

FEED_TOKEN_BYTES = 32  # 256 bits: the token is the feed's only protection
# Syncs a listing's host may ask for (all its imports together, ``Limits.sync_requests``) are
# counted per window of this many seconds; the worker syncs every import on its own anyway.
SYNC_REQUEST_PERIOD = 300


def new_feed_token() -> str:
    return secrets.token_urlsafe(FEED_TOKEN_BYTES)


def _managed_listing(uow: UnitOfWork, actor: c.Actor, listing_id: str) -> Listing:
    # Locked: a sync and a booking of the same nights serialize on the listing's row, as two
    # bookings do; so do two first requests for a feed.
    listing = uow.listings.get(listing_id, for_update=True)
    listing.check_is_active()
    check_can_manage_listing(actor, listing)
    return listing


def listing_import(uow: UnitOfWork, listing_id: str, import_id: str) -> CalendarImport:
    """The import, if it belongs to ``listing_id``."""
    calendar_import = uow.channel_imports.get(import_id)
    if calendar_import.listing_id != listing_id:
        raise CalendarImportNotFound(f"No calendar import {import_id} on listing {listing_id}.")
    return calendar_import


def _feed(uow: UnitOfWork, listing: Listing, now: datetime) -> tuple[CalendarFeed, bool]:
    """The listing's feed, made now if it has none; and whether it was just made."""
    feed = uow.channel_feeds.get(listing.id)
    if feed is not None:
        return feed, False
    feed = CalendarFeed.open(listing_id=listing.id, token=new_feed_token(), now=now)
    uow.channel_feeds.add(feed)
    return feed, True


def open_calendar_feed(
    cmd: c.OpenCalendarFeed, uow: UnitOfWork, deps: Dependencies
) -> CalendarFeed:
    listing = _managed_listing(uow, cmd.actor, cmd.listing_id)
    feed, made = _feed(uow, listing, deps.clock.now())
    if made:
        uow.commit()
    return feed


def rotate_calendar_feed(
    cmd: c.RotateCalendarFeed, uow: UnitOfWork, deps: Dependencies
) -> CalendarFeed:
    listing = _managed_listing(uow, cmd.actor, cmd.listing_id)
    now = deps.clock.now()
    feed, made = _feed(uow, listing, now)
    if not made:
        feed.rotate(token=new_feed_token(), now=now)
    uow.commit()
    return feed


def import_calendar(cmd: c.ImportCalendar, uow: UnitOfWork, deps: Dependencies) -> CalendarImport:
    listing = _managed_listing(uow, cmd.actor, cmd.listing_id)
    calendar_import = CalendarImport.create(
        import_id=deps.ids.new_id(),
        listing_id=listing.id,
        name=cmd.name,
        url=cmd.url,
        now=deps.clock.now(),
    )
    uow.channel_imports.add(calendar_import)
    uow.commit()
    return calendar_import


def delete_calendar_import(
    cmd: c.DeleteCalendarImport, uow: UnitOfWork, deps: Dependencies
) -> None:
    calendar = managed_calendar(uow, deps, cmd.actor, cmd.listing_id, None)
    calendar_import = listing_import(uow, calendar.listing_id, cmd.import_id)
    calendar.release_import(calendar_import, deps.clock.now())
    uow.channel_imports.remove(calendar_import)
    uow.commit()


def _check_sync_rate(rate: WindowCounter | None, listing_id: str, deps: Dependencies) -> None:
    """At most ``Limits.sync_requests`` asked-for syncs per listing in each window of
    ``SYNC_REQUEST_PERIOD`` seconds of the clock, counted across processes."""
    if rate is None:
        return
    most = deps.limits.sync_requests
    seconds = deps.clock.now().timestamp()
    window = int(seconds // SYNC_REQUEST_PERIOD)
    if rate.hit(f"calendar-sync:{listing_id}", window, SYNC_REQUEST_PERIOD) > most:
        retry_after = max(1, math.ceil(SYNC_REQUEST_PERIOD - seconds % SYNC_REQUEST_PERIOD))
        raise TooManySyncRequests(
            f"At most {most} syncs of this listing's calendars every "
            f"{SYNC_REQUEST_PERIOD // 60} minutes; try again in {retry_after} seconds.",
            retry_after,
        )


def request_calendar_sync(
    cmd: c.RequestCalendarSync, uow: UnitOfWork, deps: Dependencies
) -> CalendarImport:
    """Queue a sync of the import for the worker (through the outbox), within the rate."""
    listing = uow.listings.get(cmd.listing_id)
    listing.check_is_active()
    check_can_manage_listing(cmd.actor, listing)
    calendar_import = listing_import(uow, listing.id, cmd.import_id)
    _check_sync_rate(deps.sync_rate, listing.id, deps)
    calendar_import.request_sync(deps.clock.now())
    uow.commit()
    return calendar_import


def claim_calendar_sync(cmd: c.ClaimCalendarSync, uow: UnitOfWork, deps: Dependencies) -> bool:
    calendar_import = uow.channel_imports.get(cmd.import_id)
    if not calendar_import.check_is_due(cmd.attempted_before):
        return False
    calendar_import.claim(deps.clock.now())
    uow.commit()  # a claim made meanwhile on the same version: ConcurrentUpdate, then not due
    return True


def apply_calendar_feed(
    cmd: c.ApplyCalendarFeed, uow: UnitOfWork, deps: Dependencies
) -> CalendarImport:
    """The feed's events become the import's blocks, in the listing's calendar and under its
    lock, as a booking's nights are."""
    calendar_import = uow.channel_imports.get(cmd.import_id)
    now = deps.clock.now()
    calendar = locked_calendar(uow, deps, calendar_import.listing_id, None, now)
    calendar.check_is_listed()
    today = calendar.terms.today(now)
    until = horizon_end(today, calendar.terms.max_advance_days)
    incoming = imported_nights(cmd.events, calendar.terms.timezone, today, until)
    calendar.sync_import(
        calendar_import,
        incoming=incoming,
        now=now,
        new_block_id=deps.ids.new_id,
        etag=cmd.etag,
        last_modified=cmd.last_modified,
        max_nights=deps.limits.imported_nights,
    )
    uow.commit()
    return calendar_import


def record_calendar_feed_unchanged(
    cmd: c.RecordCalendarFeedUnchanged, uow: UnitOfWork, deps: Dependencies
) -> CalendarImport:
    calendar_import = uow.channel_imports.get(cmd.import_id)
    calendar_import.record_unchanged(deps.clock.now())
    uow.commit()
    return calendar_import


def record_calendar_feed_failure(
    cmd: c.RecordCalendarFeedFailure, uow: UnitOfWork, deps: Dependencies
) -> CalendarImport:
    calendar_import = uow.channel_imports.get(cmd.import_id)
    calendar_import.record_failure(cmd.reason, deps.clock.now())
    uow.commit()
    return calendar_import
