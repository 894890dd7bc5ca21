"""The OpenAPI document: valid, complete, and describing errors as problem details."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask.testing import FlaskClient
from openapi_spec_validator import validate

from rental.domain.listings.places import COUNTRIES
from rental.domain.money import CURRENCIES

PROBLEM = "application/problem+json"
# Every endpoint of API.md, by path and method.
ENDPOINTS = {
    "/healthz": {"get"},
    "/readyz": {"get"},
    "/auth/register": {"post"},
    "/auth/login": {"post"},
    "/auth/refresh": {"post"},
    "/auth/logout": {"post"},
    "/users/me": {"get", "patch"},
    "/listings": {"get", "post"},
    "/listings/{listing_id}": {"get", "patch", "delete"},
    "/listings/{listing_id}/availability": {"get"},
    "/listings/{listing_id}/blocks": {"post"},
    "/listings/{listing_id}/blocks/{block_id}": {"delete"},
    "/listings/{listing_id}/reviews": {"get"},
    "/bookings": {"get", "post"},
    "/bookings/{booking_id}": {"get"},
    "/bookings/{booking_id}/confirm": {"post"},
    "/bookings/{booking_id}/decline": {"post"},
    "/bookings/{booking_id}/cancel": {"post"},
    "/bookings/{booking_id}/payments": {"get", "post"},
    "/bookings/{booking_id}/review": {"post"},
    "/payments/{payment_id}": {"get"},
    # Issue 14: payouts and the payment provider's webhooks.
    "/payouts": {"get"},
    "/payouts/summary": {"get"},
    "/webhooks/stripe": {"post"},
    # Issue 26: reviews both ways.
    "/bookings/{booking_id}/guest-review": {"post"},
    "/reviews/{review_id}/response": {"post"},
    "/reviews/{review_id}/report": {"post"},
    "/users/{user_id}/reviews": {"get"},
}
PUBLIC = {
    ("/healthz", "get"), ("/readyz", "get"), ("/auth/register", "post"),
    ("/auth/login", "post"), ("/listings", "get"),
    ("/listings/{listing_id}/availability", "get"),
    ("/listings/{listing_id}/reviews", "get"),
    ("/users/{user_id}/reviews", "get"),
    # The iCalendar export: opened by the secret token in its URL, as other platforms fetch it.
    ("/listings/{listing_id}/calendar.ics", "get"),
    # Stripe's webhooks: authenticated by the Stripe-Signature header, not a bearer token.
    ("/webhooks/stripe", "post"),
    # Recovery: the emailed one-time token is the credential.
    ("/auth/password-reset", "post"), ("/auth/password-reset/confirm", "post"),
    ("/auth/verify-email", "post"),
    # Prices and rules by date: anyone may read a listing's calendar and quote a stay.
    ("/listings/{listing_id}/calendar", "get"), ("/listings/{listing_id}/quote", "get"),
    # The local media store's files.
    ("/media/{key}", "get"),
}  # fmt: skip
# Public, but a bearer token shows more (an unlisted listing, to its host and admins; photos
# still processing, to its host and admins).
OPTIONAL_BEARER = {
    ("/listings/{listing_id}", "get"), ("/listings/{listing_id}/photos", "get"),
    ("/listings/{listing_id}/photos/{photo_id}", "get"),
    # A wishlist: its owner's by the bearer token, anyone's by its share token.
    ("/wishlists/{wishlist_id}", "get"),
}  # fmt: skip


@pytest.fixture
def spec(memory_client: FlaskClient) -> dict[str, Any]:
    response = memory_client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document: dict[str, Any] = response.get_json()
    return document


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, operation)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method not in ("parameters", "servers")
    ]


def test_the_document_is_valid_openapi_3(spec: dict[str, Any]) -> None:
    validate(spec)
    assert spec["openapi"].startswith("3.")
    assert (spec["info"]["title"], spec["info"]["version"]) == ("rental", "v1")


def test_every_endpoint_of_the_contract_is_described(spec: dict[str, Any]) -> None:
    for path, methods in ENDPOINTS.items():
        assert path in spec["paths"], path
        assert methods <= set(spec["paths"][path]), path


def test_authenticated_endpoints_declare_the_bearer_scheme(spec: dict[str, Any]) -> None:
    scheme = spec["components"]["securitySchemes"]["bearerAuth"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    for path, method, operation in _operations(spec):
        if (path, method) in PUBLIC:
            assert "security" not in operation, (path, method)
        elif (path, method) in OPTIONAL_BEARER:
            assert operation.get("security") == [{}, {"bearerAuth": []}], (path, method)
        else:
            assert operation.get("security") == [{"bearerAuth": []}], (path, method)
            assert "401" in operation["responses"], (path, method)


def test_errors_are_documented_as_problem_details(spec: dict[str, Any]) -> None:
    responses = spec["components"]["responses"]
    for name in ("NOT_FOUND", "UNPROCESSABLE_ENTITY", "CONFLICT", "DEFAULT_ERROR"):
        assert PROBLEM in responses[name]["content"], name
    problem = spec["components"]["schemas"]["Problem"]
    assert {"type", "title", "status", "detail"} <= set(problem["required"])
    for path, method, operation in _operations(spec):
        assert "default" in operation["responses"], (path, method)
    created = [op for _, _, op in _operations(spec) if "201" in op["responses"]]
    assert created
    for operation in created:
        assert "Location" in operation["responses"]["201"]["headers"]


def test_paths_are_relative_to_the_v1_server_and_probes_say_their_own(
    spec: dict[str, Any],
) -> None:
    assert spec["servers"][0]["url"] == "/api/v1"
    for path, item in spec["paths"].items():
        assert not path.startswith("/api/"), path
        if path in ("/healthz", "/readyz", "/media/{key}"):  # the server root
            assert item["servers"][0]["url"] == "/"
        else:
            assert "servers" not in item, path


def test_every_operation_has_a_unique_operation_id_and_a_described_tag(
    spec: dict[str, Any],
) -> None:
    ids = [operation["operationId"] for _, _, operation in _operations(spec)]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][A-Za-z]+", name) for name in ids), ids
    assert {"createBooking", "listListings", "createPayment", "login"} <= set(ids)
    described = {tag["name"] for tag in spec["tags"] if tag.get("description")}
    for path, method, operation in _operations(spec):
        assert set(operation["tags"]) <= described, (path, method)


def test_enums_come_from_the_tables_the_domain_checks(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    assert set(schemas["Country"]["enum"]) == COUNTRIES
    assert set(schemas["Currency"]["enum"]) == CURRENCIES
    for name in ("ListingCreate", "ListingUpdate"):
        properties = schemas[name]["properties"]
        assert properties["country"]["allOf"] == [{"$ref": "#/components/schemas/Country"}]
        assert properties["currency"]["allOf"] == [{"$ref": "#/components/schemas/Currency"}]
        assert properties["timezone"]["x-rental-time-zone"] == "IANA"


def test_cancelled_by_is_one_nullable_enum(spec: dict[str, Any]) -> None:
    cancelled_by = spec["components"]["schemas"]["Booking"]["properties"]["cancelled_by"]
    assert cancelled_by["nullable"] is True
    assert cancelled_by["allOf"] == [{"$ref": "#/components/schemas/CancelledBy"}]
    assert spec["components"]["schemas"]["CancelledBy"]["enum"] == ["admin", "guest", "host"]
    role = spec["components"]["schemas"]["User"]["properties"]["role"]
    assert "allOf" not in role  # the same three words, but a role is not who cancelled


def test_rules_the_server_checks_are_stated(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    booking = schemas["BookingRequest"]["properties"]
    assert booking["check_out"]["x-rental-after"] == "check_in"
    assert booking["check_in"]["x-rental-not-before"] == "today"
    assert booking["guests"]["x-rental-at-most"] == "listing.max_guests"
    assert schemas["ListingUpdate"]["properties"]["max_nights"]["x-rental-at-least"] == "min_nights"
    assert schemas["BlockInput"]["properties"]["end"]["x-rental-after"] == "start"
    title = schemas["ListingCreate"]["properties"]["title"]["pattern"]
    assert re.match(title, "Loft") and not re.match(title, "Lo\tft")
    assert not re.match(title, "   ") and not re.match(title, "Lo\x85ft")
    description = schemas["ListingCreate"]["properties"]["description"]["pattern"]
    assert re.match(description, "Two rooms.\nA view.") and not re.match(description, "a\x00")
    query = {
        p["name"]: p
        for p in spec["paths"]["/listings/{listing_id}/availability"]["get"]["parameters"]
    }
    assert query["to"]["schema"]["x-rental-after"] == "from"


def test_links_name_operations_that_exist(spec: dict[str, Any]) -> None:
    ids = {operation["operationId"] for _, _, operation in _operations(spec)}
    walked = set()
    for _, _, operation in _operations(spec):
        for response in operation["responses"].values():
            for link in response.get("links", {}).values():
                assert link["operationId"] in ids
                walked.add((operation["operationId"], link["operationId"]))
    assert {
        ("registerUser", "login"), ("createListing", "createBooking"),
        ("createBooking", "createPayment"), ("createPayment", "cancelBooking"),
        ("createPayment", "createReview"),
    } <= walked  # fmt: skip
