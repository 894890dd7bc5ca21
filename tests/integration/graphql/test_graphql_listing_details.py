"""GraphQL: a listing's details in and out, one house rule changed alone, unlisted listings."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.integration.graphql.steps import codes, created_listing, gql
from tests.integration.http.conftest import signup

DETAILS = """propertyType bedrooms beds bathrooms checkInTime checkOutTime
  houseRules { petsAllowed smokingAllowed eventsAllowed } listed"""
UPDATE = f"""mutation($id: ID!, $input: UpdateListingInput!) {{
  updateListing(id: $id, input: $input) {{ {DETAILS} }} }}"""
READ = f"query($id: ID!) {{ listing(id: $id) {{ {DETAILS} }} }}"


def test_details_change_and_an_unlisted_listing_is_null_but_to_its_host(
    client: FlaskClient,
) -> None:
    _, host = signup(client, "host")
    listing = created_listing(client, host, propertyType="SHARED_ROOM", bathrooms=0.5)
    changed = gql(
        client, UPDATE,
        {"id": listing["id"], "input": {"houseRules": {"petsAllowed": True}, "listed": False}},
        host,
    )  # fmt: skip
    assert changed["data"]["updateListing"] == {
        "propertyType": "SHARED_ROOM", "bedrooms": 1, "beds": 1, "bathrooms": 0.5,
        "checkInTime": "15:00", "checkOutTime": "11:00",
        "houseRules": {"petsAllowed": True, "smokingAllowed": False, "eventsAllowed": False},
        "listed": False,
    }  # fmt: skip
    assert gql(client, READ, {"id": listing["id"]})["data"] == {"listing": None}
    assert gql(client, READ, {"id": listing["id"]}, host)["data"]["listing"]["listed"] is False


def test_bad_details_are_bad_user_input(memory_client: FlaskClient) -> None:
    _, host = signup(memory_client, "host")
    listing = created_listing(memory_client, host)
    for bad in ({"bathrooms": 1.2}, {"checkInTime": "noon"}, {"bedrooms": -1}):
        refused = gql(memory_client, UPDATE, {"id": listing["id"], "input": bad}, host)
        assert codes(refused) == ["BAD_USER_INPUT"], refused
