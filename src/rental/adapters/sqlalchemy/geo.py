"""The map search as SQL, the same on PostgreSQL, MariaDB and SQLite.

A box is a range of latitudes and one of longitudes (two, ``OR``-ed, across the antimeridian),
which the B-tree index ``ix_listings_latitude_longitude`` on ``(latitude, longitude)`` serves
on each database: the latitude range bounds the scan and the longitude is checked inside the
index. A circle is first its bounding box (``Circle.bounding_box``), then the great-circle
distance of each row in the box (``great_circle_km``, the twin of the domain's). Why not
PostGIS, ``earthdistance`` or a grid column: ``docs/search.md``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Float, bindparam, func, or_

from rental.adapters.sqlalchemy import tables as t
from rental.domain.listings.geo import EARTH_RADIUS_KM, BoundingBox

L = t.listings.c


class Span(StrEnum):
    """How a box's longitudes read in SQL: one range, two across the antimeridian, or all."""

    WITHIN = "within"
    ACROSS = "across"
    ALL = "all"


def span_of(box: BoundingBox) -> Span:
    if box.all_longitudes:
        return Span.ALL
    return Span.ACROSS if box.crosses_antimeridian else Span.WITHIN


def _param(name: str) -> Any:
    return bindparam(name, type_=Float)


def in_box(prefix: str, span: Span) -> list[ColumnElement[bool]]:
    """Rows with coordinates inside the box of the parameters ``<prefix>_south`` …
    (``box_parameters``)."""
    south, north = _param(f"{prefix}_south"), _param(f"{prefix}_north")
    west, east = _param(f"{prefix}_west"), _param(f"{prefix}_east")
    conditions = [L.latitude >= south, L.latitude <= north]
    if span == Span.WITHIN:
        conditions += [L.longitude >= west, L.longitude <= east]
    elif span == Span.ACROSS:
        conditions.append(or_(L.longitude >= west, L.longitude <= east))
    else:
        conditions.append(L.longitude.is_not(None))
    return conditions


def box_parameters(prefix: str, box: BoundingBox) -> dict[str, float]:
    return {
        f"{prefix}_south": box.south,
        f"{prefix}_north": box.north,
        f"{prefix}_west": box.west,
        f"{prefix}_east": box.east,
    }


def great_circle_km(
    latitude: Any, longitude: Any, other_latitude: Any, other_longitude: Any
) -> ColumnElement[float]:
    """The haversine distance in kilometres between two points (columns or parameters), as
    ``rental.domain.listings.geo.great_circle_km`` computes it. Only for points a search's box
    has brought near each other: far from antipodal, the haversine stays below 1 without the
    domain's clamp."""
    lat_a, lat_b = func.radians(latitude), func.radians(other_latitude)
    half_lat = func.sin((lat_b - lat_a) / 2)
    half_lng = func.sin(func.radians(other_longitude - longitude) / 2)
    h = half_lat * half_lat + func.cos(lat_a) * func.cos(lat_b) * half_lng * half_lng
    return 2 * EARTH_RADIUS_KM * func.asin(func.sqrt(h))


def distance_from_near() -> ColumnElement[float]:
    """Each row's distance from the search's ``near`` (parameters ``near_latitude``,
    ``near_longitude``)."""
    return great_circle_km(
        L.latitude, L.longitude, _param("near_latitude"), _param("near_longitude")
    )


def near_conditions(span: Span) -> list[ColumnElement[bool]]:
    """Within ``radius_km`` of ``near``: the circle's box (``near_south`` …), then the
    distance."""
    return [*in_box("near", span), distance_from_near() <= _param("radius_km")]
