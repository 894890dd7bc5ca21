"""POST/GET /bookings/{id}/review and GET /listings/{id}/reviews."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

from tests.fakes import FakeClock
from tests.integration.http.booking_steps import (
    API,
    booked,
    day,
    get,
    host_with_listing,
    paid,
    rental_of,
)
from tests.integration.http.conftest import signup


def _stay(
    client: FlaskClient, clock: FakeClock, listing_id: str, start: int, nights: int = 2
) -> tuple[dict[str, str], str]:
    """A guest's confirmed stay from ``start`` days on: ``(headers, booking id)``."""
    _, headers = signup(client)
    check_out = day(clock, start + nights)
    booking_id = booked(client, headers, listing_id, day(clock, start), check_out)
    paid(client, headers, booking_id)
    return headers, booking_id


def review(client: FlaskClient, headers: dict[str, str], booking_id: str, **body: Any) -> Any:
    return client.post(f"{API}/bookings/{booking_id}/review", json=body, headers=headers)


def test_a_guest_reviews_a_completed_stay_once_and_the_listing_rating_follows(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, host_headers, listing = host_with_listing(client)
    first, first_id = _stay(client, clock, listing["id"], 1)
    second, second_id = _stay(client, clock, listing["id"], 3)
    # Before check-out the stay is not completed yet.
    early = review(client, first, first_id, rating=4)
    assert early.status_code == 422 and early.get_json()["errors"]
    clock.advance(days=3)  # the first stay's check-out day
    created = review(client, first, first_id, rating=4, comment="Quiet and bright.")
    assert created.status_code == 201
    body = created.get_json()
    assert created.headers["Location"] == f"/api/v1/bookings/{first_id}/review"
    assert {k: body[k] for k in ("booking_id", "listing_id", "rating", "comment")} == {
        "booking_id": first_id, "listing_id": listing["id"], "rating": 4,
        "comment": "Quiet and bright.",
    }  # fmt: skip
    assert body["created_at"] == clock.now().isoformat()
    assert body["status"] == "pending"  # hidden from the host until they review the guest
    assert get(client, f"/bookings/{first_id}/review", first).get_json() == body
    assert get(client, f"/bookings/{first_id}/review", host_headers).status_code == 404
    assert review(client, first, first_id, rating=5).status_code == 409
    guest_review = f"{API}/bookings/{first_id}/guest-review"
    assert client.post(guest_review, json={"rating": 5}, headers=host_headers).status_code == 201
    for who in (first, host_headers):
        shown = get(client, f"/bookings/{first_id}/review", who).get_json()
        assert shown == body | {"status": "published"}
    shown = get(client, f"/listings/{listing['id']}").get_json()
    assert (float(shown["rating_average"]), shown["review_count"]) == (4.0, 1)

    clock.advance(days=2)  # the second's
    assert review(client, second, second_id, rating=5).status_code == 201
    clock.advance(days=15)  # its 14 days are over: published, and counted once marked
    rental_of(client.application).publish_reviews()
    shown = get(client, f"/listings/{listing['id']}").get_json()
    assert (float(shown["rating_average"]), shown["review_count"]) == (4.5, 2)
    assert get(client, f"/bookings/{second_id}/review", first).status_code == 404


def test_reviews_are_accepted_until_14_days_after_check_out(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, _, listing = host_with_listing(client)
    too_late, too_late_id = _stay(client, clock, listing["id"], 1)  # checks out on day 3
    in_time, in_time_id = _stay(client, clock, listing["id"], 3, nights=1)  # on day 4
    clock.advance(days=18)  # 15 days after the first check-out, 14 after the second
    response = review(client, too_late, too_late_id, rating=3)
    assert response.status_code == 422
    assert response.get_json()["type"].endswith("/review-not-allowed")
    assert review(client, in_time, in_time_id, rating=3).status_code == 201


def test_a_review_must_be_by_the_guest_and_valid(client: FlaskClient, clock: FakeClock) -> None:
    _, host_headers, listing = host_with_listing(client)
    headers, booking_id = _stay(client, clock, listing["id"], 1)
    _, stranger = signup(client)
    clock.advance(days=3)
    for body in ({"rating": 0}, {"rating": 6}, {"rating": "5"}, {"comment": "no rating"}):
        response = review(client, headers, booking_id, **body)
        assert response.status_code == 422, body
        assert set(response.get_json()["errors"]) == {"rating"}, body
    for comment in ("x" * 2001, "nul\x00"):
        response = review(client, headers, booking_id, rating=5, comment=comment)
        assert set(response.get_json()["errors"]) == {"comment"}
    assert review(client, host_headers, booking_id, rating=5).status_code == 403
    assert review(client, stranger, booking_id, rating=1).status_code == 404
    assert review(client, {}, booking_id, rating=1).status_code == 401
    assert review(client, headers, booking_id, rating=5, comment="x" * 2000).status_code == 201


def test_a_listings_reviews_are_a_public_page_newest_first(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, _, listing = host_with_listing(client)
    stays = [_stay(client, clock, listing["id"], start) for start in (1, 3)]
    clock.advance(days=5)
    for rating, (headers, booking_id) in zip((2, 5), stays, strict=True):
        assert review(client, headers, booking_id, rating=rating).status_code == 201
        clock.advance(minutes=1)
    assert get(client, f"/listings/{listing['id']}/reviews").get_json()["total"] == 0  # pending
    clock.advance(days=15)  # the stays' 14 days are over: both read as published
    page = get(client, f"/listings/{listing['id']}/reviews?per_page=1").get_json()
    assert (page["total"], [r["rating"] for r in page["items"]]) == (2, [5])
    page = get(client, f"/listings/{listing['id']}/reviews?per_page=1&page=2").get_json()
    assert [r["rating"] for r in page["items"]] == [2]
    assert get(client, "/listings/no-such-listing/reviews").status_code == 404
    assert get(client, f"/listings/{listing['id']}/reviews?per_page=0").status_code == 422
