"""The Redis cache of listings and search pages: never stale after an update has committed,
bypassed when Redis is down; and token revocation shared by two app instances."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import redis
from flask.testing import FlaskClient

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.redis.cache import CachedReadModel, ListingCache
from rental.adapters.sqlalchemy import SqlReadModel, make_engine
from rental.application import commands as c
from rental.application.queries import ListingSearch
from rental.composition import Rental, bootstrap
from rental.domain.listings.geo import BoundingBox, Point
from rental.domain.listings.listing import Listing
from rental.entrypoints.http import create_app
from tests.events import UNREACHABLE_REDIS_URL
from tests.fakes import FakeClock
from tests.integration.event_steps import book, host_guest_listing
from tests.integration.http.conftest import signup, test_settings

pytestmark = [pytest.mark.redis, pytest.mark.postgres]


@pytest.fixture
def rental(postgres_url: str, redis_url: str, redis_namespace: str) -> Iterator[Rental]:
    rental = bootstrap(
        database_url=postgres_url, redis_url=redis_url, redis_namespace=redis_namespace,
        clock=FakeClock(datetime.now(UTC)), password_hasher=Argon2Hasher(fast=True),
    )  # fmt: skip
    yield rental
    rental.close()


def _cached_keys(redis_url: str, namespace: str, scope: str) -> list[bytes]:
    return list(redis.Redis.from_url(redis_url).scan_iter(f"{namespace}:cache:{scope}:*"))


def test_a_listing_read_after_each_update_is_never_the_stale_one(
    rental: Rental, redis_url: str, redis_namespace: str
) -> None:
    stay = host_guest_listing(rental)
    listing_id = stay.listing.id
    for price in (11000, 12000, 13000):
        assert rental.reads.listing(listing_id).price_per_night != price
        assert _cached_keys(redis_url, redis_namespace, f"listing:{listing_id}"), "now cached"
        rental.handle(
            c.UpdateListing(actor=stay.host, listing_id=listing_id,
                            price_per_night=price, title=f"Loft at {price}")
        )  # fmt: skip
        fresh = rental.reads.listing(listing_id)
        assert (fresh.price_per_night, fresh.title) == (price, f"Loft at {price}")


def test_search_pages_follow_updates_and_bookings(
    rental: Rental, redis_url: str, redis_namespace: str
) -> None:
    stay = host_guest_listing(rental, city="Porto")
    today = rental.dependencies.clock.now().date()
    free = ListingSearch(city="porto", check_in=today + timedelta(days=10),
                         check_out=today + timedelta(days=13))  # fmt: skip

    def prices() -> list[int]:
        return [x.price_per_night for x in rental.reads.search_listings(free).items]

    assert prices() == prices() == [10000]
    assert _cached_keys(redis_url, redis_namespace, "search"), "asked twice: now cached"
    rental.handle(
        c.UpdateListing(actor=stay.host, listing_id=stay.listing.id,
                        price_per_night=9000)
    )  # fmt: skip
    assert prices() == prices() == [9000]
    book(rental, stay, start_in_days=10, nights=3)
    assert prices() == []


def test_a_search_made_once_is_not_stored(
    rental: Rental, redis_url: str, redis_namespace: str
) -> None:
    host_guest_listing(rental, city="Braga")
    once = ListingSearch(city="braga", guests=2)
    assert rental.reads.search_listings(once).total == 1
    assert not _cached_keys(redis_url, redis_namespace, "search")
    assert rental.reads.search_listings(once).total == 1
    assert len(_cached_keys(redis_url, redis_namespace, "search")) == 1


def test_each_new_filter_is_part_of_a_search_pages_key(
    rental: Rental, redis_url: str, redis_namespace: str
) -> None:
    """Two searches that differ in one detail filter each keep a page of their own: neither
    is answered with the other's."""
    host_guest_listing(
        rental, city="Faro", bedrooms=2, beds=3, bathrooms=1.5, house_rules={"pets_allowed": True}
    )
    matching = {
        "property_type": ["entire_home"],
        "min_bedrooms": 2,
        "min_beds": 3,
        "min_bathrooms": 1.5,
        "instant_book": True,
        "pets_allowed": True,
    }
    missing = {
        "property_type": ["hotel_room"],
        "min_bedrooms": 3,
        "min_beds": 4,
        "min_bathrooms": 2,
        "instant_book": False,
        "pets_allowed": False,
    }
    for name, value in matching.items():
        found = ListingSearch(city="faro", **{name: value})  # type: ignore[arg-type]
        assert rental.reads.search_listings(found).total == 1, name
        assert rental.reads.search_listings(found).total == 1, name  # now stored
        other = ListingSearch(city="faro", **{name: missing[name]})  # type: ignore[arg-type]
        assert rental.reads.search_listings(other).total == 0, name
        assert rental.reads.search_listings(other).total == 0, name
    assert len(_cached_keys(redis_url, redis_namespace, "search")) == 2 * len(matching)


def test_a_moving_map_never_stores_a_page(
    rental: Rental, redis_url: str, redis_namespace: str
) -> None:
    """A map panned a few metres at a time asks for boxes and circles that never repeat: map
    searches go to the database, even asked twice, and store nothing in Redis."""
    host_guest_listing(rental, city="Lisbon", latitude=38.7110, longitude=-9.1370)
    for step in range(5):
        shift = step * 0.0001  # about 9 metres east each time
        box = BoundingBox.checked(-9.25 + shift, 38.65, -9.05 + shift, 38.80)
        circle = {"near": Point.checked(38.7101, -9.1366 + shift), "radius_km": 5}
        for search in (ListingSearch(bbox=box), ListingSearch(**circle)):  # type: ignore[arg-type]
            assert rental.reads.search_listings(search).total >= 1
            assert rental.reads.search_listings(search).total >= 1
    assert _cached_keys(redis_url, redis_namespace, "search") == []
    rental.reads.search_listings(ListingSearch(city="lisbon"))
    rental.reads.search_listings(ListingSearch(city="lisbon"))
    assert len(_cached_keys(redis_url, redis_namespace, "search")) == 1  # the cache works


class SlowReadModel(SqlReadModel):
    """Reads the listing, then waits before handing it to the cache: the reader of a race."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.read, self.go_on = threading.Event(), threading.Event()

    def listing(self, listing_id: str) -> Listing | None:
        found = super().listing(listing_id)
        self.read.set()
        self.go_on.wait(timeout=10)
        return found


def test_a_value_read_before_an_update_is_never_served_after_it(
    rental: Rental, postgres_url: str, redis_url: str, redis_namespace: str
) -> None:
    stay = host_guest_listing(rental)
    engine = make_engine(postgres_url)
    slow = SlowReadModel(engine)
    racing = CachedReadModel(slow, ListingCache(redis.Redis.from_url(redis_url), redis_namespace))
    reader = threading.Thread(target=racing.listing, args=(stay.listing.id,))
    reader.start()
    assert slow.read.wait(timeout=10)  # the reader holds the old title, not yet cached
    rental.handle(c.UpdateListing(actor=stay.host, listing_id=stay.listing.id, title="New"))
    slow.go_on.set()  # now it caches the old title
    reader.join(timeout=10)
    engine.dispose()

    assert rental.reads.listing(stay.listing.id).title == "New"


def test_without_a_reachable_redis_reads_and_writes_work_uncached(postgres_url: str) -> None:
    rental = bootstrap(
        database_url=postgres_url, redis_url=UNREACHABLE_REDIS_URL,
        password_hasher=Argon2Hasher(fast=True),
    )  # fmt: skip
    stay = host_guest_listing(rental)
    rental.handle(c.UpdateListing(actor=stay.host, listing_id=stay.listing.id, title="Moved"))
    assert rental.reads.listing(stay.listing.id).title == "Moved"
    assert rental.reads.search_listings(ListingSearch(city="Lisbon")).total == 1
    rental.close()


def test_a_token_revoked_on_one_app_instance_is_refused_by_another(
    postgres_url: str, redis_url: str, redis_namespace: str
) -> None:
    def instance() -> tuple[Rental, FlaskClient]:
        rental = bootstrap(
            database_url=postgres_url, redis_url=redis_url, redis_namespace=redis_namespace,
            password_hasher=Argon2Hasher(fast=True),
        )  # fmt: skip
        settings = test_settings(database_url=postgres_url, redis_url=redis_url)
        return rental, create_app(settings, rental=rental).test_client()

    (first_rental, first), (second_rental, second) = instance(), instance()
    _, headers = signup(first)
    assert second.get("/api/v1/users/me", headers=headers).status_code == 200
    assert first.post("/api/v1/auth/logout", headers=headers).status_code == 204
    refused = second.get("/api/v1/users/me", headers=headers)
    assert refused.status_code == 401
    first_rental.close()
    second_rental.close()
