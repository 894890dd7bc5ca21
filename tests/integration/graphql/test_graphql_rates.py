"""GraphQL: prices and rules by date (updateCalendar, calendar, a quote's nightly lines)."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.fakes import FakeClock
from tests.integration.graphql.steps import LISTING_INPUT, codes, created_listing, gql
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


TAXED = """mutation($input: CreateListingInput!) { createListing(input: $input) {
  id taxes { name kind amount appliesTo } } }"""
RETAX = """mutation($id: ID!, $input: UpdateListingInput!) { updateListing(id: $id, input: $input) {
  taxes { name kind amount appliesTo } } }"""
QUOTE = """query($id: ID!, $in: Date!, $out: Date!) { listing(id: $id) {
  quote(checkIn: $in, checkOut: $out, guests: 2) { available reasons { rule message }
    price { total taxes { name amount } } } } }"""


def test_taxes_are_set_as_post_and_patch_set_them_and_a_quote_charges_them(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, host = signup(client, "host")
    city_tax = {"name": "City tax", "kind": "PER_GUEST_NIGHT", "amount": 200}
    made = gql(client, TAXED, {"input": LISTING_INPUT | {"taxes": [city_tax]}}, host)
    assert "errors" not in made, made
    listing = made["data"]["createListing"]
    assert listing["taxes"] == [city_tax | {"appliesTo": None}]

    vat = {"name": "VAT", "kind": "PERCENT", "amount": 600, "appliesTo": "NIGHTS_AND_FEES"}
    changed = gql(client, RETAX, {"id": listing["id"], "input": {"taxes": [city_tax, vat]}}, host)
    assert changed["data"]["updateListing"]["taxes"] == [city_tax | {"appliesTo": None}, vat]
    variables = {"id": listing["id"], "in": day(clock, 3), "out": day(clock, 5)}
    taxes = gql(client, QUOTE, variables)["data"]["listing"]["quote"]["price"]["taxes"]
    # 2 guests x 2 nights x 200; 6 % of 2 x 10000 nights and no fees.
    assert taxes == [{"name": "City tax", "amount": 800}, {"name": "VAT", "amount": 1200}]

    too_many = {"taxes": [city_tax] * 6}
    refused = gql(client, RETAX, {"id": listing["id"], "input": too_many}, host)
    assert codes(refused) == ["BAD_USER_INPUT"]
    assert list(refused["errors"][0]["extensions"]["errors"]) == ["taxes"]
    over = {"taxes": [vat | {"amount": 10001}]}
    refused = gql(client, RETAX, {"id": listing["id"], "input": over}, host)
    assert list(refused["errors"][0]["extensions"]["errors"]) == ["taxes.0.amount"]
    cleared = gql(client, RETAX, {"id": listing["id"], "input": {"taxes": []}}, host)
    assert cleared["data"]["updateListing"]["taxes"] == []


def test_a_refused_quote_names_each_rule_as_over_http(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, host = signup(client, "host")
    listing = created_listing(client, host, maxGuests=1)
    ranges = [
        {"start": day(clock, 3), "end": day(clock, 4), "closedToArrival": True, "minNights": 3}
    ]
    assert "errors" not in gql(client, UPDATE, {"id": listing["id"], "ranges": ranges}, host)
    variables = {"id": listing["id"], "in": day(clock, 3), "out": day(clock, 5)}
    quote = gql(client, QUOTE, variables)["data"]["listing"]["quote"]
    http = client.get(
        f"/api/v1/listings/{listing['id']}/quote?check_in={day(clock, 3)}"
        f"&check_out={day(clock, 5)}&guests=2"
    ).get_json()
    assert quote["available"] is False
    assert [r["rule"] for r in quote["reasons"]] == [
        "max_guests",
        "min_nights",
        "closed_to_arrival",
    ]
    assert quote["reasons"] == http["reasons"]


def test_update_calendar_names_refused_fields_in_camel_case(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, host = signup(client, "host")
    listing = created_listing(client, host)
    ranges = [
        {"start": day(clock, 3), "end": day(clock, 4), "minNights": 0, "price": 0},
        {"start": day(clock, 5), "end": day(clock, 6), "closedToDeparture": True},
    ]
    refused = gql(client, UPDATE, {"id": listing["id"], "ranges": ranges}, host)
    assert codes(refused) == ["BAD_USER_INPUT"]
    assert sorted(refused["errors"][0]["extensions"]["errors"]) == [
        "ranges.0.minNights",
        "ranges.0.price",
    ]
    # The domain's own checks (the dates) name their fields the same way.
    backwards = [
        {"start": day(clock, 5), "end": day(clock, 4), "closedToDeparture": True},
        {"start": day(clock, 3), "end": day(clock, 800), "closedToArrival": True},
    ]
    refused = gql(client, UPDATE, {"id": listing["id"], "ranges": backwards}, host)
    assert sorted(refused["errors"][0]["extensions"]["errors"]) == ["ranges.0.end", "ranges.1.end"]
    too_many = [{"start": day(clock, 3), "end": day(clock, 4), "minNights": 2}] * 101
    refused = gql(client, UPDATE, {"id": listing["id"], "ranges": too_many}, host)
    assert list(refused["errors"][0]["extensions"]["errors"]) == ["ranges"]
