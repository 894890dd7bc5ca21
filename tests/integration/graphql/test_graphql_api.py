"""Every query and mutation of the GraphQL API, over memory, SQLite and PostgreSQL."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.fakes import FakeClock
from tests.integration.graphql.steps import (
    codes,
    created_listing,
    gql,
    paid,
    requested,
)
from tests.integration.http.booking_steps import day, pay
from tests.integration.http.conftest import signup

BOOKING = """query($id: ID!) { booking(id: $id) { id status nights refundAmount cancelledBy
  listing { id title } guest { id username email }
  payments { id status amount failureReason booking { id } }
  review { id rating author { id } listing { id } } } }"""
UPDATE = """mutation($id: ID!, $input: UpdateListingInput!) {
  updateListing(id: $id, input: $input) { id title latitude longitude } }"""


def test_a_stay_from_listing_to_review(client: FlaskClient, clock: FakeClock) -> None:
    host, host_headers = signup(client, "host")
    guest, headers = signup(client, "guest")
    listing = created_listing(client, host_headers, latitude=38.7, longitude=-9.1,
                              cleaningFee=2500, amenities=["WiFi", "kitchen"])  # fmt: skip
    assert (listing["currency"], listing["instantBook"], listing["cancellationPolicy"]) == (
        "USD", True, "FLEXIBLE",
    )  # fmt: skip
    assert listing["host"]["id"] == host["id"]

    cleared = gql(client, UPDATE, {"id": listing["id"], "input": {"latitude": None,
                  "longitude": None, "title": "Loft"}}, host_headers)  # fmt: skip
    assert cleared["data"]["updateListing"] == {"id": listing["id"], "title": "Loft",
                                                "latitude": None, "longitude": None}  # fmt: skip
    refused = gql(client, UPDATE, {"id": listing["id"], "input": {"title": None}}, host_headers)
    assert codes(refused) == ["BAD_USER_INPUT"]
    assert refused["data"] == {"updateListing": None}
    assert list(refused["errors"][0]["extensions"]["errors"]) == ["title"]

    stay = (day(clock, 1), day(clock, 4))
    quote = gql(client, """query($id: ID!, $in: Date!, $out: Date!) { listing(id: $id) {
        quote(checkIn: $in, checkOut: $out, guests: 2) { available price { total } } } }""",
        {"id": listing["id"], "in": stay[0], "out": stay[1]})  # fmt: skip
    quote = quote["data"]["listing"]["quote"]
    booking = requested(client, headers, listing["id"], *stay, guests=2)
    assert (booking["status"], booking["nights"], booking["guest"]["id"]) == (
        "PENDING",
        3,
        guest["id"],
    )
    # 3 x 100.00 + 25.00 cleaning, then 10 % service: the quote was the price.
    assert quote == {"available": True, "price": {"total": booking["price"]["total"]}}
    assert booking["price"]["total"] == 35750

    declined = paid(client, headers, booking["id"], "tok_chargeDeclined")
    assert declined["data"] == {"payForBooking": None}
    assert codes(declined) == ["PAYMENT_DECLINED"]
    extensions = declined["errors"][0]["extensions"]
    assert extensions["paymentId"] and extensions["failureReason"]
    clock.advance(seconds=1)  # payments are listed oldest first
    captured = paid(client, headers, booking["id"])["data"]["payForBooking"]
    assert (captured["status"], captured["booking"]["status"]) == ("CAPTURED", "CONFIRMED")

    seen = gql(client, BOOKING, {"id": booking["id"]}, headers)["data"]["booking"]
    assert [p["status"] for p in seen["payments"]] == ["FAILED", "CAPTURED"]
    assert seen["payments"][0]["id"] == extensions["paymentId"]
    assert seen["guest"]["email"] == guest["email"] and seen["review"] is None
    mine = gql(client, "{ me { id email trips { total items { id } } hostedBookings { total } } }",
               headers=headers)["data"]["me"]  # fmt: skip
    assert mine["trips"] == {"total": 1, "items": [{"id": booking["id"]}]}
    assert mine["hostedBookings"]["total"] == 0
    hosted = gql(client, "{ me { hostedBookings { items { id guest { email } } } } }",
                 headers=host_headers)["data"]["me"]["hostedBookings"]  # fmt: skip
    # The host sees the booking, not the guest's email.
    assert hosted["items"] == [{"id": booking["id"], "guest": {"email": None}}]

    clock.advance(days=4)
    review = gql(client, """mutation($id: ID!) { createReview(input: {bookingId: $id, rating: 4,
        comment: "Lovely"}) { id rating comment status author { id }
        listing { id reviewCount } } }""", {"id": booking["id"]}, headers)  # fmt: skip
    review = review["data"]["createReview"]
    assert review["author"]["id"] == guest["id"]
    # Pending until the host reviews the guest too (or 14 days pass): not counted yet.
    assert (review["status"], review["listing"]) == (
        "PENDING",
        {"id": listing["id"], "reviewCount": 0},
    )
    guest_review = """mutation($id: ID!) { createGuestReview(input: {bookingId: $id,
        rating: 5, comment: "Tidy"}) { status } }"""
    theirs = gql(client, guest_review, {"id": booking["id"]}, host_headers)
    assert theirs["data"]["createGuestReview"] == {"status": "PUBLISHED"}
    after = gql(client, BOOKING, {"id": booking["id"]}, headers)["data"]["booking"]
    assert after["status"] == "COMPLETED" and after["review"]["id"] == review["id"]
    page = gql(client, """query($id: ID!) { listing(id: $id) { ratingAverage reviewCount
        reviews(perPage: 5) { total page perPage items { id author { username } } } } }""",
        {"id": listing["id"]})["data"]["listing"]  # fmt: skip
    assert (page["ratingAverage"], page["reviewCount"]) == (4.0, 1)
    assert page["reviews"]["total"] == 1 and page["reviews"]["items"][0]["id"] == review["id"]


def test_request_to_book_confirm_decline_cancel(client: FlaskClient, clock: FakeClock) -> None:
    _, host_headers = signup(client, "host")
    _, headers = signup(client, "guest")
    listing = created_listing(client, host_headers, instantBook=False)
    first = requested(client, headers, listing["id"], day(clock, 10), day(clock, 12))
    second = requested(client, headers, listing["id"], day(clock, 20), day(clock, 22))
    for booking in (first, second):
        payment = paid(client, headers, booking["id"])["data"]["payForBooking"]
        assert (payment["status"], payment["booking"]["status"]) == ("AUTHORIZED", "PENDING")
    act = "mutation($id: ID!) {{ {0}(id: $id) {{ id status refundAmount cancelledBy }} }}"

    by_guest = gql(client, act.format("confirmBooking"), {"id": first["id"]}, headers)
    confirmed = gql(client, act.format("confirmBooking"), {"id": first["id"]}, host_headers)
    again = gql(client, act.format("confirmBooking"), {"id": first["id"]}, host_headers)
    declined = gql(client, act.format("declineBooking"), {"id": second["id"]}, host_headers)
    cancelled = gql(client, act.format("cancelBooking"), {"id": first["id"]}, headers)

    assert codes(by_guest) == ["FORBIDDEN"]
    assert confirmed["data"]["confirmBooking"]["status"] == "CONFIRMED"
    assert codes(again) == ["CONFLICT"]
    assert declined["data"]["declineBooking"]["status"] == "DECLINED"
    assert cancelled["data"]["cancelBooking"] == {
        "id": first["id"], "status": "CANCELLED", "refundAmount": first["price"]["total"],
        "cancelledBy": "GUEST",
    }  # fmt: skip

    # Deleted, the listing is gone from listing(id), not from the bookings made on it.
    assert (
        client.delete(f"/api/v1/listings/{listing['id']}", headers=host_headers).status_code == 204
    )
    after = """query($b: ID!, $l: ID!) { listing(id: $l) { id }
        booking(id: $b) { listing { id title } } }"""  # fmt: skip
    seen = gql(client, after, {"b": first["id"], "l": listing["id"]}, headers)
    assert seen["data"] == {"listing": None, "booking": {"listing": {
        "id": listing["id"], "title": listing["title"]}}}  # fmt: skip


def test_search_availability_and_quote_rules(client: FlaskClient, clock: FakeClock) -> None:
    _, host_headers = signup(client, "host")
    _, headers = signup(client, "guest")
    cheap = created_listing(client, host_headers, pricePerNight=5000, amenities=["wifi"])
    dear = created_listing(client, host_headers, pricePerNight=9000, city="Porto")
    booking = requested(client, headers, cheap["id"], day(clock, 2), day(clock, 5))
    search = """query($f: ListingFilter, $s: ListingSort) { listings(filter: $f, sort: $s,
        perPage: 1) { total page perPage items { id } } }"""  # fmt: skip

    by_price = gql(client, search, {"s": "PRICE_DESC"})["data"]["listings"]
    in_lisbon = gql(client, search, {"f": {"city": "lisbon", "amenities": [" WIFI "]}})
    free = gql(client, search, {"f": {"checkIn": day(clock, 3), "checkOut": day(clock, 4)}})
    half = gql(client, search, {"f": {"checkIn": day(clock, 3)}})
    window = """query($id: ID!, $from: Date!, $to: Date!) { listing(id: $id) {
        availability(from: $from, to: $to) { start end reason } } }"""
    taken = gql(client, window, {"id": cheap["id"], "from": day(clock, 0), "to": day(clock, 9)})
    too_long = gql(client, window, {"id": cheap["id"], "from": day(clock, 0),
                                    "to": day(clock, 800)})  # fmt: skip
    quote = """query($id: ID!, $in: Date!, $out: Date!, $n: Int!) { listing(id: $id) {
        quote(checkIn: $in, checkOut: $out, guests: $n) { available price { total }
          reasons { rule } } } }"""
    held = gql(
        client, quote, {"id": cheap["id"], "in": day(clock, 4), "out": day(clock, 6), "n": 1}
    )
    crowd = gql(
        client, quote, {"id": cheap["id"], "in": day(clock, 7), "out": day(clock, 8), "n": 9}
    )
    past = gql(
        client, quote, {"id": cheap["id"], "in": day(clock, -1), "out": day(clock, 1), "n": 1}
    )

    assert by_price == {"total": 2, "page": 1, "perPage": 1, "items": [{"id": dear["id"]}]}
    assert in_lisbon["data"]["listings"]["items"] == [{"id": cheap["id"]}]
    assert free["data"]["listings"]["items"] == [{"id": dear["id"]}]
    assert codes(half) == ["BAD_USER_INPUT"]
    assert taken["data"]["listing"]["availability"] == [
        {"start": day(clock, 2), "end": day(clock, 5), "reason": "BOOKED"}
    ]
    assert codes(too_long) == ["BAD_USER_INPUT"]
    assert too_long["errors"][0]["path"] == ["listing", "availability"]
    assert held["data"]["listing"]["quote"] == {
        "available": False,
        "price": {"total": 11000},
        "reasons": [{"rule": "dates_unavailable"}],
    }
    # Rules that refuse the stay are reasons, as GET /listings/{id}/quote names them.
    assert crowd["data"]["listing"]["quote"]["reasons"] == [{"rule": "max_guests"}]
    assert past["data"]["listing"]["quote"]["reasons"] == [{"rule": "check_in_past"}]
    backwards = gql(
        client, quote, {"id": cheap["id"], "in": day(clock, 7), "out": day(clock, 7), "n": 1}
    )
    assert list(backwards["errors"][0]["extensions"]["errors"]) == ["checkOut"]
    too_many = gql(
        client, quote, {"id": cheap["id"], "in": day(clock, 7), "out": day(clock, 8), "n": 0}
    )
    assert list(too_many["errors"][0]["extensions"]["errors"]) == ["guests"]
    assert booking["status"] == "PENDING"


def test_idempotency_key_shares_the_header_key_space(client: FlaskClient, clock: FakeClock) -> None:
    _, host_headers = signup(client, "host")
    _, headers = signup(client, "guest")
    listing = created_listing(client, host_headers)
    booking = requested(client, headers, listing["id"], day(clock, 2), day(clock, 4))
    other = requested(client, headers, listing["id"], day(clock, 6), day(clock, 8))
    over_http = pay(client, headers, booking["id"], key="key-1")
    assert over_http.status_code == 201
    mutation = """mutation($id: ID!, $key: String) { payForBooking(input: {bookingId: $id,
        paymentToken: "tok_visa", idempotencyKey: $key}) { id } }"""  # fmt: skip

    replayed = gql(client, mutation, {"id": booking["id"], "key": "key-1"}, headers)
    reused = gql(client, mutation, {"id": other["id"], "key": "key-1"}, headers)
    bad_key = gql(client, mutation, {"id": other["id"], "key": "é" * 3}, headers)
    empty_key = gql(client, mutation, {"id": other["id"], "key": ""}, headers)

    assert replayed["data"]["payForBooking"] == {"id": over_http.get_json()["id"]}
    assert codes(reused) == ["CONFLICT"]
    assert list(bad_key["errors"][0]["extensions"]["errors"]) == ["idempotencyKey"]
    assert codes(empty_key) == ["BAD_USER_INPUT"]
