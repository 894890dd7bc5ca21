"""Limits against abuse on the HTTP API: what one account may hold at once."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.application import time_budget
from rental.composition import bootstrap
from rental.domain.limits import Limits
from rental.entrypoints.http import create_app
from rental.settings import Settings
from tests.fakes import FakeClock
from tests.integration.graphql.steps import LISTING_INPUT, codes, gql
from tests.integration.http.conftest import listing_fields, signup, test_settings

LIMITS = Limits(max_listings_per_host=2)


@pytest.fixture
def limited_app(database_url_or_memory: str, clock: FakeClock) -> Iterator[Flask]:
    """The app over memory, SQLite and PostgreSQL with small limits."""
    rental = bootstrap(
        database_url=database_url_or_memory,
        clock=clock,
        password_hasher=Argon2Hasher(fast=True),
        limits=LIMITS,
    )
    yield create_app(test_settings(database_url=database_url_or_memory), rental=rental)
    rental.close()


@pytest.fixture
def limited(limited_app: Flask) -> FlaskClient:
    return limited_app.test_client()


def test_settings_name_the_limits() -> None:
    default = Settings.from_env({"RENTAL_ENV": "test"}).limits
    assert default.domain_limits() == Limits(max_listings_per_host=100)
    moved = Settings.from_env({"RENTAL_ENV": "test", "RENTAL_MAX_LISTINGS_PER_HOST": "7"})
    assert moved.limits.domain_limits().max_listings_per_host == 7


def test_a_host_has_at_most_the_listings_allowed_on_both_doors(limited: FlaskClient) -> None:
    _, host = signup(limited, "host")
    _, other = signup(limited, "host")
    made = [limited.post("/api/v1/listings", json=listing_fields(), headers=host) for _ in range(2)]
    assert [r.status_code for r in made] == [201, 201]

    refused = limited.post("/api/v1/listings", json=listing_fields(), headers=host)
    assert refused.status_code == 409
    assert refused.get_json()["type"].endswith("/too-many-listings")
    assert "at most 2 listings" in refused.get_json()["detail"]
    create = "mutation($i: CreateListingInput!) { createListing(input: $i) { id } }"
    assert codes(gql(limited, create, {"i": LISTING_INPUT}, host)) == ["CONFLICT"]
    # Another host is not counted against this one; a deleted listing frees its place.
    assert limited.post("/api/v1/listings", json=listing_fields(), headers=other).status_code == 201
    gone = limited.delete(f"/api/v1/listings/{made[0].get_json()['id']}", headers=host)
    assert gone.status_code == 204
    assert limited.post("/api/v1/listings", json=listing_fields(), headers=host).status_code == 201


@pytest.fixture(params=["sqlite_url", pytest.param("postgres_url", marks=pytest.mark.postgres)])
def sql_client(request: pytest.FixtureRequest, clock: FakeClock) -> Iterator[FlaskClient]:
    url: str = request.getfixturevalue(request.param)
    rental = bootstrap(database_url=url, clock=clock, password_hasher=Argon2Hasher(fast=True))
    yield create_app(test_settings(database_url=url), rental=rental).test_client()
    rental.close()


def spend_the_budget_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every look at the clock is 11 s after the one before (the budget is 10 s)."""
    readings = itertools.count(0.0, 11.0)
    monkeypatch.setattr(time_budget, "now", lambda: next(readings))


def test_a_request_stops_reading_when_its_time_budget_is_spent(
    sql_client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, host = signup(sql_client, "host")
    assert (
        sql_client.post("/api/v1/listings", json=listing_fields(), headers=host).status_code == 201
    )
    spend_the_budget_at_once(monkeypatch)
    stopped = sql_client.get("/api/v1/listings")
    assert stopped.status_code == 503
    assert stopped.get_json()["type"].endswith("/time-budget-spent")
    assert "time budget (10,000 ms)" in stopped.get_json()["detail"]
    answer = gql(sql_client, "{ listings { items { id } } }")
    assert codes(answer) == ["SERVICE_UNAVAILABLE"]
    monkeypatch.undo()
    assert sql_client.get("/api/v1/listings").status_code == 200  # the next request has its own


def test_graphql_fields_stop_when_the_time_budget_is_spent(
    memory_client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In memory nothing reads a database: the executor itself looks at the budget."""
    spend_the_budget_at_once(monkeypatch)
    answer = gql(memory_client, "{ listings { total } }")
    assert codes(answer) == ["SERVICE_UNAVAILABLE"] and answer["data"] is None
