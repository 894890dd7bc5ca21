"""The read side's port: queries that go straight to storage, not through aggregates."""

from __future__ import annotations

import abc
from collections.abc import Collection, Iterable
from datetime import date, datetime
from enum import StrEnum
from typing import Generic, TypeVar

from attrs import field, frozen

from rental.domain.accounts.users import TokenStanding, User
from rental.domain.bookings.booking import Booking
from rental.domain.calendar.nights import CalendarEntry
from rental.domain.calendar.rates import RateCalendar
from rental.domain.errors import InvalidInput
from rental.domain.listings.details import PropertyType
from rental.domain.listings.geo import BoundingBox, Circle, Point
from rental.domain.listings.listing import Listing, normalized_amenities
from rental.domain.payments.payment import Payment
from rental.domain.payments.payouts import Payout
from rental.domain.reviews.review import Review

T = TypeVar("T")
MAX_PER_PAGE = 100


@frozen
class PageRequest:
    """``page`` counts from 1; ``per_page`` is 1..100."""

    page: int = 1
    per_page: int = 20

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


@frozen
class Page(Generic[T]):
    """One page of results and the total across all pages."""

    items: list[T]
    page: int
    per_page: int
    total: int


@frozen(kw_only=True)
class PayoutRecord:
    """A payout as stored, with what its reads need beside it: the host's ledger balance for
    its booking now, and what later payouts have recovered of the host's debt for it."""

    payout: Payout
    balance: int
    recovered: int


@frozen(kw_only=True)
class PayoutTotals:
    """One currency's payouts summed: ``scheduled`` and ``due`` (the host's balances now),
    ``paid`` (sent), ``deducted`` (taken from payouts for refunds after earlier payouts) and
    ``owed`` (refunded after a payout, not yet recovered from a later one)."""

    currency: str
    scheduled: int
    due: int
    paid: int
    deducted: int
    owed: int


class ListingSort(StrEnum):
    PRICE = "price"
    PRICE_DESC = "-price"
    RATING = "rating"
    NEWEST = "newest"
    DISTANCE = "distance"  # from ``near``, nearest first


def property_types(names: Iterable[PropertyType | str]) -> tuple[PropertyType, ...]:
    """Each type once, in a stable order (so that equal searches are equal)."""
    return tuple(sorted({PropertyType(name) for name in names}))


@frozen(kw_only=True)
class ListingSearch:
    """Filters of ``GET /listings``; ``None`` means no filter.

    ``city`` matches exactly but case-insensitively; ``amenities`` must all be present;
    ``check_in``/``check_out`` keep only listings free for the whole stay whose min/max
    nights allow it. ``bbox`` and ``near`` with ``radius_km`` keep listings with coordinates
    inside the box and the circle. Sort ties are broken by id so that pages are stable.
    """

    city: str | None = None
    country: str | None = None
    guests: int | None = None
    min_price: int | None = None
    max_price: int | None = None
    amenities: tuple[str, ...] = field(default=(), converter=normalized_amenities)
    check_in: date | None = None
    check_out: date | None = None
    bbox: BoundingBox | None = None
    near: Point | None = None
    radius_km: float | None = None
    property_type: tuple[PropertyType, ...] = field(default=(), converter=property_types)
    min_bedrooms: int | None = None
    min_beds: int | None = None
    min_bathrooms: float | None = None
    instant_book: bool | None = None
    pets_allowed: bool | None = None
    sort: ListingSort = ListingSort.NEWEST
    page: PageRequest = PageRequest()

    @property
    def circle(self) -> Circle | None:
        """``near`` and ``radius_km`` together (checked by ``check_geography``)."""
        if self.near is None or self.radius_km is None:
            return None
        return Circle(self.near, self.radius_km)

    def distance_km(self, listing: Listing) -> float | None:
        """How far ``listing`` is from ``near``, in km to 2 decimals (None without ``near``)."""
        circle = self.circle
        if circle is None or listing.latitude is None or listing.longitude is None:
            return None
        return round(circle.distance_km(Point(listing.latitude, listing.longitude)), 2)

    @property
    def is_geographic(self) -> bool:
        return self.bbox is not None or self.near is not None

    def check_geography(self) -> None:
        """``near`` goes with ``radius_km`` (0 < radius <= 100), and ``sort=distance`` with
        ``near``."""
        if (self.near is None) != (self.radius_km is None):
            missing = "radius_km" if self.radius_km is None else "near"
            raise InvalidInput.field(missing, "near and radius_km go together.")
        if self.near is not None and self.radius_km is not None:
            Circle.checked(self.near, self.radius_km)
        if self.sort == ListingSort.DISTANCE and self.near is None:
            raise InvalidInput.field("sort", "sort=distance needs near (and radius_km).")


class ReadModel(abc.ABC):
    """Everything the read side asks of storage. No authorization here: see ``reads.py``."""

    @abc.abstractmethod
    def user(self, user_id: str) -> User | None: ...

    @abc.abstractmethod
    def token_standing(self, user_id: str, jti: str) -> TokenStanding | None:
        """What checking a token of ``user_id`` with id ``jti`` needs (asked on every
        authenticated request, so one cheap read), or None if there is no such user. Always
        of the primary: a replica behind it could still take a revoked token."""

    @abc.abstractmethod
    def listing(self, listing_id: str) -> Listing | None:
        """The listing if it exists and is not deleted."""

    @abc.abstractmethod
    def search_listings(self, search: ListingSearch, now: datetime) -> Page[Listing]:
        """Active listings matching ``search``; a stay filter ignores overdue pending bookings."""

    @abc.abstractmethod
    def unavailable(
        self, listing_id: str, start: date, end: date, now: datetime
    ) -> list[CalendarEntry]:
        """Live bookings and blocks overlapping ``[start, end)``, by start date."""

    def rate_overrides(self, listing_id: str, start: date, end: date) -> RateCalendar:
        """The listing's rate overrides over the dates ``[start, end]`` (the last one too: a
        stay's check-out day may be closed to departure)."""
        raise NotImplementedError

    @abc.abstractmethod
    def booking(self, booking_id: str) -> Booking | None: ...

    @abc.abstractmethod
    def trips(self, guest_id: str, page: PageRequest) -> Page[Booking]:
        """The guest's bookings, newest check-in first."""

    @abc.abstractmethod
    def host_bookings(self, host_id: str, page: PageRequest) -> Page[Booking]:
        """Bookings on the listings ``host_id`` hosts, newest check-in first."""

    @abc.abstractmethod
    def payment(self, payment_id: str) -> Payment | None: ...

    @abc.abstractmethod
    def booking_payments(self, booking_id: str) -> list[Payment]:
        """Oldest first."""

    @abc.abstractmethod
    def review_of_booking(self, booking_id: str, side: str = "guest") -> Review | None:
        """The stay's review by ``side`` (``guest`` or ``host``), whatever its status: the
        caller decides who may see it (``StayReviews.check_can_see``)."""

    @abc.abstractmethod
    def listing_reviews(self, listing_id: str, page: PageRequest, now: datetime) -> Page[Review]:
        """The guests' reviews of the listing published at ``now``, newest first."""

    @abc.abstractmethod
    def user_reviews_pages(
        self, user_ids: Collection[str], page: PageRequest, now: datetime
    ) -> dict[str, Page[Review]]:
        """The same page of the hosts' reviews of each guest among ``user_ids`` published at
        ``now``, newest first, every user mapped."""

    # -- batches: one round trip for many parents (the GraphQL API's loaders) ------------
    @abc.abstractmethod
    def users_by_id(self, user_ids: Collection[str]) -> dict[str, User]:
        """The users among ``user_ids`` that exist, by id."""

    @abc.abstractmethod
    def listings_by_id(self, listing_ids: Collection[str]) -> dict[str, Listing]:
        """The listings among ``listing_ids``, deleted ones included (a booking or a review
        still shows its listing), by id."""

    @abc.abstractmethod
    def bookings_by_id(self, booking_ids: Collection[str]) -> dict[str, Booking]: ...

    @abc.abstractmethod
    def payments_of_bookings(self, booking_ids: Collection[str]) -> dict[str, list[Payment]]:
        """Each booking's payments, oldest first; a booking without any maps to ``[]``."""

    @abc.abstractmethod
    def reviews_of_bookings(self, booking_ids: Collection[str]) -> dict[str, Review]:
        """The guest's review of each booking that has one (whatever its status), by id."""

    @abc.abstractmethod
    def reviews_pages(
        self, listing_ids: Collection[str], page: PageRequest, now: datetime
    ) -> dict[str, Page[Review]]:
        """The same page of each listing's published reviews (newest first), every listing
        mapped."""

    @abc.abstractmethod
    def unavailable_by_listing(
        self, listing_ids: Collection[str], start: date, end: date, now: datetime
    ) -> dict[str, list[CalendarEntry]]:
        """``unavailable()`` of each listing, every listing mapped."""

    @abc.abstractmethod
    def host_listings(self, host_id: str, page: PageRequest) -> Page[Listing]:
        """The active listings ``host_id`` hosts, newest first."""

    # -- the hosts' money ------------------------------------------------------------------
    @abc.abstractmethod
    def payouts(self, host_id: str | None, page: PageRequest) -> Page[PayoutRecord]:
        """``host_id``'s payouts (every host's for ``None``), newest due first."""

    @abc.abstractmethod
    def payout_totals(self, host_id: str | None, now: datetime) -> list[PayoutTotals]:
        """``host_id``'s payouts (every host's for ``None``) summed per currency, currencies
        in alphabetical order; scheduled or due as they read at ``now``."""
