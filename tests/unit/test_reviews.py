"""Reviews: by the guest, of a completed stay, within 14 days of check-out, once."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from rental.application import commands as c
from rental.domain.errors import (
    AlreadyReviewed,
    BookingNotFound,
    InvalidInput,
    PermissionDenied,
    ReviewNotAllowed,
)
from rental.domain.listings.listing import Listing
from tests.matchers import exact
from tests.unit.builders import START, World, confirmed_stay


def review(
    world: World, actor: c.Actor, booking_id: str, rating: int = 5, comment: str = ""
) -> None:
    world.handle(c.SubmitReview(actor=actor, booking_id=booking_id, rating=rating, comment=comment))


def test_the_guest_reviews_a_completed_stay_once_and_the_listing_rating_follows() -> None:
    world = World()
    host, guest, booking = confirmed_stay(world, start=1, nights=2)
    world.clock.advance(days=3)  # check-out day
    with pytest.raises(
        PermissionDenied, match=exact("Only the booking's guest may review the stay.")
    ):
        review(world, host, booking.id)
    with pytest.raises(BookingNotFound, match=exact("No booking id-4.")):
        review(world, world.user("guest"), booking.id)
    review(world, guest, booking.id, 4, "Lovely")
    listing = world.app.reads.listing(booking.listing_id)
    assert (listing.rating_average, listing.review_count) == (None, 0)  # pending
    with pytest.raises(AlreadyReviewed, match=exact("This stay has already been reviewed.")):
        review(world, guest, booking.id)
    world.handle(c.SubmitGuestReview(actor=host, booking_id=booking.id, rating=5))  # both publish
    listing = world.app.reads.listing(booking.listing_id)
    assert (listing.rating_average, listing.review_count) == (Decimal("4.00"), 1)
    assert world.app.reads.review_of_booking(host, booking.id).comment == "Lovely"


def test_a_stay_before_its_check_out_or_cancelled_cannot_be_reviewed() -> None:
    world = World()
    _, guest, booking = confirmed_stay(world, start=1, nights=2)
    world.clock.advance(days=2)  # the last night
    with pytest.raises(
        ReviewNotAllowed,
        match=exact("booking: Only a completed stay (confirmed, check-out come) can be reviewed."),
    ) as raised:
        review(world, guest, booking.id)
    assert "booking" in raised.value.errors
    world.handle(c.CancelBooking(actor=guest, booking_id=booking.id))
    world.clock.advance(days=1)
    with pytest.raises(
        ReviewNotAllowed,
        match=exact("booking: Only a completed stay (confirmed, check-out come) can be reviewed."),
    ):
        review(world, guest, booking.id)


@pytest.mark.parametrize(("moment", "allowed"), [
    (datetime(2030, 1, 18, 10, 59, tzinfo=UTC), True),  # 18 January, 23:59 in Auckland
    (datetime(2030, 1, 18, 11, 0, tzinfo=UTC), False),  # 19 January there: 15 days on
])  # fmt: skip
def test_reviews_close_14_days_after_check_out_in_the_listing_time_zone(
    moment: datetime, allowed: bool
) -> None:
    world = World(START)  # 2 January in Auckland
    _, guest, booking = confirmed_stay(world, start=1, nights=2, timezone="Pacific/Auckland")
    assert str(booking.check_out) == "2030-01-04"
    world.clock.set(moment)
    if allowed:
        review(world, guest, booking.id)
    else:
        with pytest.raises(
            ReviewNotAllowed,
            match=exact("booking: Reviews are accepted until 14 days after check-out."),
        ):
            review(world, guest, booking.id)


def test_rating_and_comment_are_checked_together() -> None:
    world = World()
    _, guest, booking = confirmed_stay(world, start=1, nights=1)
    world.clock.advance(days=2)
    for rating in (0, 6):
        with pytest.raises(
            InvalidInput,
            match=exact(
                "rating: must be an integer from 1 to 5.; comment: must be at most 2000 characters."
            ),
        ) as raised:
            review(world, guest, booking.id, rating, "x" * 2001)
        assert set(raised.value.errors) == {"rating", "comment"}
    review(world, guest, booking.id, 1, "x" * 2000)


def test_rating_average_is_the_mean_of_the_stays_rounded_half_up_to_2_decimals() -> None:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(host)
    bookings = [world.book(guest, listing, start=start, nights=2) for start in (1, 3, 5)]
    for booking in bookings:
        world.pay(guest, booking)
    world.clock.advance(days=7)
    for booking, rating in zip(bookings, (5, 4, 4), strict=True):
        review(world, guest, booking.id, rating)
    assert world.app.publish_reviews() == 0  # their 14 days run on
    world.clock.advance(days=15)
    assert world.app.publish_reviews() == 3
    assert world.app.publish_reviews() == 0
    listing = world.app.reads.listing(listing.id)
    assert (listing.rating_average, listing.review_count) == (Decimal("4.33"), 3)  # 13 / 3


@pytest.mark.parametrize(("ratings", "average"), [
    ((5, 5, 4), "4.67"),  # 4.666…
    ((5, 5, 5, 5, 5, 4, 4, 4), "4.63"),  # 4.625 rounds up, not to even
    ((1, 2), "1.50"),
])  # fmt: skip
def test_rating_average_rounding(ratings: tuple[int, ...], average: str) -> None:
    world = World()
    listing: Listing = world.listing(world.user("host"))
    for rating in ratings:
        listing.record_review(rating, START)
    assert listing.rating_average == Decimal(average)
    assert listing.review_count == len(ratings)
