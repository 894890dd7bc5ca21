"""The unit of work of the in-memory mode.

The fakes of the unit tests, and a documented in-memory mode (``bootstrap(database_url=
"memory://")``) for demos and for other services' tests. One unit of work at a time holds the
store's lock, so concurrent commands serialize; each works on a copy that replaces the store
only on commit, so a rollback leaves nothing behind.
"""

from __future__ import annotations

import copy
from typing import Any

from rental.adapters.memory.accounts import (
    MemoryLoginSessions,
    MemoryOneTimeTokens,
    MemorySignInFailures,
    MemoryStoredEvents,
)
from rental.adapters.memory.audit import MemoryAuditLog
from rental.adapters.memory.bookkeeping import MemoryLedger, MemoryPayouts, MemoryProviderEvents
from rental.adapters.memory.channel_sync import MemoryChannelFeeds, MemoryChannelImports
from rental.adapters.memory.exports import MemoryDataExports
from rental.adapters.memory.messaging import MemoryThreads, MemoryUserBlocks
from rental.adapters.memory.photos import MemoryPhotos
from rental.adapters.memory.repositories import (
    MemoryBlocks,
    MemoryBookings,
    MemoryCalendars,
    MemoryIdempotency,
    MemoryListings,
    MemoryPayments,
    MemoryReviews,
    MemoryRevokedTokens,
    MemoryUsers,
)
from rental.adapters.memory.store import MemoryData, MemoryStore
from rental.adapters.memory.wishlists import MemoryWishlists
from rental.application.unit_of_work import UnitOfWork
from rental.domain.events import Event


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
        self.users = MemoryUsers(data)
        self.listings = MemoryListings(data)
        self.calendars = MemoryCalendars(data)
        self.blocks = MemoryBlocks(data)
        self.bookings = MemoryBookings(data)
        self.payments = MemoryPayments(data)
        self.reviews = MemoryReviews(data)
        self.idempotency = MemoryIdempotency(data)
        self.revoked_tokens = MemoryRevokedTokens(data)
        self.ledger = MemoryLedger(data.ledger)
        self.payouts = MemoryPayouts(data.payouts, data.recoveries)
        self.provider_events = MemoryProviderEvents(data.provider_events)
        self.channel_feeds = MemoryChannelFeeds(data.calendar_feeds)
        self.channel_imports = MemoryChannelImports(data.calendar_imports, data.listings)
        self.one_time_tokens = MemoryOneTimeTokens(data.one_time_tokens)
        self.login_sessions = MemoryLoginSessions(data.login_sessions)
        self.sign_in_failures = MemorySignInFailures(data.sign_in_failures)
        self.stored_events = MemoryStoredEvents(data.outbox)
        self.threads = MemoryThreads(data.messaging)
        self.user_blocks = MemoryUserBlocks(data.messaging)
        self.photos = MemoryPhotos(data.photos)
        self.wishlists = MemoryWishlists(data.wishlists, data.listings)
        self.data_exports = MemoryDataExports(data.data_exports)
        self.audit = MemoryAuditLog(data.audit, data.outbox)

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
