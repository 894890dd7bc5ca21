"""Reviews: a guest rates a completed stay once; anyone reads a listing's reviews."""

from __future__ import annotations

from typing import Any

from flask import url_for
from flask.views import MethodView

from rental.application import commands as c
from rental.application.queries import Page, PageRequest
from rental.domain.reviews.review import Review
from rental.entrypoints.http.auth import current_actor, jwt_required
from rental.entrypoints.http.context import BEARER, Blueprint, get_rental, location_header
from rental.entrypoints.web.schemas.common import PageQuerySchema, page_of
from rental.entrypoints.web.schemas.reviews import ReviewRequestSchema, ReviewSchema

blp = Blueprint("reviews", __name__, description="Guests' reviews of their stays.")
LOCATION = location_header("The review's URL.")


@blp.route("/bookings/<booking_id>/review")
class BookingReview(MethodView):
    """The one review of a stay."""

    @jwt_required()
    @blp.response(200, ReviewSchema)
    @blp.problems(401, 404)
    @blp.doc(security=BEARER)
    @blp.doc(operationId="getBookingReview")
    def get(self, booking_id: str) -> Review:
        """The stay's review (an addition to API.md, the URL its creation answers with).

        For the booking's guest, the listing's host or an admin; 404 for anyone else, or
        when the stay has no review yet."""
        return get_rental().reads.review_of_booking(current_actor(), booking_id)

    @jwt_required()
    @blp.arguments(ReviewRequestSchema)
    @blp.response(201, ReviewSchema, headers=LOCATION)
    @blp.problems(400, 401, 403, 404, 409, 415, 422)
    @blp.doc(security=BEARER)
    @blp.doc(operationId="createReview")
    def post(self, body: dict[str, Any], booking_id: str) -> tuple[Review, int, dict[str, str]]:
        """Review your stay (the booking's guest): from its check-out date until 14 days after.

        422 when the stay is not completed or the 14 days have passed; 409 for a second
        review. The listing's `rating_average` and `review_count` follow."""
        command = c.SubmitReview(actor=current_actor(), booking_id=booking_id, **body)
        review: Review = get_rental().handle(command)
        location = url_for("reviews.BookingReview", booking_id=booking_id)
        return review, 201, {"Location": location}


@blp.route("/listings/<listing_id>/reviews")
@blp.doc(operationId="listListingReviews")
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, page_of(ReviewSchema))
@blp.problems(404, 422)
def listing_reviews(query: dict[str, Any], listing_id: str) -> Page[Review]:
    """A listing's reviews, newest first; public. 404 for a missing or deleted listing."""
    page = PageRequest(query["page"], query["per_page"])
    return get_rental().reads.listing_reviews(listing_id, page)
