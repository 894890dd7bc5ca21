"""Where one HTTP request of ``rental`` spends its time, part by part, in microseconds.

Runs requests through the Flask app in this process (``app.test_client()``: no gunicorn, no
socket to the client) against a database that ``http_bench.py --keep`` loaded, with Redis,
and times each part with the thread's CPU clock and the wall clock. Each part's figure is
exclusive: a part inside another is counted once, in itself. "rest" is everything not
listed (Flask, routing, werkzeug, flask-smorest's wrappers, the test client's environ).

Usage: ``.venv/bin/python bench/request_costs.py --database-url URL [--requests N]``; the
URL is the one ``http_bench.py --keep`` prints (``rental_httpbench_…``).
"""

from __future__ import annotations

import argparse
import itertools
import os
import secrets
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from functools import wraps
from typing import Any

import flask_jwt_extended.view_decorators as jwt_views
import marshmallow
import psycopg
import webargs.core
from flask_jwt_extended import create_access_token
from sqlalchemy.orm import Session

from booking_bench import CITIES, PRICE_BAND, TODAY, conninfo
from rental.adapters.redis.cache import CacheInvalidation, ListingCache
from rental.adapters.sqlalchemy import SqlReadModel, read_model
from rental.application.messagebus import MessageBus
from rental.composition import Rental
from rental.entrypoints.http import create_app, errors, observability
from rental.entrypoints.http.auth import VerifyingOnceJWTManager
from rental.entrypoints.http.json_provider import OrjsonProvider
from rental.settings import Settings

CPU: dict[str, int] = defaultdict(int)
WALL: dict[str, int] = defaultdict(int)
_stack: list[list[int]] = []  # [cpu start, wall start, cpu of children, wall of children]


def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _stack.append([time.thread_time_ns(), time.perf_counter_ns(), 0, 0])
        try:
            return function(*args, **kwargs)
        finally:
            cpu0, wall0, cpu_children, wall_children = _stack.pop()
            cpu, wall = time.thread_time_ns() - cpu0, time.perf_counter_ns() - wall0
            CPU[name] += cpu - cpu_children
            WALL[name] += wall - wall_children
            if _stack:
                _stack[-1][2] += cpu
                _stack[-1][3] += wall

    return wrapper


PARTS: list[tuple[Any, str, str]] = [
    (VerifyingOnceJWTManager, "_decode_jwt_from_config", "token: decode (kept claims)"),
    (jwt_views, "get_unverified_jwt_headers", "token: header (flask-jwt-extended)"),
    (Rental, "token_is_valid", "token: revocation check (database)"),
    (webargs.core.Parser, "parse", "arguments: webargs + marshmallow load"),
    (MessageBus, "handle", "command: bus, unit of work, domain, SQL"),
    (CacheInvalidation, "publish", "after commit: cache invalidation (Redis)"),
    (ListingCache, "cached", "cache: Redis MGET/SET + codec"),
    (SqlReadModel, "listing", "read model: SQL + ORM rows"),
    (SqlReadModel, "search_listings", "read model: SQL + ORM rows"),
    (read_model, "search_parameters", "read model: the search's parameters"),
    (Session, "execute", "read model: execute (compile, psycopg, server, rows)"),
    (marshmallow.Schema, "dump", "response: marshmallow dump"),
    (OrjsonProvider, "response", "response: JSON (orjson)"),
    # Hooks that create_app registers: patched before it runs.
    (observability, "_start", "hooks: request id, log context"),
    (observability, "_finish", "hooks: metrics, request log line"),
    (errors, "check_request", "hooks: body and NUL checks"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--requests", type=int, default=500)
    args = parser.parse_args()
    for owner, attribute, name in PARTS:
        setattr(owner, attribute, timed(name, getattr(owner, attribute)))
    secret = secrets.token_urlsafe(48)
    settings = Settings(
        env="production", database_url=args.database_url, redis_url=args.redis_url,
        redis_namespace=f"costs-{secrets.token_hex(4)}", secret_key=secret, log_level="WARNING",
    )  # fmt: skip
    app = create_app(settings)
    with psycopg.connect(conninfo(args.database_url)) as connection:
        listings = [row[0] for row in connection.execute("SELECT id FROM listings ORDER BY id")]
        # Guests in turn: one guest may hold 3 unpaid bookings at once (the hold limit).
        guests = connection.execute(
            "SELECT id FROM users WHERE role = 'guest' ORDER BY id LIMIT 500"
        ).fetchall()
        last = connection.execute("SELECT max(check_out) FROM bookings").fetchone()
    assert guests and last is not None
    with app.app_context():
        minted = [create_access_token(g[0], additional_claims={"role": "guest"}) for g in guests]
    bearers = [{"Authorization": f"Bearer {token}"} for token in minted]
    client = app.test_client()
    base = max(last[0], TODAY) + timedelta(days=10)
    count = itertools.count()

    def booking() -> Any:
        i = next(count)
        check_in = base + timedelta(days=2 * (i // len(listings)))
        body = {"listing_id": listings[i % len(listings)], "check_in": check_in.isoformat(),
                "check_out": (check_in + timedelta(days=2)).isoformat(), "guests": 2}  # fmt: skip
        return client.post("/api/v1/bookings", json=body, headers=bearers[i % len(bearers)])

    def detail() -> Any:
        return client.get(f"/api/v1/listings/{listings[next(count) % 300]}")

    def search() -> Any:
        i = next(count)
        first: date = TODAY + timedelta(days=7 + (i // len(CITIES)) % 160)
        query = {
            "city": CITIES[i % len(CITIES)], "guests": 2, "min_price": PRICE_BAND[0],
            "max_price": PRICE_BAND[1], "check_in": first.isoformat(),
            "check_out": (first + timedelta(days=2 + i % 5)).isoformat(), "sort": "price",
        }  # fmt: skip
        return client.get("/api/v1/listings", query_string=query)

    print(
        f"{os.cpu_count()} CPUs; {args.requests} requests each, after 50 (detail: 300) not counted"
    )
    for name, request in (("booking", booking), ("detail", detail), ("search", search)):
        for _ in range(300 if name == "detail" else 50):  # detail: every listing cached
            assert request().status_code < 300
        CPU.clear()
        WALL.clear()
        for _ in range(args.requests):
            response = timed("rest", request)()
            assert response.status_code < 300, response.get_data()
        n = args.requests
        print(f"\n{name}: {sum(CPU.values()) / n / 1000:.0f} us CPU, "
              f"{sum(WALL.values()) / n / 1000:.0f} us wall per request")  # fmt: skip
        for part in sorted(CPU, key=lambda p: -CPU[p]):
            print(f"  {part:45}{CPU[part] / n / 1000:8.0f} us CPU{WALL[part] / n / 1000:8.0f} wall")


if __name__ == "__main__":
    main()
