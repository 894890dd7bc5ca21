"""The SQL twin of the great-circle distance answers what the domain's does, on each
database (the search filters and sorts with the one, and shows the other)."""

from __future__ import annotations

import pytest
from sqlalchemy import bindparam, select

from rental.adapters.sqlalchemy import make_engine
from rental.adapters.sqlalchemy.geo import great_circle_km as sql_great_circle_km
from rental.domain.listings.geo import great_circle_km
from tests.unit.test_geo import CITIES, KNOWN

PAIRS = [(a, b) for a, b, _sphere, _ellipsoid in KNOWN if (a, b) != ("Singapore", "Quito")]


def test_the_sql_distance_is_the_domains(database_url: str) -> None:
    names = ("lat_a", "lng_a", "lat_b", "lng_b")
    query = select(sql_great_circle_km(*(bindparam(name) for name in names)))
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            for a, b in PAIRS:
                one, other = CITIES[a], CITIES[b]
                values = (one.latitude, one.longitude, other.latitude, other.longitude)
                found = connection.scalar(query, dict(zip(names, values, strict=True)))
                assert found == pytest.approx(great_circle_km(one, other), rel=1e-9), (a, b)
    finally:
        engine.dispose()
