"""Places on the globe for the map search: points, boxes, circles and the distance between two
points.

Distances are great-circle distances on a sphere of the Earth's mean radius (haversine). The
sphere is within 0.5 % of the ellipsoid anywhere, far closer than a guest reads a map; the
search's SQL computes the same formula (``rental.adapters.sqlalchemy.geo.great_circle_km``).
"""

from __future__ import annotations

import math

from attrs import frozen

from rental.domain.errors import InvalidInput

EARTH_RADIUS_KM = 6371.0088  # IUGG mean radius
MAX_RADIUS_KM = 100.0
# Widens a circle's box by about a millimetre, so that rounding never leaves out a point on it.
BOX_SLACK_DEGREES = 1e-8


def _check_degrees(field: str, name: str, value: float, limit: float) -> None:
    if not math.isfinite(value):
        raise InvalidInput.field(field, f"{name} must be a finite number.")
    if not -limit <= value <= limit:
        raise InvalidInput.field(field, f"{name} must be between -{limit:g} and {limit:g}.")


@frozen
class Point:
    """A latitude and a longitude in degrees."""

    latitude: float
    longitude: float

    @classmethod
    def checked(cls, latitude: float, longitude: float, field: str = "near") -> Point:
        """The point, or ``InvalidInput`` naming ``field`` when it is off the globe."""
        _check_degrees(field, "latitude", latitude, 90)
        _check_degrees(field, "longitude", longitude, 180)
        return cls(float(latitude), float(longitude))


def great_circle_km(a: Point, b: Point) -> float:
    """The great-circle distance between ``a`` and ``b`` in kilometres (haversine)."""
    lat_a, lat_b = math.radians(a.latitude), math.radians(b.latitude)
    half_lat = math.sin((lat_b - lat_a) / 2)
    half_lng = math.sin(math.radians(b.longitude - a.longitude) / 2)
    h = half_lat**2 + math.cos(lat_a) * math.cos(lat_b) * half_lng**2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


@frozen
class BoundingBox:
    """The map's view: latitudes ``south..north`` and longitudes ``west..east``, both edges
    included. ``west > east`` is a box across the antimeridian (from 170 to -170 is 20 degrees
    wide)."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def checked(
        cls, west: float, south: float, east: float, north: float, field: str = "bbox"
    ) -> BoundingBox:
        """The box, or ``InvalidInput`` naming ``field`` for an edge off the globe or a south
        edge above the north one."""
        for name, value in (("west", west), ("east", east)):
            _check_degrees(field, name, value, 180)
        for name, value in (("south", south), ("north", north)):
            _check_degrees(field, name, value, 90)
        if south > north:
            raise InvalidInput.field(field, "south must not be above north.")
        return cls(float(west), float(south), float(east), float(north))

    @property
    def crosses_antimeridian(self) -> bool:
        return self.west > self.east

    @property
    def all_longitudes(self) -> bool:
        return self.west <= -180 and self.east >= 180

    def contains(self, point: Point) -> bool:
        if not self.south <= point.latitude <= self.north:
            return False
        if self.crosses_antimeridian:
            return point.longitude >= self.west or point.longitude <= self.east
        return self.west <= point.longitude <= self.east


@frozen
class Circle:
    """Every point at most ``radius_km`` from ``center`` (0 < radius <= ``MAX_RADIUS_KM``)."""

    center: Point
    radius_km: float

    @classmethod
    def checked(cls, center: Point, radius_km: float, field: str = "radius_km") -> Circle:
        if not math.isfinite(radius_km):
            raise InvalidInput.field(field, "must be a finite number.")
        if not 0 < radius_km <= MAX_RADIUS_KM:
            raise InvalidInput.field(field, f"must be above 0 and at most {MAX_RADIUS_KM:g}.")
        return cls(center, float(radius_km))

    def distance_km(self, point: Point) -> float:
        return great_circle_km(self.center, point)

    def contains(self, point: Point) -> bool:
        return self.distance_km(point) <= self.radius_km

    def bounding_box(self) -> BoundingBox:
        """The smallest box of latitudes and longitudes around the circle (J. P. Matuschek's
        bounding coordinates), across the antimeridian where the circle is, and every
        longitude where the circle holds a pole: the index's prefilter."""
        angle = self.radius_km / EARTH_RADIUS_KM
        lat = math.radians(self.center.latitude)
        south, north = lat - angle, lat + angle
        if south <= -math.pi / 2 or north >= math.pi / 2:
            south, north = max(south, -math.pi / 2), min(north, math.pi / 2)
            return _widened(BoundingBox(-180.0, math.degrees(south), 180.0, math.degrees(north)))
        spread = math.degrees(math.asin(math.sin(angle) / math.cos(lat)))
        west, east = self.center.longitude - spread, self.center.longitude + spread
        box = BoundingBox(west, math.degrees(south), east, math.degrees(north))
        return _widened(box)


def _widened(box: BoundingBox) -> BoundingBox:
    """``box`` a hair wider on each side, its longitudes brought back into -180..180 (a box
    wider than the globe takes every longitude)."""
    slack = BOX_SLACK_DEGREES
    south, north = max(-90.0, box.south - slack), min(90.0, box.north + slack)
    west, east = box.west - slack, box.east + slack
    if east - west >= 360:
        return BoundingBox(-180.0, south, 180.0, north)
    if west < -180:
        west += 360
    if east > 180:
        east -= 360
    return BoundingBox(west, south, east, north)
