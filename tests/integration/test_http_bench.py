"""The HTTP benchmark's bare twin still runs on today's schema, and its harness reads wrk.

``make bench-http`` is not part of ``make test`` (minutes of load); these check in about a
second that a schema change has not broken the bare app's statements or the parsing of wrk's
report, which would only show when someone next runs the bench.
"""

from __future__ import annotations

import importlib.util
import sys
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

import pytest
import sqlalchemy as sa

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.composition import bootstrap
from tests.integration.event_steps import host_guest_listing

BENCH = Path(__file__).resolve().parents[2] / "bench"
WRK_REPORT = """Running 10s test @ http://127.0.0.1:8000
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.14ms    4.21ms  98.62ms   81.13%
  Latency Distribution
     50%   11.52ms
     75%   13.80ms
     90%   16.57ms
     99%    1.02s
  13216 requests in 10.01s, 9.26MB read
  Non-2xx or 3xx responses: 3
Requests/sec:   1320.31
Transfer/sec:    947.36KB
"""


def _bench_module(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCH))  # the scripts import each other by name
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_the_harness_reads_rate_percentiles_and_failures_from_wrk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run = _bench_module("http_bench", monkeypatch).Run(WRK_REPORT)
    assert (run.requests, run.rate, run.p50, run.p99) == (13216, 1320.31, 11.52, 1020.0)
    assert run.non_2xx == 3
    assert run.failed


@pytest.mark.postgres
def test_the_bare_app_books_reads_and_searches_on_the_current_schema(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    rental = bootstrap(database_url=postgres_url, password_hasher=Argon2Hasher(fast=True))
    try:
        stay = host_guest_listing(rental, city="Porto", price_per_night=15000)
    finally:
        rental.close()
    bare = _bench_module("bare_app", monkeypatch)
    app = bare.create_app(postgres_url, stay.guest.user_id)
    client = app.test_client()
    check_in = date.today() + timedelta(days=30)
    body = {
        "listing_id": stay.listing.id,
        "check_in": check_in.isoformat(),
        "check_out": (check_in + timedelta(days=2)).isoformat(),
        "guests": 2,
    }
    assert client.post("/api/v1/bookings", json=body).status_code == 201
    detail = client.get(f"/api/v1/listings/{stay.listing.id}")
    assert detail.status_code == 200
    assert detail.get_json()["id"] == stay.listing.id
    query = {
        "city": "porto",
        "guests": 2,
        "min_price": 10000,
        "max_price": 20000,
        "check_in": check_in.isoformat(),
        "check_out": (check_in + timedelta(days=3)).isoformat(),
    }
    assert client.get("/api/v1/listings", query_string=query).get_json()["total"] == 0
    later = {
        **query,
        "check_in": (check_in + timedelta(days=2)).isoformat(),
        "check_out": (check_in + timedelta(days=4)).isoformat(),
    }
    found = client.get("/api/v1/listings", query_string=later).get_json()
    assert [item["id"] for item in found["items"]] == [stay.listing.id]
    engine: sa.Engine = app.extensions["engine"]
    with engine.connect() as connection:
        booked = connection.execute(sa.text("SELECT count(*) FROM bookings")).scalar()
    engine.dispose()
    assert booked == 1
