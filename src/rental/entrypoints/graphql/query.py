"""The root query: the caller, single objects (``null`` when missing or hidden), the search."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from rental.application.queries import ListingSearch
from rental.application.queries import ListingSort as SortValue
from rental.domain.accounts import users
from rental.domain.bookings import booking as bookings
from rental.domain.errors import NotFound
from rental.domain.listings import listing as listings
from rental.domain.listings.geo import MAX_RADIUS_KM
from rental.domain.payments import payment as payments
from rental.entrypoints.graphql.enums import ListingSort, PropertyType
from rental.entrypoints.graphql.inputs import UNSET, given_fields, loaded
from rental.entrypoints.graphql.types import (
    Booking,
    Info,
    Listing,
    ListingPage,
    Payment,
    User,
    page_request,
)
from rental.entrypoints.web.schemas.listings import ListingQuerySchema


@strawberry.input(description="A map's box in degrees; west > east crosses the antimeridian.")
class BoundingBoxInput:
    west: float
    south: float
    east: float
    north: float


@strawberry.input(description="A point in degrees.")
class PointInput:
    latitude: float
    longitude: float


@strawberry.input(description="Filters of the search; a null or missing one does not filter.")
class ListingFilter:
    city: str | None = UNSET
    country: str | None = UNSET
    guests: int | None = UNSET
    min_price: int | None = UNSET
    max_price: int | None = UNSET
    amenities: list[str] | None = UNSET
    check_in: date | None = UNSET
    check_out: date | None = UNSET
    bbox: BoundingBoxInput | None = strawberry.field(
        default=UNSET, description="Listings with coordinates inside the box."
    )
    near: PointInput | None = strawberry.field(
        default=UNSET,
        description="With radiusKm: listings with coordinates within the radius, each with "
        "its distanceKm; sort DISTANCE orders them nearest first.",
    )
    radius_km: float | None = strawberry.field(
        default=UNSET, description=f"Above 0, at most {MAX_RADIUS_KM:g}; goes with near."
    )
    property_type: list[PropertyType] | None = strawberry.field(
        default=UNSET, description="Listings of any of these types."
    )
    min_bedrooms: int | None = UNSET
    min_beds: int | None = UNSET
    min_bathrooms: float | None = UNSET
    instant_book: bool | None = UNSET
    pets_allowed: bool | None = UNSET


def _degrees(values: dict[str, Any], *names: str) -> str:
    """A box or a point as the query string of ``GET /listings`` carries it."""
    return ",".join(repr(values[name]) for name in names)


class FoundListing:
    """A listing found near a point: its own fields, and ``distance_km`` from the point."""

    def __init__(self, listing: listings.Listing, distance_km: float | None) -> None:
        self._listing = listing
        self.distance_km = distance_km

    def __getattr__(self, name: str) -> Any:
        return getattr(self._listing, name)


def search_of(
    filter_: ListingFilter | None, sort: ListingSort | None, page: int | None, per_page: int | None
) -> ListingSearch:
    """The ``ListingSearch`` of ``GET /listings``: the filters checked by its query schema,
    amenities normalized by ``ListingSearch`` as the query string's are."""
    given = given_fields(filter_, keep_null=False) if filter_ else {}
    amenities = given.pop("amenities", [])
    if "bbox" in given:
        given["bbox"] = _degrees(given["bbox"], "west", "south", "east", "north")
    if "near" in given:
        given["near"] = _degrees(given["near"], "latitude", "longitude")
    if "property_type" in given:
        given["property_type"] = ",".join(given["property_type"])  # wire values already
    filters = loaded(ListingQuerySchema(), given)
    for name in ("page", "per_page", "sort"):
        filters.pop(name, None)
    # attrs' ``converter=tuple`` is a generic mypy cannot solve: hence ``Any``.
    chosen: Any = tuple(amenities)
    return ListingSearch(
        **filters,
        amenities=chosen,
        sort=SortValue((sort or ListingSort.NEWEST).value),
        page=page_request(page, per_page),
    )


@strawberry.type(
    description="Nullable fields follow GitHub's convention: a missing or hidden "
    "object is null, without an error. Errors carry extensions.code as Apollo "
    "Server's do."
)
class Query:
    @strawberry.field(description="The caller; null when anonymous.")
    @staticmethod
    def me(info: Info) -> User | None:
        actor = info.context.actor
        if actor is None:
            return None
        found: users.User | None = info.context.reads.users_by_id([actor.user_id]).get(
            actor.user_id
        )
        return found  # type: ignore[return-value]

    @strawberry.field(description="Anyone's public profile; null when there is no such user.")
    @staticmethod
    def user(info: Info, id: strawberry.ID) -> User | None:
        return info.context.reads.users_by_id([str(id)]).get(str(id))  # type: ignore[return-value]

    @strawberry.field(
        description="Null when missing or deleted, or unlisted (but to its host and admins)."
    )
    @staticmethod
    def listing(info: Info, id: strawberry.ID) -> Listing | None:
        try:
            found: listings.Listing = info.context.reads.listing(str(id), info.context.actor)
        except NotFound:
            return None
        info.context.loaders.saw_listings([found])
        return found  # type: ignore[return-value]

    @strawberry.field(description="Active listings, as GET /listings finds and orders them.")
    @staticmethod
    def listings(
        info: Info,
        filter: ListingFilter | None = UNSET,
        sort: ListingSort | None = ListingSort.NEWEST,
        page: int | None = 1,
        per_page: int | None = 20,
    ) -> ListingPage:
        search = search_of(filter, sort, page, per_page)
        found = info.context.reads.search_listings(search)
        info.context.loaders.saw_listings(found.items)
        if search.near is not None:
            items = [FoundListing(x, search.distance_km(x)) for x in found.items]
            page_of = {"page": found.page, "per_page": found.per_page, "total": found.total}
            return ListingPage(items=items, **page_of)  # type: ignore[arg-type]
        return found  # type: ignore[return-value]

    @strawberry.field(description="To its guest, the listing's host or an admin; else null.")
    @staticmethod
    def booking(info: Info, id: strawberry.ID) -> Booking | None:
        context = info.context
        if context.actor is None:
            return None
        try:
            found: bookings.Booking = context.reads.booking(context.actor, str(id))
        except NotFound:
            return None
        context.loaders.saw_bookings([found])
        return found  # type: ignore[return-value]

    @strawberry.field(description="Visible as its booking is; else null.")
    @staticmethod
    def payment(info: Info, id: strawberry.ID) -> Payment | None:
        context = info.context
        if context.actor is None:
            return None
        try:
            found: payments.Payment = context.reads.payment(context.actor, str(id))
        except NotFound:
            return None
        context.loaders.saw_payments([found])
        return found  # type: ignore[return-value]
