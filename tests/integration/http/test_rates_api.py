"""Prices and rules by date over HTTP: the calendar, its changes, quotes and expected totals,
on memory, SQLite, PostgreSQL and MariaDB."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.fakes import FakeClock
from tests.integration.http.booking_steps import API, book, day, get, host_with_listing
from tests.integration.http.conftest import STORAGES, signup


@pytest.fixture(params=[*STORAGES, pytest.param("mariadb_url", id="mariadb")])
def database_url_or_memory(request: pytest.FixtureRequest) -> str:
    """The HTTP fixtures' storages, and MariaDB."""
    if request.param == "memory":
        return "memory://"
    url: str = request.getfixturevalue(request.param)
    return url


def put_calendar(
    client: FlaskClient, headers: dict[str, str], listing_id: str, *ranges: dict[str, Any]
) -> Any:
    return client.put(
        f"{API}/listings/{listing_id}/calendar", json={"ranges": list(ranges)}, headers=headers
    )


def nights(response: Any) -> list[tuple[str, int]]:
    return [(d["date"], d["price"]) for d in response.get_json()["days"]]


def test_a_weekend_price_and_a_season_give_differing_nightly_lines(
    client: FlaskClient, clock: FakeClock
) -> None:
    # The fake clock's today, 1 January 2030, is a Tuesday: day 3 is a Friday.
    _, headers, listing = host_with_listing(client, weekend_price=15000, cleaning_fee=2000)
    assert listing["weekend_price"] == 15000 and listing["taxes"] == []
    changed = put_calendar(
        client, headers, listing["id"], {"start": day(clock, 5), "end": day(clock, 7),
                                         "price": 20000, "min_nights": 2},
    )  # fmt: skip
    assert changed.status_code == 200, changed.get_json()
    assert nights(changed) == [(day(clock, 5), 20000), (day(clock, 6), 20000)]
    calendar = get(
        client, f"/listings/{listing['id']}/calendar?from={day(clock, 2)}&to={day(clock, 8)}"
    )
    assert calendar.status_code == 200
    assert nights(calendar) == [
        (day(clock, 2), 10000), (day(clock, 3), 15000), (day(clock, 4), 15000),
        (day(clock, 5), 20000), (day(clock, 6), 20000), (day(clock, 7), 10000),
    ]  # fmt: skip
    first = calendar.get_json()["days"][3]
    assert first == {"date": day(clock, 5), "available": True, "price": 20000, "min_nights": 2,
                     "closed_to_arrival": False, "closed_to_departure": False}  # fmt: skip

    quoted = get(client, f"/listings/{listing['id']}/quote?check_in={day(clock, 2)}"
                         f"&check_out={day(clock, 6)}&guests=2")  # fmt: skip
    assert quoted.status_code == 200
    quote = quoted.get_json()
    assert quote["available"] is True and quote["reasons"] == []
    assert [n["price"] for n in quote["price"]["nightly"]] == [10000, 15000, 15000, 20000]
    # 60000 + 2000 cleaning; service 10 % of 62000 = 6200.
    assert quote["price"]["total"] == 60000 + 2000 + 6200

    _, guest_headers = signup(client)
    booking = client.post(f"{API}/bookings", headers=guest_headers, json={
        "listing_id": listing["id"], "check_in": day(clock, 2), "check_out": day(clock, 6),
        "guests": 2, "expected_total": quote["price"]["total"]})  # fmt: skip
    assert booking.status_code == 201, booking.get_json()
    assert booking.get_json()["price"] == quote["price"]
    # A later change never moves a booking's price.
    put_calendar(client, headers, listing["id"], {"start": day(clock, 2), "end": day(clock, 6),
                                                  "price": 99900})  # fmt: skip
    again = get(client, f"/bookings/{booking.get_json()['id']}", guest_headers)
    assert again.get_json()["price"] == quote["price"]
    days = get(
        client, f"/listings/{listing['id']}/calendar?from={day(clock, 2)}&to={day(clock, 3)}"
    )
    assert days.get_json()["days"][0]["available"] is False


def test_a_moved_price_is_a_409_and_nothing_is_held(client: FlaskClient, clock: FakeClock) -> None:
    _, headers, listing = host_with_listing(client)
    _, guest_headers = signup(client)
    body = {"listing_id": listing["id"], "check_in": day(clock, 10), "check_out": day(clock, 12),
            "guests": 1, "expected_total": 22000}  # fmt: skip
    put_calendar(client, headers, listing["id"], {"start": day(clock, 10), "end": day(clock, 11),
                                                  "price": 10100})  # fmt: skip
    refused = client.post(f"{API}/bookings", json=body, headers=guest_headers)
    assert refused.status_code == 409
    assert refused.get_json()["type"].endswith("/price-changed")
    assert "22000" in refused.get_json()["detail"]
    assert (
        book(client, guest_headers, listing["id"], day(clock, 10), day(clock, 12)).status_code
        == 201
    )


def test_a_quote_names_each_rule_that_refuses_the_stay(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, headers, listing = host_with_listing(client, max_guests=2)
    put_calendar(
        client, headers, listing["id"],
        {"start": day(clock, 10), "end": day(clock, 11), "closed_to_arrival": True,
         "min_nights": 5},
        {"start": day(clock, 12), "end": day(clock, 13), "closed_to_departure": True},
    )  # fmt: skip
    path = f"/listings/{listing['id']}/quote?check_in={day(clock, 10)}&check_out={day(clock, 12)}"
    quote = get(client, path + "&guests=3").get_json()
    assert quote["available"] is False
    assert [r["rule"] for r in quote["reasons"]] == [
        "max_guests", "min_nights", "closed_to_arrival", "closed_to_departure",
    ]  # fmt: skip
    assert all(r["message"] for r in quote["reasons"])
    _, guest_headers = signup(client)
    refused = book(client, guest_headers, listing["id"], day(clock, 10), day(clock, 15))
    assert refused.status_code == 422
    assert refused.get_json()["errors"] == {
        "check_in": [f"the listing takes no arrivals on {day(clock, 10)}."]
    }
    refused = book(client, guest_headers, listing["id"], day(clock, 11), day(clock, 12))
    assert refused.status_code == 422 and "check_out" in refused.get_json()["errors"]
    # Null removes the overrides: the stay is fine again.
    put_calendar(client, headers, listing["id"],
                 {"start": day(clock, 10), "end": day(clock, 13), "closed_to_arrival": None,
                  "min_nights": None, "closed_to_departure": None})  # fmt: skip
    assert get(client, path).get_json() | {"price": None} == {
        "available": True, "reasons": [], "price": None,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("ranges", "field"),
    [
        ([{"start": 5, "end": 5, "price": 100}], "ranges.0.end"),
        ([{"start": 5, "end": 733, "price": 100}], "ranges.0.end"),
        ([{"start": 5, "end": 6, "price": 0}], "ranges.0.price"),
        ([{"start": 5, "end": 6, "price": -1}], "ranges.0.price"),
        ([{"start": 5, "end": 6, "price": 10**9 + 1}], "ranges.0.price"),
        ([{"start": 5, "end": 6, "price": 100}] * 101, "ranges"),
        ([{"start": 5, "end": 6, "colour": "red"}], "ranges.0.colour"),
    ],
)
def test_bad_calendar_changes_are_422_naming_the_field(
    client: FlaskClient, clock: FakeClock, ranges: list[dict[str, Any]], field: str
) -> None:
    _, headers, listing = host_with_listing(client)
    body = [r | {"start": day(clock, r["start"]), "end": day(clock, r["end"])} for r in ranges]
    response = put_calendar(client, headers, listing["id"], *body)
    assert response.status_code == 422, response.get_json()
    assert response.headers["Content-Type"] == "application/problem+json"
    assert field in response.get_json()["errors"], response.get_json()


def test_only_the_host_or_an_admin_changes_the_calendar(
    client: FlaskClient, clock: FakeClock
) -> None:
    _, _, listing = host_with_listing(client)
    _, stranger = signup(client, "host")
    change = {"start": day(clock, 1), "end": day(clock, 2), "price": 1}
    assert put_calendar(client, stranger, listing["id"], change).status_code == 403
    assert client.put(f"{API}/listings/{listing['id']}/calendar",
                      json={"ranges": [change]}).status_code == 401  # fmt: skip
    assert put_calendar(client, stranger, "nope", change).status_code == 404
    path = f"/listings/{listing['id']}/calendar?from={day(clock, 1)}&to={day(clock, 733)}"
    assert get(client, path).status_code == 422


@pytest.mark.parametrize(
    ("taxes", "field"),
    [
        ([{"name": "VAT", "kind": "percent", "amount": 10_001, "applies_to": "nights"}],
         "taxes.0.amount"),
        ([{"name": "VAT", "kind": "percent", "amount": 100, "applies_to": "nights"}] * 6,
         "taxes"),
        ([{"name": "VAT", "kind": "percent", "amount": 100, "applies_to": "everything"}],
         "taxes.0.applies_to"),
    ],
)  # fmt: skip
def test_bad_taxes_are_422(client: FlaskClient, taxes: list[dict[str, Any]], field: str) -> None:
    _, headers, listing = host_with_listing(client)
    response = client.patch(f"{API}/listings/{listing['id']}", json={"taxes": taxes},
                            headers=headers)  # fmt: skip
    assert response.status_code == 422, response.get_json()
    assert field in response.get_json()["errors"], response.get_json()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("weekend_price", 0),
        ("weekend_price", -1),
        ("weekend_price", 10**9 + 1),
        ("extra_guest_fee", -1),
        ("extra_guest_fee", 10**9 + 1),
    ],
)
def test_a_listing_price_of_0_negative_or_over_10_9_is_422(
    client: FlaskClient, field: str, value: int
) -> None:
    _, headers, listing = host_with_listing(client)
    response = client.patch(f"{API}/listings/{listing['id']}", json={field: value}, headers=headers)
    assert response.status_code == 422, response.get_json()
    assert field in response.get_json()["errors"], response.get_json()
    unchanged = client.get(f"{API}/listings/{listing['id']}").get_json()
    assert unchanged[field] == listing[field]


def test_taxes_and_extra_guests_are_lines_of_the_price(
    client: FlaskClient, clock: FakeClock
) -> None:
    taxes = [
        {"name": "City tax", "kind": "per_guest_night", "amount": 150, "applies_to": None},
        {"name": "VAT", "kind": "percent", "amount": 650, "applies_to": "nights_and_fees"},
    ]
    _, _, listing = host_with_listing(
        client, max_guests=4, guests_included=2, extra_guest_fee=1000, cleaning_fee=3000,
        taxes=taxes,
    )  # fmt: skip
    path = f"/listings/{listing['id']}/quote?check_in={day(clock, 6)}&check_out={day(clock, 8)}"
    price = get(client, path + "&guests=3").get_json()["price"]
    # 2 nights x 10000; 1 extra guest x 1000 x 2 nights; service 10 % of 25000.
    assert (price["nightly_subtotal"], price["extra_guest_fees"], price["service_fee"]) == (
        20000, 2000, 2500,
    )  # fmt: skip
    # City tax 150 x 3 guests x 2 nights; VAT 6.5 % of 25000 = 1625.
    assert price["taxes"] == [{"name": "City tax", "amount": 900},
                              {"name": "VAT", "amount": 1625}]  # fmt: skip
    assert price["total"] == 20000 + 3000 + 2000 + 2500 + 900 + 1625
