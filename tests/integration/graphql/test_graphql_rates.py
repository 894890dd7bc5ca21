"""GraphQL: prices and rules by date (updateCalendar, calendar, a quote's nightly lines)."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.fakes import FakeClock
from tests.integration.graphql.steps import codes, created_listing, gql
from tests.integration.http.booking_steps import day
from tests.integration.http.conftest import signup

UPDATE = """mutation($id: ID!, $ranges: [RateRangeInput!]!) {
  updateCalendar(listingId: $id, ranges: $ranges) { date price minNights closedToArrival } }"""
READ = """query($id: ID!, $from: Date!, $to: Date!, $in: Date!, $out: Date!) { listing(id: $id) {
  weekendPrice calendar(from: $from, to: $to) { date available price }
  quote(checkIn: $in, checkOut: $out, guests: 1) { available reasons { rule }
    price { nightlySubtotal total nightly { date price } taxes { name amount } } } } }"""


def test_a_host_sets_a_season_and_a_quote_shows_each_night(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, host = signup(client, "host")
    _, stranger = signup(client, "host")
    listing = created_listing(client, host, weekendPrice=15000)
    ranges = [{"start": day(clock, 5), "end": day(clock, 6), "price": 20000, "minNights": 1}]
    changed = gql(client, UPDATE, {"id": listing["id"], "ranges": ranges}, host)
    assert changed["data"]["updateCalendar"] == [
        {"date": day(clock, 5), "price": 20000, "minNights": 1, "closedToArrival": False}
    ]
    refused = gql(client, UPDATE, {"id": listing["id"], "ranges": ranges}, stranger)
    assert codes(refused) == ["FORBIDDEN"]
    bad = [{"start": day(clock, 5), "end": day(clock, 5), "price": 0}]
    assert codes(gql(client, UPDATE, {"id": listing["id"], "ranges": bad}, host)) == [
        "BAD_USER_INPUT"
    ]

    variables = {"id": listing["id"], "from": day(clock, 3), "to": day(clock, 6),
                 "in": day(clock, 3), "out": day(clock, 6)}  # fmt: skip
    found = gql(client, READ, variables)["data"]["listing"]
    assert found["weekendPrice"] == 15000
    # 1 January 2030 is a Tuesday: days 3 and 4 are Friday and Saturday.
    assert [(d["date"], d["price"]) for d in found["calendar"]] == [
        (day(clock, 3), 15000), (day(clock, 4), 15000), (day(clock, 5), 20000),
    ]  # fmt: skip
    quote = found["quote"]
    assert quote["available"] is True and quote["reasons"] == []
    assert [n["price"] for n in quote["price"]["nightly"]] == [15000, 15000, 20000]
    assert quote["price"]["nightlySubtotal"] == 50000 and quote["price"]["taxes"] == []
