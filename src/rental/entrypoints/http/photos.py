"""Listings' photos: upload (the image as the body, or the ``file`` part of a form), caption,
order, delete; and how a photo is shown (its variants' URLs)."""

from __future__ import annotations

import contextlib
import socket
import tempfile
from collections.abc import Callable
from typing import IO, Any, BinaryIO, cast
from urllib.parse import urljoin
from uuid import UUID

from flask import Flask, Response, request, url_for
from werkzeug.exceptions import RequestEntityTooLarge

from rental.application import photo_commands as p
from rental.application.commands import Actor
from rental.application.media import MediaStore
from rental.application.photo_reads import PhotoView
from rental.application.queries import Page
from rental.domain.errors import InvalidInput
from rental.domain.listings.listing import Listing
from rental.domain.listings.photos import MAX_BYTES, Photo, PhotoNotFound, UploadTooLarge
from rental.entrypoints.http.auth import current_actor, jwt_required, optional_actor
from rental.entrypoints.http.context import BEARER, Blueprint, get_rental, location_header
from rental.entrypoints.web.problems import OWN_BODIES
from rental.entrypoints.web.schemas.photos import (
    CaptionQuerySchema,
    CaptionSchema,
    PhotoListSchema,
    PhotoOrderSchema,
    PhotoSchema,
)

blp = Blueprint("photos", __name__, description="Listings' photos.")
CHUNK = 64 * 1024
# A form around the image: its boundaries, part headers and the caption.
FORM_ENVELOPE = 64 * 1024
BINARY = {"schema": {"type": "string", "format": "binary"}}
UPLOAD_BODY = {
    "required": True,
    "description": "The image, at most 20 MiB (20,971,520 bytes): as the whole body, or as "
    "the `file` part of a form with an optional `caption` part. Its type is decided by "
    "decoding it (JPEG, PNG, WebP, HEIC), never by `Content-Type` or a file name.",
    "content": {
        "image/jpeg": BINARY,
        "image/png": BINARY,
        "image/webp": BINARY,
        "image/heic": BINARY,
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {"type": "string", "format": "binary"},
                    "caption": {"type": "string", "maxLength": 250},
                },
            }
        },
    },
}


def photo_json(photo: Photo | PhotoView, media: MediaStore | None = None) -> dict[str, Any]:
    """A photo as clients see it, its variants' URLs absolute."""
    store = media or get_rental().media
    assert store is not None
    urls = None
    if photo.variants and photo.status == "ready":
        variants = photo.variants.items()
        urls = {name: urljoin(request.host_url, store.url(key)) for name, key in variants}
    return {
        "id": photo.id,
        "status": photo.status,
        "caption": photo.caption,
        "position": photo.position,
        "width": photo.width,
        "height": photo.height,
        "urls": urls,
        "failure_reason": photo.failure_reason,
    }


class ShownListing:
    """A listing with its photos, as the listing schemas read it (its own attributes pass
    through)."""

    def __init__(
        self,
        listing: Listing,
        photos: list[dict[str, Any]] | None,
        cover: dict[str, Any] | None,
        distance_km: float | None = None,
    ) -> None:
        self._listing = listing
        if photos is not None:  # else left out (a search result)
            self.photos = photos
        self.cover_photo = cover
        if distance_km is not None:  # else left out (all but a search near a point)
            self.distance_km = distance_km

    def __getattr__(self, name: str) -> Any:
        return getattr(self._listing, name)


def shown(listing: Listing, viewer: Actor | None) -> ShownListing:
    """``listing`` with the photos ``viewer`` may see: all for its host and admins, the ready
    ones for others; the cover is the first ready one."""
    reads = get_rental().photo_reads
    assert reads is not None
    mine = viewer is not None and (viewer.is_admin or viewer.user_id == listing.host_id)
    album = reads.of_listings([listing.id], ready_only=not mine)[listing.id]
    cover = next((photo for photo in album if photo.is_ready), None)
    return ShownListing(
        listing, [photo_json(x) for x in album], photo_json(cover) if cover else None
    )


def shown_page(
    page: Page[Listing], distance: Callable[[Listing], float | None] | None = None
) -> Page[ShownListing]:
    """A page of listings with their covers, read in one query for the whole page (and each
    one's ``distance``, when given)."""
    reads = get_rental().photo_reads
    assert reads is not None
    covers = reads.covers([listing.id for listing in page.items])
    items = [
        ShownListing(
            x,
            None,
            photo_json(covers[x.id]) if x.id in covers else None,
            distance(x) if distance else None,
        )
        for x in page.items
    ]
    return Page(items, page.page, page.per_page, page.total)


def _stop_reading() -> None:
    """Past the limit: read no more of the body, and let the server close the connection
    instead of reading the rest to keep it alive (gunicorn's socket; no-op elsewhere)."""
    sock = request.environ.get("gunicorn.socket")
    if isinstance(sock, socket.socket):
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RD)


def _too_large() -> UploadTooLarge:
    _stop_reading()
    return UploadTooLarge(f"An image may have at most {MAX_BYTES} bytes (20 MiB).")


def _raw_body() -> IO[bytes]:
    """The body, copied to a temporary file as it arrives, refused past ``MAX_BYTES``."""
    if (request.content_length or 0) > MAX_BYTES:
        raise _too_large()  # said before a byte of it is read
    request.max_content_length = MAX_BYTES
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the caller, which closes it
    try:
        total = 0
        while chunk := request.stream.read(CHUNK):
            total += len(chunk)
            if total > MAX_BYTES:
                raise _too_large()
            spool.write(chunk)
    except RequestEntityTooLarge:
        spool.close()
        raise _too_large() from None
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return spool


def _form_file() -> tuple[IO[bytes], str | None]:
    """The ``file`` part (Werkzeug spools it to a temporary file) and the ``caption`` part."""
    if (request.content_length or 0) > MAX_BYTES + FORM_ENVELOPE:
        raise _too_large()
    request.max_content_length = MAX_BYTES + FORM_ENVELOPE
    request.max_form_memory_size = FORM_ENVELOPE
    request.max_form_parts = 10
    try:
        form, files = request.form, request.files
    except RequestEntityTooLarge:
        raise _too_large() from None
    unknown = sorted(set(form) - {"caption"} | set(files) - {"file"})
    if unknown:
        raise InvalidInput({name: ["Unknown field."] for name in unknown})
    upload = files.get("file")
    if upload is None:
        raise InvalidInput.field("file", "is required: the image.")
    stream: IO[bytes] = upload.stream
    if stream.seek(0, 2) > MAX_BYTES:
        raise _too_large()
    stream.seek(0)
    return stream, form.get("caption")


@blp.post("/listings/<listing_id>/photos")
@jwt_required()
@blp.arguments(CaptionQuerySchema, location="query")
@blp.response(202, PhotoSchema, headers=location_header("The photo's URL."))
@blp.problems(401, 403, 404, 409, 413, 415)
@blp.doc(security=BEARER, requestBody=UPLOAD_BODY)
def upload_photo(query: dict[str, Any], listing_id: str) -> tuple[dict[str, Any], int, Any]:
    """Add a photo (its host or an admin): answered 202 `processing` at once; the worker makes
    its variants (then `ready` with `urls`, or `failed` with `failure_reason`). 415 for anything
    but a JPEG, PNG, WebP or HEIC image (by its content); 413 over 20 MiB, said without reading
    the rest of the body; 422 over 50 megapixels or under 400 x 300; 409 past 50 photos."""
    actor = current_actor()
    rental = get_rental()
    # Who may, and whether there is room, before a byte of the body is read.
    rental.handle(p.CheckPhotoRoom(actor=actor, listing_id=listing_id))
    if request.mimetype == "multipart/form-data":
        source, caption = _form_file()
        if caption is not None and "caption" in query:
            raise InvalidInput.field("caption", "Send it in the form or the query, not both.")
    else:
        source, caption = _raw_body(), None
    with source:
        assert rental.photos is not None
        caption = caption if caption is not None else query.get("caption", "")
        photo = rental.photos.upload(actor, listing_id, cast(BinaryIO, source), caption)
    location = url_for("photos.get_photo", listing_id=listing_id, photo_id=photo.id)
    return photo_json(photo), 202, {"Location": location}


def _album(listing_id: str) -> list[PhotoView]:
    """What the caller may see: every photo for its host and admins, ready ones for others."""
    rental = get_rental()
    viewer = optional_actor()
    listing = rental.reads.listing(listing_id, viewer)
    mine = viewer is not None and (viewer.is_admin or viewer.user_id == listing.host_id)
    assert rental.photo_reads is not None
    return rental.photo_reads.of_listings([listing_id], ready_only=not mine)[listing_id]


@blp.get("/listings/<listing_id>/photos")
@blp.doc(operationId="listPhotos", security=[{}, *BEARER])
@blp.response(200, PhotoListSchema)
@blp.problems(401, 404)
def list_photos(listing_id: str) -> dict[str, Any]:
    """A listing's photos in order; others than its host and admins see the ready ones."""
    return {"items": [photo_json(photo) for photo in _album(listing_id)]}


@blp.get("/listings/<listing_id>/photos/<uuid:photo_id>")
@blp.doc(operationId="getPhoto", security=[{}, *BEARER])
@blp.response(200, PhotoSchema)
@blp.problems(401, 404)
def get_photo(listing_id: str, photo_id: UUID) -> dict[str, Any]:
    """One photo (poll it after an upload until it is `ready` or `failed`)."""
    for photo in _album(listing_id):
        if photo.id == str(photo_id):
            return photo_json(photo)
    raise PhotoNotFound(f"No photo {photo_id} on this listing.")


@blp.patch("/listings/<listing_id>/photos/<uuid:photo_id>")
@jwt_required()
@blp.arguments(CaptionSchema)
@blp.response(200, PhotoSchema)
@blp.problems(401, 403, 404, 415)
@blp.doc(security=BEARER, operationId="captionPhoto")
def caption_photo(body: dict[str, Any], listing_id: str, photo_id: UUID) -> dict[str, Any]:
    """Change a photo's caption (its host or an admin)."""
    command = p.CaptionPhoto(
        actor=current_actor(),
        listing_id=listing_id,
        photo_id=str(photo_id),
        caption=body["caption"],
    )
    return photo_json(get_rental().handle(command))


@blp.put("/listings/<listing_id>/photos/order")
@jwt_required()
@blp.arguments(PhotoOrderSchema)
@blp.response(200, PhotoListSchema)
@blp.problems(401, 403, 404, 415)
@blp.doc(security=BEARER, operationId="reorderPhotos")
def reorder_photos(body: dict[str, Any], listing_id: str) -> dict[str, Any]:
    """Put the photos in this order (the first is the cover): `photo_ids` names every photo of
    the listing exactly once, else 422."""
    command = p.ReorderPhotos(
        actor=current_actor(), listing_id=listing_id, photo_ids=body["photo_ids"]
    )
    return {"items": [photo_json(photo) for photo in get_rental().handle(command)]}


@blp.delete("/listings/<listing_id>/photos/<uuid:photo_id>")
@jwt_required()
@blp.response(204)
@blp.problems(401, 403, 404)
@blp.doc(security=BEARER, operationId="deletePhoto")
def delete_photo(listing_id: str, photo_id: UUID) -> Response:
    """Delete a photo (its host or an admin); the worker deletes its files."""
    command = p.DeletePhoto(actor=current_actor(), listing_id=listing_id, photo_id=str(photo_id))
    get_rental().handle(command)
    return Response(status=204)


def init_app(app: Flask) -> None:
    """The upload reads its own body (an image, not JSON), with its own limit."""
    app.extensions.setdefault(OWN_BODIES, set()).add("photos.upload_photo")
