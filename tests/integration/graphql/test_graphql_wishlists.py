"""Wishlists through GraphQL: viewer.wishlists, wishlist(id, shareToken), the mutations, with
the HTTP API's rules; nested items batched, within the cost budget."""

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
from tests.integration.graphql.steps import codes, created_listing, gql
from tests.integration.http.conftest import signup, test_settings

API = "/api/v1"
CREATE = """mutation($name: String!) { createWishlist(name: $name) { id name itemCount } }"""
ADD = """mutation($w: ID!, $l: ID!) { addToWishlist(wishlistId: $w, listingId: $l) {
  id itemCount } }"""
REMOVE = """mutation($w: ID!, $l: ID!) { removeFromWishlist(wishlistId: $w, listingId: $l) {
  id itemCount } }"""
MINE = """query($n: Int!, $m: Int!) { viewer { wishlists(perPage: $n) { total items { id name
  shared owner { username } items(perPage: $m) { total items { addedAt
  listing { id title pricePerNight coverPhoto { id } host { username } } } } } } } }"""
ONE = """query($id: ID!, $token: String) { wishlist(id: $id, shareToken: $token) { id name
  items { total items { listing { title } } } } }"""
SHARE = """mutation($id: ID!) { shareWishlist(id: $id) }"""


@pytest.fixture
def app(database_url_or_memory: str) -> Iterator[Flask]:
    rental = bootstrap(
        database_url=database_url_or_memory, clock=FakeClock(),
        password_hasher=Argon2Hasher(fast=True),
    )  # fmt: skip
    yield create_app(test_settings(database_url=database_url_or_memory), rental=rental)
    rental.close()


def _data(answer: dict[str, Any]) -> Any:
    assert "errors" not in answer, answer
    return answer["data"]


def _wishlist(client: FlaskClient, who: dict[str, str], name: str = "Lisbon") -> str:
    return str(_data(gql(client, CREATE, {"name": name}, who))["createWishlist"]["id"])


def test_wishlists_through_graphql(app: Flask) -> None:
    client = app.test_client()
    _, host = signup(client, "host")
    _, guest = signup(client, "guest")
    _, stranger = signup(client, "guest")
    wishlist = _wishlist(client, guest)
    loft = created_listing(client, host, title="Loft")["id"]
    villa = created_listing(client, host, title="Villa")["id"]
    for listing in (loft, villa, loft):
        added = _data(gql(client, ADD, {"w": wishlist, "l": listing}, guest))["addToWishlist"]
    assert added["itemCount"] == 2
    mine = _data(gql(client, MINE, {"n": 5, "m": 5}, guest))["viewer"]["wishlists"]
    assert mine["total"] == 1
    items = mine["items"][0]["items"]
    assert items["total"] == 2
    assert {i["listing"]["title"] for i in items["items"]} == {"Loft", "Villa"}
    assert all(i["listing"]["coverPhoto"] is None for i in items["items"])
    removed = _data(gql(client, REMOVE, {"w": wishlist, "l": loft}, guest))
    assert removed["removeFromWishlist"]["itemCount"] == 1
    # Another user, or no one, sees nothing without the token; the token reads, never writes.
    assert _data(gql(client, ONE, {"id": wishlist}, stranger))["wishlist"] is None
    assert _data(gql(client, ONE, {"id": wishlist}))["wishlist"] is None
    refused = gql(client, ADD, {"w": wishlist, "l": loft}, stranger)
    assert codes(refused) == ["NOT_FOUND"] and refused["data"]["addToWishlist"] is None
    token = _data(gql(client, SHARE, {"id": wishlist}, guest))["shareWishlist"]
    shared = _data(gql(client, ONE, {"id": wishlist, "token": token}))["wishlist"]
    assert shared["items"]["items"] == [{"listing": {"title": "Villa"}}]
    other = _wishlist(client, guest, "Porto")
    assert _data(gql(client, ONE, {"id": other, "token": token}))["wishlist"] is None
    assert codes(gql(client, ADD, {"w": wishlist, "l": "no-such-listing"}, guest)) == ["NOT_FOUND"]
    assert codes(gql(client, CREATE, {"name": "Lis\u200bbon"}, guest)) == ["BAD_USER_INPUT"]
    assert codes(gql(client, CREATE, {"name": "x"})) == ["UNAUTHENTICATED"]
    assert _data(gql(client, MINE, {"n": 5, "m": 5}))["viewer"] is None


def test_nested_items_cost_the_same_statements_for_2_lists_as_for_6(
    database_url: str,
) -> None:
    rental = bootstrap(
        database_url=database_url, clock=FakeClock(), password_hasher=Argon2Hasher(fast=True)
    )
    client = create_app(test_settings(database_url=database_url), rental=rental).test_client()
    _, host = signup(client, "host")
    _, guest = signup(client, "guest")
    listings = [created_listing(client, host, title=f"Flat {n}")["id"] for n in range(6)]
    for n in range(6):
        wishlist = _wishlist(client, guest, f"List {n}")
        for listing in listings[: n + 1]:
            client.put(f"{API}/wishlists/{wishlist}/listings/{listing}", headers=guest)

    def statements(n: int, m: int) -> int:
        seen: list[str] = []

        def count(*_args: Any) -> None:
            seen.append("")

        sa.event.listen(sa.engine.Engine, "before_cursor_execute", count)
        try:
            answer = _data(gql(client, MINE, {"n": n, "m": m}, guest))
        finally:
            sa.event.remove(sa.engine.Engine, "before_cursor_execute", count)
        assert len(answer["viewer"]["wishlists"]["items"]) == n
        return len(seen)

    assert statements(2, 2) == statements(6, 6)
    rental.close()


def test_wishlists_within_the_cost_budget(app: Flask) -> None:
    client = app.test_client()
    _, guest = signup(client, "guest")
    assert "errors" not in gql(client, MINE, {"n": 20, "m": 20}, guest)
    too_much = gql(client, MINE, {"n": 100, "m": 100}, guest)
    assert codes(too_much) == ["GRAPHQL_VALIDATION_FAILED"]
