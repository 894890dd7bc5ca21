"""POST /bookings/{id}/payments (idempotent), GET /payments/{id}, GET /bookings/{id}/payments."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.fakes import FakeClock
from tests.integration.http.booking_steps import (
    booked,
    day,
    get,
    host_with_listing,
    paid,
    pay,
    post,
)
from tests.integration.http.conftest import signup


def _pending_booking(
    client: FlaskClient, clock: FakeClock, **listing: object
) -> tuple[dict[str, str], dict[str, str], str]:
    """``(guest headers, host headers, booking id)`` of a fresh pending booking."""
    _, host_headers, created = host_with_listing(client, **listing)
    _, headers = signup(client)
    return (
        headers,
        host_headers,
        booked(client, headers, created["id"], day(clock, 7), day(clock, 9)),
    )


def test_instant_book_captures_the_total_at_once_and_confirms(
    client: FlaskClient, clock: FakeClock
) -> None:
    headers, host_headers, booking_id = _pending_booking(client, clock)
    response = pay(client, headers, booking_id)
    assert response.status_code == 201
    payment = response.get_json()
    assert response.headers["Location"] == f"/api/v1/payments/{payment['id']}"
    total = get(client, f"/bookings/{booking_id}", headers).get_json()["price"]["total"]
    assert payment == {
        "id": payment["id"], "booking_id": booking_id, "amount": total, "currency": "USD",
        "payment_method": "card", "status": "captured", "refunded_amount": 0,
        "failure_reason": None, "created_at": "2030-01-01T12:00:00+00:00",
    }  # fmt: skip
    assert get(client, f"/bookings/{booking_id}", headers).get_json()["status"] == "confirmed"
    for who in (headers, host_headers):
        assert get(client, f"/payments/{payment['id']}", who).get_json() == payment
        listed = get(client, f"/bookings/{booking_id}/payments", who).get_json()
        assert listed == {"items": [payment], "page": 1, "per_page": 20, "total": 1}
    # Not pending any more.
    assert pay(client, headers, booking_id).status_code == 409


def test_a_declined_card_is_402_with_a_failed_payment_recorded(
    client: FlaskClient, clock: FakeClock
) -> None:
    headers, _, booking_id = _pending_booking(client, clock)
    reasons = {
        "tok_chargeDeclined": "card_declined",
        "tok_chargeDeclinedInsufficientFunds": "insufficient_funds",
    }
    for token, reason in reasons.items():
        response = pay(client, headers, booking_id, token)
        assert response.status_code == 402
        assert response.content_type == "application/problem+json"
        problem = response.get_json()
        assert (problem["status"], problem["failure_reason"]) == (402, reason)
        failed = get(client, f"/payments/{problem['payment_id']}", headers).get_json()
        assert (failed["status"], failed["failure_reason"]) == ("failed", reason)
        clock.advance(seconds=1)
    assert get(client, f"/bookings/{booking_id}", headers).get_json()["status"] == "pending"
    # A failed attempt is not live: another card may still pay.
    assert paid(client, headers, booking_id)["status"] == "captured"
    listed = get(client, f"/bookings/{booking_id}/payments?per_page=2", headers).get_json()
    assert [p["status"] for p in listed["items"]] == ["failed", "failed"]
    assert listed["total"] == 3


def test_unknown_tokens_and_methods_are_422_and_record_nothing(
    client: FlaskClient, clock: FakeClock
) -> None:
    headers, _, booking_id = _pending_booking(client, clock)
    response = pay(client, headers, booking_id, "tok_mastercard")
    assert response.status_code == 422 and "payment_token" in response.get_json()["errors"]
    path = f"/api/v1/bookings/{booking_id}/payments"
    for body in (
        {"payment_method": "cash", "payment_token": "tok_visa"},
        {"payment_method": "card"},
        {"payment_method": "card", "payment_token": "tok_visa", "amount": 1},
    ):
        response = client.post(path, json=body, headers=headers)
        assert response.status_code == 422, body
    assert get(client, f"/bookings/{booking_id}/payments", headers).get_json()["total"] == 0


def test_a_request_to_book_is_authorized_once(client: FlaskClient, clock: FakeClock) -> None:
    headers, host_headers, booking_id = _pending_booking(client, clock, instant_book=False)
    assert paid(client, headers, booking_id)["status"] == "authorized"
    response = pay(client, headers, booking_id)
    assert response.status_code == 409
    assert response.get_json()["type"].endswith("/payment-already-exists")
    # Only the booking's guest pays.
    assert pay(client, host_headers, booking_id).status_code == 403


def test_a_replay_answers_exactly_as_the_first_time(client: FlaskClient, clock: FakeClock) -> None:
    headers, host_headers, booking_id = _pending_booking(client, clock, instant_book=False)
    first = pay(client, headers, booking_id, key="order-42")
    assert first.status_code == 201
    clock.advance(minutes=5)
    assert post(client, f"/bookings/{booking_id}/confirm", host_headers).status_code == 200
    again = pay(client, headers, booking_id, key="order-42")
    # The stored answer, though the payment has been captured since.
    assert (again.status_code, again.get_json()) == (201, first.get_json())
    assert again.headers["Location"] == first.headers["Location"]
    assert get(client, f"/bookings/{booking_id}/payments", headers).get_json()["total"] == 1
    reused = pay(client, headers, booking_id, "tok_chargeDeclined", key="order-42")
    assert reused.status_code == 409
    assert reused.get_json()["type"].endswith("/idempotency-key-reused")


def test_a_declined_replay_is_402_again_without_another_attempt(
    client: FlaskClient, clock: FakeClock
) -> None:
    headers, _, booking_id = _pending_booking(client, clock)
    first = pay(client, headers, booking_id, "tok_chargeDeclined", key="k1")
    again = pay(client, headers, booking_id, "tok_chargeDeclined", key="k1")
    assert (first.status_code, again.status_code) == (402, 402)
    assert again.get_json()["payment_id"] == first.get_json()["payment_id"]
    assert get(client, f"/bookings/{booking_id}/payments", headers).get_json()["total"] == 1
    # Keys are the user's own: another key is another attempt.
    assert pay(client, headers, booking_id, key="k2").status_code == 201


def test_idempotency_keys_must_be_1_to_255_printable_characters(
    client: FlaskClient, clock: FakeClock
) -> None:
    headers, _, booking_id = _pending_booking(client, clock)
    for key in ("", "x" * 256, "caf\u00e9", "tab\there"):
        response = pay(client, headers, booking_id, key=key)
        assert response.status_code == 422, key
        assert "Idempotency-Key" in response.get_json()["errors"], key
    assert get(client, f"/bookings/{booking_id}/payments", headers).get_json()["total"] == 0
    assert pay(client, headers, booking_id, key="~" * 255).status_code == 201
