"""Alembic's environment: runs the migrations on the connection ``upgrade()`` hands in."""

from __future__ import annotations

from alembic import context

from rental.adapters.sqlalchemy.engine import make_engine
from rental.adapters.sqlalchemy.tables import metadata


def run_migrations(connection: object) -> None:
    context.configure(connection=connection, target_metadata=metadata)  # type: ignore[arg-type]
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    # Invoked by the alembic command line: sqlalchemy.url comes from its ini file.
    engine = make_engine(context.config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as new_connection:
        run_migrations(new_connection)
    engine.dispose()


main()
