"""Imperative mapping of the domain's attrs classes onto the tables; the domain never knows.

Each aggregate's ``version`` is the ORM's version column. The domain bumps it itself
(``version_id_generator=False``); an UPDATE whose ``WHERE version = …`` matches no row raises
``StaleDataError``, which the unit of work reports as ``ConcurrentUpdate``.
"""

from __future__ import annotations

import threading
from typing import Any

import attrs
from sqlalchemy import Table
from sqlalchemy.orm import composite, foreign, registry, relationship

from rental.adapters.sqlalchemy import tables
from rental.domain.accounts.exports import DataExport
from rental.domain.accounts.one_time_tokens import OneTimeToken
from rental.domain.accounts.sessions import LoginSession
from rental.domain.accounts.users import User
from rental.domain.bookings.booking import Booking
from rental.domain.bookings.policies import PriceBreakdown
from rental.domain.calendar.nights import Block
from rental.domain.channel_sync.export import CalendarFeed
from rental.domain.channel_sync.imports import CalendarImport
from rental.domain.listings.details import HouseRules
from rental.domain.listings.listing import Listing
from rental.domain.listings.photos import Photo
from rental.domain.messaging.thread import Thread
from rental.domain.payments.payment import Payment
from rental.domain.reviews.review import Review, ReviewReport
from rental.domain.reviews.stay_reviews import StayReviews
from rental.domain.wishlists.wishlist import Wishlist

mapper_registry = registry(metadata=tables.metadata)
_lock = threading.Lock()
_started = False

VERSIONED: tuple[tuple[type, Table], ...] = (
    (User, tables.users),
    (Listing, tables.listings),
    (Booking, tables.bookings),
    (Payment, tables.payments),
    (StayReviews, tables.stay_reviews),
    (CalendarFeed, tables.calendar_feeds),
    (CalendarImport, tables.calendar_imports),
    (OneTimeToken, tables.one_time_tokens),
    (LoginSession, tables.login_sessions),
    (Thread, tables.threads),
    (Photo, tables.photos),
    (Wishlist, tables.wishlists),
    (DataExport, tables.data_exports),
)
# Columns of a domain class's table that the class does not hold: the listing's span of rate
# overrides is the calendar adapter's, for the search (``calendars.CalendarRepository``).
CALENDAR_ONLY: dict[type, tuple[str, ...]] = {Listing: ("rates_from", "rates_until")}
# Foreign keys, as (class, column, parent class). Mapped as write-only relationships that
# nothing reads, they tell the ORM to INSERT parents before children in one flush.
REFERENCES: tuple[tuple[type, str, type], ...] = (
    (Listing, "host_id", User),
    (Block, "listing_id", Listing),
    (Booking, "listing_id", Listing),
    (Booking, "guest_id", User),
    (Booking, "host_id", User),
    (Payment, "booking_id", Booking),
    (Payment, "payer_id", User),
    # A review's booking comes before it through its StayReviews (relationship ``reviews``).
    (Review, "listing_id", Listing),
    (Review, "author_id", User),
    (StayReviews, "booking_id", Booking),
    (StayReviews, "listing_id", Listing),
    (ReviewReport, "review_id", Review),
    (ReviewReport, "reporter_id", User),
    (CalendarFeed, "listing_id", Listing),
    (CalendarImport, "listing_id", Listing),
    (OneTimeToken, "user_id", User),
    (LoginSession, "user_id", User),
    (Photo, "listing_id", Listing),
    (Wishlist, "owner_id", User),
    (DataExport, "user_id", User),
)


def _references(cls: type, table: Table) -> dict[str, Any]:
    return {
        f"_orm_{column}": relationship(parent, foreign_keys=[table.c[column]], lazy="raise")
        for child, column, parent in REFERENCES
        if child is cls
    }


def _price() -> dict[str, Any]:
    """A booking's ``price`` as the six columns of its parts. The columns are mapped under
    names of their own, so that ``Booking.total`` and ``Booking.currency`` stay the domain's
    read-only properties."""
    columns = [tables.bookings.c[f.name] for f in attrs.fields(PriceBreakdown)]
    return {f"_price_{column.name}": column for column in columns} | {
        "price": composite(PriceBreakdown, *columns)
    }


def _stay_reviews() -> dict[str, Any]:
    """A stay's reviews load with it (one more statement) and are saved with it."""
    r = tables.reviews.c
    return {
        "reviews": relationship(
            Review,
            primaryjoin=tables.stay_reviews.c.booking_id == foreign(r.booking_id),
            order_by=(r.created_at, r.id),
            lazy="selectin",
            cascade="all, delete-orphan",
        )
    }


def _house_rules() -> dict[str, Any]:
    """A listing's ``house_rules`` as its three ``*_allowed`` columns."""
    columns = [tables.listings.c[name] for name in HouseRules.names()]
    return {f"_rule_{column.name}": column for column in columns} | {
        "house_rules": composite(HouseRules, *columns)
    }


def start_mappers() -> None:
    """Map every domain class once per process; later calls do nothing."""
    global _started
    with _lock:
        if _started:
            return
        for cls, table in VERSIONED:
            properties = _references(cls, table) | (_price() if cls is Booking else {})
            properties |= _stay_reviews() if cls is StayReviews else {}
            properties |= _house_rules() if cls is Listing else {}
            mapper_registry.map_imperatively(
                cls,
                table,
                properties=properties,
                exclude_properties=CALENDAR_ONLY.get(cls, ()),
                version_id_col=table.c.version,
                version_id_generator=False,
            )
        for cls, table in (
            (Block, tables.blocks),
            (Review, tables.reviews),
            (ReviewReport, tables.review_reports),
        ):
            mapper_registry.map_imperatively(cls, table, properties=_references(cls, table))
        mapper_registry.configure()
        _started = True
