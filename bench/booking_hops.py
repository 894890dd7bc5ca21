"""How far a booking travels through our code: from the HTTP view to the SQL, on PostgreSQL.

Creates a database of its own, signs a host and a guest up through the API, lists a home,
then traces one ``POST /api/v1/bookings`` (Flask's test client, ``sys.setprofile``) and prints:

* hops: the longest chain of ``rental`` frames on the stack when a statement goes to the
  driver (the view, the bus, the handler, … down to the call that sends the SQL);
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

    def __call__(self, frame: FrameType, event: str, _arg: Any) -> None:
        if event != "call":
            return
        filename = frame.f_code.co_filename
        if filename.startswith(SOURCE):
            self.functions.add((filename[len(SOURCE) + 1 :], frame.f_code.co_qualname))
        elif "psycopg" in filename:
            caller = frame.f_back.f_code.co_filename if frame.f_back else ""
            name = frame.f_code.co_name
            if name in ("execute", "executemany") and "psycopg" not in caller:
                self.chains.append(_chain(frame))
                self.sends.append(f"{name}, from {self.chains[-1][-1]}")
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


def trace_booking(db_url: str) -> Tracer:
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
    for day in (0, 3):  # the first warms the pool, the compiled statements, the caches
        stay = {"check_in": str(check_in + timedelta(days=day))}
        stay["check_out"] = str(check_in + timedelta(days=day + 2))
        tracer = Tracer()
        sys.setprofile(tracer)
        try:
            response = client.post(f"{API}/bookings", json=body | stay, headers=guest)
        finally:
            sys.setprofile(None)
        assert response.status_code == 201, response.get_json()
    app_rental.close()
    return tracer


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
        tracer = trace_booking(db_url)
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    longest = max(tracer.chains, key=len)
    files = {filename for filename, _ in tracer.functions}
    print(f"hops from the view to the SQL (longest chain): {len(longest)}")
    print(f"rental functions called: {len(tracer.functions)} in {len(files)} files")
    print(f"round trips to the database: {len(tracer.sends)} (the request's, auth included)")
    if args.list:
        print("\n".join(tracer.sends) + "\n")
        print("\n".join(longest))
        print("\nfiles:\n" + "\n".join(sorted(files)))


if __name__ == "__main__":
    main()
