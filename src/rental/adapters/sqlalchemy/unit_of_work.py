"""The unit of work on a SQLAlchemy ``Session``: one transaction, events to the outbox."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from types import TracebackType
from typing import Self

from sqlalchemy.orm import Session

from rental.adapters.sqlalchemy import fast
from rental.adapters.sqlalchemy import hot_path as hot
from rental.adapters.sqlalchemy.calendar_sync import (
    SqlCalendarFeedRepository,
    SqlCalendarImportRepository,
)
from rental.adapters.sqlalchemy.errors import domain_errors
from rental.adapters.sqlalchemy.repositories import (
    SqlBlockRepository,
    SqlBookingRepository,
    SqlListingRepository,
    SqlPaymentRepository,
    SqlReviewRepository,
    SqlUserRepository,
)
from rental.adapters.sqlalchemy.stores import SqlIdempotencyStore, SqlRevokedTokens
from rental.application.unit_of_work import UnitOfWork
from rental.domain.bookings import Booking
from rental.domain.calendar import Block
from rental.domain.errors import ListingNotFound
from rental.domain.events import Event
from rental.domain.listings import Listing


class SqlUnitOfWork(UnitOfWork):
    """A new ``Session`` per ``with`` block, closed (rolling back) when it ends.

    The session must not expire on commit: handlers return aggregates that are read after it.
    Events of the committed aggregates go to the ``outbox`` table in the same transaction.
    """

    session: Session

    def __init__(self, session_factory: Callable[[], Session]) -> None:
        super().__init__()
        self._session_factory = session_factory

    def __enter__(self) -> Self:
        self.session = session = self._session_factory()
        self.users = SqlUserRepository(session)
        self.listings = SqlListingRepository(session)
        self.blocks = SqlBlockRepository(session)
        self.bookings = SqlBookingRepository(session)
        self.payments = SqlPaymentRepository(session)
        self.reviews = SqlReviewRepository(session)
        self.idempotency = SqlIdempotencyStore(session)
        self.revoked_tokens = SqlRevokedTokens(session)
        self.calendar_feeds = SqlCalendarFeedRepository(session)
        self.calendar_imports = SqlCalendarImportRepository(session)
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
        if not events:
            return
        now = datetime.now(UTC)
        rows = [
            {
                "event_name": event.name,
                "payload": event.to_dict(),
                "occurred_at": event.occurred_at,
                "created_at": now,
            }
            for event in events
        ]
        hot.INSERT_EVENT.defer(self.session, rows)  # sent with the COMMIT

    def lock_with_calendar(
        self, listing_id: str, since: date, until: date
    ) -> tuple[Listing, list[Booking], list[Block]]:
        over = {"listing_id": listing_id, "since": since, "until": until}
        with domain_errors():
            locked, live, blocks = fast.fetch_together(
                self.session,
                [
                    (hot.LOCK_LISTING, {"id": listing_id}),
                    (hot.LIVE_BOOKINGS_OVER, over),
                    (hot.BLOCKS_OVER, over),
                ],
            )
        if not locked:
            raise ListingNotFound(f"No listing {listing_id}.")
        return (
            hot.snapshot(Listing, locked[0]),
            [hot.snapshot(Booking, row) for row in live],
            [hot.snapshot(Block, row) for row in blocks],
        )

    def _commit(self) -> None:
        with domain_errors():
            fast.commit(self.session)

    def rollback(self) -> None:
        fast.discard_deferred(self.session)
        self.session.rollback()
