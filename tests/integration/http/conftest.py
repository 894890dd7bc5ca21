"""Fixtures of the HTTP tests: the Flask app over memory, SQLite and PostgreSQL.

``signup(client, role)`` registers and logs in a fresh user and returns
``(user_json, {"Authorization": "Bearer …"})``.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.composition import MEMORY_URL, bootstrap
from rental.entrypoints.http import create_app
from rental.settings import MediaSettings, RateLimit, Settings
from tests.fakes import FakeClock

TEST_SECRET = "test-secret-key-0123456789abcdef-never-in-logs"
PASSWORD = "correct horse battery"
STORAGES = [
    pytest.param("memory", id="memory"),
    pytest.param("sqlite_url", id="sqlite"),
    pytest.param("postgres_url", id="postgres", marks=pytest.mark.postgres),
]
_counter = itertools.count(1)
TEST_MEDIA_ROOT = Path(tempfile.gettempdir()) / f"rental-test-media-{os.getpid()}"


def test_settings(**overrides: Any) -> Settings:
    """Settings of a test app: a known secret, and a rate limit tests do not trip by accident."""
    values: dict[str, Any] = {
        "env": "test",
        "database_url": MEMORY_URL,
        "secret_key": TEST_SECRET,
        "auth_rate_limit": RateLimit(10_000, 60),
        # Photos' files in a directory of this test process, never the working tree's var/.
        "media": MediaSettings(root=TEST_MEDIA_ROOT / str(next(_counter))),
    }
    return Settings(**(values | overrides))


test_settings.__test__ = False  # type: ignore[attr-defined]


@pytest.fixture(scope="session", autouse=True)
def _test_media_root() -> Iterator[None]:
    """The photos' files of this test process go when it ends."""
    yield
    shutil.rmtree(TEST_MEDIA_ROOT, ignore_errors=True)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(params=STORAGES)
def database_url_or_memory(request: pytest.FixtureRequest) -> str:
    """``memory://``, then a fresh migrated SQLite file, then a PostgreSQL database."""
    if request.param == "memory":
        return MEMORY_URL
    url: str = request.getfixturevalue(request.param)
    return url


@pytest.fixture
def rental_app(database_url_or_memory: str, clock: FakeClock) -> Iterator[Flask]:
    """The app over each storage in turn, with a fake clock and fast hashing."""
    rental = bootstrap(
        database_url=database_url_or_memory, clock=clock, password_hasher=Argon2Hasher(fast=True)
    )
    app = create_app(test_settings(database_url=database_url_or_memory), rental=rental)
    yield app
    rental.close()


@pytest.fixture
def memory_app(clock: FakeClock) -> Flask:
    """The app over memory only, for tests of HTTP mechanics that storage cannot change."""
    rental = bootstrap(clock=clock, password_hasher=Argon2Hasher(fast=True))
    return create_app(test_settings(), rental=rental)


@pytest.fixture
def client(rental_app: Flask) -> FlaskClient:
    return rental_app.test_client()


@pytest.fixture
def memory_client(memory_app: Flask) -> FlaskClient:
    return memory_app.test_client()


def signup(client: FlaskClient, role: str = "guest") -> tuple[dict[str, Any], dict[str, str]]:
    """Register a unique user with ``role`` and log in: ``(user_json, bearer headers)``."""
    name = f"{role}{next(_counter)}"
    email = f"{name}@example.com"
    registered = client.post(
        "/api/v1/auth/register",
        json={"username": name, "email": email, "password": PASSWORD, "role": role},
    )
    assert registered.status_code == 201, registered.get_json()
    tokens = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert tokens.status_code == 200, tokens.get_json()
    headers = {"Authorization": f"Bearer {tokens.get_json()['access_token']}"}
    return registered.get_json(), headers


def listing_fields(**overrides: Any) -> dict[str, Any]:
    """A valid listing body."""
    return {
        "title": "Loft by the river",
        "city": "Lisbon",
        "country": "PT",
        "price_per_night": 10000,
        "max_guests": 3,
    } | overrides
