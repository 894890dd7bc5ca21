"""A dated search honours prices and rules by date, in the database: the check-in night's
minimum stay, closed to arrival and departure, the booking horizon in the listing's own time
zone, and price filters and order on the stay's average nightly price."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.fakes import FakeClock
from tests.integration.http.booking_steps import API, day, get, host_with_listing
from tests.integration.http.conftest import STORAGES


@pytest.fixture(params=[*STORAGES, pytest.param("mariadb_url", id="mariadb")])
def database_url_or_memory(request: pytest.FixtureRequest) -> str:
    """The HTTP fixtures' storages, and MariaDB."""
    if request.param == "memory":
        return "memory://"
    url: str = request.getfixturevalue(request.param)
    return url


def listing(client: FlaskClient, title: str, **fields: Any) -> tuple[dict[str, str], str]:
    _, headers, made = host_with_listing(client, title=title, city="Pricetown", **fields)
    return headers, made["id"]


def change(client: FlaskClient, headers: dict[str, str], listing_id: str, **rng: Any) -> None:
    response = client.put(
        f"{API}/listings/{listing_id}/calendar", json={"ranges": [rng]}, headers=headers
    )
    assert response.status_code == 200, response.get_json()


def found(client: FlaskClient, query: str) -> list[str]:
    response = get(client, f"/listings?city=Pricetown&{query}")
    assert response.status_code == 200, response.get_json()
    return [item["title"] for item in response.get_json()["items"]]


def test_dated_search_prices_by_the_stay_and_keeps_only_bookable_listings(
    client: FlaskClient, clock: FakeClock
) -> None:
    # Today is Tuesday 1 January 2030; the stay is Friday and Saturday night.
    listing(client, "weekend", weekend_price=15000)
    listing(client, "plain", price_per_night=12000)
    headers, season = listing(client, "season", price_per_night=9000)
    change(client, headers, season, start=day(clock, 3), end=day(clock, 4), price=30000)
    headers, arrival = listing(client, "no arrival")
    change(client, headers, arrival, start=day(clock, 3), end=day(clock, 4), closed_to_arrival=True)
    headers, departure = listing(client, "no departure")
    change(client, headers, departure, start=day(clock, 5), end=day(clock, 6),
           closed_to_departure=True)  # fmt: skip
    headers, longer = listing(client, "three nights at least")
    change(client, headers, longer, start=day(clock, 3), end=day(clock, 4), min_nights=3)
    # A later night's minimum does not count: only the check-in night's.
    headers, later = listing(client, "later minimum", price_per_night=50000)
    change(client, headers, later, start=day(clock, 4), end=day(clock, 5), min_nights=9)
    listing(client, "too far ahead", max_advance_days=3)
    # UTC+14: there it is already 2 January, so the last night is 3 days ahead.
    listing(client, "far east", timezone="Pacific/Kiritimati", max_advance_days=3,
            price_per_night=11000)  # fmt: skip

    dates = f"check_in={day(clock, 3)}&check_out={day(clock, 5)}"
    assert found(client, f"{dates}&sort=price") == [
        "far east", "plain", "weekend", "season", "later minimum",
    ]  # fmt: skip
    # The season: (30000 + 9000) / 2 = 19500 a night on average.
    assert found(client, f"{dates}&sort=price&min_price=13000&max_price=19500") == [
        "weekend", "season",
    ]  # fmt: skip
    assert found(client, f"{dates}&sort=-price&max_price=15000") == ["weekend", "plain", "far east"]
    # Without dates, the listing's own price still filters.
    assert "season" in found(client, "max_price=9000")


def test_the_horizon_of_a_zone_behind_utc_ends_a_day_earlier(
    client: FlaskClient, clock: FakeClock
) -> None:
    # 05:00 UTC on 1 January is still 31 December in Los Angeles.
    clock.set(datetime(2030, 1, 1, 5, tzinfo=UTC))
    listing(client, "five days", timezone="America/Los_Angeles", max_advance_days=5)
    listing(client, "four days", timezone="America/Los_Angeles", max_advance_days=4)
    listing(client, "four days in UTC", max_advance_days=4)
    # The last night, 5 January, is 5 days after 31 December and 4 after 1 January.
    titles = found(client, f"check_in={day(clock, 3)}&check_out={day(clock, 5)}")
    assert sorted(titles) == ["five days", "four days in UTC"]


def test_a_listing_reads_its_overrides_only_where_they_meet_the_stay(
    client: FlaskClient, clock: FakeClock
) -> None:
    # Today is Tuesday 1 January 2030; the stay is Thursday 10 to Saturday 12 January.
    headers, cleared = listing(client, "season cleared", price_per_night=10000)
    change(client, headers, cleared, start=day(clock, 9), end=day(clock, 11), price=50000)
    change(client, headers, cleared, start=day(clock, 9), end=day(clock, 11), price=None)
    headers, later = listing(client, "season next month", price_per_night=11000)
    change(client, headers, later, start=day(clock, 40), end=day(clock, 50), price=90000)
    headers, earlier = listing(client, "closed last week", price_per_night=12000)
    change(client, headers, earlier, start=day(clock, 2), end=day(clock, 3), closed_to_arrival=True)
    headers, shorter = listing(client, "shorter on arrival", price_per_night=13000, min_nights=5)
    change(client, headers, shorter, start=day(clock, 9), end=day(clock, 10), min_nights=2)
    headers, season = listing(client, "season", price_per_night=5000)
    change(client, headers, season, start=day(clock, 10), end=day(clock, 12), price=14000)
    listing(client, "five nights at least", price_per_night=10500, min_nights=5)
    # A season from the check-out day on prices no night of the stay.
    headers, after = listing(client, "season from check-out", price_per_night=10800)
    change(client, headers, after, start=day(clock, 11), end=day(clock, 13), price=70000)

    dates = f"check_in={day(clock, 9)}&check_out={day(clock, 11)}"
    # The season's stay: (5000 + 14000) / 2 = 9500 a night.
    assert found(client, f"{dates}&sort=price&min_price=9000&max_price=15000") == [
        "season",
        "season cleared",
        "season from check-out",
        "season next month",
        "closed last week",
        "shorter on arrival",
    ]
    assert found(client, f"{dates}&sort=-price&min_price=9600") == [
        "shorter on arrival",
        "closed last week",
        "season next month",
        "season from check-out",
        "season cleared",
    ]
