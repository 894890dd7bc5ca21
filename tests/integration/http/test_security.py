"""Tokens that must not work, secrets that must not leak."""

from __future__ import annotations

import logging
import time
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_jwt_extended import create_access_token, create_refresh_token, decode_token

from tests.integration.http.conftest import PASSWORD, TEST_SECRET, listing_fields, signup

ME = "/api/v1/users/me"


def _tokens(client: FlaskClient) -> tuple[dict, dict]:
    user, _ = signup(client, role="host")
    response = client.post(
        "/api/v1/auth/login", json={"email": user["email"], "password": PASSWORD}
    )
    return user, response.get_json()


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _assert_401(response: object) -> None:
    assert response.status_code == 401  # type: ignore[attr-defined]
    assert response.headers["Content-Type"] == "application/problem+json"  # type: ignore[attr-defined]
    assert set(response.get_json()) == {"type", "title", "status", "detail"}  # type: ignore[attr-defined]


def test_expired_tokens_are_401(memory_app: Flask, memory_client: FlaskClient) -> None:
    user, _ = _tokens(memory_client)
    with memory_app.app_context():
        access = create_access_token(
            user["id"], additional_claims={"role": "host"}, expires_delta=timedelta(seconds=-1)
        )
        refresh = create_refresh_token(
            user["id"], additional_claims={"role": "host"}, expires_delta=timedelta(seconds=-1)
        )
    _assert_401(memory_client.get(ME, headers=_bearer(access)))
    _assert_401(memory_client.post("/api/v1/auth/refresh", headers=_bearer(refresh)))


def test_a_token_accepted_before_is_refused_once_it_has_expired(
    memory_app: Flask, memory_client: FlaskClient
) -> None:
    # The app keeps the claims of tokens it has verified: their expiry must still count.
    user, _ = _tokens(memory_client)
    with memory_app.app_context():
        access = create_access_token(
            user["id"], additional_claims={"role": "host"}, expires_delta=timedelta(seconds=2)
        )
        expires = decode_token(access)["exp"]
    assert memory_client.get(ME, headers=_bearer(access)).status_code == 200
    assert memory_client.get(ME, headers=_bearer(access)).status_code == 200
    time.sleep(max(0.0, expires - time.time()) + 0.05)
    response = memory_client.get(ME, headers=_bearer(access))
    _assert_401(response)
    assert response.get_json()["detail"] == "The token has expired."


def test_tampered_and_malformed_tokens_are_401(memory_client: FlaskClient) -> None:
    _, tokens = _tokens(memory_client)
    header, payload, signature = tokens["access_token"].split(".")
    flipped = signature[:-2] + ("AA" if signature[-2:] != "AA" else "BB")
    _assert_401(memory_client.get(ME, headers=_bearer(f"{header}.{payload}.{flipped}")))
    # A token signed with another key, and plain garbage.
    other = Flask("other")
    other.config["JWT_SECRET_KEY"] = "another-secret-key-of-sufficient-length"
    from flask_jwt_extended import JWTManager

    JWTManager(other)
    with other.app_context():
        forged = create_access_token("someone", additional_claims={"role": "admin"})
    _assert_401(memory_client.get(ME, headers=_bearer(forged)))
    for header_value in ("Bearer", "Bearer not.a.jwt", "Basic dXNlcjpwYXNz", "Bearer a b"):
        _assert_401(memory_client.get(ME, headers={"Authorization": header_value}))


def test_a_token_of_the_wrong_type_is_401(memory_client: FlaskClient) -> None:
    _, tokens = _tokens(memory_client)
    _assert_401(memory_client.get(ME, headers=_bearer(tokens["refresh_token"])))
    _assert_401(memory_client.post("/api/v1/auth/refresh", headers=_bearer(tokens["access_token"])))


def test_logging_out_with_the_refresh_token_ends_its_session(client: FlaskClient) -> None:
    user, tokens = _tokens(client)
    login = {"email": user["email"], "password": PASSWORD}
    other = client.post("/api/v1/auth/login", json=login).get_json()  # another sign-in
    refresh = _bearer(tokens["refresh_token"])
    assert client.post("/api/v1/auth/logout", headers=refresh).status_code == 204
    _assert_401(client.post("/api/v1/auth/refresh", headers=refresh))
    _assert_401(client.get(ME, headers=_bearer(tokens["access_token"])))  # the same sign-in
    assert client.get(ME, headers=_bearer(other["access_token"])).status_code == 200


def test_no_response_carries_a_password_or_its_hash(client: FlaskClient) -> None:
    user, tokens = _tokens(client)
    headers = _bearer(tokens["access_token"])
    responses = [
        client.get(ME, headers=headers),
        client.patch(ME, json={"password": "another password"}, headers=headers),
        client.post("/api/v1/listings", json=listing_fields(), headers=headers),
        client.get("/api/v1/listings"),
        client.post(
            "/api/v1/auth/register",
            json={"username": user["username"], "email": "x@example.com", "password": PASSWORD},
        ),
    ]
    for response in responses:
        assert "$argon2" not in response.text
        assert PASSWORD not in response.text
        assert "password_hash" not in response.text


def test_the_secret_key_never_reaches_the_logs(
    memory_app: Flask, caplog: pytest.LogCaptureFixture
) -> None:
    @memory_app.get("/boom")
    def boom() -> str:
        raise RuntimeError("boom")

    memory_client = memory_app.test_client()
    with caplog.at_level(logging.DEBUG):
        memory_client.get("/boom")
        _, tokens = _tokens(memory_client)
        memory_client.get(ME, headers=_bearer(tokens["access_token"] + "x"))
        memory_client.post("/api/v1/auth/logout", headers=_bearer(tokens["access_token"]))
        memory_client.get(ME, headers=_bearer(tokens["access_token"]))
        memory_client.get("/readyz")
    assert caplog.records, "the flow above logs something, so the check is not vacuous"
    assert TEST_SECRET not in caplog.text
    assert PASSWORD not in caplog.text


def test_nul_characters_are_refused_before_any_database_sees_them(client: FlaskClient) -> None:
    # PostgreSQL cannot store NUL in text: these must be clean 4xx on every storage, not 500s.
    _, headers = signup(client, role="host")
    listing = client.post("/api/v1/listings", json=listing_fields(), headers=headers).get_json()
    assert client.get("/api/v1/listings/%00").status_code == 404
    query = client.get("/api/v1/listings?city=Lis%00bon&amenities=wifi")
    assert query.status_code == 422
    assert query.get_json()["errors"] == {"city": ["must not contain NUL characters."]}
    for method, url, body, field in [
        ("post", "/api/v1/auth/login", {"email": "a\x00@b.io", "password": PASSWORD}, "email"),
        ("post", "/api/v1/listings", listing_fields(amenities=["wi\x00fi"]), "amenities"),
        ("patch", "/api/v1/users/me", {"bio": "x\x00"}, "bio"),
        ("patch", f"/api/v1/listings/{listing['id']}", {"title": "\x00"}, "title"),
    ]:
        response = getattr(client, method)(url, json=body, headers=headers)
        assert response.status_code == 422, url
        assert list(response.get_json()["errors"]) == [field]
    blocks = f"/api/v1/listings/{listing['id']}/blocks"
    assert client.delete(f"{blocks}/%00", headers=headers).status_code == 404
