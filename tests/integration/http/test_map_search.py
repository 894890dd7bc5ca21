"""GET /listings on a map: a box, a radius sorted by distance with each item's distance_km,
the detail filters and the cover photo, on every storage; and each bad map query a 422."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.integration.http.conftest import listing_fields, signup

LISTINGS = "/api/v1/listings"
BAIXA = "38.7101,-9.1366"
LISBON_BOX = "-9.25,38.65,-9.05,38.80"


@pytest.fixture
def lisbon(client: FlaskClient) -> dict[str, str]:
    """Three listings in and around Lisbon, one in Porto, one without coordinates."""
    _, headers = signup(client, role="host")
    specs = {
        "baixa": {"latitude": 38.7110, "longitude": -9.1370, "property_type": "private_room"},
        "belem": {
            "latitude": 38.6979,
            "longitude": -9.2066,
            "bedrooms": 3,
            "beds": 4,
            "bathrooms": 2.5,
            "house_rules": {"pets_allowed": True},
        },
        "sintra": {"latitude": 38.8029, "longitude": -9.3817, "instant_book": False},
        "porto": {"city": "Porto", "latitude": 41.1579, "longitude": -8.6291},
        "nowhere": {},
    }
    made = {}
    for name, fields in specs.items():
        answer = client.post(LISTINGS, json=listing_fields(title=name, **fields), headers=headers)
        assert answer.status_code == 201, answer.get_json()
        made[name] = answer.get_json()["id"]
    return made


def search(client: FlaskClient, query: str) -> dict[str, Any]:
    answer = client.get(f"{LISTINGS}?{query}")
    assert answer.status_code == 200, answer.get_json()
    found: dict[str, Any] = answer.get_json()
    return found


def titles(client: FlaskClient, query: str) -> list[str]:
    return [item["title"] for item in search(client, query)["items"]]


def test_a_box_and_a_radius_sorted_by_distance(client: FlaskClient, lisbon: dict[str, str]) -> None:
    assert sorted(titles(client, f"bbox={LISBON_BOX}")) == ["baixa", "belem"]
    assert "distance_km" not in search(client, f"bbox={LISBON_BOX}")["items"][0]

    near = search(client, f"near={BAIXA}&radius_km=30&sort=distance")
    assert [item["title"] for item in near["items"]] == ["baixa", "belem", "sintra"]
    assert [item["distance_km"] for item in near["items"]] == [
        0.11,
        6.22,
        23.63,
    ]  # GeographicLib on the sphere
    assert near["total"] == 3
    assert all(item["cover_photo"] is None for item in near["items"])
    assert titles(client, f"near={BAIXA}&radius_km=30&sort=distance&per_page=1&page=2") == ["belem"]
    assert titles(client, f"near={BAIXA}&radius_km=30&bbox={LISBON_BOX}&sort=distance") == [
        "baixa",
        "belem",
    ]
    assert titles(client, "bbox=-9.25,38.65,-9.05,38.80&city=porto") == []


def test_detail_filters(client: FlaskClient, lisbon: dict[str, str]) -> None:
    everywhere = "sort=newest&per_page=100"
    assert titles(client, f"{everywhere}&property_type=private_room") == ["baixa"]
    assert set(titles(client, f"{everywhere}&property_type=private_room,%20entire_home")) == {
        "baixa",
        "belem",
        "sintra",
        "porto",
        "nowhere",
    }
    assert titles(client, f"{everywhere}&min_bedrooms=2&min_beds=4&min_bathrooms=2.5") == ["belem"]
    assert titles(client, f"{everywhere}&instant_book=false") == ["sintra"]
    assert titles(client, f"{everywhere}&pets_allowed=true") == ["belem"]
    assert titles(client, f"bbox={LISBON_BOX}&pets_allowed=false") == ["baixa"]


BAD_QUERIES = [
    ("near=90.5,0&radius_km=5", "near", "latitude must be between -90 and 90."),
    ("near=0,180.5&radius_km=5", "near", "longitude must be between -180 and 180."),
    ("bbox=-9.25,38.65,-9.05,91", "bbox", "north must be between -90 and 90."),
    ("bbox=-9.25,38.65,181,38.80", "bbox", "east must be between -180 and 180."),
    ("bbox=-9.25,38.80,-9.05,38.65", "bbox", "south must not be above north."),
    ("near=38.7,-9.1", "radius_km", "near and radius_km go together."),
    ("radius_km=5", "near", "near and radius_km go together."),
    ("near=38.7,-9.1&radius_km=0", "radius_km", None),
    ("near=38.7,-9.1&radius_km=101", "radius_km", None),
    ("sort=distance", "sort", "sort=distance needs near (and radius_km)."),
    ("bbox=-9.25,38.65,-9.05,38.80&sort=distance", "sort", None),
    ("near=NaN,0&radius_km=5", "near", "must be 2 numbers: latitude,longitude."),
    ("near=0,Infinity&radius_km=5", "near", None),
    ("near=38.7,-9.1&radius_km=NaN", "radius_km", None),
    ("near=38.7,-9.1&radius_km=Infinity", "radius_km", None),
    ("bbox=-9.25,38.65,-9.05", "bbox", "must be 4 numbers: west,south,east,north."),
    ("bbox=-9.25,38.65,-9.05,38.80,1", "bbox", None),
    ("bbox=-inf,38.65,-9.05,38.80", "bbox", None),
    ("property_type=castle", "property_type", None),
    ("min_bedrooms=-1", "min_bedrooms", None),
    ("instant_book=yes", "instant_book", None),
]


@pytest.mark.parametrize(("query", "field", "message"), BAD_QUERIES)
def test_bad_map_queries_are_422_naming_the_field(
    memory_client: FlaskClient, query: str, field: str, message: str | None
) -> None:
    answer = memory_client.get(f"{LISTINGS}?{query}")

    assert answer.status_code == 422, answer.get_json()
    assert answer.content_type == "application/problem+json"
    errors = answer.get_json()["errors"]
    assert list(errors) == [field]
    if message is not None:
        assert errors[field] == [message]
