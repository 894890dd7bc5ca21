"""GraphQL: a listing's photos and cover (batched: one statement for a page), reorderPhotos."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event
from sqlalchemy.engine import Engine

from tests.images import jpeg
from tests.integration.graphql.steps import codes, gql
from tests.integration.http.booking_steps import host_with_listing

API = "/api/v1"
PHOTOS = """query($id: ID!) { listing(id: $id) {
  coverPhoto { id } photos { id status position caption width height
  urls { small medium large } failureReason } } }"""
REORDER = """mutation($id: ID!, $ids: [ID!]!) {
  reorderPhotos(listingId: $id, photoIds: $ids) { id position } }"""
COVERS = """{ listings(filter: {city: "Evora"}, perPage: 20) { items { id coverPhoto { id }
  photos { id } } } }"""


def _upload(client: FlaskClient, headers: dict[str, str], listing_id: str) -> str:
    response = client.post(
        f"{API}/listings/{listing_id}/photos", data=jpeg(),
        headers=headers | {"Content-Type": "image/jpeg"},
    )  # fmt: skip
    assert response.status_code == 202, response.get_json()
    photo_id: str = response.get_json()["id"]
    return photo_id


def test_photos_cover_and_reorder(client: FlaskClient) -> None:
    _, headers, listing = host_with_listing(client)
    first, second = (_upload(client, headers, listing["id"]) for _ in range(2))
    shown = gql(client, PHOTOS, {"id": listing["id"]})["data"]["listing"]
    assert shown["coverPhoto"] == {"id": first}
    assert [x["id"] for x in shown["photos"]] == [first, second]
    assert shown["photos"][0]["status"] == "READY"
    assert shown["photos"][0]["urls"]["large"].startswith("http")
    answer = gql(client, REORDER, {"id": listing["id"], "ids": [second, first]}, headers)
    assert answer["data"]["reorderPhotos"] == [
        {"id": second, "position": 0}, {"id": first, "position": 1},
    ]  # fmt: skip
    refused = gql(client, REORDER, {"id": listing["id"], "ids": [second]}, headers)
    assert codes(refused) == ["BAD_USER_INPUT"]
    assert codes(gql(client, REORDER, {"id": listing["id"], "ids": [first, second]})) == [
        "UNAUTHENTICATED"
    ]


def test_a_page_of_listings_reads_its_photos_in_one_statement(
    rental_app: Flask, client: FlaskClient
) -> None:
    if rental_app.extensions["rental"].photo_reads.__class__.__name__ != "SqlPhotoReads":
        return  # statements are counted on the SQL stores
    for _ in range(3):
        _, headers, listing = host_with_listing(client, city="Evora")
        _upload(client, headers, listing["id"])
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if "photos" in statement:
            statements.append(statement)

    event.listen(Engine, "before_cursor_execute", count)
    try:
        items = gql(client, COVERS)["data"]["listings"]["items"]
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    assert len(items) == 3 and all(x["coverPhoto"] for x in items)
    assert len(statements) == 1
