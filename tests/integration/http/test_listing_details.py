"""A listing's details (type, rooms, hours, house rules) and ``listed``, on every storage."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.fakes import FakeClock
from tests.integration.http.booking_steps import admin, book, day, host_with_listing
from tests.integration.http.conftest import listing_fields, signup

LISTINGS = "/api/v1/listings"
DETAILS = {
    "property_type": "private_room", "bedrooms": 0, "beds": 2, "bathrooms": 1.5,
    "check_in_time": "16:30", "check_out_time": "10:00",
    "house_rules": {"pets_allowed": True, "smoking_allowed": False, "events_allowed": True},
    "listed": True,
}  # fmt: skip


def test_details_have_defaults_and_are_stored_as_given(client: FlaskClient) -> None:
    _, _, plain = host_with_listing(client)
    assert {k: plain[k] for k in DETAILS} == {
        "property_type": "entire_home", "bedrooms": 1, "beds": 1, "bathrooms": 1.0,
        "check_in_time": "15:00", "check_out_time": "11:00",
        "house_rules": {"pets_allowed": False, "smoking_allowed": False, "events_allowed": False},
        "listed": True,
    }  # fmt: skip
    _, _, detailed = host_with_listing(client, **DETAILS)
    assert {k: detailed[k] for k in DETAILS} == DETAILS
    read = client.get(f"{LISTINGS}/{detailed['id']}").get_json()
    assert {k: read[k] for k in DETAILS} == DETAILS


def test_a_change_of_one_house_rule_keeps_the_others(client: FlaskClient) -> None:
    _, headers, listing = host_with_listing(client, **DETAILS)
    response = client.patch(
        f"{LISTINGS}/{listing['id']}",
        json={"house_rules": {"events_allowed": False}, "bathrooms": 2},
        headers=headers,
    )
    assert response.status_code == 200, response.get_json()
    changed = response.get_json()
    assert changed["house_rules"] == {
        "pets_allowed": True, "smoking_allowed": False, "events_allowed": False,
    }  # fmt: skip
    assert changed["bathrooms"] == 2.0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("property_type", "castle"),
        ("bedrooms", -1),
        ("bedrooms", 1.5),
        ("beds", "2"),
        ("bathrooms", 1.25),
        ("bathrooms", -0.5),
        ("bathrooms", True),
        ("check_in_time", "25:00"),
        ("check_in_time", "3pm"),
        ("check_out_time", "11:0"),
        ("house_rules", {"parties_allowed": True}),
        ("house_rules", {"pets_allowed": "yes"}),
        ("house_rules", True),
        ("listed", "false"),
        ("listed", None),
    ],
)
def test_bad_details_are_422_naming_the_field(
    memory_client: FlaskClient, field: str, value: Any
) -> None:
    _, headers = signup(memory_client, "host")
    response = memory_client.post(LISTINGS, json=listing_fields(**{field: value}), headers=headers)
    assert response.status_code == 422, response.get_json()
    # A nested field is named by its path (house_rules.pets_allowed).
    assert {name.split(".")[0] for name in response.get_json()["errors"]} == {field}


def test_an_unlisted_listing_is_out_of_search_unbookable_and_seen_by_its_host_only(
    rental_app: Flask, client: FlaskClient, clock: FakeClock
) -> None:
    _, host, listing = host_with_listing(client, city="Porto")
    lid = listing["id"]
    _, guest = signup(client)
    hidden = client.patch(f"{LISTINGS}/{lid}", json={"listed": False}, headers=host)
    assert hidden.status_code == 200 and hidden.get_json()["listed"] is False

    assert client.get(f"{LISTINGS}?city=Porto").get_json()["total"] == 0
    assert client.get(f"{LISTINGS}/{lid}").status_code == 404
    assert client.get(f"{LISTINGS}/{lid}", headers=guest).status_code == 404
    assert client.get(f"{LISTINGS}/{lid}", headers=host).get_json()["listed"] is False
    assert client.get(f"{LISTINGS}/{lid}", headers=admin(rental_app, client)).status_code == 200
    assert book(client, guest, lid, day(clock, 5), day(clock, 7)).status_code == 404

    client.patch(f"{LISTINGS}/{lid}", json={"listed": True}, headers=host)
    assert client.get(f"{LISTINGS}?city=Porto").get_json()["total"] == 1
    assert book(client, guest, lid, day(clock, 5), day(clock, 7)).status_code == 201


def test_a_bad_token_on_the_public_read_is_401(memory_client: FlaskClient) -> None:
    _, _, listing = host_with_listing(memory_client)
    response = memory_client.get(
        f"{LISTINGS}/{listing['id']}", headers={"Authorization": "Bearer nonsense"}
    )
    assert response.status_code == 401
