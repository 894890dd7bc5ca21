"""Hostile bodies against every operation of the OpenAPI document, on SQLite and PostgreSQL:
none may answer a 5xx, every error is problem+json, and none may hang.

The bodies are what an attacker tries first: nesting thousands deep, lone UTF-16 surrogates
(which no codec encodes), huge arrays, numbers past every range, wrong types, duplicate keys and
a body of 2 MB. Each operation is aimed at real resources of a signed-in owner, and each body is
also sent as the operation's valid body with one field at a time made hostile, so that it gets
past the schema to the domain and the database.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.composition import bootstrap
from rental.entrypoints.http import create_app
from rental.entrypoints.http.errors import PROBLEM_JSON
from tests.fakes import FakeClock
from tests.integration.http.conftest import PASSWORD, listing_fields, signup, test_settings

# A generous bound on each request: it detects a hang or a quadratic blow-up, not speed.
HANG_SECONDS = 20
CHECK_IN = date(2030, 2, 1)


def _spec_operations() -> list[tuple[str, str]]:
    app = create_app(test_settings())
    spec = app.test_client().get("/api/v1/openapi.json").get_json()
    # Paths are relative to their server: /api/v1, or / for the probes.
    return [
        (
            method.upper(),
            (operations.get("servers") or spec["servers"])[0]["url"].rstrip("/") + path,
        )
        for path, operations in spec["paths"].items()
        for method in operations
        if method in ("get", "post", "put", "patch", "delete")
    ]


OPERATIONS = _spec_operations()


class PathIds(dict[str, str]):
    """The seeded ids by path parameter; a parameter the seed has no resource for (an
    operation added later) gets an id that names nothing, so its 404 path is exercised."""

    def __missing__(self, name: str) -> str:
        return f"no-such-{name}"


def _raw(text: str) -> bytes:
    return text.encode()


WHOLE_BODIES: list[tuple[str, bytes]] = [
    ("deep-array", b"[" * 5000 + b"]" * 5000),
    ("deep-object", b'{"a":' * 5000 + b"1" + b"}" * 5000),
    ("depth-999-in-a-field", _raw('{"title": ' + "[" * 999 + "]" * 999 + "}")),
    ("surrogate-key", _raw('{"\\udfff": 1}')),
    ("duplicate-keys", _raw('{"title": "a", "title": "b"}')),
    ("not-an-object", b"[1, 2, 3]"),
    ("two-megabytes", _raw(json.dumps({"title": "a" * 2_000_000}))),
    ("many-keys", _raw(json.dumps({f"k{i}": 0 for i in range(20_000)}))),
    ("invalid-utf8", b'{"title": "\xff\xfe"}'),
    ("nan", b'{"title": NaN}'),
]


def hostile_bodies(valid: dict[str, Any]) -> Iterator[tuple[str, bytes]]:
    """``(name, raw body)``: hostile whole bodies, then ``valid`` with one field made hostile,
    so that the hostile member gets past the schema to the domain and the database."""
    yield from WHOLE_BODIES
    hostile_values = {
        "surrogate": '"\\ud800"',
        "surrogate-low": '"abc\\udc00def"',
        "huge-float": "1e999",
        "huge-int": "1" + "0" * 5000,
        "int-past-64-bits": str(2**80),
        "negative-past-64-bits": str(-(2**80)),
        "huge-array": "[" + ",".join(["0"] * 100_000) + "]",
        "object": '{"a": {"b": "\\ud800"}}',
        "array-of-surrogates": '["\\ud800", "\\udbff"]',
        "true": "true",
        "nested-deep": "[" * 200 + "]" * 200,
    }
    fields = list(valid) or ["title"]
    for field in fields:
        for name, text in hostile_values.items():
            others = {k: v for k, v in valid.items() if k != field}
            prefix = json.dumps(others)[:-1] + (", " if others else "")
            yield f"{field}={name}", _raw(f'{prefix}"{field}": {text}}}')


@pytest.fixture(params=["sqlite_url", pytest.param("postgres_url", marks=pytest.mark.postgres)])
def hostile_app(request: pytest.FixtureRequest) -> Iterator[Flask]:
    url: str = request.getfixturevalue(request.param)
    rental = bootstrap(database_url=url, clock=FakeClock(), password_hasher=Argon2Hasher(fast=True))
    yield create_app(test_settings(database_url=url), rental=rental)
    rental.close()


def _seed(client: FlaskClient) -> dict[str, Any]:
    """A host with a listing and a block, a guest with a paid booking: real ids for paths."""
    _, host_headers = signup(client, role="host")
    guest, guest_headers = signup(client, role="guest")
    listing = client.post(
        "/api/v1/listings", json=listing_fields(instant_book=True), headers=host_headers
    ).get_json()
    block = client.post(
        f"/api/v1/listings/{listing['id']}/blocks",
        json={"start": "2030-06-01", "end": "2030-06-03"},
        headers=host_headers,
    ).get_json()
    stay = {"check_in": str(CHECK_IN), "check_out": str(CHECK_IN + timedelta(days=3))}
    booking = client.post(
        "/api/v1/bookings", json={"listing_id": listing["id"], "guests": 1} | stay,
        headers=guest_headers,
    ).get_json()  # fmt: skip
    payment = client.post(
        f"/api/v1/bookings/{booking['id']}/payments",
        json={"payment_method": "card", "payment_token": "tok_visa"},
        headers=guest_headers,
    ).get_json()
    return {
        "ids": {
            "listing_id": listing["id"], "block_id": block["id"],
            "booking_id": booking["id"], "payment_id": payment["id"],
        },
        "host": host_headers, "guest": guest_headers, "guest_email": guest["email"],
        "listing_id": listing["id"],
    }  # fmt: skip


def _valid_body(method: str, path: str, seed: dict[str, Any]) -> dict[str, Any]:
    later = CHECK_IN + timedelta(days=40)
    bodies: dict[tuple[str, str], dict[str, Any]] = {
        ("POST", "/api/v1/auth/register"): {
            "username": "hostile1", "email": "hostile1@example.com", "password": PASSWORD,
            "role": "guest",
        },
        ("POST", "/api/v1/auth/login"): {"email": seed["guest_email"], "password": PASSWORD},
        ("PATCH", "/api/v1/users/me"): {"full_name": "A B", "bio": "hi", "password": PASSWORD},
        ("POST", "/api/v1/listings"): listing_fields(description="x", amenities=["wifi"]),
        ("PATCH", "/api/v1/listings/{listing_id}"): {"title": "New", "max_guests": 2},
        ("POST", "/api/v1/listings/{listing_id}/blocks"): {
            "start": str(later), "end": str(later + timedelta(days=2)),
        },
        ("POST", "/api/v1/bookings"): {
            "listing_id": seed["listing_id"], "check_in": str(later),
            "check_out": str(later + timedelta(days=2)), "guests": 1,
        },
        ("POST", "/api/v1/bookings/{booking_id}/payments"): {
            "payment_method": "card", "payment_token": "tok_visa",
        },
        ("POST", "/api/v1/bookings/{booking_id}/review"): {"rating": 5, "comment": "Fine."},
    }  # fmt: skip
    return bodies.get((method, path), {})


def _within(seconds: float, call: Callable[[], TestResponse]) -> TestResponse:
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(call).result(timeout=seconds)


def test_no_hostile_body_gets_a_server_error(hostile_app: Flask) -> None:
    """Every operation in one test per database: seeding once keeps the module fast. DELETEs
    go last, so that the resources the others aim at still exist."""
    client = hostile_app.test_client()
    seed = _seed(client)
    failures = []
    for method, path in sorted(OPERATIONS, key=lambda op: op[0] == "DELETE"):
        url = path.format_map(PathIds(seed["ids"]))
        on_bookings = "/bookings" in path or "/payments" in path or "/users/me" in path
        headers = seed["guest"] if on_bookings else seed["host"]
        for name, raw in hostile_bodies(_valid_body(method, path, seed)):
            response = _within(
                HANG_SECONDS,
                lambda raw=raw, url=url, method=method, headers=headers: client.open(
                    url, method=method, data=raw, content_type="application/json",
                    headers=headers,
                ),
            )  # fmt: skip
            problem = response.status_code < 400 or response.mimetype == PROBLEM_JSON
            if response.status_code >= 500 or not problem:
                body = response.get_data(as_text=True)[:200]
                failures.append((method, path, name, response.status_code, body))
    assert failures == []


def test_the_hostile_bodies_reach_every_operation() -> None:
    """The module covers the whole document, body-less operations included."""
    assert len(OPERATIONS) >= 28
    assert ("POST", "/api/v1/bookings") in OPERATIONS
    assert ("GET", "/healthz") in OPERATIONS
