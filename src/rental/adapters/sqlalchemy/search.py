"""The conditions of the listing search and of a listing's calendar, as SQL expressions.

A booking holds its nights while confirmed, or pending and not overdue
(``rental.domain.bookings.booking.holds_nights``). Rows are not updated when a pending
booking becomes overdue, so every query asks for that itself.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Collection
from datetime import datetime
from typing import Any

from attrs import frozen
from sqlalchemy import (
    Boolean,
    ColumnElement,
    String,
    and_,
    bindparam,
    exists,
    func,
    literal_column,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.sql import Executable
from sqlalchemy.sql.elements import BindParameter

from rental.adapters.sqlalchemy import tables as t
from rental.adapters.sqlalchemy.geo import (
    Span,
    box_parameters,
    distance_from_near,
    in_box,
    near_conditions,
    span_of,
)
from rental.adapters.sqlalchemy.rates import (
    price_between,
    stay_parameters,
    stay_rules,
    stay_subtotal,
)
from rental.application.queries import ListingSearch, ListingSort
from rental.domain.bookings.booking import LIVE_STATUSES, BookingStatus, hold_cutoffs
from rental.domain.calendar.stay import Stay
from rental.domain.listings.listing import Listing

L, B, K = t.listings.c, t.bookings.c, t.blocks.c
LIVE = [s.value for s in LIVE_STATUSES]


def nights_overlap(start: Any, end: Any, other_start: Any, other_end: Any) -> ColumnElement[bool]:
    """The overlap rule as SQL, built once (``rental.domain.calendar.stay.nights_overlap``):
    nights ``[start, end)`` and ``[other_start, other_end)`` (columns, values or bound
    parameters) share one when each starts before the other ends."""
    return and_(start < other_end, other_start < end)


def still_holds(unpaid_since: Any, unanswered_since: Any) -> ColumnElement[bool]:
    """A pending or confirmed booking row still holds its nights, given ``hold_cutoffs``
    (values or bound parameters). Never NULL, so that its negation is an overdue booking."""
    return or_(
        B.status == BookingStatus.CONFIRMED.value,
        and_(B.payment_authorized_at.is_(None), B.created_at > unpaid_since),
        and_(B.payment_authorized_at.is_not(None), B.payment_authorized_at > unanswered_since),
    )


def holds_nights(now: datetime) -> ColumnElement[bool]:
    """The SQL twin of ``rental.domain.bookings.booking.holds_nights``: the row holds its nights at
    ``now``."""
    return and_(B.status.in_(LIVE), still_holds(*hold_cutoffs(now)))


def _holding(stay: Stay, now: datetime) -> list[ColumnElement[bool]]:
    return [
        nights_overlap(B.check_in, B.check_out, stay.check_in, stay.check_out),
        holds_nights(now),
    ]


def live_bookings(listing_id: Any, stay: Stay, now: datetime) -> list[ColumnElement[bool]]:
    """Bookings of ``listing_id`` (a value or a column) that hold a night of ``stay``."""
    return [B.listing_id == listing_id, *_holding(stay, now)]


def live_bookings_of(
    listing_ids: Collection[str], stay: Stay, now: datetime
) -> list[ColumnElement[bool]]:
    """``live_bookings()`` of several listings in one query."""
    return [B.listing_id.in_(listing_ids), *_holding(stay, now)]


def overlapping_blocks(listing_id: Any, stay: Stay) -> list[ColumnElement[bool]]:
    return [
        K.listing_id == listing_id,
        nights_overlap(K.start, K.end, stay.check_in, stay.check_out),
    ]


def overlapping_blocks_of(listing_ids: Collection[str], stay: Stay) -> list[ColumnElement[bool]]:
    """``overlapping_blocks()`` of several listings in one query."""
    return [
        K.listing_id.in_(listing_ids),
        nights_overlap(K.start, K.end, stay.check_in, stay.check_out),
    ]


def on_the_market() -> list[ColumnElement[bool]]:
    """A listing anyone may find: neither deleted nor unlisted (by its host, or with its host
    disabled). Search and wishlists' pages both read it from here."""
    return [L.deleted_at.is_(None), L.listed.is_(True)]


def has_amenities(count: int, dialect: str) -> list[ColumnElement[bool]]:
    """Every one of the ``amenities`` parameter's values is in the listing's list
    (GIN-indexed ``@>`` on PostgreSQL); SQLite asks for each, ``amenity_0`` and on."""
    if not count:
        return []
    if dialect == "postgresql":
        return [type_coerce(L.amenities, JSONB).contains(bindparam("amenities", type_=JSONB))]
    if dialect == "sqlite":
        conditions: list[ColumnElement[bool]] = []
        for i in range(count):
            each = func.json_each(L.amenities).table_valued("value")
            conditions.append(
                exists(
                    select(literal_column("1"))
                    .select_from(each)
                    .where(each.c.value == bindparam(f"amenity_{i}"))
                )
            )
        return conditions
    return [func.json_contains(L.amenities, bindparam("amenities")) == 1]


LISTING_ORDER: dict[ListingSort, tuple[ColumnElement[Any], ...]] = {
    ListingSort.PRICE: (L.price_per_night.asc(), L.id.asc()),
    ListingSort.PRICE_DESC: (L.price_per_night.desc(), L.id.asc()),
    ListingSort.RATING: (L.rating_average.is_(None).asc(), L.rating_average.desc(), L.id.asc()),
    ListingSort.NEWEST: (L.created_at.desc(), L.id.asc()),
    ListingSort.DISTANCE: (distance_from_near().asc(), L.id.asc()),
}

# The filters on the listing's details: each compares a column with the parameter of its name.
DETAIL_FILTERS: dict[str, Any] = {
    "property_type": lambda: L.property_type.in_(bindparam("property_type", expanding=True)),
    "min_bedrooms": lambda: L.bedrooms >= bindparam("min_bedrooms"),
    "min_beds": lambda: L.beds >= bindparam("min_beds"),
    "min_bathrooms": lambda: L.bathrooms >= bindparam("min_bathrooms"),
    "instant_book": lambda: L.instant_book == bindparam("instant_book", type_=Boolean),
    "pets_allowed": lambda: L.pets_allowed == bindparam("pets_allowed", type_=Boolean),
}


def detail_filters(names: tuple[str, ...]) -> list[ColumnElement[bool]]:
    """The conditions of the detail filters ``names`` (keys of ``DETAIL_FILTERS``)."""
    return [DETAIL_FILTERS[name]() for name in names]


def detail_parameters(search: ListingSearch) -> dict[str, Any]:
    """The values of the detail filters ``search`` has, by name."""
    values = {name: getattr(search, name) for name in DETAIL_FILTERS}
    values["property_type"] = [kind.value for kind in search.property_type] or None
    return {name: value for name, value in values.items() if value is not None}


def place_conditions(bbox: Span | None, near: Span | None) -> list[ColumnElement[bool]]:
    """Inside the map's box, and within the radius of ``near``: only listings with
    coordinates (``geo.py``)."""
    return [*(in_box("bbox", bbox) if bbox else []), *(near_conditions(near) if near else [])]


def place_parameters(search: ListingSearch) -> dict[str, Any]:
    params: dict[str, Any] = {}
    if search.bbox is not None:
        params.update(box_parameters("bbox", search.bbox))
    if (circle := search.circle) is not None:
        params.update(box_parameters("near", circle.bounding_box()))
        params.update(
            near_latitude=circle.center.latitude,
            near_longitude=circle.center.longitude,
            radius_km=circle.radius_km,
        )
    return params


@frozen
class SearchShape:
    """Which filters a search has, and its order: the statement of ``GET /listings`` is built
    once for each shape and dialect (``search_statements``); a search's values are parameters."""

    city: bool
    country: bool
    guests: bool
    min_price: bool
    max_price: bool
    amenities: int
    dates: bool
    sort: ListingSort
    dialect: str
    details: tuple[str, ...] = ()  # names of ``DETAIL_FILTERS``
    bbox: Span | None = None
    near: Span | None = None


@frozen
class SearchStatements:
    """A page of listings with the total in a window count, and the count alone (for a page
    past the end). Their parameters: ``search_parameters``."""

    page: Executable
    count: Executable


def search_parameters(search: ListingSearch, now: datetime, dialect: str) -> dict[str, Any]:
    """The values of ``search`` (and the page) as the statements' parameters."""
    params: dict[str, Any] = {"limit": search.page.per_page, "offset": search.page.offset}
    if search.city is not None:
        params["city"] = search.city.strip()
    if search.country is not None:
        params["country"] = search.country.upper()
    for name in ("guests", "min_price", "max_price"):
        if (value := getattr(search, name)) is not None:
            params[name] = value
    wanted = _amenities(search)
    if dialect == "sqlite":
        params.update({f"amenity_{i}": amenity for i, amenity in enumerate(wanted)})
    elif wanted:
        params["amenities"] = wanted if dialect == "postgresql" else json.dumps(wanted)
    if search.check_in is not None and search.check_out is not None:
        unpaid_since, unanswered_since = hold_cutoffs(now)
        params.update(
            check_in=search.check_in,
            check_out=search.check_out,
            nights=Stay(search.check_in, search.check_out).nights,
            unpaid_since=unpaid_since,
            unanswered_since=unanswered_since,
            **stay_parameters(Stay(search.check_in, search.check_out), now),
        )
    params.update(detail_parameters(search))
    params.update(place_parameters(search))
    return params


def search_shape(search: ListingSearch, dialect: str) -> SearchShape:
    return SearchShape(
        city=search.city is not None,
        country=search.country is not None,
        guests=search.guests is not None,
        min_price=search.min_price is not None,
        max_price=search.max_price is not None,
        amenities=len(_amenities(search)),
        dates=search.check_in is not None and search.check_out is not None,
        sort=ListingSort(search.sort),
        dialect=dialect,
        details=tuple(detail_parameters(search)),
        bbox=span_of(search.bbox) if search.bbox else None,
        near=span_of(circle.bounding_box()) if (circle := search.circle) else None,
    )


def _amenities(search: ListingSearch) -> list[str]:
    return list(search.amenities)  # normalized by ``ListingSearch``


def price_filter(shape: SearchShape) -> list[ColumnElement[bool]]:
    """``min_price`` and ``max_price``: on the listing's price, or with dates on the stay's
    average nightly price (``rates.price_between``)."""
    low: Any = bindparam("min_price") if shape.min_price else None
    high: Any = bindparam("max_price") if shape.max_price else None
    if low is None and high is None:
        return []
    if shape.dates:
        return [price_between(low, high)]
    return [
        *([L.price_per_night >= low] if low is not None else []),
        *([L.price_per_night <= high] if high is not None else []),
    ]


@functools.lru_cache(maxsize=4096)  # the shapes in use: a few hundred of the possible ones
def search_statements(shape: SearchShape) -> SearchStatements:
    """The statements of ``GET /listings`` for searches of ``shape``: active listings matching
    every filter, a stay's nights free of live bookings and blocks."""
    where: list[Any] = on_the_market()
    if shape.city:
        # MariaDB's collation ignores case and its index is on the bare column.
        city: ColumnElement[bool] = L.city == bindparam("city")
        if shape.dialect != "mysql":
            city = func.lower(L.city) == func.lower(bindparam("city", type_=String))
        where.append(city)
    if shape.country:
        where.append(L.country == bindparam("country"))
    if shape.guests:
        where.append(L.max_guests >= bindparam("guests"))
    where += price_filter(shape)
    where += has_amenities(shape.amenities, shape.dialect)
    where += detail_filters(shape.details)
    where += place_conditions(shape.bbox, shape.near)
    if shape.dates:
        check_in: BindParameter[Any] = bindparam("check_in")
        check_out: BindParameter[Any] = bindparam("check_out")
        holding = [
            B.listing_id == L.id,
            nights_overlap(B.check_in, B.check_out, check_in, check_out),
            or_(*(B.status == status for status in LIVE)),
            still_holds(bindparam("unpaid_since"), bindparam("unanswered_since")),
        ]
        where += [
            *stay_rules(),
            L.max_nights >= bindparam("nights"),
            ~exists().where(*holding),
            ~exists().where(
                K.listing_id == L.id, nights_overlap(K.start, K.end, check_in, check_out)
            ),
        ]
    total = func.count().over().label("total")
    order = LISTING_ORDER[shape.sort]
    if shape.dates and shape.sort in (ListingSort.PRICE, ListingSort.PRICE_DESC):
        # The stay's average nightly price, as its subtotal (the same nights for every row).
        price = stay_subtotal()
        by_price = price.asc() if shape.sort == ListingSort.PRICE else price.desc()
        order = (by_price, L.id.asc())
    page = select(Listing, total).where(*where).order_by(*order)
    page = page.limit(bindparam("limit")).offset(bindparam("offset"))
    count = select(func.count()).select_from(t.listings).where(*where)
    return SearchStatements(page=page, count=count)
