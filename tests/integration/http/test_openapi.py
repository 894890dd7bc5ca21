"""The OpenAPI document: valid, complete, and describing errors as problem details."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient
from openapi_spec_validator import validate

PROBLEM = "application/problem+json"
# Every endpoint of API.md, by path and method.
ENDPOINTS = {
    "/healthz": {"get"},
    "/readyz": {"get"},
    "/api/v1/auth/register": {"post"},
    "/api/v1/auth/login": {"post"},
    "/api/v1/auth/refresh": {"post"},
    "/api/v1/auth/logout": {"post"},
    "/api/v1/users/me": {"get", "patch"},
    "/api/v1/listings": {"get", "post"},
    "/api/v1/listings/{listing_id}": {"get", "patch", "delete"},
    "/api/v1/listings/{listing_id}/availability": {"get"},
    "/api/v1/listings/{listing_id}/blocks": {"post"},
    "/api/v1/listings/{listing_id}/blocks/{block_id}": {"delete"},
    "/api/v1/listings/{listing_id}/reviews": {"get"},
    "/api/v1/bookings": {"get", "post"},
    "/api/v1/bookings/{booking_id}": {"get"},
    "/api/v1/bookings/{booking_id}/confirm": {"post"},
    "/api/v1/bookings/{booking_id}/decline": {"post"},
    "/api/v1/bookings/{booking_id}/cancel": {"post"},
    "/api/v1/bookings/{booking_id}/payments": {"get", "post"},
    "/api/v1/bookings/{booking_id}/review": {"post"},
    "/api/v1/payments/{payment_id}": {"get"},
    # Issue 14: payouts and the payment provider's webhooks.
    "/api/v1/payouts": {"get"},
    "/api/v1/payouts/summary": {"get"},
    "/api/v1/webhooks/stripe": {"post"},
}
PUBLIC = {
    ("/healthz", "get"), ("/readyz", "get"), ("/api/v1/auth/register", "post"),
    ("/api/v1/auth/login", "post"), ("/api/v1/listings", "get"),
    ("/api/v1/listings/{listing_id}", "get"), ("/api/v1/listings/{listing_id}/availability", "get"),
    ("/api/v1/listings/{listing_id}/reviews", "get"),
    # The iCalendar export: opened by the secret token in its URL, as other platforms fetch it.
    ("/api/v1/listings/{listing_id}/calendar.ics", "get"),
    # Stripe's webhooks: authenticated by the Stripe-Signature header, not a bearer token.
    ("/api/v1/webhooks/stripe", "post"),
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
        if method != "parameters"
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
