"""GET /payouts and /payouts/summary: hosts their own, admins everyone's, guests nothing."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

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
    assert item["paid_at"] is None
    summary = get(client, "/payouts/summary", host).get_json()
    assert summary == {"currencies": [{"currency": "EUR", "scheduled": 21340, "due": 0, "paid": 0}]}

    clock.advance(days=8)  # a day after check-in: due, then paid
    assert get(client, "/payouts", host).get_json()["items"][0]["status"] == "due"
    assert rental_of(rental_app).pay_hosts() == {"paid": 2, "cancelled": 0}
    summary = get(client, "/payouts/summary", host).get_json()
    assert summary["currencies"] == [{"currency": "EUR", "scheduled": 0, "due": 0, "paid": 21340}]
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
