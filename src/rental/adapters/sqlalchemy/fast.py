"""Statements of the booking path, compiled once and run straight on the driver's cursor.

A booking through the ORM spent four times the CPU of its own SQL, most of it in SQLAlchemy's
per-call work (building and keying statements, the session's identity map, the flush). These
few statements are compiled once per dialect and sent on the session's own connection, in its
transaction, with each column type's bind and result processors, so values come back exactly
as the ORM would give them (aware datetimes, dates, Decimals, booleans) on every database.
What they return are snapshots, not tracked by the session: callers that change an aggregate
load it with the repository's ``get``.

Round trips were the other half of the cost: each costs the client some 30 us of CPU (most of
it in the kernel) besides the wait. So on psycopg the reads that ``fetch_together`` asks for go
out as one string of statements in one ``execute`` (one round trip; the driver binds the
values, quoting them as literals), and writes are ``defer``red: sent before the session's next
query or flush, or with the COMMIT in one more round trip (``commit``). Elsewhere the same
calls send one statement at a time.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, cast

from sqlalchemy import Column, Dialect, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ClauseElement

Processor = Callable[[Any], Any] | None
Params = Mapping[str, Any]
_DEFERRED = "rental_deferred_writes"
_IDLE = 0  # psycopg.pq.TransactionStatus.IDLE, without importing psycopg where it is absent
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


class FastStatement:
    """``statement`` (Core, with named ``bindparam``s) as SQL text for the session's dialect.

    ``columns`` are the selected columns, in order, for SELECTs; a statement with none
    returns nothing.
    """

    def __init__(self, statement: ClauseElement, columns: Sequence[Column[Any]] = ()) -> None:
        self._statement = statement
        self._columns = list(columns)
        self._names = [column.name for column in self._columns]
        self._compiled: dict[str, _Compiled] = {}
        self._lock = threading.Lock()

    def _for(self, dialect: Dialect) -> _Compiled:
        key = f"{dialect.name}+{dialect.driver}"
        compiled = self._compiled.get(key)
        if compiled is None:
            with self._lock:
                compiled = self._compiled.setdefault(key, _Compiled(self._statement, dialect))
        return compiled

    def rows(self, session: Session, params: Params) -> list[dict[str, Any]]:
        """Run a SELECT, after the writes deferred; each row as a dict of column to value."""
        return fetch_together(session, [(self, params)])[0]

    def defer(self, session: Session, params: Sequence[Params]) -> None:
        """Run this statement once per mapping of ``params`` before the session's next query,
        flush or commit, whichever comes first."""
        if params:
            deferred = session.info.setdefault(_DEFERRED, [])
            deferred.extend((self, values) for values in params)

    def _rows(self, dialect: Dialect, cursor: Any) -> list[dict[str, Any]]:
        """The rows of the cursor's current result."""
        processors = self._for(dialect).result_processors(self._columns, lambda: cursor.description)
        rows = cursor.fetchall()
        return [
            {
                name: value if processor is None else processor(value)
                for name, processor, value in zip(self._names, processors, row, strict=True)
            }
            for row in rows
        ]


Batch = Sequence[tuple[FastStatement, Params]]


def fetch_together(session: Session, reads: Batch) -> list[list[dict[str, Any]]]:
    """The rows of each SELECT, run in order after the writes deferred; on psycopg in one round
    trip. Each statement sees what the ones before it did: on PostgreSQL each takes its
    snapshot when it starts, so a read after a row lock sees what the lock waited for."""
    send_deferred(session)
    with _driver(session, reads) as (dialect, driver):
        results = []
        if _as_one_string(dialect):
            cursor = _run(dialect, driver, reads)
            for statement, _ in reads:
                results.append(statement._rows(dialect, cursor))
                cursor.nextset()
            cursor.close()
        else:
            for read in reads:
                cursor = _run(dialect, driver, [read])
                results.append(read[0]._rows(dialect, cursor))
                cursor.close()
        return results


def send_deferred(session: Session) -> None:
    """Send the writes deferred on ``session`` now, in the order they were deferred."""
    if session.info.get(_DEFERRED):
        _send_deferred(session, and_commit=False)


def discard_deferred(session: Session) -> None:
    """Forget the writes deferred: the transaction is rolled back."""
    session.info.pop(_DEFERRED, None)


def commit(session: Session) -> None:
    """Flush the session, send the writes deferred and commit: on psycopg, when the ORM had
    nothing to write, the writes and the COMMIT go in one round trip."""
    if session.new or session.dirty or session.deleted:
        session.flush()  # sends the deferred writes first (see _before_flush)
    if session.info.get(_DEFERRED):
        _send_deferred(session, and_commit=True)
    session.commit()


def _send_deferred(session: Session, and_commit: bool) -> None:
    deferred = session.info.pop(_DEFERRED)
    with _driver(session, deferred) as (dialect, driver):
        if _as_one_string(dialect):
            # The session's own COMMIT then finds the transaction over: nothing left to do.
            _run(dialect, driver, deferred, and_commit=and_commit).close()
        else:
            for write in deferred:
                _run(dialect, driver, [write]).close()


def _as_one_string(dialect: Dialect) -> bool:
    """Whether a batch goes out as one string of statements: psycopg, and not elsewhere
    (PyMySQL would need multi-statement mode for all queries, sqlite3 cannot)."""
    return dialect.driver == "psycopg"


def _run(dialect: Dialect, driver: Any, batch: Batch, and_commit: bool = False) -> Any:
    """A cursor that has run ``batch``: on psycopg as one string of statements (and the COMMIT
    when ``and_commit``), their results to read one after another with ``nextset()``;
    elsewhere ``batch`` is a single statement."""
    if _as_one_string(dialect):
        from psycopg import ClientCursor

        # First in its transaction: the BEGIN goes in the same string, not in a round trip of
        # its own before it (psycopg's way). Autocommit only stops psycopg from sending it;
        # the pool turns it off again when the connection comes back (``restore_begin``).
        begin = driver.info.transaction_status == _IDLE
        if begin:
            driver.autocommit = True
        sql, params = _one_string(dialect, batch, and_commit, begin)
        cursor: Any = ClientCursor(driver)
        cursor.execute(sql, params)
        if begin:
            cursor.nextset()  # past the BEGIN's result
        return cursor
    ((statement, values),) = batch
    compiled = statement._for(dialect)
    cursor = driver.cursor()
    cursor.execute(compiled.sql, compiled.bind(values))
    return cursor


_strings: dict[tuple[Any, ...], str] = {}


def _one_string(
    dialect: Dialect, batch: Batch, and_commit: bool, begin: bool
) -> tuple[str, dict[str, Any]]:
    """The statements of ``batch`` as one string, each one's placeholders renamed apart."""
    key = (dialect.name, and_commit, begin, *(id(statement) for statement, _ in batch))
    sql = _strings.get(key)
    if sql is None:
        parts = [
            _PLACEHOLDER.sub(rf"%(_{i}_\1)s", statement._for(dialect).sql)
            for i, (statement, _) in enumerate(batch)
        ]
        parts = (["BEGIN"] if begin else []) + parts + (["COMMIT"] if and_commit else [])
        sql = _strings.setdefault(key, ";\n".join(parts))
    params: dict[str, Any] = {}
    for i, (statement, values) in enumerate(batch):
        for name, value in statement._for(dialect).bind(values).items():
            params[f"_{i}_{name}"] = value
    return sql, params


@contextmanager
def _driver(session: Session, batch: Batch) -> Iterator[tuple[Dialect, Any]]:
    """The dialect and driver connection of the session (its transaction begun); driver errors
    raised as SQLAlchemy would have raised them, so that ``domain_errors()`` translates them."""
    connection = session.connection()
    dialect = connection.dialect
    try:
        yield dialect, connection.connection.driver_connection
    except dialect.loaded_dbapi.Error as error:
        sql = ";\n".join(statement._for(dialect).sql for statement, _ in batch)
        raise DBAPIError.instance(
            sql, None, error, dialect.loaded_dbapi.Error, dialect=dialect
        ) from error


def restore_begin(dbapi_connection: Any, _record: Any) -> None:
    """A pool ``checkin`` listener for psycopg: a connection that ``_run`` put in autocommit
    mode (to send the BEGIN itself) gets psycopg's own BEGIN back for its next user."""
    connection = dbapi_connection
    if (
        connection.autocommit
        and not connection.closed
        and connection.info.transaction_status == _IDLE
    ):
        connection.autocommit = False


@event.listens_for(Session, "do_orm_execute")
def _before_orm_query(state: ORMExecuteState) -> None:
    send_deferred(state.session)


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    send_deferred(session)


class _Compiled:
    """The statement's SQL for one dialect, how to bind its parameters and read its rows."""

    def __init__(self, statement: ClauseElement, dialect: Dialect) -> None:
        compiled = cast(
            SQLCompiler,
            statement.compile(dialect=dialect),
        )
        self.sql = compiled.string
        # Values given in the statement itself (not "expanding" ones: no IN with a list).
        self._defaults = {k: v for k, v in compiled.params.items() if v is not None}
        self._order = list(compiled.positiontup or ()) if compiled.positional else None
        self._binds: dict[str, Processor] = {
            name: bind.type.dialect_impl(dialect).bind_processor(dialect)
            for name, bind in compiled.binds.items()
        }
        self._dialect = dialect
        self._results: list[Processor] | None = None

    def bind(self, values: Mapping[str, Any]) -> Any:
        merged = {**self._defaults, **values}
        bound = {
            name: value if (processor := self._binds.get(name)) is None else processor(value)
            for name, value in merged.items()
        }
        if self._order is None:
            return bound
        return tuple(bound[name] for name in self._order)

    def result_processors(
        self, columns: Sequence[Column[Any]], description: Callable[[], Any]
    ) -> list[Processor]:
        # The driver's type codes are known only after a run; reading a cursor's description
        # costs as much as the rest of a small query, so once.
        if self._results is None:
            self._results = [
                column.type.dialect_impl(self._dialect).result_processor(self._dialect, entry[1])
                for column, entry in zip(columns, description(), strict=True)
            ]
        return self._results
