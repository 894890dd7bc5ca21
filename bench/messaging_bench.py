"""Benchmark of a busy host's inbox and a thread's history on PostgreSQL.

Loads a host with ``--threads`` threads (default 10,000, over 5 listings and 2,000 guests) and
``--messages`` messages (default 200,000, spread evenly) into a database of its own (COPY),
then prints p50/p95/p99 of:

* the first inbox page (20 threads, most recent activity first, with each thread's last
  message and bookings): ``SqlMessagingQueries.inbox``, every statement it sends, timed from
  the application;
* a thread's latest 50 messages: ``SqlMessagingQueries.messages``;
* and, "at the database", the execution time PostgreSQL reports (``EXPLAIN (ANALYZE)``) for
  the inbox's main statement (the host's side, ``ix_threads_host_inbox``) and for the 50
  messages (``uq_messages_thread_id``).

Targets: first inbox page p95 under 20 ms at the database, latest 50 messages under 10 ms.

Usage: ``.venv/bin/python bench/messaging_bench.py [--threads N] [--messages N] [--runs N]``.
``RENTAL_BENCH_POSTGRES_URL`` as in ``bench/booking_bench.py``; the database is dropped after.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import psycopg
from sqlalchemy import event, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import make_url

from booking_bench import ADMIN_URL, NOW, conninfo, load, new_id
from rental.adapters.sqlalchemy import make_engine
from rental.adapters.sqlalchemy import tables as t
from rental.adapters.sqlalchemy.messaging import SqlMessagingQueries
from rental.adapters.sqlalchemy.migrations import upgrade

rng = random.Random(7)


def load_messages(db_url: str, n_threads: int, n_messages: int) -> tuple[str, list[str]]:
    data = load(db_url, 10, 0)
    listings = [listing_id for listing_id, _ in data["listings"]]
    host = data["listings"][0][1]
    guests = data["guests"]
    per_thread = max(1, n_messages // n_threads)
    threads: list[str] = []
    started = time.perf_counter()
    with psycopg.connect(conninfo(db_url)) as connection, connection.cursor() as cursor:
        cursor.execute("UPDATE listings SET host_id = %s", (host,))
        thread_columns = (
            "id, listing_id, guest_id, host_id, created_at, updated_at, last_position, "
            "guest_read_position, host_read_position, version"
        )
        message_columns = "id, thread_id, position, sender_id, body, created_at"
        rows = []
        with cursor.copy(f"COPY threads ({thread_columns}) FROM STDIN") as copy:
            for k in range(n_threads):
                thread_id, guest = new_id(), guests[k % len(guests)]
                listing = listings[(k // len(guests)) % len(listings)]
                start = NOW - timedelta(minutes=rng.randint(per_thread, 60 * 24 * 90))
                last = start + timedelta(minutes=per_thread)
                copy.write_row((
                    thread_id, listing, guest, host, start, last, per_thread, per_thread,
                    rng.randint(0, per_thread), 1 + per_thread,
                ))  # fmt: skip
                threads.append(thread_id)
                rows.append((thread_id, guest, start))
        with cursor.copy(f"COPY messages ({message_columns}) FROM STDIN") as copy:
            for thread_id, guest, start in rows:
                for position in range(1, per_thread + 1):
                    sender = guest if position % 2 else host
                    body = f"Message {position}: is the flat free that week? " * 3
                    at = start + timedelta(minutes=position)
                    copy.write_row((new_id(), thread_id, position, sender, body, at))
        connection.commit()
    with psycopg.connect(conninfo(db_url), autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
    print(
        f"load: {n_threads:,} threads and {n_threads * per_thread:,} messages of one host in "
        f"{time.perf_counter() - started:.1f} s (COPY, then VACUUM ANALYZE)"
    )
    return host, threads


def percentiles(samples: list[float]) -> str:
    cuts = statistics.quantiles(samples, n=100)
    return f"p50 {cuts[49]:6.2f} ms   p95 {cuts[94]:6.2f} ms   p99 {cuts[98]:6.2f} ms"


def timed(action: Callable[[], Any], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def sent_by(engine: Any, action: Callable[[], Any]) -> list[tuple[str, Any]]:
    """The statements (and parameters) ``action`` sends through ``engine``."""
    sent: list[tuple[str, Any]] = []

    def record(_c: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return sent


def at_database(connection: psycopg.Connection[Any], sent: list[tuple[str, Any]]) -> float:
    """What PostgreSQL reports for planning and executing every statement of ``sent``, in ms."""
    total = 0.0
    for statement, parameters in sent:
        row = connection.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {statement}", parameters)
        (plan,) = row.fetchone()  # type: ignore[misc]
        found = (plan if isinstance(plan, list) else json.loads(plan))[0]
        total += float(found["Execution Time"]) + float(found.get("Planning Time", 0.0))
    return total


def explained(connection: psycopg.Connection[Any], statement: Any, runs: int) -> list[float]:
    """PostgreSQL's own execution time of ``statement``, ``runs`` times."""
    sql = str(
        statement.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True})
    )
    samples = []
    for _ in range(runs):
        (plan,) = connection.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}").fetchone()  # type: ignore[misc]
        samples.append(
            float((plan if isinstance(plan, list) else json.loads(plan))[0]["Execution Time"])
        )
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threads", type=int, default=10_000)
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    name = f"rental_msgbench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    db_url = str(make_url(ADMIN_URL).set(drivername="postgresql+psycopg", database=name))
    try:
        upgrade(db_url)
        host, threads = load_messages(db_url, args.threads, args.messages)
        engine = make_engine(db_url)
        queries = SqlMessagingQueries(engine)
        queries.inbox(host, None, 21)  # warm the pool and the plans
        inbox = timed(lambda: queries.inbox(host, None, 21), args.runs)
        history = timed(lambda: queries.messages(rng.choice(threads), None, 50), args.runs)
        c, m = t.threads.c, t.messages.c
        inbox_sql = (
            select(t.threads).where(c.host_id == host)
            .order_by(c.updated_at.desc(), c.id.desc()).limit(21)
        )  # fmt: skip
        page_sent = sent_by(engine, lambda: queries.inbox(host, None, 21))
        with psycopg.connect(conninfo(db_url), autocommit=True) as connection:
            at_db_page = [at_database(connection, page_sent) for _ in range(args.runs // 3)]
            at_db_inbox = explained(connection, inbox_sql, args.runs // 3)
            at_db_history = []
            for _ in range(args.runs // 3):
                history_sql = (
                    select(m.id, m.sender_id, m.body, m.created_at, m.position)
                    .where(m.thread_id == rng.choice(threads))
                    .order_by(m.position.desc()).limit(50)
                )  # fmt: skip
                at_db_history += explained(connection, history_sql, 1)
        engine.dispose()
        print(f"\ninbox, first page (20 of {args.threads:,} threads), from the application:")
        print(f"  {percentiles(inbox)}   (4 statements: both sides, bookings, last messages)")
        print(f"  at the database, its {len(page_sent)} statements planned and run: "
              f"{percentiles(at_db_page)}  (target p95 < 20)")  # fmt: skip
        print(f"  at the database, the host's side alone: {percentiles(at_db_inbox)}")
        print("a thread's latest 50 messages, from the application:")
        print(f"  {percentiles(history)}")
        print(f"  at the database: {percentiles(at_db_history)}  (target p95 < 10)")
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
