"""What a review is made of: an integer rating from 1 to 5, a comment that may span lines,
and its author, who is always the stay's guest."""

from __future__ import annotations

import pytest

from rental.application import commands as c
from rental.domain.errors import InvalidInput
from rental.domain.events import ReviewSubmitted
from tests.matchers import exact
from tests.unit.builders import World, confirmed_stay

RATING_RULE = {"rating": ["must be an integer from 1 to 5."]}


def completed_stay(world: World) -> tuple[c.Actor, c.Actor, str]:
    host, guest, booking = confirmed_stay(world, start=1, nights=1)
    world.clock.advance(days=2)
    return host, guest, booking.id


@pytest.mark.parametrize("rating", [True, False, 4.0, "5", 0, 6])
def test_a_rating_is_an_integer_from_1_to_5_and_never_a_boolean(rating: object) -> None:
    world = World()
    _, guest, booking_id = completed_stay(world)
    with pytest.raises(
        InvalidInput, match=exact("rating: must be an integer from 1 to 5.")
    ) as raised:
        world.handle(c.SubmitReview(actor=guest, booking_id=booking_id, rating=rating))  # type: ignore[arg-type]
    assert raised.value.errors == RATING_RULE
    assert world.events_of(ReviewSubmitted) == []


@pytest.mark.parametrize("rating", [1, 5])
def test_the_lowest_and_highest_ratings_are_accepted(rating: int) -> None:
    world = World()
    _, guest, booking_id = completed_stay(world)
    world.handle(c.SubmitReview(actor=guest, booking_id=booking_id, rating=rating))
    assert [e.rating for e in world.events_of(ReviewSubmitted)] == [rating]


def test_a_comment_may_span_lines_and_be_indented_with_tabs() -> None:
    world = World()
    _host, guest, booking_id = completed_stay(world)
    comment = "Great flat.\r\n\tQuiet street.\nWould stay again."
    world.handle(c.SubmitReview(actor=guest, booking_id=booking_id, rating=5, comment=comment))
    assert world.app.reads.review_of_booking(guest, booking_id).comment == comment


def test_a_comment_refuses_other_control_characters() -> None:
    world = World()
    _, guest, booking_id = completed_stay(world)
    with pytest.raises(
        InvalidInput, match=exact("comment: must not contain other control characters.")
    ) as raised:
        world.handle(c.SubmitReview(actor=guest, booking_id=booking_id, rating=5, comment="a\x07b"))
    assert raised.value.errors == {"comment": ["must not contain other control characters."]}


def test_the_review_and_its_event_name_the_guest_as_author() -> None:
    world = World()
    _host, guest, booking_id = completed_stay(world)
    world.handle(c.SubmitReview(actor=guest, booking_id=booking_id, rating=4, comment="Nice"))
    review = world.app.reads.review_of_booking(guest, booking_id)
    booking = world.booking(guest, booking_id)
    assert (review.author_id, review.booking_id, review.listing_id) == (
        guest.user_id, booking_id, booking.listing_id,
    )  # fmt: skip
    assert (review.rating, review.comment, review.created_at) == (4, "Nice", world.clock.now())
    assert world.events_of(ReviewSubmitted) == [
        ReviewSubmitted(
            occurred_at=world.clock.now(), review_id=review.id, booking_id=booking_id,
            listing_id=booking.listing_id, author_id=guest.user_id, rating=4,
        )
    ]  # fmt: skip
