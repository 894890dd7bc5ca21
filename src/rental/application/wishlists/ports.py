"""The ports of wishlists: the lists to change, with their saved listings, and the reads."""

from __future__ import annotations

import abc
from collections.abc import Collection
from datetime import datetime
from typing import Protocol

from attrs import frozen

from rental.application.queries import Page, PageRequest
from rental.application.repositories import Tracking
from rental.domain.listings.listing import Listing
from rental.domain.wishlists.wishlist import SavedListing, Wishlist


class WishlistRepository(Tracking, abc.ABC):
    """Wishlists, each with its saved listings as rows of their own."""

    def add(self, wishlist: Wishlist) -> None:
        self._add(self._seen(wishlist))

    def get(self, wishlist_id: str) -> Wishlist:
        """The wishlist, or ``WishlistNotFound``."""
        return self._seen(self._get(wishlist_id))  # type: ignore[no-any-return]

    def remove(self, wishlist: Wishlist) -> None:
        """Delete the wishlist and its saved listings."""
        self._seen(wishlist)
        self._remove(wishlist)

    @abc.abstractmethod
    def erase_of(self, owner_id: str) -> None:
        """Delete every wishlist of ``owner_id`` and their rows (their account is deleted)."""

    @abc.abstractmethod
    def is_saved(self, wishlist_id: str, listing_id: str) -> bool:
        """Whether the listing is in the wishlist (whatever the listing's state)."""

    @abc.abstractmethod
    def count_saved(self, wishlist_id: str) -> int:
        """The listings the wishlist holds, deleted listings left out."""

    @abc.abstractmethod
    def save(self, saved: SavedListing) -> None:
        """Store a listing saved to a wishlist added or loaded here (after its change)."""

    @abc.abstractmethod
    def unsave(self, wishlist_id: str, listing_id: str) -> None: ...

    @abc.abstractmethod
    def _add(self, wishlist: Wishlist) -> None: ...

    @abc.abstractmethod
    def _get(self, wishlist_id: str) -> Wishlist: ...

    @abc.abstractmethod
    def _remove(self, wishlist: Wishlist) -> None: ...


@frozen(kw_only=True)
class WishlistRecord:
    """A wishlist as read, with the number of listings it shows (``item_count``: those
    neither deleted nor unlisted)."""

    wishlist: Wishlist
    item_count: int


@frozen(kw_only=True)
class SavedListingView:
    """A listing as a wishlist shows it: the listing itself (the columns a search item
    has), and when it was saved."""

    listing: Listing
    added_at: datetime


class WishlistQueries(Protocol):
    """The read side of wishlists, straight from storage. Every page leaves out the listings
    that are deleted or unlisted, and costs a fixed number of statements."""

    def wishlist(self, wishlist_id: str) -> WishlistRecord | None: ...

    def of_owner(self, owner_id: str, page: PageRequest) -> Page[WishlistRecord]:
        """The owner's wishlists, newest first."""

    def saved_pages(
        self, wishlist_ids: Collection[str], page: PageRequest
    ) -> dict[str, Page[SavedListingView]]:
        """The same page of each wishlist's listings, newest saved first, every wishlist
        mapped, in one statement (two for a page past the end)."""
