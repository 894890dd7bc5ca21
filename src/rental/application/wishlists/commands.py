"""What a user asks of their wishlists."""

from __future__ import annotations

from attrs import frozen

from rental.application.commands import Actor, Command


@frozen(kw_only=True)
class CreateWishlist(Command):
    actor: Actor
    name: str


@frozen(kw_only=True)
class RenameWishlist(Command):
    actor: Actor
    wishlist_id: str
    name: str


@frozen(kw_only=True)
class DeleteWishlist(Command):
    """Delete the wishlist and what it holds (the listings themselves stay)."""

    actor: Actor
    wishlist_id: str


@frozen(kw_only=True)
class SaveListing(Command):
    """Save a listing to the wishlist; saving one already there changes nothing."""

    actor: Actor
    wishlist_id: str
    listing_id: str


@frozen(kw_only=True)
class RemoveListing(Command):
    """Take a listing out of the wishlist; one that is not there is no error."""

    actor: Actor
    wishlist_id: str
    listing_id: str


@frozen(kw_only=True)
class ShareWishlist(Command):
    """A new share token for the wishlist (returned once); the old one stops working."""

    actor: Actor
    wishlist_id: str


@frozen(kw_only=True)
class StopSharingWishlist(Command):
    """The current share token stops working, and none replaces it."""

    actor: Actor
    wishlist_id: str
