"""Wishlists over HTTP, on memory, SQLite and PostgreSQL: the whole round, and every refusal
(another user's list, another list's token, the cap, a deleted listing, bad names)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.composition import bootstrap
from rental.domain.limits import Limits
from rental.entrypoints.http import create_app
from tests.fakes import FakeClock
from tests.integration.http.conftest import listing_fields, signup, test_settings

API = "/api/v1"


def a_listing(client: FlaskClient, host: dict[str, str], **fields: Any) -> str:
    created = client.post(f"{API}/listings", json=listing_fields(**fields), headers=host)
    assert created.status_code == 201, created.get_json()
    return str(created.get_json()["id"])


def a_wishlist(client: FlaskClient, owner: dict[str, str], name: str = "Lisbon in May") -> str:
    created = client.post(f"{API}/wishlists", json={"name": name}, headers=owner)
    assert created.status_code == 201, created.get_json()
    return str(created.get_json()["id"])


def put(client: FlaskClient, wishlist_id: str, listing_id: str, who: dict[str, str]) -> int:
    path = f"{API}/wishlists/{wishlist_id}/listings/{listing_id}"
    return client.put(path, headers=who).status_code


def test_a_wishlist_from_creation_to_deletion(client: FlaskClient) -> None:
    _, host = signup(client, "host")
    _, guest = signup(client, "guest")
    created = client.post(f"{API}/wishlists", json={"name": " Lisbon in May "}, headers=guest)
    assert created.status_code == 201
    body = created.get_json()
    assert created.headers["Location"] == f"{API}/wishlists/{body['id']}"
    assert (body["name"], body["item_count"], body["shared"]) == ("Lisbon in May", 0, False)
    wishlist = body["id"]
    loft = a_listing(client, host, title="Loft", price_per_night=12000)
    villa = a_listing(client, host, title="Villa")
    assert put(client, wishlist, loft, guest) == 204
    assert put(client, wishlist, villa, guest) == 204
    assert put(client, wishlist, loft, guest) == 204  # again: no duplicate
    read = client.get(f"{API}/wishlists/{wishlist}", headers=guest)
    assert read.status_code == 200
    page = read.get_json()
    assert (page["total"], page["page"], page["per_page"], page["item_count"]) == (2, 1, 20, 2)
    first = page["items"][0]
    assert set(first) == {"listing", "added_at"}
    assert {x["listing"]["title"] for x in page["items"]} == {"Loft", "Villa"}
    loft_item = next(x for x in page["items"] if x["listing"]["id"] == loft)
    assert loft_item["listing"]["price_per_night"] == 12000
    assert loft_item["listing"]["cover_photo"] is None and "photos" not in loft_item["listing"]
    second = client.get(f"{API}/wishlists/{wishlist}?per_page=1&page=2", headers=guest)
    assert len(second.get_json()["items"]) == 1 and second.get_json()["total"] == 2
    listed = client.get(f"{API}/wishlists", headers=guest).get_json()
    assert [x["id"] for x in listed["items"]] == [wishlist] and listed["total"] == 1
    renamed = client.patch(f"{API}/wishlists/{wishlist}", json={"name": "Porto"}, headers=guest)
    assert renamed.status_code == 200 and renamed.get_json()["name"] == "Porto"
    removed = client.delete(f"{API}/wishlists/{wishlist}/listings/{loft}", headers=guest)
    assert removed.status_code == 204
    again = client.delete(f"{API}/wishlists/{wishlist}/listings/{loft}", headers=guest)
    assert again.status_code == 204
    items = client.get(f"{API}/wishlists/{wishlist}", headers=guest).get_json()["items"]
    assert [x["listing"]["id"] for x in items] == [villa]
    assert client.delete(f"{API}/wishlists/{wishlist}", headers=guest).status_code == 204
    assert client.get(f"{API}/wishlists/{wishlist}", headers=guest).status_code == 404
    assert client.get(f"{API}/listings/{villa}").status_code == 200  # the listing stays


def test_a_share_token_reads_the_list_it_was_made_for_and_nothing_else(
    client: FlaskClient,
) -> None:
    _, host = signup(client, "host")
    _, guest = signup(client, "guest")
    _, stranger = signup(client, "guest")
    wishlist, other = a_wishlist(client, guest), a_wishlist(client, guest, "Porto")
    put(client, wishlist, a_listing(client, host), guest)
    path = f"{API}/wishlists/{wishlist}"
    for headers in ({}, stranger):
        answer = client.get(path, headers=headers)
        assert answer.status_code == 404, answer.get_json()
        assert answer.content_type == "application/problem+json"
    shared = client.post(f"{path}/share", headers=guest)
    assert shared.status_code == 200 and "no-store" in shared.headers["Cache-Control"]
    token = shared.get_json()["share_token"]
    other_token = client.post(f"{API}/wishlists/{other}/share", headers=guest).get_json()[
        "share_token"
    ]
    anonymous = client.get(f"{path}?share={token}")
    assert anonymous.status_code == 200 and anonymous.get_json()["total"] == 1
    assert anonymous.headers["Cache-Control"] == "no-store"
    assert client.get(f"{path}?share={token}", headers=stranger).status_code == 200
    assert client.get(f"{path}?share={other_token}").status_code == 404
    assert client.get(f"{path}?share={token}x").status_code == 404
    # A token reads; it changes nothing.
    listing = a_listing(client, host)
    assert put(client, wishlist, listing, stranger) == 404
    assert client.patch(path, json={"name": "Mine"}, headers=stranger).status_code == 404
    assert client.delete(path, headers=stranger).status_code == 404
    assert client.post(f"{path}/share", headers=stranger).status_code == 404
    assert client.delete(f"{path}/share", headers=stranger).status_code == 404
    renewed = client.post(f"{path}/share", headers=guest).get_json()["share_token"]
    assert client.get(f"{path}?share={token}").status_code == 404  # the old one is void
    assert client.get(f"{path}?share={renewed}").status_code == 200
    assert client.delete(f"{path}/share", headers=guest).status_code == 204
    assert client.get(f"{path}?share={renewed}").status_code == 404
    assert client.get(path, headers=guest).get_json()["shared"] is False


def test_unknown_ids_deleted_listings_and_bad_names_are_refused(client: FlaskClient) -> None:
    _, host = signup(client, "host")
    _, guest = signup(client, "guest")
    wishlist = a_wishlist(client, guest)
    gone = a_listing(client, host)
    assert client.delete(f"{API}/listings/{gone}", headers=host).status_code == 204
    assert put(client, wishlist, gone, guest) == 404
    assert put(client, wishlist, "no-such-listing", guest) == 404
    assert put(client, "no-such-list", a_listing(client, host), guest) == 404
    for method in ("get", "patch", "delete"):
        answer = getattr(client, method)(
            f"{API}/wishlists/no-such-list", json={"name": "x"}, headers=guest
        )
        assert answer.status_code == 404, method
    assert client.post(f"{API}/wishlists/no-such-list/share", headers=guest).status_code == 404
    for name, status in (("", 422), ("   ", 422), ("x" * 101, 422), ("Lisbon\u200b", 422),
                         ("Lis\u202ebon", 422), ("Lis\nbon", 422), (7, 422)):  # fmt: skip
        for answer in (
            client.post(f"{API}/wishlists", json={"name": name}, headers=guest),
            client.patch(f"{API}/wishlists/{wishlist}", json={"name": name}, headers=guest),
        ):
            assert answer.status_code == status, (name, answer.get_json())
            assert "name" in answer.get_json()["errors"]
    assert client.post(f"{API}/wishlists", json={}, headers=guest).status_code == 422
    extra = client.post(f"{API}/wishlists", json={"name": "a", "x": 1}, headers=guest)
    assert extra.status_code == 422
    assert client.post(f"{API}/wishlists", json={"name": "a"}).status_code == 401
    assert client.get(f"{API}/wishlists").status_code == 401
    assert client.get(f"{API}/wishlists?per_page=101", headers=guest).status_code == 422
    assert client.get(f"{API}/wishlists", headers=guest).get_json()["total"] == 1


@pytest.fixture
def capped(database_url_or_memory: str, clock: FakeClock) -> Iterator[Flask]:
    """The app with wishlists of 3 listings at most (10,000 in production)."""
    rental = bootstrap(
        database_url=database_url_or_memory, clock=clock,
        password_hasher=Argon2Hasher(fast=True), limits=Limits(max_wishlist_items=3),
    )  # fmt: skip
    yield create_app(test_settings(database_url=database_url_or_memory), rental=rental)
    rental.close()


def test_past_the_cap_a_save_is_a_409_and_nothing_is_written(capped: Flask) -> None:
    client = capped.test_client()
    _, host = signup(client, "host")
    _, guest = signup(client, "guest")
    wishlist = a_wishlist(client, guest)
    listings = [a_listing(client, host) for _ in range(4)]
    for listing in listings[:3]:
        assert put(client, wishlist, listing, guest) == 204
    refused = client.put(f"{API}/wishlists/{wishlist}/listings/{listings[3]}", headers=guest)
    assert refused.status_code == 409
    problem = refused.get_json()
    assert problem["type"].endswith("/wishlist-full") and "at most 3" in problem["detail"]
    assert put(client, wishlist, listings[0], guest) == 204  # already there: still a 204
    assert client.get(f"{API}/wishlists/{wishlist}", headers=guest).get_json()["total"] == 3
