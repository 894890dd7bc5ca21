"""Nobody reads or changes someone else's booking or payment, and no response carries a card
token or a gateway reference."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from rental.adapters.sandbox_gateway import SandboxGateway
from tests.fakes import FakeClock
from tests.integration.http.booking_steps import (
    API,
    admin,
    booked,
    day,
    get,
    host_with_listing,
    paid,
    pay,
    post,
    rental_of,
)
from tests.integration.http.conftest import signup

GHOST = "00000000-0000-4000-8000-000000000000"


def _paid_request(client: FlaskClient, clock: FakeClock) -> tuple[dict[str, str], str, str]:
    """A pending request-to-book with an authorized payment: ``(guest, booking, payment)``."""
    _, _, listing = host_with_listing(client, instant_book=False)
    _, headers = signup(client)
    booking_id = booked(client, headers, listing["id"], day(clock, 5), day(clock, 8))
    return headers, booking_id, paid(client, headers, booking_id)["id"]


def test_strangers_get_404_for_everything_about_a_booking_and_change_nothing(
    client: FlaskClient, clock: FakeClock
) -> None:
    headers, booking_id, payment_id = _paid_request(client, clock)
    before = get(client, f"/bookings/{booking_id}", headers).get_json()
    for role in ("guest", "host"):
        _, stranger = signup(client, role)
        for path in (f"/bookings/{booking_id}", f"/bookings/{booking_id}/payments",
                     f"/payments/{payment_id}", f"/bookings/{booking_id}/review"):  # fmt: skip
            response = get(client, path, stranger)
            assert response.status_code == 404, (role, path)
            # Exactly what a booking that does not exist answers: nothing leaks.
            ghost = path.replace(booking_id, GHOST).replace(payment_id, GHOST)
            seen = response.get_data(as_text=True).replace(booking_id, GHOST)
            assert seen.replace(payment_id, GHOST) == get(client, ghost, stranger).get_data(
                as_text=True
            )
        for action in ("confirm", "decline", "cancel"):
            assert post(client, f"/bookings/{booking_id}/{action}", stranger).status_code == 404
        assert pay(client, stranger, booking_id).status_code == 404
        review = {"rating": 1, "comment": "never stayed"}
        response = client.post(f"{API}/bookings/{booking_id}/review", json=review, headers=stranger)
        assert response.status_code == 404
        for query in ("", "?role=host"):
            assert get(client, f"/bookings{query}", stranger).get_json()["total"] == 0
    assert get(client, f"/bookings/{booking_id}", headers).get_json() == before
    assert get(client, f"/payments/{payment_id}", headers).get_json()["status"] == "authorized"


def test_an_admin_reads_any_booking_and_payment_but_does_not_answer_for_the_host(
    rental_app: Flask, client: FlaskClient, clock: FakeClock
) -> None:
    _, booking_id, payment_id = _paid_request(client, clock)
    headers = admin(rental_app, client)
    assert get(client, f"/bookings/{booking_id}", headers).get_json()["id"] == booking_id
    assert get(client, f"/payments/{payment_id}", headers).get_json()["id"] == payment_id
    assert get(client, f"/bookings/{booking_id}/payments", headers).get_json()["total"] == 1
    assert post(client, f"/bookings/{booking_id}/confirm", headers).status_code == 403


def test_no_response_carries_a_card_token_or_a_gateway_reference(
    rental_app: Flask, client: FlaskClient, clock: FakeClock
) -> None:
    _, host_headers, listing = host_with_listing(client, instant_book=False)
    _, headers = signup(client)
    booking_id = booked(client, headers, listing["id"], day(clock, 5), day(clock, 8))
    responses = [
        pay(client, headers, booking_id, "tok_chargeDeclined", key="a"),
        pay(client, headers, booking_id, "tok_chargeDeclined", key="a"),
        pay(client, headers, booking_id, key="b"),
        pay(client, headers, booking_id, key="b"),
        post(client, f"/bookings/{booking_id}/confirm", host_headers),
        post(client, f"/bookings/{booking_id}/cancel", host_headers),
    ]
    for who in (headers, host_headers):
        listed = get(client, f"/bookings/{booking_id}/payments", who)
        responses.append(listed)
        responses += [get(client, f"/payments/{p['id']}", who) for p in listed.get_json()["items"]]
    gateway = rental_of(rental_app).dependencies.gateway
    assert isinstance(gateway, SandboxGateway)
    references = set(gateway.authorized)
    assert len(references) == 1  # the one approved card
    for response in responses:
        text = response.get_data(as_text=True)
        assert "tok_" not in text and "gateway" not in text and "payer" not in text
        assert not any(reference in text for reference in references)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/bookings"), ("POST", "/bookings"), ("GET", "/bookings/x"),
        ("POST", "/bookings/x/confirm"), ("POST", "/bookings/x/decline"),
        ("POST", "/bookings/x/cancel"), ("GET", "/bookings/x/payments"),
        ("POST", "/bookings/x/payments"), ("GET", "/payments/x"), ("GET", "/bookings/x/review"),
        ("POST", "/bookings/x/review"),
    ],
)  # fmt: skip
def test_every_booking_endpoint_needs_a_valid_bearer_token(
    memory_client: FlaskClient, method: str, path: str
) -> None:
    # 401 comes before the body is even looked at (``{}`` would be a 422).
    for headers in ({}, {"Authorization": "Bearer not-a-jwt"}):
        response = memory_client.open(API + path, method=method, headers=headers, json={})
        assert response.status_code == 401, headers
        assert response.content_type == "application/problem+json"


def test_odd_ids_are_404_never_500(client: FlaskClient) -> None:
    _, headers = signup(client)
    for odd in ("%00", "x" * 300, "1%27%20OR%20%271%27=%271", "%C3%BC", "..%2F..%2Fetc"):
        for path in (f"/bookings/{odd}", f"/payments/{odd}", f"/bookings/{odd}/payments"):
            assert get(client, path, headers).status_code == 404, path
        assert post(client, f"/bookings/{odd}/cancel", headers).status_code == 404, odd
        assert pay(client, headers, odd).status_code == 404, odd
        assert get(client, f"/listings/{odd}/reviews").status_code == 404, odd
