"""Command handlers of wishlists: load the wishlist, one domain call, commit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rental.application.commands import Command
from rental.application.dependencies import Dependencies
from rental.application.unit_of_work import UnitOfWork
from rental.application.wishlists import commands as c
from rental.domain.errors import ListingNotFound
from rental.domain.wishlists.wishlist import Wishlist


def create_wishlist(cmd: c.CreateWishlist, uow: UnitOfWork, deps: Dependencies) -> Wishlist:
    wishlist = Wishlist.create(
        wishlist_id=deps.ids.new_id(),
        owner_id=cmd.actor.user_id,
        name=cmd.name,
        now=deps.clock.now(),
    )
    uow.wishlists.add(wishlist)
    uow.commit()
    return wishlist


def rename_wishlist(cmd: c.RenameWishlist, uow: UnitOfWork, deps: Dependencies) -> Wishlist:
    wishlist = uow.wishlists.get(cmd.wishlist_id)
    wishlist.rename(cmd.actor.user_id, cmd.name, deps.clock.now())
    uow.commit()
    return wishlist


def delete_wishlist(cmd: c.DeleteWishlist, uow: UnitOfWork, deps: Dependencies) -> None:
    wishlist = uow.wishlists.get(cmd.wishlist_id)
    wishlist.check_is_owner(cmd.actor.user_id)
    uow.wishlists.remove(wishlist)
    uow.commit()


def save_listing(cmd: c.SaveListing, uow: UnitOfWork, deps: Dependencies) -> Wishlist:
    """Save a listing on the market (a deleted or unlisted one is a 404) to the wishlist."""
    wishlist = uow.wishlists.get(cmd.wishlist_id)
    wishlist.check_is_owner(cmd.actor.user_id)
    listing = uow.listings.get(cmd.listing_id)
    if listing.is_deleted or not listing.is_visible_to(None):
        raise ListingNotFound(f"No listing {cmd.listing_id}.")
    # Counted first: a save of this listing committed meanwhile is then seen by is_saved
    # (at READ COMMITTED a later statement sees at least what an earlier one saw), so that it
    # reads as "already saved", never as a list full of its own listing.
    items = uow.wishlists.count_saved(wishlist.id)
    saved = uow.wishlists.is_saved(wishlist.id, listing.id)
    item = wishlist.save_listing(
        cmd.actor.user_id,
        listing.id,
        saved=saved,
        items=items,
        now=deps.clock.now(),
        limit=deps.limits.max_wishlist_items,
    )
    if item is not None:
        uow.wishlists.save(item)
    uow.commit()
    return wishlist


def remove_listing(cmd: c.RemoveListing, uow: UnitOfWork, deps: Dependencies) -> Wishlist:
    """Take a listing out; one that is not there (or no longer exists) is no error."""
    wishlist = uow.wishlists.get(cmd.wishlist_id)
    wishlist.check_is_owner(cmd.actor.user_id)
    saved = uow.wishlists.is_saved(wishlist.id, cmd.listing_id)
    if wishlist.remove_listing(cmd.actor.user_id, saved=saved, now=deps.clock.now()):
        uow.wishlists.unsave(wishlist.id, cmd.listing_id)
    uow.commit()
    return wishlist


def share_wishlist(cmd: c.ShareWishlist, uow: UnitOfWork, deps: Dependencies) -> str:
    """The new share token, which only this answer ever shows."""
    wishlist = uow.wishlists.get(cmd.wishlist_id)
    token = wishlist.share(cmd.actor.user_id, deps.clock.now())
    uow.commit()
    return token


def stop_sharing_wishlist(
    cmd: c.StopSharingWishlist, uow: UnitOfWork, deps: Dependencies
) -> Wishlist:
    wishlist = uow.wishlists.get(cmd.wishlist_id)
    wishlist.stop_sharing(cmd.actor.user_id, deps.clock.now())
    uow.commit()
    return wishlist


HANDLERS: dict[type[Command], Callable[[Any, UnitOfWork, Dependencies], Any]] = {
    c.CreateWishlist: create_wishlist,
    c.RenameWishlist: rename_wishlist,
    c.DeleteWishlist: delete_wishlist,
    c.SaveListing: save_listing,
    c.RemoveListing: remove_listing,
    c.ShareWishlist: share_wishlist,
    c.StopSharingWishlist: stop_sharing_wishlist,
}
