"""The local media store's files at /media/…: immutable caching, nosniff, an ETag, and no path
from a client ever reaching the file system."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from rental.adapters.media.files import FileMediaStore

WEBP = b"RIFF\x1a\x00\x00\x00WEBPVP8 fake"
KEY = "photos/abc/def-small.webp"


def _store(app: Flask) -> FileMediaStore:
    store = app.extensions["rental"].media_files
    assert isinstance(store, FileMediaStore)
    return store


def test_a_stored_file_is_served_immutable_with_an_etag(
    memory_app: Flask, memory_client: FlaskClient
) -> None:
    _store(memory_app).put(KEY, WEBP, "image/webp")
    response = memory_client.get(f"/media/{KEY}")
    assert response.status_code == 200
    assert response.data == WEBP
    assert response.mimetype == "image/webp"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    etag = response.headers["ETag"]
    again = memory_client.get(f"/media/{KEY}", headers={"If-None-Match": etag})
    assert again.status_code == 304


def test_paths_outside_the_store_or_not_of_our_shape_are_404(
    memory_app: Flask, memory_client: FlaskClient, tmp_path: object
) -> None:
    store = _store(memory_app)
    store.root.mkdir(parents=True, exist_ok=True)
    secret = store.root.parent / "secret.json"
    secret.write_text('{"password": "x"}')
    for path in (
        "/media/../secret.json", "/media/%2e%2e/secret.json", "/media/..%2fsecret.json",
        "/media//etc/passwd", "/media/photos/abc/def-small.svg", "/media/photos/x y.webp",
        "/media/photos/missing.webp", "/media/", "/media/photos",
    ):  # fmt: skip
        response = memory_client.get(path, follow_redirects=True)
        assert response.status_code == 404, path
        assert b"password" not in response.data
