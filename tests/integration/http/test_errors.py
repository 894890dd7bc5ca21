"""HTTP mechanics every endpoint shares: problem details for 400, 404, 405, 415, 500, and the
probes. Storage cannot change these, so they run on memory only."""

from __future__ import annotations

import logging

import pytest
from flask.testing import FlaskClient

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.composition import bootstrap
from rental.entrypoints.http import create_app
from tests.integration.http.conftest import listing_fields, signup, test_settings

PROBLEM = "application/problem+json"


def test_invalid_json_and_non_objects_are_400(memory_client: FlaskClient) -> None:
    _, headers = signup(memory_client, role="host")
    for body in ("{", "[1, 2]", '"text"', "null"):
        response = memory_client.post(
            "/api/v1/listings", data=body, content_type="application/json", headers=headers
        )
        assert response.status_code == 400, body
        assert response.headers["Content-Type"] == PROBLEM
        assert set(response.get_json()) == {"type", "title", "status", "detail"}


def test_a_body_that_is_not_json_is_415(memory_client: FlaskClient) -> None:
    for content_type in ("text/plain", "application/x-www-form-urlencoded"):
        response = memory_client.post(
            "/api/v1/auth/login", data="email=a@b.io&password=x", content_type=content_type
        )
        assert response.status_code == 415
        assert response.get_json()["status"] == 415


def test_a_missing_body_is_422_naming_the_required_fields(memory_client: FlaskClient) -> None:
    for content_type in (None, "application/json"):
        response = memory_client.post("/api/v1/auth/login", content_type=content_type)
        assert response.status_code == 422
        assert set(response.get_json()["errors"]) == {"email", "password"}


def test_wrong_method_is_405_with_allow(memory_client: FlaskClient) -> None:
    response = memory_client.put("/api/v1/users/me")
    assert response.status_code == 405
    assert {m.strip() for m in response.headers["Allow"].split(",")} >= {"GET", "PATCH"}
    assert response.headers["Content-Type"] == PROBLEM
    assert memory_client.get("/api/v1/auth/login").status_code == 405


def test_unknown_routes_are_404_problems(memory_client: FlaskClient) -> None:
    for path in ("/api/v1/nothing", "/api/v2/listings", "/nothing", "/api/v1/docs/nothing"):
        response = memory_client.get(path)
        assert response.status_code == 404
        assert response.get_json()["status"] == 404


def test_unexpected_errors_are_a_bare_500_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    app = create_app(test_settings(), rental=bootstrap(password_hasher=Argon2Hasher(fast=True)))

    @app.get("/boom")
    def boom() -> str:
        raise RuntimeError("internal detail that must stay inside")

    with caplog.at_level(logging.ERROR):
        response = app.test_client().get("/boom")
    assert response.status_code == 500
    assert response.headers["Content-Type"] == PROBLEM
    assert "internal detail" not in response.text
    assert "Traceback" not in response.text
    assert "internal detail" in caplog.text


def test_healthz_and_readyz(memory_client: FlaskClient) -> None:
    assert memory_client.get("/healthz").get_json() == {"status": "ok"}
    ready = memory_client.get("/readyz")
    assert ready.status_code == 200
    assert ready.get_json() == {"status": "ok", "checks": {"database": "ok"}}


def test_readyz_is_503_when_the_database_or_redis_does_not_answer() -> None:
    # Port 1: nothing listens there, so the connection is refused at once.
    url = "postgresql+psycopg://postgres@127.0.0.1:1/none?connect_timeout=2"
    rental = bootstrap(database_url=url, password_hasher=Argon2Hasher(fast=True))
    settings = test_settings(database_url=url, redis_url="redis://127.0.0.1:1/0")
    response = create_app(settings, rental=rental).test_client().get("/readyz")
    assert response.status_code == 503
    assert response.headers["Content-Type"] == PROBLEM
    assert response.get_json()["checks"] == {"database": "unavailable", "redis": "unavailable"}
    rental.close()


def test_listing_json_never_carries_internal_fields(memory_client: FlaskClient) -> None:
    _, headers = signup(memory_client, role="host")
    listing = memory_client.post("/api/v1/listings", json=listing_fields(), headers=headers)
    assert not {"rating_sum", "deleted_at", "version"} & set(listing.get_json())
