"""The OpenAPI document as served: flask-smorest's, with what it cannot say by itself.

- ``servers`` is ``/api/v1`` and every path under it is written relative to it, as generated
  clients expect; the probes at the server root (``/healthz``, ``/readyz``) say so with a
  ``servers`` of their own.
- Enums used in several places (countries, currencies, policies, who cancelled) are named
  components, so a generated client has one ``Country`` type, not one per schema; a nullable
  one is ``allOf`` its component plus ``nullable``, which generators read as one optional enum.
- Every operation declares 414: ``rental serve`` (gunicorn) refuses a request line longer
  than ``REQUEST_LINE_LIMIT`` bytes before the application sees it, as problem+json; a long
  enough path or query string reaches it on any operation.
- ``links`` let a client (or schemathesis's stateful phase) walk from one response to the next
  request: register -> login, listing -> booking -> payment -> cancel or review. A link is added
  only when both of its operations are in the document, so new endpoints never break it.
"""

from __future__ import annotations

from typing import Any

from rental.domain.bookings.booking import CancelledBy
from rental.domain.bookings.policies import CancellationPolicy
from rental.domain.listings.places import COUNTRIES
from rental.domain.money import CURRENCIES

API_PREFIX = "/api/v1"
ROOT_SERVER = [{"url": "/", "description": "The server root (probes, stored files)."}]
SERVERS = [{"url": API_PREFIX, "description": "Version 1, on the server that serves this."}]

# gunicorn's ``limit_request_line``, which ``rental serve`` keeps: method, target and version.
REQUEST_LINE_LIMIT = 4094
URI_TOO_LONG = {
    "description": f"The request line (method, path with its query string, and version) is "
    f"longer than {REQUEST_LINE_LIMIT:,} bytes: `rental serve` refuses it before reading "
    "anything else. Put long values in a body, or ask for less at a time.",
    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
}
# Rules that hang on who asks and what already exists, which no schema can say; stated on the
# operation (``x-rental-state-rule``, and in its description) so a tester knows the answer.
STATE_RULES = {
    "sendInquiry": "422 when the listing is the caller's own: a host does not write an "
    "inquiry to itself.",
    **dict.fromkeys(
        ("confirmPasswordReset", "verifyEmail"),
        "400 `invalid-token` when the token is not one the server emailed, or was used, "
        "replaced or has expired: any string fits the schema, only a live one works.",
    ),
    **dict.fromkeys(
        ("registerUser", "requestPasswordReset", "changeEmail"),
        "422 when the address, though the `email` format admits it, is not one an account may "
        "have: invisible or control characters, a quoted local part, dots at the ends of or "
        "doubled in the local part, or a domain without a dot.",
    ),
}
BOOKING_ID = {"booking_id": "$response.body#/id"}
LISTING_ID = {"listing_id": "$response.body#/id"}
# (source operationId, status) -> {link name: link object}; ``operationId`` names the target.
LINKS: dict[tuple[str, str], dict[str, dict[str, Any]]] = {
    ("registerUser", "201"): {
        "login": {
            "operationId": "login",
            "requestBody": {"email": "$request.body#/email", "password": "$request.body#/password"},
            "description": "Sign in with the account just made.",
        },
    },
    ("createListing", "201"): {
        "getListing": {"operationId": "getListing", "parameters": LISTING_ID},
        "updateListing": {"operationId": "updateListing", "parameters": LISTING_ID},
        "getAvailability": {"operationId": "getAvailability", "parameters": LISTING_ID},
        "blockDates": {"operationId": "blockDates", "parameters": LISTING_ID},
        "listListingReviews": {"operationId": "listListingReviews", "parameters": LISTING_ID},
        "createBooking": {
            "operationId": "createBooking",
            "requestBody": {"listing_id": "$response.body#/id"},
            "description": "Book the new listing (the body's other fields are the client's).",
        },
        "deleteListing": {"operationId": "deleteListing", "parameters": LISTING_ID},
    },
    ("blockDates", "201"): {
        "unblockDates": {
            "operationId": "unblockDates",
            "parameters": {
                "listing_id": "$request.path.listing_id",
                "block_id": "$response.body#/id",
            },
        },
    },
    ("createBooking", "201"): {
        "getBooking": {"operationId": "getBooking", "parameters": BOOKING_ID},
        "createPayment": {"operationId": "createPayment", "parameters": BOOKING_ID},
        "listBookingPayments": {"operationId": "listBookingPayments", "parameters": BOOKING_ID},
        "cancelBooking": {"operationId": "cancelBooking", "parameters": BOOKING_ID},
    },
    ("createPayment", "201"): {
        "getPayment": {
            "operationId": "getPayment",
            "parameters": {"payment_id": "$response.body#/id"},
        },
        "cancelBooking": {
            "operationId": "cancelBooking",
            "parameters": {"booking_id": "$request.path.booking_id"},
        },
        "confirmBooking": {
            "operationId": "confirmBooking",
            "parameters": {"booking_id": "$request.path.booking_id"},
        },
        "declineBooking": {
            "operationId": "declineBooking",
            "parameters": {"booking_id": "$request.path.booking_id"},
        },
        "createReview": {
            "operationId": "createReview",
            "parameters": {"booking_id": "$request.path.booking_id"},
        },
    },
    ("createReview", "201"): {
        "getBookingReview": {
            "operationId": "getBookingReview",
            "parameters": {"booking_id": "$request.path.booking_id"},
        },
    },
}


NAMED_ENUMS: dict[frozenset[str], str] = {
    frozenset(COUNTRIES): "Country",
    frozenset(CURRENCIES): "Currency",
    frozenset(p.value for p in CancellationPolicy): "CancellationPolicy",
    frozenset(by.value for by in CancelledBy): "CancelledBy",
}
# Where each named enum is not meant: a user's role is not "who cancelled", though both are
# guest, host or admin.
UNNAMED = {("Register", "role"), ("User", "role")}


def _name_enums(schemas: dict[str, Any]) -> None:
    for schema_name, schema in list(schemas.items()):
        for name, prop in schema.get("properties", {}).items():
            values = frozenset(v for v in prop.get("enum", ()) if v is not None)
            enum_name = NAMED_ENUMS.get(values)
            if enum_name is None or (schema_name, name) in UNNAMED:
                continue
            kept = {k: v for k, v in prop.items() if k not in ("type", "enum", "nullable")}
            schemas.setdefault(enum_name, {"type": "string", "enum": sorted(values)})
            ref = {"allOf": [{"$ref": f"#/components/schemas/{enum_name}"}], **kept}
            schema["properties"][name] = {**ref, "nullable": True} if prop.get("nullable") else ref


def operations(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every operation of ``document`` by its ``operationId``."""
    return {
        operation["operationId"]: operation
        for item in document["paths"].values()
        for method, operation in item.items()
        if method not in ("parameters", "servers", "summary", "description")
        and "operationId" in operation
    }


def finish(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` (from flask-smorest) with servers, relative paths and links."""
    paths: dict[str, Any] = {}
    for path, item in document["paths"].items():
        if path.startswith(API_PREFIX + "/"):
            paths[path.removeprefix(API_PREFIX)] = item
        else:
            paths[path] = {**item, "servers": ROOT_SERVER}
    finished = {**document, "servers": SERVERS, "paths": paths}
    _name_enums(finished["components"]["schemas"])
    by_id = operations(finished)
    for operation in by_id.values():
        operation.setdefault("responses", {}).setdefault("414", URI_TOO_LONG)
    for operation_id, rule in STATE_RULES.items():
        if operation_id in by_id:
            operation = by_id[operation_id]
            operation["x-rental-state-rule"] = rule
            operation["description"] = f"{operation.get('description', '')}\n\n{rule}".strip()
    for (source, status), links in LINKS.items():
        response = by_id.get(source, {}).get("responses", {}).get(status)
        if response is None:
            continue
        present = {name: link for name, link in links.items() if link["operationId"] in by_id}
        if present:
            response["links"] = {**response.get("links", {}), **present}
    return finished
