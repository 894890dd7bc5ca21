"""The unit of work on a SQLAlchemy ``Session``: one transaction, events to the outbox."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self

from sqlalchemy import insert
from sqlalchemy.orm import Session

from rental.adapters.sqlalchemy import tables as t
from rental.adapters.sqlalchemy.accounts import (
    SqlLoginSessions,
    SqlOneTimeTokens,
    SqlSignInFailures,
    SqlStoredEvents,
)
from rental.adapters.sqlalchemy.audit import SqlAuditLog
from rental.adapters.sqlalchemy.bookkeeping import SqlLedger, SqlPayouts, SqlProviderEvents
from rental.adapters.sqlalchemy.calendars import SqlCalendars
from rental.adapters.sqlalchemy.channel_sync import (
    SqlChannelFeedRepository,
    SqlChannelImportRepository,
)
from rental.adapters.sqlalchemy.errors import domain_errors
from rental.adapters.sqlalchemy.exports import SqlDataExports
from rental.adapters.sqlalchemy.messaging import SqlThreads, SqlUserBlocks
from rental.adapters.sqlalchemy.photos import SqlPhotoRepository
from rental.adapters.sqlalchemy.repositories import (
    SqlBlockRepository,
    SqlBookingRepository,
    SqlListingRepository,
    SqlPaymentRepository,
    SqlUserRepository,
)
from rental.adapters.sqlalchemy.reviews import SqlReviewRepository
from rental.adapters.sqlalchemy.stores import SqlIdempotencyStore, SqlRevokedTokens
from rental.adapters.sqlalchemy.wishlists import SqlWishlists
from rental.application.unit_of_work import UnitOfWork
from rental.domain.events import Event


class SqlUnitOfWork(UnitOfWork):
    """A new ``Session`` per ``with`` block, closed (rolling back) when it ends.

    The session must not expire on commit: handlers return aggregates that are read after it.
    Events of the committed aggregates go to the ``outbox`` table in the same transaction.
    """

    session: Session

    def __init__(self, session_factory: Callable[[], Session]) -> None:
        super().__init__()
        self._session_factory = session_factory
        self._outbox: list[dict[str, Any]] = []

    def __enter__(self) -> Self:
        self.session = session = self._session_factory()
        self.users = SqlUserRepository(session)
        self.listings = SqlListingRepository(session)
        self.calendars = self._calendars = SqlCalendars(session)
        self.blocks = SqlBlockRepository(session)
        self.bookings = SqlBookingRepository(session)
        self.payments = SqlPaymentRepository(session)
        self.reviews = SqlReviewRepository(session)
        self.idempotency = SqlIdempotencyStore(session)
        self.revoked_tokens = SqlRevokedTokens(session)
        self.ledger = SqlLedger(session)
        self.payouts = SqlPayouts(session)
        self.provider_events = SqlProviderEvents(session)
        self.channel_feeds = SqlChannelFeedRepository(session)
        self.channel_imports = SqlChannelImportRepository(session)
        self.one_time_tokens = SqlOneTimeTokens(session)
        self.login_sessions = SqlLoginSessions(session)
        self.sign_in_failures = SqlSignInFailures(session)
        self.stored_events = SqlStoredEvents(session)
        self.threads = SqlThreads(session)
        self.user_blocks = SqlUserBlocks(session)
        self.photos = SqlPhotoRepository(session)
        self.wishlists = SqlWishlists(session)
        self.data_exports = SqlDataExports(session)
        self.audit = SqlAuditLog(session)
        return super().__enter__()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # Closing rolls back whatever was not committed without expiring the objects, so
        # that what a handler loaded stays readable after the block.
        self.session.close()
        super().__exit__(exc_type, exc, tb)

    def _store_events(self, events: list[Event]) -> None:
        now = datetime.now(UTC)
        self._outbox = [
            {
                "event_name": event.name,
                "payload": event.to_dict(),
                "occurred_at": event.occurred_at,
                "created_at": now,
            }
            for event in events
        ]

    def _commit(self) -> None:
        outbox, self._outbox = self._outbox, []
        with domain_errors():
            self.session.flush()  # first: an expired booking frees its nights before an INSERT
            written = self._calendars.write_with_commit(outbox)  # a booking: one round trip
            if outbox and not written:
                self.session.execute(insert(t.outbox), outbox)
            self.session.commit()

    def rollback(self) -> None:
        self._outbox = []
        self._calendars.discard()
        self.session.rollback()
