"""The repository port of photos: a listing's album, or one photo by id."""

from __future__ import annotations

import abc

from rental.application.repositories import Tracking
from rental.domain.listings.photos import Album, Photo, PhotoNotFound


class PhotoRepository(Tracking, abc.ABC):
    """Photos, tracked so that the unit of work collects their events."""

    def album(self, listing_id: str) -> Album:
        """Every photo of the listing, in order (lock the listing first to change it)."""
        return Album(listing_id, [self._seen(p) for p in self._of_listing(listing_id)])

    def add(self, photo: Photo) -> None:
        self._add(self._seen(photo))

    def get(self, photo_id: str) -> Photo:
        found = self._get(photo_id)
        if found is None:
            raise PhotoNotFound(f"No photo {photo_id}.")
        self._seen(found)
        return found

    def find(self, photo_id: str) -> Photo | None:
        found = self._get(photo_id)
        self._seen(found)
        return found

    def remove(self, photo: Photo) -> None:
        """Forget the photo; its events (the files to delete) are still collected."""
        self._seen(photo)
        self._remove(photo)

    @abc.abstractmethod
    def _of_listing(self, listing_id: str) -> list[Photo]: ...

    @abc.abstractmethod
    def _add(self, photo: Photo) -> None: ...

    @abc.abstractmethod
    def _get(self, photo_id: str) -> Photo | None: ...

    @abc.abstractmethod
    def _remove(self, photo: Photo) -> None: ...
