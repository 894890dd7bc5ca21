"""The search at scale on PostgreSQL: 1,000,000 listings in 500 cities around the world, each
with coordinates, 2,000,000 bookings (about 10,000,000 booked nights) over a year, 5 % of the
listings with prices by date.

Loads all of it with COPY into a database of its own, then runs each of three searches 500
times with varied cities and dates, and prints p50/p95/p99:

* ``box``: a city-sized map box (about 18 x 18 km) with a 3-night stay for 2 guests, by price;
* ``radius``: 10 km around a point in a city, nearest first (``distance_km`` on each);
* ``city``: an undated search of one city, newest first;

each timed at the database (the application's own statement, compiled once, sent by psycopg:
the round trip and nothing of ours) and through the read side (``SqlReadModel``). Then
``EXPLAIN (ANALYZE, BUFFERS)`` of one of each (into ``--explain-out``), and the same three
searches through HTTP: ``rental serve`` with 4 processes, wrk with 16 connections for
``--http-seconds`` each after ``--warmup-seconds`` unmeasured, cycling over the 500 queries,
with Redis (which a server of several processes needs; map searches bypass its page cache,
the city searches' pages are stored from their second ask), and the servers' resident memory
sampled over the run.

Usage: ``make bench-scale`` or ``.venv/bin/python bench/scale_bench.py [--listings N]
[--cities N] [--bookings N] [--runs N] [--http-seconds S] [--keep] [--reuse NAME]
[--skip-http]``. Needs PostgreSQL (``RENTAL_BENCH_POSTGRES_URL``, default
``postgresql://postgres@127.0.0.1:5432/postgres``) and wrk. The database is dropped at the
end unless ``--keep``; with the defaults it takes 2.2 GB and loaded in 31 minutes here.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import psycopg
from sqlalchemy.engine import make_url

from booking_bench import ADMIN_URL, conninfo
from http_bench import REDIS_URL, free_port, server
from rental.adapters.sqlalchemy import SqlReadModel, make_engine
from rental.adapters.sqlalchemy.migrations import upgrade
from rental.adapters.sqlalchemy.search import search_parameters, search_shape, search_statements
from rental.application.queries import ListingSearch, ListingSort
from rental.domain.listings.geo import BoundingBox, Point

NOW = datetime.now(UTC)
TODAY = NOW.date()
COUNTRIES = ["US", "BR", "FR", "JP", "AU", "ZA", "IN", "PT", "MX", "CA", "DE", "KE", "NZ", "TH"]
PROPERTY_TYPES = ["entire_home"] * 6 + ["private_room"] * 3 + ["shared_room", "hotel_room"]
SPREAD = 0.06  # degrees of latitude: a city's listings lie about 7 km around its centre
BOX_HALF = 0.08  # degrees of latitude: half of a map box's height (about 9 km)
RADIUS_KM = 10.0
DATE_PRICED_SHARE = 0.05
rng = random.Random(25)


def new_id() -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


# -- loading ------------------------------------------------------------------------------
def make_cities(count: int) -> list[tuple[str, float, float]]:
    """Centres spread over the inhabited latitudes, about evenly by area."""
    low, high = math.sin(math.radians(-45)), math.sin(math.radians(65))
    return [
        (f"City {i:03d}", math.degrees(math.asin(rng.uniform(low, high))), rng.uniform(-180, 180))
        for i in range(count)
    ]


def wrapped(longitude: float) -> float:
    return (longitude + 180) % 360 - 180


def load(
    db_url: str, n_listings: int, cities: list[tuple[str, float, float]], n_bookings: int
) -> None:
    hosts = [new_id() for _ in range(max(1, n_listings // 100))]
    guests = [new_id() for _ in range(20_000)]
    stages: dict[str, float] = {}
    started = time.perf_counter()
    with psycopg.connect(conninfo(db_url)) as connection, connection.cursor() as cursor:
        columns = "id, username, email, role, password_hash, created_at, updated_at, version"
        with cursor.copy(f"COPY users ({columns}) FROM STDIN") as copy:
            for i, user_id in enumerate(hosts + guests):
                role = "host" if i < len(hosts) else "guest"
                copy.write_row(
                    (user_id, f"user{i}", f"user{i}@example.com", role, "x", NOW, NOW, 1)
                )
        stages["users"] = time.perf_counter() - started
        listing_ids = []
        columns = (
            "id, host_id, title, description, address, city, country, latitude, longitude, "
            "timezone, price_per_night, currency, cleaning_fee, weekly_discount_percent, "
            "monthly_discount_percent, max_guests, min_nights, max_nights, instant_book, "
            "cancellation_policy, amenities, rating_sum, review_count, rating_average, "
            "created_at, updated_at, version, property_type, bedrooms, beds, bathrooms, "
            "pets_allowed"
        )
        with cursor.copy(f"COPY listings ({columns}) FROM STDIN") as copy:
            for i in range(n_listings):
                listing_id = new_id()
                listing_ids.append(listing_id)
                name, lat, lng = cities[i % len(cities)]
                latitude = max(-89.9, min(89.9, rng.gauss(lat, SPREAD)))
                longitude = wrapped(rng.gauss(lng, SPREAD / math.cos(math.radians(lat))))
                reviews = rng.randint(0, 20)
                rating_sum = sum(rng.randint(3, 5) for _ in range(reviews))
                created = NOW - timedelta(seconds=rng.randint(0, 365 * 86_400))
                bedrooms = rng.randint(0, 4)
                copy.write_row(
                    (
                        listing_id,
                        hosts[i % len(hosts)],
                        f"Home {i}",
                        "",
                        "",
                        name,
                        COUNTRIES[(i % len(cities)) % len(COUNTRIES)],
                        latitude,
                        longitude,
                        "UTC",
                        rng.randrange(3_000, 60_000, 100),
                        "USD",
                        2_500,
                        0,
                        0,
                        rng.randint(1, 8),
                        rng.randint(1, 3),
                        30,
                        rng.random() < 0.7,
                        "flexible",
                        json.dumps(rng.sample(["wifi", "kitchen", "pool", "parking"], 2)),
                        rating_sum,
                        reviews,
                        round(rating_sum / reviews, 2) if reviews else None,
                        created,
                        created,
                        1,
                        rng.choice(PROPERTY_TYPES),
                        bedrooms,
                        bedrooms + rng.randint(0, 2),
                        rng.choice([1, 1, 1.5, 2, 2.5]),
                        rng.random() < 0.3,
                    )
                )
        stages["listings"] = time.perf_counter() - started
        load_date_prices(cursor, listing_ids)
        stages["date prices"] = time.perf_counter() - started
        nights = load_bookings(cursor, listing_ids, hosts, guests, n_bookings)
        stages["bookings"] = time.perf_counter() - started
        connection.commit()
    with psycopg.connect(conninfo(db_url), autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
        size = connection.execute("SELECT pg_database_size(current_database())").fetchone()
    seconds = time.perf_counter() - started
    stages["VACUUM ANALYZE"] = seconds
    print(
        f"load: {len(hosts) + len(guests):,} users, {n_listings:,} listings in "
        f"{len(cities)} cities, {n_bookings:,} bookings ({nights:,} nights) in "
        f"{seconds:.0f} s (COPY, then VACUUM ANALYZE)"
    )
    print("  cumulative: " + ", ".join(f"{k} {v:.0f} s" for k, v in stages.items()))
    print(f"disk: {size[0] / 2**30:.2f} GiB (pg_database_size)" if size else "disk: ?")


def load_date_prices(cursor: Any, listing_ids: list[str]) -> None:
    """5 % of the listings: a season of 92 nights at a price of its own from a month on, and a
    weekend price."""
    priced = listing_ids[:: int(1 / DATE_PRICED_SHARE)]
    summer = TODAY + timedelta(days=30)
    columns = 'listing_id, start, "end", price, min_nights, closed_to_arrival, closed_to_departure'
    with cursor.copy(f"COPY rate_overrides ({columns}) FROM STDIN") as copy:
        for listing_id in priced:
            end = summer + timedelta(days=92)
            copy.write_row(
                (listing_id, summer, end, rng.randrange(9_000, 90_000, 100), None, False, False)
            )
    # The span of each one's overrides, which the calendar's writes keep and COPY does not.
    cursor.execute(
        "UPDATE listings SET weekend_price = price_per_night + 2000, rates_from = %s, "
        "rates_until = %s WHERE id = ANY(%s)",
        (summer, summer + timedelta(days=92), priced),
    )
    print(f"date prices: {len(priced):,} listings with a season and weekend prices")


def load_bookings(
    cursor: Any, listing_ids: list[str], hosts: list[str], guests: list[str], n_bookings: int
) -> int:
    """Bookings of 2 to 8 nights (5 on average), spread over the year around today, each
    listing's in segments of its own so that none overlap."""
    per_listing = max(1, n_bookings // len(listing_ids))
    segment = 365 // per_listing
    start = TODAY - timedelta(days=180)
    nights_total = 0
    columns = (
        "id, listing_id, guest_id, host_id, check_in, check_out, guests, status, currency, "
        "nightly_subtotal, discount, cleaning_fee, service_fee, total, cancellation_policy, "
        "instant_book, timezone, payment_authorized_at, created_at, updated_at, version"
    )
    with cursor.copy(f"COPY bookings ({columns}) FROM STDIN") as copy:
        for i, listing_id in enumerate(listing_ids):
            for k in range(per_listing):
                check_in = start + timedelta(days=k * segment + rng.randint(0, segment - 9))
                nights = rng.randint(2, 8)
                nights_total += nights
                status = "confirmed" if rng.random() < 0.9 else "cancelled"
                created = NOW - timedelta(minutes=rng.randint(60, 60 * 24 * 60))
                subtotal = nights * 10_000
                fee = (subtotal + 2_500) // 10
                copy.write_row(
                    (
                        new_id(),
                        listing_id,
                        rng.choice(guests),
                        hosts[i % len(hosts)],
                        check_in,
                        check_in + timedelta(days=nights),
                        2,
                        status,
                        "USD",
                        subtotal,
                        0,
                        2_500,
                        fee,
                        subtotal + 2_500 + fee,
                        "flexible",
                        True,
                        "UTC",
                        created,
                        created,
                        created,
                        1,
                    )
                )
    return nights_total


# -- the searches -------------------------------------------------------------------------
def map_box(lat: float, lng: float) -> BoundingBox:
    half_lng = BOX_HALF / math.cos(math.radians(lat))
    return BoundingBox(
        wrapped(lng - half_lng), lat - BOX_HALF, wrapped(lng + half_lng), lat + BOX_HALF
    )


def searches(cities: list[tuple[str, float, float]], runs: int) -> dict[str, list[ListingSearch]]:
    """``runs`` searches of each kind, in random cities, around points near their centres."""
    made: dict[str, list[ListingSearch]] = {"box": [], "radius": [], "city": []}
    for _ in range(runs):
        _, lat, lng = rng.choice(cities)
        lat, lng = lat + rng.uniform(-0.01, 0.01), wrapped(lng + rng.uniform(-0.01, 0.01))
        check_in = TODAY + timedelta(days=rng.randint(7, 90))
        made["box"].append(
            ListingSearch(
                bbox=map_box(lat, lng),
                guests=2,
                check_in=check_in,
                check_out=check_in + timedelta(days=3),
                sort=ListingSort.PRICE,
            )
        )
        made["radius"].append(
            ListingSearch(near=Point(lat, lng), radius_km=RADIUS_KM, sort=ListingSort.DISTANCE)
        )
        made["city"].append(ListingSearch(city=rng.choice(cities)[0]))
    return made


def query_string(search: ListingSearch) -> str:
    params: dict[str, Any] = {"sort": search.sort.value, "per_page": search.page.per_page}
    if search.bbox:
        box = search.bbox
        params["bbox"] = f"{box.west:.5f},{box.south:.5f},{box.east:.5f},{box.north:.5f}"
    if search.near:
        params["near"] = f"{search.near.latitude:.5f},{search.near.longitude:.5f}"
        params["radius_km"] = search.radius_km
    for name in ("city", "guests", "check_in", "check_out"):
        if (value := getattr(search, name)) is not None:
            params[name] = str(value)
    return "/api/v1/listings?" + urlencode(params)


def percentiles(samples: list[float]) -> str:
    cuts = statistics.quantiles(samples, n=100)
    return f"p50 {cuts[49]:6.2f} ms   p95 {cuts[94]:6.2f} ms   p99 {cuts[98]:6.2f} ms"


def statement_of(search: ListingSearch, dialect: Any) -> tuple[str, dict[str, Any]]:
    """The application's SQL for ``search`` and its parameters, as psycopg takes them."""
    statement: Any = search_statements(search_shape(search, "postgresql")).page
    compiled = statement.compile(dialect=dialect)
    params = search_parameters(search, NOW, "postgresql")
    return compiled.string, compiled.construct_params(params)


def timed(calls: list[Callable[[], object]]) -> list[float]:
    samples = []
    for call in calls:
        started = time.perf_counter()
        found = call()
        if hasattr(found, "fetchall"):
            found.fetchall()  # the rows too, not only the first packet
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def bench_database(db_url: str, made: dict[str, list[ListingSearch]], explain_out: Path) -> None:
    engine = make_engine(db_url)
    model = SqlReadModel(engine)
    plans = []
    try:
        with engine.connect() as connection:
            for kind, found in made.items():
                statements = [statement_of(x, engine.dialect) for x in found]
                for sql, params in statements[:20]:  # warm the cache a little, as a server is
                    connection.exec_driver_sql(sql, params).fetchall()
                database = timed(
                    [partial(connection.exec_driver_sql, sql, params) for sql, params in statements]
                )
                read_side = timed([partial(model.search_listings, x, NOW) for x in found])
                totals = [model.search_listings(x, NOW).total for x in found[:50]]
                print(f"{kind:7s} at the database  {percentiles(database)}")
                print(
                    f"{kind:7s} read side        {percentiles(read_side)}   "
                    f"(matches: median {statistics.median(totals):.0f})"
                )
                sql, params = statements[0]
                rows = connection.exec_driver_sql(
                    "EXPLAIN (ANALYZE, BUFFERS) " + sql, params
                ).fetchall()
                plans.append(
                    f"-- {kind}: {query_string(found[0])}\n" + "\n".join(r[0] for r in rows)
                )
    finally:
        engine.dispose()
    explain_out.write_text("\n\n".join(plans) + "\n")
    print(f"plans: {explain_out}")


# -- through HTTP -------------------------------------------------------------------------
WRK_SCRIPT = """
local threads = {}
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end
function init(args)
  paths = {}
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  i = tid
end
function request()
  i = i + 2
  return wrk.format("GET", paths[(i % #paths) + 1])
end
function done(summary, latency, requests)
  io.write(string.format("p50 %.2f p95 %.2f p99 %.2f requests %d non2xx %d\\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests,
    summary.errors.status))
end
"""


def resident_kib(group: int) -> dict[int, int]:
    """Resident memory of each process of ``group`` (the server's process group)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) != group:
                continue
            status = (entry / "status").read_text()
        except (OSError, IndexError, ValueError):
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                found[int(entry.name)] = int(line.split()[1])
    return found


def bench_http(
    db_url: str, made: dict[str, list[ListingSearch]], seconds: float, warmup: float, work: Path
) -> None:
    (work / "paths.lua").write_text(WRK_SCRIPT)
    env = {
        **os.environ,
        "RENTAL_ENV": "production",
        "RENTAL_SECRET_KEY": secrets.token_urlsafe(48),
        "RENTAL_DATABASE_URL": db_url,
        "RENTAL_LOG_LEVEL": "WARNING",
        # Several processes need Redis (the login rate limit). Map searches bypass its page
        # cache; the city searches' pages are stored from their second ask within 30 s.
        "RENTAL_REDIS_URL": REDIS_URL,
        "RENTAL_REDIS_NAMESPACE": f"scalebench-{os.getpid()}",
    }
    port = free_port()
    rental_bin = Path(sys.executable).with_name("rental")
    command = [str(rental_bin), "serve", "--port", str(port), "--workers", "4"]
    with server("rental", command, env, f"http://127.0.0.1:{port}/healthz", work) as group:
        samples: list[dict[int, int]] = []
        stop = threading.Event()

        def sample() -> None:
            while not stop.wait(0.5):
                samples.append(resident_kib(group))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            for kind, found in made.items():
                paths = work / f"{kind}.txt"
                paths.write_text("\n".join(query_string(x) for x in found) + "\n")
                wrk = ["wrk", "-t2", "-c16", "-s", str(work / "paths.lua")]
                target = [f"http://127.0.0.1:{port}", "--", str(paths)]
                # Unmeasured first: each process compiles its statements on first use.
                subprocess.run(
                    [*wrk, f"-d{warmup:.0f}s", *target], capture_output=True, check=False
                )
                output = subprocess.run(
                    [*wrk, f"-d{seconds:.0f}s", *target],
                    capture_output=True,
                    text=True,
                    check=False,
                ).stdout
                if "p95" not in output:
                    raise RuntimeError(f"wrk: {output}")
                line = output.strip().splitlines()[-1]
                rate = next((x for x in output.splitlines() if "Requests/sec" in x), "").split()
                print(
                    f"{kind:7s} HTTP, 16 connections  {line}  ({rate[-1] if rate else '?'} req/s)"
                )
        finally:
            stop.set()
            sampler.join()
    if samples:
        totals = [sum(s.values()) / 1024 for s in samples if s]
        largest = max(max(s.values()) for s in samples if s) / 1024
        print(
            f"API processes' resident memory (all 5, MiB): first {totals[0]:.0f}, "
            f"last {totals[-1]:.0f}, most {max(totals):.0f}; largest one process "
            f"{largest:.0f} MiB; {len(samples)} samples"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--listings", type=int, default=1_000_000)
    parser.add_argument("--cities", type=int, default=500)
    parser.add_argument("--bookings", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--http-seconds", type=float, default=20)
    parser.add_argument("--warmup-seconds", type=float, default=5)
    parser.add_argument("--explain-out", type=Path)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--reuse", metavar="NAME", help="measure a database kept before")
    parser.add_argument("--skip-http", action="store_true")
    args = parser.parse_args()

    cities = make_cities(args.cities)  # the same centres every run (the seed is fixed)
    name = args.reuse or f"rental_scale_{os.getpid()}"
    db_url = conninfo_url(name)
    work = Path(tempfile.mkdtemp(prefix="rental-scalebench-"))
    print(
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, database {name}, logs in {work}; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    if not args.reuse:
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    try:
        if not args.reuse:
            upgrade(db_url)
            load(db_url, args.listings, cities, args.bookings)
        made = searches(cities, args.runs)
        bench_database(db_url, made, args.explain_out or work / "plans.txt")
        print(f"load average {os.getloadavg()[0]:.1f}")
        if not args.skip_http:
            bench_http(db_url, made, args.http_seconds, args.warmup_seconds, work)
            print(f"load average {os.getloadavg()[0]:.1f}")
    finally:
        if not args.keep:
            with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            print(f"dropped {name}")


def conninfo_url(name: str) -> str:
    return str(make_url(ADMIN_URL).set(drivername="postgresql+psycopg", database=name))


if __name__ == "__main__":
    main()
