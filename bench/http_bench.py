"""HTTP benchmark: ``rental serve`` against a bare Flask + SQLAlchemy Core twin, in one run.

Creates a PostgreSQL database of its own (``booking_bench.load``: listings in 50 cities with
bookings over a year), starts ``rental serve`` (PostgreSQL, Redis, 4 processes) and
``bench/bare_app.py`` under the same gunicorn options, then drives both with wrk (2 threads,
16 connections), alternating rental / bare, for:

* ``booking``: ``POST /api/v1/bookings``, every request a distinct stay that conflicts with
  nothing (each listing in turn, then the next free two nights), against one ``INSERT``;
* ``detail``: ``GET /api/v1/listings/<id>`` over a few hundred listings (the cache), against
  one primary-key ``SELECT``;
* ``search``: ``GET /api/v1/listings`` with a city, dates, guests and a price band, every
  request a different search (so not the cache), against the same SQL sent by hand.

It prints requests per second, p50 and p99 of each run and, per scenario, the medians and
the ratio rental / bare. Any request that is not 2xx, or any socket error, is reported and
makes the exit status 1. Everything runs on 127.0.0.1 and is bounded by ``--seconds``.

Usage: ``make bench-http`` or ``.venv/bin/python bench/http_bench.py [--seconds S]
[--rounds N] [--only booking,detail,search] [--keep]``. Needs ``wrk`` (``apt-get install
wrk``), PostgreSQL (``RENTAL_BENCH_POSTGRES_URL``, default
``postgresql://postgres@127.0.0.1:5432/postgres``) and Redis (``RENTAL_BENCH_REDIS_URL``,
default ``redis://127.0.0.1:6379/0``; its keys go under a prefix of their own, deleted after).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import psycopg
import redis
from sqlalchemy.engine import make_url

from booking_bench import ADMIN_URL, CITIES, PRICE_BAND, TODAY, load
from rental.adapters.sqlalchemy.migrations import upgrade

BENCH = Path(__file__).resolve().parent
REDIS_URL = os.environ.get("RENTAL_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
EPOCH = date(1970, 1, 1)
SCENARIOS = ("booking", "detail", "search")
DETAIL_LISTINGS = 500
FAR = TODAY + timedelta(days=400)  # after every booking the loader made

# wrk's scripts: each thread numbers its requests tid, tid + threads, ... so that no two
# requests of a run are the same; the data and the run's first number come as arguments.
LUA_COMMON = """
local threads = {}
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end
local function day(n) return os.date("!%Y-%m-%d", n * 86400) end
"""
LUA = {
    "booking": """
function init(args)
  ids = {}
  for line in io.lines(args[1]) do ids[#ids + 1] = line end
  base, step, i = tonumber(args[2]), tonumber(args[3]), tid
  headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. args[4]}
end
function request()
  local listing, slot = ids[(i % #ids) + 1], math.floor(i / #ids)
  i = i + step
  local body = string.format(
    '{"listing_id": "%s", "check_in": "%s", "check_out": "%s", "guests": 2}',
    listing, day(base + 2 * slot), day(base + 2 * slot + 2))
  return wrk.format("POST", "/api/v1/bookings", headers, body)
end
""",
    "detail": """
function init(args)
  ids = {}
  for line in io.lines(args[1]) do ids[#ids + 1] = line end
  step, i = tonumber(args[3]), tid
end
function request()
  local listing = ids[(i % #ids) + 1]
  i = i + step
  return wrk.format("GET", "/api/v1/listings/" .. listing)
end
""",
    "search": """
function init(args)
  cities = {}
  for line in io.lines(args[1]) do cities[#cities + 1] = line end
  base, step, i = tonumber(args[2]), tonumber(args[3]), tid + tonumber(args[5])
  low, high = args[6], args[7]
end
function request()
  local city = cities[(i % #cities) + 1]
  local j = math.floor(i / #cities)
  local first, nights = base + (j % 160), 2 + math.floor(j / 160) % 5
  i = i + step
  return wrk.format("GET", string.format(
    "/api/v1/listings?city=%s&guests=2&min_price=%s&max_price=%s&check_in=%s&check_out=%s"
    .. "&sort=price&per_page=20",
    (city:gsub(" ", "%%20")), low, high, day(first), day(first + nights)))
end
""",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # loopback only
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


@contextmanager
def server(
    name: str, command: list[str], env: dict[str, str], ready: str, logs: Path
) -> Iterator[int]:
    """Run ``command`` until the block ends; its output goes to ``logs/name.log``."""
    with (logs / f"{name}.log").open("wb") as log:
        process = subprocess.Popen(
            command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            wait_until_up(ready, process)
            yield process.pid  # and its process group's: gunicorn's master and workers
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)  # gunicorn's graceful stop
                try:
                    process.wait(timeout=40)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


class Run:
    """One wrk run's figures."""

    def __init__(self, output: str) -> None:
        self.output = output
        self.requests = int(_find(r"(\d+) requests in", output))
        self.rate = float(_find(r"Requests/sec:\s+([\d.]+)", output))
        self.p50 = _millis(_find(r"^\s+50%\s+(\S+)", output))
        self.p99 = _millis(_find(r"^\s+99%\s+(\S+)", output))
        failed = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        self.non_2xx = int(failed.group(1)) if failed else 0
        errors = re.search(r"Socket errors: (.*)", output)
        self.socket_errors = errors.group(1) if errors else ""
        self.cpu: dict[str, float] = {}  # microseconds of CPU per request, by process group

    @property
    def failed(self) -> bool:
        return self.non_2xx > 0 or bool(self.socket_errors)

    def __str__(self) -> str:
        text = f"{self.rate:8.0f} req/s  p50 {self.p50:6.2f} ms  p99 {self.p99:6.2f} ms"
        if self.cpu:
            text += "  CPU/req " + " ".join(f"{k} {v:.0f}" for k, v in self.cpu.items()) + " us"
        if self.non_2xx:
            text += f"  NON-2XX {self.non_2xx}"
        if self.socket_errors:
            text += f"  SOCKET ERRORS {self.socket_errors}"
        return text


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_ticks(server_group: int, database: str) -> dict[str, int]:
    """CPU ticks (user + system) used so far by the server's processes, by the PostgreSQL
    backends of the bench's database and by Redis, from ``/proc`` (Linux)."""
    ticks = {"server": 0, "postgres": 0, "redis": 0}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
            title = Path(entry.path, "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue  # gone meanwhile
        fields = stat.rsplit(")", 1)[1].split()
        used = int(fields[11]) + int(fields[12])
        if int(fields[2]) == server_group:
            ticks["server"] += used
        elif title.startswith("postgres:") and f" {database} " in title:
            ticks["postgres"] += used
        elif title.startswith("redis-server"):
            ticks["redis"] += used
    return ticks


def _find(pattern: str, text: str) -> str:
    match = re.search(pattern, text, re.MULTILINE)
    if match is None:
        raise RuntimeError(f"wrk's output has no {pattern!r}:\n{text}")
    return match.group(1)


def _millis(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


class Bench:
    """The wrk runs of one benchmark, with what keeps each request distinct."""

    def __init__(self, work: Path, args: argparse.Namespace, token: str, database: str) -> None:
        self.work = work
        self.database = database
        self.args = args
        self.token = token
        self.booking_base = FAR
        self.search_start = 0
        for scenario, body in LUA.items():
            (work / f"{scenario}.lua").write_text(LUA_COMMON + body)
        (work / "cities.txt").write_text("\n".join(CITIES) + "\n")

    def wrk(self, scenario: str, port: int, seconds: float, data: Path, group: int = 0) -> Run:
        """One wrk run against ``port``; with ``group`` (the server's process group), the CPU
        that the server, PostgreSQL, Redis and wrk itself used, per request."""
        base = (self.booking_base - EPOCH).days
        if scenario == "search":
            base = (TODAY + timedelta(days=7) - EPOCH).days
        command = [
            "wrk", f"-t{self.args.threads}", f"-c{self.args.connections}",
            f"-d{max(1, round(seconds))}s",
            "--latency", "--timeout", "10s", "-s", str(self.work / f"{scenario}.lua"),
            f"http://127.0.0.1:{port}", "--", str(data), str(base), str(self.args.threads),
            self.token, str(self.search_start), str(PRICE_BAND[0]), str(PRICE_BAND[1]),
        ]  # fmt: skip
        before = cpu_ticks(group, self.database) if group else {}
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run(command, capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr or done.stdout}")
        run = Run(done.stdout)
        if group and run.requests:
            after, wrk = (
                cpu_ticks(group, self.database),
                resource.getrusage(resource.RUSAGE_CHILDREN),
            )
            per_request = 1e6 / CLOCK_TICKS / run.requests
            run.cpu = {name: (after[name] - before[name]) * per_request for name in before}
            wrk_seconds = wrk.ru_utime + wrk.ru_stime - children.ru_utime - children.ru_stime
            run.cpu["wrk"] = wrk_seconds * 1e6 / run.requests
        if scenario == "booking":  # the next run's stays start after every night this one took
            listings = sum(1 for _ in data.open())
            self.booking_base += timedelta(days=2 * (run.requests // listings + 2))
        if scenario == "search":  # and its searches after every one this one made
            self.search_start += run.requests + 1
        return run


def mint_token(secret: str, guest_id: str) -> str:
    """An access token of ``guest_id``, signed as ``rental serve`` signs them."""
    from flask_jwt_extended import create_access_token

    from rental.composition import bootstrap
    from rental.entrypoints.http import create_app
    from rental.settings import Settings

    settings = Settings(env="test", secret_key=secret, access_token_minutes=240)
    app = create_app(settings, rental=bootstrap())
    with app.app_context():
        return str(create_access_token(identity=guest_id, additional_claims={"role": "guest"}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="per run (default 10)")
    parser.add_argument("--warmup", type=float, default=3.0, help="per server and scenario")
    parser.add_argument("--rounds", type=int, default=2, help="A B pairs per scenario")
    parser.add_argument("--only", default=",".join(SCENARIOS))
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--server-threads", type=int, help="per worker (default: serve's)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--listings", type=int, default=5_000)
    parser.add_argument("--bookings", type=int, default=25_000, help="loaded before the runs")
    parser.add_argument("--keep", action="store_true", help="keep the database and the logs")
    args = parser.parse_args()
    scenarios = [name for name in args.only.split(",") if name]
    if unknown := set(scenarios) - set(SCENARIOS):
        parser.error(f"unknown scenarios {sorted(unknown)}")
    if shutil.which("wrk") is None:
        parser.error("wrk is not installed (apt-get install wrk)")

    name = f"rental_httpbench_{uuid.uuid4().hex[:8]}"
    namespace = f"httpbench-{uuid.uuid4().hex[:8]}"
    db_url = str(make_url(ADMIN_URL).set(drivername="postgresql+psycopg", database=name))
    work = Path(tempfile.mkdtemp(prefix="rental-httpbench-"))
    print(f"database {name}, Redis prefix {namespace}, logs in {work}; {os.cpu_count()} CPUs")
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    failed = False
    try:
        upgrade(db_url)
        data = load(db_url, args.listings, args.bookings)
        listings = [listing_id for listing_id, _ in data["listings"]]
        (work / "booking.txt").write_text("\n".join(listings) + "\n")
        (work / "detail.txt").write_text("\n".join(listings[:DETAIL_LISTINGS]) + "\n")
        guest = data["guests"][0]
        secret = secrets.token_urlsafe(48)
        env = {
            **os.environ, "RENTAL_ENV": "production", "RENTAL_SECRET_KEY": secret,
            "RENTAL_REQUIRE_VERIFIED_EMAIL": "false",
            "RENTAL_DATABASE_URL": db_url, "RENTAL_REDIS_URL": REDIS_URL,
            "RENTAL_REDIS_NAMESPACE": namespace, "RENTAL_LOG_LEVEL": "WARNING",
        }  # fmt: skip
        rental_port, bare_port = free_port(), free_port()
        threads = ["--threads", str(args.server_threads)] if args.server_threads else []
        rental_bin = Path(sys.executable).with_name("rental")
        detail = f"/api/v1/listings/{listings[0]}"
        bench = Bench(work, args, mint_token(secret, guest), name)
        with ExitStack() as servers:
            rental_group = servers.enter_context(server(
                "rental",
                [str(rental_bin), "serve", "--port", str(rental_port),
                 "--workers", str(args.workers), *threads],
                env, f"http://127.0.0.1:{rental_port}{detail}", work,
            ))  # fmt: skip
            bare_group = servers.enter_context(server(
                "bare",
                [sys.executable, str(BENCH / "bare_app.py"), "--database-url", db_url,
                 "--guest-id", guest, "--port", str(bare_port), "--workers", str(args.workers),
                 *threads],
                env, f"http://127.0.0.1:{bare_port}{detail}", work,
            ))  # fmt: skip
            ports = {"rental": rental_port, "bare": bare_port}
            groups = {"rental": rental_group, "bare": bare_group}
            print(
                f"wrk: {args.threads} threads, {args.connections} connections, "
                f"{args.seconds:.0f} s a run; gunicorn: {args.workers} workers each\n"
            )
            summary = []
            for scenario in scenarios:
                data_file = work / ("cities.txt" if scenario == "search" else f"{scenario}.txt")
                for port in ports.values():  # warm pools, caches and plans; not counted
                    bench.wrk(scenario, port, args.warmup, data_file)
                runs: dict[str, list[Run]] = {"rental": [], "bare": []}
                for round_ in range(args.rounds):
                    for target, port in ports.items():
                        run = bench.wrk(scenario, port, args.seconds, data_file, groups[target])
                        runs[target].append(run)
                        failed |= run.failed
                        print(f"{scenario:8} {round_ + 1}  {target:7}{run}")
                summary.append((scenario, runs))
        print(f"\n{'medians':10}{'rental req/s':>14}{'p50':>8}{'p99':>8}"
              f"{'bare req/s':>12}{'p50':>8}{'p99':>8}{'ratio':>8}")  # fmt: skip
        for scenario, runs in summary:
            mine, bare = runs["rental"], runs["bare"]
            rate, bare_rate = (statistics.median(r.rate for r in x) for x in (mine, bare))
            print(
                f"{scenario:10}{rate:14.0f}{statistics.median(r.p50 for r in mine):8.1f}"
                f"{statistics.median(r.p99 for r in mine):8.1f}{bare_rate:12.0f}"
                f"{statistics.median(r.p50 for r in bare):8.1f}"
                f"{statistics.median(r.p99 for r in bare):8.1f}{rate / bare_rate:8.2f}"
            )
        if failed:
            print("\nSOME REQUESTS FAILED (non-2xx or socket errors): see the runs above and "
                  f"the servers' logs in {work}")  # fmt: skip
    finally:
        if not args.keep:
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
