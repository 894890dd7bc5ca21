"""Benchmark of photos: the upload request, the worker's variants, its memory, search covers.

Prints, each a median of ``--runs``:

* the server time (wall and CPU) of ``POST /listings/{id}/photos`` with a 4,000 x 3,000 JPEG,
  answered 202, through the Flask app in process (no network: the transfer is excluded) on a
  SQLite database, the events left in the outbox for the worker as with Redis;
* the CPU time (``time.process_time``) of making that JPEG's three WebP variants;
* the peak resident memory (``VmHWM`` in ``/proc``) of a fresh process that loads the
  application and makes the variants of a 50-megapixel (8,660 x 5,774) JPEG, beside the same
  process that only loads the application;
* the SQL queries of a search page of 20 listings, each with three ready photos, through
  ``GET /listings``, and of the same search through the read side alone (without covers).

Usage: ``make bench-photos`` or ``.venv/bin/python bench/photos_bench.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from PIL import Image
from sqlalchemy import event

from rental.adapters.images.pillow import PillowImages
from rental.adapters.sqlalchemy.migrations import upgrade
from rental.application.queries import ListingSearch, ListingSort, PageRequest
from rental.composition import bootstrap_from
from rental.domain.listings.photos import VARIANT_WIDTHS
from rental.entrypoints.http import create_app
from rental.settings import MediaSettings, RateLimit, Settings

PASSWORD = "correct horse battery"
RSS_CHILD = """
import sys, time
from rental.composition import bootstrap
from rental.adapters.images.pillow import PillowImages
from rental.domain.listings.photos import VARIANT_WIDTHS
rental = bootstrap()
if sys.argv[1] != "-":
    data = open(sys.argv[1], "rb").read()
    started = time.process_time()
    PillowImages().variants(data, VARIANT_WIDTHS)
    print(time.process_time() - started)
else:
    print(0)
# VmHWM: this process's own peak (ru_maxrss may carry the parent's from before the exec).
status = open("/proc/self/status").read()
print(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
"""


def photo_jpeg(width: int, height: int) -> bytes:
    """A photo-like JPEG (a gradient with noise: it compresses like a real one, not a flat
    colour)."""
    gradient = Image.linear_gradient("L").resize((width, height))
    noise = Image.effect_noise((width, height), 12)
    image = Image.merge("RGB", (gradient, noise, gradient.transpose(Image.Transpose.ROTATE_180)))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def _app(directory: Path) -> Any:
    url = f"sqlite:///{directory / 'bench.sqlite3'}"
    upgrade(url)
    settings = Settings(
        env="test", database_url=url, secret_key="bench-secret-key-0123456789abcdef-xyz",
        auth_rate_limit=RateLimit(100_000, 60), media=MediaSettings(root=directory / "media"),
    )  # fmt: skip

    class Outbox:
        """The worker's mode: events stay in the outbox (no consumer runs in the request)."""

        def publish(self, events: Any) -> None:
            pass

    rental = bootstrap_from(settings, event_publisher=Outbox())
    return create_app(settings, rental=rental), rental


def _host(client: Any) -> tuple[dict[str, str], str]:
    body = {"username": "photo_owner", "email": "h@example.com", "password": PASSWORD,
            "role": "host"}  # fmt: skip
    user = client.post("/api/v1/auth/register", json=body).get_json()
    login = {"email": "h@example.com", "password": PASSWORD}
    token = client.post("/api/v1/auth/login", json=login).get_json()["access_token"]
    return {"Authorization": f"Bearer {token}"}, user["id"]


def upload_times(runs: int, data: bytes) -> list[tuple[float, float]]:
    with tempfile.TemporaryDirectory() as directory:
        app, rental = _app(Path(directory))
        client = app.test_client()
        headers, _ = _host(client)
        times = []
        for _ in range(runs):
            listing = {"title": "Loft", "city": "Lisbon", "country": "PT",
                       "price_per_night": 10000, "max_guests": 2}  # fmt: skip
            lid = client.post("/api/v1/listings", json=listing, headers=headers).get_json()["id"]
            started, cpu = time.perf_counter(), time.process_time()
            response = client.post(
                f"/api/v1/listings/{lid}/photos", data=data,
                headers=headers | {"Content-Type": "image/jpeg"},
            )  # fmt: skip
            times.append((time.perf_counter() - started, time.process_time() - cpu))
            assert response.status_code == 202, response.get_json()
        rental.close()
    return times


def variant_cpu(runs: int, data: bytes) -> list[float]:
    images = PillowImages()
    times = []
    for _ in range(runs):
        started = time.process_time()
        images.variants(data, VARIANT_WIDTHS)
        times.append(time.process_time() - started)
    return times


def worker_rss(path: str) -> tuple[float, int]:
    result = subprocess.run(
        [sys.executable, "-c", RSS_CHILD, path], capture_output=True, text=True, check=True
    )
    cpu, rss = result.stdout.split()
    return float(cpu), int(rss)


def search_statements(data: bytes) -> tuple[int, int]:
    with tempfile.TemporaryDirectory() as directory:
        app, rental = _app(Path(directory))
        client = app.test_client()
        headers, _ = _host(client)
        for index in range(20):
            listing = {"title": f"Loft {index}", "city": "Porto", "country": "PT",
                       "price_per_night": 10000 + index, "max_guests": 2}  # fmt: skip
            lid = client.post("/api/v1/listings", json=listing, headers=headers).get_json()["id"]
            for _ in range(3):
                client.post(
                    f"/api/v1/listings/{lid}/photos", data=data,
                    headers=headers | {"Content-Type": "image/jpeg"},
                )  # fmt: skip
        rental.delivery.relay.run_once()  # the worker's turn: variants for every photo
        while rental.delivery.relay.run_once():
            pass
        counted: list[str] = []
        from sqlalchemy.engine import Engine

        def count(*args: Any) -> None:
            statement = " ".join(str(args[2]).split())
            if statement.startswith("SELECT"):  # queries; SQLite's BEGINs are no round trip
                counted.append(statement[:70])

        event.listen(Engine, "before_cursor_execute", count)
        try:
            page = client.get("/api/v1/listings?city=Porto&per_page=20").get_json()
            with_covers = len(counted)
            if "--show" in sys.argv:
                print(counted)
            assert sum(1 for x in page["items"] if x["cover_photo"]) == 20, page
            counted.clear()
            search = ListingSearch(city="Porto", sort=ListingSort.NEWEST, page=PageRequest(1, 20))
            rental.reads.search_listings(search)
            without = len(counted)
        finally:
            event.remove(Engine, "before_cursor_execute", count)
        rental.close()
    return with_covers, without


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    photo = photo_jpeg(4000, 3000)
    print(f"4,000 x 3,000 JPEG: {len(photo) / 1e6:.1f} MB")
    uploads = upload_times(args.runs, photo)
    upload = statistics.median(wall for wall, _ in uploads)
    upload_cpu = statistics.median(cpu for _, cpu in uploads)
    print(
        f"upload answered 202 (server time, median of {args.runs}): {upload * 1000:.0f} ms "
        f"wall, {upload_cpu * 1000:.0f} ms CPU"
    )
    cpu = statistics.median(variant_cpu(args.runs, photo))
    print(f"its three variants (CPU, median of {args.runs}): {cpu:.2f} s")
    with tempfile.NamedTemporaryFile(suffix=".jpg") as big:
        big.write(photo_jpeg(8660, 5774))
        big.flush()
        _, idle = worker_rss("-")
        big_cpu, peak = worker_rss(big.name)
    print(
        f"worker process, 50 MP JPEG: peak RSS {peak / 1024:.0f} MB "
        f"(the same process without it: {idle / 1024:.0f} MB; variants {big_cpu:.2f} s CPU)"
    )
    with_covers, without = search_statements(photo_jpeg(800, 600))
    print(
        f"search page of 20 with covers: {with_covers} queries; "
        f"the same search without covers: {without} (+{with_covers - without})"
    )
    print(json.dumps({
        "upload_ms": round(upload * 1000, 1), "upload_cpu_ms": round(upload_cpu * 1000, 1),
        "variants_cpu_s": round(cpu, 3),
        "worker_peak_rss_mb": round(peak / 1024), "idle_rss_mb": round(idle / 1024),
        "search_statements": with_covers, "search_statements_without_covers": without,
    }))  # fmt: skip


if __name__ == "__main__":
    main()
