"""Availability and host blocks of a listing, on every storage."""

from __future__ import annotations

from datetime import date

from flask import Flask
from flask.testing import FlaskClient

from rental.application import commands as c
from tests.integration.http.conftest import listing_fields, signup

LISTINGS = "/api/v1/listings"


def _listing(client: FlaskClient) -> tuple[str, dict[str, str]]:
    _, headers = signup(client, role="host")
    listing = client.post(LISTINGS, json=listing_fields(), headers=headers).get_json()
    return listing["id"], headers


def test_availability_shows_bookings_and_blocks_never_who(
    rental_app: Flask, client: FlaskClient
) -> None:
    listing_id, headers = _listing(client)
    guest, _ = signup(client)
    rental_app.extensions["rental"].handle(
        c.RequestBooking(
            actor=c.Actor(guest["id"], "guest"), listing_id=listing_id,
            check_in=date(2030, 3, 1), check_out=date(2030, 3, 4), guests=1,
        )
    )  # fmt: skip
    block = {"start": "2030-02-10", "end": "2030-02-12"}
    assert (
        client.post(f"{LISTINGS}/{listing_id}/blocks", json=block, headers=headers).status_code
        == 201
    )
    response = client.get(f"{LISTINGS}/{listing_id}/availability?from=2030-02-11&to=2030-03-02")
    assert response.status_code == 200
    assert response.get_json() == {
        "listing_id": listing_id,
        "from": "2030-02-11",
        "to": "2030-03-02",
        "unavailable": [
            {"start": "2030-02-10", "end": "2030-02-12", "reason": "blocked"},
            {"start": "2030-03-01", "end": "2030-03-04", "reason": "booked"},
        ],
    }
    assert guest["id"] not in response.text
    # Half-open: a window ending the day the block starts does not overlap it.
    early = client.get(f"{LISTINGS}/{listing_id}/availability?from=2030-02-01&to=2030-02-10")
    assert early.get_json()["unavailable"] == []


def test_availability_validation_and_404(client: FlaskClient) -> None:
    listing_id, _ = _listing(client)
    url = f"{LISTINGS}/{listing_id}/availability"
    assert client.get(f"{url}?from=2030-02-01").status_code == 422
    backwards = client.get(f"{url}?from=2030-02-05&to=2030-02-01")
    assert backwards.status_code == 422
    assert "to" in backwards.get_json()["errors"]
    assert client.get(f"{url}?from=2030-01-01&to=2033-01-01").status_code == 422
    assert client.get(f"{url}?from=yesterday&to=2030-02-01").status_code == 422
    missing = client.get(f"{LISTINGS}/nope/availability?from=2030-02-01&to=2030-02-05")
    assert missing.status_code == 404


def test_blocks_201_with_location_409_on_overlap_and_delete_204(client: FlaskClient) -> None:
    listing_id, headers = _listing(client)
    blocks = f"{LISTINGS}/{listing_id}/blocks"
    created = client.post(
        blocks, json={"start": "2030-02-10", "end": "2030-02-12"}, headers=headers
    )
    assert created.status_code == 201
    block = created.get_json()
    assert block == {"id": block["id"], "start": "2030-02-10", "end": "2030-02-12"}
    assert created.headers["Location"] == f"{blocks}/{block['id']}"
    assert client.get(created.headers["Location"]).status_code == 405
    overlap = client.post(
        blocks, json={"start": "2030-02-11", "end": "2030-02-15"}, headers=headers
    )
    assert overlap.status_code == 409
    adjacent = client.post(
        blocks, json={"start": "2030-02-12", "end": "2030-02-13"}, headers=headers
    )
    assert adjacent.status_code == 201
    assert client.delete(f"{blocks}/{block['id']}", headers=headers).status_code == 204
    assert client.delete(f"{blocks}/{block['id']}", headers=headers).status_code == 404
    again = client.post(blocks, json={"start": "2030-02-11", "end": "2030-02-12"}, headers=headers)
    assert again.status_code == 201


def test_blocks_need_the_listings_host_and_valid_dates(client: FlaskClient) -> None:
    listing_id, headers = _listing(client)
    _, other = signup(client, role="host")
    blocks = f"{LISTINGS}/{listing_id}/blocks"
    span = {"start": "2030-02-10", "end": "2030-02-12"}
    assert client.post(blocks, json=span).status_code == 401
    assert client.post(blocks, json=span, headers=other).status_code == 403
    block = client.post(blocks, json=span, headers=headers).get_json()
    assert client.delete(f"{blocks}/{block['id']}", headers=other).status_code == 403
    backwards = client.post(
        blocks, json={"start": "2030-02-12", "end": "2030-02-10"}, headers=headers
    )
    assert backwards.status_code == 422
    assert client.post(blocks, json={"start": "2030-02-12"}, headers=headers).status_code == 422
    assert client.post(f"{LISTINGS}/nope/blocks", json=span, headers=headers).status_code == 404
