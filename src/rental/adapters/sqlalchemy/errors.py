"""Database failures that are business outcomes, translated into domain errors.

A constraint that guards a rule (no overlapping live bookings, one email, one username, one
review per booking) becomes that rule's error; a lost race (stale version, deadlock,
serialization failure, lock timeout, a duplicate idempotency key) becomes ``ConcurrentUpdate``,
which the message bus retries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import (
    DBAPIError,
    DisconnectionError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    TimeoutError,
)
from sqlalchemy.orm.exc import StaleDataError

from rental.domain.errors import (
    AlreadyReviewed,
    ConcurrentUpdate,
    DatesUnavailable,
    DomainError,
    EmailTaken,
    UsernameTaken,
)

# Constraint names (PostgreSQL, MariaDB) or "table.column" (SQLite) -> the domain's error.
CONSTRAINTS: dict[str, type[DomainError]] = {
    "bookings_no_overlap": DatesUnavailable,
    "uq_users_email": EmailTaken,
    "users.email": EmailTaken,
    "uq_users_username": UsernameTaken,
    "users.username": UsernameTaken,
    "uq_users_username_lower": UsernameTaken,
    "uq_reviews_booking_side": AlreadyReviewed,
    "reviews.booking_id": AlreadyReviewed,
    # Both sides' first reviews of a stay at once: the loser retries and sees the other's.
    "pk_stay_reviews": ConcurrentUpdate,
    "stay_reviews.booking_id": ConcurrentUpdate,
    "pk_idempotency_keys": ConcurrentUpdate,
    "idempotency_keys.user_id": ConcurrentUpdate,
    # two first messages of one guest about one listing, or two messages at one position
    "uq_threads_listing_id": ConcurrentUpdate,
    "threads.listing_id": ConcurrentUpdate,
    "uq_messages_thread_id": ConcurrentUpdate,
    "messages.thread_id": ConcurrentUpdate,
    # one listing saved twice to one wishlist at once: the loser retries and finds it saved
    "pk_wishlist_items": ConcurrentUpdate,
    "wishlist_items.wishlist_id": ConcurrentUpdate,
    # two asks for an export at once: the loser retries and finds the winner's pending one
    "uq_data_exports_pending_user_id": ConcurrentUpdate,
    "data_exports.pending_user_id": ConcurrentUpdate,
}
# SQLSTATEs (PostgreSQL) and error numbers (MariaDB) of a lost race.
RACE_SQLSTATES = {"40001", "40P01", "55P03"}  # serialization, deadlock, lock not available
RACE_ERRNOS = {1205, 1213}  # lock wait timeout, deadlock
_MYSQL_KEY = re.compile(r"for key '(?:\w+\.)?(\w+)'")
_SQLITE_KEY = re.compile(r"constraint failed: (?:index ')?([\w.]+)")


def _constraint(error: IntegrityError) -> str | None:
    orig = error.orig
    diag = getattr(orig, "diag", None)
    if diag is not None:  # psycopg
        return getattr(diag, "constraint_name", None)
    message = str(orig)
    if getattr(orig, "args", None) and orig.args[0] == 1062:  # type: ignore[union-attr]
        match = _MYSQL_KEY.search(message)
        if match and match.group(1) == "PRIMARY":
            for table in ("idempotency_keys", "stay_reviews", "wishlist_items"):
                if f"INTO {table} " in str(error.statement):
                    return f"pk_{table}"
        return match.group(1) if match else None
    match = _SQLITE_KEY.search(message)
    return match.group(1) if match else None


def translate(error: Exception) -> Exception | None:
    """The domain error ``error`` stands for, or ``None`` when it is a plain failure."""
    if isinstance(error, StaleDataError):
        return ConcurrentUpdate()
    if isinstance(error, IntegrityError):
        found = CONSTRAINTS.get(_constraint(error) or "")
        return found() if found else None
    if isinstance(error, DBAPIError):
        orig = error.orig
        if getattr(orig, "sqlstate", None) in RACE_SQLSTATES:
            return ConcurrentUpdate()
        args = getattr(orig, "args", ())
        if args and args[0] in RACE_ERRNOS:
            return ConcurrentUpdate()
        if "database is locked" in str(orig):  # SQLite, past its busy timeout
            return ConcurrentUpdate()
    return None


@contextmanager
def domain_errors() -> Iterator[None]:
    """Raise the domain's error for a database failure that means one."""
    try:
        yield
    except (StaleDataError, DBAPIError) as error:
        translated = translate(error)
        if translated is None:
            raise
        raise translated from error


# What a database that refuses, drops or hangs raises: SQLAlchemy's wrappers, its pool's
# timeout, and the drivers' own classes when a fast path used the DBAPI connection directly.
_UNAVAILABLE = (OperationalError, InterfaceError, TimeoutError, DisconnectionError)
_DRIVER_UNAVAILABLE = {"OperationalError", "InterfaceError"}
_DRIVERS = ("psycopg", "pymysql", "sqlite3")


def is_unavailable(error: BaseException) -> bool:
    """Whether ``error`` means the database did not answer in time (refused, dropped, timed
    out, pool exhausted): a 503 to try again, not a bug."""
    if isinstance(error, _UNAVAILABLE):
        return True
    kind = type(error)
    for cls in kind.__mro__:
        if cls.__name__ in _DRIVER_UNAVAILABLE and cls.__module__.split(".")[0] in _DRIVERS:
            return True
    return False
