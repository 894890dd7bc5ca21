"""The in-memory read model: the same answers as the SQL one, computed in Python."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from rental.adapters.memory.store import MemoryStore
from rental.application.payout_reads import totals_of
from rental.application.queries import (
    ListingSearch,
    ListingSort,
    Page,
    PageRequest,
    PayoutRecord,
    PayoutTotals,
    ReadModel,
)
from rental.domain.accounts.users import TokenStanding, User
from rental.domain.bookings.booking import Booking
from rental.domain.calendar.nights import CalendarEntry, HeldNights
from rental.domain.calendar.rates import RateCalendar
from rental.domain.calendar.stay import Stay
from rental.domain.listings.geo import Point
from rental.domain.listings.listing import Listing
from rental.domain.payments.payment import Payment
from rental.domain.reviews.review import Review, Side

T = TypeVar("T")


def _page(items: Iterable[T], request: PageRequest, key: Callable[[T], Any]) -> Page[T]:
    ordered = sorted(items, key=key)
    chosen = ordered[request.offset : request.offset + request.per_page]
    return Page(items=chosen, page=request.page, per_page=request.per_page, total=len(ordered))


def _newest_first(value: datetime | date) -> float:
    return -(value.timestamp() if isinstance(value, datetime) else value.toordinal())


def _point_of(listing: Listing) -> Point | None:
    if listing.latitude is None or listing.longitude is None:
        return None
    return Point(listing.latitude, listing.longitude)


def _distance(search: ListingSearch, listing: Listing) -> float:
    circle, point = search.circle, _point_of(listing)
    return circle.distance_km(point) if circle and point else 0.0


class MemoryReadModel(ReadModel):
    """Reads a ``MemoryStore``'s committed state."""

    def __init__(self, store: MemoryStore) -> None:
        self._store = store

    def _calendar(self, listing_id: str, now: datetime) -> HeldNights:
        data = self._store.data
        bookings = [b for b in data.bookings.values() if b.listing_id == listing_id]
        blocks = [b for b in data.blocks.values() if b.listing_id == listing_id]
        return HeldNights.of(bookings, blocks, now)

    def user(self, user_id: str) -> User | None:
        return self._store.data.users.get(user_id)

    def token_standing(self, user_id: str, jti: str) -> TokenStanding | None:
        data = self._store.data
        user = data.users.get(user_id)
        if user is None:
            return None
        return TokenStanding(user.token_version, user.is_disabled, revoked=jti in data.revoked)

    def listing(self, listing_id: str) -> Listing | None:
        listing = self._store.data.listings.get(listing_id)
        return None if listing is None or listing.is_deleted else listing

    def _matches(self, listing: Listing, search: ListingSearch, now: datetime) -> bool:
        if listing.is_deleted or not listing.listed:
            return False
        if search.city is not None and listing.city.casefold() != search.city.casefold():
            return False
        if search.country is not None and listing.country != search.country.upper():
            return False
        if search.guests is not None and listing.max_guests < search.guests:
            return False
        price, nights = self._stay_price(listing, search)
        if search.min_price is not None and price < search.min_price * nights:
            return False
        if search.max_price is not None and price > search.max_price * nights:
            return False
        if not set(search.amenities) <= set(listing.amenities):
            return False
        if not self._details_match(listing, search) or not self._place_matches(listing, search):
            return False
        if search.check_in is not None and search.check_out is not None:
            stay = Stay(search.check_in, search.check_out)
            rates = self._store.data.rates.get(listing.id, RateCalendar())
            refusals = listing.terms.stay_refusals(stay, 1, now, rates)
            if any(r.rule not in ("check_in_past", "max_guests") for r in refusals):
                return False
            if self._calendar(listing.id, now).collisions(stay):
                return False
        return True

    @staticmethod
    def _details_match(listing: Listing, search: ListingSearch) -> bool:
        wanted = [
            (search.min_bedrooms, listing.bedrooms),
            (search.min_beds, listing.beds),
            (search.min_bathrooms, listing.bathrooms),
        ]
        if any(least is not None and has < least for least, has in wanted):
            return False
        if search.property_type and listing.property_type not in search.property_type:
            return False
        rules = (
            (search.instant_book, listing.instant_book),
            (search.pets_allowed, listing.house_rules.pets_allowed),
        )
        return all(want is None or want == has for want, has in rules)

    @staticmethod
    def _place_matches(listing: Listing, search: ListingSearch) -> bool:
        if not search.is_geographic:
            return True
        point = _point_of(listing)
        if point is None:
            return False
        circle = search.circle
        in_box = search.bbox is None or search.bbox.contains(point)
        return in_box and (circle is None or circle.contains(point))

    def _stay_price(self, listing: Listing, search: ListingSearch) -> tuple[int, int]:
        """``(nightly_subtotal, nights)`` of the searched stay, or the listing's own price
        for one night without dates."""
        if search.check_in is None or search.check_out is None:
            return listing.price_per_night, 1
        stay = Stay(search.check_in, search.check_out)
        rates = self._store.data.rates.get(listing.id, RateCalendar())
        return listing.terms.quote(stay, 1, rates).nightly_subtotal, stay.nights

    def search_listings(self, search: ListingSearch, now: datetime) -> Page[Listing]:
        with self._store.lock:
            found = [
                listing
                for listing in self._store.data.listings.values()
                if self._matches(listing, search, now)
            ]
        price = {listing.id: self._stay_price(listing, search)[0] for listing in found}
        keys: dict[ListingSort, Callable[[Listing], Any]] = {
            ListingSort.PRICE: lambda x: (price[x.id], x.id),
            ListingSort.PRICE_DESC: lambda x: (-price[x.id], x.id),
            ListingSort.RATING: lambda x: (
                x.rating_average is None,
                -(x.rating_average or Decimal(0)),
                x.id,
            ),
            ListingSort.NEWEST: lambda x: (_newest_first(x.created_at), x.id),
            ListingSort.DISTANCE: lambda x: (_distance(search, x), x.id),
        }
        return _page(found, search.page, keys[search.sort])

    def unavailable(
        self, listing_id: str, start: date, end: date, now: datetime
    ) -> list[CalendarEntry]:
        with self._store.lock:
            return self._calendar(listing_id, now).collisions(Stay(start, end))

    def rate_overrides(self, listing_id: str, start: date, end: date) -> RateCalendar:
        with self._store.lock:
            rates = self._store.data.rates.get(listing_id, RateCalendar())
        return RateCalendar(rates.overlapping(start, end + timedelta(days=1)))

    def booking(self, booking_id: str) -> Booking | None:
        return self._store.data.bookings.get(booking_id)

    def _bookings_page(self, keep: Callable[[Booking], bool], page: PageRequest) -> Page[Booking]:
        with self._store.lock:
            found = [b for b in self._store.data.bookings.values() if keep(b)]
        return _page(found, page, lambda b: (_newest_first(b.check_in), b.id))

    def trips(self, guest_id: str, page: PageRequest) -> Page[Booking]:
        return self._bookings_page(lambda b: b.guest_id == guest_id, page)

    def host_bookings(self, host_id: str, page: PageRequest) -> Page[Booking]:
        return self._bookings_page(lambda b: b.host_id == host_id, page)

    def payment(self, payment_id: str) -> Payment | None:
        return self._store.data.payments.get(payment_id)

    def booking_payments(self, booking_id: str) -> list[Payment]:
        with self._store.lock:
            found = [p for p in self._store.data.payments.values() if p.booking_id == booking_id]
        return sorted(found, key=lambda p: (p.created_at, p.id))

    def review_of_booking(self, booking_id: str, side: str = "guest") -> Review | None:
        reviews = self._store.reviews()
        return next((r for r in reviews if r.booking_id == booking_id and r.side == side), None)

    def listing_reviews(self, listing_id: str, page: PageRequest, now: datetime) -> Page[Review]:
        return self._published(lambda r: r.listing_id == listing_id, Side.GUEST, page, now)

    def _published(
        self, belongs: Callable[[Review], bool], side: Side, page: PageRequest, now: datetime
    ) -> Page[Review]:
        found = [
            r for r in self._store.reviews() if belongs(r) and r.side == side and r.is_public(now)
        ]
        return _page(found, page, lambda r: (_newest_first(r.created_at), r.id))

    # -- batches -------------------------------------------------------------------------
    def users_by_id(self, user_ids: Collection[str]) -> dict[str, User]:
        users = self._store.data.users
        return {i: users[i] for i in user_ids if i in users}

    def listings_by_id(self, listing_ids: Collection[str]) -> dict[str, Listing]:
        listings = self._store.data.listings
        return {i: listings[i] for i in listing_ids if i in listings}

    def bookings_by_id(self, booking_ids: Collection[str]) -> dict[str, Booking]:
        bookings = self._store.data.bookings
        return {i: bookings[i] for i in booking_ids if i in bookings}

    def payments_of_bookings(self, booking_ids: Collection[str]) -> dict[str, list[Payment]]:
        return {i: self.booking_payments(i) for i in booking_ids}

    def reviews_of_bookings(self, booking_ids: Collection[str]) -> dict[str, Review]:
        wanted = set(booking_ids)
        reviews = self._store.reviews()
        return {r.booking_id: r for r in reviews if r.booking_id in wanted and r.side == "guest"}

    def reviews_pages(
        self, listing_ids: Collection[str], page: PageRequest, now: datetime
    ) -> dict[str, Page[Review]]:
        return {i: self.listing_reviews(i, page, now) for i in listing_ids}

    def user_reviews_pages(
        self, user_ids: Collection[str], page: PageRequest, now: datetime
    ) -> dict[str, Page[Review]]:
        return {
            i: self._published(lambda r, i=i: r.subject_id == i, Side.HOST, page, now)  # type: ignore[misc]
            for i in user_ids
        }

    def unavailable_by_listing(
        self, listing_ids: Collection[str], start: date, end: date, now: datetime
    ) -> dict[str, list[CalendarEntry]]:
        return {i: self.unavailable(i, start, end, now) for i in listing_ids}

    def host_listings(self, host_id: str, page: PageRequest) -> Page[Listing]:
        with self._store.lock:
            found = [
                x
                for x in self._store.data.listings.values()
                if x.host_id == host_id and not x.is_deleted
            ]
        return _page(found, page, lambda x: (_newest_first(x.created_at), x.id))

    def _payout_records(self, host_id: str | None) -> list[PayoutRecord]:
        data = self._store.data
        balances: dict[str, int] = {}
        for entry in data.ledger:
            if entry.account == "host":
                balances[entry.booking_id] = balances.get(entry.booking_id, 0) + entry.amount
        recovered: dict[str, int] = {}
        for recovery in data.recoveries:
            recovered[recovery.booking_id] = recovered.get(recovery.booking_id, 0) + recovery.amount
        return [
            PayoutRecord(
                payout=p,
                balance=balances.get(p.booking_id, 0),
                recovered=recovered.get(p.booking_id, 0),
            )
            for p in data.payouts.values()
            if host_id is None or p.host_id == host_id
        ]

    def payouts(self, host_id: str | None, page: PageRequest) -> Page[PayoutRecord]:
        records = self._payout_records(host_id)
        records.sort(key=lambda r: (r.payout.due_at, r.payout.id), reverse=True)
        chosen = records[page.offset : page.offset + page.per_page]
        return Page(items=chosen, page=page.page, per_page=page.per_page, total=len(records))

    def payout_totals(self, host_id: str | None, now: datetime) -> list[PayoutTotals]:
        return totals_of(self._payout_records(host_id), now)
