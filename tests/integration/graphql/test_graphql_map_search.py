"""listings(filter: {bbox, near, radiusKm, propertyType, ...}, sort: DISTANCE) answers as
GET /listings does, with distanceKm and coverPhoto; each bad map filter is BAD_USER_INPUT
naming its field (or a GraphQL error where the type itself refuses it)."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.integration.graphql.steps import codes, created_listing, gql
from tests.integration.http.conftest import signup

SEARCH = """query($filter: ListingFilter, $sort: ListingSort) {
  listings(filter: $filter, sort: $sort) { total items { title distanceKm coverPhoto { id } } }
}"""
BAIXA = {"latitude": 38.7101, "longitude": -9.1366}
LISBON_BOX = {"west": -9.25, "south": 38.65, "east": -9.05, "north": 38.80}


def search(client: FlaskClient, sort: str = "NEWEST", **filter_: Any) -> dict[str, Any]:
    return gql(client, SEARCH, {"filter": filter_, "sort": sort})


def test_a_box_a_radius_and_the_detail_filters(client: FlaskClient) -> None:
    _, headers = signup(client, role="host")
    places = {
        "baixa": {"latitude": 38.7110, "longitude": -9.1370, "propertyType": "PRIVATE_ROOM"},
        "belem": {
            "latitude": 38.6979,
            "longitude": -9.2066,
            "bedrooms": 3,
            "houseRules": {"petsAllowed": True},
        },
        "sintra": {"latitude": 38.8029, "longitude": -9.3817, "instantBook": False},
        "nowhere": {},
    }
    for title, fields in places.items():
        created_listing(client, headers, title=title, **fields)

    boxed = search(client, bbox=LISBON_BOX)["data"]["listings"]
    assert sorted(x["title"] for x in boxed["items"]) == ["baixa", "belem"]
    assert {x["distanceKm"] for x in boxed["items"]} == {None}
    near = search(client, "DISTANCE", near=BAIXA, radiusKm=30)["data"]["listings"]
    assert [(x["title"], x["distanceKm"]) for x in near["items"]] == [
        ("baixa", 0.11),
        ("belem", 6.22),
        ("sintra", 23.63),
    ]
    assert near["total"] == 3 and near["items"][0]["coverPhoto"] is None

    def titles(**filter_: Any) -> list[str]:
        return [x["title"] for x in search(client, **filter_)["data"]["listings"]["items"]]

    assert titles(propertyType=["PRIVATE_ROOM", "HOTEL_ROOM"]) == ["baixa"]
    assert titles(minBedrooms=2, minBeds=1, minBathrooms=1) == ["belem"]
    assert titles(instantBook=False) == ["sintra"]
    assert titles(petsAllowed=True, bbox=LISBON_BOX) == ["belem"]


BAD_FILTERS = [
    ({"near": {"latitude": 90.5, "longitude": 0}, "radiusKm": 5}, "near"),
    ({"near": {"latitude": 0, "longitude": 180.5}, "radiusKm": 5}, "near"),
    ({"bbox": {**LISBON_BOX, "south": 38.9}}, "bbox"),
    ({"bbox": {**LISBON_BOX, "east": 200}}, "bbox"),
    ({"near": BAIXA}, "radiusKm"),
    ({"radiusKm": 5}, "near"),
    ({"near": BAIXA, "radiusKm": 0}, "radiusKm"),
    ({"near": BAIXA, "radiusKm": 101}, "radiusKm"),
    ({"minBedrooms": -1}, "minBedrooms"),
]


@pytest.mark.parametrize(("filter_", "field"), BAD_FILTERS)
def test_bad_map_filters_are_bad_user_input_naming_the_field(
    memory_client: FlaskClient, filter_: dict[str, Any], field: str
) -> None:
    answer = search(memory_client, **filter_)

    assert codes(answer) == ["BAD_USER_INPUT"]
    assert list(answer["errors"][0]["extensions"]["errors"]) == [field]


def test_distance_order_needs_near(memory_client: FlaskClient) -> None:
    answer = search(memory_client, "DISTANCE", bbox=LISBON_BOX)
    assert codes(answer) == ["BAD_USER_INPUT"]
    assert list(answer["errors"][0]["extensions"]["errors"]) == ["sort"]


def test_a_box_of_three_numbers_and_numbers_that_are_not_finite(
    memory_client: FlaskClient,
) -> None:
    """The types refuse these before the search runs: a box without its north edge is not a
    BoundingBoxInput, and NaN or Infinity are no JSON (nor a GraphQL Float)."""
    three = {key: value for key, value in LISBON_BOX.items() if key != "north"}
    assert codes(search(memory_client, bbox=three)) == ["BAD_USER_INPUT"]
    literal = "{ listings(filter: {bbox: {west: 1, south: 2, east: 3}}) { total } }"
    assert codes(gql(memory_client, literal)) == ["GRAPHQL_VALIDATION_FAILED"]
    query = "query($f: ListingFilter) { listings(filter: $f) { total } }"
    for number in (math.nan, math.inf, -math.inf):
        near = {"near": {"latitude": number, "longitude": 0}, "radiusKm": 5}
        body = json.dumps({"query": query, "variables": {"f": near}})  # NaN, Infinity as JS has
        answer = memory_client.post("/api/v1/graphql", data=body, content_type="application/json")
        assert answer.status_code == 400
        assert answer.get_json()["errors"][0]["message"].endswith("which is not JSON.")
