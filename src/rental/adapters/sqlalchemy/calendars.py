"""The calendar aggregate on SQL: a listing's nights locked and read, its decisions written.

Everything about how lives here, so that a booking makes two round trips on PostgreSQL:

1. ``BEGIN``, the listing's row lock (``SELECT … FOR UPDATE``) and the reads of its live
   bookings and blocks over the stay, as one string of statements. PostgreSQL takes each
   statement's snapshot when it starts, so the reads see what the lock waited for.
2. The booking's ``INSERT``, its events' outbox rows and ``COMMIT``, as another
   (``write_with_commit``, called by the unit of work).

psycopg binds the values of such a string on the client, quoting them as literals (its
``ClientCursor``); a bound value never becomes SQL. The ``BEGIN`` goes in the first string,
not in a round trip of its own (psycopg's way): the connection is put in autocommit mode just
for that, and the engine's pool turns it off again when the connection comes back
(``engine.restore_begin``). MariaDB and SQLite get the same statements through SQLAlchemy,
one at a time (PyMySQL would need its multi-statement mode for every query; sqlite3 has no
round trips to save). The exclusion constraint of PostgreSQL backs the row lock
(``errors.domain_errors`` turns its violation into ``DatesUnavailable``).

The reads ask for what the decision needs and no more: the listing's booking terms, and for
each booking its nights and whether it still holds them (``search.still_holds``), so
rows come back as plain values, with nothing to hydrate.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any, cast

import attrs
from sqlalchemy import Dialect, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.sql import ClauseElement, Executable
from sqlalchemy.sql.compiler import SQLCompiler

from rental.adapters.sqlalchemy import tables as t
from rental.adapters.sqlalchemy.errors import domain_errors
from rental.adapters.sqlalchemy.search import LIVE, nights_overlap, still_holds
from rental.application.repositories import (
    CalendarRepository,
    GuestQuery,
    GuestStanding,
    IdempotencyRecord,
)
from rental.domain.bookings.booking import Booking, hold_cutoffs
from rental.domain.bookings.policies import PriceBreakdown
from rental.domain.calendar.booking_terms import BookingTerms
from rental.domain.calendar.calendar import Calendar, CalendarChanges, nights_to_load
from rental.domain.calendar.nights import Block, CalendarEntry, Reason
from rental.domain.calendar.rates import RateCalendar, RateOverride
from rental.domain.calendar.stay import Stay
from rental.domain.errors import ListingNotFound
from rental.domain.limits import RecentBooking

L, B, K, R = t.listings.c, t.bookings.c, t.blocks.c, t.rate_overrides.c
U, KEYS = t.users.c, t.idempotency_keys.c
TERMS = [field.name for field in attrs.fields(BookingTerms)]
PRICE = [field.name for field in attrs.fields(PriceBreakdown)]
BOOKING_COLUMNS = [
    t.bookings.c[name]
    for name in [f.name for f in attrs.fields(Booking) if f.name != "price"] + PRICE
]
OUTBOX_WRITTEN = ("event_name", "payload", "occurred_at", "created_at")
_IDLE = 0  # psycopg.pq.TransactionStatus.IDLE, without importing psycopg where it is absent


class Statement:
    """A statement of the booking path, compiled once per dialect, for ``_send``: its SQL
    with the column types' bind processors (aware datetimes, JSON) and the constants it holds.
    Elsewhere than psycopg, ``clause`` is run through SQLAlchemy as it is."""

    def __init__(self, clause: Executable) -> None:
        self.clause = clause
        self._compiled: dict[str, _Compiled] = {}

    def render(
        self, dialect: Dialect, position: int, values: Mapping[str, Any]
    ) -> tuple[str, dict[str, Any]]:
        """The SQL and its parameters, renamed apart by ``position`` in a string of several."""
        compiled = self._compiled.get(dialect.name)
        if compiled is None:
            compiled = self._compiled.setdefault(dialect.name, _Compiled(self.clause, dialect))
        return compiled.render(position, values)


class _Compiled:
    def __init__(self, clause: Executable, dialect: Dialect) -> None:
        compiled = cast(SQLCompiler, cast(ClauseElement, clause).compile(dialect=dialect))
        self._sql = compiled.string
        self._at: dict[int, str] = {}
        self._constants = {k: v for k, v in compiled.params.items() if v is not None}
        self._processors = {
            name: processor
            for name, bind in compiled.binds.items()
            if (processor := bind.type.dialect_impl(dialect).bind_processor(dialect)) is not None
        }

    def render(self, position: int, values: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        prefix = f"p{position}_"
        sql = self._at.get(position)
        if sql is None:
            sql = self._at.setdefault(position, self._sql.replace("%(", f"%({prefix}"))
        merged = {**self._constants, **values}
        return sql, {
            prefix + name: value
            if (process := self._processors.get(name)) is None
            else process(value)
            for name, value in merged.items()
        }


# The guest's row, locked first when a booking request asks (one guest's requests are counted
# one at a time), and whether their email is verified; then the bookings they made lately, and
# the record of the request's ``Idempotency-Key``, for the hold limits and the retry.
LOCK_GUEST = Statement(
    select(U.email_verified_at.is_not(None)).where(U.id == bindparam("guest_id")).with_for_update()
)
RECENT_FIELDS = [field.name for field in attrs.fields(RecentBooking)]
RECENT = Statement(
    select(*(B[name] for name in RECENT_FIELDS)).where(
        B.guest_id == bindparam("guest_id"), B.created_at > bindparam("guest_since")
    )
)
EARLIER = Statement(
    select(t.idempotency_keys).where(
        KEYS.user_id == bindparam("guest_id"),
        KEYS.scope == bindparam("scope"),
        KEYS.key == bindparam("key"),
    )
)
EARLIER_FIELDS = [column.name for column in t.idempotency_keys.c]
# The listing's row, locked: who hosts it, whether it is still listed (not deleted), whether
# its host offers it (``listed``, 0009), its terms.
LOCK_LISTING = Statement(
    select(
        L.host_id,
        L.deleted_at.is_(None).label("listed"),
        L.listed.label("for_sale"),
        *(L[name] for name in TERMS),
    )
    .where(L.id == bindparam("listing_id"))
    .with_for_update()
)
# Pending and confirmed bookings over the nights read, and whether each still holds them.
HOLDS = Statement(
    select(
        B.id,
        B.check_in,
        B.check_out,
        still_holds(bindparam("unpaid_since"), bindparam("unanswered_since")).label("live"),
    )
    .where(
        B.listing_id == bindparam("listing_id"),
        or_(*(B.status == status for status in LIVE)),  # no IN list: it would expand per call
        nights_overlap(B.check_in, B.check_out, bindparam("since"), bindparam("until")),
    )
    .order_by(B.check_in)
)
# The blocks over the nights read, and the one named (``block_id``, NULL: none) wherever it is.
BLOCKS = Statement(
    select(*t.blocks.c)
    .where(
        K.listing_id == bindparam("listing_id"),
        or_(
            nights_overlap(K.start, K.end, bindparam("since"), bindparam("until")),
            K.id == bindparam("block_id"),
        ),
    )
    .order_by(K.start)
)
BLOCK_FIELDS = [column.name for column in t.blocks.c]
BLOCK_MOVED = ("start", "end", "import_key", "fingerprint", "modified_at")
# The rate overrides over the nights read and the day after them (closed to departure).
OVERRIDES = Statement(
    select(R.start, R.end, R.price, R.min_nights, R.closed_to_arrival, R.closed_to_departure)
    .where(
        R.listing_id == bindparam("listing_id"),
        R.start <= bindparam("until"),
        R.end > bindparam("since"),
    )
    .order_by(R.start)
)
# The listing's span of overrides, after they changed: the search prices the nights of a stay
# one by one only where it meets this span (``rates.dated_listing``).
_MINE = R.listing_id == L.id
RATE_SPAN = (
    update(t.listings)
    .where(L.id == bindparam("listing_id"))
    .values(
        rates_from=select(func.min(R.start)).where(_MINE).scalar_subquery(),
        rates_until=select(func.max(R.end)).where(_MINE).scalar_subquery(),
    )
)
INSERT_BOOKING = Statement(
    insert(t.bookings).values(
        {column.name: bindparam(column.name, type_=column.type) for column in BOOKING_COLUMNS}
    )
)
INSERT_EVENT = Statement(
    insert(t.outbox)
    .inline()  # no RETURNING of the id: nothing reads it
    .values({name: bindparam(name, type_=t.outbox.c[name].type) for name in OUTBOX_WRITTEN})
)


def window(stay: Stay | None, now: datetime) -> dict[str, Any]:
    """The parameters of the calendar reads (``nights_to_load``)."""
    unpaid_since, unanswered_since = hold_cutoffs(now)
    since, until = nights_to_load(stay, now)
    return {
        "since": since,
        "until": until,
        "unpaid_since": unpaid_since,
        "unanswered_since": unanswered_since,
    }


class SqlCalendars(CalendarRepository):
    """``Calendar``s on the listing's row lock; the booking's ``INSERT`` waits for the
    commit on psycopg (it goes with the COMMIT), and goes through the ORM elsewhere."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session
        self._pending: list[Booking] = []
        self._loaded: dict[str, tuple[Any, ...]] = {}  # blocks' movable fields, as read
        self._rates_read: dict[str, tuple[date, date]] = {}  # the rate overrides' window

    def _lock(
        self,
        listing_id: str,
        window_: Stay | None,
        now: datetime,
        block_id: str | None,
        guest: GuestQuery | None,
    ) -> tuple[Calendar, GuestStanding | None]:
        params = {"listing_id": listing_id, "block_id": block_id, **window(window_, now)}
        statements = [LOCK_LISTING, HOLDS, BLOCKS, OVERRIDES]
        if guest is not None:
            params |= {"guest_id": guest.guest_id, "guest_since": guest.since}
            statements = [LOCK_GUEST, *statements, RECENT]
            if guest.idempotency is not None:
                params |= dict(zip(("scope", "key"), guest.idempotency, strict=True))
                statements.append(EARLIER)
        with domain_errors():
            results = self._read(statements, params)
        standing = None
        if guest is not None:  # [guest row, the calendar's four reads, recent, (earlier)]
            standing = _standing(results.pop(0), results[4], results[5:])
        listing, holds, blocks, overrides = results[:4]
        if not listing:
            raise ListingNotFound(f"No listing {listing_id}.")
        row = listing[0]
        loaded = [Block(**dict(zip(BLOCK_FIELDS, row, strict=True))) for row in blocks]
        self._loaded.update({block.id: _moved(block) for block in loaded})
        self._rates_read[listing_id] = (params["since"], params["until"])
        return Calendar.of(
            listing_id=listing_id,
            host_id=row[0],
            listed=bool(row[1]),
            for_sale=bool(row[2]),
            terms=BookingTerms(*row[3:]),
            booked=[CalendarEntry(r[1], r[2], Reason.BOOKED, r[0]) for r in holds if r[3]],
            blocks=loaded,
            overdue=[r[0] for r in holds if not r[3]],
            window=window_,
            overrides=[RateOverride(*row) for row in overrides],
        ), standing

    def _write(self, calendar: Calendar, changes: CalendarChanges) -> None:
        removed = [block.id for block in changes.removed_blocks]
        if removed:
            self._session.execute(delete(t.blocks).where(K.id.in_(removed)))
        for block in calendar.blocks.values():
            if block.id in self._loaded and self._loaded[block.id] != _moved(block):
                values = dict(zip(BLOCK_MOVED, _moved(block), strict=True))
                self._session.execute(update(t.blocks).where(K.id == block.id).values(values))
        self._session.add_all(changes.added_blocks)
        if changes.rates is not None:
            self._write_rates(calendar.listing_id, changes.rates)
        for booking in changes.bookings:
            if _batched(self._session):
                self._pending.append(booking)
            else:
                self._session.add(booking)

    def _write_rates(self, listing_id: str, rates: RateCalendar) -> None:
        """Replace the overrides read with ``rates`` (all of which come from, or fall in, the
        window read: stored ranges never overlap)."""
        since, until = self._rates_read[listing_id]
        self._session.execute(
            delete(t.rate_overrides).where(
                R.listing_id == listing_id, R.start <= until, R.end > since
            )
        )
        rows = [{"listing_id": listing_id} | attrs.asdict(o) for o in rates.overrides]
        if rows:
            self._session.execute(insert(t.rate_overrides), rows)
        self._session.execute(RATE_SPAN, {"listing_id": listing_id})

    def write_with_commit(self, events: Sequence[Mapping[str, Any]]) -> bool:
        """On psycopg, with a booking added: send its ``INSERT``, the outbox rows ``events``
        and ``COMMIT`` in one round trip and say so (the session's own commit then finds the
        transaction over). Otherwise write nothing and return ``False``."""
        if not self._pending:
            return False
        rows = [_row(booking) for booking in self._pending]
        self._pending.clear()
        writes = [(INSERT_BOOKING, row) for row in rows] + [(INSERT_EVENT, e) for e in events]
        _send(self._session, writes, and_commit=True).close()
        return True

    def discard(self) -> None:
        """Forget the bookings not yet written: the transaction is rolled back."""
        self._pending.clear()
        self._loaded.clear()

    def _read(self, statements: list[Statement], params: dict[str, Any]) -> list[list[Any]]:
        if not _batched(self._session):
            return [list(self._session.execute(s.clause, params)) for s in statements]
        cursor = _send(self._session, [(s, params) for s in statements])
        results = [cursor.fetchall()]
        while cursor.nextset():
            results.append(cursor.fetchall())
        cursor.close()
        return results


def _standing(guest: list[Any], recent: list[Any], earlier: list[list[Any]]) -> GuestStanding:
    """What was read of a booking request's guest: their row (none: not verified), their
    recent bookings, and the idempotency record when it was asked for and found."""
    record = earlier[0][0] if earlier and earlier[0] else None
    return GuestStanding(
        email_verified=bool(guest and guest[0][0]),
        recent=tuple(RecentBooking(**dict(zip(RECENT_FIELDS, r, strict=True))) for r in recent),
        earlier=None
        if record is None
        else IdempotencyRecord(**dict(zip(EARLIER_FIELDS, record, strict=True))),
    )


def _moved(block: Block) -> tuple[Any, ...]:
    return tuple(getattr(block, name) for name in BLOCK_MOVED)


def _row(booking: Booking) -> dict[str, Any]:
    """The booking's columns: its fields, its price's parts in their own columns."""
    values = {f.name: getattr(booking, f.name) for f in attrs.fields(Booking) if f.name != "price"}
    return values | dict(zip(PRICE, booking.price.__composite_values__(), strict=True))


def _batched(session: Session) -> bool:
    """Whether statements go out together, as one string: on psycopg only."""
    return session.get_bind().dialect.driver == "psycopg"


def _send(
    session: Session, batch: Sequence[tuple[Statement, Mapping[str, Any]]], and_commit: bool = False
) -> Any:
    """A psycopg ``ClientCursor`` that has run ``batch`` as one string of statements (with the
    ``BEGIN`` first when the transaction has not begun, and the ``COMMIT`` last when asked),
    positioned on the first statement's result. Driver errors are raised as SQLAlchemy raises
    them, for ``domain_errors``."""
    from psycopg import ClientCursor

    connection = session.connection()
    dialect = connection.dialect
    driver: Any = connection.connection.driver_connection
    parts = [statement.render(dialect, i, values) for i, (statement, values) in enumerate(batch)]
    sql = ";\n".join(part for part, _ in parts) + (";\nCOMMIT" if and_commit else "")
    params: dict[str, Any] = {}
    for _, values in parts:
        params.update(values)
    begin = driver.info.transaction_status == _IDLE
    if begin:
        driver.autocommit = True  # only so that psycopg does not send its own BEGIN first
        sql = "BEGIN;\n" + sql
    cursor = ClientCursor(driver)
    try:
        cursor.execute(sql, params)
    except dialect.loaded_dbapi.Error as error:
        cursor.close()
        raise DBAPIError.instance(
            sql, None, error, dialect.loaded_dbapi.Error, dialect=dialect
        ) from error
    if begin:
        cursor.nextset()  # past the BEGIN's empty result
    return cursor
