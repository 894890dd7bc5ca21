"""The read side as callers use it: queries with the same authorization as the commands."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from rental.application.authorization import (
    can_see_account,
    can_see_booking,
    check_can_see_booking,
    check_can_see_payouts,
)
from rental.application.commands import Actor
from rental.application.payout_reads import PayoutView, view_of
from rental.application.ports import Clock
from rental.application.queries import (
    ListingSearch,
    Page,
    PageRequest,
    PayoutTotals,
    ReadModel,
)
from rental.application.rate_reads import CalendarView, Quote, calendar_view, quote_stay
from rental.application.review_views import ReviewView, page_of_views
from rental.domain.accounts.users import User
from rental.domain.bookings.booking import Booking
from rental.domain.calendar.nights import CalendarEntry
from rental.domain.calendar.stay import Stay
from rental.domain.errors import (
    AuthenticationFailed,
    BookingNotFound,
    InvalidInput,
    ListingNotFound,
    PaymentNotFound,
    ReviewNotFound,
    UserNotFound,
)
from rental.domain.listings.listing import Listing
from rental.domain.payments.payment import Payment

MAX_AVAILABILITY_DAYS = 731


class Reads:
    """What anyone may read, and what only the people concerned may."""

    def __init__(self, read_model: ReadModel, clock: Clock) -> None:
        self._model = read_model
        self._clock = clock

    def token_is_valid(self, user_id: str, jti: str, token_version: int) -> bool:
        """Whether a token still holds, asked of the database on every authenticated request
        in one read: its user exists and is enabled, ``token_version`` is current and the token
        (``jti``) was not revoked. A cache beside it (Redis) could answer "not revoked" only by
        trusting that it holds every revocation, which a Redis paused or restarted during a
        sign-out can leave untrue (issue 10)."""
        standing = self._model.token_standing(user_id, jti)
        if standing is None:
            return False
        try:
            standing.check_token_is_current(token_version)
        except AuthenticationFailed:
            return False
        return True

    def me(self, actor: Actor) -> User:
        user = self._model.user(actor.user_id)
        if user is None:
            raise UserNotFound("Your account no longer exists.")
        return user

    def listing(self, listing_id: str, viewer: Actor | None = None) -> Listing:
        """A listing that is not deleted; an unlisted one only for its host and admins."""
        listing = self._model.listing(listing_id)
        user_id, is_admin = (viewer.user_id, viewer.is_admin) if viewer else (None, False)
        if listing is None or not listing.is_visible_to(user_id, is_admin=is_admin):
            raise ListingNotFound(f"No listing {listing_id}.")
        return listing

    def search_listings(self, search: ListingSearch) -> Page[Listing]:
        if (search.check_in is None) != (search.check_out is None):
            raise InvalidInput.field("check_in", "check_in and check_out go together.")
        if search.check_in and search.check_out and search.check_out <= search.check_in:
            raise InvalidInput.field("check_out", "must be after check_in.")
        search.check_geography()
        return self._model.search_listings(search, self._clock.now())

    def availability(self, listing_id: str, start: date, end: date) -> list[CalendarEntry]:
        """Live bookings and blocks overlapping ``[start, end)`` (never who booked)."""
        self.listing(listing_id)
        self.check_availability_window(start, end)
        return self._model.unavailable(listing_id, start, end, self._clock.now())

    def check_availability_window(self, start: date, end: date) -> None:
        """``from`` before ``to``, at most 731 days apart."""
        if end <= start:
            raise InvalidInput.field("to", "must be after from.")
        if (end - start).days > MAX_AVAILABILITY_DAYS:
            raise InvalidInput.field(
                "to", f"the window may span at most {MAX_AVAILABILITY_DAYS} days."
            )

    def booking(self, actor: Actor, booking_id: str) -> Booking:
        booking = self._model.booking(booking_id)
        if booking is None:
            raise BookingNotFound(f"No booking {booking_id}.")
        check_can_see_booking(actor, booking)
        return booking

    def trips(self, actor: Actor, page: PageRequest) -> Page[Booking]:
        return self._model.trips(actor.user_id, page)

    def host_bookings(self, actor: Actor, page: PageRequest) -> Page[Booking]:
        return self._model.host_bookings(actor.user_id, page)

    def payment(self, actor: Actor, payment_id: str) -> Payment:
        payment = self._model.payment(payment_id)
        booking = None if payment is None else self._model.booking(payment.booking_id)
        if payment is None or booking is None or not can_see_booking(actor, booking):
            raise PaymentNotFound(f"No payment {payment_id}.")
        return payment

    def booking_payments(self, actor: Actor, booking_id: str) -> list[Payment]:
        self.booking(actor, booking_id)
        return self._model.booking_payments(booking_id)

    def review_of_booking(self, actor: Actor, booking_id: str, side: str = "guest") -> ReviewView:
        """The stay's review by ``side``, to the stay's guest, host and admins; while it is
        pending, to its author alone (double-blind)."""
        self.booking(actor, booking_id)
        review = self._model.review_of_booking(booking_id, side)
        now = self._clock.now()
        if review is None or not review.is_visible_to(actor.user_id, now):
            raise ReviewNotFound(f"Booking {booking_id} has no review.")
        return ReviewView.of(review, now)

    def listing_reviews(self, listing_id: str, page: PageRequest) -> Page[ReviewView]:
        self.listing(listing_id)
        now = self._clock.now()
        return page_of_views(self._model.listing_reviews(listing_id, page, now), now)

    def user_reviews(self, user_id: str, page: PageRequest) -> Page[ReviewView]:
        """What hosts wrote about guest ``user_id``, published; public."""
        if self._model.user(user_id) is None:
            raise UserNotFound(f"No user {user_id}.")
        return self.user_reviews_pages([user_id], page)[user_id]

    def payouts(self, actor: Actor, page: PageRequest) -> Page[PayoutView]:
        """The actor's payouts, newest due first: a host's own, every host's for an admin;
        a guest has none to read (``PermissionDenied``)."""
        check_can_see_payouts(actor)
        found = self._model.payouts(None if actor.is_admin else actor.user_id, page)
        now = self._clock.now()
        items = [view_of(record, now) for record in found.items]
        return Page(items=items, page=found.page, per_page=found.per_page, total=found.total)

    def payout_totals(self, actor: Actor) -> list[PayoutTotals]:
        """The actor's payouts summed per currency (same rules as ``payouts``)."""
        check_can_see_payouts(actor)
        host_id = None if actor.is_admin else actor.user_id
        return self._model.payout_totals(host_id, self._clock.now())

    def now_status(self, booking: Booking) -> str:
        """The status a client sees now (overdue pending reads expired, ended stays completed)."""
        return booking.status_at(self._clock.now()).value

    def quote(self, listing: Listing, check_in: date, check_out: date, guests: int) -> Quote:
        """``quote_listing`` of a listing already read (GraphQL's ``Listing.quote``): the price
        and each rule refusing the stay; nothing is held."""
        listing.check_is_active()
        stay, now = Stay(check_in, check_out), self._clock.now()
        return quote_stay(self._model, listing, stay, guests, now)

    def quote_listing(self, listing_id: str, check_in: date, check_out: date, guests: int) -> Quote:
        """``GET /listings/{id}/quote``: the price and each rule refusing the stay."""
        listing = self.listing(listing_id)
        return quote_stay(
            self._model, listing, Stay(check_in, check_out), guests, self._clock.now()
        )

    def rate_calendar(self, listing_id: str, start: date, end: date) -> CalendarView:
        """``GET /listings/{id}/calendar``: each night of ``[start, end)`` (at most 731)."""
        listing = self.listing(listing_id)
        self.check_availability_window(start, end)
        return calendar_view(self._model, listing, start, end, self._clock.now())

    # -- batches, for callers that read many parents at once (the GraphQL API) ----------
    def users_by_id(self, user_ids: Collection[str]) -> dict[str, User]:
        """Public profiles; what of them a caller may see is the caller's business
        (``can_see_account``)."""
        return self._model.users_by_id(user_ids)

    def listings_by_id(self, listing_ids: Collection[str]) -> dict[str, Listing]:
        """Listings as bookings and reviews show them: deleted ones included."""
        return self._model.listings_by_id(listing_ids)

    def visible_bookings(
        self, actor: Actor | None, booking_ids: Collection[str]
    ) -> dict[str, Booking]:
        """The bookings among ``booking_ids`` that ``actor`` may see."""
        if actor is None:
            return {}
        found = self._model.bookings_by_id(booking_ids)
        return {i: b for i, b in found.items() if can_see_booking(actor, b)}

    def payments_of_bookings(
        self, actor: Actor | None, bookings: Collection[Booking]
    ) -> dict[str, list[Payment]]:
        """The payments of the bookings ``actor`` may see (the others map to nothing)."""
        seen = [b.id for b in bookings if actor is not None and can_see_booking(actor, b)]
        return self._model.payments_of_bookings(seen)

    def reviews_of_bookings(
        self, actor: Actor | None, bookings: Collection[Booking]
    ) -> dict[str, ReviewView]:
        """The guest's review of each booking ``actor`` may see, when ``actor`` may see it."""
        if actor is None:
            return {}
        seen = [b.id for b in bookings if can_see_booking(actor, b)]
        now = self._clock.now()
        return {
            booking_id: ReviewView.of(review, now)
            for booking_id, review in self._model.reviews_of_bookings(seen).items()
            if review.is_visible_to(actor.user_id, now)
        }

    def reviews_pages(
        self, listing_ids: Collection[str], page: PageRequest
    ) -> dict[str, Page[ReviewView]]:
        now = self._clock.now()
        found = self._model.reviews_pages(listing_ids, page, now)
        return {i: page_of_views(p, now) for i, p in found.items()}

    def user_reviews_pages(
        self, user_ids: Collection[str], page: PageRequest
    ) -> dict[str, Page[ReviewView]]:
        """The same page of each user's published reviews by hosts."""
        now = self._clock.now()
        found = self._model.user_reviews_pages(user_ids, page, now)
        return {i: page_of_views(p, now) for i, p in found.items()}

    def availability_of(
        self, listing_ids: Collection[str], start: date, end: date
    ) -> dict[str, list[CalendarEntry]]:
        """``availability()`` of listings already read, in one round trip."""
        self.check_availability_window(start, end)
        return self._model.unavailable_by_listing(listing_ids, start, end, self._clock.now())

    def host_listings(self, host_id: str, page: PageRequest) -> Page[Listing]:
        return self._model.host_listings(host_id, page)

    def email_of(self, actor: Actor | None, user: User) -> str | None:
        """A user's email, to that user or an admin; ``None`` to anyone else."""
        return user.email if can_see_account(actor, user.id) else None

    def trips_of(
        self, actor: Actor | None, user_id: str, page: PageRequest
    ) -> Page[Booking] | None:
        """A user's trips, to that user or an admin; ``None`` to anyone else."""
        if not can_see_account(actor, user_id):
            return None
        return self._model.trips(user_id, page)

    def hosted_bookings_of(
        self, actor: Actor | None, user_id: str, page: PageRequest
    ) -> Page[Booking] | None:
        """The bookings on a user's listings, to that user or an admin; ``None`` to others."""
        if not can_see_account(actor, user_id):
            return None
        return self._model.host_bookings(user_id, page)
