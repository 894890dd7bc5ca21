"""Points, boxes, circles and the great-circle distance of the map search."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rental.domain.errors import InvalidInput
from rental.domain.listings.geo import BoundingBox, Circle, Point, great_circle_km

CITIES = {
    "Lisbon": Point(38.7223, -9.1393),
    "Madrid": Point(40.4168, -3.7038),
    "London": Point(51.5074, -0.1278),
    "Paris": Point(48.8566, 2.3522),
    "New York": Point(40.7128, -74.0060),
    "Tokyo": Point(35.6762, 139.6503),
    "Sydney": Point(-33.8688, 151.2093),
    "Auckland": Point(-36.8485, 174.7633),
    "Suva": Point(-18.1248, 178.4501),
    "Los Angeles": Point(34.0522, -118.2437),
    "Cape Town": Point(-33.9249, 18.4241),
    "Reykjavik": Point(64.1466, -21.9426),
    "Singapore": Point(1.3521, 103.8198),
    "Quito": Point(-0.1807, -78.4678),
}
# Known distances in km: the great circle on the sphere of the mean radius (6,371.0088 km),
# and the geodesic on the WGS84 ellipsoid, both by GeographicLib 2.1 (C. F. F. Karney's
# algorithms, an implementation independent of ours: Geodesic(6371008.8, 0) and
# Geodesic.WGS84, Inverse).
KNOWN = [
    ("Lisbon", "Madrid", 502.448, 503.413),
    ("London", "Paris", 343.557, 343.923),
    ("New York", "London", 5570.230, 5585.234),
    ("Tokyo", "Sydney", 7825.829, 7792.175),
    ("Sydney", "Auckland", 2155.901, 2160.509),
    ("Auckland", "Suva", 2112.998, 2106.136),  # across the antimeridian
    ("Los Angeles", "Tokyo", 8819.405, 8838.470),  # across it the other way
    ("Cape Town", "Reykjavik", 11463.596, 11433.597),
    ("Singapore", "Quito", 19729.359, 19743.446),  # nearly antipodal
]


@pytest.mark.parametrize(("a", "b", "sphere", "ellipsoid"), KNOWN)
def test_great_circle_distances_of_known_city_pairs(
    a: str, b: str, sphere: float, ellipsoid: float
) -> None:
    distance = great_circle_km(CITIES[a], CITIES[b])
    assert distance == pytest.approx(sphere, rel=0.001)
    assert great_circle_km(CITIES[b], CITIES[a]) == pytest.approx(distance, rel=1e-12)
    # What the sphere costs against the Earth's real shape: well under a guest's concern.
    assert distance == pytest.approx(ellipsoid, rel=0.005)


def test_distance_of_a_point_to_itself_and_to_its_antipode() -> None:
    assert great_circle_km(CITIES["Lisbon"], CITIES["Lisbon"]) == 0
    half_the_world = great_circle_km(Point(0, 0), Point(0, 180))
    assert half_the_world == pytest.approx(math.pi * 6371.0088)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ((91, 0), "latitude must be between -90 and 90."),
        ((0, 180.5), "longitude must be between -180 and 180."),
        ((math.nan, 0), "latitude must be a finite number."),
        ((0, math.inf), "longitude must be a finite number."),
    ],
)
def test_a_point_off_the_globe_is_refused(values: tuple[float, float], message: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        Point.checked(*values)
    assert refused.value.errors == {"near": [message]}


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ((0, 10, 1, 5), "south must not be above north."),
        ((0, 0, 181, 1), "east must be between -180 and 180."),
        ((0, -91, 1, 1), "south must be between -90 and 90."),
        ((math.nan, 0, 1, 1), "west must be a finite number."),
    ],
)
def test_a_box_off_the_globe_or_upside_down_is_refused(
    values: tuple[float, float, float, float], message: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        BoundingBox.checked(*values)
    assert refused.value.errors == {"bbox": [message]}


@pytest.mark.parametrize("radius", [0, -1, 100.001, 101, math.nan, math.inf])
def test_a_radius_is_above_0_and_at_most_100_km(radius: float) -> None:
    with pytest.raises(InvalidInput) as refused:
        Circle.checked(CITIES["Lisbon"], radius)
    assert list(refused.value.errors) == ["radius_km"]
    assert Circle.checked(CITIES["Lisbon"], 100).radius_km == 100


def test_a_box_across_the_antimeridian_holds_both_sides() -> None:
    pacific = BoundingBox.checked(170, -25, -170, -5)
    assert pacific.crosses_antimeridian
    assert pacific.contains(CITIES["Suva"]) and pacific.contains(Point(-13.76, -172.1))
    assert not pacific.contains(Point(-18, 0)) and not pacific.contains(Point(0, 178))


points = st.builds(
    Point,
    st.floats(min_value=-89.99, max_value=89.99),
    st.floats(min_value=-180, max_value=180),
)


@given(center=points, radius=st.floats(min_value=0.01, max_value=100), bearing=st.floats(0, 360))
def test_a_circles_box_holds_every_point_of_the_circle(
    center: Point, radius: float, bearing: float
) -> None:
    """The box is the index's prefilter: a point it left out would be lost to the search.
    The points tried are on the circle's edge, in every direction."""
    circle = Circle.checked(center, radius)
    angle, theta = radius / 6371.0088, math.radians(bearing)
    lat, lng = math.radians(center.latitude), math.radians(center.longitude)
    edge_lat = math.asin(
        math.sin(lat) * math.cos(angle) + math.cos(lat) * math.sin(angle) * math.cos(theta)
    )
    edge_lng = lng + math.atan2(
        math.sin(theta) * math.sin(angle) * math.cos(lat),
        math.cos(angle) - math.sin(lat) * math.sin(edge_lat),
    )
    degrees = (math.degrees(edge_lng) + 180) % 360 - 180
    edge = Point(math.degrees(edge_lat), degrees)
    assert great_circle_km(center, edge) == pytest.approx(radius, rel=1e-6, abs=1e-6)
    assert circle.bounding_box().contains(edge)


def test_a_circle_around_a_pole_takes_every_longitude() -> None:
    box = Circle.checked(Point(89.9, 10), 50).bounding_box()
    assert (box.west, box.east, box.north) == (-180, 180, 90)
    assert box.all_longitudes
