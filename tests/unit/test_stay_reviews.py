"""Reviews both ways: the host reviews the guest, sub-ratings, the double-blind rule, one
response, reports, and what hosts read about a guest."""

from __future__ import annotations

from decimal import Decimal

import pytest

from rental.application import commands as c
from rental.application.queries import PageRequest
from rental.domain import events as e
from rental.domain.errors import (
    AlreadyResponded,
    AlreadyReviewed,
    BookingNotFound,
    InvalidInput,
    PermissionDenied,
    ReviewNotAllowed,
    ReviewNotFound,
)
from tests.matchers import exact
from tests.unit.builders import World, confirmed_stay


def ended_stay(world: World) -> tuple[c.Actor, c.Actor, str]:
    host, guest, booking = confirmed_stay(world, start=1, nights=2)
    world.clock.advance(days=3)  # check-out day
    return host, guest, booking.id


def by_guest(world: World, guest: c.Actor, booking_id: str, rating: int = 4, **subs: object) -> str:
    command = c.SubmitReview(
        actor=guest, booking_id=booking_id, rating=rating, comment="Nice",
        sub_ratings=subs,  # type: ignore[arg-type]
    )  # fmt: skip
    return str(world.handle(command).id)


def by_host(world: World, host: c.Actor, booking_id: str, rating: int = 5) -> str:
    command = c.SubmitGuestReview(actor=host, booking_id=booking_id, rating=rating, comment="Tidy")
    return str(world.handle(command).id)


def test_only_the_stays_host_reviews_its_guest_once_in_the_window() -> None:
    world = World()
    host, guest, booking = confirmed_stay(world, start=1, nights=2)
    with pytest.raises(
        ReviewNotAllowed,
        match=exact("booking: Only a completed stay (confirmed, check-out come) can be reviewed."),
    ):
        by_host(world, host, booking.id)
    world.clock.advance(days=3)
    with pytest.raises(
        PermissionDenied, match=exact("Only the listing's host may review the guest.")
    ):
        by_host(world, guest, booking.id)
    with pytest.raises(BookingNotFound):
        by_host(world, world.user("host"), booking.id)
    by_host(world, host, booking.id)
    with pytest.raises(AlreadyReviewed, match=exact("This stay has already been reviewed.")):
        by_host(world, host, booking.id)
    world.clock.advance(days=15)  # 15 days after check-out: too late for the guest
    with pytest.raises(
        ReviewNotAllowed,
        match=exact("booking: Reviews are accepted until 14 days after check-out."),
    ):
        by_guest(world, guest, booking.id)


@pytest.mark.parametrize("value", [0, 6, 3.5, "4", True])
def test_a_sub_rating_is_an_integer_from_1_to_5(value: object) -> None:
    world = World()
    _, guest, booking_id = ended_stay(world)
    with pytest.raises(InvalidInput) as raised:
        by_guest(world, guest, booking_id, cleanliness=value, value=value)
    assert raised.value.errors == {
        "cleanliness": ["must be an integer from 1 to 5."],
        "value": ["must be an integer from 1 to 5."],
    }
    assert world.events_of(e.ReviewSubmitted) == []


def test_an_unknown_sub_rating_is_refused_and_none_means_not_given() -> None:
    world = World()
    _, guest, booking_id = ended_stay(world)
    with pytest.raises(InvalidInput, match=exact("noise: is not a sub-rating.")):
        by_guest(world, guest, booking_id, noise=3)
    by_guest(world, guest, booking_id, cleanliness=5, accuracy=None)
    review = world.app.reads.review_of_booking(guest, booking_id)
    assert (review.cleanliness, review.accuracy, review.value) == (5, None, None)


def test_a_review_is_hidden_from_all_but_its_author_until_both_have_written() -> None:
    world = World()
    host, guest, booking_id = ended_stay(world)
    admin = world.user("admin")
    host_review = by_host(world, host, booking_id)
    assert world.app.reads.review_of_booking(host, booking_id, "host").status == "pending"
    for reader in (guest, admin):
        with pytest.raises(ReviewNotFound):
            world.app.reads.review_of_booking(reader, booking_id, "host")
        with pytest.raises(ReviewNotFound):
            world.handle(c.ReportReview(actor=reader, review_id=host_review, reason="x"))
    assert world.app.reads.user_reviews(guest.user_id, PageRequest()).total == 0
    assert world.events_of(e.ReviewPublished) == []

    guest_review = by_guest(world, guest, booking_id, 3, cleanliness=4)  # the second: both publish
    published = world.events_of(e.ReviewPublished)
    assert {(p.review_id, p.side, p.subject_id) for p in published} == {
        (host_review, "host", guest.user_id), (guest_review, "guest", host.user_id),
    }  # fmt: skip
    for reader in (host, guest, admin):
        assert world.app.reads.review_of_booking(reader, booking_id).status == "published"
        assert world.app.reads.review_of_booking(reader, booking_id, "host").id == host_review
    assert [r.id for r in world.app.reads.user_reviews(guest.user_id, PageRequest()).items] == [
        host_review
    ]
    listing = world.app.reads.listing(world.booking(guest, booking_id).listing_id)
    assert (listing.rating_average, listing.review_count) == (Decimal("3.00"), 1)
    assert listing.sub_rating_averages["cleanliness"] == Decimal("4.00")
    assert listing.sub_rating_averages["value"] is None
    assert world.app.publish_reviews() == 0  # nothing left: publication happens once
    assert len(world.events_of(e.ReviewPublished)) == 2


def test_a_review_whose_14_days_passed_reads_published_before_the_job_marks_it() -> None:
    world = World()
    host, guest, booking_id = ended_stay(world)
    by_guest(world, guest, booking_id, 2)
    world.clock.advance(days=14)  # the last day of the window
    with pytest.raises(ReviewNotFound):
        world.app.reads.review_of_booking(host, booking_id)
    world.clock.advance(days=1)
    assert world.app.reads.review_of_booking(host, booking_id).status == "published"
    listing_id = world.booking(guest, booking_id).listing_id
    assert world.app.reads.listing_reviews(listing_id, PageRequest()).total == 1
    assert world.app.reads.listing(listing_id).review_count == 0  # counted when marked
    assert world.app.publish_reviews() == 1
    assert world.app.publish_reviews() == 0
    assert world.app.reads.listing(listing_id).review_count == 1
    [event] = world.events_of(e.ReviewPublished)
    assert (event.side, event.subject_id, event.rating) == ("guest", host.user_id, 2)


def test_the_reviewed_side_answers_a_published_review_once() -> None:
    world = World()
    host, guest, booking_id = ended_stay(world)
    stranger = world.user("guest")
    guest_review = by_guest(world, guest, booking_id)
    respond = c.RespondToReview(actor=host, review_id=guest_review, body="Thank you!")
    with pytest.raises(ReviewNotFound):  # pending: the host cannot see it yet
        world.handle(respond)
    host_review = by_host(world, host, booking_id)
    for actor, review_id in ((stranger, guest_review), (guest, guest_review), (host, host_review)):
        with pytest.raises(
            PermissionDenied, match=exact("Only the reviewed side may answer a review.")
        ):
            world.handle(c.RespondToReview(actor=actor, review_id=review_id, body="Hi"))
    with pytest.raises(InvalidInput, match=exact("body: must be at most 1000 characters.")):
        world.handle(c.RespondToReview(actor=host, review_id=guest_review, body="x" * 1001))
    answered = world.handle(respond)
    assert answered.response.body == "Thank you!"
    with pytest.raises(AlreadyResponded, match=exact("This review already has its response.")):
        world.handle(respond)
    world.handle(c.RespondToReview(actor=guest, review_id=host_review, body="x" * 1000))
    assert len(world.events_of(e.ReviewResponseWritten)) == 2
    with pytest.raises(ReviewNotFound):
        world.handle(c.RespondToReview(actor=host, review_id="nope", body="Hi"))


def test_anyone_who_can_see_a_review_reports_it() -> None:
    world = World()
    host, guest, booking_id = ended_stay(world)
    stranger = world.user("guest")
    guest_review = by_guest(world, guest, booking_id)
    world.handle(c.ReportReview(actor=guest, review_id=guest_review, reason="Typo"))
    with pytest.raises(ReviewNotFound):
        world.handle(c.ReportReview(actor=stranger, review_id=guest_review, reason="Rude"))
    by_host(world, host, booking_id)
    with pytest.raises(InvalidInput, match=exact("reason: must not be blank.")):
        world.handle(c.ReportReview(actor=stranger, review_id=guest_review, reason=" "))
    world.handle(c.ReportReview(actor=stranger, review_id=guest_review, reason="Rude"))
    assert [(r.reporter_id, r.reason) for r in world.events_of(e.ReviewReported)] == [
        (guest.user_id, "Typo"), (stranger.user_id, "Rude"),
    ]  # fmt: skip
