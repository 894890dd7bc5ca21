"""RENTAL_MEDIA_*: the file system by default, S3 when a bucket is named, refusals that say why."""

from __future__ import annotations

from pathlib import Path

import pytest

from rental.adapters.media.files import FileMediaStore
from rental.adapters.media.s3 import S3MediaStore
from rental.composition import media_store_from
from rental.settings import MediaSettings, SettingsError


def test_the_file_system_under_var_media_is_the_default() -> None:
    media = MediaSettings.from_env({})
    assert media == MediaSettings(root=Path("var") / "media")
    store = media_store_from(media)
    assert isinstance(store, FileMediaStore)
    assert store.url("photos/a/b.webp") == "/media/photos/a/b.webp"


def test_a_bucket_chooses_s3_and_secrets_stay_out_of_the_repr() -> None:
    media = MediaSettings.from_env({
        "RENTAL_MEDIA_S3_ENDPOINT": "http://127.0.0.1:8333",
        "RENTAL_MEDIA_S3_BUCKET": "rental-media",
        "RENTAL_MEDIA_S3_ACCESS_KEY": "access-key-id",
        "RENTAL_MEDIA_S3_SECRET_KEY": "very-secret-value",
        "RENTAL_MEDIA_BASE_URL": "https://cdn.example.com/",
    })  # fmt: skip
    assert "very-secret-value" not in repr(media) and "access-key-id" not in repr(media)
    store = media_store_from(media)
    assert isinstance(store, S3MediaStore)
    assert store.url("photos/a/b.webp") == "https://cdn.example.com/photos/a/b.webp"


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"RENTAL_MEDIA_S3_BUCKET": "Bad_Bucket"}, "RENTAL_MEDIA_S3_BUCKET"),
        ({"RENTAL_MEDIA_S3_ENDPOINT": "http://x:1"}, "RENTAL_MEDIA_S3_ENDPOINT"),
        ({"RENTAL_MEDIA_BASE_URL": "cdn.example.com"}, "RENTAL_MEDIA_BASE_URL"),
        ({"RENTAL_MEDIA_S3_BUCKET": "b-1", "RENTAL_MEDIA_S3_ACCESS_KEY": "k"}, "ACCESS_KEY"),
    ],
)
def test_bad_media_settings_are_refused_by_name(env: dict[str, str], named: str) -> None:
    with pytest.raises(SettingsError, match=named):
        MediaSettings.from_env(env)
