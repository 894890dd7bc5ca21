"""Benchmark of channel sync: exporting a busy listing's feed and syncing a large import.

On a migrated SQLite file of its own (or ``--database-url``), with a listing holding
``--events`` bookings and blocks, it prints, each as a ratio to a baseline measured in the
same process:

* the export (``ChannelSync.export``: token check, rows read, icalendar rendering, ETag),
  against rendering the same events with icalendar alone, and the same without the
  rendering (what a poller whose ``If-None-Match`` matches costs);
* a sync of an unchanged feed of ``--events`` events served on 127.0.0.1 (fetch, parse,
  expand, match, commit), against parsing the same bytes with icalendar alone;
* the first sync of that feed (every block new).

Usage: ``.venv/bin/python bench/channel_sync_bench.py [--events N] [--runs N]``.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
from tests.feeds import FeedServer, airbnb

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.ical.calendar_format import IcalendarFormat
from rental.adapters.ical.fetcher import SafeFeedFetcher
from rental.adapters.sqlalchemy.migrations import upgrade
from rental.application import commands as c
from rental.composition import bootstrap
from rental.domain.channel_sync.export import exported_events


def timed(action: Callable[[], object], runs: int) -> float:
    """Median milliseconds of ``runs`` calls."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=300)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ical-bench-"))
    url = args.database_url or f"sqlite:///{folder / 'bench.db'}"
    if args.database_url is None:
        upgrade(url)
    rental = bootstrap(
        database_url=url, password_hasher=Argon2Hasher(fast=True),
        calendar_fetcher=SafeFeedFetcher(allow_private_networks=True),
    )  # fmt: skip
    host = rental.handle(
        c.RegisterUser(username="benchhost", email="bench@example.com", password="pw-secret-1",
                       role="host")
    )  # fmt: skip
    actor = c.Actor(host.id, host.role)
    fields = {"title": "Busy loft", "city": "Lisbon", "country": "PT", "price_per_night": 100,
              "max_guests": 2, "max_nights": 3}  # fmt: skip
    listing = rental.handle(c.CreateListing(actor=actor, **fields))
    target = rental.handle(c.CreateListing(actor=actor, **fields))
    first = date.today() + timedelta(days=1)
    for i in range(args.events):
        start = first + timedelta(days=2 * i)
        rental.handle(c.BlockDates(actor=actor, listing_id=listing.id, start=start,
                                   end=start + timedelta(days=1)))  # fmt: skip
    feed = rental.handle(c.OpenCalendarFeed(actor=actor, listing_id=listing.id))
    sync = rental.channel_sync
    export_ms = timed(lambda: sync.export(listing.id, feed.token).body, args.runs)
    etag_ms = timed(lambda: sync.export(listing.id, feed.token).etag, args.runs)
    with rental.dependencies.uow_factory() as uow:
        blocks = uow.blocks.upcoming(listing.id, since=date.today())
    events = exported_events(bookings=[], blocks=blocks, today=date.today(), now=datetime.now(UTC))
    render_ms = timed(lambda: IcalendarFormat().render(events, name="x"), args.runs)

    stays = [(f"e{i}", first + timedelta(days=2 * i), first + timedelta(days=2 * i + 1), True)
             for i in range(args.events)]  # fmt: skip
    body = airbnb(*stays)
    server = FeedServer()
    feed_url = server.serve("/bench.ics", body)
    import_id = rental.handle(
        c.ImportCalendar(actor=actor, listing_id=target.id, name="Bench", url=feed_url)
    ).id
    start = time.perf_counter()
    sync.sync(import_id)
    first_sync_ms = (time.perf_counter() - start) * 1000
    again_ms = timed(lambda: sync.sync(import_id), max(3, args.runs // 4))
    parse_ms = timed(lambda: icalendar.Calendar.from_ical(body), args.runs)
    server.close()
    rental.close()
    print(f"{args.events} events, {len(body) / 1024:.0f} KiB feed, {url.split(':')[0]}")
    print(f"export        {export_ms:8.1f} ms   icalendar render alone {render_ms:7.1f} ms   "
          f"ratio {export_ms / render_ms:5.2f}")  # fmt: skip
    print(f"export, 304   {etag_ms:8.1f} ms   (the ETag alone: what a poller with a match costs)")
    print(f"sync, same    {again_ms:8.1f} ms   icalendar parse alone  {parse_ms:7.1f} ms   "
          f"ratio {again_ms / parse_ms:5.2f}")  # fmt: skip
    print(f"sync, first   {first_sync_ms:8.1f} ms   (every block new)")


if __name__ == "__main__":
    main()
