"""Domain objects for contract tests, made through the domain's own factories."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from rental.application.unit_of_work import UnitOfWork
from rental.domain.accounts.users import Role, User
from rental.domain.aggregate import Aggregate
from rental.domain.bookings.booking import Booking
from rental.domain.calendar.calendar import Calendar
from rental.domain.calendar.nights import Block
from rental.domain.calendar.stay import Stay
from rental.domain.listings.listing import Listing
from rental.domain.payments.payment import Payment
from rental.domain.reviews.review import Review, Side
from rental.domain.reviews.stay_reviews import StayReviews

# Microseconds on purpose: a database that rounds them loses the round trip.
NOW = datetime(2030, 1, 10, 12, 30, 15, 123456, tzinfo=UTC)
TODAY = NOW.date()
UowFactory = Callable[[], UnitOfWork]


def new_id() -> str:
    return str(uuid.uuid4())


def a_user(role: Role = Role.GUEST, now: datetime = NOW, **fields: Any) -> User:
    name = uuid.uuid4().hex[:12]
    values: dict[str, Any] = {"username": f"u_{name}", "email": f"{name}@Example.com"}
    values.update(fields)
    return User.register(
        user_id=new_id(), role=role, password_hash="argon2$hash", now=now, **values
    )


def a_listing(host: User, now: datetime = NOW, **fields: Any) -> Listing:
    values: dict[str, Any] = {
        "title": "Flat by the river",
        "city": "Lisbon",
        "country": "PT",
        "price_per_night": 10_000,
        "max_guests": 4,
    }
    values.update(fields)
    return Listing.create(listing_id=new_id(), host_id=host.id, now=now, **values)


def a_booking(
    listing: Listing,
    guest: User,
    check_in: date,
    nights: int = 3,
    now: datetime = NOW,
    guests: int = 2,
) -> Booking:
    """A pending booking made at ``now`` (on a copy of the calendar that is free)."""
    stay = Stay(check_in, check_in + timedelta(days=nights))
    calendar = Calendar.of(
        listing_id=listing.id, host_id=listing.host_id, listed=True, terms=listing.terms
    )
    return calendar.request_booking(
        booking_id=new_id(), guest_id=guest.id, stay=stay, guests=guests, now=now
    )


def confirmed(booking: Booking, now: datetime) -> Booking:
    booking.record_payment_authorized(now)
    booking.confirm(now)
    return booking


def a_block(listing: Listing, start: date, nights: int, now: datetime = NOW) -> Block:
    end = start + timedelta(days=nights)
    return Block(id=new_id(), listing_id=listing.id, start=start, end=end, created_at=now)


def a_payment(booking: Booking, now: datetime = NOW) -> Payment:
    return Payment.authorized(
        payment_id=new_id(), booking_id=booking.id, payer_id=booking.guest_id,
        amount=booking.total, currency=booking.currency, payment_method="card",
        gateway_reference=f"ref_{uuid.uuid4().hex}", now=now,
    )  # fmt: skip


def a_review(
    booking: Booking, rating: int, now: datetime, side: Side = Side.GUEST, **sub_ratings: int
) -> StayReviews:
    """The stay's reviews with one side's written (pending until the 14 days end)."""
    stay = StayReviews.of_stay(booking)
    stay.write(
        side=side, review_id=new_id(), booking=booking, rating=rating, comment="Lovely.",
        sub_ratings=dict(sub_ratings), now=now,
    )  # fmt: skip
    return stay


def the_review(stay: StayReviews, side: Side = Side.GUEST) -> Review:
    found = stay.by_side(side)
    assert found is not None
    return found


def save(uow_factory: UowFactory, *things: Aggregate | Block) -> None:
    """Add each to its repository in one unit of work, and commit."""
    with uow_factory() as uow:
        for thing in things:
            if isinstance(thing, User):
                uow.users.add(thing)
            elif isinstance(thing, Listing):
                uow.listings.add(thing)
            elif isinstance(thing, Block):
                uow.blocks.add(thing)
            elif isinstance(thing, Booking):
                uow.bookings.add(thing)
            elif isinstance(thing, Payment):
                uow.payments.add(thing)
            elif isinstance(thing, StayReviews):
                uow.reviews.add(thing)
            else:
                raise TypeError(thing)
        uow.commit()
