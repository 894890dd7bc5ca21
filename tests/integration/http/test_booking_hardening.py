"""``POST /bookings`` with an optional ``Idempotency-Key``, and the booking horizon
(``max_advance_days``): on memory, SQLite and PostgreSQL."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.fakes import FakeClock
from tests.integration.http.booking_steps import (
    API,
    book,
    booked,
    day,
    get,
    host_with_listing,
    paid,
)
from tests.integration.http.conftest import signup


def _request(listing_id: str, clock: FakeClock, start: int = 10, nights: int = 3) -> dict:
    return {"listing_id": listing_id, "check_in": day(clock, start),
            "check_out": day(clock, start + nights), "guests": 1}  # fmt: skip


def test_a_retried_booking_with_its_key_gets_the_same_booking_not_a_409(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, _, listing = host_with_listing(client)
    _, headers = signup(client)
    keyed = headers | {"Idempotency-Key": "book-once-1"}
    first = client.post(f"{API}/bookings", json=_request(listing["id"], clock), headers=keyed)
    again = client.post(f"{API}/bookings", json=_request(listing["id"], clock), headers=keyed)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.get_json()["id"] == first.get_json()["id"]
    assert again.headers["Location"] == first.headers["Location"]
    trips = client.get(f"{API}/bookings", headers=headers).get_json()
    assert trips["total"] == 1
    without_key = client.post(
        f"{API}/bookings", json=_request(listing["id"], clock), headers=headers
    )
    assert without_key.status_code == 409  # the nights are held, by that one booking


def test_the_same_key_with_another_body_is_409_and_keys_are_per_user(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, _, listing = host_with_listing(client)
    _, headers = signup(client)
    _, other = signup(client)
    keyed = headers | {"Idempotency-Key": "k-2"}
    assert client.post(f"{API}/bookings", json=_request(listing["id"], clock),
                       headers=keyed).status_code == 201  # fmt: skip
    moved = client.post(f"{API}/bookings", json=_request(listing["id"], clock, start=20),
                        headers=keyed)  # fmt: skip
    assert moved.status_code == 409
    assert "Idempotency-Key" in moved.get_json()["detail"]
    theirs = client.post(f"{API}/bookings", json=_request(listing["id"], clock, start=30),
                         headers=other | {"Idempotency-Key": "k-2"})  # fmt: skip
    assert theirs.status_code == 201


def test_a_malformed_key_is_422(client: FlaskClient, clock: FakeClock) -> None:
    _, _, listing = host_with_listing(client)
    _, headers = signup(client)
    response = client.post(f"{API}/bookings", json=_request(listing["id"], clock),
                           headers=headers | {"Idempotency-Key": "x" * 300})  # fmt: skip
    assert response.status_code == 422


def test_nights_past_the_horizon_are_422_and_the_last_allowed_night_books(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, _, listing = host_with_listing(client)
    assert listing["max_advance_days"] == 730
    _, headers = signup(client)
    far = book(client, headers, listing["id"], "9999-01-01", "9999-01-03")
    assert far.status_code == 422
    assert "730 days" in far.get_json()["errors"]["check_out"][0]
    last_night = book(client, headers, listing["id"], day(clock, 729), day(clock, 731))
    assert last_night.status_code == 201, last_night.get_json()
    one_past = book(client, headers, listing["id"], day(clock, 730), day(clock, 732))
    assert one_past.status_code == 422


def test_the_horizon_is_a_listing_setting_of_at_most_1095_days(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, headers, listing = host_with_listing(client, max_advance_days=30)
    assert listing["max_advance_days"] == 30
    _, guest = signup(client)
    assert book(client, guest, listing["id"], day(clock, 29), day(clock, 31)).status_code == 201
    assert book(client, guest, listing["id"], day(clock, 31), day(clock, 33)).status_code == 422
    for wrong in (0, 1096, "soon"):
        changed = client.patch(f"{API}/listings/{listing['id']}", json={"max_advance_days": wrong},
                               headers=headers)  # fmt: skip
        assert changed.status_code == 422, wrong
    longest = client.patch(f"{API}/listings/{listing['id']}", json={"max_advance_days": 1095},
                           headers=headers)  # fmt: skip
    assert longest.get_json()["max_advance_days"] == 1095


def test_a_host_cannot_cancel_a_stay_under_way_over_http(
    client: FlaskClient, clock: FakeClock
) -> None:
    """Issue 29, item 13: a host ending a stay in progress for a full refund is refused (403);
    the stay goes on, and the guest may still cancel it under the policy."""
    _, host, listing = host_with_listing(client)
    _, guest = signup(client, "guest")
    stay = booked(client, guest, listing["id"], day(clock, 1), day(clock, 4))
    paid(client, guest, stay)
    clock.advance(days=2)  # the second night
    refused = client.post(f"{API}/bookings/{stay}/cancel", headers=host)
    assert refused.status_code == 403
    assert refused.headers["Content-Type"] == "application/problem+json"
    assert "only through an admin" in refused.get_json()["detail"]
    assert get(client, f"/bookings/{stay}", guest).get_json()["status"] == "confirmed"
