"""A Redis cache in front of the read model, for listing details and search pages.

Values carry a generation: ``listing:<id>`` and ``search`` keys that the events which change
them set to a new random value (``CacheInvalidation``; a reader only compares generations, so
one ``SET`` with its expiry does what an ``INCR`` and an ``EXPIRE`` did). A reader reads the
generation *before* the database and stores the value with it, so a value read before an
update is stamped with the old generation, which is never served again: a read after an
update has committed (and invalidated) never returns the stale version. The generation and
the value come back in one ``MGET``, one round trip a cached read. Search pages also expire
after ``SEARCH_TTL`` seconds, since time alone (an overdue pending booking) changes
availability. A search page is stored only at its second miss within ``SEARCH_TTL`` in a
process (``SecondMiss``): most searches are made once, and any booking anywhere moves the
search generation on, so storing every page cost its encoding and a ``SET`` for nothing.
A search's key is the hash of every one of its values (``repr`` of the frozen
``ListingSearch``, whose fields are normalized). Map searches (``bbox`` or ``near``) bypass the
page cache: a map that pans or zooms asks for boxes that differ by a few metres, never the same
twice, so their pages would fill Redis (and crowd the doorkeeper's memory) without being read
again; the latitude-longitude index answers them from the database (``docs/search.md``).
Redis being down means no cache, never an error.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import threading
import time
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import date, datetime
from typing import TypeVar

import orjson
import redis

from rental.adapters.redis.codec import decode_listing, encode_listing
from rental.application.delivery import Consumer
from rental.application.queries import (
    ListingSearch,
    Page,
    PageRequest,
    PayoutRecord,
    PayoutTotals,
    ReadModel,
)
from rental.domain import events as e
from rental.domain.accounts.users import TokenStanding, User
from rental.domain.bookings.booking import Booking
from rental.domain.calendar.nights import CalendarEntry
from rental.domain.calendar.rates import RateCalendar
from rental.domain.listings.listing import Listing
from rental.domain.payments.payment import Payment
from rental.domain.reviews.review import Review

logger = logging.getLogger(__name__)
T = TypeVar("T")

LISTING_TTL = 300
SEARCH_TTL = 30
GENERATION_TTL = 7 * 86400  # far longer than any value's, so a lost counter finds no old value
PAUSE_AFTER_ERROR = 5.0  # seconds without trying Redis after it failed
# A review counts in its listing's averages once published (reviews both ways).
LISTING_EVENTS = (e.ListingCreated, e.ListingUpdated, e.ListingDeleted, e.ReviewPublished)
SEARCH_EVENTS = (
    e.ListingCreated,
    e.ListingUpdated,
    e.ListingDeleted,
    e.DatesBlocked,
    e.DatesUnblocked,
    e.BookingRequested,
    e.BookingCancelled,
    e.BookingDeclined,
    e.BookingExpired,
    e.ReviewPublished,
)


class SecondMiss:
    """Admits a key to the cache at its second miss within ``ttl`` seconds (a "doorkeeper"):
    a value asked for once is never stored. Remembers up to ``size`` keys, then starts over."""

    def __init__(self, ttl: float, size: int = 10_000) -> None:
        self._ttl, self._size = ttl, size
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()

    def admit(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            seen = self._seen.pop(key, None)
            if seen is not None and now - seen < self._ttl:
                return True
            if len(self._seen) >= self._size:
                self._seen.clear()
            self._seen[key] = now
            return False


class ListingCache:
    """Generation-keyed values in Redis under ``<prefix>:cache:``."""

    def __init__(self, client: redis.Redis, prefix: str) -> None:
        self._client = client
        self._prefix = f"{prefix}:cache"
        self._paused_until = 0.0

    def _pause(self, error: Exception) -> None:
        logger.warning("cache unavailable for %ss: %s", PAUSE_AFTER_ERROR, error)
        self._paused_until = time.monotonic() + PAUSE_AFTER_ERROR

    def cached(
        self,
        scope: str,
        key: str,
        ttl: int,
        load: Callable[[], T],
        encode: Callable[[T], bytes],
        decode: Callable[[bytes], T],
        admit: Callable[[str], bool] | None = None,
    ) -> T:
        """The value of ``key`` in ``scope``'s current generation, loaded and stored if new
        (and if ``admit``, when given, admits it).

        A value just loaded is handed back as it is, not decoded again from what is stored."""
        if time.monotonic() < self._paused_until:
            return load()
        name = f"{self._prefix}:{scope}:{key}"
        try:
            generation, found = self._client.mget(f"{self._prefix}:gen:{scope}", name)
        except redis.RedisError as error:
            self._pause(error)
            return load()
        stamp = (generation if isinstance(generation, bytes) else b"0") + b"\n"
        if isinstance(found, bytes) and found.startswith(stamp):
            return decode(found[len(stamp) :])
        value = load()
        if admit is not None and not admit(name):
            return value
        try:
            # Stamped with the generation read before the load; a newer writer may overwrite it.
            self._client.set(name, stamp + encode(value), ex=ttl)
        except redis.RedisError as error:
            self._pause(error)
        return value

    def invalidate(self, scopes: Iterable[str]) -> None:
        # Unlike reads, invalidation is not skipped while paused: it is what keeps values fresh.
        generation = secrets.token_hex(8)  # new, never seen before: no stamp matches it
        keys = [f"{self._prefix}:gen:{scope}" for scope in scopes]
        try:
            if len(keys) == 1:
                self._client.set(keys[0], generation, ex=GENERATION_TTL)
            else:
                pipe = self._client.pipeline(transaction=False)
                for key in keys:
                    pipe.set(key, generation, ex=GENERATION_TTL)
                pipe.execute()
        except redis.RedisError as error:
            logger.error("cache invalidation failed (%s); the relay will retry it", error)
            self._paused_until = time.monotonic() + PAUSE_AFTER_ERROR
            raise

    def invalidate_for(self, event: e.Event) -> None:
        """Move on the generations ``event`` changes (raises if Redis is down)."""
        scopes = []
        if isinstance(event, LISTING_EVENTS):
            scopes.append(f"listing:{getattr(event, 'listing_id', '')}")
        if isinstance(event, SEARCH_EVENTS):
            scopes.append("search")
        if scopes:
            self.invalidate(scopes)


class CacheInvalidation:
    """Invalidates at once after each commit, in the committing process (an ``EventPublisher``),
    and again when the relay delivers the event (a ``Consumer``): should Redis be down at the
    commit, the values it holds are dropped as soon as it is back and the relay gets there."""

    def __init__(self, cache: ListingCache) -> None:
        self._cache = cache

    def publish(self, events: Sequence[e.Event]) -> None:
        for event in events:
            try:
                self._cache.invalidate_for(event)
            except redis.RedisError:
                return  # logged; the relayed consumer will do it

    def consumer(self) -> Consumer:
        return Consumer("cache", LISTING_EVENTS + SEARCH_EVENTS, self._cache.invalidate_for, False)


def _encode_listing(listing: Listing | None) -> bytes:
    return orjson.dumps(None if listing is None else encode_listing(listing))


def _decode_listing(raw: bytes) -> Listing | None:
    data = orjson.loads(raw)
    return None if data is None else decode_listing(data)


def _encode_page(page: Page[Listing]) -> bytes:
    items = [encode_listing(listing) for listing in page.items]
    return orjson.dumps({"items": items, "total": page.total})


def _page_decoder(request: PageRequest) -> Callable[[bytes], Page[Listing]]:
    def decode(raw: bytes) -> Page[Listing]:
        data = orjson.loads(raw)
        items = [decode_listing(item) for item in data["items"]]
        return Page(items, request.page, request.per_page, data["total"])

    return decode


class CachedReadModel(ReadModel):
    """The read model, with ``listing()`` and ``search_listings()`` served from the cache."""

    def __init__(self, inner: ReadModel, cache: ListingCache) -> None:
        self._inner = inner
        self._cache = cache
        self._searches = SecondMiss(SEARCH_TTL)

    def listing(self, listing_id: str) -> Listing | None:
        return self._cache.cached(
            f"listing:{listing_id}",
            "v",
            LISTING_TTL,
            lambda: self._inner.listing(listing_id),
            _encode_listing,
            _decode_listing,
        )

    def search_listings(self, search: ListingSearch, now: datetime) -> Page[Listing]:
        if search.is_geographic:
            return self._inner.search_listings(search, now)
        key = hashlib.sha256(repr(search).encode()).hexdigest()
        return self._cache.cached(
            "search",
            key,
            SEARCH_TTL,
            lambda: self._inner.search_listings(search, now),
            _encode_page,
            _page_decoder(search.page),
            self._searches.admit,
        )

    def user(self, user_id: str) -> User | None:
        return self._inner.user(user_id)

    def token_standing(self, user_id: str, jti: str) -> TokenStanding | None:
        return self._inner.token_standing(user_id, jti)  # never cached (issue 10)

    def unavailable(
        self, listing_id: str, start: date, end: date, now: datetime
    ) -> list[CalendarEntry]:
        return self._inner.unavailable(listing_id, start, end, now)

    def rate_overrides(self, listing_id: str, start: date, end: date) -> RateCalendar:
        return self._inner.rate_overrides(listing_id, start, end)

    def booking(self, booking_id: str) -> Booking | None:
        return self._inner.booking(booking_id)

    def trips(self, guest_id: str, page: PageRequest) -> Page[Booking]:
        return self._inner.trips(guest_id, page)

    def host_bookings(self, host_id: str, page: PageRequest) -> Page[Booking]:
        return self._inner.host_bookings(host_id, page)

    def payment(self, payment_id: str) -> Payment | None:
        return self._inner.payment(payment_id)

    def booking_payments(self, booking_id: str) -> list[Payment]:
        return self._inner.booking_payments(booking_id)

    def review_of_booking(self, booking_id: str, side: str = "guest") -> Review | None:
        return self._inner.review_of_booking(booking_id, side)

    def listing_reviews(self, listing_id: str, page: PageRequest, now: datetime) -> Page[Review]:
        return self._inner.listing_reviews(listing_id, page, now)

    def user_reviews_pages(
        self, user_ids: Collection[str], page: PageRequest, now: datetime
    ) -> dict[str, Page[Review]]:
        return self._inner.user_reviews_pages(user_ids, page, now)

    def users_by_id(self, user_ids: Collection[str]) -> dict[str, User]:
        return self._inner.users_by_id(user_ids)

    def listings_by_id(self, listing_ids: Collection[str]) -> dict[str, Listing]:
        return self._inner.listings_by_id(listing_ids)

    def bookings_by_id(self, booking_ids: Collection[str]) -> dict[str, Booking]:
        return self._inner.bookings_by_id(booking_ids)

    def payments_of_bookings(self, booking_ids: Collection[str]) -> dict[str, list[Payment]]:
        return self._inner.payments_of_bookings(booking_ids)

    def reviews_of_bookings(self, booking_ids: Collection[str]) -> dict[str, Review]:
        return self._inner.reviews_of_bookings(booking_ids)

    def reviews_pages(
        self, listing_ids: Collection[str], page: PageRequest, now: datetime
    ) -> dict[str, Page[Review]]:
        return self._inner.reviews_pages(listing_ids, page, now)

    def unavailable_by_listing(
        self, listing_ids: Collection[str], start: date, end: date, now: datetime
    ) -> dict[str, list[CalendarEntry]]:
        return self._inner.unavailable_by_listing(listing_ids, start, end, now)

    def host_listings(self, host_id: str, page: PageRequest) -> Page[Listing]:
        return self._inner.host_listings(host_id, page)

    def payouts(self, host_id: str | None, page: PageRequest) -> Page[PayoutRecord]:
        return self._inner.payouts(host_id, page)

    def payout_totals(self, host_id: str | None, now: datetime) -> list[PayoutTotals]:
        return self._inner.payout_totals(host_id, now)
