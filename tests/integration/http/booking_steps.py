"""Steps the booking, payment and review API tests share: a host's listing, a booking, a
payment, and days counted from the fake clock's today."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from rental.application import commands as c
from rental.composition import Rental
from tests.fakes import FakeClock
from tests.integration.http.conftest import PASSWORD, listing_fields, signup

API = "/api/v1"
_admins = itertools.count(1)


def rental_of(app: Flask) -> Rental:
    rental: Rental = app.extensions["rental"]
    return rental


def day(clock: FakeClock, days: int) -> str:
    """The date ``days`` after the clock's today (UTC, the listings' default time zone)."""
    return (clock.now().date() + timedelta(days=days)).isoformat()


def host_with_listing(
    client: FlaskClient, **fields: Any
) -> tuple[dict[str, Any], dict[str, str], dict[str, Any]]:
    """A new host and a listing of theirs, made through the API: ``(host, headers, listing)``."""
    host, headers = signup(client, "host")
    created = client.post(f"{API}/listings", json=listing_fields(**fields), headers=headers)
    assert created.status_code == 201, created.get_json()
    return host, headers, created.get_json()


def book(
    client: FlaskClient, headers: dict[str, str], listing_id: str, check_in: str | date,
    check_out: str | date, guests: int = 1,
) -> TestResponse:  # fmt: skip
    body = {"listing_id": listing_id, "check_in": str(check_in), "check_out": str(check_out)}
    return client.post(f"{API}/bookings", json=body | {"guests": guests}, headers=headers)


def booked(client: FlaskClient, headers: dict[str, str], listing_id: str, *dates: str) -> str:
    """Book ``dates`` (check-in, check-out) and return the new booking's id."""
    response = book(client, headers, listing_id, *dates)
    assert response.status_code == 201, response.get_json()
    booking_id: str = response.get_json()["id"]
    return booking_id


def pay(
    client: FlaskClient, headers: dict[str, str], booking_id: str, token: str = "tok_visa",
    key: str | None = None,
) -> TestResponse:  # fmt: skip
    if key is not None:
        headers = headers | {"Idempotency-Key": key}
    body = {"payment_method": "card", "payment_token": token}
    return client.post(f"{API}/bookings/{booking_id}/payments", json=body, headers=headers)


def paid(client: FlaskClient, headers: dict[str, str], booking_id: str) -> dict[str, Any]:
    response = pay(client, headers, booking_id)
    assert response.status_code == 201, response.get_json()
    payment: dict[str, Any] = response.get_json()
    return payment


def get(client: FlaskClient, path: str, headers: dict[str, str] | None = None) -> TestResponse:
    return client.get(f"{API}{path}", headers=headers or {})


def post(client: FlaskClient, path: str, headers: dict[str, str]) -> TestResponse:
    return client.post(f"{API}{path}", headers=headers)


def admin(app: Flask, client: FlaskClient) -> dict[str, str]:
    """Bearer headers of a new admin (admins are made by the CLI, so here by command)."""
    email = f"admin{next(_admins)}@example.com"
    command = c.CreateAdmin(username=email.split("@")[0], email=email, password=PASSWORD)
    rental_of(app).handle(command)
    tokens = client.post(f"{API}/auth/login", json={"email": email, "password": PASSWORD})
    assert tokens.status_code == 200, tokens.get_json()
    return {"Authorization": f"Bearer {tokens.get_json()['access_token']}"}
