"""The read side of wishlists: who may read which, as frozen views.

A wishlist is read by its owner, or by anyone holding its current share token; to anyone
else it does not exist. The listings of a page are loaded with it in one statement, each
with the columns a search item has, so a page costs the same whatever its length.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from attrs import frozen

from rental.application.commands import Actor
from rental.application.queries import Page, PageRequest
from rental.application.wishlists.ports import SavedListingView, WishlistQueries, WishlistRecord
from rental.domain.wishlists.wishlist import WishlistNotFound


@frozen(kw_only=True)
class WishlistView:
    """A wishlist as a reader sees it. ``shared``: a share token is in force (told to its
    owner only; a reader by token sees true)."""

    id: str
    owner_id: str
    name: str
    shared: bool
    item_count: int
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, record: WishlistRecord) -> WishlistView:
        wishlist = record.wishlist
        return cls(
            id=wishlist.id,
            owner_id=wishlist.owner_id,
            name=wishlist.name,
            shared=wishlist.is_shared,
            item_count=record.item_count,
            created_at=wishlist.created_at,
            updated_at=wishlist.updated_at,
        )


class WishlistReads:
    """What a caller may read of wishlists."""

    def __init__(self, queries: WishlistQueries) -> None:
        self._queries = queries

    def wishlist(
        self, viewer: Actor | None, wishlist_id: str, share_token: str | None = None
    ) -> WishlistView:
        """Its owner's, or anyone's with its current share token; else ``WishlistNotFound``."""
        record = self._queries.wishlist(wishlist_id)
        if record is None:
            raise WishlistNotFound(f"No wishlist {wishlist_id}.")
        record.wishlist.check_can_read(viewer.user_id if viewer else None, share_token)
        return WishlistView.of(record)

    def wishlists(self, actor: Actor, page: PageRequest) -> Page[WishlistView]:
        """The actor's own wishlists, newest first."""
        found = self._queries.of_owner(actor.user_id, page)
        return Page(
            [WishlistView.of(r) for r in found.items], found.page, found.per_page, found.total
        )

    def saved_listings(
        self,
        viewer: Actor | None,
        wishlist_id: str,
        page: PageRequest,
        share_token: str | None = None,
    ) -> tuple[WishlistView, Page[SavedListingView]]:
        """The wishlist and one page of its listings, newest saved first."""
        view = self.wishlist(viewer, wishlist_id, share_token)
        return view, self.saved_pages([view], page)[view.id]

    def saved_pages(
        self, wishlists: Collection[WishlistView], page: PageRequest
    ) -> dict[str, Page[SavedListingView]]:
        """The same page of each of ``wishlists`` (views this caller was given), in one
        statement: GraphQL's batch of ``wishlists { items }``."""
        return self._queries.saved_pages([w.id for w in wishlists], page)
