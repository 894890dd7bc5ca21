"""Limits against abuse on a live ``rental serve`` over PostgreSQL: the attack's nested
GraphQL query is refused before it runs, and a host cannot feed it more than its listings;
the attack's calendar feed (2,000 copies of one daily event) is synced by ``rental worker``
into one block, and asking for syncs is limited per listing.

How fast the refusal is, is measured by ``bench/abuse_bench.py``, and how fast and big the
sync is, by ``bench/ical_bench.py``: not asserted here.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from tests.e2e.test_serve import SECRET, call, sign_up, stop_gracefully
from tests.e2e.test_serve_hardening import serving
from tests.feeds import FeedServer, calendar, daily_copies

NESTED = """{ listings(perPage: 50) { items { host { listings(perPage: 50) { items {
  host { listings(perPage: 50) { items { id } } } } } } } } }"""
LISTING = {"title": "Loft", "city": "Lisbon", "country": "PT", "price_per_night": 100,
           "max_guests": 1}  # fmt: skip


@pytest.mark.postgres
def test_the_nested_query_is_refused_and_listings_per_host_are_capped(
    postgres_url: str, tmp_path: Path
) -> None:
    with serving(postgres_url, tmp_path, RENTAL_MAX_LISTINGS_PER_HOST="3") as server:
        host = sign_up(server, "hoarder", "host")
        made = [call(server, "POST", "/listings", host, json=LISTING) for _ in range(4)]
        assert [r.status_code for r in made] == [201, 201, 201, 409]
        assert made[-1].json()["type"].endswith("/too-many-listings")

        answer = call(server, "POST", "/graphql", json={"query": NESTED})
        assert answer.status_code == 200
        body = answer.json()
        assert body["data"] is None
        assert [e["extensions"]["code"] for e in body["errors"]] == ["GRAPHQL_VALIDATION_FAILED"]
        assert "budget of 5,000" in body["errors"][0]["message"]
        small = "{ listings(perPage: 5) { items { host { listings { items { id } } } } } }"
        answered = call(server, "POST", "/graphql", json={"query": small}).json()
        assert len(answered["data"]["listings"]["items"]) == 3


@contextmanager
def working(env: dict[str, str], tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """A ``rental worker`` (Dramatiq on Redis, the relay, the scheduled jobs) on ``env``."""
    environ = {**os.environ, "RENTAL_ENV": "test", "RENTAL_SECRET_KEY": SECRET, **env}
    with (tmp_path / "worker.log").open("w") as sink:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "rental.entrypoints.cli",
                "worker",
                "--threads",
                "2",
                "--heartbeat-file",
                str(tmp_path / "heartbeat"),
            ],
            env=environ,
            stdout=sink,
            stderr=subprocess.STDOUT,
            text=True,
        )
    try:
        yield process
    finally:
        stop_gracefully(process)


def _synced(server: Any, path: str, token: str, timeout: float = 30) -> dict[str, Any]:
    """The import once the worker has tried it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found: dict[str, Any] = call(server, "GET", path, token).json()
        if found["last_attempt_at"] is not None:
            return found
        time.sleep(0.2)
    pytest.fail(f"the worker did not sync {path} within {timeout} s")


@pytest.mark.postgres
@pytest.mark.redis
def test_the_attacks_daily_copies_are_synced_by_the_worker_into_one_block(
    postgres_url: str,
    redis_url: str,
    redis_namespace: str,
    feed_server: FeedServer,
    tmp_path: Path,
) -> None:
    first = date.today() + timedelta(days=3)
    feed = feed_server.serve("/copies.ics", daily_copies(2000, first))
    env = {
        "RENTAL_DATABASE_URL": postgres_url,
        "RENTAL_REDIS_URL": redis_url,
        "RENTAL_REDIS_NAMESPACE": redis_namespace,
        "RENTAL_ICAL_ALLOW_PRIVATE_NETWORKS": "1",
        "RENTAL_REQUIRE_VERIFIED_EMAIL": "false",
    }
    with serving(postgres_url, tmp_path, **env) as server, working(env, tmp_path):
        host = sign_up(server, "copyhost", "host")
        listing = call(server, "POST", "/listings", host, json=LISTING).json()["id"]
        imports = f"/listings/{listing}/calendar-imports"
        made = call(server, "POST", imports, host, json={"name": "Attack", "url": feed})
        path = f"{imports}/{made.json()['id']}"

        queued = call(server, "POST", f"{path}/sync", host)
        assert queued.status_code == 202, queued.text
        assert queued.json()["status"] == "pending"
        synced = _synced(server, path, host)
        assert synced["status"] == "ok", synced["last_error"]
        # 2,000 events x 18 months of nights: one run of nights, one row.
        engine = sa.create_engine(postgres_url)
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text('SELECT start, "end" FROM blocks WHERE listing_id = :id'),
                {"id": listing},
            ).all()
        engine.dispose()
        assert len(rows) == 1
        assert rows[0][0] == first
        window = {"from": first.isoformat(), "to": (first + timedelta(days=60)).isoformat()}
        unavailable = call(server, "GET", f"/listings/{listing}/availability", params=window)
        assert len(unavailable.json()["unavailable"]) == 1

        # Two more syncs asked for (of a small feed, for the worker to be quick), then the
        # listing's limit, whichever import is asked for: 429 with when to ask again.
        small = feed_server.serve("/small.ics", calendar("-//Small//EN"))
        other = call(server, "POST", imports, host, json={"name": "Small", "url": small})
        ask = f"{imports}/{other.json()['id']}/sync"
        answers = [call(server, "POST", ask, host).status_code for _ in range(3)]
        assert answers == [202, 202, 429]
        limited = call(server, "POST", f"{path}/sync", host)
        assert limited.status_code == 429
        assert 1 <= int(limited.headers["Retry-After"]) <= 300
