"""The statements of the booking path, run with ``FastStatement``, and the snapshots they give.

A snapshot is a domain object filled from a row without the session: cheap to make, and
read-only in effect (setting a mapped attribute on it fails, as it has no ORM state).
"""

from __future__ import annotations

from typing import Any, TypeVar

import attrs
from sqlalchemy import bindparam, insert, or_, select

from rental.adapters.sqlalchemy import tables as t
from rental.adapters.sqlalchemy.fast import FastStatement
from rental.domain.bookings import LIVE_STATUSES, Booking
from rental.domain.calendar import Block
from rental.domain.listings import Listing

T = TypeVar("T")


def _columns(table: Any, cls: type) -> list[Any]:
    return [table.c[field.name] for field in attrs.fields(cls)]


def snapshot(cls: type[T], row: dict[str, Any]) -> T:
    """An instance of ``cls`` with ``row``'s values, outside any session."""
    instance = cls.__new__(cls)
    instance.__dict__.update(row)
    return instance


L, B, K = t.listings.c, t.bookings.c, t.blocks.c
_listing = _columns(t.listings, Listing)
LOCK_LISTING = FastStatement(
    select(*_listing).where(L.id == bindparam("id")).with_for_update(), _listing
)
_booking = _columns(t.bookings, Booking)
LIVE_BOOKINGS_OVER = FastStatement(
    select(*_booking)
    .where(
        B.listing_id == bindparam("listing_id"),
        or_(*(B.status == status.value for status in LIVE_STATUSES)),
        B.check_out > bindparam("since"),
        B.check_in < bindparam("until"),
    )
    .order_by(B.check_in),
    _booking,
)
_block = _columns(t.blocks, Block)
BLOCKS_OVER = FastStatement(
    select(*_block)
    .where(
        K.listing_id == bindparam("listing_id"),
        K.end > bindparam("since"),
        K.start < bindparam("until"),
    )
    .order_by(K.start),
    _block,
)
INSERT_EVENT = FastStatement(
    insert(t.outbox)
    .inline()  # no RETURNING of the id: nothing reads it
    .values(
        event_name=bindparam("event_name"),
        payload=bindparam("payload", type_=t.outbox.c.payload.type),
        occurred_at=bindparam("occurred_at", type_=t.outbox.c.occurred_at.type),
        created_at=bindparam("created_at", type_=t.outbox.c.created_at.type),
    )
)
INSERT_BOOKING = FastStatement(
    insert(t.bookings).values(
        {column.name: bindparam(column.name, type_=column.type) for column in _booking}
    )
)


def values(instance: Any) -> dict[str, Any]:
    """The mapped fields of an attrs domain object, by column name."""
    return {field.name: getattr(instance, field.name) for field in attrs.fields(type(instance))}
