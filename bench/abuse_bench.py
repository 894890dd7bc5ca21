"""Limits against abuse, measured on a live ``rental serve`` over PostgreSQL.

Creates a PostgreSQL database of its own, starts ``rental serve`` (production settings, one
process, 4 threads), lets one host create 99 listings (the attack's feed), then times, over
``--rounds`` requests each, the attack's nested GraphQL queries (50/50/50 and 100/100/20
listings per level), which the cost budget refuses before they run, against a plain
``GET /api/v1/listings`` page. Prints the medians and their ratios; nothing is asserted.

Usage: ``.venv/bin/python bench/abuse_bench.py [--rounds N]``; PostgreSQL at
``RENTAL_BENCH_POSTGRES_URL`` (default ``postgresql://postgres@127.0.0.1:5432/postgres``).
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import psycopg
import requests
from sqlalchemy.engine import make_url

from booking_bench import ADMIN_URL
from rental.adapters.sqlalchemy.migrations import upgrade

NESTED_50 = """{ listings(perPage: 50) { items { host { listings(perPage: 50) { items {
  host { listings(perPage: 50) { items { id } } } } } } } } }"""
NESTED_100 = """{ listings(perPage: 100) { items { host { listings(perPage: 100) { items {
  host { listings(perPage: 20) { items { id } } } } } } } } }"""
LISTING = {"title": "Loft", "city": "Lisbon", "country": "PT", "price_per_night": 100,
           "max_guests": 1}  # fmt: skip


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def median_ms(call: Callable[[], requests.Response], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        response = call()
        times.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
    return statistics.median(times)


def wait_until_healthy(base: str) -> None:
    for _ in range(300):
        try:
            if requests.get(base + "/healthz", timeout=1).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise SystemExit("rental serve did not start")


def measure(base: str, rounds: int) -> None:
    api = base + "/api/v1"
    user = {"username": "hoarder", "email": "hoarder@bench.io", "password": "long-password",
            "role": "host"}  # fmt: skip
    requests.post(api + "/auth/register", json=user, timeout=10).raise_for_status()
    credentials = {"email": user["email"], "password": user["password"]}
    login = requests.post(api + "/auth/login", json=credentials, timeout=10).json()
    headers = {"Authorization": f"Bearer {login['access_token']}"}
    for _ in range(99):
        requests.post(api + "/listings", json=LISTING, headers=headers, timeout=10)

    def graphql(query: str) -> Callable[[], requests.Response]:
        return lambda: requests.post(api + "/graphql", json={"query": query}, timeout=60)

    refused = requests.post(api + "/graphql", json={"query": NESTED_50}, timeout=60).json()
    print("nested 50/50/50:", refused["errors"][0]["message"])
    page = median_ms(lambda: requests.get(api + "/listings", timeout=60), rounds)
    print(f"GET /listings (20):          {page:7.1f} ms")
    for name, query in (("50/50/50", NESTED_50), ("100/100/20", NESTED_100)):
        took = median_ms(graphql(query), rounds)
        print(f"nested {name:<11} refused: {took:7.1f} ms  ({took / page:.2f} x the page)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    name = f"rental_abusebench_{uuid.uuid4().hex[:8]}"
    db_url = str(make_url(ADMIN_URL).set(drivername="postgresql+psycopg", database=name))
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    work = Path(tempfile.mkdtemp(prefix="rental-abusebench-"))
    server = None
    try:
        upgrade(db_url)
        port = free_port()
        secret = secrets.token_urlsafe(48)
        env = {**os.environ, "RENTAL_ENV": "production", "RENTAL_SECRET_KEY": secret,
               "RENTAL_DATABASE_URL": db_url, "RENTAL_LOG_LEVEL": "WARNING",
               "RENTAL_AUTH_RATE_LIMIT": "1000/minute"}  # fmt: skip
        env.pop("RENTAL_REDIS_URL", None)
        with (work / "serve.log").open("w") as log:
            server = subprocess.Popen(
                [str(Path(sys.executable).with_name("rental")), "serve", "--port", str(port),
                 "--threads", "4"],
                env=env, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        wait_until_healthy(f"http://127.0.0.1:{port}")
        measure(f"http://127.0.0.1:{port}", args.rounds)
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=40)
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
