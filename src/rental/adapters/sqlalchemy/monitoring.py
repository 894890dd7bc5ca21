"""Queries an operator's dashboard asks of the database (not the application's ports)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, case, func, or_, select, type_coerce

from rental.adapters.sqlalchemy import tables as t
from rental.adapters.sqlalchemy.types import UtcDateTime


def outbox_backlog(engine: Engine, now: datetime) -> tuple[int, datetime | None]:
    """How many outbox entries wait for delivery, and since when the oldest due one is due
    (an entry a relay has claimed is due again when its lease ends)."""
    c = t.outbox.c
    is_due = or_(c.next_attempt_at.is_(None), c.next_attempt_at <= now)
    due_since = case((is_due, func.coalesce(c.next_attempt_at, c.created_at)))
    query = select(func.count(), type_coerce(func.min(due_since), UtcDateTime())).where(
        c.published_at.is_(None)
    )
    with engine.connect() as connection:
        entries, oldest = connection.execute(query).one()
    return int(entries), oldest
