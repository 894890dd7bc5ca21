"""Long polls against bookings: does holding 200 waiting clients cost the API anything?

Starts ``rental serve`` (PostgreSQL, Redis, 4 processes) and ``rental serve-updates`` on the
same database and Redis, then drives ``make bench-http``'s booking scenario with wrk,
alternating runs without waiting clients (A) and with ``--waiters`` clients (default 200) each
holding ``GET /api/v1/threads/updates?since=`` open on ``rental serve-updates`` (B). Prints
each run, the medians and the ratio B / A, which should be at least 0.9: a waiting client
costs a coroutine and a socket, no API thread and no database connection.

Usage: ``.venv/bin/python bench/updates_bench.py [--seconds S] [--rounds N] [--waiters N]``.
Needs wrk, PostgreSQL and Redis, as ``bench/http_bench.py`` does.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import shutil
import statistics
import sys
import tempfile
import threading
import uuid
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import aiohttp
import psycopg
import redis
from sqlalchemy.engine import make_url

from booking_bench import ADMIN_URL, load
from http_bench import REDIS_URL, Bench, Run, free_port, mint_token, server
from rental.adapters.sqlalchemy.migrations import upgrade

PATH = "/api/v1/threads/updates"


class Waiters:
    """``count`` clients holding a long poll each, on an event loop in a thread of its own;
    each asks again as soon as it is answered."""

    def __init__(self, base: str, token: str, count: int) -> None:
        self.base, self.token, self.count = base, token, count
        self.waiting = 0
        self.answers: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._run()), daemon=True)

    async def _poll(self, session: aiohttp.ClientSession, cursor: str) -> None:
        while not self._stop.is_set():
            self.waiting += 1
            try:
                async with session.get(PATH, params={"since": cursor}) as answer:
                    await answer.read()
                    self.answers[answer.status] = self.answers.get(answer.status, 0) + 1
            finally:
                self.waiting -= 1

    async def _run(self) -> None:
        headers = {"Authorization": f"Bearer {self.token}"}
        connector = aiohttp.TCPConnector(limit=0)
        timeout = aiohttp.ClientTimeout(total=60)
        async with aiohttp.ClientSession(
            self.base, headers=headers, connector=connector, timeout=timeout
        ) as session:
            async with session.get(PATH) as first:
                cursor = (await first.json())["cursor"]
            polls = [asyncio.create_task(self._poll(session, cursor)) for _ in range(self.count)]
            while not self._stop.is_set():
                await asyncio.sleep(0.2)
            for poll in polls:
                poll.cancel()
            await asyncio.gather(*polls, return_exceptions=True)

    def __enter__(self) -> Waiters:
        self._thread.start()
        return self

    def __exit__(self, *_: Any) -> None:
        self._stop.set()
        self._thread.join(30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=3, help="A B pairs")
    parser.add_argument("--waiters", type=int, default=200)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--listings", type=int, default=2_000)
    parser.add_argument("--bookings", type=int, default=10_000)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        parser.error("wrk is not installed (apt-get install wrk)")
    name = f"rental_updatesbench_{uuid.uuid4().hex[:8]}"
    namespace = f"updatesbench-{uuid.uuid4().hex[:8]}"
    db_url = str(make_url(ADMIN_URL).set(drivername="postgresql+psycopg", database=name))
    work = Path(tempfile.mkdtemp(prefix="rental-updatesbench-"))
    print(f"database {name}, logs in {work}; {os.cpu_count()} CPUs")
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    failed = False
    try:
        upgrade(db_url)
        data = load(db_url, args.listings, args.bookings)
        listings = [listing_id for listing_id, _ in data["listings"]]
        (work / "booking.txt").write_text("\n".join(listings) + "\n")
        secret = secrets.token_urlsafe(48)
        env = {
            **os.environ, "RENTAL_ENV": "production", "RENTAL_SECRET_KEY": secret,
            "RENTAL_REQUIRE_VERIFIED_EMAIL": "false",
            "RENTAL_DATABASE_URL": db_url, "RENTAL_REDIS_URL": REDIS_URL,
            "RENTAL_REDIS_NAMESPACE": namespace, "RENTAL_LOG_LEVEL": "WARNING",
        }  # fmt: skip
        token = mint_token(secret, data["guests"][0])
        api_port, updates_port = free_port(), free_port()
        rental_bin = str(Path(sys.executable).with_name("rental"))
        bench = Bench(work, args, token, name)
        booking = work / "booking.txt"
        with ExitStack() as servers:
            group = servers.enter_context(server(
                "rental", [rental_bin, "serve", "--port", str(api_port), "--workers",
                           str(args.workers)],
                env, f"http://127.0.0.1:{api_port}/healthz", work,
            ))  # fmt: skip
            servers.enter_context(server(
                "updates", [rental_bin, "serve-updates", "--port", str(updates_port)],
                env, f"http://127.0.0.1:{updates_port}/healthz", work,
            ))  # fmt: skip
            bench.wrk("booking", api_port, args.warmup, booking)
            runs: dict[str, list[Run]] = {"A": [], "B": []}
            held: list[int] = []
            for round_ in range(args.rounds):
                run = bench.wrk("booking", api_port, args.seconds, booking, group)
                runs["A"].append(run)
                print(f"booking {round_ + 1}  A without waiters      {run}")
                base = f"http://127.0.0.1:{updates_port}"
                with Waiters(base, token, args.waiters) as waiters:
                    while waiters.waiting < args.waiters:  # every one of them holds a poll
                        threading.Event().wait(0.2)
                    run = bench.wrk("booking", api_port, args.seconds, booking, group)
                    held.append(waiters.waiting)
                runs["B"].append(run)
                print(f"booking {round_ + 1}  B with {held[-1]:4} waiting  {run}")
                failed |= run.failed or runs["A"][-1].failed
        a, b = (statistics.median(r.rate for r in runs[k]) for k in ("A", "B"))
        print(f"\nmedian booking req/s: A {a:.0f}, B {b:.0f} with {min(held)}+ clients "
              f"waiting; ratio B/A {b / a:.2f} (target at least 0.90)")  # fmt: skip
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(work, ignore_errors=True)
        client: Any = redis.Redis.from_url(REDIS_URL)
        for key in client.scan_iter(f"{namespace}:*"):
            client.delete(key)
        client.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
