"""A token holds only while the database says so: not revoked by logout (whatever Redis does
meanwhile), not issued before a password change or disabling, and its user still there."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.application import commands as c
from rental.composition import bootstrap
from rental.entrypoints.http import create_app
from tests.fakes import FakeClock
from tests.integration.http.conftest import PASSWORD, listing_fields, signup, test_settings
from tests.redis_server import OwnRedis

NEW_PASSWORD = "a brand new passphrase"
_names = iter(range(1, 10_000))


def _sign_up(client: FlaskClient, role: str = "guest") -> dict[str, Any]:
    name = f"tok{role}{next(_names)}"
    email = f"{name}@example.com"
    user = client.post(
        "/api/v1/auth/register",
        json={"username": name, "email": email, "password": PASSWORD, "role": role},
    ).get_json()
    tokens = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert tokens.status_code == 200
    return {"user": user, "email": email, **tokens.get_json()}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _answers(client: FlaskClient, account: dict[str, Any]) -> tuple[int, int]:
    """(GET /users/me with the access token, POST /auth/refresh with the refresh token)."""
    me = client.get("/api/v1/users/me", headers=bearer(account["access_token"]))
    refreshed = client.post("/api/v1/auth/refresh", headers=bearer(account["refresh_token"]))
    return me.status_code, refreshed.status_code


def test_a_password_change_voids_every_earlier_token_refresh_included(client: FlaskClient) -> None:
    account = _sign_up(client)
    other_session = client.post(
        "/api/v1/auth/login", json={"email": account["email"], "password": PASSWORD}
    ).get_json()
    changed = client.post(
        "/api/v1/users/me/password",
        json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
        headers=bearer(account["access_token"]),
    )
    assert changed.status_code == 200
    assert _answers(client, account) == (401, 401)
    assert _answers(client, other_session) == (401, 401)
    assert _answers(client, changed.get_json()) == (200, 200)  # this client's fresh tokens
    fresh = client.post(
        "/api/v1/auth/login", json={"email": account["email"], "password": NEW_PASSWORD}
    ).get_json()
    assert _answers(client, fresh) == (200, 200)


def test_a_profile_change_without_a_password_keeps_the_tokens(client: FlaskClient) -> None:
    account = _sign_up(client)
    client.patch("/api/v1/users/me", json={"bio": "hi"}, headers=bearer(account["access_token"]))
    assert _answers(client, account) == (200, 200)


def test_a_disabled_user_gets_401_everywhere_and_cannot_sign_in(rental_app: Flask) -> None:
    client = rental_app.test_client()
    account = _sign_up(client, role="host")
    rental_app.extensions["rental"].handle(c.DisableUser(email=account["email"], reason="spam"))
    assert _answers(client, account) == (401, 401)
    listing = client.post(
        "/api/v1/listings", json=listing_fields(), headers=bearer(account["access_token"])
    )
    assert listing.status_code == 401
    login = client.post(
        "/api/v1/auth/login", json={"email": account["email"], "password": PASSWORD}
    )
    assert login.status_code == 401
    assert login.get_json()["detail"] == "This account is disabled."


@pytest.fixture(params=["sqlite_url", pytest.param("postgres_url", marks=pytest.mark.postgres)])
def sql_app(request: pytest.FixtureRequest) -> Iterator[tuple[Flask, str]]:
    url: str = request.getfixturevalue(request.param)
    rental = bootstrap(database_url=url, clock=FakeClock(), password_hasher=Argon2Hasher(fast=True))
    yield create_app(test_settings(database_url=url), rental=rental), url
    rental.close()


def test_a_deleted_users_tokens_get_401_not_a_500(sql_app: tuple[Flask, str]) -> None:
    app, url = sql_app
    client = app.test_client()
    host = _sign_up(client, role="host")
    listing = client.post(
        "/api/v1/listings", json=listing_fields(), headers=bearer(host["access_token"])
    ).get_json()
    guest = _sign_up(client)
    engine = sa.create_engine(url, poolclass=sa.NullPool)
    with engine.begin() as connection:
        for table in ("one_time_tokens", "login_sessions", "users"):
            key = "id" if table == "users" else "user_id"
            statement = sa.text(f"DELETE FROM {table} WHERE {key} = :id")
            connection.execute(statement, {"id": guest["user"]["id"]})
    engine.dispose()
    assert _answers(client, guest) == (401, 401)
    booking = client.post(
        "/api/v1/bookings",
        json={"listing_id": listing["id"], "check_in": "2030-03-01", "check_out": "2030-03-04",
              "guests": 1},
        headers=bearer(guest["access_token"]),
    )  # fmt: skip
    assert booking.status_code == 401
    assert booking.mimetype == "application/problem+json"


# -- logout while Redis is paused, killed or restarted ----------------------------------------


def _server(url: str, redis_url: str) -> Flask:
    """One server process of several: its own ``Rental`` on the shared database and Redis."""
    rental = bootstrap(
        database_url=url, redis_url=redis_url, password_hasher=Argon2Hasher(fast=True)
    )
    return create_app(test_settings(database_url=url, redis_url=redis_url), rental=rental)


def _pause_during(redis: OwnRedis) -> Iterator[None]:
    redis.pause()
    yield
    redis.resume()


def _kill_during(redis: OwnRedis) -> Iterator[None]:
    redis.kill()
    yield
    redis.start()  # from its append-only file: what it held before comes back


def _restart_after(redis: OwnRedis) -> Iterator[None]:
    yield
    redis.restart()


def _kill_after(redis: OwnRedis) -> Iterator[None]:
    yield
    redis.kill()


FAULTS = {
    "paused-during-logout": _pause_during,
    "killed-during-logout-then-restarted": _kill_during,
    "restarted-after-logout": _restart_after,
    "killed-after-logout": _kill_after,
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_revoked_token_never_works_again_whatever_redis_does(
    sqlite_url: str, own_redis: OwnRedis, fault: str
) -> None:
    one = _server(sqlite_url, own_redis.url).test_client()
    other = _server(sqlite_url, own_redis.url).test_client()  # never sees the fault itself
    account = _sign_up(one)
    assert _answers(other, account) == (200, 200)
    around = FAULTS[fault](own_redis)
    next(around)
    for token in ("access_token", "refresh_token"):
        logout = one.post("/api/v1/auth/logout", headers=bearer(account[token]))
        assert logout.status_code == 204
    next(around, None)
    for server in (one, other):
        assert _answers(server, account) == (401, 401)


def test_a_password_changed_after_a_wrong_try_still_ends_the_old_tokens(
    memory_client: FlaskClient,
) -> None:
    """A wrong current password first, then the right one: the change must still stop the
    tokens from before it (clearing the failure count once committed the unit of work early,
    and the change after it was never written)."""
    _, headers = signup(memory_client)
    url = "/api/v1/users/me/password"
    wrong = {"current_password": "not the one", "new_password": NEW_PASSWORD}
    assert memory_client.post(url, json=wrong, headers=headers).status_code == 403
    right = {"current_password": PASSWORD, "new_password": NEW_PASSWORD}
    assert memory_client.post(url, json=right, headers=headers).status_code == 200
    assert memory_client.get("/api/v1/users/me", headers=headers).status_code == 401
