"""Listings' photos in GraphQL: ``Listing.photos`` and ``coverPhoto`` (the listings of a
request in one statement per kind of caller), and ``reorderPhotos``. Uploads stay on HTTP."""

from __future__ import annotations

from enum import Enum
from urllib.parse import urljoin

import strawberry
from flask import request

from rental.application import photo_commands as p
from rental.application.photo_reads import PhotoReads, PhotoView
from rental.domain.listings import photos
from rental.domain.listings.listing import Listing
from rental.entrypoints.graphql.loaders import Batch
from rental.entrypoints.graphql.types import Info


@strawberry.enum(description="PROCESSING until the worker has made the variants.")
class PhotoStatus(Enum):
    PROCESSING = photos.PhotoStatus.PROCESSING.value
    READY = photos.PhotoStatus.READY.value
    FAILED = photos.PhotoStatus.FAILED.value


@strawberry.type(description="WebP variants, at most 320, 720 and 1440 pixels wide.")
class PhotoUrls:
    small: str
    medium: str
    large: str


@strawberry.type(description="A photo of a listing, as GET /listings/{id}/photos shows it.")
class Photo:
    id: strawberry.ID
    status: PhotoStatus
    caption: str
    position: int
    width: int
    height: int
    failure_reason: str | None

    @strawberry.field(description="Null until READY.")
    @staticmethod
    def urls(root: strawberry.Parent[PhotoView], info: Info) -> PhotoUrls | None:
        if root.status != photos.PhotoStatus.READY or not root.variants:
            return None
        media = info.context.rental.media
        assert media is not None
        made = {
            name: urljoin(request.host_url, media.url(key)) for name, key in root.variants.items()
        }
        return PhotoUrls(**made)


class PhotoBatches:
    """Every listing's photos a request asks for, one statement for the listings it has
    handed out (one for those the caller hosts, one for the others)."""

    def __init__(self, reads: PhotoReads) -> None:
        self.albums: Batch[bool, list[PhotoView]] = Batch(
            lambda ids, ready_only: reads.of_listings(ids, ready_only=ready_only)
        )

    @classmethod
    def of(cls, info: Info) -> PhotoBatches:
        batches = info.context.loaders.by_area.get("photos")
        if not isinstance(batches, PhotoBatches):
            reads = info.context.rental.photo_reads
            assert reads is not None
            batches = cls(reads)
            info.context.loaders.by_area["photos"] = batches
        return batches

    def album(self, info: Info, listing: Listing) -> list[PhotoView]:
        """What the caller may see: every photo for its host and admins, ready ones else."""
        actor = info.context.actor
        mine = actor is not None and (actor.is_admin or actor.user_id == listing.host_id)
        self.albums.expect(info.context.loaders.listing_ids)
        return self.albums.load(listing.id, not mine) or []


def listing_photos(info: Info, listing: Listing) -> list[PhotoView]:
    return PhotoBatches.of(info).album(info, listing)


def cover_photo(info: Info, listing: Listing) -> PhotoView | None:
    return next((x for x in listing_photos(info, listing) if x.is_ready), None)


@strawberry.type
class PhotoMutation:
    @strawberry.mutation(
        description="PUT /listings/{id}/photos/order: photoIds names every "
        "photo of the listing once (BAD_USER_INPUT else); the first is the "
        "cover. Its host or an admin."
    )
    @staticmethod
    def reorder_photos(
        info: Info, listing_id: strawberry.ID, photo_ids: list[strawberry.ID]
    ) -> list[Photo] | None:
        actor = info.context.signed_in()
        command = p.ReorderPhotos(
            actor=actor, listing_id=str(listing_id), photo_ids=[str(i) for i in photo_ids]
        )
        ordered = info.context.handle(command)
        return [PhotoView.of(x) for x in ordered]  # type: ignore[misc]
