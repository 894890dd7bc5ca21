"""Messages between guests and hosts over HTTP: inquiries, threads, messages, read, block."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.composition import bootstrap
from rental.entrypoints.http import create_app
from tests.fakes import FakeClock
from tests.integration.http.booking_steps import API, admin, booked, day, host_with_listing, paid
from tests.integration.http.conftest import signup, test_settings


@pytest.fixture
def app(database_url: str, clock: FakeClock) -> Iterator[Flask]:
    """The app on SQLite, PostgreSQL and MariaDB in turn."""
    rental = bootstrap(
        database_url=database_url, clock=clock, password_hasher=Argon2Hasher(fast=True)
    )
    yield create_app(test_settings(database_url=database_url), rental=rental)
    rental.close()


def inquire(client: FlaskClient, headers: dict[str, str], listing_id: str, **body: Any) -> Any:
    return client.post(f"{API}/listings/{listing_id}/inquiries", json=body, headers=headers)


def write(client: FlaskClient, headers: dict[str, str], thread_id: str, body: Any) -> Any:
    return client.post(f"{API}/threads/{thread_id}/messages", json={"body": body}, headers=headers)


def test_a_guest_asks_the_host_answers_and_a_phone_number_shows_once_booked(
    app: Flask, clock: FakeClock
) -> None:
    client = app.test_client()
    host, host_headers, listing = host_with_listing(client)
    guest, guest_headers = signup(client)
    stranger_headers = signup(client)[1]
    asked = inquire(
        client, guest_headers, listing["id"], body="Free at Christmas? Call +44 20 7946 0958",
        check_in=day(clock, 10), check_out=day(clock, 12), guests=2,
    )  # fmt: skip
    assert asked.status_code == 201, asked.get_json()
    thread = asked.get_json()
    assert asked.headers["Location"] == f"/api/v1/threads/{thread['id']}"
    shown = ("listing_id", "guest_id", "host_id", "unread_count", "guests")
    assert {k: thread[k] for k in shown} == {
        "listing_id": listing["id"], "guest_id": guest["id"], "host_id": host["id"],
        "unread_count": 0, "guests": 2,
    }  # fmt: skip
    inbox = client.get(f"{API}/threads", headers=host_headers).get_json()
    assert [(t["id"], t["unread_count"]) for t in inbox["items"]] == [(thread["id"], 1)]
    assert inbox["next_cursor"] is None
    assert inbox["items"][0]["last_message"]["body"] == "Free at Christmas? Call [hidden]"
    messages = client.get(f"{API}/threads/{thread['id']}/messages", headers=host_headers)
    [seen] = messages.get_json()["items"]
    assert (seen["body"], seen["redacted"], seen["sender_id"]) == (
        "Free at Christmas? Call [hidden]", True, guest["id"],
    )  # fmt: skip
    for path in (f"/threads/{thread['id']}", f"/threads/{thread['id']}/messages"):
        assert client.get(API + path, headers=stranger_headers).status_code == 404
    assert write(client, stranger_headers, thread["id"], "hi").status_code == 404
    read = client.post(
        f"{API}/threads/{thread['id']}/read", json={"up_to": seen["id"]}, headers=host_headers
    )
    assert read.status_code == 204
    assert (
        client.get(f"{API}/threads", headers=host_headers).get_json()["items"][0]["unread_count"]
        == 0
    )
    answer = write(client, host_headers, thread["id"], "<b>Yes!</b> mail me at host@example.com")
    assert answer.status_code == 201
    assert (
        answer.headers["Location"]
        == f"/api/v1/threads/{thread['id']}/messages/{answer.get_json()['id']}"
    )
    assert client.get(answer.headers["Location"], headers=guest_headers).get_json()["body"] == (
        "<b>Yes!</b> mail me at [hidden]"
    )
    booking_id = booked(client, guest_headers, listing["id"], day(clock, 10), day(clock, 12))
    paid(client, guest_headers, booking_id)  # instant book: confirmed
    shown = client.get(f"{API}/threads/{thread['id']}/messages", headers=host_headers).get_json()
    assert [(m["body"], m["redacted"]) for m in shown["items"]] == [
        ("<b>Yes!</b> mail me at host@example.com", False),
        ("Free at Christmas? Call +44 20 7946 0958", False),
    ]
    assert client.get(f"{API}/threads/{thread['id']}", headers=guest_headers).get_json()[
        "booking_ids"
    ] == [booking_id]
    admin_headers = admin(app, client)
    # Admins read a thread only through the audited dispute endpoint (tests of admin).
    assert client.get(f"{API}/threads/{thread['id']}", headers=admin_headers).status_code == 404
    assert write(client, admin_headers, thread["id"], "admin").status_code == 403


def test_bad_bodies_cursors_and_read_positions_are_422(app: Flask) -> None:
    client = app.test_client()
    _, host_headers, listing = host_with_listing(client)
    _, guest_headers = signup(client)
    own = inquire(client, host_headers, listing["id"], body="to myself")
    assert own.status_code == 422 and "listing_id" in own.get_json()["errors"]
    for body in ("", "   ", "x" * 5001, "a\x07b", "a\u202eb", None, 5):
        refused = inquire(client, guest_headers, listing["id"], body=body)
        assert refused.status_code == 422, body
        assert refused.headers["Content-Type"] == "application/problem+json"
        assert "body" in refused.get_json()["errors"]
    assert inquire(client, guest_headers, listing["id"], body="ok", guests=0).status_code == 422
    thread = inquire(client, guest_headers, listing["id"], body="x" * 5000).get_json()
    other = inquire(client, signup(client)[1], listing["id"], body="other").get_json()
    other_message = client.get(f"{API}/threads/{other['id']}/messages", headers=host_headers)
    other_id = other_message.get_json()["items"][0]["id"]
    read = client.post(
        f"{API}/threads/{thread['id']}/read", json={"up_to": other_id}, headers=host_headers
    )
    assert read.status_code == 422 and "up_to" in read.get_json()["errors"]
    for cursor in ("forged", "dGhyZWFkOnh4eB8x"):
        paged = client.get(
            f"{API}/threads/{thread['id']}/messages?before={cursor}", headers=host_headers
        )
        assert paged.status_code == 422 and "before" in paged.get_json()["errors"]
    assert client.get(f"{API}/threads?before=forged", headers=host_headers).status_code == 422
    assert client.get(f"{API}/listings/nope/inquiries", headers=guest_headers).status_code == 405


def test_a_blocked_guest_gets_403_and_message_emails_can_be_turned_off(app: Flask) -> None:
    client = app.test_client()
    host, host_headers, listing = host_with_listing(client)
    guest, guest_headers = signup(client)
    thread = inquire(client, guest_headers, listing["id"], body="hello").get_json()
    assert client.post(f"{API}/users/{guest['id']}/block", headers=host_headers).status_code == 204
    blocked = write(client, guest_headers, thread["id"], "hello?")
    assert blocked.status_code == 403
    assert blocked.headers["Content-Type"] == "application/problem+json"
    assert client.post(f"{API}/users/nobody/block", headers=host_headers).status_code == 404
    assert (
        client.delete(f"{API}/users/{guest['id']}/block", headers=host_headers).status_code == 204
    )
    assert write(client, guest_headers, thread["id"], "hello!").status_code == 201
    assert client.get(f"{API}/users/me", headers=host_headers).get_json()["notify_messages"] is True
    off = client.patch(f"{API}/users/me", json={"notify_messages": False}, headers=host_headers)
    assert off.status_code == 200 and off.get_json()["notify_messages"] is False
    assert (
        client.patch(
            f"{API}/users/me", json={"notify_messages": "no"}, headers=host_headers
        ).status_code
        == 422
    )
    assert host["id"] == thread["host_id"]


@pytest.mark.redis
def test_the_31st_message_in_a_minute_is_429_across_processes(
    sqlite_url: str, redis_url: str, redis_namespace: str
) -> None:
    clock = FakeClock()
    clock.advance(seconds=60 - clock.now().second)  # the start of a minute

    def process() -> FlaskClient:  # two apps stand for two server processes on one Redis
        rental = bootstrap(
            database_url=sqlite_url, clock=clock, password_hasher=Argon2Hasher(fast=True),
            redis_url=redis_url, redis_namespace=redis_namespace,
        )  # fmt: skip
        settings = test_settings(
            database_url=sqlite_url, redis_url=redis_url, redis_namespace=redis_namespace
        )
        return create_app(settings, rental=rental).test_client()

    first, second = process(), process()
    _, _, listing = host_with_listing(first)
    _, guest_headers = signup(first)
    thread = inquire(first, guest_headers, listing["id"], body="1").get_json()
    for n in range(2, 31):
        sent = write(first if n % 2 else second, guest_headers, thread["id"], str(n))
        assert sent.status_code == 201, sent.get_json()
    clock.advance(seconds=15)
    limited = write(second, guest_headers, thread["id"], "31")
    assert limited.status_code == 429
    assert limited.headers["Content-Type"] == "application/problem+json"
    assert limited.headers["Retry-After"] == "45"
    clock.advance(seconds=45)
    assert write(first, guest_headers, thread["id"], "a new minute").status_code == 201
