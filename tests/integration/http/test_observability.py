"""Operations over HTTP: the request id, one JSON log line per request with its context, no
secret in any line of a whole booking flow, and the token-protected ``/metrics``."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.logging_notifier import LoggingNotifier
from rental.adapters.telemetry.logs import make_handler
from rental.composition import MEMORY_URL, bootstrap
from rental.entrypoints.http import create_app
from tests.fakes import FakeClock
from tests.integration.http.conftest import PASSWORD, TEST_SECRET, listing_fields, test_settings

METRICS_TOKEN = "metrics-token-for-the-tests-0123"
CARD_TOKEN = "tok_visa"


class RecordingLogNotifier(LoggingNotifier):
    """Logs like the default notifier and keeps each body, to look for it in the logs."""

    def __init__(self) -> None:
        self.bodies: list[str] = []

    def send(self, *, to: str, subject: str, body: str) -> None:
        self.bodies.append(body)
        super().send(to=to, subject=subject, body=body)


@pytest.fixture
def notifier() -> RecordingLogNotifier:
    return RecordingLogNotifier()


def app_over(url: str, clock: FakeClock, notifier: RecordingLogNotifier, **settings: Any) -> Flask:
    rental = bootstrap(
        database_url=url, clock=clock, password_hasher=Argon2Hasher(fast=True), notifier=notifier
    )
    return create_app(test_settings(database_url=url, **settings), rental=rental)


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    """Every line logged during the test, as the JSON handler of production writes them."""
    stream = io.StringIO()
    handler = make_handler("json", stream)
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)  # the strictest case: debug lines must be clean too
    yield stream
    root.removeHandler(handler)
    root.setLevel(level)


def lines(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def booking_flow(client: FlaskClient, clock: FakeClock) -> dict[str, Any]:
    """Register, log in, list, book, pay, refresh, cancel, log out: what a log must survive."""
    seen: dict[str, Any] = {"tokens": []}
    headers = {}
    for role in ("host", "guest"):
        email = f"{role}@flow.example"
        user = {"username": f"{role}flow", "email": email, "password": PASSWORD, "role": role}
        client.post("/api/v1/auth/register", json=user)
        tokens = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
        body = tokens.get_json()
        seen["tokens"] += [body["access_token"], body["refresh_token"]]
        headers[role] = {"Authorization": f"Bearer {body['access_token']}"}
        seen[f"{role}_refresh"] = body["refresh_token"]
    listing = client.post(
        "/api/v1/listings", json=listing_fields(instant_book=True), headers=headers["host"]
    ).get_json()
    check_in = clock.now().date() + timedelta(days=40)
    booking = client.post("/api/v1/bookings", headers=headers["guest"], json={
        "listing_id": listing["id"], "check_in": check_in.isoformat(),
        "check_out": (check_in + timedelta(days=3)).isoformat(), "guests": 2,
    }).get_json()  # fmt: skip
    paid = client.post(
        f"/api/v1/bookings/{booking['id']}/payments", headers=headers["guest"],
        json={"payment_method": "card", "payment_token": CARD_TOKEN},
    )  # fmt: skip
    assert paid.status_code == 201, paid.get_json()
    refreshed = client.post(
        "/api/v1/auth/refresh", headers={"Authorization": f"Bearer {seen['guest_refresh']}"}
    )
    seen["tokens"].append(refreshed.get_json()["access_token"])
    cancelled = client.post(f"/api/v1/bookings/{booking['id']}/cancel", headers=headers["guest"])
    assert cancelled.status_code == 200, cancelled.get_json()
    client.get("/api/v1/users/me", headers={"Authorization": "Bearer not-a-token"})
    client.post("/api/v1/auth/logout", headers=headers["guest"])
    seen["booking_id"], seen["listing_id"] = booking["id"], listing["id"]
    seen["guest_headers"] = headers["guest"]
    return seen


def test_request_ids_are_taken_when_well_formed_and_made_otherwise(
    memory_client: FlaskClient,
) -> None:
    given = memory_client.get("/healthz", headers={"X-Request-ID": "lb-7f3a.9:2"})
    assert given.headers["X-Request-ID"] == "lb-7f3a.9:2"
    for bad in ("has space", "x" * 129, "semi;colon", "é"):
        made = memory_client.get("/healthz", headers={"X-Request-ID": bad})
        assert re.fullmatch(r"[0-9a-f]{32}", made.headers["X-Request-ID"]), bad
    first = memory_client.get("/healthz").headers["X-Request-ID"]
    assert first != memory_client.get("/healthz").headers["X-Request-ID"]
    problem = memory_client.get("/api/v1/no-such-thing")
    assert problem.status_code == 404 and "X-Request-ID" in problem.headers


def test_browser_apps_may_send_and_read_the_request_id(clock: FakeClock) -> None:
    origin = "https://app.example.com"
    rental = bootstrap(clock=clock, password_hasher=Argon2Hasher(fast=True))
    client = create_app(test_settings(cors_origins=(origin,)), rental=rental).test_client()
    preflight = client.options("/api/v1/listings", headers={
        "Origin": origin, "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "X-Request-ID",
    })  # fmt: skip
    assert "x-request-id" in preflight.headers["Access-Control-Allow-Headers"].lower()
    read = client.get("/api/v1/listings", headers={"Origin": origin, "X-Request-ID": "app-1"})
    assert read.headers["X-Request-ID"] == "app-1"
    assert "x-request-id" in read.headers["Access-Control-Expose-Headers"].lower()


def test_a_whole_booking_flow_logs_json_lines_with_context_and_no_secret(
    clock: FakeClock, notifier: RecordingLogNotifier, json_log: io.StringIO
) -> None:
    client = app_over(MEMORY_URL, clock, notifier).test_client()
    seen = booking_flow(client, clock)
    logged = lines(json_log)
    text = json_log.getvalue()

    requests = [line for line in logged if line["logger"] == "rental.http"]
    assert len(requests) == 11
    for line in requests:
        assert {"request_id", "method", "route", "status", "duration_ms", "time", "level"} <= set(
            line
        ), line
        assert line["route"].startswith("/api/v1/"), line["route"]
    by_route = {(line["method"], line["route"]): line for line in requests}
    pay = by_route[("POST", "/api/v1/bookings/<booking_id>/payments")]
    assert pay["status"] == 201 and pay["user_id"]
    assert by_route[("POST", "/api/v1/auth/register")]["user_id"] is None
    # Lines logged inside a request (an email sent after the commit) carry its id.
    emails = [line for line in logged if line["logger"] == "rental.emails"]
    assert emails and all(line.get("request_id") for line in emails)
    assert {line["request_id"] for line in emails} <= {line["request_id"] for line in requests}
    # ... and, in the delivery, the outbox entry and the event's name.
    assert all(line.get("outbox_id") and line.get("event") for line in emails)

    assert notifier.bodies, "emails were sent, so the body check is not vacuous"
    secrets = [PASSWORD, TEST_SECRET, CARD_TOKEN, *seen["tokens"], *notifier.bodies]
    # Decoded too: JSON escapes a body's newlines, which would hide it from a plain grep.
    decoded = "\n".join(str(value) for line in logged for value in line.values())
    for secret in secrets:
        assert secret not in text and secret not in decoded, secret[:12]
    assert seen["booking_id"] not in "".join(line["route"] for line in requests)


def test_metrics_are_not_served_without_a_token_setting(memory_client: FlaskClient) -> None:
    response = memory_client.get("/metrics")
    assert response.status_code == 404
    assert response.content_type == "application/problem+json"


def metric(text: str, name: str, **labels: str) -> float:
    """The value of one sample in an exposition, 0 when absent."""
    for line in text.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        sample, _, value = line.rpartition(" ")
        if all(f'{key}="{wanted}"' in sample for key, wanted in labels.items()):
            return float(value)
    return 0.0


def test_metrics_need_the_token_and_count_requests_bookings_and_payments(
    sqlite_url: str, clock: FakeClock, notifier: RecordingLogNotifier
) -> None:
    client = app_over(sqlite_url, clock, notifier, metrics_token=METRICS_TOKEN).test_client()
    auth = {"Authorization": f"Bearer {METRICS_TOKEN}"}
    assert client.get("/metrics").status_code == 401
    wrong = client.get("/metrics", headers={"Authorization": "Bearer " + "x" * 32})
    assert wrong.status_code == 401 and wrong.headers["WWW-Authenticate"] == "Bearer"
    before = client.get("/metrics", headers=auth).get_data(as_text=True)

    booking_flow(client, clock)
    after = client.get("/metrics", headers=auth)
    assert after.status_code == 200 and after.content_type.startswith("text/plain")
    text = after.get_data(as_text=True)

    def grew(name: str, **labels: str) -> float:
        return metric(text, name, **labels) - metric(before, name, **labels)

    route = "/api/v1/bookings"
    assert grew("rental_http_requests_total", route=route, method="POST", status="201") == 1
    assert grew("rental_http_request_duration_seconds_count", route=route, status="201") == 1
    assert grew("rental_http_requests_total", route="/api/v1/users/me", status="401") == 1
    assert grew("rental_bookings_total", event="requested") == 1
    assert grew("rental_bookings_total", event="confirmed") == 1
    assert grew("rental_bookings_total", event="cancelled") == 1
    assert grew("rental_payments_total", status="captured") == 1
    assert grew("rental_payments_total", status="refunded") == 1
    # Delivered in process after each commit, so nothing waits in the outbox.
    assert "rental_outbox_backlog 0.0" in text
    assert "rental_outbox_oldest_due_age_seconds 0.0" in text
    assert 'rental_probe_up{probe="outbox"} 1.0' in text
    assert metric(text, "rental_db_pool_capacity", database="primary") > 0
    assert "rental_db_pool_connections_in_use" in text
