"""Wishlists: a user's named lists of listings, and a link that lets others read one.

A wishlist is its owner's alone: to anyone else it is a 404, unless they hold its share token
(``?share=``), which reads it and changes nothing. Its listings come newest saved first, as
search results show them (with ``cover_photo``), and leave out the deleted and unlisted.
"""

from __future__ import annotations

from typing import Any

from flask import Response, url_for

from rental.application.queries import Page, PageRequest
from rental.application.wishlists import commands as w
from rental.application.wishlists.ports import SavedListingView
from rental.application.wishlists.reads import WishlistReads, WishlistView
from rental.domain.wishlists.wishlist import Wishlist
from rental.entrypoints.http.auth import current_actor, jwt_required, optional_actor
from rental.entrypoints.http.context import BEARER, Blueprint, get_rental, location_header
from rental.entrypoints.http.photos import ShownListing, photo_json
from rental.entrypoints.web.schemas.common import PageQuerySchema, page_of
from rental.entrypoints.web.schemas.wishlists import (
    ShareSchema,
    WishlistInputSchema,
    WishlistQuerySchema,
    WishlistSchema,
    WishlistWithListingsSchema,
)

blp = Blueprint("wishlists", __name__, description="Wishlists: your shortlists of listings.")


def wishlists() -> WishlistReads:
    reads = get_rental().wishlists
    assert reads is not None  # bootstrap() always builds them
    return reads


def saved_items(page: Page[SavedListingView]) -> list[dict[str, Any]]:
    """A page's listings as search results show them, their covers read in one query."""
    reads = get_rental().photo_reads
    assert reads is not None
    covers = reads.covers([item.listing.id for item in page.items])
    return [
        {
            "listing": ShownListing(
                item.listing,
                None,
                photo_json(covers[item.listing.id]) if item.listing.id in covers else None,
            ),
            "added_at": item.added_at,
        }
        for item in page.items
    ]


def _own_view(wishlist: Wishlist) -> WishlistView:
    return wishlists().wishlist(current_actor(), wishlist.id)


@blp.post("/wishlists")
@jwt_required()
@blp.arguments(WishlistInputSchema)
@blp.response(201, WishlistSchema, headers=location_header("The wishlist's URL."))
@blp.problems(400, 401, 415)
@blp.doc(security=BEARER)
def create_wishlist(body: dict[str, Any]) -> tuple[WishlistView, int, dict[str, str]]:
    """Start a wishlist (any signed-in user)."""
    wishlist = get_rental().handle(w.CreateWishlist(actor=current_actor(), **body))
    location = url_for("wishlists.get_wishlist", wishlist_id=wishlist.id)
    return _own_view(wishlist), 201, {"Location": location}


@blp.get("/wishlists")
@blp.doc(operationId="listWishlists")
@jwt_required()
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, page_of(WishlistSchema))
@blp.problems(401)
@blp.doc(security=BEARER)
def list_wishlists(query: dict[str, Any]) -> Page[WishlistView]:
    """Your wishlists, newest first."""
    return wishlists().wishlists(current_actor(), PageRequest(query["page"], query["per_page"]))


@blp.get("/wishlists/<wishlist_id>")
@blp.arguments(WishlistQuerySchema, location="query")
@blp.response(200, WishlistWithListingsSchema)
@blp.problems(401, 404)
@blp.doc(security=[{}, *BEARER])
def get_wishlist(query: dict[str, Any], wishlist_id: str) -> dict[str, Any]:
    """A wishlist with a page of its listings, newest saved first; deleted and unlisted
    listings drop out. Its owner reads it (send the bearer token); anyone else needs its
    current share token as `?share=` (signed in or not), else 404, as for a list that does
    not exist; an old token, or another list's, is a 404 too."""
    page = PageRequest(query["page"], query["per_page"])
    view, saved = wishlists().saved_listings(optional_actor(), wishlist_id, page, query["share"])
    return {
        **{name: getattr(view, name) for name in WishlistSchema().fields},
        "items": saved_items(saved),
        "page": saved.page,
        "per_page": saved.per_page,
        "total": saved.total,
    }


@blp.patch("/wishlists/<wishlist_id>")
@jwt_required()
@blp.arguments(WishlistInputSchema)
@blp.response(200, WishlistSchema)
@blp.problems(400, 401, 404, 409, 415)
@blp.doc(security=BEARER)
def rename_wishlist(body: dict[str, Any], wishlist_id: str) -> WishlistView:
    """Rename a wishlist of yours."""
    command = w.RenameWishlist(actor=current_actor(), wishlist_id=wishlist_id, **body)
    return _own_view(get_rental().handle(command))


@blp.delete("/wishlists/<wishlist_id>")
@jwt_required()
@blp.response(204)
@blp.problems(401, 404, 409)
@blp.doc(security=BEARER)
def delete_wishlist(wishlist_id: str) -> Response:
    """Delete a wishlist of yours (the listings in it are not touched)."""
    get_rental().handle(w.DeleteWishlist(actor=current_actor(), wishlist_id=wishlist_id))
    return Response(status=204)


@blp.put("/wishlists/<wishlist_id>/listings/<listing_id>")
@jwt_required()
@blp.response(204)
@blp.problems(401, 404, 409)
@blp.doc(security=BEARER)
def save_listing(wishlist_id: str, listing_id: str) -> Response:
    """Save a listing to a wishlist of yours; saving it again is a 204 that changes nothing.
    404 for a listing that is missing, deleted or unlisted; 409 `wishlist-full` when the
    list already holds 10,000 listings."""
    command = w.SaveListing(actor=current_actor(), wishlist_id=wishlist_id, listing_id=listing_id)
    get_rental().handle(command)
    return Response(status=204)


@blp.delete("/wishlists/<wishlist_id>/listings/<listing_id>")
@jwt_required()
@blp.response(204)
@blp.problems(401, 404, 409)
@blp.doc(security=BEARER)
def remove_listing(wishlist_id: str, listing_id: str) -> Response:
    """Take a listing out of a wishlist of yours; one that is not in it (or no longer
    exists) is a 204 too."""
    command = w.RemoveListing(actor=current_actor(), wishlist_id=wishlist_id, listing_id=listing_id)
    get_rental().handle(command)
    return Response(status=204)


@blp.post("/wishlists/<wishlist_id>/share")
@jwt_required()
@blp.response(200, ShareSchema)
@blp.problems(401, 404, 409)
@blp.doc(security=BEARER)
def share_wishlist(wishlist_id: str) -> dict[str, str]:
    """A new share token for a wishlist of yours: anyone holding it reads the list
    (`GET /wishlists/{id}?share=<share_token>`) and cannot change it. The old token stops
    working at once. Shown this once: only its hash is kept."""
    command = w.ShareWishlist(actor=current_actor(), wishlist_id=wishlist_id)
    return {"share_token": get_rental().handle(command)}


@blp.delete("/wishlists/<wishlist_id>/share")
@jwt_required()
@blp.response(204)
@blp.problems(401, 404, 409)
@blp.doc(security=BEARER)
def stop_sharing_wishlist(wishlist_id: str) -> Response:
    """The share token stops working, and none replaces it: the list is yours alone again."""
    get_rental().handle(w.StopSharingWishlist(actor=current_actor(), wishlist_id=wishlist_id))
    return Response(status=204)
