"""Messages through GraphQL: viewer.threads, thread(id){messages}, sendMessage, markThreadRead,
with the HTTP API's rules and batched nested lists."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.composition import bootstrap
from rental.entrypoints.http import create_app
from tests.fakes import FakeClock
from tests.integration.graphql.steps import codes, gql
from tests.integration.http.booking_steps import API, admin, host_with_listing
from tests.integration.http.conftest import signup, test_settings

INBOX = """query($n: Int!) { viewer { threads(perPage: $n) { nextCursor items { id unreadCount
  listing { id title } guest { username } host { username }
  lastMessage { body redacted }
  messages(perPage: 3) { nextCursor items { body redacted sender { username } } } } } } }"""
THREAD = """query($id: ID!) { thread(id: $id) { id messages { items { id body redacted } } } }"""
SEND = """mutation($id: ID!, $body: String!) { sendMessage(input: {threadId: $id, body: $body}) {
  id body redacted threadId } }"""
PAGE = """query($id: ID!, $before: String) { thread(id: $id) {
  messages(before: $before, perPage: 1) { nextCursor items { body } } } }"""
READ = """mutation($id: ID!, $upTo: ID!) { markThreadRead(threadId: $id, upTo: $upTo) {
  unreadCount } }"""


@pytest.fixture
def app(database_url: str, clock: FakeClock) -> Iterator[Flask]:
    rental = bootstrap(
        database_url=database_url, clock=clock, password_hasher=Argon2Hasher(fast=True)
    )
    yield create_app(test_settings(database_url=database_url), rental=rental)
    rental.close()


def _inquire(client: FlaskClient, headers: dict[str, str], listing_id: str, body: str) -> Any:
    answer = client.post(
        f"{API}/listings/{listing_id}/inquiries", json={"body": body}, headers=headers
    )
    assert answer.status_code == 201, answer.get_json()
    return answer.get_json()


def test_threads_and_messages_through_graphql(app: Flask) -> None:
    client = app.test_client()
    _, host, listing = host_with_listing(client)
    _, guest = signup(client)
    thread = _inquire(client, guest, listing["id"], "call me: +33 6 12 34 56 78")
    answer = gql(client, INBOX, {"n": 10}, host)
    [item] = answer["data"]["viewer"]["threads"]["items"]
    assert item["unreadCount"] == 1 and item["listing"]["id"] == listing["id"]
    assert item["lastMessage"] == {"body": "call me: [hidden]", "redacted": True}
    assert item["messages"]["items"][0]["body"] == "call me: [hidden]"
    sent = gql(client, SEND, {"id": thread["id"], "body": "<i>hi</i> host@example.com"}, host)
    assert sent["data"]["sendMessage"]["body"] == "<i>hi</i> host@example.com"
    seen = gql(client, THREAD, {"id": thread["id"]}, guest)["data"]["thread"]["messages"]
    newest = seen["items"][0]
    assert (newest["body"], newest["redacted"]) == ("<i>hi</i> [hidden]", True)
    read = gql(client, READ, {"id": thread["id"], "upTo": newest["id"]}, guest)
    assert read["data"]["markThreadRead"] == {"unreadCount": 0}
    stranger = signup(client)[1]
    assert gql(client, THREAD, {"id": thread["id"]}, stranger)["data"]["thread"] is None
    refused = gql(client, SEND, {"id": thread["id"], "body": "hi"}, stranger)
    assert refused["data"]["sendMessage"] is None and codes(refused) == ["NOT_FOUND"]
    empty = gql(client, SEND, {"id": thread["id"], "body": "  "}, guest)
    assert (
        codes(empty) == ["BAD_USER_INPUT"] and "body" in empty["errors"][0]["extensions"]["errors"]
    )
    elsewhere = gql(client, READ, {"id": thread["id"], "upTo": "nope"}, guest)
    assert codes(elsewhere) == ["BAD_USER_INPUT"]
    admin_headers = admin(app, client)
    # Admins read a thread only through the audited HTTP dispute endpoint.
    assert gql(client, THREAD, {"id": thread["id"]}, admin_headers)["data"]["thread"] is None
    assert codes(gql(client, SEND, {"id": thread["id"], "body": "x"}, admin_headers)) == [
        "FORBIDDEN"
    ]
    assert gql(client, INBOX, {"n": 5})["data"]["viewer"] is None


def test_the_inbox_costs_the_same_statements_for_2_threads_as_for_8(app: Flask) -> None:
    client = app.test_client()
    _, host, listing = host_with_listing(client)
    for n in range(8):
        _, guest = signup(client)
        thread = _inquire(client, guest, listing["id"], f"hello {n}")
        client.post(f"{API}/threads/{thread['id']}/messages", json={"body": "more"}, headers=guest)

    def statements(n: int) -> int:
        seen: list[str] = []

        def count(*_args: Any) -> None:
            seen.append("")

        sa.event.listen(sa.engine.Engine, "before_cursor_execute", count)
        try:
            answer = gql(client, INBOX, {"n": n}, host)
        finally:
            sa.event.remove(sa.engine.Engine, "before_cursor_execute", count)
        assert len(answer["data"]["viewer"]["threads"]["items"]) == n
        return len(seen)

    assert statements(2) == statements(8)


def test_a_blocked_sender_the_31st_message_and_foreign_cursors_get_their_codes(
    app: Flask, clock: FakeClock
) -> None:
    """The HTTP API's 403, 429 and 422 of messaging, as GraphQL codes."""
    client = app.test_client()
    _, host, listing = host_with_listing(client)
    guest_user, guest = signup(client)
    thread = _inquire(client, guest, listing["id"], "first")
    other = _inquire(client, signup(client)[1], listing["id"], "other one")
    gql(client, SEND, {"id": other["id"], "body": "other two"}, host)
    foreign = gql(client, PAGE, {"id": other["id"], "before": None}, host)
    cursor = foreign["data"]["thread"]["messages"]["nextCursor"]
    assert cursor is not None
    for before in (cursor, "forged"):
        refused = gql(client, PAGE, {"id": thread["id"], "before": before}, host)
        assert codes(refused) == ["BAD_USER_INPUT"], refused
        assert "before" in refused["errors"][0]["extensions"]["errors"]

    assert client.post(f"{API}/users/{guest_user['id']}/block", headers=host).status_code == 204
    blocked = gql(client, SEND, {"id": thread["id"], "body": "hello?"}, guest)
    assert blocked["data"]["sendMessage"] is None and codes(blocked) == ["FORBIDDEN"]
    assert client.delete(f"{API}/users/{guest_user['id']}/block", headers=host).status_code == 204

    clock.advance(seconds=60 - clock.now().second)  # the start of a minute
    for n in range(30):
        sent = gql(client, SEND, {"id": thread["id"], "body": str(n)}, guest)
        assert "errors" not in sent, sent
    clock.advance(seconds=15)
    limited = gql(client, SEND, {"id": thread["id"], "body": "31"}, guest)
    assert limited["data"]["sendMessage"] is None and codes(limited) == ["RATE_LIMITED"]
    assert limited["errors"][0]["extensions"]["retryAfter"] == 45
