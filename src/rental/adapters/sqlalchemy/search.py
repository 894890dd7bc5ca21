"""The conditions of the listing search and of a listing's calendar, as SQL expressions.

A booking holds its nights while confirmed, or pending and not overdue
(``rental.domain.bookings.holds_nights``). Rows are not updated when a pending booking becomes
overdue, so every query asks for that itself.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, literal_column, or_, select, type_coerce
from sqlalchemy.dialects.postgresql import JSONB

from rental.adapters.sqlalchemy import tables as t
from rental.application.queries import ListingSearch
from rental.domain.bookings import LIVE_STATUSES, BookingStatus, hold_cutoffs
from rental.domain.stay import Stay

L, B, K = t.listings.c, t.bookings.c, t.blocks.c
LIVE = [s.value for s in LIVE_STATUSES]


def still_holds(unpaid_since: Any, unanswered_since: Any) -> ColumnElement[bool]:
    """A pending or confirmed booking row still holds its nights, given ``hold_cutoffs``
    (values or bound parameters). Never NULL, so that its negation is an overdue booking."""
    return or_(
        B.status == BookingStatus.CONFIRMED.value,
        and_(B.payment_authorized_at.is_(None), B.created_at > unpaid_since),
        and_(B.payment_authorized_at.is_not(None), B.payment_authorized_at > unanswered_since),
    )


def holds_nights(now: datetime) -> ColumnElement[bool]:
    """The SQL twin of ``rental.domain.bookings.holds_nights``: the row holds its nights at
    ``now``."""
    return and_(B.status.in_(LIVE), still_holds(*hold_cutoffs(now)))


def _holding(stay: Stay, now: datetime) -> list[ColumnElement[bool]]:
    return [B.check_in < stay.check_out, B.check_out > stay.check_in, holds_nights(now)]


def live_bookings(listing_id: Any, stay: Stay, now: datetime) -> list[ColumnElement[bool]]:
    """Bookings of ``listing_id`` (a value or a column) that hold a night of ``stay``."""
    return [B.listing_id == listing_id, *_holding(stay, now)]


def live_bookings_of(
    listing_ids: Collection[str], stay: Stay, now: datetime
) -> list[ColumnElement[bool]]:
    """``live_bookings()`` of several listings in one query."""
    return [B.listing_id.in_(listing_ids), *_holding(stay, now)]


def overlapping_blocks(listing_id: Any, stay: Stay) -> list[ColumnElement[bool]]:
    return [K.listing_id == listing_id, K.start < stay.check_out, K.end > stay.check_in]


def overlapping_blocks_of(listing_ids: Collection[str], stay: Stay) -> list[ColumnElement[bool]]:
    """``overlapping_blocks()`` of several listings in one query."""
    return [K.listing_id.in_(listing_ids), K.start < stay.check_out, K.end > stay.check_in]


def has_amenities(amenities: list[str], dialect: str) -> list[ColumnElement[bool]]:
    """Every one of ``amenities`` is in the listing's list (GIN-indexed ``@>`` on PostgreSQL)."""
    if not amenities:
        return []
    if dialect == "postgresql":
        return [type_coerce(L.amenities, JSONB).contains(amenities)]
    if dialect == "sqlite":
        conditions: list[ColumnElement[bool]] = []
        for amenity in amenities:
            each = func.json_each(L.amenities).table_valued("value")
            conditions.append(exists(select(literal_column("1")).select_from(each).where(
                each.c.value == amenity
            )))  # fmt: skip
        return conditions
    return [func.json_contains(L.amenities, json.dumps(amenities)) == 1]


def search_conditions(search: ListingSearch, now: datetime, dialect: str) -> list[Any]:
    """The WHERE clause of ``GET /listings``: active listings matching every filter."""
    where: list[Any] = [L.deleted_at.is_(None)]
    if search.city is not None:
        # MariaDB's collation ignores case and its index is on the bare column.
        city = L.city == search.city.strip()
        if dialect != "mysql":
            city = func.lower(L.city) == func.lower(search.city.strip())
        where.append(city)
    if search.country is not None:
        where.append(L.country == search.country.upper())
    if search.guests is not None:
        where.append(L.max_guests >= search.guests)
    if search.min_price is not None:
        where.append(L.price_per_night >= search.min_price)
    if search.max_price is not None:
        where.append(L.price_per_night <= search.max_price)
    wanted = sorted({a.strip().lower() for a in search.amenities if a.strip()})
    where += has_amenities(wanted, dialect)
    if search.check_in is not None and search.check_out is not None:
        stay = Stay(search.check_in, search.check_out)
        where += [
            L.min_nights <= stay.nights,
            L.max_nights >= stay.nights,
            ~exists().where(*live_bookings(L.id, stay, now)),
            ~exists().where(*overlapping_blocks(L.id, stay)),
        ]
    return where
