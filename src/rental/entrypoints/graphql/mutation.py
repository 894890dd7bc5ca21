"""The root mutation: each field builds the command its HTTP twin builds, for the same bus.

Results are nullable (GitHub's convention): a mutation that fails answers ``null`` with its
error, and the other mutations of the document keep their answers.
"""

from __future__ import annotations

from typing import Any

import strawberry
from marshmallow import ValidationError

from rental.application import commands as c
from rental.domain.bookings import booking as bookings
from rental.domain.errors import InvalidInput
from rental.domain.listings import listing as listings
from rental.domain.payments import payment as payments
from rental.domain.reviews import review as reviews
from rental.domain.reviews.review import SUB_RATINGS
from rental.entrypoints.graphql.accounts import AccountMutation
from rental.entrypoints.graphql.inputs import (
    UNSET,
    CreateGuestReviewInput,
    CreateListingInput,
    CreateReviewInput,
    PayForBookingInput,
    RateRangeInput,
    ReportReviewInput,
    RequestBookingInput,
    RespondToReviewInput,
    UpdateListingInput,
    given_fields,
    loaded,
    wire_value,
)
from rental.entrypoints.graphql.types import (
    Booking,
    CalendarDay,
    Info,
    Listing,
    Payment,
    Review,
)
from rental.entrypoints.web.schemas.bookings import BookingRequestSchema
from rental.entrypoints.web.schemas.listings import ListingCreateSchema, ListingUpdateSchema
from rental.entrypoints.web.schemas.payments import IDEMPOTENCY_KEY, PaymentRequestSchema
from rental.entrypoints.web.schemas.pricing import CalendarChangeSchema
from rental.entrypoints.web.schemas.reviews import (
    GuestReviewRequestSchema,
    ReportRequestSchema,
    ResponseRequestSchema,
    ReviewRequestSchema,
)


def _idempotency_key(key: str | None) -> str | None:
    """The Idempotency-Key header's rule; left out (or null) is no key, as no header is."""
    if key is UNSET:
        return None
    if key is not None:
        try:
            IDEMPOTENCY_KEY(key)
        except ValidationError as error:
            raise InvalidInput({"idempotency_key": error.messages}) from None  # type: ignore[dict-item]
    return key


def _review(info: Info, command: Any) -> Review:
    review: reviews.Review = info.context.handle(command)
    info.context.loaders.saw_reviews([review])
    return review  # type: ignore[return-value]


def _booking(info: Info, command: Any) -> Booking:
    booking: bookings.Booking = info.context.handle(command)
    info.context.loaders.saw_bookings([booking])
    return booking  # type: ignore[return-value]


@strawberry.type(description="Every mutation needs a signed-in caller (UNAUTHENTICATED).")
class Mutation(AccountMutation):
    @strawberry.mutation(description="POST /listings (hosts and admins).")
    @staticmethod
    def create_listing(info: Info, input: CreateListingInput) -> Listing | None:
        actor = info.context.signed_in()
        fields = loaded(ListingCreateSchema(), given_fields(input, keep_null=False))
        listing: listings.Listing = info.context.handle(c.CreateListing(actor=actor, **fields))
        info.context.loaders.saw_listings([listing])
        return listing  # type: ignore[return-value]

    @strawberry.mutation(description="PATCH /listings/{id} (its host or an admin).")
    @staticmethod
    def update_listing(
        info: Info,
        id: strawberry.ID,
        input: UpdateListingInput,
    ) -> Listing | None:
        actor = info.context.signed_in()
        changes = loaded(ListingUpdateSchema(), given_fields(input, keep_null=True))
        command = c.UpdateListing(actor=actor, listing_id=str(id), **changes)
        listing: listings.Listing = info.context.handle(command)
        info.context.loaders.saw_listings([listing])
        return listing  # type: ignore[return-value]

    @strawberry.mutation(
        description="PUT /listings/{id}/calendar (its host or an admin): "
        "ranges in order, the later winning; the nights touched."
    )
    @staticmethod
    def update_calendar(
        info: Info, listing_id: strawberry.ID, ranges: list[RateRangeInput]
    ) -> list[CalendarDay] | None:
        actor = info.context.signed_in()
        body = {"ranges": [given_fields(r, keep_null=True) for r in ranges]}
        checked = loaded(CalendarChangeSchema(), body)
        command = c.UpdateCalendar(
            actor=actor, listing_id=str(listing_id), ranges=tuple(checked["ranges"])
        )
        start, end = info.context.handle(command)
        return list(info.context.reads.rate_calendar(str(listing_id), start, end).days)  # type: ignore[arg-type]

    @strawberry.mutation(description="POST /bookings: pending, its nights held at once.")
    @staticmethod
    def request_booking(info: Info, input: RequestBookingInput) -> Booking | None:
        actor = info.context.signed_in()
        body = loaded(BookingRequestSchema(), given_fields(input, keep_null=True))
        return _booking(info, c.RequestBooking(actor=actor, **body))

    @strawberry.mutation(
        description="POST /bookings/{id}/payments; PAYMENT_DECLINED names the "
        "failed payment in extensions.paymentId."
    )
    @staticmethod
    def pay_for_booking(info: Info, input: PayForBookingInput) -> Payment | None:
        actor = info.context.signed_in()
        body = {"payment_method": input.payment_method, "payment_token": input.payment_token}
        checked = loaded(PaymentRequestSchema(), body)
        command = c.PayForBooking(
            actor=actor,
            booking_id=str(wire_value(input.booking_id)),
            idempotency_key=_idempotency_key(input.idempotency_key),
            **checked,
        )
        payment: payments.Payment = info.context.handle(command)
        info.context.loaders.saw_payments([payment])
        return payment  # type: ignore[return-value]

    @strawberry.mutation(description="POST /bookings/{id}/confirm (the listing's host).")
    @staticmethod
    def confirm_booking(info: Info, id: strawberry.ID) -> Booking | None:
        actor = info.context.signed_in()
        return _booking(info, c.ConfirmBooking(actor=actor, booking_id=str(id)))

    @strawberry.mutation(description="POST /bookings/{id}/decline (the listing's host).")
    @staticmethod
    def decline_booking(info: Info, id: strawberry.ID) -> Booking | None:
        actor = info.context.signed_in()
        return _booking(info, c.DeclineBooking(actor=actor, booking_id=str(id)))

    @strawberry.mutation(description="POST /bookings/{id}/cancel (its guest or the host).")
    @staticmethod
    def cancel_booking(info: Info, id: strawberry.ID) -> Booking | None:
        actor = info.context.signed_in()
        return _booking(info, c.CancelBooking(actor=actor, booking_id=str(id)))

    @strawberry.mutation(description="POST /bookings/{id}/review (its guest, after the stay).")
    @staticmethod
    def create_review(info: Info, input: CreateReviewInput) -> Review | None:
        actor = info.context.signed_in()
        values = given_fields(input, keep_null=False)
        values.pop("booking_id")
        body = loaded(ReviewRequestSchema(), values)
        sub_ratings = {name: body.pop(name) for name in SUB_RATINGS if name in body}
        command = c.SubmitReview(
            actor=actor, booking_id=str(input.booking_id), sub_ratings=sub_ratings, **body
        )
        return _review(info, command)

    @strawberry.mutation(
        description="POST /bookings/{id}/guest-review (the listing's host, after the stay)."
    )
    @staticmethod
    def create_guest_review(info: Info, input: CreateGuestReviewInput) -> Review | None:
        actor = info.context.signed_in()
        values = {"rating": input.rating, "comment": input.comment}
        body = loaded(GuestReviewRequestSchema(), values)
        return _review(
            info, c.SubmitGuestReview(actor=actor, booking_id=str(input.booking_id), **body)
        )

    @strawberry.mutation(
        description="POST /reviews/{id}/response (the reviewed side, once): "
        "the review with its response."
    )
    @staticmethod
    def respond_to_review(info: Info, input: RespondToReviewInput) -> Review | None:
        actor = info.context.signed_in()
        body = loaded(ResponseRequestSchema(), {"body": input.body})
        return _review(info, c.RespondToReview(actor=actor, review_id=str(input.review_id), **body))

    @strawberry.mutation(description="POST /reviews/{id}/report: true once the staff have it.")
    @staticmethod
    def report_review(info: Info, input: ReportReviewInput) -> bool | None:
        actor = info.context.signed_in()
        body = loaded(ReportRequestSchema(), {"reason": input.reason})
        info.context.handle(c.ReportReview(actor=actor, review_id=str(input.review_id), **body))
        return True
