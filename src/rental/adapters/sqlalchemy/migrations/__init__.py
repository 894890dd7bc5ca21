"""Alembic migrations shipped inside the package, run programmatically.

``upgrade(url)`` and ``downgrade(url, revision)`` find the scripts next to this module, so an
installed package migrates without an ``alembic.ini`` in the working directory.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from rental.adapters.sqlalchemy.engine import make_engine

SCRIPTS = Path(__file__).resolve().parent


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


def _run(database_url: str, step: object) -> None:
    engine = make_engine(database_url)
    try:
        with engine.begin() as connection:
            cfg = config(database_url)
            cfg.attributes["connection"] = connection
            step(cfg)  # type: ignore[operator]
    finally:
        engine.dispose()
