"""The files of the local media store (photos' variants), at the server root under
``/media/…``; with an S3 store every path here is a 404 (its files are served by the store or
its CDN)."""

from __future__ import annotations

from flask import Response, request, send_file

from rental.application.media import BadMediaKey, content_type_of, is_private
from rental.domain.errors import NotFound
from rental.entrypoints.http.context import Blueprint, get_rental

blp = Blueprint("media", __name__, description="Stored files (the local media store).")
# Every key names one file that never changes (a new photo gets new keys).
IMMUTABLE = "public, max-age=31536000, immutable"


@blp.get("/media/<path:key>")
@blp.doc(operationId="getMediaFile")
@blp.response(200, description="The file, with a strong ETag; `If-None-Match` answers 304.")
@blp.alt_response(304, description="Not modified.")
@blp.problems(404)
def media_file(key: str) -> Response:
    """A stored file. Only keys the server made reach the file system: anything else
    (`..`, absolute paths, other characters) is a 404. A private file (a data export,
    under `exports/`) is served only through the signed link the API hands out
    (`expires`, `signature`), never cached, and as an attachment; a link past its
    expiry or altered is a 404."""
    store = get_rental().media_files
    try:
        path = None if store is None else store.path(key)
    except BadMediaKey:
        path = None
    if path is None or not path.is_file():
        raise NotFound("No such file.")
    private = is_private(key)
    args = request.args
    if private and not (
        store and store.check_link(key, args.get("expires"), args.get("signature"))
    ):
        raise NotFound("No such file.")  # a private file only by its signed, unexpired link
    response = send_file(
        path, mimetype=content_type_of(key), conditional=True, etag=True, as_attachment=private
    )
    response.headers["Cache-Control"] = "private, no-store" if private else IMMUTABLE
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
