"""The map search and the detail filters, for every read model (memory, SQLite, PostgreSQL,
MariaDB): boxes (across the antimeridian too), circles with the distance order, and each
combined with the other filters, the dates, the page and the total."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from rental.application.queries import ListingSearch, ListingSort, PageRequest, ReadModel
from rental.domain.accounts.users import Role
from rental.domain.listings.details import HouseRules
from rental.domain.listings.geo import BoundingBox, Point, great_circle_km
from tests.contracts.builders import NOW, TODAY, UowFactory, a_booking, a_listing, a_user, save

IN = TODAY + timedelta(days=10)
OUT = IN + timedelta(days=3)
BAIXA = Point(38.7101, -9.1366)  # Lisbon's old town
# Places around Lisbon, with their great-circle distance from the Baixa.
PLACES = {
    "baixa": (38.7110, -9.1370),  # 0.11 km
    "belem": (38.6979, -9.2066),  # 6.22 km
    "cascais": (38.6979, -9.4215),  # 24.76 km
    "sintra": (38.8029, -9.3817),  # 23.63 km
    "porto": (41.1579, -8.6291),  # 275.6 km
}
LISBON_BOX = BoundingBox(-9.25, 38.65, -9.05, 38.80)


class MapSearchContract:
    @pytest.fixture
    def uow_factory(self) -> UowFactory:
        raise NotImplementedError

    @pytest.fixture
    def read_model(self) -> ReadModel:
        raise NotImplementedError

    def ids(self, read_model: ReadModel, **search: Any) -> list[str]:
        found = read_model.search_listings(ListingSearch(**search), NOW)
        return [listing.id for listing in found.items]

    def places(self, uow_factory: UowFactory, **fields: Any) -> dict[str, str]:
        host = a_user(Role.HOST)
        listings = {
            name: a_listing(host, latitude=lat, longitude=lng, **fields)
            for name, (lat, lng) in PLACES.items()
        }
        nowhere = a_listing(host, **fields)  # no coordinates: never in a map search
        save(uow_factory, host, *listings.values(), nowhere)
        return {name: listing.id for name, listing in listings.items()}

    def test_a_box_keeps_the_listings_inside_it(
        self, uow_factory: UowFactory, read_model: ReadModel
    ) -> None:
        ids = self.places(uow_factory)

        assert set(self.ids(read_model, bbox=LISBON_BOX)) == {ids["baixa"], ids["belem"]}
        edge = BoundingBox(-9.2066, 38.6979, -9.1370, 38.7110)  # both on its edges
        assert set(self.ids(read_model, bbox=edge)) == {ids["baixa"], ids["belem"]}
        assert self.ids(read_model, bbox=BoundingBox(0, 0, 1, 1)) == []
        assert len(self.ids(read_model)) == 6  # the one without coordinates too

    def test_a_box_across_the_antimeridian(
        self, uow_factory: UowFactory, read_model: ReadModel
    ) -> None:
        host = a_user(Role.HOST)
        fiji = a_listing(host, latitude=-17.7134, longitude=178.0650)
        samoa = a_listing(host, latitude=-13.7590, longitude=-172.1046)
        tokyo = a_listing(host, latitude=35.6762, longitude=139.6503)
        save(uow_factory, host, fiji, samoa, tokyo)

        pacific = BoundingBox(170, -25, -170, -5)  # west > east: 20 degrees wide
        assert set(self.ids(read_model, bbox=pacific)) == {fiji.id, samoa.id}
        not_across = BoundingBox(-170, -25, 170, -5)  # 340 degrees wide
        assert self.ids(read_model, bbox=not_across) == []

    def test_a_circle_sorted_by_distance(
        self, uow_factory: UowFactory, read_model: ReadModel
    ) -> None:
        ids = self.places(uow_factory)
        search: dict[str, Any] = {"near": BAIXA, "sort": ListingSort.DISTANCE}

        assert self.ids(read_model, radius_km=10, **search) == [ids["baixa"], ids["belem"]]
        nearest_first = [ids[x] for x in ("baixa", "belem", "sintra", "cascais")]
        assert self.ids(read_model, radius_km=25, **search) == nearest_first
        assert self.ids(read_model, radius_km=0.05, **search) == []
        # Sintra is 23.63 km away: inside 23.68 km, outside 23.58 km.
        sintra = great_circle_km(BAIXA, Point(*PLACES["sintra"]))
        assert ids["sintra"] in self.ids(read_model, radius_km=sintra + 0.05, **search)
        assert ids["sintra"] not in self.ids(read_model, radius_km=sintra - 0.05, **search)

    def test_a_circle_across_the_antimeridian_and_around_a_pole(
        self, uow_factory: UowFactory, read_model: ReadModel
    ) -> None:
        host = a_user(Role.HOST)
        east = a_listing(host, latitude=-16.5, longitude=179.95)
        west = a_listing(host, latitude=-16.5, longitude=-179.95)
        north = a_listing(host, latitude=89.9, longitude=-100)
        beyond_the_pole = a_listing(host, latitude=89.9, longitude=80)
        save(uow_factory, host, east, west, north, beyond_the_pole)

        found = self.ids(read_model, near=Point(-16.5, 179.99), radius_km=20)
        assert set(found) == {east.id, west.id}
        pole = self.ids(read_model, near=Point(89.95, 0), radius_km=30)
        assert set(pole) == {north.id, beyond_the_pole.id}

    def test_box_and_circle_together_with_every_filter_dates_and_pages(
        self, uow_factory: UowFactory, read_model: ReadModel
    ) -> None:
        host, guest = a_user(Role.HOST), a_user()
        near = {"latitude": 38.7110, "longitude": -9.1370}
        fits = {
            "property_type": "private_room",
            "bedrooms": 2,
            "beds": 3,
            "bathrooms": 1.5,
            "instant_book": False,
            "house_rules": HouseRules(pets_allowed=True),
        }
        cheap = [a_listing(host, price_per_night=5_000 + i, **near, **fits) for i in range(3)]
        misses = {
            "type": {"property_type": "shared_room"},
            "bedrooms": {"bedrooms": 1},
            "beds": {"beds": 2},
            "bathrooms": {"bathrooms": 1.0},
            "instant": {"instant_book": True},
            "pets": {"house_rules": HouseRules(pets_allowed=False)},
        }
        missing = {
            name: a_listing(host, **near, **{**fits, **change}) for name, change in misses.items()
        }
        booked = a_listing(host, price_per_night=4_000, **near, **fits)
        far = a_listing(host, latitude=38.6979, longitude=-9.4215, **fits)  # Cascais
        stay = a_booking(booked, guest, IN)
        save(uow_factory, host, guest, *cheap, *missing.values(), booked, far, stay)
        search: dict[str, Any] = {
            "bbox": LISBON_BOX,
            "near": BAIXA,
            "radius_km": 5,
            "property_type": ("private_room", "hotel_room"),
            "min_bedrooms": 2,
            "min_beds": 3,
            "min_bathrooms": 1.5,
            "instant_book": False,
            "pets_allowed": True,
            "check_in": IN,
            "check_out": OUT,
            "sort": ListingSort.PRICE,
        }

        first = read_model.search_listings(ListingSearch(**search, page=PageRequest(1, 2)), NOW)
        assert [x.id for x in first.items] == [cheap[0].id, cheap[1].id]
        assert first.total == 3
        beyond = read_model.search_listings(ListingSearch(**search, page=PageRequest(3, 2)), NOW)
        assert (beyond.items, beyond.total) == ([], 3)
        for name in misses:
            assert missing[name].id not in self.ids(read_model, **{**search, "sort": "newest"})
        undated = {k: v for k, v in search.items() if k not in ("check_in", "check_out")}
        assert self.ids(read_model, **undated)[0] == booked.id

    def test_detail_filters_alone(self, uow_factory: UowFactory, read_model: ReadModel) -> None:
        host = a_user(Role.HOST)
        home = a_listing(host, bedrooms=3, beds=4, bathrooms=2.0)
        room = a_listing(
            host,
            property_type="private_room",
            bedrooms=1,
            beds=1,
            bathrooms=0.5,
            instant_book=False,
            house_rules=HouseRules(pets_allowed=True),
        )
        save(uow_factory, host, home, room)

        assert self.ids(read_model, property_type=["private_room"]) == [room.id]
        both = ["private_room", "entire_home"]
        assert set(self.ids(read_model, property_type=both)) == {home.id, room.id}
        assert self.ids(read_model, property_type=["hotel_room"]) == []
        assert self.ids(read_model, min_bedrooms=2) == [home.id]
        assert self.ids(read_model, min_beds=4) == [home.id]
        assert self.ids(read_model, min_bathrooms=1.5) == [home.id]
        assert set(self.ids(read_model, min_bathrooms=0.5)) == {home.id, room.id}
        assert self.ids(read_model, instant_book=True) == [home.id]
        assert self.ids(read_model, instant_book=False) == [room.id]
        assert self.ids(read_model, pets_allowed=True) == [room.id]
        assert self.ids(read_model, pets_allowed=False) == [home.id]
