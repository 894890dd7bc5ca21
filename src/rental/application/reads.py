"""The read side as callers use it: queries with the same authorization as the commands."""

from __future__ import annotations

from datetime import date

from rental.application.authorization import can_see_booking, check_can_see_booking
from rental.application.commands import Actor
from rental.application.ports import Clock
from rental.application.queries import ListingSearch, Page, PageRequest, ReadModel
from rental.domain.bookings import Booking
from rental.domain.calendar import CalendarEntry
from rental.domain.errors import (
    BookingNotFound,
    InvalidInput,
    ListingNotFound,
    PaymentNotFound,
    ReviewNotFound,
    UserNotFound,
)
from rental.domain.listings import Listing
from rental.domain.payments import Payment
from rental.domain.reviews import Review
from rental.domain.users import User

MAX_AVAILABILITY_DAYS = 731


class Reads:
    """What anyone may read, and what only the people concerned may."""

    def __init__(self, read_model: ReadModel, clock: Clock) -> None:
        self._model = read_model
        self._clock = clock

    def me(self, actor: Actor) -> User:
        user = self._model.user(actor.user_id)
        if user is None:
            raise UserNotFound("Your account no longer exists.")
        return user

    def listing(self, listing_id: str) -> Listing:
        listing = self._model.listing(listing_id)
        if listing is None:
            raise ListingNotFound(f"No listing {listing_id}.")
        return listing

    def search_listings(self, search: ListingSearch) -> Page[Listing]:
        if (search.check_in is None) != (search.check_out is None):
            raise InvalidInput.field("check_in", "check_in and check_out go together.")
        if search.check_in and search.check_out and search.check_out <= search.check_in:
            raise InvalidInput.field("check_out", "must be after check_in.")
        return self._model.search_listings(search, self._clock.now())

    def availability(self, listing_id: str, start: date, end: date) -> list[CalendarEntry]:
        """Live bookings and blocks overlapping ``[start, end)`` (never who booked)."""
        self.listing(listing_id)
        if end <= start:
            raise InvalidInput.field("to", "must be after from.")
        if (end - start).days > MAX_AVAILABILITY_DAYS:
            raise InvalidInput.field(
                "to", f"the window may span at most {MAX_AVAILABILITY_DAYS} days."
            )
        return self._model.unavailable(listing_id, start, end, self._clock.now())

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

    def review_of_booking(self, actor: Actor, booking_id: str) -> Review:
        self.booking(actor, booking_id)
        review = self._model.review_of_booking(booking_id)
        if review is None:
            raise ReviewNotFound(f"Booking {booking_id} has no review.")
        return review

    def listing_reviews(self, listing_id: str, page: PageRequest) -> Page[Review]:
        self.listing(listing_id)
        return self._model.listing_reviews(listing_id, page)

    def now_status(self, booking: Booking) -> str:
        """The status a client sees now (overdue pending reads expired, ended stays completed)."""
        return booking.status_at(self._clock.now()).value
