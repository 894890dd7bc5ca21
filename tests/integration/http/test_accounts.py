"""Accounts people can trust (issue 21), over HTTP on SQLite, PostgreSQL and MariaDB, with a
real SMTP server (aiosmtpd) from whose messages the tokens are read."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.application import commands as c
from rental.composition import bootstrap
from rental.domain.errors import InvalidToken
from rental.entrypoints.http import create_app
from tests.events import SmtpInbox, wait_until
from tests.fakes import FakeClock
from tests.integration.http.conftest import PASSWORD, listing_fields, test_settings

API = "/api/v1"
NEW_PASSWORD = "a brand new passphrase"
LINK = re.compile(r"https?://\S+#token=(\S+)")


class NoPublisher:
    """Leaves committed events in the outbox: nothing runs after the commit."""

    def publish(self, events: Any) -> None:
        pass


def _app(url: str, clock: FakeClock, smtp_url: str | None = None, **options: Any) -> Flask:
    rental = bootstrap(
        database_url=url, clock=clock, password_hasher=Argon2Hasher(fast=True),
        smtp_url=smtp_url, frontend_url="https://app.rental.test", **options,
    )  # fmt: skip
    return create_app(test_settings(database_url=url), rental=rental)


@pytest.fixture
def app(database_url: str, smtp_inbox: SmtpInbox, clock: FakeClock) -> Iterator[Flask]:
    app = _app(database_url, clock, smtp_inbox.url)
    yield app
    app.extensions["rental"].close()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _register(client: FlaskClient, name: str, role: str = "guest") -> dict[str, Any]:
    body = {"username": name, "email": f"{name}@example.com", "password": PASSWORD, "role": role}
    answer = client.post(f"{API}/auth/register", json=body)
    assert answer.status_code == 201, answer.get_json()
    return dict(answer.get_json())


def _login(
    client: FlaskClient, email: str, password: str = PASSWORD, agent: str = "test"
) -> dict[str, Any]:
    answer = client.post(
        f"{API}/auth/login", json={"email": email, "password": password},
        headers={"User-Agent": agent},
    )  # fmt: skip
    assert answer.status_code == 200, answer.get_json()
    return dict(answer.get_json())


def _token_mailed(inbox: SmtpInbox, to: str, subject: str, count: int = 1) -> str:
    """The token in the ``count``-th message with ``subject`` to ``to``, once it arrived."""
    messages = wait_until(
        lambda: [m for m in inbox.to(to) if m["Subject"] == subject][count - 1 :],
        what=f"email {count} '{subject}' to {to}",
    )
    body = messages[0].get_payload(decode=True).decode()
    match = LINK.search(body)
    assert match is not None, body
    return match.group(1)


def _status(client: FlaskClient, tokens: dict[str, Any]) -> tuple[int, int]:
    """(GET /users/me with the access token, POST /auth/refresh with the refresh token)."""
    me = client.get(f"{API}/users/me", headers=bearer(tokens["access_token"]))
    refreshed = client.post(f"{API}/auth/refresh", headers=bearer(tokens["refresh_token"]))
    return me.status_code, refreshed.status_code


def test_a_password_reset_by_email_works_once_and_ends_every_session(
    app: Flask, smtp_inbox: SmtpInbox
) -> None:
    client = app.test_client()
    user = _register(client, "hana")
    tokens = _login(client, user["email"])
    for email in (user["email"], "nobody@example.com"):
        asked = client.post(f"{API}/auth/password-reset", json={"email": email})
        assert (asked.status_code, asked.data) == (202, b"")
    token = _token_mailed(smtp_inbox, user["email"], "Reset your rental password")
    body = smtp_inbox.to(user["email"])[-1].get_payload(decode=True).decode()
    assert f"https://app.rental.test/reset-password#token={token}" in body
    assert smtp_inbox.to("nobody@example.com") == []

    confirm = f"{API}/auth/password-reset/confirm"
    short = client.post(confirm, json={"token": token, "new_password": "short"})
    assert short.status_code == 422
    done = client.post(confirm, json={"token": token, "new_password": NEW_PASSWORD})
    assert done.status_code == 204
    again = client.post(confirm, json={"token": token, "new_password": "yet another one"})
    assert again.status_code == 400
    assert again.get_json()["type"].endswith("/invalid-token")
    assert token not in again.text
    for forged in (token[:-2] + "xx", "no-dot", "a" * 300):
        refused = client.post(confirm, json={"token": forged, "new_password": NEW_PASSWORD})
        assert refused.status_code in (400, 422)
    assert _status(client, tokens) == (401, 401)
    assert client.post(
        f"{API}/auth/login", json={"email": user["email"], "password": PASSWORD}
    ).status_code == 401  # fmt: skip
    _login(client, user["email"], NEW_PASSWORD)


def test_a_reset_token_expires_a_newer_one_voids_it_and_three_an_hour_at_most(
    smtp_inbox: SmtpInbox, database_url: str
) -> None:
    clock = FakeClock()
    app = _app(database_url, clock, smtp_inbox.url)
    client = app.test_client()
    user = _register(client, "gus")
    subject = "Reset your rental password"
    for _ in range(4):
        client.post(f"{API}/auth/password-reset", json={"email": "GUS@example.com"})
    first = _token_mailed(smtp_inbox, user["email"], subject, 1)
    third = _token_mailed(smtp_inbox, user["email"], subject, 3)
    confirm = f"{API}/auth/password-reset/confirm"
    voided = client.post(confirm, json={"token": first, "new_password": NEW_PASSWORD})
    assert voided.status_code == 400
    assert len([m for m in smtp_inbox.to(user["email"]) if m["Subject"] == subject]) == 3
    clock.advance(minutes=31)
    expired = client.post(confirm, json={"token": third, "new_password": NEW_PASSWORD})
    assert expired.status_code == 400
    clock.advance(minutes=30)  # the hour has passed: a fourth email may go
    client.post(f"{API}/auth/password-reset", json={"email": user["email"]})
    fourth = _token_mailed(smtp_inbox, user["email"], subject, 4)
    assert (
        client.post(confirm, json={"token": fourth, "new_password": NEW_PASSWORD}).status_code
        == 204
    )
    app.extensions["rental"].close()


def test_a_reset_request_runs_the_same_statements_for_a_known_and_an_unknown_address(
    database_url: str,
) -> None:
    app = _app(database_url, FakeClock(), event_publisher=NoPublisher())
    client = app.test_client()
    _register(client, "ines")
    statements: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    def ask(email: str) -> list[str]:
        statements.clear()
        sa.event.listen(sa.engine.Engine, "before_cursor_execute", record)
        try:
            assert (
                client.post(f"{API}/auth/password-reset", json={"email": email}).status_code == 202
            )
        finally:
            sa.event.remove(sa.engine.Engine, "before_cursor_execute", record)
        return list(statements)

    ask("warm-up@example.com")  # the first request of a process prepares its caches
    known, unknown = ask("ines@example.com"), ask("nobody@example.com")
    assert known == unknown
    assert not any("users" in statement for statement in known)
    app.extensions["rental"].close()


def test_a_reset_token_used_twice_at_once_works_once(database_url: str) -> None:
    rental = bootstrap(
        database_url=database_url, clock=FakeClock(), password_hasher=Argon2Hasher(fast=True),
        event_publisher=NoPublisher(),
    )  # fmt: skip
    rental.handle(c.RegisterUser(username="joe", email="joe@example.com", password=PASSWORD))
    mailed = rental.handle(c.IssuePasswordReset(email="joe@example.com"))
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def use(password: str) -> None:
        barrier.wait()
        try:
            rental.handle(c.ResetPassword(token=mailed.token, new_password=password))
            outcomes.append("reset")
        except InvalidToken:
            outcomes.append("refused")

    threads = [threading.Thread(target=use, args=(p,)) for p in ("first one!", "second one!")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused", "reset"]
    rental.close()


def test_a_replayed_refresh_token_ends_its_whole_session_and_no_other(app: Flask) -> None:
    client = app.test_client()
    user = _register(client, "kai")
    stolen = _login(client, user["email"], agent="laptop")
    other = _login(client, user["email"], agent="phone")
    rotated = client.post(f"{API}/auth/refresh", headers=bearer(stolen["refresh_token"]))
    assert rotated.status_code == 200
    fresh = rotated.get_json()
    assert fresh["refresh_token"] != stolen["refresh_token"]
    replay = client.post(f"{API}/auth/refresh", headers=bearer(stolen["refresh_token"]))
    assert replay.status_code == 401
    assert _status(client, fresh) == (401, 401)  # the whole family ended
    assert _status(client, other) == (200, 200)


def test_sessions_are_listed_ended_one_by_one_and_all_at_once(app: Flask, clock: FakeClock) -> None:
    client = app.test_client()
    user = _register(client, "lea")
    laptop = _login(client, user["email"], agent="Laptop/1.0")
    clock.advance(minutes=1)
    phone = _login(client, user["email"], agent="Phone/2.0")
    sessions = client.get(f"{API}/users/me/sessions", headers=bearer(phone["access_token"]))
    assert sessions.status_code == 200
    listed = sessions.get_json()
    assert [(s["user_agent"], s["current"]) for s in listed] == [
        ("Phone/2.0", True), ("Laptop/1.0", False),
    ]  # fmt: skip
    assert set(listed[0]) == {"id", "created_at", "last_used_at", "user_agent", "current"}

    stranger = _login(client, _register(client, "max")["email"])
    foreign = client.delete(
        f"{API}/users/me/sessions/{listed[1]['id']}", headers=bearer(stranger["access_token"])
    )
    assert foreign.status_code == 404
    ended = client.delete(
        f"{API}/users/me/sessions/{listed[1]['id']}", headers=bearer(phone["access_token"])
    )
    assert ended.status_code == 204
    assert _status(client, laptop) == (401, 401)
    left = client.get(f"{API}/users/me/sessions", headers=bearer(phone["access_token"]))
    assert [s["id"] for s in left.get_json()] == [listed[0]["id"]]
    assert (
        client.post(f"{API}/auth/logout-all", headers=bearer(phone["access_token"])).status_code
        == 204
    )
    assert _status(client, phone) == (401, 401)
    assert _status(client, stranger) == (200, 200)


def test_changing_the_password_needs_the_current_one_and_mails_a_notice(
    app: Flask, smtp_inbox: SmtpInbox
) -> None:
    client = app.test_client()
    user = _register(client, "nia")
    tokens, other = _login(client, user["email"]), _login(client, user["email"])
    url = f"{API}/users/me/password"
    headers = bearer(tokens["access_token"])
    wrong = client.post(
        url, json={"current_password": "not it at all", "new_password": NEW_PASSWORD},
        headers=headers,
    )  # fmt: skip
    assert wrong.status_code == 403
    assert _status(client, other) == (200, 200)
    changed = client.post(
        url, json={"current_password": PASSWORD, "new_password": NEW_PASSWORD}, headers=headers
    )
    assert changed.status_code == 200
    assert _status(client, other) == (401, 401)
    assert _status(client, changed.get_json()) == (200, 200)
    wait_until(
        lambda: any(
            m["Subject"] == "Your rental password was changed" for m in smtp_inbox.to(user["email"])
        ),
        what="the notice",
    )


def test_the_email_is_verified_by_its_token_and_required_when_configured(
    smtp_inbox: SmtpInbox, database_url: str
) -> None:
    app = _app(database_url, FakeClock(), smtp_inbox.url, require_verified_email=True)
    client = app.test_client()
    user = _register(client, "olu", role="host")
    assert user["email_verified"] is False
    tokens = _login(client, user["email"])
    headers = bearer(tokens["access_token"])
    refused = client.post(f"{API}/listings", json=listing_fields(), headers=headers)
    assert refused.status_code == 403
    assert refused.get_json()["type"].endswith("/email-not-verified")

    first = _token_mailed(smtp_inbox, user["email"], "Confirm your email address")
    assert client.post(f"{API}/auth/verify-email/resend", headers=headers).status_code == 202
    second = _token_mailed(smtp_inbox, user["email"], "Confirm your email address", 2)
    assert client.post(f"{API}/auth/verify-email", json={"token": first}).status_code == 400
    assert client.post(f"{API}/auth/verify-email", json={"token": second}).status_code == 204
    assert client.get(f"{API}/users/me", headers=headers).get_json()["email_verified"] is True
    assert client.post(f"{API}/listings", json=listing_fields(), headers=headers).status_code == 201
    app.extensions["rental"].close()


def test_an_email_change_is_confirmed_by_the_new_address_unless_taken_meanwhile(
    app: Flask, smtp_inbox: SmtpInbox
) -> None:
    client = app.test_client()
    user = _register(client, "pia")
    headers = bearer(_login(client, user["email"])["access_token"])
    url = f"{API}/users/me/email"
    wrong = client.post(
        url, json={"new_email": "pia@new.example", "current_password": "nope nope"},
        headers=headers,
    )  # fmt: skip
    assert wrong.status_code == 403
    taken = client.post(
        url, json={"new_email": user["email"], "current_password": PASSWORD}, headers=headers
    )
    assert taken.status_code == 422  # the address it already has

    def change_to(address: str) -> str:
        asked = client.post(
            url, json={"new_email": address, "current_password": PASSWORD}, headers=headers
        )
        assert asked.status_code == 202
        return _token_mailed(smtp_inbox, address, "Confirm your new email address")

    token = change_to("pia@new.example")
    wait_until(lambda: smtp_inbox.to(user["email"])[1:], what="the old address's notice")
    assert "pia@new.example" in smtp_inbox.to(user["email"])[-1].get_payload(decode=True).decode()
    assert client.get(f"{API}/users/me", headers=headers).get_json()["email"] == user["email"]
    client.post(
        f"{API}/auth/register",
        json={"username": "rival", "email": "pia@new.example", "password": PASSWORD},
    )
    lost = client.post(f"{API}/auth/verify-email", json={"token": token})
    assert lost.status_code == 409
    assert client.get(f"{API}/users/me", headers=headers).get_json()["email"] == user["email"]

    token = change_to("pia@newer.example")
    assert client.post(f"{API}/auth/verify-email", json={"token": token}).status_code == 204
    me = client.get(f"{API}/users/me", headers=headers).get_json()
    assert (me["email"], me["email_verified"]) == ("pia@newer.example", True)
    _login(client, "pia@newer.example")


def test_an_account_is_locked_after_wrong_passwords_from_any_address(
    database_url: str, clock: FakeClock
) -> None:
    app = _app(database_url, clock, sign_in_failures=3)
    client = app.test_client()
    user = _register(client, "ray")
    login = f"{API}/auth/login"
    for number in range(3):  # three addresses of one IPv6 /64 and others: the account counts
        wrong = client.post(
            login, json={"email": user["email"], "password": "not the password"},
            environ_base={"REMOTE_ADDR": f"2001:db8:{number}::1"},
        )  # fmt: skip
        assert wrong.status_code == 401
    locked = client.post(login, json={"email": user["email"], "password": PASSWORD})
    assert locked.status_code == 429
    assert int(locked.headers["Retry-After"]) == 31
    assert locked.get_json()["type"].endswith("/too-many-attempts")
    clock.advance(seconds=31)
    _login(client, user["email"])
    app.extensions["rental"].close()
