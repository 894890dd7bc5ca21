"""The engine pings a pooled connection only when it has been idle: a connection the server
closed meanwhile is replaced, and a busy one costs no round trip."""

from __future__ import annotations

import time
from typing import Any

import pytest
import sqlalchemy as sa

from rental.adapters.sqlalchemy import make_engine
from tests.databases import DATABASE_PARAMS

SERVER_PARAMS = DATABASE_PARAMS[1:]


def server_side_id(connection: sa.Connection) -> int:
    if connection.dialect.name == "postgresql":
        return int(connection.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())
    return int(connection.exec_driver_sql("SELECT CONNECTION_ID()").scalar_one())


def kill(url: str, session_id: int) -> None:
    """End one server session from another connection, as a server restart or an idle
    timeout would."""
    killer = make_engine(url)
    with killer.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_terminate_backend({session_id})")
        else:
            connection.exec_driver_sql(f"KILL {session_id}")
    killer.dispose()


def count_pings(engine: sa.Engine, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    pings: list[Any] = []
    ping = engine.dialect.do_ping

    def counted(dbapi_connection: Any) -> bool:
        pings.append(dbapi_connection)
        return ping(dbapi_connection)

    monkeypatch.setattr(engine.dialect, "do_ping", counted)
    return pings


@pytest.mark.parametrize("database", SERVER_PARAMS)
def test_an_idle_connection_the_server_closed_is_replaced(
    database: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = request.getfixturevalue(database)
    engine = make_engine(url, ping_after_idle=0.05)
    pings = count_pings(engine, monkeypatch)
    with engine.connect() as connection:
        first = server_side_id(connection)
    kill(url, first)
    time.sleep(0.1)

    with engine.connect() as connection:  # the pool's only connection, dead: pinged, replaced
        assert connection.exec_driver_sql("SELECT 1").scalar_one() == 1
        assert server_side_id(connection) != first
    assert len(pings) == 1
    engine.dispose()


@pytest.mark.parametrize("database", SERVER_PARAMS)
def test_a_connection_used_a_moment_ago_is_not_pinged(
    database: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine(request.getfixturevalue(database), ping_after_idle=60)
    pings = count_pings(engine, monkeypatch)
    for _ in range(3):
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    assert pings == []
    engine.dispose()
