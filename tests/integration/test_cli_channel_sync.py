"""``rental sync-calendars`` on a real SQLite file: every import fetched now, with the
private-network switch read from the environment."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner, Result

from rental import bootstrap
from rental.adapters.argon2_hasher import Argon2Hasher
from rental.application import commands as c
from rental.entrypoints.cli import main
from tests.feeds import FeedServer, airbnb

SECRET = "cli-test-secret-key-0123456789abcdefghij"


def _counts(result: Result) -> str:
    """The command's own last line (the log may be on the same stream)."""
    return str(result.output.strip().splitlines()[-1])


def test_sync_calendars_fetches_every_import(sqlite_url: str, feed_server: FeedServer) -> None:
    rental = bootstrap(database_url=sqlite_url, password_hasher=Argon2Hasher(fast=True))
    host = rental.handle(
        c.RegisterUser(username="hana", email="h@example.com", password="pw-secret-1", role="host")
    )
    as_host = c.Actor(host.id, "host")
    fields = {"title": "Loft", "city": "Lisbon", "country": "PT", "price_per_night": 100,
              "max_guests": 2}  # fmt: skip
    listing = rental.handle(c.CreateListing(actor=as_host, **fields))
    good = feed_server.serve("/a.ics", airbnb(("r1", date(2031, 2, 1), date(2031, 2, 5), True)))
    bad = feed_server.serve("/b.ics", b"nope")
    for name, url in (("A", good), ("B", bad)):
        rental.handle(c.ImportCalendar(actor=as_host, listing_id=listing.id, name=name, url=url))
    env = {"RENTAL_ENV": "test", "RENTAL_DATABASE_URL": sqlite_url, "RENTAL_SECRET_KEY": SECRET}

    refused = CliRunner().invoke(main, ["sync-calendars"], env=env)
    assert refused.exit_code == 0, refused.output
    assert _counts(refused) == "ok: 0, conflict: 0, failed: 2"  # 127.0.0.1 is private
    assert feed_server.requests == []

    env["RENTAL_ICAL_ALLOW_PRIVATE_NETWORKS"] = "1"
    synced = CliRunner().invoke(main, ["sync-calendars"], env=env)
    assert _counts(synced) == "ok: 1, conflict: 0, failed: 1"
    again = CliRunner().invoke(main, ["sync-calendars", "--due"], env=env)
    assert _counts(again) == "ok: 0, conflict: 0, failed: 0"  # just fetched: not due
    statuses = sorted(i.status for i in rental.channel_sync.imports(as_host, listing.id))
    assert statuses == ["failed", "ok"]
    rental.close()
