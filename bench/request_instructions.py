"""Instructions per HTTP request of ``rental`` and of its bare twin, counted by valgrind.

Throughput on two shared cores moves from run to run with whatever else the machine does;
the number of instructions a request executes does not. This bench loads a PostgreSQL
database of its own (as ``http_bench.py`` does), then for each scenario runs this script under
``valgrind --tool=cachegrind --cache-sim=no`` four times: ``rental``'s Flask app and
``bare_app.py``'s, each with 0 and with ``--requests`` measured requests after the same
warm-up, through Flask's test client (no gunicorn, no socket). The difference over the
number of requests is one request's instructions in the server's Python process, start-up
excluded. PostgreSQL's and Redis's own work is not in it: ``http_bench.py`` prints that.

Scenarios as in ``http_bench.py``: ``booking`` (a distinct, free stay each time), ``detail``
(50 listings, cached after the warm-up) and ``search`` (a different dated search each time);
and ``message`` (``POST /threads/{id}/messages`` by 10 guests in turn, each in a thread its
inquiry opened; rental's alone, to set beside its booking).

Usage: ``.venv/bin/python bench/request_instructions.py [--requests N] [--only booking,...]``
(about 40 s per valgrind run). Needs valgrind, PostgreSQL and Redis (the same variables as
``http_bench.py``).
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import secrets
import subprocess
import sys
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import psycopg
import redis
from sqlalchemy.engine import make_url

BENCH = Path(__file__).resolve().parent
SCENARIOS = ("booking", "detail", "search", "message")
BARE = ("booking", "detail", "search")  # the bare twin has no messages: rental's alone
REDIS_URL = os.environ.get("RENTAL_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
NAMESPACE = "rental-instructions"  # Redis keys under it are deleted at the end
WARMUP = {"booking": 20, "detail": 60, "search": 20, "message": 20}
SENDERS = 10  # guests writing in turn: each may send 30 messages a minute
# Guests booking in turn: one guest may hold 3 unpaid bookings at once (the hold limit), and
# a run's 120 bookings, spread over 200 guests, leave each at most 2 (offsets 2,000 apart).
BOOKERS = 200


def first_guests(db_url: str, count: int) -> list[str]:
    from booking_bench import conninfo

    with psycopg.connect(conninfo(db_url)) as connection:
        rows = connection.execute(
            "SELECT id FROM users WHERE role = 'guest' ORDER BY id LIMIT %s", (count,)
        ).fetchall()
    return [row[0] for row in rows]


def requests_of(target: str, scenario: str, db_url: str, offset: int) -> Callable[[], Any]:
    """A function making one request of ``scenario`` to ``target``'s app, each a new one."""
    from booking_bench import CITIES, PRICE_BAND, TODAY, conninfo

    with psycopg.connect(conninfo(db_url)) as connection:
        listings = [row[0] for row in connection.execute("SELECT id FROM listings ORDER BY id")]
        guest = connection.execute(
            "SELECT id FROM users WHERE role = 'guest' ORDER BY id LIMIT 1"
        ).fetchone()[0]  # type: ignore[index]
        last = connection.execute("SELECT max(check_out) FROM bookings").fetchone()[0]  # type: ignore[index]
    headers: dict[str, str] = {}
    bookers: list[dict[str, str]] = []
    senders: list[tuple[dict[str, str], str]] = []
    if target == "rental":
        from flask_jwt_extended import create_access_token

        from rental.entrypoints.http import create_app
        from rental.settings import AbuseLimits, Settings

        settings = Settings(
            env="production", database_url=db_url, redis_url=REDIS_URL,
            redis_namespace=f"{NAMESPACE}-{secrets.token_hex(4)}",
            secret_key=secrets.token_urlsafe(48), log_level="WARNING",
            # Under valgrind a request runs some fifty times slower: the budget is wall time.
            limits=AbuseLimits(request_time_budget_ms=3_600_000),
        )  # fmt: skip
        app = create_app(settings)
        with app.app_context():
            token = create_access_token(identity=guest, additional_claims={"role": "guest"})
            if scenario == "booking":
                for booker in first_guests(db_url, BOOKERS):
                    bearer = create_access_token(booker, additional_claims={"role": "guest"})
                    bookers.append({"Authorization": f"Bearer {bearer}"})
                    # A client reuses its token: its signature is verified once per process
                    # (auth.VerifyingOnceJWTManager), here, in every run alike.
                    app.test_client().get("/api/v1/users/me", headers=bookers[-1])
            if scenario == "message":  # a thread for each sender, opened by an inquiry
                for sender in first_guests(db_url, SENDERS):
                    bearer = create_access_token(sender, additional_claims={"role": "guest"})
                    own = {"Authorization": f"Bearer {bearer}"}
                    opened = app.test_client().post(
                        f"/api/v1/listings/{listings[0]}/inquiries",
                        json={"body": "Hello! Is it free?"}, headers=own,
                    )  # fmt: skip
                    senders.append((own, opened.get_json()["id"]))
        headers = {"Authorization": f"Bearer {token}"}
    else:
        from bare_app import create_app as create_bare_app

        app = create_bare_app(db_url, guest)
    client = app.test_client()
    base = max(last, TODAY) + timedelta(days=10)
    count = itertools.count(offset)

    def booking() -> Any:
        i = next(count)
        check_in = base + timedelta(days=2 * (i // len(listings)))
        body = {"listing_id": listings[i % len(listings)], "check_in": check_in.isoformat(),
                "check_out": (check_in + timedelta(days=2)).isoformat(), "guests": 2}  # fmt: skip
        own = bookers[i % len(bookers)] if bookers else headers  # the bare twin: one guest
        return client.post("/api/v1/bookings", json=body, headers=own)

    def detail() -> Any:
        return client.get(f"/api/v1/listings/{listings[next(count) % 50]}")

    def search() -> Any:
        i = next(count)
        first = TODAY + timedelta(days=7 + (i // len(CITIES)) % 160)
        query = {
            "city": CITIES[i % len(CITIES)], "guests": 2, "min_price": PRICE_BAND[0],
            "max_price": PRICE_BAND[1], "check_in": first.isoformat(),
            "check_out": (first + timedelta(days=2 + i % 5)).isoformat(), "sort": "price",
        }  # fmt: skip
        return client.get("/api/v1/listings", query_string=query)

    def message() -> Any:
        own, thread_id = senders[next(count) % len(senders)]
        body = {"body": "Could we check in at 14:00? We land at noon."}
        return client.post(f"/api/v1/threads/{thread_id}/messages", json=body, headers=own)

    scenarios = {"booking": booking, "detail": detail, "search": search, "message": message}
    return scenarios[scenario]


def child(target: str, scenario: str, db_url: str, n: int, offset: int) -> None:
    request = requests_of(target, scenario, db_url, offset)
    for _ in range(WARMUP[scenario] + n):
        response = request()
        if response.status_code >= 300:
            raise SystemExit(f"{target} {scenario}: {response.status_code} {response.get_data()!r}")


def count_instructions(target: str, scenario: str, db_url: str, n: int, offset: int) -> int:
    command = [
        "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
        sys.executable, __file__, "--child", target, scenario, str(n), str(offset),
        "--database-url", db_url,
    ]  # fmt: skip
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900)
    if done.returncode != 0:
        raise RuntimeError(f"{target} {scenario} failed:\n{done.stderr[-3000:]}")
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--only", default=",".join(SCENARIOS))
    parser.add_argument("--listings", type=int, default=5_000)
    parser.add_argument("--bookings", type=int, default=25_000)
    parser.add_argument("--database-url")
    parser.add_argument("--child", nargs=4, metavar=("TARGET", "SCENARIO", "N", "OFFSET"))
    args = parser.parse_args()
    sys.path.insert(0, str(BENCH))
    if args.child:
        target, scenario, n, offset = args.child
        child(target, scenario, args.database_url, int(n), int(offset))
        return 0

    from booking_bench import ADMIN_URL, load
    from rental.adapters.sqlalchemy.migrations import upgrade

    name = f"rental_instructions_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    db_url = str(make_url(ADMIN_URL).set(drivername="postgresql+psycopg", database=name))
    try:
        upgrade(db_url)
        load(db_url, args.listings, args.bookings)
        print(f"database {name}; {args.requests} requests a run, after a warm-up\n")
        print(f"{'':10}{'rental':>14}{'bare':>14}{'ratio':>8}   (instructions per request)")
        offsets = itertools.count(0, 10 * (args.requests + 100))
        for scenario in args.only.split(","):
            per_request = {}
            for target in ("rental", "bare") if scenario in BARE else ("rental",):
                start = count_instructions(target, scenario, db_url, 0, next(offsets))
                end = count_instructions(target, scenario, db_url, args.requests, next(offsets))
                per_request[target] = (end - start) / args.requests
            if scenario not in BARE:
                print(f"{scenario:10}{per_request['rental']:14,.0f}{'-':>14}", flush=True)
                continue
            mine, bare = per_request["rental"], per_request["bare"]
            # bare / rental: what the throughput ratio would be if the server's Python were all
            print(f"{scenario:10}{mine:14,.0f}{bare:14,.0f}{bare / mine:8.2f}", flush=True)
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        client: Any = redis.Redis.from_url(REDIS_URL)
        for key in client.scan_iter(f"{NAMESPACE}-*"):
            client.delete(key)
        client.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
