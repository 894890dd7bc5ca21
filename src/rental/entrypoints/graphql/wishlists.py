"""Wishlists in GraphQL: ``viewer { wishlists }``, ``wishlist(id, shareToken)`` and the
mutations, with the reads, commands and rules of the HTTP API's. The listings of every list
a request hands out come in one statement per page size (``WishlistBatches``)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from rental.application.commands import Actor
from rental.application.queries import Page, PageRequest
from rental.application.wishlists import commands as w
from rental.application.wishlists.ports import SavedListingView
from rental.application.wishlists.reads import WishlistReads, WishlistView
from rental.domain.wishlists.wishlist import WishlistNotFound
from rental.entrypoints.graphql.inputs import loaded
from rental.entrypoints.graphql.loaders import NO_ARGUMENTS, Batch
from rental.entrypoints.graphql.types import Info, Listing, User, page_request
from rental.entrypoints.web.schemas.wishlists import WishlistInputSchema


def _reads(info: Info) -> WishlistReads:
    reads = info.context.rental.wishlists
    assert reads is not None  # bootstrap() always builds them
    return reads


class WishlistBatches:
    """The pages of listings of the wishlists a request hands out, one statement for all
    of them (per page asked for); their listings are announced to the other loaders."""

    def __init__(self, info: Info) -> None:
        self._info = info
        self._views: dict[str, WishlistView] = {}
        self.items: Batch[PageRequest, Page[SavedListingView]] = Batch(self._pages)

    @classmethod
    def of(cls, info: Info) -> WishlistBatches:
        batches = info.context.loaders.by_area.get("wishlists")
        if not isinstance(batches, WishlistBatches):
            batches = cls(info)
            info.context.loaders.by_area["wishlists"] = batches
        return batches

    def saw_wishlists(self, info: Info, views: list[WishlistView]) -> list[WishlistView]:
        self._views.update((v.id, v) for v in views)
        self.items.expect(v.id for v in views)
        info.context.loaders.users.expect(v.owner_id for v in views)
        return views

    def _pages(self, ids: list[str], page: PageRequest) -> dict[str, Page[SavedListingView]]:
        # Only lists this request was allowed to see were announced.
        views = [self._views[i] for i in ids if i in self._views]
        found = _reads(self._info).saved_pages(views, page)
        self._info.context.loaders.saw_listings(
            [item.listing for each in found.values() for item in each.items]
        )
        return found


@strawberry.type(description="A listing saved to a wishlist, and when.")
class SavedListing:
    added_at: datetime

    @strawberry.field(description="As search shows it (coverPhoto included).")
    @staticmethod
    def listing(root: strawberry.Parent[SavedListingView]) -> Listing:
        return root.listing  # type: ignore[return-value]


@strawberry.type(description="Listings of a wishlist, newest saved first.")
class SavedListingPage:
    items: list[SavedListing]
    page: int
    per_page: int
    total: int


@strawberry.type(
    description="A user's named list of listings (GET /wishlists/{id}); "
    "deleted and unlisted listings drop out of it."
)
class Wishlist:
    id: strawberry.ID
    name: str
    shared: bool = strawberry.field(description="A share token is in force.")
    item_count: int = strawberry.field(description="The listings it shows.")
    created_at: datetime
    updated_at: datetime

    @strawberry.field
    @staticmethod
    def owner(root: strawberry.Parent[WishlistView], info: Info) -> User:
        return info.context.loaders.users.load(root.owner_id, NO_ARGUMENTS)  # type: ignore[return-value]

    @strawberry.field(description="Newest saved first.")
    @staticmethod
    def items(
        root: strawberry.Parent[WishlistView],
        info: Info,
        page: int | None = 1,
        per_page: int | None = 20,
    ) -> SavedListingPage:
        found = WishlistBatches.of(info).items.load(root.id, page_request(page, per_page))
        assert found is not None
        return found  # type: ignore[return-value]


@strawberry.type(description="Wishlists, newest first.")
class WishlistPage:
    items: list[Wishlist]
    page: int
    per_page: int
    total: int


def viewer_wishlists(info: Info, page: int | None = 1, per_page: int | None = 20) -> WishlistPage:
    """The caller's wishlists (GET /wishlists)."""
    actor = info.context.signed_in()
    found = _reads(info).wishlists(actor, page_request(page, per_page))
    WishlistBatches.of(info).saw_wishlists(info, found.items)
    return found  # type: ignore[return-value]


@strawberry.type
class WishlistsViewer:
    wishlists: WishlistPage = strawberry.field(
        resolver=viewer_wishlists, description="Your wishlists, newest first."
    )


@strawberry.type
class WishlistQuery:
    @strawberry.field(
        description="A wishlist: yours, or anyone's whose current shareToken you "
        "give; null when missing or hidden from you."
    )
    @staticmethod
    def wishlist(info: Info, id: strawberry.ID, share_token: str | None = None) -> Wishlist | None:
        try:
            view = _reads(info).wishlist(info.context.actor, str(id), share_token)
        except WishlistNotFound:
            return None
        return WishlistBatches.of(info).saw_wishlists(info, [view])[0]  # type: ignore[return-value]


def _own(info: Info, actor: Actor, wishlist_id: str) -> Wishlist:
    view = _reads(info).wishlist(actor, wishlist_id)
    return WishlistBatches.of(info).saw_wishlists(info, [view])[0]  # type: ignore[return-value]


def _name(name: str) -> str:
    name_: str = loaded(WishlistInputSchema(), {"name": name})["name"]
    return name_


@strawberry.type
class WishlistMutation:
    @strawberry.mutation(description="POST /wishlists.")
    @staticmethod
    def create_wishlist(info: Info, name: str) -> Wishlist | None:
        actor = info.context.signed_in()
        created = info.context.handle(w.CreateWishlist(actor=actor, name=_name(name)))
        return _own(info, actor, created.id)

    @strawberry.mutation(description="PATCH /wishlists/{id}.")
    @staticmethod
    def rename_wishlist(info: Info, id: strawberry.ID, name: str) -> Wishlist | None:
        actor = info.context.signed_in()
        info.context.handle(w.RenameWishlist(actor=actor, wishlist_id=str(id), name=_name(name)))
        return _own(info, actor, str(id))

    @strawberry.mutation(description="DELETE /wishlists/{id}: true once deleted.")
    @staticmethod
    def delete_wishlist(info: Info, id: strawberry.ID) -> bool | None:
        actor = info.context.signed_in()
        info.context.handle(w.DeleteWishlist(actor=actor, wishlist_id=str(id)))
        return True

    @strawberry.mutation(
        description="PUT /wishlists/{id}/listings/{listingId}: saving a listing "
        "already there changes nothing; NOT_FOUND for a deleted or unlisted "
        "listing; CONFLICT past 10,000 listings."
    )
    @staticmethod
    def add_to_wishlist(
        info: Info, wishlist_id: strawberry.ID, listing_id: strawberry.ID
    ) -> Wishlist | None:
        actor = info.context.signed_in()
        command = w.SaveListing(
            actor=actor, wishlist_id=str(wishlist_id), listing_id=str(listing_id)
        )
        info.context.handle(command)
        return _own(info, actor, str(wishlist_id))

    @strawberry.mutation(
        description="DELETE /wishlists/{id}/listings/{listingId}: one that is "
        "not there is no error."
    )
    @staticmethod
    def remove_from_wishlist(
        info: Info, wishlist_id: strawberry.ID, listing_id: strawberry.ID
    ) -> Wishlist | None:
        actor = info.context.signed_in()
        command = w.RemoveListing(
            actor=actor, wishlist_id=str(wishlist_id), listing_id=str(listing_id)
        )
        info.context.handle(command)
        return _own(info, actor, str(wishlist_id))

    @strawberry.mutation(
        description="POST /wishlists/{id}/share: a new share token, shown "
        "this once; the old one stops working."
    )
    @staticmethod
    def share_wishlist(info: Info, id: strawberry.ID) -> str | None:
        actor = info.context.signed_in()
        token: str = info.context.handle(w.ShareWishlist(actor=actor, wishlist_id=str(id)))
        return token

    @strawberry.mutation(description="DELETE /wishlists/{id}/share: no token works any more.")
    @staticmethod
    def stop_sharing_wishlist(info: Info, id: strawberry.ID) -> Wishlist | None:
        actor = info.context.signed_in()
        info.context.handle(w.StopSharingWishlist(actor=actor, wishlist_id=str(id)))
        return _own(info, actor, str(id))
