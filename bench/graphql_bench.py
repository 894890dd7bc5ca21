"""GraphQL benchmark: a page of listings through GraphQL against its REST twin, in one run.

Migrates a database of its own (a temporary SQLite file, or ``--database-url``), fills it
with the demo data (``rental seed-demo``: 50 listings with bookings and reviews), builds the
Flask app ``rental serve`` serves, and drives it in process through its WSGI interface,
alternating the scenarios round after round so that the machine's noise hits them alike:

* ``rest``: ``GET /api/v1/listings?per_page=20``;
* ``flat``: the same page through GraphQL, with the same fields (``listings(perPage: 20)``);
* ``nested``: the query of the statement-counting test, a page of 20 listings with their
  hosts, availability, a page of reviews each and their authors.

It prints, for each run, requests per second of wall time and of this process's CPU time
(on a shared machine the CPU figure moves far less: other processes' load does not count
against it), the SQL statements of one request, and per scenario the median of each
round's ratio to ``rest``. In process means no sockets and one core: the figures are the
cost of the Python path, which is where the time goes (docs/graphql.md). Any answer that is
not a 200 without errors stops the run with exit status 1.

Usage: ``make bench-graphql`` or ``.venv/bin/python bench/graphql_bench.py [--seconds S]
[--rounds N] [--database-url URL]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask import Flask

from rental.adapters.sqlalchemy.migrations import upgrade
from rental.composition import bootstrap_from
from rental.entrypoints.http import create_app
from rental.entrypoints.seed import seed_demo
from rental.settings import Settings

FLAT_FIELDS = """id title description address city country latitude longitude timezone
  pricePerNight currency cleaningFee weeklyDiscountPercent monthlyDiscountPercent maxGuests
  minNights maxNights instantBook cancellationPolicy amenities ratingAverage reviewCount
  createdAt updatedAt"""
FLAT = "{ listings(perPage: 20) { total page perPage items { " + FLAT_FIELDS + " } } }"
NESTED = """{ listings(perPage: 20) { total items { id title host { id username }
  availability(from: "2027-01-01", to: "2027-02-01") { start end reason }
  reviews(perPage: 5) { total items { id rating author { id username } } } } } }"""


def requests_of(app: Flask) -> dict[str, Callable[[], Any]]:
    client = app.test_client()

    def graphql(query: str) -> Callable[[], Any]:
        body = json.dumps({"query": query})
        return lambda: client.post("/api/v1/graphql", data=body, content_type="application/json")

    return {
        "rest": lambda: client.get("/api/v1/listings?per_page=20"),
        "flat": graphql(FLAT),
        "nested": graphql(NESTED),
    }


def check(name: str, response: Any) -> None:
    body = response.get_json()
    if response.status_code != 200 or (isinstance(body, dict) and body.get("errors")):
        sys.exit(f"{name}: {response.status_code} {response.get_data(as_text=True)[:500]}")


def statements_of(send: Callable[[], Any]) -> int:
    seen: list[str] = []

    def count(*args: Any) -> None:
        seen.append(args[2])

    sa.event.listen(sa.engine.Engine, "before_cursor_execute", count)
    try:
        send()
    finally:
        sa.event.remove(sa.engine.Engine, "before_cursor_execute", count)
    return sum(1 for s in seen if s.lstrip().upper().startswith("SELECT"))


def rate(name: str, send: Callable[[], Any], seconds: float) -> tuple[float, float]:
    """Requests per second of wall time and of CPU time, over ``seconds`` of wall time."""
    done, start, cpu = 0, time.perf_counter(), time.process_time()
    deadline = start + seconds
    while time.perf_counter() < deadline:
        check(name, send())
        done += 1
    return done / (time.perf_counter() - start), done / (time.process_time() - cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="per run (default 3)")
    parser.add_argument("--rounds", type=int, default=7, help="runs of each (default 7)")
    parser.add_argument("--database-url", help="a database to migrate and seed (default: a "
                        "temporary SQLite file); it must be empty")  # fmt: skip
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'bench.db'}"
        upgrade(url)
        seed_demo(url)
        settings = Settings(env="test", database_url=url)
        rental = bootstrap_from(settings)
        try:
            scenarios = requests_of(create_app(settings, rental=rental))
            for name, send in scenarios.items():
                for _ in range(20):  # warm the caches (parser, SQLAlchemy, psycopg)
                    check(name, send())
                print(f"{name:>6}: {statements_of(send)} SELECT statements a request")
            runs: dict[str, list[tuple[float, float]]] = {name: [] for name in scenarios}
            for round_ in range(1, args.rounds + 1):
                for name, send in scenarios.items():
                    runs[name].append(rate(name, send, args.seconds))
                    wall, cpu = runs[name][-1]
                    print(f"round {round_} {name:>6}: {wall:7.1f} req/s, {cpu:7.1f} req/CPU-s")
        finally:
            rental.close()
    print("\nmedians; ratio: the median of each round's ratio to rest (same round, process)")
    for name, figures in runs.items():
        wall = statistics.median(w for w, _ in figures)
        cpu = statistics.median(c for _, c in figures)
        wall_ratio = statistics.median(
            f[0] / r[0] for f, r in zip(figures, runs["rest"], strict=True)
        )
        cpu_ratio = statistics.median(
            f[1] / r[1] for f, r in zip(figures, runs["rest"], strict=True)
        )
        print(f"{name:>6}: {wall:7.1f} req/s (ratio {wall_ratio:.2f}), "
              f"{cpu:7.1f} req/CPU-s (ratio {cpu_ratio:.2f})")  # fmt: skip


if __name__ == "__main__":
    main()
