"""``rental serve`` against what wedged it: slow clients, malformed requests that gunicorn
answers itself, and a database that accepts connections and never answers.

Each bound below is a generous timeout on a request, to tell "answers" from "hangs"; the
speed itself is measured in ``bench/`` and the README, not asserted here.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.e2e.test_serve import (
    SECRET,
    Server,
    free_port,
    sign_up,
    stop_gracefully,
    wait_until_healthy,
)

CHECK_IN = date.today() + timedelta(days=60)
ANSWERS_WITHIN = 5  # seconds; an unbuffered server never answers while slow clients hold it
SLOW_CLIENTS = 40


@contextmanager
def serving(database_url: str, tmp_path: Path, **env: str) -> Iterator[Server]:
    port = free_port()
    environ = {
        **os.environ, "RENTAL_ENV": "test", "RENTAL_SECRET_KEY": SECRET,
        "RENTAL_REQUIRE_VERIFIED_EMAIL": "false",
        "RENTAL_DATABASE_URL": database_url, **env,
    }  # fmt: skip
    environ.pop("RENTAL_REDIS_URL", None)
    logs = tmp_path / f"serve-{port}.log"
    with logs.open("w") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "rental.entrypoints.cli", "serve", "--port", str(port),
             "--threads", "4"],
            env=environ, stdout=sink, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
    server = Server(process, f"http://127.0.0.1:{port}", logs)
    try:
        wait_until_healthy(server)
        yield server
    finally:
        stop_gracefully(process)


def _slow_clients(server: Server, count: int) -> list[socket.socket]:
    """Connections that each declare a 100 kB body and send one byte of it."""
    port = int(server.base_url.rsplit(":", 1)[1])
    held = []
    for _ in range(count):
        connection = socket.create_connection(("127.0.0.1", port))
        connection.sendall(
            b"POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 100000\r\n\r\n{"
        )
        held.append(connection)
    return held


@pytest.fixture(scope="module")
def shared_server(
    sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """One server for the tests that do not break it: starting one takes seconds."""
    directory = tmp_path_factory.mktemp("hardening")
    shutil.copyfile(sqlite_template, directory / "rental.sqlite3")
    with serving(f"sqlite:///{directory / 'rental.sqlite3'}", directory) as server:
        yield server


def test_forty_slow_clients_leave_healthz_and_a_booking_answering(shared_server: Server) -> None:
    server = shared_server
    host = sign_up(server, "slowhost", "host")
    guest = sign_up(server, "slowguest", "guest")
    listing = requests.post(
        server.url("/api/v1/listings"), timeout=10,
        headers={"Authorization": f"Bearer {host}"},
        json={"title": "Loft", "city": "Lisbon", "country": "PT", "price_per_night": 10000,
              "max_guests": 2},
    ).json()  # fmt: skip
    held = _slow_clients(server, SLOW_CLIENTS)
    try:
        assert requests.get(server.url("/healthz"), timeout=ANSWERS_WITHIN).status_code == 200
        booking = requests.post(
            server.url("/api/v1/bookings"), timeout=ANSWERS_WITHIN,
            headers={"Authorization": f"Bearer {guest}"},
            json={"listing_id": listing["id"], "check_in": str(CHECK_IN),
                  "check_out": str(CHECK_IN + timedelta(days=3)), "guests": 1},
        )  # fmt: skip
        assert booking.status_code == 201, booking.text
    finally:
        for connection in held:
            connection.close()


def _raw(server: Server, request: bytes) -> bytes:
    port = int(server.base_url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    return received


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"GET /" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        (b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 9000 + b"\r\n\r\n", 431),
        (b"NOT A REQUEST LINE\r\n\r\n", 400),
    ],
    ids=["uri-too-long", "header-too-large", "bad-request-line"],
)
def test_gunicorns_own_errors_are_problem_json(
    shared_server: Server, request_bytes: bytes, status: int
) -> None:
    answer = _raw(shared_server, request_bytes)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(f"HTTP/1.1 {status} ".encode()), head
    assert b"content-type: application/problem+json" in head.lower()
    assert f'"status": {status}'.encode() in body


@pytest.fixture
def hung_database() -> Iterator[int]:
    """A local port that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    listener.close()


def test_a_hung_database_fails_requests_in_bounded_time_and_healthz_answers(
    hung_database: int, tmp_path: Path
) -> None:
    url = f"postgresql+psycopg://postgres@127.0.0.1:{hung_database}/rental"
    with serving(
        url, tmp_path, RENTAL_DB_CONNECT_TIMEOUT="2", RENTAL_DB_POOL_TIMEOUT="2"
    ) as server:

        def get() -> Any:
            return requests.get(server.url("/api/v1/listings"), timeout=60)

        with ThreadPoolExecutor(max_workers=10) as pool:
            hung = [pool.submit(get) for _ in range(10)]
            assert requests.get(server.url("/healthz"), timeout=30).status_code == 200
            answers = [future.result(timeout=60) for future in hung]
    assert {answer.status_code for answer in answers} == {503}
    assert all(answer.headers["Retry-After"] == "5" for answer in answers)
    assert all(answer.headers["Content-Type"] == "application/problem+json" for answer in answers)


def test_healthz_answers_while_every_thread_waits_on_a_hung_database(tmp_path: Path) -> None:
    """Twelve requests wait on a database that accepts and never answers, more than the four
    threads: ``/healthz`` still answers at once, before any of them is done, because the
    worker's event loop answers it without a thread."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    url = f"postgresql+psycopg://postgres@127.0.0.1:{listener.getsockname()[1]}/rental"
    try:
        with serving(
            url, tmp_path, RENTAL_DB_CONNECT_TIMEOUT="20", RENTAL_DB_POOL_TIMEOUT="20"
        ) as server:

            def get() -> Any:
                return requests.get(server.url("/api/v1/listings"), timeout=120)

            with ThreadPoolExecutor(max_workers=12) as pool:
                hung = [pool.submit(get) for _ in range(12)]
                # Every one of the four threads is inside a connection attempt.
                deadline = threading.Event()
                while len(accepted) < 4 and not deadline.wait(0.05):
                    pass
                health = requests.get(server.url("/healthz"), timeout=60)
                still_waiting = sum(not future.done() for future in hung)
                head = requests.head(server.url("/healthz"), timeout=60)
                answers = [future.result(timeout=120) for future in hung]
    finally:
        stop.set()
        acceptor.join()
        for connection in accepted:
            connection.close()
        listener.close()
    assert health.status_code == 200 and health.json() == {"status": "ok"}
    assert health.headers["X-Content-Type-Options"] == "nosniff"
    assert head.status_code == 200 and head.content == b""
    assert still_waiting == 12
    assert {answer.status_code for answer in answers} == {503}
