"""The outbox and the consumer ledger on the database (tables ``outbox``, ``processed_events``).

Each call is its own short transaction, so no lock is held while an event is being delivered
(on SQLite, one writer at a time, a long one would stall every request).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from rental.adapters.sqlalchemy import tables as t
from rental.application.delivery import ConsumerLedger, Outbox, OutboxEntry

# Databases whose row locks can be skipped, so that several relays share the work.
SKIP_LOCKED = ("postgresql", "mysql")


class SqlOutbox(Outbox):
    """Claims rows whose ``published_at`` is null and whose ``next_attempt_at`` has come."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def claim(self, now: datetime, lease: timedelta, limit: int) -> list[OutboxEntry]:
        c = t.outbox.c
        query = (
            select(c.id, c.event_name, c.payload, c.attempts)
            .where(c.published_at.is_(None))
            .where(or_(c.next_attempt_at.is_(None), c.next_attempt_at <= now))
            .order_by(c.id)
            .limit(limit)
        )
        if self._engine.dialect.name in SKIP_LOCKED:
            query = query.with_for_update(skip_locked=True)
        with self._engine.begin() as connection:
            rows = connection.execute(query).all()
            ids = [row.id for row in rows]
            if ids:
                connection.execute(
                    update(t.outbox).where(c.id.in_(ids)).values(next_attempt_at=now + lease)
                )
        return [OutboxEntry(row.id, row.event_name, row.payload, row.attempts) for row in rows]

    def mark_published(self, entry_ids: Sequence[int], now: datetime) -> None:
        self._set(entry_ids, published_at=now, next_attempt_at=None)

    def retry_later(self, entry_ids: Sequence[int], at: datetime) -> None:
        self._set(entry_ids, attempts=t.outbox.c.attempts + 1, next_attempt_at=at)

    def _set(self, entry_ids: Sequence[int], **values: Any) -> None:
        """Update these entries with ``values``, in a transaction of its own."""
        if not entry_ids:
            return
        with self._engine.begin() as connection:
            connection.execute(
                update(t.outbox).where(t.outbox.c.id.in_(list(entry_ids))).values(**values)
            )

    def republish_unconsumed(
        self,
        published_before: datetime,
        consumers_of: Callable[[str], frozenset[str]],
        now: datetime,
        limit: int,
    ) -> int:
        c, done = t.outbox.c, t.processed_events.c
        candidates = (
            select(c.id, c.event_name)
            .where(c.published_at.is_not(None), c.consumed_at.is_(None))
            .where(c.published_at < published_before)
            .order_by(c.id)
            .limit(limit)
        )
        with self._engine.begin() as connection:
            rows = connection.execute(candidates).all()
            if not rows:
                return 0
            acted: dict[int, set[str]] = {}
            ids = [row.id for row in rows]
            for entry_id, consumer in connection.execute(
                select(done.outbox_id, done.consumer).where(done.outbox_id.in_(ids))
            ):
                acted.setdefault(entry_id, set()).add(consumer)
            consumed = [r.id for r in rows if consumers_of(r.event_name) <= acted.get(r.id, set())]
            lost = [entry_id for entry_id in ids if entry_id not in set(consumed)]
            if consumed:
                connection.execute(
                    update(t.outbox).where(c.id.in_(consumed)).values(consumed_at=now)
                )
            if lost:
                connection.execute(
                    update(t.outbox)
                    .where(c.id.in_(lost))
                    .values(published_at=None, next_attempt_at=now, attempts=c.attempts + 1)
                )
        return len(lost)


class SqlConsumerLedger(ConsumerLedger):
    """A ``processed_events`` row per (entry, consumer), inserted in a transaction that stays
    open while the consumer acts: a concurrent second delivery waits on the row's key, then
    finds it taken; a consumer that fails rolls the row back."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @contextmanager
    def once(self, entry_id: int, consumer: str) -> Iterator[bool]:
        row = {"outbox_id": entry_id, "consumer": consumer, "processed_at": datetime.now(UTC)}
        with self._engine.connect() as connection:
            transaction = connection.begin()
            try:
                connection.execute(insert(t.processed_events).values(row))
            except IntegrityError:
                transaction.rollback()
                yield False
                return
            try:
                yield True
            except BaseException:
                transaction.rollback()
                raise
            transaction.commit()
