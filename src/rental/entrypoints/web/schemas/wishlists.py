"""Wishlists on the wire: a list, its page of saved listings, the share token."""

from __future__ import annotations

from marshmallow import fields, validate

from rental.domain.wishlists.wishlist import MAX_NAME
from rental.entrypoints.web.schemas.common import (
    ONE_LINE_NOT_BLANK,
    BaseSchema,
    PageQuerySchema,
    text,
)
from rental.entrypoints.web.schemas.listings import ListingSchema

NAME = {
    "description": f"1 to {MAX_NAME} characters on one line once trimmed; no control, "
    "invisible or bidirectional control characters.",
    "example": "Lisbon in May",
}


class WishlistInputSchema(BaseSchema):
    """Body of ``POST /wishlists`` and ``PATCH /wishlists/{id}``."""

    name = text(ONE_LINE_NOT_BLANK, min_length=1, max_length=MAX_NAME, required=True, metadata=NAME)


class WishlistSchema(BaseSchema):
    """A wishlist. ``item_count``: the listings it shows (deleted and unlisted ones drop
    out); ``shared``: a share token is in force."""

    id = fields.String(required=True)
    owner_id = fields.String(required=True)
    name = fields.String(required=True)
    shared = fields.Boolean(required=True)
    item_count = fields.Integer(required=True)
    created_at = fields.DateTime(required=True)
    updated_at = fields.DateTime(required=True)


class SavedListingSchema(BaseSchema):
    """A listing saved to a wishlist, as a search result shows it (with `cover_photo`)."""

    listing = fields.Nested(ListingSchema, required=True)
    added_at = fields.DateTime(required=True)


class WishlistWithListingsSchema(WishlistSchema):
    """A wishlist with one page of its listings, newest saved first."""

    items = fields.List(fields.Nested(SavedListingSchema), required=True)
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)
    total = fields.Integer(required=True)


class WishlistQuerySchema(PageQuerySchema):
    """``?share=<share_token>`` (for anyone but its owner) and the page of its listings."""

    share = fields.String(
        load_default=None,
        validate=validate.Length(min=1, max=200),
        metadata={
            "description": "The list's current share token: anyone holding it reads "
            "the list (and cannot change it)."
        },
    )


class ShareSchema(BaseSchema):
    """A new share token: shown this once, never stored (only its hash is)."""

    share_token = fields.String(required=True)
