"""Accounts through GraphQL (issue 21): the same commands, rules and errors as over HTTP."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.media.files import FileMediaStore
from rental.composition import bootstrap
from rental.entrypoints.http import create_app
from rental.settings import RateLimit
from tests.events import RecordingNotifier
from tests.fakes import FakeClock
from tests.integration.graphql.steps import codes, gql
from tests.integration.http.booking_steps import booked, host_with_listing
from tests.integration.http.conftest import PASSWORD, signup, test_settings

SESSIONS = "{ viewer { sessions { id current userAgent } } me { emailVerified } }"


def bearer(tokens: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['accessToken']}"}


def test_sessions_passwords_and_recovery_work_as_over_http(memory_client: FlaskClient) -> None:
    user, headers = signup(memory_client)
    assert gql(memory_client, SESSIONS)["data"] == {"viewer": None, "me": None}
    answer = gql(memory_client, SESSIONS, headers=headers)
    [session] = answer["data"]["viewer"]["sessions"]
    assert session["current"] is True
    assert answer["data"]["me"]["emailVerified"] is False

    _, stranger = signup(memory_client)
    end = "mutation($id: ID!) { endSession(id: $id) }"
    foreign = gql(memory_client, end, {"id": session["id"]}, headers=stranger)
    assert codes(foreign) == ["NOT_FOUND"]

    change = """mutation($current: String!, $new: String!) {
      changePassword(currentPassword: $current, newPassword: $new) { accessToken refreshToken }
    }"""
    wrong = gql(memory_client, change, {"current": "not the one", "new": "new passphrase"},
                headers=headers)  # fmt: skip
    assert codes(wrong) == ["FORBIDDEN"]
    changed = gql(memory_client, change, {"current": PASSWORD, "new": "new passphrase"},
                  headers=headers)  # fmt: skip
    tokens = changed["data"]["changePassword"]
    assert memory_client.get("/api/v1/users/me", headers=headers).status_code == 401
    fresh = bearer(tokens)
    assert gql(memory_client, SESSIONS, headers=fresh)["data"]["viewer"]["sessions"][0]["current"]

    reset = "mutation($email: String!) { requestPasswordReset(email: $email) }"
    for email in (user["email"], "nobody@example.com"):
        assert gql(memory_client, reset, {"email": email})["data"] == {"requestPasswordReset": True}
    bad = gql(memory_client, 'mutation { resetPassword(token: "x.y", newPassword: "long enough") }')
    assert codes(bad) == ["BAD_USER_INPUT"]

    assert gql(memory_client, "mutation { endAllSessions }", headers=fresh)["data"] == {
        "endAllSessions": True
    }
    assert memory_client.get("/api/v1/users/me", headers=fresh).status_code == 401


def test_recovery_mutations_share_the_sign_in_rate_limit(clock: FakeClock) -> None:
    rental = bootstrap(clock=clock, password_hasher=Argon2Hasher(fast=True),
                       notifier=RecordingNotifier())  # fmt: skip
    app: Flask = create_app(test_settings(auth_rate_limit=RateLimit(2, 60)), rental=rental)
    client = app.test_client()
    reset = 'mutation { requestPasswordReset(email: "a@example.com") }'
    assert [codes(gql(client, reset)) for _ in range(3)] == [[], [], ["RATE_LIMITED"]]
    error = gql(client, reset)["errors"][0]
    assert error["extensions"]["retryAfter"] >= 1


def test_delete_account_names_its_blockers_then_deletes(memory_client: FlaskClient) -> None:
    _, host, listing = host_with_listing(memory_client)
    user, headers = signup(memory_client)
    booking_id = booked(memory_client, headers, listing["id"], "2030-01-05", "2030-01-06")
    delete = "mutation($password: String!) { deleteAccount(currentPassword: $password) }"
    wrong = gql(memory_client, delete, {"password": "not the one"}, headers=headers)
    assert codes(wrong) == ["FORBIDDEN"]
    blocked = gql(memory_client, delete, {"password": PASSWORD}, headers=headers)
    assert codes(blocked) == ["CONFLICT"]
    assert blocked["errors"][0]["extensions"]["blockers"] == [
        {"reason": "stay-as-guest", "bookingId": booking_id}
    ]
    cancel = memory_client.post(f"/api/v1/bookings/{booking_id}/cancel", headers=headers)
    assert cancel.status_code == 200, cancel.get_json()
    deleted = gql(memory_client, delete, {"password": PASSWORD}, headers=headers)
    assert deleted["data"] == {"deleteAccount": True}
    shown = gql(memory_client, "query($id: ID!) { user(id: $id) { deleted fullName } }",
                {"id": user["id"]}, headers=host)  # fmt: skip
    assert shown["data"]["user"] == {"deleted": True, "fullName": None}


def test_a_data_export_is_asked_for_and_read_as_over_http(tmp_path: Path) -> None:
    rental = bootstrap(
        password_hasher=Argon2Hasher(fast=True), media_store=FileMediaStore(tmp_path)
    )
    memory_client = create_app(test_settings(), rental=rental).test_client()
    _, headers = signup(memory_client)
    _, stranger = signup(memory_client)
    ask = "mutation { requestDataExport { id status downloadUrl } }"
    asked = gql(memory_client, ask, headers=headers)["data"]["requestDataExport"]
    assert asked["status"] == "pending" and asked["downloadUrl"] is None
    read = "query($id: ID!) { viewer { dataExport(id: $id) { status downloadUrl expiresAt } } }"
    mine = gql(memory_client, read, {"id": asked["id"]}, headers=headers)["data"]["viewer"]
    assert mine["dataExport"]["status"] == "ready"  # built in the request's process here
    assert mine["dataExport"]["downloadUrl"].startswith("/media/exports/")
    theirs = gql(memory_client, read, {"id": asked["id"]}, headers=stranger)["data"]["viewer"]
    assert theirs == {"dataExport": None}
    assert codes(gql(memory_client, ask)) == ["UNAUTHENTICATED"]
