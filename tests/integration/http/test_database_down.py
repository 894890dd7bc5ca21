"""A database that refuses connections, or accepts them and never answers: every endpoint
answers 503 problem+json with Retry-After in bounded time, and ``/healthz`` (liveness) never
touches the database, so it keeps answering."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from flask import Flask

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.composition import bootstrap
from rental.entrypoints.http import create_app
from rental.settings import DatabaseTimeouts
from tests.integration.http.conftest import test_settings
from tests.integration.http.test_hostile_input import OPERATIONS, PathIds
from tests.redis_server import free_port

# Generous: the timeouts below are 1 s; this only tells "bounded" from "hangs".
HANG_SECONDS = 30
FAST_TIMEOUTS = DatabaseTimeouts(connect_seconds=1, pool_seconds=1, statement_ms=1000, lock_ms=1000)
IDS = {"listing_id": "l-1", "block_id": "b-1", "booking_id": "bk-1", "payment_id": "p-1"}


@pytest.fixture
def hung_listener() -> Iterator[int]:
    """A local TCP port that accepts connections and never sends a byte."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    server.close()


def _app(port: int) -> Flask:
    url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/rental"
    rental = bootstrap(
        database_url=url, password_hasher=Argon2Hasher(fast=True), database_timeouts=FAST_TIMEOUTS
    )
    return create_app(test_settings(database_url=url), rental=rental)


def _signed_in_headers(app: Flask) -> dict[str, str]:
    with app.app_context():
        from flask_jwt_extended import create_access_token

        token = create_access_token(identity="u-1", additional_claims={"role": "host", "ver": 0})
    return {"Authorization": f"Bearer {token}"}


def test_a_refusing_database_is_503_with_retry_after_on_every_endpoint() -> None:
    app = _app(free_port())  # nothing listens there: connection refused
    client = app.test_client()
    headers = _signed_in_headers(app)
    seen = {}
    for method, path in OPERATIONS:
        url = path.format_map(PathIds(IDS))
        response = client.open(url, method=method, json={}, headers=headers)
        seen[(method, path)] = response.status_code
        assert response.status_code < 500 or response.status_code == 503, (method, path)
        if response.status_code == 503:
            assert response.mimetype == "application/problem+json"
            assert response.headers["Retry-After"] == "5"
    assert seen[("GET", "/healthz")] == 200
    assert seen[("GET", "/readyz")] == 503
    assert seen[("GET", "/api/v1/listings")] == 503
    assert seen[("GET", "/api/v1/users/me")] == 503  # the token check asks the database
    login = client.post("/api/v1/auth/login", json={"email": "a@x.io", "password": "long enough"})
    assert login.status_code == 503


def test_a_hung_database_fails_requests_in_bounded_time_and_healthz_answers(
    hung_listener: int,
) -> None:
    client = _app(hung_listener).test_client()
    with ThreadPoolExecutor(max_workers=10) as pool:
        hung = [pool.submit(client.get, "/api/v1/listings") for _ in range(10)]
        assert client.get("/healthz").status_code == 200
        answers = [future.result(timeout=HANG_SECONDS) for future in hung]
    assert {answer.status_code for answer in answers} == {503}
    assert all(answer.headers["Retry-After"] for answer in answers)
