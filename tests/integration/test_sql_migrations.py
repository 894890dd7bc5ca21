"""Migrations build the whole schema from empty and take it down again, on every database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory

from rental.adapters.sqlalchemy import make_engine
from rental.adapters.sqlalchemy.migrations import config, current, downgrade, upgrade
from rental.adapters.sqlalchemy.tables import metadata
from tests.databases import (
    MARIADB_ADMIN_URL,
    POSTGRES_ADMIN_URL,
    create_database,
    drop_database,
    unique_database_name,
)

HEAD = ScriptDirectory.from_config(config("")).get_current_head()


def _server(admin_url: str) -> Iterator[str]:
    name = unique_database_name("rental_migrations")
    url = create_database(admin_url, name).render_as_string(hide_password=False)
    yield url
    drop_database(admin_url, name)


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
        pytest.param("mariadb", id="mariadb", marks=pytest.mark.mariadb),
    ]
)
def empty_database_url(request: pytest.FixtureRequest, tmp_path: object) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/empty.sqlite3"
    else:
        admin = POSTGRES_ADMIN_URL if request.param == "postgres" else MARIADB_ADMIN_URL
        yield from _server(admin)


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_upgrade_from_empty_creates_every_table_and_downgrade_removes_them(
    empty_database_url: str,
) -> None:
    assert current(empty_database_url) is None

    upgrade(empty_database_url)

    assert current(empty_database_url) == HEAD
    assert _tables(empty_database_url) == set(metadata.tables) | {"alembic_version"}

    downgrade(empty_database_url, "base")

    assert current(empty_database_url) is None
    assert _tables(empty_database_url) == {"alembic_version"}

    upgrade(empty_database_url, "0001")  # one step at a time works too
    assert current(empty_database_url) == "0001"
    upgrade(empty_database_url)
    assert current(empty_database_url) == HEAD


def test_migrated_columns_match_the_tables_the_mapping_uses(database_url: str) -> None:
    engine = make_engine(database_url)
    inspector = sa.inspect(engine)
    try:
        for table in metadata.sorted_tables:
            columns = {c["name"]: c for c in inspector.get_columns(table.name)}
            assert set(columns) == set(table.columns.keys()), table.name
            for column in table.columns:
                assert columns[column.name]["nullable"] == column.nullable, column
    finally:
        engine.dispose()
