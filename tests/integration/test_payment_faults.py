"""Faults around real money, on localstripe, with the money checked afterwards: the provider
times out after it has charged, our commit fails after a capture, a webhook arrives before our
own commit. Reconciliation repairs what the request could not, and nothing moves twice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.stripe import StripeGateway
from rental.application.ports import PaymentTags
from rental.composition import Rental, bootstrap_from
from rental.domain.errors import PaymentProviderUnavailable
from rental.domain.money import Money
from rental.entrypoints.http import create_app
from tests.fakes import FakeClock
from tests.integration.http.booking_steps import book, day, get, host_with_listing, pay, post
from tests.integration.http.conftest import signup
from tests.stripe_events import deliver, event
from tests.stripe_server import SECRET_KEY, stripe_client, stripe_settings


class Faulty(StripeGateway):
    """The Stripe adapter with one fault armed: ``after_charge`` runs once the provider has
    charged (it may raise, as a timeout would), ``refunds_fail`` makes refunds time out."""

    after_charge: Any = None
    refunds_fail = False
    api_base = ""

    def charge(
        self, token: str, amount: Money, idempotency_key: str, tags: PaymentTags | None = None
    ) -> str:
        reference = super().charge(token, amount, idempotency_key, tags)
        hook, self.after_charge = self.after_charge, None
        if hook is not None:
            hook(reference)
        return reference

    def refund(self, reference: str, amount: Money, idempotency_key: str) -> None:
        if self.refunds_fail:
            raise PaymentProviderUnavailable("The payment provider is not answering.")
        super().refund(reference, amount, idempotency_key)


def timeout(_reference: str) -> None:
    raise PaymentProviderUnavailable("The payment provider is not answering.")


@pytest.fixture
def app(localstripe_url: str, stripe_gateway: object, sqlite_url: str) -> Iterator[Flask]:
    yield from _app(localstripe_url, sqlite_url)


@pytest.fixture
def memory_app(localstripe_url: str, stripe_gateway: object) -> Iterator[Flask]:
    yield from _app(localstripe_url, "memory://")


def _app(localstripe_url: str, database_url: str) -> Iterator[Flask]:
    settings = stripe_settings(localstripe_url, database_url)
    gateway = Faulty(SECRET_KEY, api_base=localstripe_url, max_network_retries=0)
    gateway.api_base = localstripe_url
    # localstripe stamps its objects with the real time: the clock starts there.
    clock = FakeClock(datetime.now(UTC).replace(microsecond=0))
    rental = bootstrap_from(
        settings, clock=clock, password_hasher=Argon2Hasher(fast=True), payment_gateway=gateway
    )
    yield create_app(settings, rental=rental)
    rental.close()


def _booking(client: FlaskClient, **listing: Any) -> tuple[dict[str, str], dict[str, str], str]:
    _, host_headers, created = host_with_listing(client, **listing)
    _, headers = signup(client)
    # The app's clock starts at the real time (see _app): the stay lies within its horizon.
    clock = FakeClock(datetime.now(UTC))
    response = book(client, headers, created["id"], day(clock, 30), day(clock, 33))
    return headers, host_headers, response.get_json()["id"]


def _rental(app: Flask) -> Rental:
    rental: Rental = app.extensions["rental"]
    return rental


def _money(app: Flask, booking_id: str) -> tuple[list[str], int, int]:
    """(our payments' statuses, what the ledger holds, what localstripe holds) for a booking."""
    rental = _rental(app)
    with rental.dependencies.uow_factory() as uow:
        statuses = [p.status for p in uow.payments.for_booking(booking_id)]
        ledger = sum(e.amount for e in uow.ledger.for_booking(booking_id))
    held = 0
    gateway: Faulty = rental.dependencies.gateway  # type: ignore[assignment]
    intents = stripe_client(gateway.api_base).v1.payment_intents.list(params={"limit": 100})
    for intent in intents.auto_paging_iter():
        if intent.metadata and intent.metadata.to_dict().get("booking_id") == booking_id:
            charge = intent.latest_charge
            if intent.status == "succeeded" and charge is not None:
                held += intent.amount - int(charge.amount_refunded or 0)
    return statuses, ledger, held


def test_a_timeout_after_the_charge_is_recorded_by_reconciliation_and_never_charged_twice(
    app: Flask,
) -> None:
    client = app.test_client()
    headers, _, booking_id = _booking(client)
    gateway: Faulty = _rental(app).dependencies.gateway  # type: ignore[assignment]
    gateway.after_charge = timeout
    response = pay(client, headers, booking_id, token="pm_card_visa")
    assert response.status_code == 503
    total = get(client, f"/bookings/{booking_id}", headers).get_json()["price"]["total"]
    assert _money(app, booking_id) == ([], 0, total)  # charged, nothing recorded

    result = _rental(app).reconcile_payments()
    assert len(result.repaired) == 1 and not result.problems
    assert _money(app, booking_id) == (["captured"], total, total)
    assert get(client, f"/bookings/{booking_id}", headers).get_json()["status"] == "confirmed"
    # The guest's retry finds the booking paid, and a second pass changes nothing.
    assert pay(client, headers, booking_id, token="pm_card_visa").status_code == 409
    assert _rental(app).reconcile_payments().repaired == []
    assert _money(app, booking_id) == (["captured"], total, total)


def test_a_commit_that_fails_after_the_capture_is_repaired_by_reconciliation(
    app: Flask, sqlite_url: str
) -> None:
    client = app.test_client()
    headers, host_headers, booking_id = _booking(client, instant_book=False)
    assert pay(client, headers, booking_id, token="pm_card_visa").status_code == 201
    engine = sa.create_engine(sqlite_url)
    with engine.begin() as connection:  # the database refuses the confirm's writes
        connection.exec_driver_sql(
            "CREATE TRIGGER lose_commit BEFORE UPDATE ON payments BEGIN "
            "SELECT RAISE(ABORT, 'disk full'); END"
        )
    assert post(client, f"/bookings/{booking_id}/confirm", host_headers).status_code == 500
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER lose_commit")
    engine.dispose()
    total = get(client, f"/bookings/{booking_id}", headers).get_json()["price"]["total"]
    assert _money(app, booking_id) == (["authorized"], 0, total)  # captured, not recorded

    assert len(_rental(app).reconcile_payments().repaired) == 1
    assert _money(app, booking_id) == (["captured"], total, total)
    assert get(client, f"/bookings/{booking_id}", headers).get_json()["status"] == "confirmed"


def test_a_charge_whose_commit_and_undo_both_fail_is_recorded_by_reconciliation(
    app: Flask, sqlite_url: str
) -> None:
    client = app.test_client()
    headers, _, booking_id = _booking(client)
    gateway: Faulty = _rental(app).dependencies.gateway  # type: ignore[assignment]
    gateway.refunds_fail = True  # the undo's refund times out too
    engine = sa.create_engine(sqlite_url)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TRIGGER lose_commit BEFORE INSERT ON payments BEGIN "
            "SELECT RAISE(ABORT, 'disk full'); END"
        )
    assert pay(client, headers, booking_id, token="pm_card_visa").status_code == 500  # ours
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER lose_commit")
    engine.dispose()
    gateway.refunds_fail = False
    total = get(client, f"/bookings/{booking_id}", headers).get_json()["price"]["total"]
    assert _money(app, booking_id) == ([], 0, total)
    assert len(_rental(app).reconcile_payments().repaired) == 1
    assert _money(app, booking_id) == (["captured"], total, total)


def test_a_webhook_before_our_own_commit_changes_nothing_and_acts_once_after(
    memory_app: Flask, localstripe_url: str
) -> None:
    """In memory, where the webhook's transaction does not wait for the paying one (on
    SQLite it would wait for the writer's lock, then answer 409 for Stripe to retry)."""
    app = memory_app
    client = app.test_client()
    headers, _, booking_id = _booking(client)
    gateway: Faulty = _rental(app).dependencies.gateway  # type: ignore[assignment]
    answers: list[Any] = []
    payloads: list[bytes] = []

    def webhook_now(reference: str) -> None:
        intent = stripe_client(localstripe_url).v1.payment_intents.retrieve(reference)
        payloads.append(event("payment_intent.succeeded", intent.to_dict()))
        answers.append(deliver(app.test_client(), payloads[0]).get_json())

    gateway.after_charge = webhook_now
    assert pay(client, headers, booking_id, token="pm_card_visa").status_code == 201
    assert answers == [{"received": True, "acted": False}]  # not ours yet: nothing kept
    total = get(client, f"/bookings/{booking_id}", headers).get_json()["price"]["total"]
    assert _money(app, booking_id) == (["captured"], total, total)
    for _ in range(3):  # Stripe delivers it again: acted on once, changing nothing
        assert deliver(client, payloads[0]).get_json() == {"received": True, "acted": False}
    assert _money(app, booking_id) == (["captured"], total, total)
