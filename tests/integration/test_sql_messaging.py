"""The messaging rules of ``tests/unit/test_messaging.py``, on SQLite, PostgreSQL and MariaDB."""

from __future__ import annotations

import pytest

from tests.unit.builders import World
from tests.unit.test_messaging import *  # noqa: F403 - the same tests, collected here again


@pytest.fixture
def world(database_url: str) -> World:
    return World(database_url=database_url)
