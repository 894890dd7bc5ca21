"""Repositories of channel sync on a SQLAlchemy ``Session``: export feeds, calendar imports."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from rental.adapters.sqlalchemy import tables as t
from rental.adapters.sqlalchemy.errors import domain_errors
from rental.application.repositories import ChannelFeedRepository, ChannelImportRepository
from rental.domain.channel_sync.export import CalendarFeed
from rental.domain.channel_sync.imports import CalendarImport
from rental.domain.errors import CalendarImportNotFound

CI, L = t.calendar_imports.c, t.listings.c


class SqlChannelFeedRepository(ChannelFeedRepository):
    """Feeds in ``calendar_feeds``, one row per listing."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session

    def _add(self, feed: CalendarFeed) -> None:
        self._session.add(feed)

    def _get(self, listing_id: str) -> CalendarFeed | None:
        with domain_errors():
            return self._session.get(CalendarFeed, listing_id)


class SqlChannelImportRepository(ChannelImportRepository):
    """Imports in ``calendar_imports``."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session

    def _add(self, calendar_import: CalendarImport) -> None:
        self._session.add(calendar_import)

    def _get(self, import_id: str) -> CalendarImport:
        with domain_errors():
            found = self._session.get(CalendarImport, import_id)
        if found is None:
            raise CalendarImportNotFound(f"No calendar import {import_id}.")
        return found

    def _for_listing(self, listing_id: str) -> list[CalendarImport]:
        query = (
            select(CalendarImport).where(CI.listing_id == listing_id).order_by(CI.created_at, CI.id)
        )
        with domain_errors():
            return list(self._session.scalars(query))

    def remove(self, calendar_import: CalendarImport) -> None:
        self._session.delete(calendar_import)

    def due(self, attempted_before: datetime, limit: int) -> list[str]:
        query = (
            select(CI.id)
            .join(t.listings, L.id == CI.listing_id)
            .where(
                L.deleted_at.is_(None),
                CI.last_attempt_at.is_(None) | (CI.last_attempt_at <= attempted_before),
            )
            # NULLs (never tried) first on every database, without NULLS FIRST (MariaDB).
            .order_by(CI.last_attempt_at.is_not(None), CI.last_attempt_at, CI.created_at, CI.id)
            .limit(limit)
        )
        with domain_errors():
            return list(self._session.scalars(query))
