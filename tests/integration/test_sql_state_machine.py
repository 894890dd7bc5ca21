"""The stateful property test of bookings, run on SQLite, PostgreSQL and MariaDB: the SQL
adapters must give every step the same answer as the in-memory ones, and keep the same
invariants."""

from __future__ import annotations

import atexit
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.stateful import run_state_machine_as_test

from rental.adapters.sqlalchemy.migrations import upgrade
from tests.databases import delete_all_rows
from tests.unit.builders import World
from tests.unit.test_booking_state_machine import BookingMachine

_template: Path | None = None


def _fresh_database() -> str:
    """A copy of one migrated SQLite file: migrating anew for every example would be slow."""
    global _template
    if _template is None:
        folder = tempfile.mkdtemp(prefix="rental-machine-")
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        _template = Path(folder) / "template.db"
        upgrade(f"sqlite:///{_template}")
    copy = _template.with_name(f"{uuid.uuid4().hex}.db")
    shutil.copyfile(_template, copy)
    return f"sqlite:///{copy}"


class SqliteBookingMachine(BookingMachine):
    def make_world(self) -> World:
        self._url = _fresh_database()
        return World(database_url=self._url)

    def teardown(self) -> None:
        super().teardown()
        database = self._url.removeprefix("sqlite:///")
        for suffix in ("", "-wal", "-shm"):
            Path(database + suffix).unlink(missing_ok=True)


TestSqliteBookingMachine = SqliteBookingMachine.TestCase
TestSqliteBookingMachine.settings = settings(max_examples=25, stateful_step_count=25, deadline=None)


class ServerBookingMachine(BookingMachine):
    """The walk on a server database, emptied before each example."""

    database_url = ""

    def make_world(self) -> World:
        delete_all_rows(self.database_url)
        return World(database_url=self.database_url)


@pytest.mark.parametrize("server", ["postgres_url", "mariadb_url"])
def test_the_walk_on_postgresql_and_mariadb(server: str, request: pytest.FixtureRequest) -> None:
    url = request.getfixturevalue(server)
    machine = type("Machine", (ServerBookingMachine,), {"database_url": url})
    run_state_machine_as_test(
        machine, settings=settings(max_examples=12, stateful_step_count=20, deadline=None)
    )
