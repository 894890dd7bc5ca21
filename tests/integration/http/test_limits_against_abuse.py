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
from rental.settings import Settings, SettingsError
from tests.fakes import FakeClock
from tests.integration.graphql.steps import LISTING_INPUT, codes, gql
from tests.integration.http.booking_steps import API, book, day, host_with_listing, pay
from tests.integration.http.conftest import listing_fields, signup, test_settings

LIMITS = Limits(max_listings_per_host=2, max_unpaid_holds=2, payment_attempts=2)


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
    assert default.domain_limits() == Limits(
        max_listings_per_host=100, max_unpaid_holds=3, payment_attempts=5
    )
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


def test_a_guest_holds_few_unpaid_bookings_and_cannot_renew_a_cancelled_one(
    limited: FlaskClient, clock: FakeClock
) -> None:
    listings = [host_with_listing(limited, max_nights=400)[2]["id"] for _ in range(4)]
    _, guest = signup(limited, "guest")
    _, other_guest = signup(limited, "guest")
    year = (day(clock, 1), day(clock, 366))
    held = [book(limited, guest, listing, *year) for listing in listings[:2]]
    assert [r.status_code for r in held] == [201, 201]

    request = "mutation($i: RequestBookingInput!) { requestBooking(input: $i) { id } }"
    stay = {"listingId": listings[2], "checkIn": year[0], "checkOut": year[1], "guests": 1}
    assert codes(gql(limited, request, {"i": stay}, guest)) == ["CONFLICT"]
    third = book(limited, guest, listings[2], *year)
    assert third.status_code == 409
    assert third.get_json()["type"].endswith("/too-many-holds")
    assert book(limited, other_guest, listings[2], *year).status_code == 201
    # A paid booking is no longer a hold; a cancelled one frees its place...
    assert pay(limited, guest, held[0].get_json()["id"]).status_code == 201
    assert book(limited, guest, listings[3], day(clock, 1), day(clock, 2)).status_code == 201
    cancelled = limited.post(f"{API}/bookings/{held[1].get_json()['id']}/cancel", headers=guest)
    assert cancelled.status_code == 200
    # ... but not its nights, for this guest, until the hold would have run out.
    renewed = book(limited, guest, listings[1], day(clock, 100), day(clock, 101))
    assert renewed.status_code == 409
    assert renewed.get_json()["type"].endswith("/hold-not-renewable")
    assert book(limited, guest, listings[1], day(clock, 370), day(clock, 372)).status_code == 201
    clock.advance(minutes=30)
    assert book(limited, guest, listings[1], day(clock, 100), day(clock, 101)).status_code == 201


def test_a_long_stays_unpaid_hold_runs_out_when_a_short_ones_does(
    limited: FlaskClient, clock: FakeClock
) -> None:
    _, _, listing = host_with_listing(limited, max_nights=400)
    _, _, other = host_with_listing(limited)
    _, guest = signup(limited, "guest")
    _, rival = signup(limited, "guest")
    assert book(limited, guest, listing["id"], day(clock, 1), day(clock, 366)).status_code == 201
    assert book(limited, guest, other["id"], day(clock, 1), day(clock, 2)).status_code == 201
    clock.advance(minutes=30)
    for listing_id, nights in ((listing["id"], 365), (other["id"], 1)):
        taken = book(limited, rival, listing_id, day(clock, 1), day(clock, 1 + nights))
        assert taken.status_code == 201, taken.get_json()


DECLINED = "tok_chargeDeclined"
PAY_GQL = """mutation($id: ID!) { payForBooking(input: {bookingId: $id,
  paymentToken: "tok_chargeDeclined"}) { id } }"""


def test_failed_payments_are_limited_per_booking_and_per_user_on_both_doors(
    limited: FlaskClient, clock: FakeClock
) -> None:
    """Limit 2 a booking and 4 a user within the hour; REST and GraphQL count together."""
    listings = [host_with_listing(limited)[2]["id"] for _ in range(3)]
    _, guest = signup(limited, "guest")
    bookings = [
        book(limited, guest, listing, day(clock, 5), day(clock, 6)).get_json()["id"]
        for listing in listings[:2]
    ]
    assert pay(limited, guest, bookings[0], DECLINED).status_code == 402
    assert codes(gql(limited, PAY_GQL, {"id": bookings[0]}, guest)) == ["PAYMENT_DECLINED"]
    refused = pay(limited, guest, bookings[0], "tok_visa")
    assert refused.status_code == 429
    assert refused.get_json()["type"].endswith("/too-many-payment-attempts")
    assert int(refused.headers["Retry-After"]) == 3600
    answer = gql(limited, PAY_GQL, {"id": bookings[0]}, guest)
    assert codes(answer) == ["RATE_LIMITED"]
    assert answer["errors"][0]["extensions"]["retryAfter"] == 3600

    clock.advance(minutes=10)
    assert pay(limited, guest, bookings[1], DECLINED).status_code == 402
    assert pay(limited, guest, bookings[1], DECLINED).status_code == 402
    # Four failures for this user within the hour: the third booking is refused too.
    limited.post(f"{API}/bookings/{bookings[0]}/cancel", headers=guest)
    third = book(limited, guest, listings[2], day(clock, 5), day(clock, 6)).get_json()["id"]
    user_wide = pay(limited, guest, third, "tok_visa")
    assert user_wide.status_code == 429 and int(user_wide.headers["Retry-After"]) == 3000
    clock.advance(minutes=51)  # the first two failures have left the hour (and the holds run out)
    again = book(limited, guest, listings[2], day(clock, 5), day(clock, 6)).get_json()["id"]
    assert pay(limited, guest, again, "tok_visa").status_code == 201


@pytest.mark.parametrize(
    ("env", "public_url", "expected"),
    [
        ("test", "https://rental.example.com", "https://rental.example.com/api/v1/listings/"),
        ("production", None, "/api/v1/listings/"),
    ],
)
def test_the_secret_feed_url_is_never_built_on_the_host_header(
    clock: FakeClock, env: str, public_url: str | None, expected: str
) -> None:
    rental = bootstrap(clock=clock, password_hasher=Argon2Hasher(fast=True))
    client = create_app(test_settings(env=env, public_url=public_url), rental=rental).test_client()
    _, host, listing = host_with_listing(client)
    poisoned = host | {"Host": "evil.example", "X-Forwarded-Host": "evil.example"}
    feed = client.get(f"{API}/listings/{listing['id']}/calendar-feed", headers=poisoned)
    assert feed.get_json()["url"].startswith(expected)
    assert "evil.example" not in feed.get_json()["url"]


def test_the_public_url_is_a_setting() -> None:
    env = {"RENTAL_ENV": "test", "RENTAL_PUBLIC_URL": "https://rental.example.com/"}
    assert Settings.from_env(env).public_url == "https://rental.example.com"
    with pytest.raises(SettingsError, match="RENTAL_PUBLIC_URL"):
        Settings.from_env(env | {"RENTAL_PUBLIC_URL": "rental.example.com"})


def test_no_page_hands_its_url_on_and_https_is_remembered(clock: FakeClock) -> None:
    rental = bootstrap(clock=clock, password_hasher=Argon2Hasher(fast=True))
    plain = create_app(test_settings(), rental=rental).test_client().get("/healthz")
    assert plain.headers["Referrer-Policy"] == "no-referrer"
    assert "Strict-Transport-Security" not in plain.headers
    secure = create_app(test_settings(public_url="https://rental.example.com"), rental=rental)
    answer = secure.test_client().get(f"{API}/listings")
    assert answer.headers["Strict-Transport-Security"] == "max-age=31536000"
    assert answer.headers["Referrer-Policy"] == "no-referrer"
