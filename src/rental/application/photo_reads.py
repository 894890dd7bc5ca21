"""The read side of photos: frozen views of listings' photos, a page's covers in one query."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Protocol

from attrs import frozen

from rental.domain.listings.photos import Photo, PhotoStatus


@frozen(kw_only=True)
class PhotoView:
    """A photo as read: ``variants`` (small, medium, large → media key) once ready."""

    id: str
    listing_id: str
    status: str
    caption: str
    position: int
    width: int
    height: int
    variants: Mapping[str, str] | None
    failure_reason: str | None

    @classmethod
    def of(cls, photo: Photo) -> PhotoView:
        return cls(
            id=photo.id,
            listing_id=photo.listing_id,
            status=photo.status,
            caption=photo.caption,
            position=photo.position,
            width=photo.width,
            height=photo.height,
            variants=dict(photo.variants) if photo.variants else None,
            failure_reason=photo.failure_reason,
        )

    @property
    def is_ready(self) -> bool:
        return self.status == PhotoStatus.READY


class PhotoReads(Protocol):
    """Listings' photos, in their order, each answer one query whatever the number of
    listings."""

    def of_listings(
        self, listing_ids: Collection[str], *, ready_only: bool
    ) -> dict[str, list[PhotoView]]:
        """Each listing's photos (only ready ones when ``ready_only``); [] for none."""

    def covers(self, listing_ids: Collection[str]) -> dict[str, PhotoView]:
        """Each listing's first ready photo, for those that have one."""
