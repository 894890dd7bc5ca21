"""Several ``rental db upgrade`` at once (API containers starting together): one migrates, the
others wait for its lock and find the schema at head; none fails."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from alembic.script import ScriptDirectory

from rental.adapters.sqlalchemy import migrations
from tests.databases import (
    MARIADB_ADMIN_URL,
    POSTGRES_ADMIN_URL,
    create_database,
    drop_database,
    unique_database_name,
)

SERVERS = [
    pytest.param(POSTGRES_ADMIN_URL, id="postgres", marks=pytest.mark.postgres),
    pytest.param(MARIADB_ADMIN_URL, id="mariadb", marks=pytest.mark.mariadb),
]
MIGRATORS = 4


@pytest.fixture(params=SERVERS)
def empty_database(request: pytest.FixtureRequest) -> Iterator[str]:
    admin_url: str = request.param
    name = unique_database_name("rental_migrate")
    url = create_database(admin_url, name)
    yield url.render_as_string(hide_password=False)
    drop_database(admin_url, name)


def test_concurrent_upgrades_migrate_once_and_all_succeed(empty_database: str) -> None:
    errors: list[BaseException] = []
    start = threading.Barrier(MIGRATORS)

    def upgrade() -> None:
        start.wait()
        try:
            migrations.upgrade(empty_database)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=upgrade) for _ in range(MIGRATORS)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 90  # only to detect a hang: they deadlock without the lock
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
    assert not any(thread.is_alive() for thread in threads), "the migrators hang"
    assert errors == []
    head = migrations.config(empty_database)
    assert (
        migrations.current(empty_database) == ScriptDirectory.from_config(head).get_current_head()
    )
