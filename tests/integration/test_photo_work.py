"""The worker's side of photos, on the file system and on a real S3 server (SeaweedFS): the
variants made once whatever the redeliveries, files deleted with their photo or listing, and
uploads that never finished swept."""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from PIL import Image

from rental.adapters.media.files import FileMediaStore
from rental.adapters.media.s3 import S3MediaStore
from rental.adapters.system import SettableClock
from rental.application import commands as c
from rental.application import photo_commands as p
from rental.application.commands import Actor
from rental.application.media import MediaStore
from rental.composition import Rental, bootstrap
from rental.domain.listings.photos import PhotoStatus
from tests.images import jpeg
from tests.seaweedfs import ACCESS_KEY, SECRET_KEY, SeaweedS3, seaweedfs  # noqa: F401


def _rental(media: MediaStore, clock: SettableClock | None = None) -> tuple[Rental, Actor, str]:
    rental = bootstrap(media_store=media, clock=clock or SettableClock(datetime.now(UTC)))
    register = c.RegisterUser(
        username="photo_owner",
        email="owner@example.com",
        password="correct horse battery",
        role="host",
    )
    user = rental.handle(register)
    host = Actor(user_id=user.id, role="host")
    listing = rental.handle(
        c.CreateListing(actor=host, title="Loft", city="Lisbon", country="PT",
                        price_per_night=10000, max_guests=2)
    )  # fmt: skip
    return rental, host, listing.id


def _upload(rental: Rental, host: Actor, listing_id: str, data: bytes) -> str:
    assert rental.photos is not None
    return rental.photos.upload(host, listing_id, io.BytesIO(data), "").id


def _photo(rental: Rental, listing_id: str, photo_id: str) -> object:
    assert rental.photo_reads is not None
    album = rental.photo_reads.of_listings([listing_id], ready_only=False)[listing_id]
    return next((x for x in album if x.id == photo_id), None)


@pytest.fixture
def s3_store(seaweedfs: SeaweedS3) -> Iterator[S3MediaStore]:  # noqa: F811
    bucket = f"photos-{uuid.uuid4().hex[:12]}"
    seaweedfs.create_bucket(bucket)
    yield S3MediaStore(
        bucket=bucket, endpoint_url=seaweedfs.endpoint, access_key=ACCESS_KEY,
        secret_key=SECRET_KEY,
    )  # fmt: skip


def test_on_s3_the_variants_are_stored_and_served_by_presigned_links(
    s3_store: S3MediaStore,
) -> None:
    rental, host, listing_id = _rental(s3_store)
    photo_id = _upload(rental, host, listing_id, jpeg(1600, 1200, gps=True))
    view = _photo(rental, listing_id, photo_id)
    assert view.status == PhotoStatus.READY  # type: ignore[attr-defined]
    for name, key in view.variants.items():  # type: ignore[attr-defined]
        response = requests.get(s3_store.url(key), timeout=10)
        assert response.status_code == 200 and response.headers["Content-Type"] == "image/webp"
        with Image.open(io.BytesIO(response.content)) as variant:
            assert variant.width == {"small": 320, "medium": 720, "large": 1440}[name]
            assert len(variant.getexif()) == 0
    # The upload, with its GPS, is gone once the variants exist.
    later = datetime.now(UTC) + timedelta(days=2)
    assert list(s3_store.keys("uploads/", later)) == []
    rental.close()


def test_making_the_variants_again_changes_nothing(tmp_path: Path) -> None:
    store = FileMediaStore(tmp_path)
    rental, host, listing_id = _rental(store)
    photo_id = _upload(rental, host, listing_id, jpeg())
    files = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.webp"))
    before = _photo(rental, listing_id, photo_id)
    assert rental.photos is not None
    rental.photos.make_variants(photo_id)  # a redelivered event
    assert _photo(rental, listing_id, photo_id) == before
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.webp")) == files
    assert len(files) == 3
    rental.close()


def test_deleting_a_photo_or_its_listing_deletes_its_files(tmp_path: Path) -> None:
    store = FileMediaStore(tmp_path)
    rental, host, listing_id = _rental(store)
    first = _upload(rental, host, listing_id, jpeg())
    _upload(rental, host, listing_id, jpeg())
    assert len(list(tmp_path.rglob("*.webp"))) == 6
    rental.handle(p.DeletePhoto(actor=host, listing_id=listing_id, photo_id=first))
    assert len(list(tmp_path.rglob("*.webp"))) == 3
    rental.handle(c.DeleteListing(actor=host, listing_id=listing_id))
    assert list(tmp_path.rglob("*.webp")) == []
    assert rental.photo_reads is not None
    assert rental.photo_reads.of_listings([listing_id], ready_only=False)[listing_id] == []
    rental.close()


def test_a_failed_delete_of_files_is_tried_again(tmp_path: Path) -> None:
    class Flaky(FileMediaStore):
        fail = True

        def delete(self, key: str) -> None:
            if self.fail:
                raise OSError("the store is away")
            super().delete(key)

    store = Flaky(tmp_path)
    rental, host, listing_id = _rental(store)
    photo_id = _upload(rental, host, listing_id, jpeg())
    rental.handle(p.DeletePhoto(actor=host, listing_id=listing_id, photo_id=photo_id))
    assert len(list(tmp_path.rglob("*.webp"))) == 3  # the delivery failed: the event waits
    store.fail = False
    assert rental.delivery is not None
    rental.delivery.relay.run_once(datetime.now(UTC) + timedelta(hours=1))
    assert list(tmp_path.rglob("*.webp")) == []
    rental.close()


def test_uploads_that_never_became_a_photo_are_swept_after_a_day(tmp_path: Path) -> None:
    store = FileMediaStore(tmp_path)
    clock = SettableClock(datetime.now(UTC))
    rental, host, listing_id = _rental(store, clock)
    # The request died between the store and the database: an upload nothing holds.
    store.put("uploads/lost-photo/abc.jpg", jpeg(), "image/jpeg")
    # A photo whose processing never ran (its event lost): it fails, its upload goes.
    rental.handle(
        p.AddPhoto(actor=host, listing_id=listing_id, photo_id="stuck", caption="", width=800,
                   height=600, original_key="uploads/stuck/def.jpg")
    )  # fmt: skip
    store.put("uploads/stuck/def.jpg", jpeg(), "image/jpeg")
    assert rental.sweep_uploads() == 0  # not a day old yet
    clock.set(clock.now() + timedelta(days=2))
    assert rental.sweep_uploads() == 2
    assert list(tmp_path.rglob("*.jpg")) == []
    stuck = _photo(rental, listing_id, "stuck")
    assert stuck.status == PhotoStatus.FAILED and stuck.failure_reason  # type: ignore[attr-defined]
    rental.close()
