"""The whole booking flow over HTTP with ``RENTAL_PAYMENT_GATEWAY=stripe``, on localstripe:
the same answers as with the sandbox, and the money where Stripe says it is."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.stripe import StripeGateway
from rental.composition import bootstrap_from
from rental.entrypoints.http import create_app
from tests.fakes import FakeClock
from tests.integration.http.booking_steps import book, day, get, host_with_listing, pay, post
from tests.integration.http.conftest import signup
from tests.stripe_server import SECRET_KEY, stripe_settings


@pytest.fixture
def stripe_app(localstripe_url: str, stripe_gateway: StripeGateway) -> Iterator[Flask]:
    """The app as ``rental serve`` builds it from RENTAL_PAYMENT_GATEWAY=stripe settings."""
    settings = stripe_settings(localstripe_url)
    rental = bootstrap_from(settings, clock=FakeClock(), password_hasher=Argon2Hasher(fast=True))
    assert isinstance(rental.dependencies.gateway, StripeGateway)
    yield create_app(settings, rental=rental)
    rental.close()


def _booking(client: FlaskClient, **listing: object) -> tuple[dict[str, str], dict[str, str], str]:
    clock = FakeClock()
    _, host_headers, created = host_with_listing(client, **listing)
    _, headers = signup(client)
    response = book(client, headers, created["id"], day(clock, 30), day(clock, 33))
    assert response.status_code == 201, response.get_json()
    return headers, host_headers, response.get_json()["id"]


def _provider(app: Flask, booking_id: str) -> tuple[str, int]:
    """(status, refunded) of the booking's payment, as Stripe holds it."""
    rental = app.extensions["rental"]
    with rental.dependencies.uow_factory() as uow:
        (payment,) = [p for p in uow.payments.for_booking(booking_id) if p.gateway_reference]
    seen = rental.dependencies.gateway.lookup(payment.gateway_reference)
    return seen.status, seen.refunded


def test_instant_book_is_charged_and_a_cancellation_refunded_through_stripe(
    stripe_app: Flask,
) -> None:
    client = stripe_app.test_client()
    headers, _, booking_id = _booking(client, cancellation_policy="moderate")
    paid = pay(client, headers, booking_id, token="pm_card_visa", key="pay-1")
    assert paid.status_code == 201, paid.get_json()
    assert paid.get_json()["status"] == "captured"
    assert get(client, f"/bookings/{booking_id}", headers).get_json()["status"] == "confirmed"
    assert _provider(stripe_app, booking_id) == ("captured", 0)
    again = pay(client, headers, booking_id, token="pm_card_visa", key="pay-1")
    assert again.status_code == 201 and again.get_json() == paid.get_json()

    cancelled = post(client, f"/bookings/{booking_id}/cancel", headers).get_json()
    total = paid.get_json()["amount"]
    assert (cancelled["status"], cancelled["refund_amount"]) == ("cancelled", total)
    assert _provider(stripe_app, booking_id) == ("captured", total)


def test_request_to_book_is_held_then_captured_on_confirm(stripe_app: Flask) -> None:
    client = stripe_app.test_client()
    headers, host_headers, booking_id = _booking(client, instant_book=False)
    paid = pay(client, headers, booking_id, token="pm_card_visa")
    assert paid.get_json()["status"] == "authorized"
    assert _provider(stripe_app, booking_id) == ("authorized", 0)
    assert post(client, f"/bookings/{booking_id}/confirm", host_headers).status_code == 200
    assert _provider(stripe_app, booking_id) == ("captured", 0)


def test_request_to_book_declined_by_the_host_voids_the_hold(stripe_app: Flask) -> None:
    client = stripe_app.test_client()
    headers, host_headers, booking_id = _booking(client, instant_book=False)
    assert pay(client, headers, booking_id, token="pm_card_visa").status_code == 201
    assert post(client, f"/bookings/{booking_id}/decline", host_headers).status_code == 200
    assert _provider(stripe_app, booking_id) == ("voided", 0)


def test_a_partial_refund_follows_the_policy(stripe_app: Flask) -> None:
    client = stripe_app.test_client()
    clock = stripe_app.extensions["rental"].dependencies.clock
    headers, _, booking_id = _booking(client, cancellation_policy="moderate")
    total = pay(client, headers, booking_id, token="pm_card_visa").get_json()["amount"]
    clock.advance(days=27)  # 3 days before check-in: moderate gives back half
    cancelled = post(client, f"/bookings/{booking_id}/cancel", headers).get_json()
    assert cancelled["refund_amount"] == (total + 1) // 2
    assert _provider(stripe_app, booking_id) == ("captured", (total + 1) // 2)


def test_declined_and_unknown_cards(stripe_app: Flask) -> None:
    client = stripe_app.test_client()
    headers, _, booking_id = _booking(client)
    declined = pay(client, headers, booking_id, token="pm_card_chargeCustomerFail")
    assert declined.status_code == 402
    assert declined.get_json()["failure_reason"] == "card_declined"
    unknown = pay(client, headers, booking_id, token="pm_nobody_knows")
    assert unknown.status_code == 422 and "payment_token" in unknown.get_json()["errors"]
    listed = get(client, f"/bookings/{booking_id}/payments", headers).get_json()
    assert [p["status"] for p in listed["items"]] == ["failed"]


def test_a_provider_outage_is_503_and_records_nothing() -> None:
    settings = stripe_settings("http://127.0.0.1:9")
    rental = bootstrap_from(settings, clock=FakeClock(), password_hasher=Argon2Hasher(fast=True))
    client = create_app(settings, rental=rental).test_client()
    headers, _, booking_id = _booking(client)
    response = pay(client, headers, booking_id, token="pm_card_visa")
    assert response.status_code == 503
    assert response.content_type == "application/problem+json"
    assert SECRET_KEY not in response.get_data(as_text=True)
    assert get(client, f"/bookings/{booking_id}/payments", headers).get_json()["total"] == 0
    assert get(client, f"/bookings/{booking_id}", headers).get_json()["status"] == "pending"
