"""How far a booking and a dated search travel through our code, on PostgreSQL.

Creates a database of its own, signs a host and a guest up through the API, lists a home,
then traces one ``POST /api/v1/bookings`` and one ``GET /api/v1/listings`` with dates
(Flask's test client, ``sys.setprofile``; each after a first request that warms the caches)
and prints for each:

* hops: calls in sequence from one of our modules into another, each pair of modules
  counted once (``http/bookings.py`` → ``messagebus.py`` is one hop however often it is
  made), over the whole request and up to the first statement sent; like for like with
  cosmicpython's ``allocate`` (7 over 8 files). The longest chain of our frames on the stack
  at a statement (the old measure, which flatters) is printed too;
* the ``rental`` functions called and the source files they live in, over the request;
* the round trips: statements sent to the driver, and psycopg's own ``BEGIN``/``COMMIT``.

Usage: ``.venv/bin/python bench/booking_hops.py [--list]`` (``--list`` prints the chain).
``RENTAL_BENCH_POSTGRES_URL`` is the server's admin URL, as for ``booking_bench.py``.
"""

from __future__ import annotations

import argparse
import os
import sys
import uuid
from datetime import date, timedelta
from pathlib import Path
from types import FrameType
from typing import Any

import psycopg
from sqlalchemy.engine import make_url

import rental
from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.sqlalchemy.migrations import upgrade
from rental.composition import bootstrap
from rental.entrypoints.http import create_app
from rental.settings import RateLimit, Settings

ADMIN_URL = os.environ.get(
    "RENTAL_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
SOURCE = str(Path(rental.__file__).parent)
API = "/api/v1"


class Tracer:
    """Records the ``rental`` frames called, and the chain of them at each driver call."""

    def __init__(self) -> None:
        self.functions: set[tuple[str, str]] = set()
        self.chains: list[list[str]] = []
        self._generators: list[FrameType] = []
        self.sends: list[str] = []  # each round trip: what sent it, from which of our frames
        self.hops: list[tuple[str, str]] = []  # (caller's module, callee's module), in order
        self.hops_to_sql: int | None = None  # how many before the first statement

    def __call__(self, frame: FrameType, event: str, _arg: Any) -> None:
        if event != "call":
            return
        filename = frame.f_code.co_filename
        if filename.startswith(SOURCE):
            self.functions.add((filename[len(SOURCE) + 1 :], frame.f_code.co_qualname))
            caller = _our_caller(frame)
            if caller is not None and caller != filename:
                hop = (caller[len(SOURCE) + 1 :], filename[len(SOURCE) + 1 :])
                if hop not in self.hops:
                    self.hops.append(hop)
        elif "psycopg" in filename:
            caller = frame.f_back.f_code.co_filename if frame.f_back else ""
            name = frame.f_code.co_name
            if name in ("execute", "executemany") and "psycopg" not in caller:
                self.chains.append(_chain(frame))
                self.sends.append(f"{name}, from {self.chains[-1][-1]}")
                if self.hops_to_sql is None:
                    self.hops_to_sql = len(self.hops)
            elif name == "_exec_command" and frame not in self._generators:
                # psycopg's own BEGIN, COMMIT or ROLLBACK: a generator, "called" at each resume
                self._generators.append(frame)
                command = frame.f_locals.get("command", b"")
                self.sends.append(f"{bytes(command).decode()}, from {_chain(frame)[-1]}")


class Unpublished:
    """Events stay in the outbox: the emails a booking sends after its commit are not traced
    (``rental serve`` with Redis leaves them to the worker as well)."""

    def publish(self, events: Any) -> None:
        pass


def _our_caller(frame: FrameType) -> str | None:
    """The file of the nearest frame of ours below ``frame`` (libraries in between, such as
    Flask calling a view, do not count as ours)."""
    caller = frame.f_back
    while caller is not None:
        if caller.f_code.co_filename.startswith(SOURCE):
            return caller.f_code.co_filename
        caller = caller.f_back
    return None


def _chain(frame: FrameType | None) -> list[str]:
    chain = []
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename.startswith(SOURCE):
            chain.append(f"{filename[len(SOURCE) + 1 :]}:{frame.f_code.co_qualname}")
        frame = frame.f_back
    return chain[::-1]


def signup(client: Any, role: str) -> dict[str, str]:
    name = f"{role}{uuid.uuid4().hex[:8]}"
    body = {"username": name, "email": f"{name}@example.com", "password": "hops-password-1"}
    assert client.post(f"{API}/auth/register", json=body | {"role": role}).status_code == 201
    login = {"email": body["email"], "password": body["password"]}
    token = client.post(f"{API}/auth/login", json=login).get_json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


def _traced(request: Any) -> Tracer:
    tracer = Tracer()
    sys.setprofile(tracer)
    try:
        response = request()
    finally:
        sys.setprofile(None)
    assert response.status_code in (200, 201), response.get_json()
    return tracer


def trace_requests(db_url: str) -> dict[str, Tracer]:
    app_rental = bootstrap(
        database_url=db_url, password_hasher=Argon2Hasher(fast=True), event_publisher=Unpublished()
    )
    settings = Settings(
        env="test", database_url=db_url, secret_key="hops-" + "x" * 40,
        auth_rate_limit=RateLimit(10_000, 60),
    )  # fmt: skip
    client = create_app(settings, rental=app_rental).test_client()
    host, guest = signup(client, "host"), signup(client, "guest")
    listing = {"title": "Hops", "city": "Lisbon", "country": "PT", "price_per_night": 10_000}
    created = client.post(f"{API}/listings", json=listing | {"max_guests": 2}, headers=host)
    check_in = date.today() + timedelta(days=30)
    body = {"listing_id": created.get_json()["id"], "guests": 1, "check_in": str(check_in)}
    traced: dict[str, Tracer] = {}
    for day in (0, 3):  # the first warms the pool, the compiled statements, the caches
        stay = {"check_in": str(check_in + timedelta(days=day))}
        stay["check_out"] = str(check_in + timedelta(days=day + 2))
        traced["booking"] = _traced(
            lambda stay=stay: client.post(f"{API}/bookings", json=body | stay, headers=guest)
        )
        search = f"{API}/listings?city=Lisbon&check_in={stay['check_in']}&check_out=" + str(
            check_in + timedelta(days=day + 9)
        )
        traced["dated search"] = _traced(lambda url=search: client.get(url, headers=guest))
    app_rental.close()
    return traced


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--list", action="store_true", help="print the longest chain")
    args = parser.parse_args()
    name = f"rental_hops_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    db_url = str(make_url(ADMIN_URL).set(drivername="postgresql+psycopg", database=name))
    try:
        upgrade(db_url)
        traced = trace_requests(db_url)
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    for request, tracer in traced.items():
        longest = max(tracer.chains, key=len)
        files = {filename for filename, _ in tracer.functions}
        print(f"{request}:")
        hops = f"{len(tracer.hops)} in all, {tracer.hops_to_sql} to its first statement"
        print(f"  hops (module to module, in sequence): {hops}")
        print(f"  longest chain of our frames at a statement: {len(longest)}")
        print(f"  rental functions called: {len(tracer.functions)} in {len(files)} files")
        print(f"  round trips to the database: {len(tracer.sends)} (auth included)")
        if args.list:
            print("\n".join(f"  {a} -> {b}" for a, b in tracer.hops))
            print("\n".join(tracer.sends) + "\n")
            print("\n".join(longest))
            print("\nfiles:\n" + "\n".join(sorted(files)))


if __name__ == "__main__":
    main()
