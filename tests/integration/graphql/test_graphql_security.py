"""Who sees what, the limits, the transport and the tokens of the GraphQL endpoint."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from flask_jwt_extended import create_access_token

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.composition import bootstrap
from rental.entrypoints.http import create_app
from tests.fakes import FakeClock
from tests.integration.graphql.steps import GRAPHQL, codes, created_listing, gql, paid, requested
from tests.integration.http.booking_steps import admin, day
from tests.integration.http.conftest import PASSWORD, test_settings
from tests.integration.http.conftest import signup as http_signup

SEE = """query($b: ID!, $p: ID!, $u: ID!) { booking(id: $b) { id } payment(id: $p) { id }
  user(id: $u) { id username email trips { total } hostedBookings { total } } }"""


def a_paid_booking(
    client: FlaskClient, clock: FakeClock
) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    _, host = http_signup(client, "host")
    guest_user, guest = http_signup(client, "guest")
    listing = created_listing(client, host)
    booking = requested(client, guest, listing["id"], day(clock, 2), day(clock, 4))
    payment = paid(client, guest, booking["id"])["data"]["payForBooking"]
    ids = {"booking": booking["id"], "payment": payment["id"], "guest": guest_user["id"]}
    return host, guest, ids


def test_strangers_see_null_and_the_parties_see_the_booking(
    rental_app: Flask, client: FlaskClient, clock: FakeClock
) -> None:
    """On memory, SQLite and PostgreSQL, as the rest of the authorization."""
    host, guest, ids = a_paid_booking(client, clock)
    _, stranger = http_signup(client, "guest")
    variables = {"b": ids["booking"], "p": ids["payment"], "u": ids["guest"]}
    hidden = {"booking": None, "payment": None}

    for headers in (stranger, {}):
        answer = gql(client, SEE, variables, headers)
        assert "errors" not in answer
        data = answer["data"]
        assert {k: data[k] for k in hidden} == hidden
        assert (data["user"]["email"], data["user"]["trips"]) == (None, None)
        assert data["user"]["hostedBookings"] is None
    for headers in (guest, host, admin(rental_app, client)):
        data = gql(client, SEE, variables, headers)["data"]
        assert data["booking"] == {"id": ids["booking"]}
        assert data["payment"] == {"id": ids["payment"]}
    missing = gql(client, SEE, {"b": "nope", "p": "nope", "u": "nope"}, guest)
    assert missing == {"data": {"booking": None, "payment": None, "user": None}}
    guest_view = gql(client, SEE, variables, guest)["data"]["user"]
    assert guest_view["trips"] == {"total": 1} and guest_view["email"]

    cancel = "mutation($id: ID!) { cancelBooking(id: $id) { id } }"
    refused = gql(client, cancel, {"id": ids["booking"]}, stranger)
    assert codes(refused) == ["NOT_FOUND"] and refused["data"] == {"cancelBooking": None}
    anonymous = gql(client, cancel, {"id": ids["booking"]})
    assert codes(anonymous) == ["UNAUTHENTICATED"]


def test_guests_cannot_host_and_hosts_cannot_change_others_listings(client: FlaskClient) -> None:
    _, guest = http_signup(client, "guest")
    _, host = http_signup(client, "host")
    _, other_host = http_signup(client, "host")
    listing = created_listing(client, host)
    create = """mutation { createListing(input: {title: "Mine", city: "Lisbon", country: "PT",
        pricePerNight: 100, maxGuests: 1}) { id } }"""  # fmt: skip
    update = """mutation($id: ID!) { updateListing(id: $id, input: {title: "Ha"}) { id } }"""

    assert codes(gql(client, create, headers=guest)) == ["FORBIDDEN"]
    assert codes(gql(client, update, {"id": listing["id"]}, other_host)) == ["FORBIDDEN"]
    assert codes(gql(client, update, {"id": "missing"}, host)) == ["NOT_FOUND"]


def depth_query(levels: int) -> str:
    # booking(1) > payments(2) > booking(3) > payments(4) … > id(levels)
    body = "id"
    for level in range(levels - 1, 1, -1):
        body = f"{'payments' if level % 2 == 0 else 'booking'} {{ {body} }}"
    return f'{{ booking(id: "x") {{ {body} }} }}'


def test_limits_refuse_before_anything_runs(memory_client: FlaskClient) -> None:
    ten, eleven = depth_query(10), depth_query(11)
    assert "errors" not in gql(memory_client, ten)
    assert codes(gql(memory_client, eleven)) == ["GRAPHQL_VALIDATION_FAILED"]
    with_introspection = ten.replace("{ id }", "{ id __typename }", 1)
    assert "errors" not in gql(memory_client, with_introspection)

    thirty = "{ " + " ".join(f"a{i}: me {{ id }}" for i in range(30)) + " }"
    assert "errors" not in gql(memory_client, thirty)
    # 16 aliases in a fragment spread twice count 32.
    fragment = "fragment F on Query { " + " ".join(f"b{i}: me {{ id }}" for i in range(16)) + " }"
    spread_twice = "{ ...F x: listings { total } ... on Query { ...F } } " + fragment
    answer = gql(memory_client, spread_twice)
    assert codes(answer) == ["GRAPHQL_VALIDATION_FAILED"] and answer["data"] is None

    tokens = "{ " + " ".join("me { id }" for _ in range(800)) + " }"
    assert codes(gql(memory_client, tokens)) == ["GRAPHQL_VALIDATION_FAILED"]

    page = "query($n: Int = 20) { listings(perPage: $n) { total } }"
    assert "errors" not in gql(memory_client, page)
    for variables in ({"n": 101}, {"n": 0}):
        refused = gql(memory_client, page, variables)
        assert codes(refused) == ["BAD_USER_INPUT"] and refused["data"] is None
        assert list(refused["errors"][0]["extensions"]["errors"]) == ["perPage"]
    defaulted = "query($n: Int = 500) { listings(perPage: $n) { total } }"
    literal = '{ listing(id: "x") { reviews(page: 0) { total } } }'
    nested_list = "{ me { trips(perPage: 101) { total } } }"
    for query in (defaulted, literal, nested_list):
        assert codes(gql(memory_client, query)) == ["BAD_USER_INPUT"]


def test_client_mistakes_get_their_codes_never_an_internal_error(
    memory_client: FlaskClient,
) -> None:
    _, host = http_signup(memory_client, "host")
    cases = {
        "{ me { id ": "GRAPHQL_PARSE_FAILED",
        "{ nope }": "GRAPHQL_VALIDATION_FAILED",
        "{ ...Missing }": "GRAPHQL_VALIDATION_FAILED",
        '{ listing(id: "x") { availability(from: "2030-1-1", to: "2030-01-02") { start } } }':
            "GRAPHQL_VALIDATION_FAILED",
        '{ listing(id: "a\\u0000") { id } }': "BAD_USER_INPUT",
    }  # fmt: skip
    for query, code in cases.items():
        answer = gql(memory_client, query)
        assert codes(answer) == [code], (query, answer)
        assert answer.get("data") is None
    dates = "query($d: Date!) { listings(filter: {checkIn: $d}) { total } }"
    for bad in ("20300101", "2030-02-30", 5):
        assert codes(gql(memory_client, dates, {"d": bad})) == ["BAD_USER_INPUT"]
    nul = """mutation($i: CreateListingInput!) { createListing(input: $i) { id } }"""
    fields = {"title": "Loft", "city": "Lis\x00bon", "country": "PT", "pricePerNight": 1,
              "maxGuests": 1, "amenities": ["wifi", "po\x00ol"]}  # fmt: skip
    answer = gql(memory_client, nul, {"i": fields}, host)
    assert codes(answer) == ["BAD_USER_INPUT"]
    assert answer["errors"][0]["extensions"]["errors"] == {
        "city": ["must not contain NUL characters."],
        "amenities.1": ["must not contain NUL characters."],
    }
    assert gql(memory_client, "{ listings { total } }")["data"]["listings"]["total"] == 0


def test_transport_rules(memory_client: FlaskClient) -> None:
    def errors_of(response: Any) -> list[Any]:
        assert response.content_type.startswith("application/json")
        return list(response.get_json()["errors"])

    batch = memory_client.post(GRAPHQL, json=[{"query": "{ me { id } }"}])
    text = memory_client.post(GRAPHQL, data="{}", content_type="text/plain")
    not_json = memory_client.post(GRAPHQL, data="{", content_type="application/json")
    no_query = memory_client.post(GRAPHQL, json={"variables": {}})
    by_get = memory_client.get(GRAPHQL, query_string={"query": "{ listings { total } }"})
    mutation = memory_client.get(
        GRAPHQL, query_string={"query": 'mutation { cancelBooking(id: "x") { id } }'}
    )
    put = memory_client.put(GRAPHQL, json={"query": "{ me { id } }"})
    ide = memory_client.get(GRAPHQL, headers={"Accept": "text/html"})

    assert batch.status_code == 400 and errors_of(batch)
    assert text.status_code == 415 and errors_of(text)
    assert not_json.status_code == 400 and errors_of(not_json)
    assert no_query.status_code == 400 and errors_of(no_query)
    assert by_get.status_code == 200 and by_get.get_json()["data"]["listings"]["total"] == 0
    assert mutation.status_code == 405 and mutation.headers["Allow"] == "POST"
    assert errors_of(mutation)
    assert put.status_code == 405 and errors_of(put)
    assert ide.status_code != 200 or "graphiql" not in ide.get_data(as_text=True).lower()


def test_graphiql_only_in_development(clock: FakeClock) -> None:
    rental = bootstrap(clock=clock, password_hasher=Argon2Hasher(fast=True))
    app = create_app(test_settings(env="development"), rental=rental)

    page = app.test_client().get(GRAPHQL, headers={"Accept": "text/html"})

    assert page.status_code == 200 and "graphiql" in page.get_data(as_text=True).lower()


def test_bad_tokens_are_401_problems_before_anything_runs(
    memory_app: Flask, memory_client: FlaskClient
) -> None:
    user, headers = http_signup(memory_client, "host")
    tokens = memory_client.post(
        "/api/v1/auth/login", json={"email": user["email"], "password": PASSWORD}
    ).get_json()
    with memory_app.app_context():
        expired = create_access_token(identity=user["id"], additional_claims={"role": "host"},
                                      expires_delta=-timedelta(seconds=5))  # fmt: skip
    revoked = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert memory_client.post("/api/v1/auth/logout", headers=revoked).status_code == 204
    create = """mutation { createListing(input: {title: "T", city: "C", country: "PT",
        pricePerNight: 100, maxGuests: 1}) { id } }"""  # fmt: skip

    for token in ("not-a-token", expired, tokens["refresh_token"], tokens["access_token"]):
        response = memory_client.post(
            GRAPHQL, json={"query": create}, headers={"Authorization": f"Bearer {token}"}
        )
        assert response.status_code == 401
        assert response.content_type == "application/problem+json"
    basic = memory_client.post(GRAPHQL, json={"query": "{ me { id } }"},
                               headers={"Authorization": "Basic eDp5"})  # fmt: skip
    assert basic.status_code == 401
    assert gql(memory_client, "{ listings { total } }")["data"]["listings"]["total"] == 0
    assert gql(memory_client, "{ me { id } }", headers=headers)["data"]["me"]["id"] == user["id"]


def test_introspection_works_and_shows_nothing_the_http_api_hides(
    memory_client: FlaskClient,
) -> None:
    answer = gql(
        memory_client, "{ __schema { types { name fields { name } inputFields { name } } } }"
    )
    names = {
        field["name"].lower()
        for kind in answer["data"]["__schema"]["types"]
        for field in (kind["fields"] or []) + (kind["inputFields"] or [])
    }
    for secret in ("password", "passwordhash", "holderid", "gatewayreference", "payerid",
                   "version", "ratingsum", "deletedat", "hostid"):  # fmt: skip
        assert secret not in names
    assert {"paymenttoken", "email", "trips"} <= names  # an input, and the guarded fields
    assert json.dumps(answer).count("password") == 0
