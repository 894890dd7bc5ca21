"""In-memory adapters of the unit of work and the read side.

The fakes of the unit tests, and a documented in-memory mode (``bootstrap(database_url=
"memory://")``) for demos and for other services' tests. One unit of work at a time holds the
store's lock, so concurrent commands serialize; each works on a copy that replaces the store
only on commit, so a rollback leaves nothing behind.
"""

from __future__ import annotations

import copy
import threading
from datetime import date, datetime
from typing import Any

from attrs import define, field

from rental.adapters.memory_calendar_sync import MemoryCalendarFeeds, MemoryCalendarImports
from rental.application.repositories import (
    BlockRepository,
    BookingRepository,
    IdempotencyRecord,
    IdempotencyStore,
    ListingRepository,
    PaymentRepository,
    ReviewRepository,
    RevokedTokens,
    UserRepository,
)
from rental.application.unit_of_work import UnitOfWork
from rental.domain.bookings import LIVE_STATUSES, Booking, BookingStatus
from rental.domain.calendar import Block
from rental.domain.calendar_feed import CalendarFeed
from rental.domain.calendar_import import CalendarImport
from rental.domain.errors import (
    BlockNotFound,
    BookingNotFound,
    ListingNotFound,
    PaymentNotFound,
    UserNotFound,
)
from rental.domain.events import Event
from rental.domain.listings import Listing
from rental.domain.payments import Payment
from rental.domain.reviews import Review
from rental.domain.users import User


@define
class MemoryData:
    """Every table, as dicts by id."""

    users: dict[str, User] = field(factory=dict)
    listings: dict[str, Listing] = field(factory=dict)
    blocks: dict[str, Block] = field(factory=dict)
    bookings: dict[str, Booking] = field(factory=dict)
    payments: dict[str, Payment] = field(factory=dict)
    reviews: dict[str, Review] = field(factory=dict)
    idempotency: dict[tuple[str, str, str], IdempotencyRecord] = field(factory=dict)
    revoked: dict[str, datetime] = field(factory=dict)
    outbox: list[Event] = field(factory=list)
    calendar_feeds: dict[str, CalendarFeed] = field(factory=dict)
    calendar_imports: dict[str, CalendarImport] = field(factory=dict)


class MemoryStore:
    """The committed state, shared by every unit of work and the read model."""

    def __init__(self) -> None:
        self.data = MemoryData()
        self.lock = threading.RLock()


class _Users(UserRepository):
    def __init__(self, data: MemoryData) -> None:
        super().__init__()
        self._data = data

    def _add(self, user: User) -> None:
        self._data.users[user.id] = user

    def _get(self, user_id: str) -> User:
        try:
            return self._data.users[user_id]
        except KeyError:
            raise UserNotFound(f"No user {user_id}.") from None

    def _by_email(self, email: str) -> User | None:
        return next((u for u in self._data.users.values() if u.email == email.lower()), None)

    def username_taken(self, username: str) -> bool:
        wanted = username.lower()
        return any(u.username.lower() == wanted for u in self._data.users.values())


class _Listings(ListingRepository):
    def __init__(self, data: MemoryData) -> None:
        super().__init__()
        self._data = data

    def _add(self, listing: Listing) -> None:
        self._data.listings[listing.id] = listing

    def _get(self, listing_id: str, for_update: bool) -> Listing:
        try:
            return self._data.listings[listing_id]
        except KeyError:
            raise ListingNotFound(f"No listing {listing_id}.") from None

    def lock(self, listing_id: str) -> Listing:
        return self._get(listing_id, for_update=True)  # the store's lock is already held


class _Blocks(BlockRepository):
    def __init__(self, data: MemoryData) -> None:
        self._data = data

    def add(self, block: Block) -> None:
        self._data.blocks[block.id] = block

    def get(self, listing_id: str, block_id: str) -> Block:
        block = self._data.blocks.get(block_id)
        if block is None or block.listing_id != listing_id:
            raise BlockNotFound(f"No block {block_id} on listing {listing_id}.")
        return block

    def remove(self, block: Block) -> None:
        del self._data.blocks[block.id]

    def upcoming(self, listing_id: str, since: date, until: date | None = None) -> list[Block]:
        return [
            b
            for b in self._data.blocks.values()
            if b.listing_id == listing_id and b.end > since and (until is None or b.start < until)
        ]

    def of_source(self, listing_id: str, source: str, since: date) -> list[Block]:
        found = [b for b in self.upcoming(listing_id, since) if b.source == source]
        return sorted(found, key=lambda b: (b.start, b.id))


class _Bookings(BookingRepository):
    def __init__(self, data: MemoryData) -> None:
        super().__init__()
        self._data = data

    def _add(self, booking: Booking) -> None:
        self._data.bookings[booking.id] = booking

    def _get(self, booking_id: str, for_update: bool) -> Booking:
        try:
            return self._data.bookings[booking_id]
        except KeyError:
            raise BookingNotFound(f"No booking {booking_id}.") from None

    def _live_on_listing(self, listing_id: str, since: date, until: date | None) -> list[Booking]:
        return [
            b
            for b in self._data.bookings.values()
            if b.listing_id == listing_id
            and b.status in LIVE_STATUSES
            and b.check_out > since
            and (until is None or b.check_in < until)
        ]

    def due_for_expiry_or_completion(self, now: datetime, limit: int) -> list[str]:
        due = [
            b
            for b in self._data.bookings.values()
            if (b.status == BookingStatus.PENDING and b.is_overdue(now))
            or (b.status == BookingStatus.CONFIRMED and b.today(now) >= b.check_out)
        ]
        return [b.id for b in sorted(due, key=lambda b: (b.created_at, b.id))[:limit]]


class _Payments(PaymentRepository):
    def __init__(self, data: MemoryData) -> None:
        super().__init__()
        self._data = data

    def _add(self, payment: Payment) -> None:
        self._data.payments[payment.id] = payment

    def _get(self, payment_id: str) -> Payment:
        try:
            return self._data.payments[payment_id]
        except KeyError:
            raise PaymentNotFound(f"No payment {payment_id}.") from None

    def _for_booking(self, booking_id: str) -> list[Payment]:
        found = [p for p in self._data.payments.values() if p.booking_id == booking_id]
        return sorted(found, key=lambda p: (p.created_at, p.id))


class _Reviews(ReviewRepository):
    def __init__(self, data: MemoryData) -> None:
        super().__init__()
        self._data = data

    def _add(self, review: Review) -> None:
        self._data.reviews[review.id] = review

    def for_booking(self, booking_id: str) -> Review | None:
        return next((r for r in self._data.reviews.values() if r.booking_id == booking_id), None)


class _Idempotency(IdempotencyStore):
    def __init__(self, data: MemoryData) -> None:
        self._data = data

    def get(self, user_id: str, scope: str, key: str) -> IdempotencyRecord | None:
        return self._data.idempotency.get((user_id, scope, key))

    def add(self, record: IdempotencyRecord) -> None:
        self._data.idempotency[(record.user_id, record.scope, record.key)] = record


class _Revoked(RevokedTokens):
    def __init__(self, data: MemoryData) -> None:
        self._data = data

    def revoke(self, jti: str, expires_at: datetime) -> None:
        self._data.revoked[jti] = expires_at

    def is_revoked(self, jti: str) -> bool:
        return jti in self._data.revoked

    def active(self, now: datetime) -> list[tuple[str, datetime]]:
        return [(jti, at) for jti, at in self._data.revoked.items() if at > now]


class MemoryUnitOfWork(UnitOfWork):
    """A unit of work over a ``MemoryStore``; events committed go to ``store.data.outbox``."""

    def __init__(self, store: MemoryStore) -> None:
        super().__init__()
        self._store = store
        self._working: MemoryData | None = None
        self.committed = False

    def __enter__(self) -> MemoryUnitOfWork:
        self._store.lock.acquire()
        self._begin()
        return self

    def __exit__(self, *args: Any) -> None:
        try:
            super().__exit__(*args)
        finally:
            self._store.lock.release()

    def _begin(self) -> None:
        self._working = copy.deepcopy(self._store.data)
        data = self._working
        self.users = _Users(data)
        self.listings = _Listings(data)
        self.blocks = _Blocks(data)
        self.bookings = _Bookings(data)
        self.payments = _Payments(data)
        self.reviews = _Reviews(data)
        self.idempotency = _Idempotency(data)
        self.revoked_tokens = _Revoked(data)
        self.calendar_feeds = MemoryCalendarFeeds(data.calendar_feeds)
        self.calendar_imports = MemoryCalendarImports(data.calendar_imports, data.listings)

    def _store_events(self, events: list[Event]) -> None:
        assert self._working is not None
        self._working.outbox.extend(events)

    def _commit(self) -> None:
        assert self._working is not None
        self._store.data = self._working
        self.committed = True
        self._begin()

    def rollback(self) -> None:
        self._begin()
