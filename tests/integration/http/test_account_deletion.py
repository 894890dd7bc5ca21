"""Deleting an account (issue 21) over HTTP on SQLite, PostgreSQL and MariaDB, with a real
SMTP server: what blocks it, what it erases (every table dumped and searched), and what it
keeps for the others and the books."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.media.files import FileMediaStore
from rental.application import commands as c
from rental.application.ports import ProviderEvent
from rental.composition import bootstrap
from rental.domain.money import Money
from rental.entrypoints.http import create_app
from tests.events import SmtpInbox, wait_until
from tests.fakes import FakeClock
from tests.images import jpeg
from tests.integration.http.booking_steps import (
    booked,
    day,
    get,
    host_with_listing,
    paid,
    rental_of,
)
from tests.integration.http.conftest import PASSWORD, listing_fields, signup, test_settings

API = "/api/v1"
NAME, BIO = "Zelda Quintana-Marsh", "Beekeeper in Obidos since 1999, ask me about honey."
EMAIL, USERNAME = "zelda.quintana@example.com", "zeldaq"


@pytest.fixture
def app(
    database_url: str, smtp_inbox: SmtpInbox, clock: FakeClock, tmp_path: Path
) -> Iterator[Flask]:
    rental = bootstrap(
        database_url=database_url, clock=clock, password_hasher=Argon2Hasher(fast=True),
        smtp_url=smtp_inbox.url, frontend_url="https://app.rental.test",
        media_store=FileMediaStore(tmp_path, now=clock.now),
    )  # fmt: skip
    app = create_app(test_settings(database_url=database_url), rental=rental)
    yield app
    rental.close()


def _zelda(client: FlaskClient) -> tuple[dict[str, Any], dict[str, str]]:
    """A host with a name, a bio and a listing of her own (``user, headers``)."""
    body = {"username": USERNAME, "email": EMAIL, "password": PASSWORD, "role": "host"}
    user = client.post(f"{API}/auth/register", json=body).get_json()
    tokens = client.post(f"{API}/auth/login", json={"email": EMAIL, "password": PASSWORD})
    headers = {"Authorization": f"Bearer {tokens.get_json()['access_token']}"}
    profile = {"full_name": NAME, "bio": BIO}
    assert client.patch(f"{API}/users/me", json=profile, headers=headers).status_code == 200
    return user, headers


def _delete(client: FlaskClient, headers: dict[str, str], password: str = PASSWORD) -> Any:
    return client.delete(f"{API}/users/me", json={"current_password": password}, headers=headers)


def _dump(url: str) -> str:
    """Every row of every table, as text (the database's own, not the application's view)."""
    engine = sa.create_engine(url)
    try:
        tables = sa.MetaData()
        with warnings.catch_warnings():  # indexes on expressions are not reflected: no matter
            warnings.simplefilter("ignore", sa.exc.SAWarning)
            tables.reflect(engine)
        with engine.connect() as connection:
            return "\n".join(
                f"{name}: {tuple(row)}"
                for name, table in tables.tables.items()
                for row in connection.execute(sa.select(table))
            )
    finally:
        engine.dispose()


def test_a_deleted_host_and_guest_leaves_no_personal_value_and_the_books_balance(
    app: Flask, database_url: str, clock: FakeClock, smtp_inbox: SmtpInbox, tmp_path: Path
) -> None:
    client, rental = app.test_client(), rental_of(app)
    zelda, headers = _zelda(client)
    mine = client.post(f"{API}/listings", json=listing_fields(), headers=headers).get_json()
    _, olga, theirs = host_with_listing(client)
    _, gus = signup(client)
    as_guest = booked(client, headers, theirs["id"], day(clock, 1), day(clock, 2))
    as_host = booked(client, gus, mine["id"], day(clock, 1), day(clock, 2))
    paid(client, headers, as_guest)
    paid(client, gus, as_host)

    wrong = _delete(client, headers, "not my password")
    assert wrong.status_code == 403
    blocked = _delete(client, headers)
    assert blocked.status_code == 409, blocked.get_json()
    assert sorted((b["reason"], b["booking_id"]) for b in blocked.get_json()["blockers"]) == sorted(
        [("stay-as-guest", as_guest), ("hosted-stay", as_host), ("payout-owed", as_host)]
    )
    assert as_guest in blocked.get_json()["detail"]

    clock.advance(days=3)  # both stays are over; the payouts are due, then paid
    assert rental.pay_hosts() == {"paid": 2, "cancelled": 0}
    for who, booking_id, path in (
        (headers, as_guest, "review"),
        (olga, as_guest, "guest-review"),
        (gus, as_host, "review"),
        (headers, as_host, "guest-review"),
    ):
        body = {"rating": 4, "comment": "Lovely."}
        written = client.post(f"{API}/bookings/{booking_id}/{path}", json=body, headers=who)
        assert written.status_code == 201, written.get_json()
    rental.publish_reviews()

    photo = client.post(
        f"{API}/listings/{mine['id']}/photos", data=jpeg(), headers=headers,
        content_type="image/jpeg",
    )  # fmt: skip
    assert photo.status_code == 202, photo.get_json()
    assert len(list(tmp_path.rglob("*.webp"))) == 3  # its variants, made at once here
    # Her data export, built at once (no worker here), is a file with all of her in it.
    export = client.post(f"{API}/users/me/export", headers=headers).get_json()
    assert export["status"] == "pending" and len(list(tmp_path.rglob("*.json"))) == 1
    # A reset asked for her address (an event naming no user) is blanked by the deletion.
    assert client.post(f"{API}/auth/password-reset", json={"email": EMAIL}).status_code == 202
    assert _delete(client, headers).status_code == 204
    subject = "Your rental account was deleted"
    wait_until(
        lambda: [m for m in smtp_inbox.to(EMAIL) if m["Subject"] == subject],
        what="the farewell email",
    )

    assert list(tmp_path.rglob("*.json")) == []  # the export's file went with her
    assert list(tmp_path.rglob("*.webp")) == []  # and her listing's photos
    dump = _dump(database_url).casefold()
    for value in (EMAIL, NAME, BIO, USERNAME, "quintana"):
        assert value.casefold() not in dump, value
    with sa.create_engine(database_url).connect() as connection:
        for table, column in (
            ("login_sessions", "user_id"),
            ("one_time_tokens", "user_id"),
            ("photos", "listing_id"),
        ):
            left = connection.execute(
                sa.text(f"SELECT COUNT(*) FROM {table} WHERE {column} IN (:u, :l)"),
                {"u": zelda["id"], "l": mine["id"]},
            ).scalar_one()
            assert left == 0, table
        for booking_id in (as_guest, as_host):
            held = connection.execute(
                sa.text("SELECT SUM(amount - refunded_amount) FROM payments "
                        "WHERE booking_id = :b AND status IN ('captured', 'partially_refunded')"),
                {"b": booking_id},
            ).scalar_one()  # fmt: skip
            booked_sum = connection.execute(
                sa.text("SELECT SUM(amount) FROM ledger_entries WHERE booking_id = :b"),
                {"b": booking_id},
            ).scalar_one()
            assert held > 0 and booked_sum == held

    # The others keep their side: the booking, the payment and the review, by a deleted user.
    seen = get(client, f"/bookings/{as_guest}", olga).get_json()
    assert (seen["guest_id"], seen["status"]) == (zelda["id"], "completed")
    assert get(client, f"/bookings/{as_guest}/payments", olga).status_code == 200
    assert get(client, f"/bookings/{as_host}", gus).get_json()["listing_id"] == mine["id"]
    reviews = get(client, f"/listings/{theirs['id']}/reviews").get_json()["items"]
    assert [r["author_id"] for r in reviews] == [zelda["id"]]
    query = "query($id: ID!) { user(id: $id) { username fullName bio deleted } }"
    shown = client.post(f"{API}/graphql", json={"query": query, "variables": {"id": zelda["id"]}})
    user = shown.get_json()["data"]["user"]
    assert user["deleted"] is True and user["fullName"] is None and user["bio"] is None
    assert user["username"].startswith("deleted-")

    # She is gone: her tokens, her password, her listing; her address may sign up again.
    assert get(client, "/users/me", headers).status_code == 401
    login = client.post(f"{API}/auth/login", json={"email": EMAIL, "password": PASSWORD})
    assert login.status_code == 401
    assert get(client, f"/listings/{mine['id']}").status_code == 404
    body = {"username": USERNAME, "email": EMAIL, "password": PASSWORD}
    assert client.post(f"{API}/auth/register", json=body).status_code == 201


def test_money_owed_back_after_a_payout_blocks_deletion(app: Flask, clock: FakeClock) -> None:
    client, rental = app.test_client(), rental_of(app)
    _, headers = _zelda(client)
    mine = client.post(f"{API}/listings", json=listing_fields(), headers=headers).get_json()
    _, gus = signup(client)
    booking_id = booked(client, gus, mine["id"], day(clock, 1), day(clock, 2))
    payment = paid(client, gus, booking_id)
    clock.advance(days=3)
    assert rental.pay_hosts() == {"paid": 1, "cancelled": 0}
    with rental.dependencies.uow_factory() as uow:
        (stored,) = uow.payments.for_booking(booking_id)
    reference = stored.gateway_reference
    assert reference is not None
    rental.dependencies.gateway.refund(reference, Money(payment["amount"], "USD"), "late-1")
    event = ProviderEvent(id="evt_late", type="charge.refunded", reference=reference,
                          refunded=payment["amount"])  # fmt: skip
    rental.handle(c.HandleProviderEvent(event=event))

    blocked = _delete(client, headers)
    assert blocked.status_code == 409
    assert blocked.get_json()["blockers"] == [{"reason": "money-owed", "booking_id": booking_id}]


def test_wrong_passwords_lock_deletion_like_the_other_checks(app: Flask) -> None:
    client = app.test_client()
    _, headers = _zelda(client)
    answers = [_delete(client, headers, "wrong password").status_code for _ in range(11)]
    assert answers == [403] * 10 + [429]
    assert _delete(client, headers).status_code == 429  # locked: not even the right one is read
    assert _delete(client, {}).status_code == 401
    assert client.delete(f"{API}/users/me", json={}, headers=headers).status_code == 422


def test_a_pending_request_does_not_keep_a_host_but_an_unexpired_hold_keeps_its_guest(
    app: Flask, clock: FakeClock
) -> None:
    """The API names confirmed stays only on the host's side: a paid request nobody can answer
    any more expires after its 24 hours, its authorization voided. A guest's unpaid hold keeps
    them until it runs out (30 minutes)."""
    client, rental = app.test_client(), rental_of(app)
    _, headers = _zelda(client)
    mine = client.post(
        f"{API}/listings", json=listing_fields(instant_book=False), headers=headers
    ).get_json()
    _, gus = signup(client)
    request = booked(client, gus, mine["id"], day(clock, 3), day(clock, 5))
    payment = paid(client, gus, request)
    _, olga, theirs = host_with_listing(client)
    _, ida = signup(client)
    hold = booked(client, ida, theirs["id"], day(clock, 3), day(clock, 5))
    blocked = client.delete(f"{API}/users/me", json={"current_password": PASSWORD}, headers=ida)
    assert blocked.get_json()["blockers"] == [{"reason": "stay-as-guest", "booking_id": hold}]

    assert _delete(client, headers).status_code == 204
    clock.advance(hours=24, minutes=1)
    assert rental.expire_bookings()["expired"] == 2
    assert get(client, f"/payments/{payment['id']}", gus).get_json()["status"] == "voided"
    assert _delete(client, ida).status_code == 204  # the hold ran out
    assert get(client, f"/bookings/{hold}", olga).get_json()["status"] == "expired"
