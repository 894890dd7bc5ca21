"""The stateful property test of bookings, run on SQLite: the SQL adapters must give every
step the same answer as the in-memory ones, and keep the same invariants."""

from __future__ import annotations

import atexit
import shutil
import tempfile
import uuid
from pathlib import Path

from hypothesis import settings

from rental.adapters.sqlalchemy.migrations import upgrade
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
