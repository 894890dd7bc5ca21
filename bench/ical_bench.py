"""Benchmark of the attack's calendar feed (issue 29, finding 2): 2,000 copies of one event
repeating every day, each under its own UID (about 230 KB), synced into a listing.

Before the fix one such sync ran 706 s, grew the worker to 2.2 GB and wrote 1,048,000 block
rows. On a migrated SQLite file of its own (or ``--database-url``), with the feed served on
127.0.0.1, it prints for this process, which does the sync as the worker would:

* the first sync (fetch, parse, expansion, merge, one block written) and a second one (the
  same feed again: nothing changes), each against parsing the same bytes with icalendar
  alone, in the same process (the ratio is what to compare across machines);
* the process's peak resident memory during the sync (``VmHWM``, reset just before it), and
  its resident memory before;
* how many block rows the listing has afterwards.

Usage: ``PYTHONPATH=. .venv/bin/python bench/ical_bench.py [--copies N] [--database-url URL]``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import icalendar
from tests.feeds import FeedServer, daily_copies

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.ical.fetcher import SafeFeedFetcher
from rental.adapters.sqlalchemy.migrations import upgrade
from rental.application import commands as c
from rental.composition import bootstrap


def memory_kib(field: str) -> int:
    """``VmRSS`` (resident now) or ``VmHWM`` (its peak) of this process, in KiB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def reset_peak() -> None:
    """Make ``VmHWM`` start again from the resident memory of now (Linux 4.0 and later)."""
    Path("/proc/self/clear_refs").write_text("5")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2000)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ical-bench-"))
    url = args.database_url or f"sqlite:///{folder / 'bench.db'}"
    upgrade(url)
    rental = bootstrap(
        database_url=url,
        password_hasher=Argon2Hasher(fast=True),
        calendar_fetcher=SafeFeedFetcher(allow_private_networks=True),
    )
    host = rental.handle(
        c.RegisterUser(
            username="icalbench", email="icalbench@example.com", password="pw-secret-1", role="host"
        )
    )
    actor = c.Actor(host.id, host.role)
    fields = {
        "title": "Loft",
        "city": "Lisbon",
        "country": "PT",
        "price_per_night": 100,
        "max_guests": 2,
    }
    listing = rental.handle(c.CreateListing(actor=actor, **fields))
    body = daily_copies(args.copies, date.today() + timedelta(days=1))
    server = FeedServer()
    feed_url = server.serve("/copies.ics", body)
    import_id = rental.handle(
        c.ImportCalendar(actor=actor, listing_id=listing.id, name="Attack", url=feed_url)
    ).id

    start = time.perf_counter()
    icalendar.Calendar.from_ical(body)
    parse_ms = (time.perf_counter() - start) * 1000
    before_kib = memory_kib("VmRSS")
    reset_peak()
    start = time.perf_counter()
    first = rental.channel_sync.sync(import_id)
    first_ms = (time.perf_counter() - start) * 1000
    peak_kib = memory_kib("VmHWM")
    start = time.perf_counter()
    again = rental.channel_sync.sync(import_id)
    again_ms = (time.perf_counter() - start) * 1000
    with rental.dependencies.uow_factory() as uow:
        rows = len(uow.blocks.upcoming(listing.id, since=date.today() - timedelta(days=1)))
    server.close()
    rental.close()

    print(
        f"{args.copies} copies of a daily event, {len(body) / 1024:.0f} KiB, "
        f"{url.split(':')[0]}; statuses {first.status}, {again.status}"
    )
    print(
        f"first sync   {first_ms:8.0f} ms   icalendar parse alone {parse_ms:6.0f} ms   "
        f"ratio {first_ms / parse_ms:5.1f}"
    )
    print(f"same again   {again_ms:8.0f} ms   ratio {again_ms / parse_ms:5.1f}")
    print(
        f"memory       peak {peak_kib / 1024:6.0f} MiB during the sync "
        f"(resident before: {before_kib / 1024:.0f} MiB)"
    )
    print(f"block rows   {rows}")


if __name__ == "__main__":
    main()
