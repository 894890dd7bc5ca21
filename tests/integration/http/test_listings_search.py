"""GET /listings: every filter and order of API.md, pages, and bad queries, on every storage."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from rental.application import commands as c
from tests.integration.http.conftest import listing_fields, signup

LISTINGS = "/api/v1/listings"


@pytest.fixture
def catalog(rental_app: Flask, client: FlaskClient, clock: Any) -> dict[str, str]:
    """Four listings, created a minute apart; ``lisbon_big`` is booked 2030-02-01..04."""
    _, headers = signup(client, role="host")
    made = {}
    specs = {
        "lisbon_small": listing_fields(price_per_night=8000, max_guests=2, amenities=["wifi"]),
        "lisbon_big": listing_fields(
            city="LISBON", price_per_night=20000, max_guests=6, amenities=["wifi", "pool"]
        ),
        "porto": listing_fields(city="Porto", price_per_night=12000, min_nights=5),
        "paris": listing_fields(city="Paris", country="FR", price_per_night=30000),
    }
    for name, fields in specs.items():
        clock.advance(minutes=1)
        made[name] = client.post(LISTINGS, json=fields, headers=headers).get_json()["id"]
    guest, _ = signup(client)
    rental_app.extensions["rental"].handle(
        c.RequestBooking(
            actor=c.Actor(guest["id"], "guest"), listing_id=made["lisbon_big"],
            check_in=date(2030, 2, 1), check_out=date(2030, 2, 4), guests=2,
        )
    )  # fmt: skip
    return made


def ids(client: FlaskClient, query: str) -> list[str]:
    response = client.get(f"{LISTINGS}?{query}")
    assert response.status_code == 200, response.get_json()
    return [item["id"] for item in response.get_json()["items"]]


def test_filters(client: FlaskClient, catalog: dict[str, str]) -> None:
    by = {v: k for k, v in catalog.items()}
    named = lambda query: {by[i] for i in ids(client, query)}  # noqa: E731
    assert named("city=lisbon") == {"lisbon_small", "lisbon_big"}
    assert named("country=fr") == {"paris"}
    assert named("guests=3") == {"lisbon_big", "porto", "paris"}
    assert named("min_price=10000&max_price=25000") == {"lisbon_big", "porto"}
    assert named("amenities=WiFi") == {"lisbon_small", "lisbon_big"}
    assert named("amenities=wifi,pool") == {"lisbon_big"}
    stay = "check_in=2030-02-02&check_out=2030-02-05"
    assert named(stay) == {"lisbon_small", "paris"}  # big is booked, porto needs 5 nights
    assert named("check_in=2030-02-04&check_out=2030-02-10") == set(catalog)


def test_sorts_and_pages(client: FlaskClient, catalog: dict[str, str]) -> None:
    newest = ids(client, "")
    assert newest == [catalog[n] for n in ("paris", "porto", "lisbon_big", "lisbon_small")]
    assert ids(client, "sort=price")[0] == catalog["lisbon_small"]
    assert ids(client, "sort=-price")[0] == catalog["paris"]
    assert set(ids(client, "sort=rating")) == set(catalog.values())
    page = client.get(f"{LISTINGS}?page=2&per_page=3").get_json()
    assert (page["page"], page["per_page"], page["total"]) == (2, 3, 4)
    assert [item["id"] for item in page["items"]] == newest[3:]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("check_in=2030-02-01", "check_in"),
        ("check_in=2030-02-05&check_out=2030-02-01", "check_out"),
        ("per_page=101", "per_page"),
        ("page=0", "page"),
        ("sort=cheapest", "sort"),
        ("guests=many", "guests"),
        ("colour=red", "colour"),
    ],
)
def test_bad_queries_are_422_naming_the_parameter(
    client: FlaskClient, query: str, field: str
) -> None:
    response = client.get(f"{LISTINGS}?{query}")
    assert response.status_code == 422
    assert field in response.get_json()["errors"]
