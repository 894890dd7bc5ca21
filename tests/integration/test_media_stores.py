"""The media store contract over the file system and over a real S3 server (SeaweedFS)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import requests

from rental.adapters.media.files import FileMediaStore
from rental.adapters.media.s3 import S3MediaStore
from tests.contracts.media import WEBP, MediaStoreContract, a_key
from tests.seaweedfs import ACCESS_KEY, SECRET_KEY, SeaweedS3, seaweedfs  # noqa: F401


class TestFileMediaStore(MediaStoreContract):
    @pytest.fixture
    def store(self, tmp_path: Path) -> FileMediaStore:
        return FileMediaStore(tmp_path / "media")

    def fetch(self, url: str) -> bytes | None:
        return None  # served by the API's /media route (tests/integration/http/test_media.py)

    def test_files_live_under_the_root_and_urls_under_the_base(self, tmp_path: Path) -> None:
        store = FileMediaStore(tmp_path / "media", "https://cdn.example.com/media/")
        key = a_key()
        store.put(key, WEBP, "image/webp")
        assert (tmp_path / "media" / key).read_bytes() == WEBP
        assert store.url(key) == f"https://cdn.example.com/media/{key}"


def _s3_store(server: SeaweedS3, bucket: str, base_url: str | None = None) -> S3MediaStore:
    return S3MediaStore(
        bucket=bucket, endpoint_url=server.endpoint, access_key=ACCESS_KEY,
        secret_key=SECRET_KEY, base_url=base_url,
    )  # fmt: skip


class TestS3MediaStore(MediaStoreContract):
    @pytest.fixture
    def store(self, seaweedfs: SeaweedS3) -> Iterator[S3MediaStore]:  # noqa: F811
        bucket = f"media-{uuid.uuid4().hex[:12]}"
        seaweedfs.create_bucket(bucket)
        yield _s3_store(seaweedfs, bucket)

    def fetch(self, url: str) -> bytes | None:
        response = requests.get(url, timeout=10)
        assert response.status_code == 200, response.text
        return response.content

    def test_presigned_links_expire_and_a_base_url_makes_plain_ones(
        self,
        seaweedfs: SeaweedS3,  # noqa: F811
        store: S3MediaStore,
    ) -> None:
        key = a_key()
        store.put(key, WEBP, "image/webp")
        signed = store.url(key, expires_in=timedelta(hours=24))
        assert "X-Amz-Expires=86400" in signed and "X-Amz-Signature=" in signed
        unsigned = signed.split("?")[0]
        assert requests.get(unsigned, timeout=10).status_code in (401, 403)
        cdn = _s3_store(seaweedfs, "b", base_url="https://cdn.x")
        assert cdn.url(key) == f"https://cdn.x/{key}"
        assert "X-Amz-Signature=" in cdn.url(key, expires_in=timedelta(hours=1))

    def test_objects_are_stored_with_their_type_and_immutable_caching(
        self, store: S3MediaStore
    ) -> None:
        key = a_key()
        store.put(key, WEBP, "image/webp")
        response = requests.get(store.url(key), timeout=10)
        assert response.headers["Content-Type"] == "image/webp"
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
