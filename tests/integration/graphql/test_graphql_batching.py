"""Batching: the statements a query runs do not grow with its pages; and the same scenario
through REST and through GraphQL stores the same rows."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from flask_jwt_extended import create_access_token

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.composition import bootstrap
from rental.domain.accounts.users import Role, User
from rental.entrypoints.http import create_app
from tests.contracts.builders import (
    NOW,
    a_booking,
    a_listing,
    a_payment,
    a_review,
    a_user,
    confirmed,
    save,
)
from tests.fakes import FakeClock
from tests.integration.graphql.steps import created_listing, gql, paid, requested
from tests.integration.http.booking_steps import book, day, pay, post, rental_of
from tests.integration.http.conftest import listing_fields, signup, test_settings

SQL_STORAGES = [
    pytest.param("sqlite_url", id="sqlite"),
    pytest.param("postgres_url", id="postgres", marks=pytest.mark.postgres),
]
LISTINGS = """query($n: Int!) { listings(perPage: $n) { total items { id title
  host { id username } availability(from: "2030-02-01", to: "2030-03-01") { start }
  reviews(perPage: 5) { total items { id rating author { id username } } } } } }"""
TRIPS = """query($n: Int!) { me { trips(perPage: $n) { total items { id status
  listing { id host { id } } guest { id } payments { id status booking { id } }
  review { id author { id } listing { id } } } } } }"""


@pytest.fixture(params=SQL_STORAGES)
def sql_app(request: pytest.FixtureRequest) -> Iterator[Flask]:
    url: str = request.getfixturevalue(request.param)
    clock = FakeClock(NOW + timedelta(days=30))
    rental = bootstrap(database_url=url, clock=clock, password_hasher=Argon2Hasher(fast=True))
    yield create_app(test_settings(database_url=url), rental=rental)
    rental.close()


@pytest.fixture
def statements() -> Iterator[list[str]]:
    """Every SQL statement any engine runs while the test does."""
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    sa.event.listen(sa.engine.Engine, "before_cursor_execute", count)
    yield seen
    sa.event.remove(sa.engine.Engine, "before_cursor_execute", count)


def seed_fifty_reviewed_listings(app: Flask) -> User:
    """50 listings of 10 hosts, each stayed at and reviewed twice, by two guests; and a
    payment per stay. Returns the first guest."""
    hosts = [a_user(Role.HOST) for _ in range(10)]
    guests = [a_user(), a_user()]
    things: list[Any] = [*hosts, *guests]
    long_ago = NOW - timedelta(days=40)
    for i in range(50):
        listing = a_listing(hosts[i % 10], now=long_ago - timedelta(minutes=i))
        things.append(listing)
        for n, guest in enumerate(guests):
            stay = a_booking(listing, guest, long_ago.date() + timedelta(days=3 * n + 1), 2,
                             long_ago)  # fmt: skip
            payment = a_payment(stay, long_ago)
            reviewed = long_ago + timedelta(days=3 * n + 4)
            things += [confirmed(stay, long_ago), payment, a_review(stay, 4 + n, reviewed)]
    save(rental_of(app).dependencies.uow_factory, *things)
    return guests[0]


def bearer(app: Flask, user: User) -> dict[str, str]:
    with app.app_context():
        token = create_access_token(identity=user.id, additional_claims={"role": user.role})
    return {"Authorization": f"Bearer {token}"}


def test_pages_of_5_and_50_run_the_same_statements(sql_app: Flask, statements: list[str]) -> None:
    client = sql_app.test_client()
    guest = bearer(sql_app, seed_fifty_reviewed_listings(sql_app))
    counts = {}
    for query, headers in ((LISTINGS, {}), (TRIPS, guest)):
        for size in (5, 50):
            statements.clear()
            answer = gql(client, query, {"n": size}, headers)
            assert "errors" not in answer, answer
            counts[(query, size)] = len(statements)
            selects = [x for x in statements if x.lstrip().upper().startswith(("SELECT", "WITH"))]
        page = answer["data"]["listings"] if query is LISTINGS else answer["data"]["me"]["trips"]
        assert len(page["items"]) == 50
        if query is LISTINGS:
            # the search, hosts, availability (bookings, blocks), review pages, authors
            assert len(selects) == 6, selects

    assert counts[(LISTINGS, 5)] == counts[(LISTINGS, 50)]
    assert counts[(TRIPS, 5)] == counts[(TRIPS, 50)]
    items = answer["data"]["me"]["trips"]["items"]
    assert all(item["review"]["author"]["id"] == item["guest"]["id"] for item in items)
    assert all(item["payments"][0]["booking"]["id"] == item["id"] for item in items)


STORED = {
    "listings": ["title", "city", "country", "price_per_night", "currency", "cleaning_fee",
                 "max_guests", "instant_book", "cancellation_policy", "amenities", "timezone",
                 "created_at", "updated_at", "deleted_at", "version"],
    "bookings": ["check_in", "check_out", "guests", "status", "total", "service_fee",
                 "cancelled_by", "refund_amount", "created_at", "updated_at", "version"],
    "payments": ["amount", "currency", "status", "refunded_amount", "failure_reason",
                 "created_at", "version"],
}  # fmt: skip


def stored_rows(url: str) -> dict[str, list[tuple[str, ...]]]:
    rows = {}
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        for table, columns in STORED.items():
            query = sa.text(f"SELECT {', '.join(columns)} FROM {table}")
            rows[table] = sorted(tuple(map(str, row)) for row in connection.execute(query))
    engine.dispose()
    return rows


def scenario_over_rest(client: FlaskClient, clock: FakeClock) -> None:
    _, host = signup(client, "host")
    _, guest = signup(client, "guest")
    listing = client.post("/api/v1/listings", json=listing_fields(amenities=["wifi"]),
                          headers=host).get_json()  # fmt: skip
    booking = book(client, guest, listing["id"], day(clock, 5), day(clock, 8), 2).get_json()
    assert pay(client, guest, booking["id"], "tok_chargeDeclined").status_code == 402
    assert pay(client, guest, booking["id"]).status_code == 201
    assert post(client, f"/bookings/{booking['id']}/cancel", guest).status_code == 200
    changed = client.patch(f"/api/v1/listings/{listing['id']}", json={"title": "Loft"},
                           headers=host)  # fmt: skip
    assert changed.status_code == 200


def scenario_over_graphql(client: FlaskClient, clock: FakeClock) -> None:
    _, host = signup(client, "host")
    _, guest = signup(client, "guest")
    listing = created_listing(client, host, amenities=["wifi"])
    booking = requested(client, guest, listing["id"], day(clock, 5), day(clock, 8), 2)
    assert paid(client, guest, booking["id"], "tok_chargeDeclined")["data"]["payForBooking"] is None
    assert paid(client, guest, booking["id"])["data"]["payForBooking"]["status"] == "CAPTURED"
    cancel = "mutation($id: ID!) { cancelBooking(id: $id) { id } }"
    assert "errors" not in gql(client, cancel, {"id": booking["id"]}, guest)
    update = """mutation($id: ID!) { updateListing(id: $id, input: {title: "Loft"}) { id } }"""
    assert "errors" not in gql(client, update, {"id": listing["id"]}, host)


def test_rest_and_graphql_store_the_same_rows(
    sqlite_url: str, tmp_path: Path, sqlite_template: Path
) -> None:
    other = tmp_path / "graphql.sqlite3"
    shutil.copyfile(sqlite_template, other)
    stored = []
    for url, scenario in (
        (sqlite_url, scenario_over_rest),
        (f"sqlite:///{other}", scenario_over_graphql),
    ):
        clock = FakeClock()
        rental = bootstrap(database_url=url, clock=clock, password_hasher=Argon2Hasher(fast=True))
        app = create_app(test_settings(database_url=url), rental=rental)
        scenario(app.test_client(), clock)
        rental.close()
        stored.append(stored_rows(url))

    assert stored[0] == stored[1]
    assert len(stored[0]["payments"]) == 2 and len(stored[0]["bookings"]) == 1
