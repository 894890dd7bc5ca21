"""The schema's object types. Resolvers receive the domain's own objects (``Listing``,
``Booking``…) as their parent and read through the request's loaders and the read side."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, TypeAlias

import strawberry

from rental.application.queries import MAX_PER_PAGE, PageRequest
from rental.application.rate_reads import Quote as QuoteValue
from rental.application.review_views import ReviewView
from rental.domain.accounts import users
from rental.domain.bookings import booking as bookings
from rental.domain.errors import InvalidInput
from rental.domain.listings import listing as listings
from rental.domain.payments import payment as payments
from rental.domain.reviews import review as reviews
from rental.entrypoints.graphql.context import Context
from rental.entrypoints.graphql.enums import (
    BookingStatus,
    CancellationPolicy,
    CancelledBy,
    PaymentStatus,
    PropertyType,
    ReviewStatus,
    Role,
    TaxBase,
    TaxKind,
    UnavailableReason,
)
from rental.entrypoints.graphql.inputs import loaded
from rental.entrypoints.graphql.loaders import NO_ARGUMENTS
from rental.entrypoints.web.schemas.pricing import QuoteQuerySchema

if TYPE_CHECKING:
    from rental.entrypoints.graphql.photos import Photo

Info: TypeAlias = strawberry.Info[Context, None]


def page_request(page: int | None, per_page: int | None) -> PageRequest:
    """The limits check pages before anything runs; this keeps a resolver safe on its own.
    An explicit ``null`` is the default, as leaving the argument out is."""
    page = 1 if page is None else page
    per_page = 20 if per_page is None else per_page
    if page < 1:
        raise InvalidInput.field("page", "must be at least 1.")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise InvalidInput.field("perPage", f"must be 1 to {MAX_PER_PAGE}.")
    return PageRequest(page, per_page)


@strawberry.type(description="An account as others see it; private fields are null to them.")
class User:
    id: strawberry.ID
    username: str
    role: Role
    full_name: str | None
    bio: str | None
    created_at: datetime

    @strawberry.field(
        description="Whether the person deleted this account: its name, bio "
        "and email are gone and its username reads deleted-…; its bookings "
        "and reviews stay."
    )
    @staticmethod
    def deleted(root: strawberry.Parent[users.User]) -> bool:
        return root.is_deleted

    @strawberry.field(description="Null unless it is the caller's own, or the caller is an admin.")
    @staticmethod
    def email(root: strawberry.Parent[users.User], info: Info) -> str | None:
        return info.context.reads.email_of(info.context.actor, root)

    @strawberry.field(
        description="Whether the email is verified; null unless it is the "
        "caller's own account, or the caller is an admin."
    )
    @staticmethod
    def email_verified(root: strawberry.Parent[users.User], info: Info) -> bool | None:
        if info.context.reads.email_of(info.context.actor, root) is None:
            return None
        return root.email_verified

    @strawberry.field(description="The active listings this user hosts, newest first.")
    @staticmethod
    def listings(
        root: strawberry.Parent[users.User],
        info: Info,
        page: int | None = 1,
        per_page: int | None = 20,
    ) -> ListingPage:
        found = info.context.reads.host_listings(root.id, page_request(page, per_page))
        info.context.loaders.saw_listings(found.items)
        return found  # type: ignore[return-value]

    @strawberry.field(description="Newest check-in first; null unless the caller or an admin.")
    @staticmethod
    def trips(
        root: strawberry.Parent[users.User],
        info: Info,
        page: int | None = 1,
        per_page: int | None = 20,
    ) -> BookingPage | None:
        context = info.context
        found = context.reads.trips_of(context.actor, root.id, page_request(page, per_page))
        if found is not None:
            context.loaders.saw_bookings(found.items)
        return found  # type: ignore[return-value]

    @strawberry.field(
        description="Bookings on this user's listings, newest check-in first; "
        "null unless the caller or an admin."
    )
    @staticmethod
    def hosted_bookings(
        root: strawberry.Parent[users.User],
        info: Info,
        page: int | None = 1,
        per_page: int | None = 20,
    ) -> BookingPage | None:
        context = info.context
        page_of = page_request(page, per_page)
        found = context.reads.hosted_bookings_of(context.actor, root.id, page_of)
        if found is not None:
            context.loaders.saw_bookings(found.items)
        return found  # type: ignore[return-value]

    @strawberry.field(
        description="Published reviews hosts wrote about this user as a guest, "
        "newest first (GET /users/{id}/reviews); public."
    )
    @staticmethod
    def reviews(
        root: strawberry.Parent[users.User],
        info: Info,
        page: int | None = 1,
        per_page: int | None = 20,
    ) -> ReviewPage:
        found = info.context.loaders.user_reviews.load(root.id, page_request(page, per_page))
        return found  # type: ignore[return-value]


@strawberry.type(description="Nights [start, end) held by a booking or a block; never by whom.")
class Unavailable:
    start: date
    end: date
    reason: UnavailableReason


@strawberry.type(description="Minor units of currency.")
class Price:
    currency: str
    nightly_subtotal: int
    discount: int
    cleaning_fee: int
    service_fee: int
    total: int = strawberry.field(description="The sum of the lines.")
    nightly: list[NightlyPrice] = strawberry.field(description="Each night's price.")
    extra_guest_fees: int
    taxes: list[TaxLine]


@strawberry.type(description="One night of a stay and its price.")
class NightlyPrice:
    date: date
    price: int


@strawberry.type(description="One tax of a stay, as charged.")
class TaxLine:
    name: str
    amount: int


@strawberry.type(
    description="A rule refusing the stay: dates_unavailable, check_in_past, "
    "max_guests, max_advance_days, min_nights, max_nights, closed_to_arrival, "
    "closed_to_departure."
)
class QuoteReason:
    rule: str
    message: str


@strawberry.type(
    description="available: no booking or block holds any night of the stay, "
    "and no rule refuses it (reasons)."
)
class Quote:
    available: bool
    price: Price
    reasons: list[QuoteReason]


@strawberry.type(
    description="A tax of a listing: PERCENT (amount in basis points of appliesTo) or "
    "PER_GUEST_NIGHT (amount in minor units; appliesTo null)."
)
class Tax:
    name: str
    kind: TaxKind
    amount: int
    applies_to: TaxBase | None


@strawberry.type(description="One night with the price and rules in force on it.")
class CalendarDay:
    date: date
    available: bool
    price: int
    min_nights: int
    closed_to_arrival: bool
    closed_to_departure: bool


@strawberry.type(description="What guests may do there.")
class HouseRules:
    pets_allowed: bool
    smoking_allowed: bool
    events_allowed: bool


@strawberry.type(description="A home offered by a host. Money is in minor units of currency.")
class Listing:
    id: strawberry.ID
    title: str
    description: str | None
    address: str | None
    city: str
    country: str
    latitude: float | None
    longitude: float | None
    timezone: str
    price_per_night: int
    currency: str
    cleaning_fee: int
    weekly_discount_percent: int
    monthly_discount_percent: int
    max_guests: int
    min_nights: int
    max_nights: int
    instant_book: bool
    cancellation_policy: CancellationPolicy
    amenities: list[str]
    rating_average: float | None
    review_count: int
    created_at: datetime
    updated_at: datetime
    property_type: PropertyType
    bedrooms: int
    beds: int
    bathrooms: float = strawberry.field(description="A multiple of 0.5.")
    check_in_time: str = strawberry.field(description="HH:MM, the listing's time zone.")
    check_out_time: str = strawberry.field(description="HH:MM, the listing's time zone.")
    house_rules: HouseRules
    listed: bool = strawberry.field(
        description="False: out of search, cannot be booked; seen by its host and admins only."
    )
    weekend_price: int | None = strawberry.field(
        description="Friday and Saturday nights (listing time zone); null: none."
    )
    extra_guest_fee: int
    guests_included: int | None
    taxes: list[Tax]

    @strawberry.field(
        description="Each night of [from, to) (at most 731) with its price and "
        "rules (GET /listings/{id}/calendar)."
    )
    @staticmethod
    def calendar(
        root: strawberry.Parent[listings.Listing],
        info: Info,
        from_: Annotated[date, strawberry.argument(name="from")],
        to: date,
    ) -> list[CalendarDay]:
        view = info.context.reads.rate_calendar(root.id, from_, to)
        return list(view.days)  # type: ignore[arg-type]

    @strawberry.field(
        description="In order; its host and admins see every photo, others the READY ones."
    )
    @staticmethod
    def photos(
        root: strawberry.Parent[listings.Listing], info: Info
    ) -> list[Annotated[Photo, strawberry.lazy("rental.entrypoints.graphql.photos")]]:
        from rental.entrypoints.graphql.photos import listing_photos

        return listing_photos(info, root)  # type: ignore[return-value]

    @strawberry.field(
        description="Kilometres from the search's near point, to 2 decimals; null but in "
        "listings(filter: {near})."
    )
    @staticmethod
    def distance_km(root: strawberry.Parent[listings.Listing]) -> float | None:
        found: float | None = getattr(root, "distance_km", None)
        return found

    @strawberry.field(description="The first READY photo, or null.")
    @staticmethod
    def cover_photo(
        root: strawberry.Parent[listings.Listing], info: Info
    ) -> Annotated[Photo, strawberry.lazy("rental.entrypoints.graphql.photos")] | None:
        from rental.entrypoints.graphql.photos import cover_photo

        return cover_photo(info, root)  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def host(root: strawberry.Parent[listings.Listing], info: Info) -> User:
        return info.context.loaders.users.load(root.host_id, NO_ARGUMENTS)  # type: ignore[return-value]

    @strawberry.field(
        description="Live bookings and blocks overlapping [from, to): from before "
        "to, at most 731 days apart."
    )
    @staticmethod
    def availability(
        root: strawberry.Parent[listings.Listing],
        info: Info,
        from_: Annotated[date, strawberry.argument(name="from")],
        to: date,
    ) -> list[Unavailable]:
        info.context.reads.check_availability_window(from_, to)
        found = info.context.loaders.availability.load(root.id, (from_, to))
        return found or []  # type: ignore[return-value]

    @strawberry.field(
        description="What the stay would cost now, and in reasons each rule of requestBooking "
        "that would refuse it (GET /listings/{id}/quote); no hold. BAD_USER_INPUT only for "
        "arguments that answer 422 there: checkOut not after checkIn, guests out of range."
    )
    @staticmethod
    def quote(
        root: strawberry.Parent[listings.Listing],
        info: Info,
        check_in: date,
        check_out: date,
        guests: int = 1,
    ) -> Quote:
        arguments = {"check_in": check_in.isoformat(), "check_out": check_out.isoformat()}
        loaded(QuoteQuerySchema(), arguments | {"guests": guests})
        found: QuoteValue = info.context.reads.quote(root, check_in, check_out, guests)
        return found  # type: ignore[return-value]

    @strawberry.field(description="Published reviews by its guests, newest first.")
    @staticmethod
    def reviews(
        root: strawberry.Parent[listings.Listing],
        info: Info,
        page: int | None = 1,
        per_page: int | None = 20,
    ) -> ReviewPage:
        found = info.context.loaders.reviews.load(root.id, page_request(page, per_page))
        return found  # type: ignore[return-value]


@strawberry.type(description="The reviewed side's one public answer.")
class ReviewResponse:
    body: str
    created_at: datetime


@strawberry.type(
    description="A review of a completed stay: the guest's of the listing, or the "
    "host's of the guest (every sub-rating null); hidden from all but its author "
    "while PENDING."
)
class Review:
    id: strawberry.ID
    rating: int
    comment: str
    created_at: datetime
    cleanliness: int | None
    accuracy: int | None
    check_in: int | None
    communication: int | None
    location: int | None
    value: int | None
    response: ReviewResponse | None

    @strawberry.field(
        description="As everyone reads it now: PUBLISHED once its stay's 14 days "
        "have passed, whether or not the job has marked it."
    )
    @staticmethod
    def status(root: strawberry.Parent[ReviewView | reviews.Review]) -> ReviewStatus:
        return root.status  # type: ignore[return-value]

    @strawberry.field(description="Shown even after the listing was deleted.")
    @staticmethod
    def listing(root: strawberry.Parent[ReviewView | reviews.Review], info: Info) -> Listing:
        return info.context.loaders.listings.load(root.listing_id, NO_ARGUMENTS)  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def author(root: strawberry.Parent[ReviewView | reviews.Review], info: Info) -> User:
        return info.context.loaders.users.load(root.author_id, NO_ARGUMENTS)  # type: ignore[return-value]


@strawberry.type(description="A payment of a booking's total; never the card token.")
class Payment:
    id: strawberry.ID
    amount: int
    currency: str
    payment_method: str
    status: PaymentStatus
    refunded_amount: int
    failure_reason: str | None
    created_at: datetime

    @strawberry.field
    @staticmethod
    def booking(root: strawberry.Parent[payments.Payment], info: Info) -> Booking:
        return info.context.loaders.bookings.load(root.booking_id, NO_ARGUMENTS)  # type: ignore[return-value]


@strawberry.type(description="A stay: to its guest, the listing's host and admins only.")
class Booking:
    id: strawberry.ID
    check_in: date
    check_out: date
    nights: int
    guests: int
    cancelled_by: CancelledBy | None
    refund_amount: int | None
    created_at: datetime
    updated_at: datetime

    @strawberry.field(description="Shown even after the listing was deleted.")
    @staticmethod
    def listing(root: strawberry.Parent[bookings.Booking], info: Info) -> Listing:
        return info.context.loaders.listings.load(root.listing_id, NO_ARGUMENTS)  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def guest(root: strawberry.Parent[bookings.Booking], info: Info) -> User:
        return info.context.loaders.users.load(root.guest_id, NO_ARGUMENTS)  # type: ignore[return-value]

    @strawberry.field(description="The effective status now, as the HTTP API shows it.")
    @staticmethod
    def status(root: strawberry.Parent[bookings.Booking], info: Info) -> BookingStatus:
        return info.context.reads.now_status(root)  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def price(root: strawberry.Parent[bookings.Booking]) -> Price:
        return root.price  # type: ignore[return-value]

    @strawberry.field(description="Failed attempts included, oldest first.")
    @staticmethod
    def payments(root: strawberry.Parent[bookings.Booking], info: Info) -> list[Payment]:
        return info.context.loaders.payments.load(root.id, NO_ARGUMENTS) or []  # type: ignore[return-value]

    @strawberry.field(
        description="The guest's review of the stay; null while it is pending "
        "to anyone but the guest."
    )
    @staticmethod
    def review(root: strawberry.Parent[bookings.Booking], info: Info) -> Review | None:
        return info.context.loaders.review.load(root.id, NO_ARGUMENTS)  # type: ignore[return-value]


@strawberry.type
class ListingPage:
    items: list[Listing]
    page: int
    per_page: int
    total: int


@strawberry.type
class BookingPage:
    items: list[Booking]
    page: int
    per_page: int
    total: int


@strawberry.type
class ReviewPage:
    items: list[Review]
    page: int
    per_page: int
    total: int
