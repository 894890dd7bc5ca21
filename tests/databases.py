"""Pytest fixtures for real databases: a fresh, migrated, uniquely named database per session
and worker, emptied after each test and dropped at the end.

``postgres_url``, ``mariadb_url`` and ``sqlite_url`` give the URL of such a database;
``database_url`` is parametrized over the three. Migrating is slow, so each server database is
created and migrated once per test session (and pytest-xdist worker) and its rows are deleted
after every test; SQLite copies a migrated template file into the test's ``tmp_path``.

A server that does not answer skips its tests, unless ``RENTAL_REQUIRE_SERVICES=1`` makes that
a failure (CI). The servers' admin URLs can be moved with ``RENTAL_TEST_POSTGRES_URL`` and
``RENTAL_TEST_MARIADB_URL``.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url

POSTGRES_ADMIN_URL = os.environ.get(
    "RENTAL_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
MARIADB_ADMIN_URL = os.environ.get(
    "RENTAL_TEST_MARIADB_URL", "mysql+pymysql://root@127.0.0.1:3306/test"
)
SERVER_NAMES = {"postgresql": "PostgreSQL", "mysql": "MariaDB"}


def unique_database_name(prefix: str = "rental_test") -> str:
    """A database name no other run or xdist worker uses."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return f"{prefix}_{worker}_{uuid.uuid4().hex[:10]}"


def _unreachable(admin_url: str, error: Exception) -> None:
    url = make_url(admin_url)
    name = SERVER_NAMES.get(url.get_backend_name(), url.get_backend_name())
    message = f"{name} at {url.host}:{url.port} is unreachable: {error}"
    if os.environ.get("RENTAL_REQUIRE_SERVICES") == "1":
        pytest.fail(message)
    pytest.skip(message)


def admin_engine(admin_url: str) -> Engine:
    """An autocommit engine on the server's maintenance database (skips if unreachable)."""
    engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    except sa.exc.OperationalError as error:
        _unreachable(admin_url, error)
    return engine


def create_database(admin_url: str, name: str) -> URL:
    """Create an empty database ``name`` on the server of ``admin_url``; return its URL."""
    engine = admin_engine(admin_url)
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        else:
            connection.exec_driver_sql(
                f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
            )
    engine.dispose()
    return make_url(admin_url).set(database=name)


def drop_database(admin_url: str, name: str) -> None:
    engine = admin_engine(admin_url)
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        else:
            connection.exec_driver_sql(f"DROP DATABASE IF EXISTS `{name}`")
    engine.dispose()


def sql_uow_factory(engine: Engine) -> Callable[[], Any]:
    """A factory of SQL units of work on ``engine``, as ``bootstrap()`` makes them."""
    from rental.adapters.sqlalchemy import SqlUnitOfWork, make_session_factory

    session_factory = make_session_factory(engine)
    return lambda: SqlUnitOfWork(session_factory)


def migrate(url: str) -> None:
    from rental.adapters.sqlalchemy.migrations import upgrade

    upgrade(url)


_delete_order: dict[str, list[str]] = {}
APPEND_ONLY = {"audit_log"}  # PostgreSQL refuses DELETE on it, even to its owner


def delete_all_rows(url: str) -> None:
    """Empty every table of the schema, children first (rows only; the schema stays)."""
    engine = sa.create_engine(url, poolclass=sa.NullPool)
    with engine.begin() as connection:
        if url not in _delete_order:
            reflected = sa.MetaData()
            reflected.reflect(connection)
            tables = reversed(reflected.sorted_tables)
            _delete_order[url] = [t.name for t in tables if t.name != "alembic_version"]
        for name in _delete_order[url]:
            if name in APPEND_ONLY and connection.dialect.name == "postgresql":
                connection.execute(sa.text(f"TRUNCATE {name}"))  # its trigger refuses DELETE
            else:
                connection.execute(sa.table(name).delete())
    engine.dispose()


def _server_database(admin_url: str) -> Iterator[str]:
    name = unique_database_name()
    url = create_database(admin_url, name).render_as_string(hide_password=False)
    try:
        migrate(url)
        yield url
    finally:
        drop_database(admin_url, name)


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A migrated PostgreSQL database for this session (and xdist worker)."""
    yield from _server_database(POSTGRES_ADMIN_URL)


@pytest.fixture(scope="session")
def mariadb_database() -> Iterator[str]:
    """A migrated MariaDB database for this session (and xdist worker)."""
    yield from _server_database(MARIADB_ADMIN_URL)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file that each test copies."""
    path = tmp_path_factory.mktemp("sqlite_template") / "rental.sqlite3"
    migrate(f"sqlite:///{path}")
    return path


@pytest.fixture
def postgres_url(postgres_database: str) -> Iterator[str]:
    """URL of a migrated PostgreSQL database, empty at the start of the test and after it."""
    yield postgres_database
    delete_all_rows(postgres_database)


@pytest.fixture
def mariadb_url(mariadb_database: str) -> Iterator[str]:
    """URL of a migrated MariaDB database, empty at the start of the test and after it."""
    yield mariadb_database
    delete_all_rows(mariadb_database)


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    """URL of a migrated SQLite file of the test's own."""
    path = tmp_path / "rental.sqlite3"
    shutil.copyfile(sqlite_template, path)
    return f"sqlite:///{path}"


DATABASE_PARAMS = [
    pytest.param("sqlite_url", id="sqlite"),
    pytest.param("postgres_url", id="postgres", marks=pytest.mark.postgres),
    pytest.param("mariadb_url", id="mariadb", marks=pytest.mark.mariadb),
]


@pytest.fixture(params=DATABASE_PARAMS)
def database_url(request: Any) -> str:
    """Each of SQLite, PostgreSQL and MariaDB in turn: a migrated, empty database's URL."""
    url: str = request.getfixturevalue(request.param)
    return url
