"""Handlers of listings, and of the blocks in their calendars."""

from __future__ import annotations

from rental.application import commands as c
from rental.application.authorization import check_can_host, check_can_manage_listing
from rental.application.dependencies import Dependencies
from rental.application.handlers.accounts import check_email_verified
from rental.application.shared.calendars import managed_calendar
from rental.application.unit_of_work import UnitOfWork
from rental.domain.calendar.nights import Block
from rental.domain.calendar.stay import Stay
from rental.domain.listings.listing import Listing


def create_listing(cmd: c.CreateListing, uow: UnitOfWork, deps: Dependencies) -> Listing:
    check_can_host(cmd.actor)
    check_email_verified(uow, deps, cmd.actor.user_id)
    deps.limits.check_host_may_list_another(uow.listings.hosted_count(cmd.actor.user_id))
    listing = Listing.create(
        listing_id=deps.ids.new_id(), host_id=cmd.actor.user_id, now=deps.clock.now(), **cmd.given()
    )
    uow.listings.add(listing)
    uow.commit()
    return listing


def _managed_listing(uow: UnitOfWork, actor: c.Actor, listing_id: str) -> Listing:
    listing = uow.listings.get(listing_id, for_update=True)
    listing.check_is_active()
    check_can_manage_listing(actor, listing)
    return listing


def update_listing(cmd: c.UpdateListing, uow: UnitOfWork, deps: Dependencies) -> Listing:
    listing = _managed_listing(uow, cmd.actor, cmd.listing_id)
    listing.update(now=deps.clock.now(), seen_versions=cmd.seen_versions, **cmd.given())
    uow.commit()
    return listing


def delete_listing(cmd: c.DeleteListing, uow: UnitOfWork, deps: Dependencies) -> None:
    listing = _managed_listing(uow, cmd.actor, cmd.listing_id)
    now = deps.clock.now()
    live = uow.bookings.live_on_listing(listing.id, since=listing.today(now))
    listing.delete(now=now, live_bookings=live)
    uow.commit()


def block_dates(cmd: c.BlockDates, uow: UnitOfWork, deps: Dependencies) -> Block:
    stay = Stay(cmd.start, cmd.end)
    calendar = managed_calendar(uow, deps, cmd.actor, cmd.listing_id, stay)
    block = calendar.block(block_id=deps.ids.new_id(), stay=stay, now=deps.clock.now())
    uow.commit()
    return block


def unblock_dates(cmd: c.UnblockDates, uow: UnitOfWork, deps: Dependencies) -> None:
    # Every night to come, and the block itself even when its nights are all past: a block
    # the host can see (an availability window in the past shows it) can be removed.
    calendar = managed_calendar(uow, deps, cmd.actor, cmd.listing_id, None, block_id=cmd.block_id)
    calendar.unblock(cmd.block_id, deps.clock.now())
    uow.commit()
