"""Request bodies: a size limit told before the body is read, the rate limit before any parse,
one parse with limits, and what that parse refuses (see also ``test_hostile_input``)."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from flask import Flask

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.composition import bootstrap
from rental.entrypoints.http import create_app
from rental.entrypoints.web import body
from rental.settings import RateLimit, Settings
from tests.integration.http.conftest import PASSWORD, listing_fields, signup, test_settings

LOGIN = "/api/v1/auth/login"


def _app(**settings: Any) -> Flask:
    rental = bootstrap(password_hasher=Argon2Hasher(fast=True))
    return create_app(test_settings(**settings), rental=rental)


class ExplodingStream(io.RawIOBase):
    """A request body that fails the test if anybody reads it."""

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True  # the test client rewinds the stream; reading is what must not happen

    def seek(self, _offset: int, _whence: int = 0) -> int:
        return 0

    def readinto(self, _buffer: Any) -> int:
        raise AssertionError("the body was read")


def test_a_body_over_the_limit_is_413_problem_before_it_is_read() -> None:
    client = _app(max_body_bytes=1000).test_client()
    response = client.get(
        "/healthz",
        input_stream=ExplodingStream(),
        content_type="application/json",
        environ_overrides={"CONTENT_LENGTH": "100000000"},
    )
    assert response.status_code == 413
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["status"] == 413
    assert "1000 bytes" in response.get_json()["detail"]


def test_a_chunked_body_over_the_limit_is_413_too() -> None:
    client = _app(max_body_bytes=1000).test_client()
    raw = json.dumps({"title": "a" * 5000}).encode()
    response = client.post(
        "/api/v1/auth/login",
        input_stream=io.BytesIO(raw),
        headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},  # as gunicorn says of chunked bodies
    )
    assert response.status_code == 413
    assert response.mimetype == "application/problem+json"


def test_a_body_at_the_limit_is_read() -> None:
    raw = json.dumps({"email": "a@example.com", "password": "x" * 20}).encode()
    client = _app(max_body_bytes=len(raw)).test_client()
    response = client.post(LOGIN, data=raw, content_type="application/json")
    assert response.status_code == 401


def test_the_limit_is_a_setting_of_one_mebibyte_by_default() -> None:
    assert Settings.from_env({"RENTAL_ENV": "test"}).max_body_bytes == 1024 * 1024
    assert (
        Settings.from_env({"RENTAL_ENV": "test", "RENTAL_MAX_BODY_BYTES": "4096"}).max_body_bytes
        == 4096
    )


def test_a_rate_limited_address_gets_429_before_its_body_is_parsed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = _app(auth_rate_limit=RateLimit(1, 3600)).test_client()
    here = {"REMOTE_ADDR": "10.9.0.1"}
    assert client.post(LOGIN, json={"email": "a@example.com", "password": PASSWORD},
                       environ_base=here).status_code == 401  # fmt: skip
    parses: list[bytes] = []
    monkeypatch.setattr(body.json, "loads", lambda raw, **kw: parses.append(raw))
    costly = json.dumps({f"k{i}": 0 for i in range(20_000)})
    limited = client.post(LOGIN, data=costly, content_type="application/json", environ_base=here)
    assert limited.status_code == 429
    assert parses == []


def test_a_body_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    client = _app().test_client()
    _, headers = signup(client, role="host")
    parses: list[bytes] = []
    real_loads = json.loads

    def counting_loads(raw: Any, **kw: Any) -> Any:
        if b"Loft by the river" in (raw if isinstance(raw, bytes) else raw.encode()):
            parses.append(raw)
        return real_loads(raw, **kw)

    monkeypatch.setattr(json, "loads", counting_loads)
    response = client.post("/api/v1/listings", json=listing_fields(), headers=headers)
    assert response.status_code == 201
    assert len(parses) == 1


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ('{"email": "a@example.com", "password": "\\ud800\\ud800\\ud800\\ud800"}', "surrogate"),
        ('{"email": "a@example.com", "password": "x",}', "not valid JSON"),
        ('{"email": ' + "[" * 40 + "]" * 40 + "}", "deeper than 32"),
        ('{"email": "a@example.com", "email": "b@example.com"}', "duplicate key"),
        ('{"email": 1e999, "password": "x"}', "too large"),
        ('{"email": Infinity, "password": "x"}', "not JSON"),
        ('{"email": [' + ",".join(["1"] * 5000) + "]}", "more than 2000 values"),
    ],
)
def test_the_parse_refuses_what_the_stack_cannot_take(raw: str, says: str) -> None:
    response = _app().test_client().post(LOGIN, data=raw, content_type="application/json")
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert says in response.get_json()["detail"]


def test_a_valid_surrogate_pair_is_text_like_any_other() -> None:
    client = _app().test_client()
    _, headers = signup(client, role="host")
    response = client.post(
        "/api/v1/listings",
        data=json.dumps(listing_fields(title="Loft \U0001f3e1")),  # ASCII-escaped as a pair
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 201
    assert response.get_json()["title"] == "Loft \U0001f3e1"
