"""The contract of the media store port: every adapter (the file system, S3) passes it.

Subclass ``MediaStoreContract`` and give it a ``store`` fixture, and ``fetch(url)`` returning
the bytes a client gets at a URL the store made (or None where it cannot be fetched here).
"""

from __future__ import annotations

import io
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from rental.application.media import BadMediaKey, MediaStore, StoredFile

WEBP = b"RIFF\x1a\x00\x00\x00WEBPVP8 fake bytes of a picture"


def a_key(extension: str = "webp") -> str:
    return f"photos/{uuid.uuid4().hex}/{uuid.uuid4().hex}-large.{extension}"


class MediaStoreContract:
    def fetch(self, url: str) -> bytes | None:
        raise NotImplementedError

    def test_a_file_put_is_read_back_with_its_type(self, store: MediaStore) -> None:
        key = a_key()
        store.put(key, WEBP, "image/webp")
        assert store.get(key) == StoredFile(WEBP, "image/webp")

    def test_a_file_object_is_read_from_its_position_and_a_second_put_replaces(
        self, store: MediaStore
    ) -> None:
        key = a_key("json")
        stream = io.BytesIO(b'xx{"a": 1}')
        stream.seek(2)
        store.put(key, stream, "application/json")
        assert store.get(key) == StoredFile(b'{"a": 1}', "application/json")
        store.put(key, b'{"a": 2}', "application/json")
        assert store.get(key) == StoredFile(b'{"a": 2}', "application/json")

    def test_a_missing_key_reads_none_and_deleting_twice_is_harmless(
        self, store: MediaStore
    ) -> None:
        key = a_key()
        assert store.get(key) is None
        store.put(key, WEBP, "image/webp")
        store.delete(key)
        store.delete(key)
        assert store.get(key) is None

    @pytest.mark.parametrize(
        "key",
        [
            "../etc/passwd.json", "/etc/passwd.json", "photos/../x.webp", "photos//x.webp",
            "photos/x", "photos/x.exe", "photos\\x.webp", "photos/x.webp/", "photos/x y.webp",
            "", ".webp", "photos/x..webp",
        ],
    )  # fmt: skip
    def test_keys_not_of_our_shape_are_refused_everywhere(
        self, store: MediaStore, key: str
    ) -> None:
        for call in (
            lambda: store.put(key, WEBP, "image/webp"),
            lambda: store.get(key),
            lambda: store.delete(key),
            lambda: store.url(key),
        ):
            with pytest.raises(BadMediaKey):
                call()

    def test_a_key_holds_only_the_type_of_its_extension(self, store: MediaStore) -> None:
        with pytest.raises(BadMediaKey):
            store.put(a_key(), b"<svg/>", "image/svg+xml")

    def test_the_url_serves_the_file(self, store: MediaStore) -> None:
        key = a_key()
        store.put(key, WEBP, "image/webp")
        url = store.url(key)
        assert key in url
        fetched = self.fetch(url)
        assert fetched is None or fetched == WEBP

    def test_keys_lists_only_files_under_the_prefix_written_before_the_time(
        self, store: MediaStore
    ) -> None:
        prefix = f"uploads/{uuid.uuid4().hex}/"
        old, other = f"{prefix}a/original.jpg", f"photos/{uuid.uuid4().hex}/original.jpg"
        store.put(old, b"\xff\xd8", "image/jpeg")
        store.put(other, b"\xff\xd8", "image/jpeg")
        later = datetime.now(UTC) + timedelta(minutes=5)
        assert list(store.keys(prefix, later)) == [old]
        assert list(store.keys(prefix, later - timedelta(hours=1))) == []
