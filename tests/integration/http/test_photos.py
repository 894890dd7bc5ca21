"""Listings' photos over HTTP: uploads as a body or a form, variants by the worker (in process
here), captions, order, deletion, and every bad input the contract lists."""

from __future__ import annotations

import io
import threading
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from PIL import Image
from werkzeug.test import EnvironBuilder, run_wsgi_app

from rental.application.commands import Actor
from rental.application.photo_commands import AddPhoto
from rental.domain.listings.photos import MAX_BYTES
from tests.images import GPS_IFD, HTML, PDF, PHP, SVG, encoded, jpeg, png_declaring
from tests.integration.http.booking_steps import host_with_listing
from tests.integration.http.conftest import signup

API = "/api/v1"


def upload(
    client: FlaskClient, headers: dict[str, str], listing_id: str, data: bytes,
    content_type: str = "image/jpeg", caption: str | None = None,
) -> Any:  # fmt: skip
    path = f"{API}/listings/{listing_id}/photos"
    if caption is not None:
        path += f"?caption={caption}"
    return client.post(path, data=data, headers=headers | {"Content-Type": content_type})


def fetch(client: FlaskClient, url: str) -> bytes:
    path = url.split("localhost", 1)[1]
    response = client.get(path)
    assert response.status_code == 200, url
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    return response.data


def test_an_upload_is_202_processing_then_ready_with_three_upright_variants(
    client: FlaskClient,
) -> None:
    _, headers, listing = host_with_listing(client)
    # Stored 1000 x 800 on its side (EXIF orientation 6): upright it is 800 x 1000.
    response = upload(client, headers, listing["id"], jpeg(1000, 800, orientation=6), caption="Sea")
    assert response.status_code == 202, response.get_json()
    photo = response.get_json()
    assert photo | {"id": "x"} == {
        "id": "x", "status": "processing", "caption": "Sea", "position": 0, "width": 800,
        "height": 1000, "urls": None, "failure_reason": None,
    }  # fmt: skip
    # Without Redis the worker's consumers run in process right after the commit.
    ready = client.get(response.headers["Location"]).get_json()
    assert ready["status"] == "ready"
    sizes = {}
    for name, url in ready["urls"].items():
        with Image.open(io.BytesIO(fetch(client, url))) as variant:
            assert variant.format == "WEBP"
            sizes[name] = variant.size
            # Upright: the red half (the stored left) is now on top.
            assert variant.getpixel((variant.width // 2, 5))[0] > 150  # type: ignore[index]
    assert sizes == {"small": (320, 400), "medium": (720, 900), "large": (800, 1000)}


def test_no_variant_carries_the_gps_or_any_metadata_of_the_upload(
    memory_client: FlaskClient,
) -> None:
    _, headers, listing = host_with_listing(memory_client)
    assert Image.open(io.BytesIO(jpeg(gps=True))).getexif().get_ifd(GPS_IFD)  # it has GPS
    response = upload(memory_client, headers, listing["id"], jpeg(gps=True))
    ready = memory_client.get(response.headers["Location"]).get_json()
    for url in ready["urls"].values():
        with Image.open(io.BytesIO(fetch(memory_client, url))) as variant:
            assert not variant.getexif().get_ifd(GPS_IFD)
            assert len(variant.getexif()) == 0
            assert not {"exif", "xmp", "icc_profile", "comment"} & set(variant.info)


def test_a_form_upload_takes_the_file_and_caption_parts(memory_client: FlaskClient) -> None:
    _, headers, listing = host_with_listing(memory_client)
    form = {"file": (io.BytesIO(encoded("PNG")), "holiday.svg"), "caption": "Garden"}
    response = memory_client.post(
        f"{API}/listings/{listing['id']}/photos", data=form, headers=headers,
        content_type="multipart/form-data",
    )  # fmt: skip
    assert response.status_code == 202, response.get_json()
    assert response.get_json()["caption"] == "Garden"
    missing = memory_client.post(
        f"{API}/listings/{listing['id']}/photos", data={"caption": "x"}, headers=headers,
        content_type="multipart/form-data",
    )  # fmt: skip
    assert missing.status_code == 422 and "file" in missing.get_json()["errors"]


@pytest.mark.parametrize("format_", ["PNG", "WEBP"])
def test_png_and_webp_are_taken(memory_client: FlaskClient, format_: str) -> None:
    _, headers, listing = host_with_listing(memory_client)
    # The declared type is not believed either way: a PNG sent as image/jpeg is a PNG.
    response = upload(memory_client, headers, listing["id"], encoded(format_))
    assert response.status_code == 202, response.get_json()
    assert memory_client.get(response.headers["Location"]).get_json()["status"] == "ready"


def test_heic_is_taken(memory_client: FlaskClient) -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    _, headers, listing = host_with_listing(memory_client)
    response = upload(memory_client, headers, listing["id"], encoded("HEIF"), "image/heic")
    assert response.status_code == 202, response.get_json()
    assert memory_client.get(response.headers["Location"]).get_json()["status"] == "ready"


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        (SVG, "image/svg+xml"), (SVG, "image/jpeg"), (PDF, "application/pdf"),
        (HTML, "text/html"), (PHP, "image/jpeg"), (b"", "image/jpeg"),
        (b'{"a": 1}', "application/json"),
    ],
)  # fmt: skip
def test_anything_but_an_image_is_415_whatever_it_claims(
    memory_client: FlaskClient, data: bytes, content_type: str
) -> None:
    _, headers, listing = host_with_listing(memory_client)
    response = upload(memory_client, headers, listing["id"], data, content_type)
    assert response.status_code == 415, response.get_json()
    assert response.mimetype == "application/problem+json"
    form = {"file": (io.BytesIO(data), "photo.jpg")}
    response = memory_client.post(
        f"{API}/listings/{listing['id']}/photos", data=form, headers=headers,
        content_type="multipart/form-data",
    )  # fmt: skip
    assert response.status_code == 415


def test_a_truncated_jpeg_fails_with_a_reason_never_a_500(memory_client: FlaskClient) -> None:
    _, headers, listing = host_with_listing(memory_client)
    whole = jpeg(1200, 900)
    response = upload(memory_client, headers, listing["id"], whole[: len(whole) // 3])
    assert response.status_code in (202, 415)
    if response.status_code == 202:
        photo = memory_client.get(response.headers["Location"], headers=headers).get_json()
        assert photo["status"] == "failed" and photo["failure_reason"]
        assert photo["urls"] is None


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (png_declaring(30_000, 30_000), "a bomb"),
        (png_declaring(10_000, 5_001), "just over 50 megapixels"),
        (jpeg(399, 300), "too narrow"),
        (jpeg(400, 299), "too short"),
    ],
)
def test_too_many_or_too_few_pixels_are_422_before_decoding(
    memory_client: FlaskClient, data: bytes, why: str
) -> None:
    _, headers, listing = host_with_listing(memory_client)
    response = upload(memory_client, headers, listing["id"], data)
    assert response.status_code == 422, why
    assert "file" in response.get_json()["errors"]


class CountingStream(io.RawIOBase):
    """A body of ``size`` bytes that counts what the server read of it."""

    def __init__(self, size: int) -> None:
        self.size, self.read_bytes = size, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        count = min(len(buffer), self.size - self.read_bytes)
        buffer[:count] = b"\xff" * count
        self.read_bytes += count
        return count


def _post_stream(app: Flask, path: str, headers: dict[str, str], body: CountingStream,
                 length: int | None) -> int:  # fmt: skip
    """POST ``body`` straight to the WSGI app: with a declared length, or none (chunked)."""
    environ = EnvironBuilder(path=path, method="POST", headers=headers).get_environ()
    environ["wsgi.input"] = body
    environ["CONTENT_TYPE"] = "image/jpeg"
    if length is None:
        environ.pop("CONTENT_LENGTH", None)
        environ["wsgi.input_terminated"] = True
        environ["HTTP_TRANSFER_ENCODING"] = "chunked"
    else:
        environ["CONTENT_LENGTH"] = str(length)
    _, status, _ = run_wsgi_app(app, environ, buffered=True)
    return int(status.split()[0])


def test_over_20_mib_is_413_without_reading_a_1_gb_body(
    memory_app: Flask, memory_client: FlaskClient
) -> None:
    _, headers, listing = host_with_listing(memory_client)
    path = f"{API}/listings/{listing['id']}/photos"
    gigabyte = CountingStream(1024**3)
    assert _post_stream(memory_app, path, headers, gigabyte, 1024**3) == 413
    assert gigabyte.read_bytes == 0
    # No length given (chunked): read up to the limit and one chunk more, then refused.
    endless = CountingStream(1024**3)
    assert _post_stream(memory_app, path, headers, endless, None) == 413
    assert MAX_BYTES <= endless.read_bytes <= MAX_BYTES + 64 * 1024
    just_over = jpeg() + b"\x00" * (MAX_BYTES + 1 - len(jpeg()))
    assert upload(memory_client, headers, listing["id"], just_over).status_code == 413
    exactly = jpeg() + b"\x00" * (MAX_BYTES - len(jpeg()))
    assert upload(memory_client, headers, listing["id"], exactly).status_code == 202


def test_only_its_host_or_an_admin_adds_photos(memory_client: FlaskClient) -> None:
    _, _, listing = host_with_listing(memory_client)
    _, other_host = signup(memory_client, "host")
    _, guest = signup(memory_client, "guest")
    for headers in (other_host, guest):
        assert upload(memory_client, headers, listing["id"], jpeg()).status_code == 403
    assert upload(memory_client, {}, listing["id"], jpeg()).status_code == 401
    assert upload(memory_client, other_host, "no-such-listing", jpeg()).status_code == 404


def test_caption_order_and_delete(client: FlaskClient) -> None:
    _, headers, listing = host_with_listing(client)
    lid = listing["id"]
    ids = [upload(client, headers, lid, jpeg()).get_json()["id"] for _ in range(3)]
    photos = f"{API}/listings/{lid}/photos"
    captioned = client.patch(f"{photos}/{ids[1]}", json={"caption": "Kitchen"}, headers=headers)
    assert captioned.status_code == 200 and captioned.get_json()["caption"] == "Kitchen"
    new_order = [ids[2], ids[0], ids[1]]
    ordered = client.put(f"{photos}/order", json={"photo_ids": new_order}, headers=headers)
    assert ordered.status_code == 200
    assert [p["id"] for p in ordered.get_json()["items"]] == new_order
    assert [p["position"] for p in ordered.get_json()["items"]] == [0, 1, 2]
    _, other = signup(client, "host")
    refused = client.put(f"{photos}/order", json={"photo_ids": new_order}, headers=other)
    assert refused.status_code == 403
    assert client.delete(f"{photos}/{ids[2]}", headers=other).status_code == 403
    assert client.delete(f"{photos}/{ids[2]}", headers=headers).status_code == 204
    assert client.delete(f"{photos}/{ids[2]}", headers=headers).status_code == 404
    items = client.get(photos).get_json()["items"]
    assert [(p["id"], p["position"]) for p in items] == [(ids[0], 0), (ids[1], 1)]


def test_a_reorder_naming_a_foreign_or_missing_photo_or_leaving_one_out_is_422(
    memory_client: FlaskClient,
) -> None:
    _, headers, listing = host_with_listing(memory_client)
    _, other_headers, other = host_with_listing(memory_client)
    mine = [upload(memory_client, headers, listing["id"], jpeg()).get_json()["id"] for _ in "ab"]
    foreign = upload(memory_client, other_headers, other["id"], jpeg()).get_json()["id"]
    path = f"{API}/listings/{listing['id']}/photos/order"
    for photo_ids in ([mine[0], foreign], [mine[0]], [*mine, "missing"], [mine[0], mine[0]]):
        response = memory_client.put(path, json={"photo_ids": photo_ids}, headers=headers)
        assert response.status_code == 422, photo_ids
        assert "photo_ids" in response.get_json()["errors"]


def fill(app: Flask, listing: dict[str, Any], count: int) -> None:
    """``count`` photos added straight through the bus (no image to decode: quick)."""
    rental = app.extensions["rental"]
    host = Actor(user_id=listing["host_id"], role="host")
    for index in range(count):
        rental.handle(
            AddPhoto(
                actor=host, listing_id=listing["id"], photo_id=f"filled-{index}", caption="",
                width=800, height=600, original_key=f"uploads/filled-{index}/x.jpg",
            )
        )  # fmt: skip


def test_the_51st_photo_is_409(memory_app: Flask, memory_client: FlaskClient) -> None:
    _, headers, listing = host_with_listing(memory_client)
    fill(memory_app, listing, 49)
    assert upload(memory_client, headers, listing["id"], jpeg(400, 300)).status_code == 202
    assert upload(memory_client, headers, listing["id"], jpeg(400, 300)).status_code == 409
    rental = memory_app.extensions["rental"]
    assert (
        len(rental.photo_reads.of_listings([listing["id"]], ready_only=False)[listing["id"]]) == 50
    )


def test_uploads_racing_for_the_last_places_never_make_51(
    rental_app: Flask, client: FlaskClient
) -> None:
    _, headers, listing = host_with_listing(client)
    small = jpeg(400, 300)
    fill(rental_app, listing, 46)
    statuses: list[int] = []
    start = threading.Barrier(8)

    def racer() -> None:
        with rental_app.test_client() as own:
            start.wait()
            statuses.append(upload(own, headers, listing["id"], small).status_code)

    threads = [threading.Thread(target=racer) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [202] * 4 + [409] * 4
    rental = rental_app.extensions["rental"]
    items = rental.photo_reads.of_listings([listing["id"]], ready_only=False)[listing["id"]]
    assert len(items) == 50
    assert sorted(p.position for p in items) == list(range(50))


def test_a_listing_shows_its_photos_and_cover_and_search_pages_their_covers(
    client: FlaskClient,
) -> None:
    _, headers, listing = host_with_listing(client, city="Faro")
    lid = listing["id"]
    assert client.get(f"{API}/listings/{lid}").get_json()["cover_photo"] is None
    first = upload(client, headers, lid, jpeg(), caption="Front").get_json()["id"]
    second = upload(client, headers, lid, jpeg()).get_json()["id"]
    shown = client.get(f"{API}/listings/{lid}").get_json()
    assert [x["id"] for x in shown["photos"]] == [first, second]
    assert shown["cover_photo"]["id"] == first and shown["cover_photo"]["urls"]["small"]
    client.put(f"{API}/listings/{lid}/photos/order", json={"photo_ids": [second, first]},
               headers=headers)  # fmt: skip
    page = client.get(f"{API}/listings?city=Faro").get_json()
    assert page["items"][0]["cover_photo"]["id"] == second
    assert "photos" not in page["items"][0]


def test_a_photo_still_processing_is_shown_to_its_host_only(memory_app: Flask) -> None:
    client = memory_app.test_client()
    _, headers, listing = host_with_listing(client)
    fill(memory_app, listing, 1)  # its upload is missing: it fails at once
    failed = client.get(f"{API}/listings/{listing['id']}", headers=headers).get_json()["photos"]
    assert [x["status"] for x in failed] == ["failed"]
    assert client.get(f"{API}/listings/{listing['id']}").get_json()["photos"] == []
    assert client.get(f"{API}/listings/{listing['id']}/photos/filled-0").status_code == 404
