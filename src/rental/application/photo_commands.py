"""Commands about listings' photos."""

from __future__ import annotations

from collections.abc import Mapping

from attrs import field, frozen

from rental.application.commands import Actor, Command


@frozen(kw_only=True)
class CheckPhotoRoom(Command):
    """May ``actor`` add a photo to the listing now? (Changes nothing.)"""

    actor: Actor
    listing_id: str


@frozen(kw_only=True)
class AddPhoto(Command):
    """Add an upload already kept under ``original_key``, as the listing's last photo."""

    actor: Actor
    listing_id: str
    photo_id: str
    caption: str
    width: int
    height: int
    original_key: str


@frozen(kw_only=True)
class CaptionPhoto(Command):
    actor: Actor
    listing_id: str
    photo_id: str
    caption: str


@frozen(kw_only=True)
class ReorderPhotos(Command):
    """Put the listing's photos in this order; it must name each exactly once."""

    actor: Actor
    listing_id: str
    photo_ids: tuple[str, ...] = field(converter=tuple[str, ...])


@frozen(kw_only=True)
class DeletePhoto(Command):
    actor: Actor
    listing_id: str
    photo_id: str


@frozen(kw_only=True)
class RecordPhotoVariants(Command):
    """The worker's: the variants are stored under these keys."""

    photo_id: str
    variants: Mapping[str, str]
    width: int
    height: int


@frozen(kw_only=True)
class RecordPhotoFailure(Command):
    """The worker's: the upload could not be read; or it was abandoned."""

    photo_id: str
    reason: str


@frozen(kw_only=True)
class RemoveListingPhotos(Command):
    """The listing was deleted: its photos go, and their files after them."""

    listing_id: str
