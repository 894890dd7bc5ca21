"""POST/GET /bookings and a booking's life cycle over HTTP, on memory, SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.fakes import FakeClock
from tests.integration.http.booking_steps import (
    book,
    booked,
    day,
    get,
    host_with_listing,
    paid,
    post,
    rental_of,
)
from tests.integration.http.conftest import signup


def test_a_booking_is_created_pending_with_its_price_and_location(
    client: FlaskClient, clock: FakeClock
) -> None:
    # API.md's example: 7 nights at 10000 with a 10 % weekly discount and a 2500 cleaning fee.
    _, _, listing = host_with_listing(client, weekly_discount_percent=10, cleaning_fee=2500)
    guest, headers = signup(client)
    response = book(client, headers, listing["id"], day(clock, 10), day(clock, 17), guests=2)
    assert response.status_code == 201
    booking = response.get_json()
    assert response.headers["Location"] == f"/api/v1/bookings/{booking['id']}"
    nightly = [{"date": day(clock, 10 + i), "price": 10000} for i in range(7)]
    assert booking["price"] == {
        "currency": "USD", "nightly_subtotal": 70000, "discount": 7000, "cleaning_fee": 2500,
        "service_fee": 6550, "total": 72050, "nightly": nightly, "extra_guest_fees": 0,
        "taxes": [],
    }  # fmt: skip
    assert booking["status"] == "pending" and booking["nights"] == 7 and booking["guests"] == 2
    assert booking["guest_id"] == guest["id"] and booking["listing_id"] == listing["id"]
    assert booking["cancelled_by"] is None and booking["refund_amount"] is None
    assert get(client, f"/bookings/{booking['id']}", headers).get_json() == booking


def test_bad_bookings_are_refused_with_the_status_api_md_gives(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, host_headers, listing = host_with_listing(client, min_nights=2, max_nights=10)
    _, headers = signup(client)
    lid = listing["id"]
    refused = {
        422: [
            (lid, day(clock, 5), day(clock, 5), 1),  # check_out == check_in
            (lid, day(clock, 7), day(clock, 5), 1),  # reversed
            (lid, day(clock, -1), day(clock, 3), 1),  # before today
            (lid, day(clock, 5), day(clock, 7), 4),  # more guests than max_guests (3)
            (lid, day(clock, 5), day(clock, 6), 1),  # under min_nights
            (lid, day(clock, 5), day(clock, 16), 1),  # over max_nights
            (lid, day(clock, 5), day(clock, 7), 0),
            (lid, day(clock, 5), day(clock, 7), 10**20),
            (lid, "2030-02-30", day(clock, 7), 1),
        ],
        404: [("no-such-listing", day(clock, 5), day(clock, 7), 1)],
    }
    for status, cases in refused.items():
        for case in cases:
            response = book(client, headers, *case)
            assert response.status_code == status, case
            assert response.content_type == "application/problem+json"
    assert book(client, host_headers, lid, day(clock, 5), day(clock, 7)).status_code == 403
    unknown_field = {"listing_id": lid, "check_in": day(clock, 5), "check_out": day(clock, 7)}
    unknown_field |= {"guests": 1, "coupon": "FREE"}
    response = client.post("/api/v1/bookings", json=unknown_field, headers=headers)
    assert response.status_code == 422 and "coupon" in response.get_json()["errors"]
    assert book(client, {}, lid, day(clock, 5), day(clock, 7)).status_code == 401
    assert client.delete(f"/api/v1/listings/{lid}", headers=host_headers).status_code == 204
    assert book(client, headers, lid, day(clock, 5), day(clock, 7)).status_code == 404


def test_taken_nights_are_409_but_a_stay_may_start_the_day_another_ends(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, _, listing = host_with_listing(client)
    _, first = signup(client)
    _, second = signup(client)
    booked(client, first, listing["id"], day(clock, 10), day(clock, 13))
    response = book(client, second, listing["id"], day(clock, 12), day(clock, 14))
    assert response.status_code == 409
    assert response.get_json()["type"].endswith("/dates-unavailable")
    assert book(client, second, listing["id"], day(clock, 13), day(clock, 15)).status_code == 201
    assert book(client, second, listing["id"], day(clock, 8), day(clock, 10)).status_code == 201


def test_trips_and_host_bookings_are_separate_paginated_lists(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, host_headers, listing = host_with_listing(client)
    _, headers = signup(client)
    ids = [booked(client, headers, listing["id"], day(clock, n), day(clock, n + 1)) for n in (3, 5)]
    trips = get(client, "/bookings?per_page=1", headers).get_json()
    # Newest check-in first.
    assert (trips["total"], trips["per_page"], [b["id"] for b in trips["items"]]) == (2, 1, ids[1:])
    second = get(client, "/bookings?per_page=1&page=2", headers).get_json()
    assert [b["id"] for b in second["items"]] == ids[:1]
    hosted = get(client, "/bookings?role=host", host_headers).get_json()
    assert {b["id"] for b in hosted["items"]} == set(ids)
    assert get(client, "/bookings", host_headers).get_json()["total"] == 0
    assert get(client, "/bookings?role=host", headers).get_json() == {
        "items": [], "page": 1, "per_page": 20, "total": 0,
    }  # fmt: skip
    for query in ("role=owner", "per_page=101", "page=0", "colour=red"):
        response = get(client, f"/bookings?{query}", headers)
        assert response.status_code == 422, query
        assert response.get_json()["errors"], query


def test_request_to_book_confirm_captures_and_decline_voids(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, host_headers, listing = host_with_listing(client, instant_book=False)
    _, headers = signup(client)
    first = booked(client, headers, listing["id"], day(clock, 10), day(clock, 12))
    # Unpaid requests are not for the host to answer yet.
    assert post(client, f"/bookings/{first}/confirm", host_headers).status_code == 409
    payment = paid(client, headers, first)
    assert payment["status"] == "authorized"
    assert get(client, f"/bookings/{first}", headers).get_json()["status"] == "pending"
    assert post(client, f"/bookings/{first}/confirm", headers).status_code == 403
    confirmed = post(client, f"/bookings/{first}/confirm", host_headers)
    assert confirmed.status_code == 200 and confirmed.get_json()["status"] == "confirmed"
    assert get(client, f"/payments/{payment['id']}", headers).get_json()["status"] == "captured"
    assert post(client, f"/bookings/{first}/decline", host_headers).status_code == 409

    second = booked(client, headers, listing["id"], day(clock, 20), day(clock, 22))
    authorization = paid(client, headers, second)
    declined = post(client, f"/bookings/{second}/decline", host_headers)
    assert declined.status_code == 200 and declined.get_json()["status"] == "declined"
    voided = get(client, f"/payments/{authorization['id']}", headers).get_json()
    assert voided["status"] == "voided"
    # A declined booking frees its nights at once.
    assert book(client, headers, listing["id"], day(clock, 20), day(clock, 22)).status_code == 201


def test_an_unpaid_booking_expires_after_30_minutes_and_frees_its_nights(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, _, listing = host_with_listing(client)
    _, headers = signup(client)
    _, other = signup(client)
    booking_id = booked(client, headers, listing["id"], day(clock, 10), day(clock, 12))
    clock.advance(minutes=29, seconds=59)
    assert get(client, f"/bookings/{booking_id}", headers).get_json()["status"] == "pending"
    assert book(client, other, listing["id"], day(clock, 11), day(clock, 12)).status_code == 409
    clock.advance(seconds=1)
    # No job has run: the overdue booking reads expired and holds nothing all the same.
    assert get(client, f"/bookings/{booking_id}", headers).get_json()["status"] == "expired"
    assert book(client, other, listing["id"], day(clock, 10), day(clock, 12)).status_code == 201
    assert post(client, f"/bookings/{booking_id}/cancel", headers).status_code == 409
    response = client.post(
        f"/api/v1/bookings/{booking_id}/payments",
        json={"payment_method": "card", "payment_token": "tok_visa"},
        headers=headers,
    )
    assert response.status_code == 409


def test_an_unanswered_paid_request_expires_after_24_hours_and_is_voided(
    rental_app: Flask, client: FlaskClient, clock: FakeClock
) -> None:
    _, host_headers, listing = host_with_listing(client, instant_book=False)
    _, headers = signup(client)
    booking_id = booked(client, headers, listing["id"], day(clock, 10), day(clock, 12))
    clock.advance(minutes=20)  # paid 20 minutes in: the 24 hours run from the payment
    payment = paid(client, headers, booking_id)
    clock.advance(hours=23, minutes=59)
    assert get(client, f"/bookings/{booking_id}", headers).get_json()["status"] == "pending"
    clock.advance(minutes=1)
    assert get(client, f"/bookings/{booking_id}", headers).get_json()["status"] == "expired"
    assert post(client, f"/bookings/{booking_id}/confirm", host_headers).status_code == 409
    assert rental_of(rental_app).expire_bookings() == {"expired": 1, "completed": 0}
    assert get(client, f"/payments/{payment['id']}", headers).get_json()["status"] == "voided"


def test_a_confirmed_stay_reads_completed_from_its_check_out_date(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, _, listing = host_with_listing(client, timezone="Pacific/Auckland")
    _, headers = signup(client)
    booking_id = booked(client, headers, listing["id"], day(clock, 2), day(clock, 4))
    paid(client, headers, booking_id)
    # Check-out is 2030-01-05; in Auckland (UTC+13 in January) that day starts at 11:00 UTC
    # on 2030-01-04, while it is still the 4th in UTC.
    clock.advance(days=2, hours=22, minutes=59)
    assert get(client, f"/bookings/{booking_id}", headers).get_json()["status"] == "confirmed"
    clock.advance(minutes=1)
    assert get(client, f"/bookings/{booking_id}", headers).get_json()["status"] == "completed"
    assert post(client, f"/bookings/{booking_id}/cancel", headers).status_code == 409


@pytest.mark.parametrize(
    ("policy", "days_before", "refund"),
    [
        ("flexible", 1, 11001),
        ("flexible", 0, 0),
        ("moderate", 5, 11001),
        ("moderate", 1, 5501),  # 50 % of 11001 rounded half up
        ("strict", 14, 11001),
        ("strict", 7, 5501),
        ("strict", 6, 0),
    ],
)
def test_a_guest_cancelling_is_refunded_per_policy_and_days_before_check_in(
    client: FlaskClient, clock: FakeClock, policy: str, days_before: int, refund: int
) -> None:
    # One night at 10001 plus the 10 % service fee (1000.1 → 1000): a total of 11001.
    _, _, listing = host_with_listing(client, price_per_night=10001, cancellation_policy=policy)
    _, headers = signup(client)
    booking_id = booked(client, headers, listing["id"], day(clock, 20), day(clock, 21))
    payment = paid(client, headers, booking_id)
    clock.advance(days=20 - days_before)
    response = post(client, f"/bookings/{booking_id}/cancel", headers)
    assert response.status_code == 200
    cancelled = response.get_json()
    assert (cancelled["status"], cancelled["cancelled_by"]) == ("cancelled", "guest")
    assert cancelled["refund_amount"] == refund
    after = get(client, f"/payments/{payment['id']}", headers).get_json()
    expected = {0: "captured", 11001: "refunded"}.get(refund, "partially_refunded")
    assert (after["status"], after["refunded_amount"]) == (expected, refund)


def test_the_host_cancelling_refunds_everything(client: FlaskClient, clock: FakeClock) -> None:
    _, host_headers, listing = host_with_listing(client, cancellation_policy="strict")
    _, headers = signup(client)
    booking_id = booked(client, headers, listing["id"], day(clock, 2), day(clock, 3))
    payment = paid(client, headers, booking_id)
    cancelled = post(client, f"/bookings/{booking_id}/cancel", host_headers).get_json()
    assert (cancelled["cancelled_by"], cancelled["refund_amount"]) == ("host", payment["amount"])
    after = get(client, f"/payments/{payment['id']}", headers).get_json()
    assert (after["status"], after["refunded_amount"]) == ("refunded", payment["amount"])


def test_cancelling_a_pending_booking_refunds_0_and_voids_its_authorization(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, _, listing = host_with_listing(client, instant_book=False)
    _, headers = signup(client)
    booking_id = booked(client, headers, listing["id"], day(clock, 30), day(clock, 32))
    payment = paid(client, headers, booking_id)
    cancelled = post(client, f"/bookings/{booking_id}/cancel", headers).get_json()
    assert (cancelled["status"], cancelled["refund_amount"]) == ("cancelled", 0)
    after = get(client, f"/payments/{payment['id']}", headers).get_json()
    assert (after["status"], after["refunded_amount"]) == ("voided", 0)
    assert book(client, headers, listing["id"], day(clock, 30), day(clock, 32)).status_code == 201
