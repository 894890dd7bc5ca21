"""Alembic migrations shipped inside the package, run programmatically.

``upgrade(url)`` and ``downgrade(url, revision)`` find the scripts next to this module, so an
installed package migrates without an ``alembic.ini`` in the working directory.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, text

from rental.adapters.sqlalchemy.engine import make_engine

SCRIPTS = Path(__file__).resolve().parent
# Several API containers may start together and each run `rental db upgrade`: one migrates
# while the others wait on this lock, then find the schema at head and do nothing.
ADVISORY_LOCK_KEY = 0x72656E74616C  # "rental"
MYSQL_LOCK_NAME = "rental_migrations"
MYSQL_LOCK_WAIT_SECONDS = 600


def config(database_url: str) -> Config:
    """An Alembic configuration for ``database_url`` with the packaged scripts."""
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    cfg.attributes["database_url"] = database_url
    return cfg


def upgrade(database_url: str, revision: str = "head") -> None:
    """Migrate the database up to ``revision`` (the newest by default)."""
    _run(database_url, lambda cfg: command.upgrade(cfg, revision))


def downgrade(database_url: str, revision: str) -> None:
    """Migrate the database down to ``revision`` (``"base"``: an empty schema)."""
    _run(database_url, lambda cfg: command.downgrade(cfg, revision))


def current(database_url: str) -> str | None:
    """The revision the database is at, or ``None`` if it was never migrated."""
    from alembic.runtime.migration import MigrationContext

    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def _serialize(connection: Connection) -> None:
    """Take the migrations' lock: PostgreSQL's lasts as long as the transaction that also runs
    the DDL; MariaDB's as long as the session (its DDL commits as it goes)."""
    backend = connection.dialect.name
    if backend == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK_KEY})
    elif backend in ("mysql", "mariadb"):
        got = connection.execute(
            text("SELECT GET_LOCK(:name, :wait)"),
            {"name": MYSQL_LOCK_NAME, "wait": MYSQL_LOCK_WAIT_SECONDS},
        ).scalar()
        if got != 1:
            raise RuntimeError("another `rental db upgrade` held the migrations' lock too long")


def _run(database_url: str, step: object) -> None:
    engine = make_engine(database_url)
    try:
        with engine.begin() as connection:
            _serialize(connection)
            cfg = config(database_url)
            cfg.attributes["connection"] = connection
            step(cfg)  # type: ignore[operator]
    finally:
        engine.dispose()
