"""Reviews both ways: the guest reviews the listing, the host the guest, after the stay; both
hidden until both wrote or 14 days passed; one public response each; reports."""

from __future__ import annotations

from typing import Any

from flask import url_for
from flask.views import MethodView

from rental.application import commands as c
from rental.application.queries import Page, PageRequest
from rental.application.review_views import ReviewView
from rental.domain.reviews.review import SUB_RATINGS, Review, Side
from rental.entrypoints.http.auth import current_actor, jwt_required
from rental.entrypoints.http.context import BEARER, Blueprint, get_rental, location_header
from rental.entrypoints.web.schemas.common import PageQuerySchema, page_of
from rental.entrypoints.web.schemas.reviews import (
    AcceptedSchema,
    GuestReviewRequestSchema,
    ReportRequestSchema,
    ResponseRequestSchema,
    ReviewRequestSchema,
    ReviewSchema,
)

blp = Blueprint("reviews", __name__, description="Reviews of stays, by guests and by hosts.")
LOCATION = location_header("The review's URL.")


@blp.route("/bookings/<booking_id>/review")
class BookingReview(MethodView):
    """The guest's review of the stay's listing."""

    @jwt_required()
    @blp.response(200, ReviewSchema)
    @blp.problems(401, 404)
    @blp.doc(security=BEARER)
    @blp.doc(operationId="getBookingReview")
    def get(self, booking_id: str) -> ReviewView:
        """The guest's review of the stay (an addition to the API, the URL its creation
        answers with).

        For the booking's guest, the listing's host or an admin; 404 for anyone else, or
        when the stay has no such review yet, or it is pending and you did not write it."""
        return get_rental().reads.review_of_booking(current_actor(), booking_id, Side.GUEST)

    @jwt_required()
    @blp.arguments(ReviewRequestSchema)
    @blp.response(201, ReviewSchema, headers=LOCATION)
    @blp.problems(400, 401, 403, 404, 409, 415, 422)
    @blp.doc(security=BEARER)
    @blp.doc(operationId="createReview")
    def post(self, body: dict[str, Any], booking_id: str) -> tuple[Review, int, dict[str, str]]:
        """Review your stay (the booking's guest): from its check-out date until 14 days after.

        Sub-ratings are optional, each an integer from 1 to 5. The review stays `pending`
        until the host has reviewed you too or the 14 days have passed; then both publish,
        and the listing's `rating_average`, sub-rating averages and `review_count` follow.
        422 when the stay is not completed or the 14 days have passed; 409 for a second
        review."""
        sub_ratings = {name: body.pop(name) for name in SUB_RATINGS if name in body}
        command = c.SubmitReview(
            actor=current_actor(), booking_id=booking_id, sub_ratings=sub_ratings, **body
        )
        review: Review = get_rental().handle(command)
        location = url_for("reviews.BookingReview", booking_id=booking_id)
        return review, 201, {"Location": location}


@blp.route("/bookings/<booking_id>/guest-review")
class BookingGuestReview(MethodView):
    """The host's review of the stay's guest."""

    @jwt_required()
    @blp.response(200, ReviewSchema)
    @blp.problems(401, 404)
    @blp.doc(security=BEARER)
    @blp.doc(operationId="getBookingGuestReview")
    def get(self, booking_id: str) -> ReviewView:
        """The host's review of the stay's guest (the URL its creation answers with).

        For the booking's guest, the listing's host or an admin; 404 for anyone else, or
        when the stay has no such review yet, or it is pending and you did not write it."""
        return get_rental().reads.review_of_booking(current_actor(), booking_id, Side.HOST)

    @jwt_required()
    @blp.arguments(GuestReviewRequestSchema)
    @blp.response(201, ReviewSchema, headers=LOCATION)
    @blp.problems(400, 401, 403, 404, 409, 415, 422)
    @blp.doc(security=BEARER)
    @blp.doc(operationId="createGuestReview")
    def post(self, body: dict[str, Any], booking_id: str) -> tuple[Review, int, dict[str, str]]:
        """Review your guest (the listing's host): from check-out until 14 days after.

        The review stays `pending` until the guest has reviewed the stay too or the 14 days
        have passed; then both publish. 422 when the stay is not completed or the 14 days
        have passed; 409 for a second review; 403 for anyone but the host."""
        command = c.SubmitGuestReview(actor=current_actor(), booking_id=booking_id, **body)
        review: Review = get_rental().handle(command)
        location = url_for("reviews.BookingGuestReview", booking_id=booking_id)
        return review, 201, {"Location": location}


@blp.route("/reviews/<review_id>/response", methods=["POST"])
@blp.doc(operationId="respondToReview", security=BEARER)
@jwt_required()
@blp.arguments(ResponseRequestSchema)
@blp.response(201, ReviewSchema, headers=LOCATION)
@blp.problems(400, 401, 403, 404, 409, 415, 422)
def respond(body: dict[str, Any], review_id: str) -> tuple[Review, int, dict[str, str]]:
    """Answer a published review about you, once and publicly (the host for the guest's
    review, the guest for the host's): `body` at most 1,000 characters.

    Answers the review with its `response`. 403 for anyone but the reviewed side; 409 for a
    second response; 404 for a review you cannot see."""
    command = c.RespondToReview(actor=current_actor(), review_id=review_id, body=body["body"])
    review: Review = get_rental().handle(command)
    return review, 201, {"Location": _review_url(review)}


@blp.route("/reviews/<review_id>/report", methods=["POST"])
@blp.doc(operationId="reportReview", security=BEARER)
@jwt_required()
@blp.arguments(ReportRequestSchema)
@blp.response(202, AcceptedSchema)
@blp.problems(400, 401, 404, 415, 422)
def report(body: dict[str, Any], review_id: str) -> dict[str, str]:
    """Report a review you can see to the marketplace's staff: `reason` at most 1,000
    characters. 202: the staff will look at it.

    A pending review (before both sides wrote, within the 14 days) is found by its author
    alone: 404 for everyone else."""
    command = c.ReportReview(actor=current_actor(), review_id=review_id, reason=body["reason"])
    get_rental().handle(command)
    return {"status": "accepted"}


def _review_url(review: Review) -> str:
    view = "reviews.BookingReview" if review.side == Side.GUEST else "reviews.BookingGuestReview"
    return url_for(view, booking_id=review.booking_id)


@blp.route("/listings/<listing_id>/reviews")
@blp.doc(operationId="listListingReviews")
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, page_of(ReviewSchema))
@blp.problems(404, 422)
def listing_reviews(query: dict[str, Any], listing_id: str) -> Page[ReviewView]:
    """A listing's published reviews by its guests, newest first; public. 404 for a missing
    or deleted listing."""
    page = PageRequest(query["page"], query["per_page"])
    return get_rental().reads.listing_reviews(listing_id, page)


@blp.route("/users/<user_id>/reviews")
@blp.doc(operationId="listUserReviews")
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, page_of(ReviewSchema))
@blp.problems(404, 422)
def user_reviews(query: dict[str, Any], user_id: str) -> Page[ReviewView]:
    """What hosts wrote about this guest, published, newest first (for hosts deciding on a
    request); public, as a listing's reviews are. 404 for a missing user."""
    page = PageRequest(query["page"], query["per_page"])
    return get_rental().reads.user_reviews(user_id, page)
