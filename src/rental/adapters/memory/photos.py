"""Photos in the in-memory mode."""

from __future__ import annotations

from rental.application.photo_repository import PhotoRepository
from rental.domain.listings.photos import Photo


class MemoryPhotos(PhotoRepository):
    def __init__(self, photos: dict[str, Photo]) -> None:
        super().__init__()
        self._photos = photos

    def _of_listing(self, listing_id: str) -> list[Photo]:
        return [p for p in self._photos.values() if p.listing_id == listing_id]

    def _add(self, photo: Photo) -> None:
        self._photos[photo.id] = photo

    def _get(self, photo_id: str) -> Photo | None:
        return self._photos.get(photo_id)

    def _remove(self, photo: Photo) -> None:
        self._photos.pop(photo.id, None)
