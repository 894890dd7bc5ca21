"""Reviews both ways over GraphQL, on memory, SQLite, PostgreSQL and MariaDB: createReview with
sub-ratings, createGuestReview, the double-blind status, respondToReview, reportReview and
User.reviews, with the HTTP API's rules and errors."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from rental.composition import MEMORY_URL
from tests.fakes import FakeClock
from tests.integration.graphql.steps import codes, created_listing, gql, paid, requested
from tests.integration.http.booking_steps import day
from tests.integration.http.conftest import signup

REVIEW_FIELDS = "id status rating comment cleanliness value response { body } author { id }"
GUEST_SIDE = f"""mutation($input: CreateReviewInput!) {{
  createReview(input: $input) {{ {REVIEW_FIELDS} }} }}"""
HOST_SIDE = f"""mutation($input: CreateGuestReviewInput!) {{
  createGuestReview(input: $input) {{ {REVIEW_FIELDS} }} }}"""
RESPOND = """mutation($input: RespondToReviewInput!) {
  respondToReview(input: $input) { id response { body createdAt } } }"""
REPORT = """mutation($input: ReportReviewInput!) { reportReview(input: $input) }"""


@pytest.fixture(
    params=[
        pytest.param("memory", id="memory"),
        pytest.param("sqlite_url", id="sqlite"),
        pytest.param("postgres_url", id="postgres", marks=pytest.mark.postgres),
        pytest.param("mariadb_url", id="mariadb", marks=pytest.mark.mariadb),
    ]
)
def database_url_or_memory(request: pytest.FixtureRequest) -> str:
    if request.param == "memory":
        return MEMORY_URL
    url: str = request.getfixturevalue(request.param)
    return url


def test_reviews_both_ways(client: FlaskClient, clock: FakeClock) -> None:
    host, host_headers = signup(client, "host")
    guest, headers = signup(client, "guest")
    _, stranger = signup(client, "guest")
    listing = created_listing(client, host_headers)
    booking = requested(client, headers, listing["id"], day(clock, 1), day(clock, 3))
    paid(client, headers, booking["id"])
    review = {"bookingId": booking["id"], "rating": 4, "comment": "Bright"}
    early = gql(client, GUEST_SIDE, {"input": review}, headers)
    assert codes(early) == ["BAD_USER_INPUT"]
    clock.advance(days=3)

    for bad in (0, 6):
        refused = gql(client, GUEST_SIDE, {"input": review | {"cleanliness": bad}}, headers)
        assert codes(refused) == ["BAD_USER_INPUT"]
        assert list(refused["errors"][0]["extensions"]["errors"]) == ["cleanliness"]
    fractional = gql(client, GUEST_SIDE, {"input": review | {"cleanliness": 3.5}}, headers)
    assert codes(fractional) == ["BAD_USER_INPUT"]  # not an Int
    by_host = gql(client, GUEST_SIDE, {"input": review}, host_headers)
    assert codes(by_host) == ["FORBIDDEN"]
    written = gql(client, GUEST_SIDE, {"input": review | {"cleanliness": 5}}, headers)
    written = written["data"]["createReview"]
    assert (written["status"], written["cleanliness"], written["value"]) == ("PENDING", 5, None)
    assert codes(gql(client, GUEST_SIDE, {"input": review}, headers)) == ["CONFLICT"]

    seen = """query($id: ID!) { booking(id: $id) { review { id status } } }"""
    assert gql(client, seen, {"id": booking["id"]}, host_headers)["data"]["booking"] == {
        "review": None
    }  # hidden from the host while pending
    respond = {"input": {"reviewId": written["id"], "body": "Thanks"}}
    assert codes(gql(client, RESPOND, respond, host_headers)) == ["NOT_FOUND"]
    report = {"input": {"reviewId": written["id"], "reason": "Spam"}}
    assert codes(gql(client, REPORT, report, stranger)) == ["NOT_FOUND"]

    theirs = {"bookingId": booking["id"], "rating": 5, "comment": "Tidy"}
    assert codes(gql(client, HOST_SIDE, {"input": theirs}, headers)) == ["FORBIDDEN"]
    assert codes(gql(client, HOST_SIDE, {"input": theirs}, stranger)) == ["NOT_FOUND"]
    host_review = gql(client, HOST_SIDE, {"input": theirs}, host_headers)
    host_review = host_review["data"]["createGuestReview"]
    assert (host_review["status"], host_review["author"]["id"]) == ("PUBLISHED", host["id"])
    assert codes(gql(client, HOST_SIDE, {"input": theirs}, host_headers)) == ["CONFLICT"]

    shown = gql(client, seen, {"id": booking["id"]}, host_headers)["data"]["booking"]
    assert shown == {"review": {"id": written["id"], "status": "PUBLISHED"}}
    assert codes(gql(client, RESPOND, respond, stranger)) == ["FORBIDDEN"]
    answered = gql(client, RESPOND, respond, host_headers)["data"]["respondToReview"]
    assert answered["response"]["body"] == "Thanks"
    assert codes(gql(client, RESPOND, respond, host_headers)) == ["CONFLICT"]
    assert gql(client, REPORT, report, stranger)["data"] == {"reportReview": True}

    about = """query($id: ID!) { user(id: $id) {
      reviews { total items { id rating author { id } } } } }"""
    page = gql(client, about, {"id": guest["id"]})["data"]["user"]["reviews"]
    assert page == {"total": 1, "items": [{"id": host_review["id"], "rating": 5,
                                           "author": {"id": host["id"]}}]}  # fmt: skip
    listed = """query($id: ID!) { listing(id: $id) { ratingAverage reviewCount
      reviews { items { id status response { body } } } } }"""
    shown = gql(client, listed, {"id": listing["id"]})["data"]["listing"]
    assert (shown["ratingAverage"], shown["reviewCount"]) == (4.0, 1)
    assert shown["reviews"]["items"] == [
        {"id": written["id"], "status": "PUBLISHED", "response": {"body": "Thanks"}}
    ]
