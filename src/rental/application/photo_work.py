"""The work around photos that spans the media store and the database: taking an upload in,
making its variants (the worker), deleting files nothing holds any more, and sweeping uploads
that never finished."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from datetime import timedelta
from typing import Any, BinaryIO

from rental.application import photo_commands as p
from rental.application.commands import Actor, Command
from rental.application.delivery import Consumer
from rental.application.images import EXTENSIONS, Images, UnreadableImage
from rental.application.media import MediaStore, content_type_of
from rental.application.ports import Clock, IdGenerator
from rental.application.unit_of_work import UnitOfWork
from rental.domain.events import Event, ListingDeleted
from rental.domain.listings.photos import (
    VARIANT_WIDTHS,
    Photo,
    PhotoFilesDropped,
    PhotoStatus,
    PhotoUploaded,
    check_caption,
    check_dimensions,
)

logger = logging.getLogger(__name__)
UPLOADS = "uploads/"
# An upload still there after this long belongs to nothing, or its processing is stuck.
ABANDONED_AFTER = timedelta(hours=24)


class PhotoWork:
    """Photos' files: ``upload`` (the API), ``make_variants`` and ``drop_files`` (the
    worker, through the outbox's events), ``sweep_uploads`` (the worker, periodically)."""

    def __init__(
        self,
        *,
        handle: Callable[[Command], Any],
        uow_factory: Callable[[], UnitOfWork],
        media: MediaStore,
        images: Images,
        ids: IdGenerator,
        clock: Clock,
    ) -> None:
        self._handle = handle
        self._uow_factory = uow_factory
        self._media = media
        self._images = images
        self._ids = ids
        self._clock = clock

    def upload(self, actor: Actor, listing_id: str, source: BinaryIO, caption: str) -> Photo:
        """Take an upload in (``source`` at its start): checked by its header (type, pixels)
        before anything is written, kept under a fresh unguessable key, then added to the
        listing, which checks who may and that there is room (a refusal deletes the kept
        upload; callers may ask ``CheckPhotoRoom`` first, before reading the upload)."""
        facts = self._images.inspect(source)
        check_dimensions(facts.width, facts.height)
        caption = check_caption(caption)
        photo_id = self._ids.new_id()
        key = f"{UPLOADS}{photo_id}/{secrets.token_urlsafe(18)}.{EXTENSIONS[facts.format]}"
        source.seek(0)
        self._media.put(key, source, content_type_of(key))
        try:
            photo: Photo = self._handle(
                p.AddPhoto(
                    actor=actor,
                    listing_id=listing_id,
                    photo_id=photo_id,
                    caption=caption,
                    width=facts.width,
                    height=facts.height,
                    original_key=key,
                )
            )
        except BaseException:
            self._media.delete(key)  # refused (the 51st) or failed: the upload belongs to nothing
            raise
        return photo

    def _photo(self, photo_id: str) -> Photo | None:
        with self._uow_factory() as uow:
            return uow.photos.find(photo_id)

    def make_variants(self, photo_id: str) -> None:
        """Make and store the variants of a photo still processing, then record them; a
        second run (a redelivered event) finds it ready and does nothing."""
        photo = self._photo(photo_id)
        if photo is None or photo.status != PhotoStatus.PROCESSING or not photo.original_key:
            return
        stored = self._media.get(photo.original_key)
        if stored is None:
            self._handle(p.RecordPhotoFailure(photo_id=photo_id, reason="The upload is gone."))
            return
        try:
            made = self._images.variants(stored.data, VARIANT_WIDTHS)
        except UnreadableImage as error:
            self._handle(p.RecordPhotoFailure(photo_id=photo_id, reason=error.reason))
            return
        # Named after the upload's random key, so that a second run writes the same files.
        token = photo.original_key.rsplit("/", 1)[1].split(".")[0]
        keys = {
            name: f"photos/{photo.listing_id}/{photo_id}/{token}-{name}.webp" for name in made.files
        }
        for name, data in made.files.items():
            self._media.put(keys[name], data, "image/webp")
        took = self._handle(
            p.RecordPhotoVariants(
                photo_id=photo_id, variants=keys, width=made.width, height=made.height
            )
        )
        if not took and self._photo(photo_id) is None:
            for key in keys.values():  # deleted while we worked: nothing holds these
                self._media.delete(key)

    def drop_files(self, keys: list[str]) -> None:
        """Delete files nothing holds any more (an error raises: the event comes again)."""
        for key in keys:
            self._media.delete(key)

    def sweep_uploads(self, older_than: timedelta = ABANDONED_AFTER) -> int:
        """Uploads left over: their photo was never added (the request died between the store
        and the database), or is stuck processing (then it fails). How many were swept."""
        swept = 0
        for key in list(self._media.keys(UPLOADS, self._clock.now() - older_than)):
            photo = self._photo(key.split("/")[1])
            if photo is not None and photo.original_key == key:
                reason = "The upload was not processed in time; upload it again."
                self._handle(p.RecordPhotoFailure(photo_id=photo.id, reason=reason))
            else:
                self._media.delete(key)
            swept += 1
        return swept

    def consumers(self) -> list[Consumer]:
        """What the worker does on photos' events."""

        def variants(event: Event) -> None:
            assert isinstance(event, PhotoUploaded)
            self.make_variants(event.photo_id)

        def drop(event: Event) -> None:
            assert isinstance(event, PhotoFilesDropped)
            self.drop_files(event.key_list)

        def listing_gone(event: Event) -> None:
            assert isinstance(event, ListingDeleted)
            self._handle(p.RemoveListingPhotos(listing_id=event.listing_id))

        # Each is idempotent by itself (a photo no longer processing is left alone, a missing
        # file is not an error), so none needs the ledger, whose transaction would also hold
        # SQLite's one write lock while these write through their own units of work.
        return [
            Consumer("photo_variants", (PhotoUploaded,), variants, once=False),
            Consumer("photo_files", (PhotoFilesDropped,), drop, once=False),
            Consumer("listing_photos", (ListingDeleted,), listing_gone, once=False),
        ]
