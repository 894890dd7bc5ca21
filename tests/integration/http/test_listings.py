"""Listings: create, read, change, delete, on every storage."""

from __future__ import annotations

from datetime import date

from flask import Flask
from flask.testing import FlaskClient

from rental.application import commands as c
from tests.integration.http.conftest import PASSWORD, listing_fields, signup

LISTINGS = "/api/v1/listings"
FIELDS = {
    "id", "host_id", "title", "description", "address", "city", "country", "latitude",
    "longitude", "timezone", "price_per_night", "currency", "cleaning_fee",
    "weekly_discount_percent", "monthly_discount_percent", "max_guests", "min_nights",
    "max_nights", "max_advance_days", "instant_book", "cancellation_policy", "amenities",
    "rating_average",
    "review_count", "sub_rating_averages", "created_at", "updated_at",
    "property_type", "bedrooms", "beds", "bathrooms", "check_in_time", "check_out_time",
    "house_rules", "listed",
    "weekend_price", "extra_guest_fee", "guests_included", "taxes",
    "photos", "cover_photo",
}  # fmt: skip


def admin_headers(app: Flask, client: FlaskClient) -> dict[str, str]:
    """Admins are made outside the API (the CLI); this one then logs in."""
    command = c.CreateAdmin(username="root", email="root@example.com", password=PASSWORD)
    app.extensions["rental"].handle(command)
    tokens = client.post(
        "/api/v1/auth/login", json={"email": "root@example.com", "password": PASSWORD}
    )
    return {"Authorization": f"Bearer {tokens.get_json()['access_token']}"}


def test_create_answers_201_with_defaults_and_location(client: FlaskClient) -> None:
    host, headers = signup(client, role="host")
    response = client.post(LISTINGS, json=listing_fields(), headers=headers)
    assert response.status_code == 201
    listing = response.get_json()
    assert set(listing) == FIELDS
    assert response.headers["Location"] == f"{LISTINGS}/{listing['id']}"
    assert listing["host_id"] == host["id"]
    defaults = {
        "currency": "USD", "cleaning_fee": 0, "weekly_discount_percent": 0,
        "monthly_discount_percent": 0, "min_nights": 1, "max_nights": 365,
        "instant_book": True, "cancellation_policy": "flexible", "timezone": "UTC",
        "amenities": [], "rating_average": None, "review_count": 0,
        "weekend_price": None, "extra_guest_fee": 0, "guests_included": None, "taxes": [],
    }  # fmt: skip
    assert {k: listing[k] for k in defaults} == defaults
    assert listing["sub_rating_averages"] == dict.fromkeys(
        ("cleanliness", "accuracy", "check_in", "communication", "location", "value")
    )
    assert client.get(response.headers["Location"]).get_json() == listing


def test_a_guest_may_not_list_a_home(client: FlaskClient) -> None:
    _, headers = signup(client, role="guest")
    response = client.post(LISTINGS, json=listing_fields(), headers=headers)
    assert response.status_code == 403
    assert client.post(LISTINGS, json=listing_fields()).status_code == 401


def test_create_validation_names_each_field(client: FlaskClient) -> None:
    _, headers = signup(client, role="host")
    missing = client.post(LISTINGS, json={"description": "no title"}, headers=headers)
    assert missing.status_code == 422
    required = {"title", "city", "country", "price_per_night", "max_guests"}
    assert required <= set(missing.get_json()["errors"])
    wrong = client.post(
        LISTINGS,
        json=listing_fields(country="XX", price_per_night=0, timezone="Mars/Base", colour="red"),
        headers=headers,
    )
    assert wrong.status_code == 422
    assert {"price_per_night", "colour"} <= set(wrong.get_json()["errors"])
    domain = client.post(
        LISTINGS, json=listing_fields(country="XX", timezone="Mars/Base"), headers=headers
    )
    assert domain.status_code == 422
    assert {"country", "timezone"} <= set(domain.get_json()["errors"])


def test_get_unknown_listing_is_404(client: FlaskClient) -> None:
    response = client.get(f"{LISTINGS}/no-such-listing")
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/problem+json"


def test_the_host_patches_and_nulls_of_required_fields_are_422(client: FlaskClient) -> None:
    _, headers = signup(client, role="host")
    listing = client.post(LISTINGS, json=listing_fields(), headers=headers).get_json()
    url = f"{LISTINGS}/{listing['id']}"
    patched = client.patch(
        url, json={"price_per_night": 15000, "amenities": ["WiFi"]}, headers=headers
    )
    assert patched.status_code == 200
    assert patched.get_json()["price_per_night"] == 15000
    assert patched.get_json()["amenities"] == ["wifi"]
    assert patched.get_json()["title"] == listing["title"]
    nulled = client.patch(url, json={"title": None, "max_guests": None}, headers=headers)
    assert nulled.status_code == 422
    assert set(nulled.get_json()["errors"]) == {"title", "max_guests"}
    rules = client.patch(url, json={"min_nights": 10, "max_nights": 5}, headers=headers)
    assert rules.status_code == 422
    assert client.get(url).get_json()["price_per_night"] == 15000


def test_only_its_host_or_an_admin_changes_a_listing(
    rental_app: Flask, client: FlaskClient
) -> None:
    _, owner = signup(client, role="host")
    _, other = signup(client, role="host")
    listing = client.post(LISTINGS, json=listing_fields(), headers=owner).get_json()
    url = f"{LISTINGS}/{listing['id']}"
    assert client.patch(url, json={"title": "Mine now"}, headers=other).status_code == 403
    assert client.delete(url, headers=other).status_code == 403
    admin = admin_headers(rental_app, client)
    assert client.patch(url, json={"title": "Tidied"}, headers=admin).status_code == 200
    assert client.get(url).get_json()["title"] == "Tidied"


def test_delete_is_204_then_404_and_409_while_a_booking_is_live(
    rental_app: Flask, client: FlaskClient
) -> None:
    _, headers = signup(client, role="host")
    guest, _ = signup(client)
    kept = client.post(LISTINGS, json=listing_fields(), headers=headers).get_json()
    rental_app.extensions["rental"].handle(
        c.RequestBooking(
            actor=c.Actor(guest["id"], "guest"), listing_id=kept["id"],
            check_in=date(2030, 2, 1), check_out=date(2030, 2, 4), guests=2,
        )
    )  # fmt: skip
    busy = client.delete(f"{LISTINGS}/{kept['id']}", headers=headers)
    assert busy.status_code == 409
    gone = client.post(LISTINGS, json=listing_fields(), headers=headers).get_json()
    url = f"{LISTINGS}/{gone['id']}"
    deleted = client.delete(url, headers=headers)
    assert deleted.status_code == 204
    assert client.get(url).status_code == 404
    assert client.patch(url, json={"title": "Back"}, headers=headers).status_code == 404
    assert client.delete(url, headers=headers).status_code == 404
    listed = client.get(LISTINGS).get_json()
    assert [item["id"] for item in listed["items"]] == [kept["id"]]


def test_rating_average_is_a_json_number_with_two_decimals() -> None:
    from decimal import Decimal
    from types import SimpleNamespace

    from rental.entrypoints.web.schemas.listings import ListingSchema

    only = ("rating_average", "review_count")
    rated = SimpleNamespace(rating_average=Decimal("4.67"), review_count=3)
    assert ListingSchema(only=only).dump(rated) == {"rating_average": 4.67, "review_count": 3}
    unrated = SimpleNamespace(rating_average=None, review_count=0)
    assert ListingSchema(only=only).dump(unrated)["rating_average"] is None
