"""Wishlists in the in-memory mode: the lists, their saved listings, and the reads."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from attrs import define, field

from rental.application.queries import Page, PageRequest
from rental.application.wishlists.ports import (
    SavedListingView,
    WishlistRecord,
    WishlistRepository,
)
from rental.domain.listings.listing import Listing
from rental.domain.wishlists.wishlist import SavedListing, Wishlist, WishlistNotFound

if TYPE_CHECKING:
    from rental.adapters.memory.store import MemoryStore


@define
class WishlistData:
    """Wishlists' part of ``MemoryData``, named as their tables (the data export reads it):
    saved listings by (wishlist id, listing id)."""

    wishlists: dict[str, Wishlist] = field(factory=dict)
    wishlist_items: dict[tuple[str, str], SavedListing] = field(factory=dict)

    def saved_in(self, wishlist_id: str) -> list[SavedListing]:
        return [s for s in self.wishlist_items.values() if s.wishlist_id == wishlist_id]


def on_the_market(listing: Listing | None) -> bool:
    """What a wishlist shows: a listing neither deleted nor unlisted (as search does)."""
    return listing is not None and not listing.is_deleted and listing.is_visible_to(None)


class MemoryWishlists(WishlistRepository):
    """Wishlists of one working copy."""

    def __init__(self, data: WishlistData, listings: dict[str, Listing]) -> None:
        super().__init__()
        self._data = data
        self._listings = listings

    def _add(self, wishlist: Wishlist) -> None:
        self._data.wishlists[wishlist.id] = wishlist

    def _get(self, wishlist_id: str) -> Wishlist:
        found = self._data.wishlists.get(wishlist_id)
        if found is None:
            raise WishlistNotFound(f"No wishlist {wishlist_id}.")
        return found

    def _remove(self, wishlist: Wishlist) -> None:
        self._data.wishlists.pop(wishlist.id, None)
        for saved in self._data.saved_in(wishlist.id):
            del self._data.wishlist_items[(saved.wishlist_id, saved.listing_id)]

    def erase_of(self, owner_id: str) -> None:
        mine = [w for w in self._data.wishlists.values() if w.owner_id == owner_id]
        for wishlist in mine:
            self._remove(wishlist)

    def is_saved(self, wishlist_id: str, listing_id: str) -> bool:
        return (wishlist_id, listing_id) in self._data.wishlist_items

    def count_saved(self, wishlist_id: str) -> int:
        saved = self._data.saved_in(wishlist_id)
        return sum(1 for s in saved if (x := self._listings.get(s.listing_id)) and not x.is_deleted)

    def save(self, saved: SavedListing) -> None:
        self._data.wishlist_items[(saved.wishlist_id, saved.listing_id)] = saved

    def unsave(self, wishlist_id: str, listing_id: str) -> None:
        self._data.wishlist_items.pop((wishlist_id, listing_id), None)


class MemoryWishlistQueries:
    """The read side of wishlists over the committed store."""

    def __init__(self, store: MemoryStore) -> None:
        self._store = store

    def _shown(self, wishlist_id: str) -> list[SavedListingView]:
        """The wishlist's listings on the market, newest saved first (ties by listing id)."""
        data = self._store.data
        saved = data.wishlists.saved_in(wishlist_id)
        shown = [
            SavedListingView(listing=data.listings[s.listing_id], added_at=s.added_at)
            for s in saved
            if on_the_market(data.listings.get(s.listing_id))
        ]
        shown.sort(key=lambda v: v.listing.id)
        shown.sort(key=lambda v: v.added_at, reverse=True)
        return shown

    def wishlist(self, wishlist_id: str) -> WishlistRecord | None:
        with self._store.lock:
            found = self._store.data.wishlists.wishlists.get(wishlist_id)
            if found is None:
                return None
            return WishlistRecord(wishlist=found, item_count=len(self._shown(wishlist_id)))

    def of_owner(self, owner_id: str, page: PageRequest) -> Page[WishlistRecord]:
        with self._store.lock:
            mine = [
                w for w in self._store.data.wishlists.wishlists.values() if w.owner_id == owner_id
            ]
            mine.sort(key=lambda w: w.id)
            mine.sort(key=lambda w: w.created_at, reverse=True)
            chosen = mine[page.offset : page.offset + page.per_page]
            items = [WishlistRecord(wishlist=w, item_count=len(self._shown(w.id))) for w in chosen]
        return Page(items, page.page, page.per_page, len(mine))

    def saved_pages(
        self, wishlist_ids: Collection[str], page: PageRequest
    ) -> dict[str, Page[SavedListingView]]:
        with self._store.lock:
            shown = {i: self._shown(i) for i in wishlist_ids}
        return {
            i: Page(
                views[page.offset : page.offset + page.per_page],
                page.page,
                page.per_page,
                len(views),
            )
            for i, views in shown.items()
        }
