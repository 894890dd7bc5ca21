"""A listing's photos: at most 50, in the host's order, each made ready by the worker (its
variants) or failed with a reason."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum

from attrs import define, field, frozen

from rental.domain.aggregate import Aggregate
from rental.domain.errors import Conflict, DomainError, InvalidInput, NotFound
from rental.domain.events import Event
from rental.domain.text import check_text

MAX_PHOTOS = 50
MAX_CAPTION = 250
MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 50_000_000
MIN_WIDTH, MIN_HEIGHT = 400, 300
# The variants' widths at most (aspect kept; a smaller original is never enlarged).
VARIANT_WIDTHS = {"small": 320, "medium": 720, "large": 1440}


class PhotoStatus(StrEnum):
    PROCESSING = "processing"
    READY = "ready"
    FAILED = "failed"


class PhotoNotFound(NotFound):
    """No such photo on this listing."""


class TooManyPhotos(Conflict):
    """The listing has its 50 photos already."""


class ImageRefused(InvalidInput):
    """The image is too large or too small (in pixels)."""


class UnsupportedImage(DomainError):
    """The bytes are not a JPEG, PNG, WebP or HEIC image."""


class UploadTooLarge(DomainError):
    """The upload is over 20 MB."""


def check_caption(caption: str) -> str:
    errors: dict[str, list[str]] = {}
    check_text(errors, "caption", caption, limit=MAX_CAPTION, multiline=False)
    if errors:
        raise InvalidInput(errors)
    return caption


def check_dimensions(width: int, height: int) -> None:
    """At most 50 megapixels, at least 400 x 300 (either way round)."""
    if width * height > MAX_PIXELS:
        raise ImageRefused.field(
            "file", f"The image has {width} x {height} pixels; at most 50 megapixels are taken."
        )
    if max(width, height) < MIN_WIDTH or min(width, height) < MIN_HEIGHT:
        raise ImageRefused.field(
            "file", f"The image has {width} x {height} pixels; at least 400 x 300 are needed."
        )


@frozen(kw_only=True)
class PhotoUploaded(Event):
    listing_id: str
    photo_id: str


@frozen(kw_only=True)
class PhotoFilesDropped(Event):
    """The files under these media keys (separated by spaces, which no key has) belong to
    nothing any more: the worker deletes them."""

    listing_id: str
    photo_id: str
    keys: str

    @property
    def key_list(self) -> list[str]:
        return self.keys.split()


@define(slots=False, eq=False)
class Photo(Aggregate):
    """One photo of a listing. ``original_key`` is the upload until the worker has made the
    variants (then it is deleted); ``variants`` maps small, medium and large to their keys."""

    id: str
    listing_id: str
    position: int
    caption: str
    width: int
    height: int
    original_key: str | None
    created_at: datetime
    updated_at: datetime
    status: str = PhotoStatus.PROCESSING.value
    variants: dict[str, str] | None = None
    failure_reason: str | None = None
    version: int = field(default=1, kw_only=True)

    @property
    def keys(self) -> tuple[str, ...]:
        """Every file this photo has."""
        made = tuple((self.variants or {}).values())
        return made + ((self.original_key,) if self.original_key else ())

    def recaption(self, caption: str, now: datetime) -> None:
        self.caption = check_caption(caption)
        self.updated_at = now
        self.bump_version()

    def made_ready(self, variants: dict[str, str], width: int, height: int, now: datetime) -> bool:
        """The worker made the variants; the upload is no longer needed. Done once: a second
        run finds the photo ready and changes nothing (False)."""
        if self.status != PhotoStatus.PROCESSING:
            return False
        original, self.original_key = self.original_key, None
        self.status, self.variants = PhotoStatus.READY.value, dict(variants)
        self.width, self.height, self.updated_at = width, height, now
        self.bump_version()
        if original:
            self._drop([original], now)
        return True

    def failed(self, reason: str, now: datetime) -> bool:
        """The upload cannot be made into variants (False when it was settled already)."""
        if self.status != PhotoStatus.PROCESSING:
            return False
        original, self.original_key = self.original_key, None
        self.status, self.failure_reason, self.updated_at = PhotoStatus.FAILED.value, reason, now
        self.bump_version()
        if original:
            self._drop([original], now)
        return True

    def removed(self, now: datetime) -> None:
        self._drop(list(self.keys), now)

    def _drop(self, keys: Sequence[str], now: datetime) -> None:
        self.record(
            PhotoFilesDropped(
                occurred_at=now, listing_id=self.listing_id, photo_id=self.id, keys=" ".join(keys)
            )
        )


@define
class Album:
    """A listing's photos in order; every change bumps the listing's version (the caller saves
    the listing too), so that two uploads at once cannot both take the 50th place."""

    listing_id: str
    photos: list[Photo]

    def __attrs_post_init__(self) -> None:
        self.photos.sort(key=lambda p: (p.position, p.created_at, p.id))

    def check_room_for_one_more(self) -> None:
        if len(self.photos) >= MAX_PHOTOS:
            raise TooManyPhotos(f"A listing has at most {MAX_PHOTOS} photos.")

    def add(
        self,
        *,
        photo_id: str,
        caption: str,
        width: int,
        height: int,
        original_key: str,
        now: datetime,
    ) -> Photo:
        self.check_room_for_one_more()
        check_dimensions(width, height)
        photo = Photo(
            id=photo_id,
            listing_id=self.listing_id,
            position=len(self.photos),
            caption=check_caption(caption),
            width=width,
            height=height,
            original_key=original_key,
            created_at=now,
            updated_at=now,
        )
        photo.record(PhotoUploaded(occurred_at=now, listing_id=self.listing_id, photo_id=photo_id))
        self.photos.append(photo)
        return photo

    def get(self, photo_id: str) -> Photo:
        for photo in self.photos:
            if photo.id == photo_id:
                return photo
        raise PhotoNotFound(f"No photo {photo_id} on this listing.")

    def reorder(self, photo_ids: Sequence[str], now: datetime) -> None:
        """Exactly the listing's photos, each once, in the new order."""
        mine = {p.id for p in self.photos}
        if len(photo_ids) != len(set(photo_ids)) or set(photo_ids) != mine:
            raise InvalidInput.field(
                "photo_ids", "must name each photo of the listing exactly once."
            )
        position = {photo_id: index for index, photo_id in enumerate(photo_ids)}
        for photo in self.photos:
            if photo.position != position[photo.id]:
                photo.position = position[photo.id]
                photo.updated_at = now
                photo.bump_version()
        self.__attrs_post_init__()

    def remove(self, photo_id: str, now: datetime) -> Photo:
        photo = self.get(photo_id)
        self.photos.remove(photo)
        photo.removed(now)
        for index, other in enumerate(self.photos):
            if other.position != index:
                other.position = index
                other.bump_version()
        return photo

    @property
    def cover(self) -> Photo | None:
        return self.photos[0] if self.photos else None
