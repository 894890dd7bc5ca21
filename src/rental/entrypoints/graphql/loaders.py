"""Per-request batch loaders: the objects a page's items point to, in one round trip.

graphql-core completes a list item by item, depth first, and Strawberry's ``DataLoader``
needs an event loop to gather the keys of the siblings. Here every object a resolver hands
out is *announced* first (``Loaders.saw_*``): the ids it points to wait in each loader, and
the first ``load`` of any of them fetches all that wait. So a page of 50 listings asks for
its 50 hosts in one statement, as it does for 5, with execution kept synchronous.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterable, Mapping
from datetime import date
from typing import Generic, TypeVar

from rental.application.commands import Actor
from rental.application.queries import Page, PageRequest
from rental.application.reads import Reads
from rental.application.review_views import ReviewView
from rental.domain.accounts.users import User
from rental.domain.bookings.booking import Booking
from rental.domain.calendar.nights import CalendarEntry
from rental.domain.listings.listing import Listing
from rental.domain.payments.payment import Payment
from rental.domain.reviews.review import Review

V = TypeVar("V")
P = TypeVar("P", bound=Hashable)
NO_ARGUMENTS: tuple[()] = ()  # the arguments of a field that takes none


class Batch(Generic[P, V]):
    """Values by parent id (and the field's arguments ``P``), loaded many ids at a time."""

    def __init__(self, load_many: Callable[[list[str], P], Mapping[str, V]]) -> None:
        self._load_many = load_many
        self._waiting: set[str] = set()
        self._loaded: dict[tuple[str, P], V | None] = {}

    def expect(self, ids: Iterable[str]) -> None:
        """These ids will be asked for: load them with the next one that is."""
        self._waiting.update(ids)

    def load(self, parent_id: str, arguments: P) -> V | None:
        key = (parent_id, arguments)
        if key not in self._loaded:
            wanted = {i for i in self._waiting if (i, arguments) not in self._loaded}
            wanted.add(parent_id)
            found = self._load_many(sorted(wanted), arguments)
            for i in wanted:
                self._loaded[(i, arguments)] = found.get(i)
        return self._loaded[key]


class Loaders:
    """The loaders of one request, over the read side and the caller's authorization."""

    def __init__(self, reads: Reads, actor: Actor | None) -> None:
        self._reads = reads
        self._actor = actor
        self._bookings: dict[str, Booking] = {}
        self.users: Batch[tuple[()], User] = Batch(self._users)
        self.listings: Batch[tuple[()], Listing] = Batch(self._listings)
        self.bookings: Batch[tuple[()], Booking] = Batch(self._visible_bookings)
        self.payments: Batch[tuple[()], list[Payment]] = Batch(self._payments)
        self.review: Batch[tuple[()], ReviewView] = Batch(self._review)
        self.reviews: Batch[PageRequest, Page[ReviewView]] = Batch(self._reviews_pages)
        self.user_reviews: Batch[PageRequest, Page[ReviewView]] = Batch(self._user_reviews)
        self.availability: Batch[tuple[date, date], list[CalendarEntry]] = Batch(self._availability)
        self.by_area: dict[str, object] = {}  # a business area's own batches (messaging)
        self.listing_ids: set[str] = set()  # every listing handed out (photos batch on them)

    # -- announcing what a resolver hands out ------------------------------------------
    def saw_listings(self, listings: Collection[Listing]) -> None:
        self.users.expect(x.host_id for x in listings)
        ids = [x.id for x in listings]
        self.reviews.expect(ids)
        self.availability.expect(ids)
        self.listing_ids.update(ids)

    def saw_bookings(self, bookings: Collection[Booking]) -> None:
        self._bookings.update((b.id, b) for b in bookings)
        self.listings.expect(b.listing_id for b in bookings)
        self.users.expect(b.guest_id for b in bookings)
        ids = [b.id for b in bookings]
        self.payments.expect(ids)
        self.review.expect(ids)

    def saw_reviews(self, reviews: Collection[Review | ReviewView]) -> None:
        self.listings.expect(r.listing_id for r in reviews)
        self.users.expect(r.author_id for r in reviews)

    def saw_payments(self, payments: Collection[Payment]) -> None:
        self.bookings.expect(p.booking_id for p in payments)

    # -- the batches -------------------------------------------------------------------
    def _users(self, ids: list[str], _: tuple[()]) -> dict[str, User]:
        return self._reads.users_by_id(ids)

    def _listings(self, ids: list[str], _: tuple[()]) -> dict[str, Listing]:
        found = self._reads.listings_by_id(ids)
        self.saw_listings(found.values())
        return found

    def _visible_bookings(self, ids: list[str], _: tuple[()]) -> dict[str, Booking]:
        found = self._reads.visible_bookings(self._actor, ids)
        self.saw_bookings(found.values())
        return found

    def _known_bookings(self, ids: list[str]) -> list[Booking]:
        return [self._bookings[i] for i in ids if i in self._bookings]

    def _payments(self, ids: list[str], _: tuple[()]) -> dict[str, list[Payment]]:
        found = self._reads.payments_of_bookings(self._actor, self._known_bookings(ids))
        self.saw_payments([p for payments in found.values() for p in payments])
        return found

    def _review(self, ids: list[str], _: tuple[()]) -> dict[str, ReviewView]:
        found = self._reads.reviews_of_bookings(self._actor, self._known_bookings(ids))
        self.saw_reviews(found.values())
        return found

    def _reviews_pages(self, ids: list[str], page: PageRequest) -> dict[str, Page[ReviewView]]:
        found = self._reads.reviews_pages(ids, page)
        self.saw_reviews([r for each in found.values() for r in each.items])
        return found

    def _user_reviews(self, ids: list[str], page: PageRequest) -> dict[str, Page[ReviewView]]:
        found = self._reads.user_reviews_pages(ids, page)
        self.saw_reviews([r for each in found.values() for r in each.items])
        return found

    def _availability(
        self, ids: list[str], window: tuple[date, date]
    ) -> dict[str, list[CalendarEntry]]:
        return self._reads.availability_of(ids, *window)
