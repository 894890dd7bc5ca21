"""Steps the GraphQL tests share: ``gql(client, query, …)`` posts a document to
``/api/v1/graphql``; ``created_listing``, ``requested`` and ``paid`` run the mutations."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

GRAPHQL = "/api/v1/graphql"


def gql(
    client: FlaskClient,
    query: str,
    variables: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
    status: int = 200,
) -> dict[str, Any]:
    """The answer's JSON, after checking its HTTP status."""
    body: dict[str, Any] = {"query": query}
    if variables is not None:
        body["variables"] = variables
    response = client.post(GRAPHQL, json=body, headers=headers or {})
    assert response.status_code == status, response.get_data(as_text=True)
    answer: dict[str, Any] = response.get_json()
    return answer


def codes(answer: dict[str, Any]) -> list[str]:
    return [error["extensions"]["code"] for error in answer.get("errors", [])]


LISTING_INPUT = {
    "title": "Loft by the river",
    "city": "Lisbon",
    "country": "PT",
    "pricePerNight": 10000,
    "maxGuests": 3,
}
CREATE_LISTING = """mutation($input: CreateListingInput!) {
  createListing(input: $input) { id title city pricePerNight currency instantBook
    cancellationPolicy amenities latitude host { id username } }
}"""
REQUEST_BOOKING = """mutation($input: RequestBookingInput!) {
  requestBooking(input: $input) { id status nights checkIn checkOut guests
    price { currency nightlySubtotal discount cleaningFee serviceFee total }
    listing { id } guest { id } }
}"""
PAY = """mutation($input: PayForBookingInput!) {
  payForBooking(input: $input) { id status amount currency paymentMethod failureReason
    booking { id status } }
}"""


def created_listing(client: FlaskClient, headers: dict[str, str], **fields: Any) -> dict[str, Any]:
    answer = gql(client, CREATE_LISTING, {"input": LISTING_INPUT | fields}, headers)
    assert "errors" not in answer, answer
    listing: dict[str, Any] = answer["data"]["createListing"]
    return listing


def requested(
    client: FlaskClient, headers: dict[str, str], listing_id: str, check_in: str,
    check_out: str, guests: int = 1,
) -> dict[str, Any]:  # fmt: skip
    variables = {"input": {"listingId": listing_id, "checkIn": check_in, "checkOut": check_out,
                           "guests": guests}}  # fmt: skip
    answer = gql(client, REQUEST_BOOKING, variables, headers)
    assert "errors" not in answer, answer
    booking: dict[str, Any] = answer["data"]["requestBooking"]
    return booking


def paid(
    client: FlaskClient, headers: dict[str, str], booking_id: str, token: str = "tok_visa"
) -> dict[str, Any]:
    variables = {"input": {"bookingId": booking_id, "paymentToken": token}}
    return gql(client, PAY, variables, headers)
