"""``rental seed-demo``: a believable marketplace, made only through commands.

Past stays are played out by a second ``Rental`` on the same database whose clock is set in
the past: there the guest books, pays and the host confirms; back at the real now the stays are
completed and reviewed within the 14-day window. Both share one sandbox gateway, so refunds
find the payments they refund.
"""

from __future__ import annotations

import io
import random
from datetime import datetime, timedelta
from typing import Any

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.sandbox_gateway import SandboxGateway
from rental.adapters.system import SettableClock, SystemClock
from rental.application import commands as c
from rental.application.media import MediaStore
from rental.application.ports import PasswordHasher
from rental.composition import MEMORY_URL, Rental, bootstrap
from rental.domain.listings.listing import Listing
from rental.entrypoints.seed_catalog import CITIES, LISTINGS_PER_CITY, listing_fields
from rental.entrypoints.seed_photos import demo_photo
from rental.entrypoints.seed_plan import SeedSummary, play_future, play_past
from rental.entrypoints.seed_pricing import price_by_date

HOSTS = ("Ana Sousa", "Hugo Martin", "Yuki Tanaka", "Maya Johnson")
GUESTS = ("Liam Smith", "Sofia Rossi", "Noah Müller", "Emma Dubois", "Kenji Sato", "Zanele Dube")


class SilentNotifier:
    """The demo accounts' addresses are made up: the seed's emails go nowhere."""

    def send(self, *, to: str, subject: str, body: str) -> None:
        return None


def any_user_exists(database_url: str) -> bool:
    """Whether the database has any account at all (a fresh in-memory one never has)."""
    if database_url == MEMORY_URL:
        return False
    import sqlalchemy as sa

    from rental.adapters.sqlalchemy.engine import make_engine
    from rental.adapters.sqlalchemy.tables import users

    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(sa.select(users.c.id).limit(1)).first() is not None
    finally:
        engine.dispose()


def _register(rental: Rental, role: str, number: int, name: str, summary: SeedSummary) -> c.Actor:
    email, password = f"{role}{number}@demo.rental", f"demo-password-{number}"
    user = rental.handle(
        c.RegisterUser(
            username=f"{role}{number}", email=email, password=password, role=role, full_name=name
        )
    )
    # Demo accounts are verified, through the same token a new user is mailed.
    mailed = rental.handle(c.IssueEmailToken(user_id=user.id))
    rental.handle(c.VerifyEmail(token=mailed.token))
    summary.credentials.append((role, email, password))
    return c.Actor(user.id, user.role)


def seed_demo(
    database_url: str,
    *,
    now: datetime | None = None,
    hasher: PasswordHasher | None = None,
    media_store: MediaStore | None = None,
    photos_per_listing: int = 0,
) -> SeedSummary:
    """Seed ``database_url`` as of ``now`` (the real time by default); return what was made.
    With ``media_store``, each listing gets ``photos_per_listing`` photos drawn on the spot."""
    if database_url == MEMORY_URL:
        # Past and present are two Rentals: they must meet in one database.
        raise ValueError("seed-demo needs a database: memory:// keeps nothing between Rentals.")
    now = now or SystemClock().now()
    clock = SettableClock(now - timedelta(days=60))
    options: dict[str, Any] = {
        "database_url": database_url,
        "password_hasher": hasher or Argon2Hasher(),
        "payment_gateway": SandboxGateway(),
        # Events are consumed here, in process and silently, so no worker mails them later.
        "notifier": SilentNotifier(),
    }
    past = bootstrap(clock=clock, **options)
    present = bootstrap(clock=SettableClock(now), media_store=media_store, **options)
    summary = SeedSummary()
    try:
        hosts = [_register(past, "host", i, n, summary) for i, n in enumerate(HOSTS, 1)]
        guests = [_register(past, "guest", i, n, summary) for i, n in enumerate(GUESTS, 1)]
        rng = random.Random(2024)  # noqa: S311 - the same demo on every machine, no secret
        listings = []
        for index in range(LISTINGS_PER_CITY * len(CITIES)):
            city = CITIES[index % len(CITIES)]
            clock.set(clock.now() + timedelta(hours=7))  # listings appear over a few weeks
            host = hosts[index % len(hosts)]
            fields = listing_fields(city, index // len(CITIES), rng)
            listings.append(past.handle(c.CreateListing(actor=host, **fields)))
        summary.listings = len(listings)
        _add_photos(present, listings, by_host_of(hosts), photos_per_listing)
        by_host = {h.user_id: h for h in hosts}
        play_past(past, clock, present, listings, guests, by_host, summary)
        price_by_date(present, now, listings, by_host)
        play_future(present, now, listings, guests, by_host, summary)
    finally:
        past.close()
        present.close()
    return summary


def by_host_of(hosts: list[c.Actor]) -> dict[str, c.Actor]:
    return {h.user_id: h for h in hosts}


def _add_photos(
    rental: Rental, listings: list[Listing], hosts: dict[str, c.Actor], count: int
) -> None:
    """``count`` drawn photos per listing, through the upload path (variants included)."""
    if count < 1 or rental.photos is None:
        return
    rng = random.Random(7)  # noqa: S311 - the same pictures on every machine, no secret
    for listing in listings:
        for _ in range(count):
            rental.photos.upload(
                hosts[listing.host_id], listing.id, io.BytesIO(demo_photo(rng)), ""
            )
