"""Engines for the three databases, each set up for correct concurrent bookings."""

from __future__ import annotations

import math
import sqlite3
import time
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import InvalidatePoolError

from rental.application.time_budget import check_time_left
from rental.settings import DatabaseTimeouts

SQLITE_BUSY_TIMEOUT_MS = 30_000
# A request thread may hold three connections at once after its commit (the relay's claim, a
# consumer's ledger row kept open while it acts, and the consumer's reads); the default pool
# (5 + 10) ran dry with 20 threads booking at once. 10 + 20 covers `rental serve`'s 8 threads.
POOL_SIZE, MAX_OVERFLOW = 10, 20
# A pooled connection idle for longer than this is pinged before it is handed out (and replaced,
# with every older one, if the server has gone away); one in use a moment ago is handed out as
# it is. Pinging every checkout cost a round trip per command on the booking path.
PING_AFTER_IDLE_SECONDS = 2.0
_IDLE_SINCE = "rental_idle_since"
# Execution option of read-only work: on SQLite it starts a deferred (shared) transaction.
READ_ONLY = "rental_read_only"


def normalize_url(database_url: str | URL) -> URL:
    """Pick our drivers: psycopg 3 for PostgreSQL, PyMySQL for MariaDB/MySQL."""
    url = make_url(database_url)
    backend = url.get_backend_name()
    if backend == "postgresql":
        return url.set(drivername="postgresql+psycopg")
    if backend in ("mysql", "mariadb"):
        return url.set(drivername=f"{backend}+pymysql").update_query_dict({"charset": "utf8mb4"})
    return url


def make_engine(
    database_url: str | URL,
    *,
    ping_after_idle: float = PING_AFTER_IDLE_SECONDS,
    timeouts: DatabaseTimeouts | None = None,
    **options: Any,
) -> Engine:
    """An engine for ``database_url`` (``RENTAL_DATABASE_URL``).

    PostgreSQL: psycopg 3 without server-side prepared statements (the search's generic plan
    is several times slower than a custom one). MariaDB: READ COMMITTED, so that a transaction
    that waited for a listing's row lock sees what the previous holder committed. SQLite: WAL,
    foreign keys, a busy timeout, and ``BEGIN IMMEDIATE`` for every transaction that may write,
    so writers queue instead of failing to upgrade their locks. On all three, a connection
    idle for ``ping_after_idle`` seconds is pinged before use. ``timeouts`` (the server's
    and the worker's, not migrations', which may run long) bound waiting: to connect and for
    a pooled connection everywhere, and on PostgreSQL and MariaDB for a statement and a lock
    too (SQLite keeps its busy timeout).
    """
    url = normalize_url(database_url)
    backend = url.get_backend_name()
    kwargs: dict[str, Any] = {}
    if url.database not in (None, "", ":memory:"):  # an in-memory SQLite has one connection
        kwargs.update(pool_size=POOL_SIZE, max_overflow=MAX_OVERFLOW)
        if timeouts is not None:
            kwargs["pool_timeout"] = timeouts.pool_seconds
    connect_args: dict[str, Any] = {}
    if backend == "postgresql":
        connect_args["prepare_threshold"] = None
    elif backend in ("mysql", "mariadb"):
        kwargs["isolation_level"] = "READ COMMITTED"
        kwargs["pool_recycle"] = 3600
    elif backend == "sqlite":
        connect_args["timeout"] = SQLITE_BUSY_TIMEOUT_MS / 1000
    if timeouts is not None:
        connect_args.update(_bounded_waits(backend, timeouts))
    kwargs["connect_args"] = connect_args
    kwargs.update(options)
    engine = create_engine(url, **kwargs)
    _ping_when_idle(engine, ping_after_idle)
    event.listen(engine, "before_cursor_execute", _reads_within_budget)
    if backend == "sqlite":
        _set_up_sqlite(engine)
    if url.get_driver_name() == "psycopg":  # the calendars adapter may have sent BEGIN itself
        event.listen(engine, "checkin", restore_begin)
    return engine


def _bounded_waits(backend: str, timeouts: DatabaseTimeouts) -> dict[str, Any]:
    """The driver's arguments that bound connecting, statements and lock waits."""
    if backend == "postgresql":
        return {
            "connect_timeout": timeouts.connect_seconds,
            "options": f"-c statement_timeout={timeouts.statement_ms}"
            f" -c lock_timeout={timeouts.lock_ms}",
        }
    if backend in ("mysql", "mariadb"):
        # A read may wait for a statement's full time; the socket gives up a little later.
        read_seconds = timeouts.statement_ms // 1000 + timeouts.connect_seconds
        return {
            "connect_timeout": timeouts.connect_seconds,
            "read_timeout": read_seconds,
            "write_timeout": read_seconds,
            "init_command": f"SET SESSION max_statement_time = {timeouts.statement_ms / 1000},"
            f" innodb_lock_wait_timeout = {max(1, timeouts.lock_ms // 1000)}",
        }
    return {}


def _reads_within_budget(connection: Any, *_args: Any) -> None:
    """No read starts once the request's time budget is spent (writes always finish)."""
    if connection.get_execution_options().get(READ_ONLY, False):
        check_time_left()


def _set_up_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event, not the driver, open transactions.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()
        _ensure_math_functions(dbapi_connection)

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


# The map search's distance (``geo.great_circle_km``) needs these; SQLite has them when built
# with its math functions (3.35 on; Debian's, python.org's), and else gets Python's.
MATH_FUNCTIONS = {
    "radians": math.radians, "sin": math.sin, "cos": math.cos, "asin": math.asin,
    "sqrt": math.sqrt,
}  # fmt: skip # one table of names, read across


def _ensure_math_functions(dbapi_connection: Any) -> None:
    try:
        dbapi_connection.execute("SELECT radians(0), sin(0), cos(0), asin(0), sqrt(0)")
    except sqlite3.OperationalError:
        for name, function in MATH_FUNCTIONS.items():
            dbapi_connection.create_function(name, 1, function, deterministic=True)


def _ping_when_idle(engine: Engine, after: float) -> None:
    """SQLAlchemy's ``pool_pre_ping``, for connections idle ``after`` seconds or more."""
    dialect = engine.dialect

    @event.listens_for(engine, "connect")
    def on_connect(_dbapi_connection: Any, record: Any) -> None:
        record.info.pop(_IDLE_SINCE, None)  # a new connection needs no ping

    @event.listens_for(engine, "checkin")
    def on_checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info[_IDLE_SINCE] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def on_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get(_IDLE_SINCE)
        if idle_since is None or time.monotonic() - idle_since < after:
            return
        try:
            dialect.do_ping(dbapi_connection)
        except dialect.loaded_dbapi.Error as error:
            if dialect.is_disconnect(error, dbapi_connection, None):
                # The pool replaces this connection and every one older, as pre-ping does.
                raise InvalidatePoolError("the server closed an idle connection") from error
            raise


def restore_begin(dbapi_connection: Any, _record: Any) -> None:
    """A pool ``checkin`` listener for psycopg: a connection that the calendars adapter put in
    autocommit mode (to send the BEGIN itself, in its first string of statements) gets
    psycopg's own BEGIN back for its next user."""
    connection = dbapi_connection
    if (
        connection.autocommit
        and not connection.closed
        and connection.info.transaction_status == 0  # psycopg.pq.TransactionStatus.IDLE
    ):
        connection.autocommit = False
