"""POST /webhooks/stripe on every storage: signatures checked by the SDK, each event acting
once, out of order and repeated deliveries safe, dashboard refunds recorded."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.composition import Rental, bootstrap_from
from rental.domain.payments.ledger import Account
from rental.entrypoints.http import create_app
from tests.events import RecordingNotifier
from tests.fakes import FakeClock
from tests.integration.http.booking_steps import book, day, get, host_with_listing, pay
from tests.integration.http.conftest import signup
from tests.stripe_events import deliver, event, signature
from tests.stripe_server import stripe_client, stripe_settings


@pytest.fixture
def stripe_app(
    localstripe_url: str, stripe_gateway: object, database_url_or_memory: str
) -> Iterator[Flask]:
    settings = stripe_settings(localstripe_url, database_url_or_memory)
    rental = bootstrap_from(settings, clock=FakeClock(), password_hasher=Argon2Hasher(fast=True))
    yield create_app(settings, rental=rental)
    rental.close()


def _paid(client: FlaskClient, **listing: Any) -> tuple[dict[str, str], str, dict[str, Any]]:
    """(guest headers, booking id, payment) of a booking paid with pm_card_visa."""
    _, _, created = host_with_listing(client, **listing)
    _, headers = signup(client)
    clock = FakeClock()
    booking_id = book(client, headers, created["id"], day(clock, 30), day(clock, 33)).get_json()[
        "id"
    ]
    payment = pay(client, headers, booking_id, token="pm_card_visa")
    assert payment.status_code == 201, payment.get_json()
    return headers, booking_id, payment.get_json()


def _records(app: Flask, booking_id: str) -> tuple[Any, list[Any], int]:
    """(payment, ledger entries, events seen) as stored."""
    rental: Rental = app.extensions["rental"]
    with rental.dependencies.uow_factory() as uow:
        (payment,) = [p for p in uow.payments.for_booking(booking_id)]
        return payment, uow.ledger.for_booking(booking_id), 0


def _intent(app: Flask, localstripe_url: str, booking_id: str) -> dict[str, Any]:
    payment, _, _ = _records(app, booking_id)
    intent = stripe_client(localstripe_url).v1.payment_intents.retrieve(payment.gateway_reference)
    found: dict[str, Any] = intent.to_dict()
    return found


def _charge_id(intent: dict[str, Any]) -> str:
    charge = intent["latest_charge"]  # localstripe always expands it; Stripe gives its id
    return str(charge["id"] if isinstance(charge, dict) else charge)


def test_a_forged_or_stale_signature_is_400_and_records_nothing(
    stripe_app: Flask, localstripe_url: str
) -> None:
    client = stripe_app.test_client()
    _, booking_id, _ = _paid(client)
    client_ = stripe_client(localstripe_url)
    intent = _intent(stripe_app, localstripe_url, booking_id)
    client_.v1.refunds.create(params={"payment_intent": intent["id"], "amount": 100})
    charge = client_.v1.charges.retrieve(_charge_id(intent)).to_dict()
    payload = event("charge.refunded", charge)
    forged = signature(payload, secret="whsec_not_ours")
    stale = signature(payload, at=time.time() - 301)
    for header in (forged, stale, "", "t=1,v1=00"):
        response = deliver(client, payload, header)
        assert response.status_code == 400, response.get_json()
        assert response.content_type == "application/problem+json"
    payment, entries, _ = _records(stripe_app, booking_id)
    assert payment.refunded_amount == 0 and len(entries) == 2
    # The same event, signed by Stripe's secret, is then recorded: nothing had marked it seen.
    assert deliver(client, payload).get_json() == {"received": True, "acted": True}
    assert _records(stripe_app, booking_id)[0].refunded_amount == 100


def test_a_dashboard_refund_delivered_three_times_is_recorded_once(
    stripe_app: Flask, localstripe_url: str
) -> None:
    client = stripe_app.test_client()
    headers, booking_id, paid = _paid(client)
    intent = _intent(stripe_app, localstripe_url, booking_id)
    dashboard = stripe_client(localstripe_url)
    dashboard.v1.refunds.create(params={"payment_intent": intent["id"], "amount": 5000})
    charge = dashboard.v1.charges.retrieve(_charge_id(intent)).to_dict()
    payload = event("charge.refunded", charge)
    answers = [deliver(client, payload).get_json()["acted"] for _ in range(3)]
    assert answers == [True, False, False]
    payment, entries, _ = _records(stripe_app, booking_id)
    assert (payment.status, payment.refunded_amount) == ("partially_refunded", 5000)
    assert sum(e.amount for e in entries) == paid["amount"] - 5000
    assert len([e for e in entries if e.reason == "refund"]) == 2
    listed = get(client, f"/bookings/{booking_id}/payments", headers).get_json()["items"]
    assert listed[0]["refunded_amount"] == 5000


def test_succeeded_after_our_capture_changes_nothing(
    stripe_app: Flask, localstripe_url: str
) -> None:
    client = stripe_app.test_client()
    _, booking_id, paid = _paid(client)
    before = _records(stripe_app, booking_id)
    payload = event("payment_intent.succeeded", _intent(stripe_app, localstripe_url, booking_id))
    assert deliver(client, payload).get_json() == {"received": True, "acted": False}
    after = _records(stripe_app, booking_id)
    assert after[0].status == "captured" and len(after[1]) == len(before[1]) == 2
    assert sum(e.amount for e in after[1]) == paid["amount"]


def test_a_hold_cancelled_at_stripe_voids_the_payment_and_frees_the_nights(
    stripe_app: Flask, localstripe_url: str
) -> None:
    client = stripe_app.test_client()
    headers, booking_id, _ = _paid(client, instant_book=False)
    intent = _intent(stripe_app, localstripe_url, booking_id)
    cancelled = stripe_client(localstripe_url).v1.payment_intents.cancel(intent["id"]).to_dict()
    assert deliver(client, event("payment_intent.canceled", cancelled)).get_json()["acted"]
    assert _records(stripe_app, booking_id)[0].status == "voided"
    assert get(client, f"/bookings/{booking_id}", headers).get_json()["status"] == "expired"


def test_a_dispute_is_recorded_and_other_events_are_acknowledged(
    stripe_app: Flask, localstripe_url: str
) -> None:
    client = stripe_app.test_client()
    _, booking_id, paid = _paid(client)
    intent = _intent(stripe_app, localstripe_url, booking_id)
    dispute = {"id": "dp_1", "object": "dispute", "payment_intent": intent["id"],
               "amount": paid["amount"], "reason": "fraudulent"}  # fmt: skip
    assert deliver(client, event("charge.dispute.created", dispute)).get_json()["acted"]
    other = deliver(client, event("customer.created", {"id": "cus_1", "object": "customer"}))
    assert other.get_json() == {"received": True, "acted": False}
    _, entries, _ = _records(stripe_app, booking_id)
    assert {e.account: e.amount for e in entries}[Account.HOST] > 0


def test_a_dispute_emails_the_host_and_the_admin_through_the_outbox(
    localstripe_url: str, stripe_gateway: object, database_url_or_memory: str
) -> None:
    notifier = RecordingNotifier()
    settings = stripe_settings(localstripe_url, database_url_or_memory)
    rental = bootstrap_from(
        settings, clock=FakeClock(), password_hasher=Argon2Hasher(fast=True),
        notifier=notifier, admin_email="disputes@rental.test",
    )  # fmt: skip
    try:
        app = create_app(settings, rental=rental)
        client = app.test_client()
        host, host_headers, created = host_with_listing(client)
        _, headers = signup(client)
        clock = FakeClock()
        booking_id = book(client, headers, created["id"], day(clock, 30), day(clock, 33))
        booking_id = booking_id.get_json()["id"]
        assert pay(client, headers, booking_id, token="pm_card_visa").status_code == 201
        intent = _intent(app, localstripe_url, booking_id)
        before = len(notifier.sent)
        dispute = {"id": "dp_2", "object": "dispute", "payment_intent": intent["id"],
                   "amount": 12345, "reason": "fraudulent"}  # fmt: skip
        payload = event("charge.dispute.created", dispute)
        answers = [deliver(client, payload).get_json() for _ in range(2)]
        assert [a["acted"] for a in answers] == [True, False], answers  # mailed once
        disputed = [m for m in notifier.sent[before:] if "disputed" in m["subject"]]
        assert sorted(m["to"] for m in disputed) == sorted([host["email"], "disputes@rental.test"])
        for message in disputed:
            assert "123.45 USD" in message["body"] and booking_id in message["body"]
            assert "sk_" not in message["body"] and "whsec" not in message["body"]
        assert get(client, "/bookings/" + booking_id, host_headers).status_code == 200
    finally:
        rental.close()


def test_an_event_for_a_payment_we_do_not_know_is_acknowledged_not_kept(
    stripe_app: Flask,
) -> None:
    client = stripe_app.test_client()
    payload = event("payment_intent.succeeded", {"id": "pi_unknown", "object": "payment_intent"})
    assert deliver(client, payload).get_json() == {"received": True, "acted": False}
    rental: Rental = stripe_app.extensions["rental"]
    with rental.dependencies.uow_factory() as uow:
        assert uow.provider_events.first_time("other", "x", FakeClock().now())


def test_without_stripe_the_endpoint_is_404(memory_client: FlaskClient) -> None:
    payload = event("payment_intent.succeeded", {"id": "pi_1", "object": "payment_intent"})
    assert deliver(memory_client, payload).status_code == 404


def test_an_event_without_its_signature_header_is_a_400_whatever_the_gateway(
    memory_client: FlaskClient, stripe_app: Flask
) -> None:
    payload = event("payment_intent.succeeded", {"id": "pi_1", "object": "payment_intent"})
    for client in (memory_client, stripe_app.test_client()):
        response = client.post(
            "/api/v1/webhooks/stripe", data=payload, content_type="application/json"
        )
        assert response.status_code == 400
        assert response.get_json()["detail"] == "The Stripe-Signature header is missing."
