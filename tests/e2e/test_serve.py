"""``rental serve`` as a real process on a free port, driven through a whole booking over HTTP."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

SECRET = "e2e-secret-key-that-must-never-be-logged-0123456789"
START_SECONDS = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """A running ``rental serve`` and what it wrote once stopped."""

    def __init__(self, process: subprocess.Popen[str], base_url: str, logs: Path) -> None:
        self.process, self.base_url, self.logs = process, base_url, logs

    def url(self, path: str) -> str:
        return self.base_url + path

    def output(self) -> str:
        return self.logs.read_text(errors="replace")


def wait_until_healthy(server: Server) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"rental serve exited early:\n{server.output()}")
        try:
            if requests.get(server.url("/healthz"), timeout=2).status_code == 200:
                return
        # Refused before gunicorn binds; a read timeout while its worker is still booting.
        except requests.RequestException:
            time.sleep(0.2)
    pytest.fail(f"rental serve did not answer /healthz in {START_SECONDS}s:\n{server.output()}")


@pytest.fixture
def server(sqlite_url: str, tmp_path: Path) -> Iterator[Server]:
    port = free_port()
    env = {
        **os.environ, "RENTAL_ENV": "test", "RENTAL_SECRET_KEY": SECRET,
        "RENTAL_REQUIRE_VERIFIED_EMAIL": "false",
        "RENTAL_DATABASE_URL": sqlite_url, "RENTAL_LOG_LEVEL": "DEBUG",
    }  # fmt: skip
    env.pop("RENTAL_REDIS_URL", None)
    logs = tmp_path / "serve.log"
    with logs.open("w") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "rental.entrypoints.cli", "serve", "--port", str(port),
             "--threads", "4"],
            env=env, stdout=sink, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
    running = Server(process, f"http://127.0.0.1:{port}", logs)
    try:
        wait_until_healthy(running)
        yield running
    finally:
        stop_gracefully(process)


def stop_gracefully(process: subprocess.Popen[str], timeout: float = 40) -> None:
    """SIGTERM, as an orchestrator stops it; killed if it has not ended after ``timeout``."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def call(server: Server, method: str, path: str, token: str | None = None, **kw: Any) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.request(method, server.url("/api/v1" + path), headers=headers, timeout=10, **kw)


def sign_up(server: Server, name: str, role: str) -> str:
    user = {"username": name, "email": f"{name}@e2e.io", "password": "long-password", "role": role}
    assert call(server, "POST", "/auth/register", json=user).status_code == 201
    login = call(server, "POST", "/auth/login", json={"email": user["email"],
                                                     "password": user["password"]})  # fmt: skip
    assert login.status_code == 200
    return str(login.json()["access_token"])


def test_a_whole_booking_over_http_then_a_graceful_stop(server: Server) -> None:
    host, guest = sign_up(server, "hana", "host"), sign_up(server, "gus", "guest")
    fields = {"title": "Loft by the river", "city": "Lisbon", "country": "PT",
              "timezone": "Europe/Lisbon", "currency": "EUR", "price_per_night": 10000,
              "cleaning_fee": 2500, "max_guests": 3, "cancellation_policy": "flexible"}  # fmt: skip
    listing = call(server, "POST", "/listings", host, json=fields)
    assert listing.status_code == 201, listing.text
    listing_id = listing.json()["id"]
    check_in = datetime.now(UTC).date() + timedelta(days=30)
    stay = {"check_in": check_in.isoformat(), "check_out": (check_in + timedelta(3)).isoformat()}

    found = call(server, "GET", "/listings", params={"city": "lisbon", **stay})
    booked = call(server, "POST", "/bookings", guest, json={"listing_id": listing_id,
                                                            "guests": 2, **stay})  # fmt: skip
    booking_id = booked.json()["id"]
    taken = call(server, "GET", "/listings", params={"city": "lisbon", **stay})
    paid = call(server, "POST", f"/bookings/{booking_id}/payments", guest,
                json={"payment_method": "card", "payment_token": "tok_visa"})  # fmt: skip
    confirmed = call(server, "GET", f"/bookings/{booking_id}", guest)
    cancelled = call(server, "POST", f"/bookings/{booking_id}/cancel", guest)

    assert [x["id"] for x in found.json()["items"]] == [listing_id]
    assert booked.status_code == 201 and booked.json()["status"] == "pending"
    # 3 x 100.00 + 25.00 cleaning, then 10 % service: 357.50 EUR.
    assert booked.json()["price"]["total"] == 35750
    assert taken.json()["total"] == 0
    assert paid.status_code == 201 and paid.json()["status"] == "captured"
    assert confirmed.json()["status"] == "confirmed"
    assert cancelled.status_code == 200
    assert (cancelled.json()["status"], cancelled.json()["refund_amount"]) == ("cancelled", 35750)

    # The same marketplace through GraphQL: one more booking, on the same listing.
    later = check_in + timedelta(days=10)
    mutation = """mutation($input: RequestBookingInput!) { requestBooking(input: $input) {
        id status price { total } listing { id } } }"""
    stay_input = {"checkIn": later.isoformat(), "checkOut": (later + timedelta(3)).isoformat()}
    variables = {"input": {"listingId": listing_id, "guests": 2, **stay_input}}
    over_graphql = call(server, "POST", "/graphql", guest,
                        json={"query": mutation, "variables": variables})  # fmt: skip
    assert over_graphql.status_code == 200, over_graphql.text
    made = over_graphql.json()["data"]["requestBooking"]
    assert (made["status"], made["price"]["total"], made["listing"]["id"]) == (
        "PENDING", 35750, listing_id,
    )  # fmt: skip
    assert call(server, "GET", f"/bookings/{made['id']}", guest).json()["status"] == "pending"

    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(timeout=40) == 0
    assert SECRET not in server.output()
    assert "long-password" not in server.output()
