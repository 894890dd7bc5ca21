"""GET /payouts and /payouts/summary: hosts their own, admins everyone's, guests nothing."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from rental.application import commands as c
from rental.application.ports import ProviderEvent
from rental.composition import Rental
from rental.domain.money import Money
from tests.fakes import FakeClock
from tests.integration.http.booking_steps import (
    admin,
    booked,
    day,
    get,
    host_with_listing,
    paid,
    rental_of,
)
from tests.integration.http.conftest import signup


def _paid_stay(
    client: FlaskClient, clock: FakeClock, **listing: object
) -> tuple[dict[str, str], int]:
    """(host headers, payment amount) of a paid instant-book stay 7 days ahead."""
    _, host_headers, created = host_with_listing(client, **listing)
    _, headers = signup(client)
    booking_id = booked(client, headers, created["id"], day(clock, 7), day(clock, 9))
    return host_headers, paid(client, headers, booking_id)["amount"]


def test_hosts_see_their_own_payouts_and_their_sums_per_currency(
    client: FlaskClient, clock: FakeClock, rental_app: Flask
) -> None:
    host, _ = _paid_stay(client, clock, currency="EUR", cleaning_fee=2000)
    other, _ = _paid_stay(client, clock, currency="USD")
    page = get(client, "/payouts", host).get_json()
    assert page["total"] == 1 and page["page"] == 1
    (item,) = page["items"]
    # 2 nights at 100.00 + 20.00 cleaning, less the 3 % host fee of 220.00.
    assert (item["status"], item["currency"], item["amount"]) == ("scheduled", "EUR", 22000 - 660)
    assert item["paid_at"] is None and (item["deducted"], item["owed"]) == (0, 0)
    summary = get(client, "/payouts/summary", host).get_json()
    assert summary == {"currencies": [
        {"currency": "EUR", "scheduled": 21340, "due": 0, "paid": 0, "deducted": 0, "owed": 0}
    ]}  # fmt: skip

    clock.advance(days=8)  # a day after check-in: due, then paid
    assert get(client, "/payouts", host).get_json()["items"][0]["status"] == "due"
    assert rental_of(rental_app).pay_hosts() == {"paid": 2, "cancelled": 0}
    summary = get(client, "/payouts/summary", host).get_json()
    assert summary["currencies"] == [
        {"currency": "EUR", "scheduled": 0, "due": 0, "paid": 21340, "deducted": 0, "owed": 0}
    ]
    everyone = get(client, "/payouts", admin(rental_app, client)).get_json()
    assert {i["currency"] for i in everyone["items"]} == {"EUR", "USD"}
    assert get(client, "/payouts", other).get_json()["items"][0]["currency"] == "USD"


def test_guests_get_403_and_strangers_401(client: FlaskClient) -> None:
    _, guest = signup(client)
    for path in ("/payouts", "/payouts/summary"):
        response = get(client, path, guest)
        assert response.status_code == 403
        assert response.content_type == "application/problem+json"
        assert get(client, path).status_code == 401


def test_a_refund_after_the_payout_shows_as_owed_then_deducted_from_the_next(
    client: FlaskClient, clock: FakeClock, rental_app: Flask
) -> None:
    rental = rental_of(rental_app)
    _, host, created = host_with_listing(client)
    _, guest = signup(client)
    first = booked(client, guest, created["id"], day(clock, 2), day(clock, 4))
    second = booked(client, guest, created["id"], day(clock, 6), day(clock, 7))
    paid_first, _ = paid(client, guest, first), paid(client, guest, second)
    clock.advance(days=3)
    assert rental.pay_hosts() == {"paid": 1, "cancelled": 0}
    # Refunded in full from the provider's dashboard after the host was paid 19400.
    reference = _reference(rental, first)
    gateway = rental.dependencies.gateway
    gateway.refund(reference, Money(paid_first["amount"], "USD"), "dashboard-1")
    event = ProviderEvent(id="evt_late_refund", type="charge.refunded", reference=reference,
                          refunded=paid_first["amount"])  # fmt: skip
    rental.handle(c.HandleProviderEvent(event=event))
    items = {i["booking_id"]: i for i in get(client, "/payouts", host).get_json()["items"]}
    assert (items[first]["status"], items[first]["amount"], items[first]["owed"]) == (
        "paid", 19400, 19400
    )  # fmt: skip
    (usd,) = get(client, "/payouts/summary", host).get_json()["currencies"]
    assert (usd["paid"], usd["scheduled"], usd["owed"], usd["deducted"]) == (19400, 9700, 19400, 0)

    clock.advance(days=4)  # the second is due: the debt takes all of it, and stays owed
    assert rental.pay_hosts() == {"paid": 1, "cancelled": 0}
    items = {i["booking_id"]: i for i in get(client, "/payouts", host).get_json()["items"]}
    assert (items[second]["amount"], items[second]["deducted"]) == (0, 9700)
    assert items[first]["owed"] == 19400 - 9700
    (usd,) = get(client, "/payouts/summary", host).get_json()["currencies"]
    assert (usd["paid"], usd["deducted"], usd["owed"]) == (19400, 9700, 9700)
    everyone = get(client, "/payouts/summary", admin(rental_app, client)).get_json()
    assert everyone["currencies"][0]["owed"] == 9700


def _reference(rental: Rental, booking_id: str) -> str:
    with rental.dependencies.uow_factory() as uow:
        (payment,) = uow.payments.for_booking(booking_id)
    return payment.gateway_reference or ""
