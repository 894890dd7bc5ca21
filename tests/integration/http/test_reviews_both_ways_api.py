"""Reviews both ways over HTTP, on memory, SQLite, PostgreSQL and MariaDB: the host's review
of the guest, sub-ratings, the double-blind rule, one response, reports, a guest's reviews."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from rental.composition import MEMORY_URL
from tests.fakes import FakeClock
from tests.integration.http.booking_steps import API, booked, day, get, host_with_listing, paid
from tests.integration.http.conftest import signup

SUBS = ("cleanliness", "accuracy", "check_in", "communication", "location", "value")


@pytest.fixture(
    params=[
        pytest.param("memory", id="memory"),
        pytest.param("sqlite_url", id="sqlite"),
        pytest.param("postgres_url", id="postgres", marks=pytest.mark.postgres),
        pytest.param("mariadb_url", id="mariadb", marks=pytest.mark.mariadb),
    ]
)
def database_url_or_memory(request: pytest.FixtureRequest) -> str:
    """The three databases here, MariaDB included, and memory."""
    if request.param == "memory":
        return MEMORY_URL
    url: str = request.getfixturevalue(request.param)
    return url


def stay(
    client: FlaskClient, clock: FakeClock, listing_id: str, start: int
) -> tuple[dict[str, Any], dict[str, str], str]:
    """A new guest's paid (instantly confirmed) one-night stay from ``start`` days on."""
    guest, headers = signup(client)
    booking_id = booked(client, headers, listing_id, day(clock, start), day(clock, start + 1))
    paid(client, headers, booking_id)
    return guest, headers, booking_id


def write(
    client: FlaskClient, headers: dict[str, str], booking_id: str, side: str, **body: Any
) -> Any:
    path = "review" if side == "guest" else "guest-review"
    return client.post(f"{API}/bookings/{booking_id}/{path}", json=body, headers=headers)


def test_the_host_reviews_the_guest_and_every_bad_input_is_refused(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, host, listing = host_with_listing(client)
    _, guest, booking_id = stay(client, clock, listing["id"], 1)
    _, stranger = signup(client)
    assert write(client, host, booking_id, "host", rating=5).status_code == 422  # not over
    clock.advance(days=2)  # check-out day
    for body in ({"rating": 0}, {"rating": 6}, {"rating": 3.5}, {"rating": 4, "cleanliness": 4}):
        response = write(client, host, booking_id, "host", **body)
        assert response.status_code == 422, body
    assert write(client, guest, booking_id, "host", rating=5).status_code == 403
    assert write(client, stranger, booking_id, "host", rating=5).status_code == 404
    assert write(client, {}, booking_id, "host", rating=5).status_code == 401
    created = write(client, host, booking_id, "host", rating=5, comment="Tidy guest.")
    assert created.status_code == 201
    assert created.headers["Location"] == f"/api/v1/bookings/{booking_id}/guest-review"
    body = created.get_json()
    assert (body["status"], body["rating"], body["response"]) == ("pending", 5, None)
    assert all(body[name] is None for name in SUBS)
    assert write(client, host, booking_id, "host", rating=4).status_code == 409
    clock.advance(days=15)
    late = write(client, guest, booking_id, "guest", rating=4)
    assert late.status_code == 422 and late.get_json()["type"].endswith("/review-not-allowed")


def test_a_sub_rating_is_an_integer_from_1_to_5(client: FlaskClient, clock: FakeClock) -> None:
    _, _, listing = host_with_listing(client)
    _, guest, booking_id = stay(client, clock, listing["id"], 1)
    clock.advance(days=2)
    for value in (0, 6, 3.5, "4", True):
        response = write(client, guest, booking_id, "guest", rating=4, cleanliness=value)
        assert response.status_code == 422, value
        assert set(response.get_json()["errors"]) == {"cleanliness"}, value
    response = write(client, guest, booking_id, "guest", rating=4, noise=3)
    assert set(response.get_json()["errors"]) == {"noise"}
    created = write(client, guest, booking_id, "guest", rating=4, value=1, location=None)
    assert (created.get_json()["value"], created.get_json()["location"]) == (1, None)


def test_reviews_stay_hidden_until_both_wrote_then_publish_together(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, host, listing = host_with_listing(client)
    guest_user, guest, booking_id = stay(client, clock, listing["id"], 1)
    clock.advance(days=2)
    subs = dict(zip(SUBS, (5, 4, 3, 5, 4, 2), strict=True))
    created = write(client, guest, booking_id, "guest", rating=4, comment="Bright.", **subs)
    assert created.status_code == 201
    review = created.get_json()
    assert review["status"] == "pending" and {k: review[k] for k in SUBS} == subs
    mine = f"/bookings/{booking_id}/review"
    assert get(client, mine, guest).get_json() == review
    assert get(client, mine, host).status_code == 404  # double-blind
    assert get(client, f"/listings/{listing['id']}/reviews").get_json()["total"] == 0
    reported = client.post(
        f"{API}/reviews/{review['id']}/report", json={"reason": "x"}, headers=host
    )
    assert reported.status_code == 404
    shown = get(client, f"/listings/{listing['id']}").get_json()
    assert (shown["rating_average"], shown["review_count"]) == (None, 0)

    theirs = write(client, host, booking_id, "host", rating=3).get_json()
    assert theirs["status"] == "published"  # the second review: both publish
    for who in (guest, host):
        assert get(client, mine, who).get_json() == review | {"status": "published"}
    shown = get(client, f"/listings/{listing['id']}").get_json()
    assert (shown["rating_average"], shown["review_count"]) == (4.0, 1)
    assert shown["sub_rating_averages"] == {k: float(v) for k, v in subs.items()}
    page = get(client, f"/users/{guest_user['id']}/reviews").get_json()
    assert ([r["id"] for r in page["items"]], page["total"]) == ([theirs["id"]], 1)
    assert get(client, "/users/no-such-user/reviews").status_code == 404


def test_one_public_response_by_the_reviewed_side_and_reports(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, host, listing = host_with_listing(client)
    _, guest, booking_id = stay(client, clock, listing["id"], 1)
    _, stranger = signup(client)
    clock.advance(days=2)
    review_id = write(client, guest, booking_id, "guest", rating=2).get_json()["id"]

    def respond(headers: dict[str, str], body: Any) -> Any:
        return client.post(f"{API}/reviews/{review_id}/response", json=body, headers=headers)

    assert respond(host, {"body": "Sorry"}).status_code == 404  # pending: not seen yet
    write(client, host, booking_id, "host", rating=4)
    assert respond(stranger, {"body": "Me too"}).status_code == 403
    assert respond(guest, {"body": "Me"}).status_code == 403
    assert respond(host, {"body": "x" * 1001}).status_code == 422
    assert respond(host, {}).status_code == 422
    answered = respond(host, {"body": "Sorry to hear."})
    assert answered.status_code == 201
    response = answered.get_json()["response"]
    assert response == {"body": "Sorry to hear.", "created_at": clock.now().isoformat()}
    assert respond(host, {"body": "Again"}).status_code == 409
    page = get(client, f"/listings/{listing['id']}/reviews").get_json()
    assert page["items"][0]["response"] == response

    def report(headers: dict[str, str], body: Any) -> Any:
        return client.post(f"{API}/reviews/{review_id}/report", json=body, headers=headers)

    assert report(stranger, {"reason": "Not about the stay."}).status_code == 202
    assert report(stranger, {"reason": ""}).status_code == 422
    assert report({}, {"reason": "x"}).status_code == 401
    missing = client.post(f"{API}/reviews/nope/report", json={"reason": "x"}, headers=stranger)
    assert missing.status_code == 404


def test_the_listings_averages_after_publication_over_five_stays(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, host, listing = host_with_listing(client)
    stays = [stay(client, clock, listing["id"], 1 + 2 * i) for i in range(5)]
    clock.advance(days=11)  # every stay is over
    ratings = (5, 4, 4, 3, 5)
    cleanliness = (5, 5, 4, None, 3)  # the fourth guest gave none
    for (_, guest, booking_id), rating, clean in zip(stays, ratings, cleanliness, strict=True):
        extra = {} if clean is None else {"cleanliness": clean}
        assert write(client, guest, booking_id, "guest", rating=rating, **extra).status_code == 201
    # Three hosts' reviews publish three stays now; the other two wait for their 14 days.
    for _, _, booking_id in stays[:3]:
        assert write(client, host, booking_id, "host", rating=5).status_code == 201
    shown = get(client, f"/listings/{listing['id']}").get_json()
    assert (shown["rating_average"], shown["review_count"]) == (4.33, 3)  # 13 / 3
    assert shown["sub_rating_averages"]["cleanliness"] == 4.67  # 14 / 3
    for _, _, booking_id in stays[3:]:
        assert write(client, host, booking_id, "host", rating=4).status_code == 201
    shown = get(client, f"/listings/{listing['id']}").get_json()
    assert (shown["rating_average"], shown["review_count"]) == (4.2, 5)  # 21 / 5
    assert shown["sub_rating_averages"]["cleanliness"] == 4.25  # 17 / 4
    assert shown["sub_rating_averages"]["value"] is None
    assert get(client, f"/listings/{listing['id']}/reviews").get_json()["total"] == 5
