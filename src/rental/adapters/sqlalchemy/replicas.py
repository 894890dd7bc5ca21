"""Reads on PostgreSQL streaming replicas, with the primary as the fallback.

``ReplicaSet`` knows which replicas answer and how far behind the primary each is; it is asked
at most once every ``check_every`` seconds per replica. ``RoutedReadModel`` sends the public
reads (searches, listing details, availability, reviews) to a replica that answers and lags
at most ``max_lag_seconds``, and everything else to the primary: a caller's own bookings and
payments, and every read made after a write in the same request (``on_primary()`` says so), so
that a guest always sees the booking just made. A replica that fails while serving is marked
down and the read is served by the primary: a replica never turns a read into an error.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable, Collection, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

from attrs import define
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from rental.application.queries import (
    ListingSearch,
    Page,
    PageRequest,
    PayoutRecord,
    PayoutTotals,
    ReadModel,
)
from rental.domain.accounts.users import TokenStanding, User
from rental.domain.bookings.booking import Booking
from rental.domain.calendar.nights import CalendarEntry
from rental.domain.calendar.rates import RateCalendar
from rental.domain.listings.listing import Listing
from rental.domain.payments.payment import Payment
from rental.domain.reviews.review import Review

logger = logging.getLogger(__name__)
T = TypeVar("T")

# Replay lag in seconds: 0 when everything received is replayed, else how old the last
# replayed transaction is. NULL on a server that is not a standby.
LAG_QUERY = text(
    "SELECT CASE WHEN NOT pg_is_in_recovery() THEN NULL"
    " WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
    " ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) END"
)


@define
class Replica:
    """One replica, its read model, and what its last check found."""

    name: str
    engine: Engine
    read_model: ReadModel
    usable: bool = False
    checked_at: float | None = None


class ReplicaSet:
    """The replicas to read from, each checked (answers, not too far behind) at most once
    every ``check_every`` seconds; a replica is picked in turn among the usable ones."""

    def __init__(
        self,
        replicas: Sequence[Replica],
        *,
        max_lag_seconds: float,
        check_every: float = 1.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._replicas = list(replicas)
        self._max_lag = max_lag_seconds
        self._check_every = check_every
        self._monotonic = monotonic
        self._turn = itertools.count()
        self._lock = threading.Lock()

    def pick(self) -> Replica | None:
        """A usable replica, or ``None``: read from the primary."""
        if not self._replicas:
            return None
        start = next(self._turn)
        for offset in range(len(self._replicas)):
            replica = self._replicas[(start + offset) % len(self._replicas)]
            if self._usable(replica):
                return replica
        return None

    def mark_down(self, replica: Replica) -> None:
        """Skip ``replica`` until a check finds it answering again (``check_every`` on)."""
        with self._lock:
            was_usable = replica.usable
            replica.usable, replica.checked_at = False, self._monotonic()
        if was_usable:
            # Its pooled connections died with it: the first read after it is back must not
            # pick one of them up.
            replica.engine.dispose()

    def _usable(self, replica: Replica) -> bool:
        now = self._monotonic()
        checked = replica.checked_at
        if checked is not None and now - checked < self._check_every:
            return replica.usable
        problem = self._problem(replica)
        with self._lock:
            was_usable = replica.usable or replica.checked_at is None
            replica.usable, replica.checked_at = problem is None, self._monotonic()
        if problem is not None and was_usable:  # once per change, not at every check
            logger.warning("replica %s skipped, reads go to the primary: %s", replica.name, problem)
        elif problem is None and not was_usable:
            logger.info("replica %s serves reads again", replica.name)
        return problem is None

    def _problem(self, replica: Replica) -> str | None:
        """Why ``replica`` must not serve reads now, or ``None``."""
        try:
            with replica.engine.connect() as connection:
                lag = connection.execute(LAG_QUERY).scalar()
        except DBAPIError as error:
            return "it does not answer: " + str(error.orig or error).splitlines()[0]
        if lag is None:
            return "it is not a standby"
        if float(lag) > self._max_lag:
            return f"it lags {float(lag):.1f} s, over the limit of {self._max_lag:g} s"
        return None

    def close(self) -> None:
        for replica in self._replicas:
            replica.engine.dispose()


class RoutedReadModel(ReadModel):
    """Public reads on a replica when one is usable and ``on_primary()`` is false; the rest,
    and every read a replica fails, on ``primary``."""

    def __init__(
        self, primary: ReadModel, replicas: ReplicaSet, on_primary: Callable[[], bool]
    ) -> None:
        self._primary = primary
        self._replicas = replicas
        self._on_primary = on_primary

    def _public(self, read: Callable[[ReadModel], T]) -> T:
        replica = None if self._on_primary() else self._replicas.pick()
        if replica is None:
            return read(self._primary)
        try:
            return read(replica.read_model)
        except Exception as error:
            # Retried once, on the primary, in the same request: a replica that died between
            # two checks must not cost the read. The error may come wrapped (closing the
            # session over a dead connection raises its own), hence the whole chain.
            if not _failed_for_connection(error):
                raise
            logger.warning("replica %s failed a read; served by the primary", replica.name)
            self._replicas.mark_down(replica)
            return read(self._primary)

    # Public, on a replica when one is usable.
    def listing(self, listing_id: str) -> Listing | None:
        return self._public(lambda model: model.listing(listing_id))

    def search_listings(self, search: ListingSearch, now: datetime) -> Page[Listing]:
        return self._public(lambda model: model.search_listings(search, now))

    def unavailable(
        self, listing_id: str, start: date, end: date, now: datetime
    ) -> list[CalendarEntry]:
        return self._public(lambda model: model.unavailable(listing_id, start, end, now))

    def rate_overrides(self, listing_id: str, start: date, end: date) -> RateCalendar:
        return self._public(lambda model: model.rate_overrides(listing_id, start, end))

    def listing_reviews(self, listing_id: str, page: PageRequest, now: datetime) -> Page[Review]:
        return self._public(lambda model: model.listing_reviews(listing_id, page, now))

    def user_reviews_pages(
        self, user_ids: Collection[str], page: PageRequest, now: datetime
    ) -> dict[str, Page[Review]]:
        return self._public(lambda model: model.user_reviews_pages(user_ids, page, now))

    def listings_by_id(self, listing_ids: Collection[str]) -> dict[str, Listing]:
        return self._public(lambda model: model.listings_by_id(listing_ids))

    def reviews_pages(
        self, listing_ids: Collection[str], page: PageRequest, now: datetime
    ) -> dict[str, Page[Review]]:
        return self._public(lambda model: model.reviews_pages(listing_ids, page, now))

    def unavailable_by_listing(
        self, listing_ids: Collection[str], start: date, end: date, now: datetime
    ) -> dict[str, list[CalendarEntry]]:
        return self._public(
            lambda model: model.unavailable_by_listing(listing_ids, start, end, now)
        )

    def host_listings(self, host_id: str, page: PageRequest) -> Page[Listing]:
        return self._public(lambda model: model.host_listings(host_id, page))

    # A caller's own data: always the primary.
    def user(self, user_id: str) -> User | None:
        return self._primary.user(user_id)

    def token_standing(self, user_id: str, jti: str) -> TokenStanding | None:
        return self._primary.token_standing(user_id, jti)  # a lagging replica misses a revocation

    def users_by_id(self, user_ids: Collection[str]) -> dict[str, User]:
        return self._primary.users_by_id(user_ids)

    def booking(self, booking_id: str) -> Booking | None:
        return self._primary.booking(booking_id)

    def bookings_by_id(self, booking_ids: Collection[str]) -> dict[str, Booking]:
        return self._primary.bookings_by_id(booking_ids)

    def trips(self, guest_id: str, page: PageRequest) -> Page[Booking]:
        return self._primary.trips(guest_id, page)

    def host_bookings(self, host_id: str, page: PageRequest) -> Page[Booking]:
        return self._primary.host_bookings(host_id, page)

    def payment(self, payment_id: str) -> Payment | None:
        return self._primary.payment(payment_id)

    def booking_payments(self, booking_id: str) -> list[Payment]:
        return self._primary.booking_payments(booking_id)

    def payments_of_bookings(self, booking_ids: Collection[str]) -> dict[str, list[Payment]]:
        return self._primary.payments_of_bookings(booking_ids)

    def review_of_booking(self, booking_id: str, side: str = "guest") -> Review | None:
        return self._primary.review_of_booking(booking_id, side)

    def reviews_of_bookings(self, booking_ids: Collection[str]) -> dict[str, Review]:
        return self._primary.reviews_of_bookings(booking_ids)

    def payouts(self, host_id: str | None, page: PageRequest) -> Page[PayoutRecord]:
        return self._primary.payouts(host_id, page)

    def payout_totals(self, host_id: str | None, now: datetime) -> list[PayoutTotals]:
        return self._primary.payout_totals(host_id, now)


def _failed_for_connection(error: BaseException) -> bool:
    """Whether ``error``, or one it was raised from, says the connection failed (refused,
    dropped, invalidated, timed out), rather than the read being wrong."""
    from rental.adapters.sqlalchemy.errors import is_unavailable

    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in seen:
        seen.append(current)
        if isinstance(current, DBAPIError) and current.connection_invalidated:
            return True
        if is_unavailable(current):
            return True
        current = current.__cause__ or current.__context__
    return False


def replica_set(
    urls: Sequence[str],
    *,
    make_engine: Callable[..., Engine],
    make_read_model: Callable[[Engine], ReadModel],
    max_lag_seconds: float,
    check_every: float = 1.0,
    on_engine: Callable[[Engine, str], Any] = lambda _engine, _name: None,
) -> ReplicaSet:
    """A ``ReplicaSet`` over ``urls`` (``RENTAL_DATABASE_REPLICA_URL``); each engine connects
    with a short timeout, so a replica that is down costs little before it is skipped."""
    replicas = []
    for number, url in enumerate(urls, start=1):
        engine = make_engine(url, connect_args={"prepare_threshold": None, "connect_timeout": 2})
        name = f"replica{number}"
        on_engine(engine, name)
        replicas.append(Replica(name, engine, make_read_model(engine)))
    return ReplicaSet(replicas, max_lag_seconds=max_lag_seconds, check_every=check_every)
