"""``rental db …``: the schema's migrations on ``RENTAL_DATABASE_URL``."""

from __future__ import annotations

from pathlib import Path

import click
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from rental.composition import MEMORY_URL
from rental.settings import Settings, SettingsError


def check_database_url(database_url: str) -> None:
    """Refuse a ``RENTAL_DATABASE_URL`` that is no URL at all (without echoing it: it may
    hold a password)."""
    if database_url == MEMORY_URL:
        return
    try:
        make_url(database_url)
    except ArgumentError:
        raise SettingsError(
            "RENTAL_DATABASE_URL is not a database URL such as sqlite:///var/rental.db or "
            "postgresql+psycopg://user:password@host:5432/rental."
        ) from None


def describe_url(database_url: str) -> str:
    """The URL with its password masked, fit for logs and messages."""
    if database_url == MEMORY_URL:
        return database_url
    return make_url(database_url).render_as_string(hide_password=True)


def sql_url(settings: Settings) -> str:
    if settings.database_url == MEMORY_URL:
        raise click.UsageError("RENTAL_DATABASE_URL=memory:// has no schema to migrate.")
    return settings.database_url


def ensure_sqlite_folder(database_url: str) -> None:
    """SQLite creates its file but not the folder it sits in (``./var`` on a fresh clone)."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)


def _migrate(step: str, database_url: str, revision: str) -> str:
    """Run ``step`` and return the revision the database is at afterwards."""
    from alembic.util.exc import CommandError

    from rental.adapters.sqlalchemy import migrations

    try:
        if step == "upgrade":
            migrations.upgrade(database_url, revision)
        elif step == "downgrade":
            migrations.downgrade(database_url, revision)
        return migrations.current(database_url) or "base"
    except CommandError as error:  # an unknown revision, say
        raise click.ClickException(str(error)) from None
    except SQLAlchemyError as error:
        # The driver's first line says what went wrong; the rest is SQL.
        reason = str(getattr(error, "orig", None) or error).splitlines()[0]
        raise click.ClickException(f"database error: {reason}") from None


@click.group()
def db() -> None:
    """Database schema: migrate up or down, show the current revision."""


@db.command()
@click.argument("revision", default="head")
@click.pass_obj
def upgrade(settings: Settings, revision: str) -> None:
    """Migrate the schema up to REVISION (default: the newest)."""
    url = sql_url(settings)
    ensure_sqlite_folder(url)
    at = _migrate("upgrade", url, revision)
    click.echo(f"Database {describe_url(url)} is at revision {at}.")


@db.command()
@click.argument("revision")
@click.pass_obj
def downgrade(settings: Settings, revision: str) -> None:
    """Migrate the schema down to REVISION (``base``: drop every table)."""
    url = sql_url(settings)
    at = _migrate("downgrade", url, revision)
    click.echo(f"Database {describe_url(url)} is at revision {at}.")


@db.command()
@click.pass_obj
def current(settings: Settings) -> None:
    """Print the revision the database is at (``base`` if never migrated)."""
    click.echo(_migrate("current", sql_url(settings), "head"))
