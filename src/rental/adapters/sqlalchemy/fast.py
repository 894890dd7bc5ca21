"""Statements of the booking path, compiled once and run straight on the driver's cursor.

A booking through the ORM spent four times the CPU of its own SQL, most of it in SQLAlchemy's
per-call work (building and keying statements, the session's identity map, the flush). These
few statements are compiled once per dialect and sent on the session's own connection, in its
transaction, with each column type's bind and result processors, so values come back exactly
as the ORM would give them (aware datetimes, dates, Decimals, booleans) on every database.
What they return are snapshots, not tracked by the session: callers that change an aggregate
load it with the repository's ``get``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Column, Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ClauseElement

Processor = Callable[[Any], Any] | None


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

    def rows(self, session: Session, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Run a SELECT; each row as a dict of column name to value."""
        return self._run(session, [params], fetch=True)

    def run(self, session: Session, params: Sequence[Mapping[str, Any]]) -> None:
        """Run an INSERT (or other statement) once per mapping of ``params``."""
        if params:
            self._run(session, params, fetch=False)

    def _run(
        self, session: Session, params: Sequence[Mapping[str, Any]], fetch: bool
    ) -> list[dict[str, Any]]:
        connection = session.connection()  # begins the session's transaction if need be
        dialect = connection.dialect
        compiled = self._for(dialect)
        driver_params = [compiled.bind(values) for values in params]
        cursor = connection.connection.cursor()
        try:
            if len(driver_params) == 1:
                cursor.execute(compiled.sql, driver_params[0])
            else:
                cursor.executemany(compiled.sql, driver_params)
            if not fetch:
                return []
            processors = compiled.result_processors(self._columns, lambda: cursor.description)
            return [
                {
                    name: value if processor is None else processor(value)
                    for name, processor, value in zip(self._names, processors, row, strict=True)
                }
                for row in cursor.fetchall()
            ]
        except dialect.loaded_dbapi.Error as error:
            # As SQLAlchemy would have raised it, so that domain_errors() translates it.
            raise DBAPIError.instance(
                compiled.sql, driver_params, error, dialect.loaded_dbapi.Error, dialect=dialect
            ) from error
        finally:
            cursor.close()


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
