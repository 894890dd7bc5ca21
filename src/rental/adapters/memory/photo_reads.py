"""Photos read in the in-memory mode."""

from __future__ import annotations

from collections.abc import Collection

from rental.adapters.memory.store import MemoryStore
from rental.application.photo_reads import PhotoView


class MemoryPhotoReads:
    def __init__(self, store: MemoryStore) -> None:
        self._store = store

    def of_listings(
        self, listing_ids: Collection[str], *, ready_only: bool
    ) -> dict[str, list[PhotoView]]:
        wanted = set(listing_ids)
        with self._store.lock:
            views = [PhotoView.of(p) for p in self._store.data.photos.values()]
        found: dict[str, list[PhotoView]] = {i: [] for i in wanted}
        for view in sorted(views, key=lambda v: (v.position, v.id)):
            if view.listing_id in wanted and (view.is_ready or not ready_only):
                found[view.listing_id].append(view)
        return found

    def covers(self, listing_ids: Collection[str]) -> dict[str, PhotoView]:
        albums = self.of_listings(listing_ids, ready_only=True)
        return {i: photos[0] for i, photos in albums.items() if photos}
