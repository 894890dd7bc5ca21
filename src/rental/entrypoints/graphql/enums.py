"""The schema's enums: UPPER_CASE names over the domain's own values, so that a domain
string (``"pending"``) serializes as its GraphQL name (``PENDING``) without a mapping."""

from __future__ import annotations

from enum import Enum

import strawberry

from rental.application.queries import ListingSort as Sort
from rental.domain.accounts import users
from rental.domain.bookings import booking as bookings
from rental.domain.bookings import policies
from rental.domain.calendar import nights as calendar
from rental.domain.calendar import taxes
from rental.domain.listings import details as listing_details
from rental.domain.payments import payment as payments
from rental.domain.reviews import review as reviews


@strawberry.enum
class Role(Enum):
    GUEST = users.Role.GUEST.value
    HOST = users.Role.HOST.value
    ADMIN = users.Role.ADMIN.value


@strawberry.enum(description="The status now: an overdue pending booking reads EXPIRED.")
class BookingStatus(Enum):
    PENDING = bookings.BookingStatus.PENDING.value
    CONFIRMED = bookings.BookingStatus.CONFIRMED.value
    DECLINED = bookings.BookingStatus.DECLINED.value
    CANCELLED = bookings.BookingStatus.CANCELLED.value
    EXPIRED = bookings.BookingStatus.EXPIRED.value
    COMPLETED = bookings.BookingStatus.COMPLETED.value


@strawberry.enum
class CancellationPolicy(Enum):
    FLEXIBLE = policies.CancellationPolicy.FLEXIBLE.value
    MODERATE = policies.CancellationPolicy.MODERATE.value
    STRICT = policies.CancellationPolicy.STRICT.value


@strawberry.enum
class CancelledBy(Enum):
    GUEST = bookings.CancelledBy.GUEST.value
    HOST = bookings.CancelledBy.HOST.value
    ADMIN = bookings.CancelledBy.ADMIN.value


@strawberry.enum
class PaymentStatus(Enum):
    AUTHORIZED = payments.PaymentStatus.AUTHORIZED.value
    CAPTURED = payments.PaymentStatus.CAPTURED.value
    FAILED = payments.PaymentStatus.FAILED.value
    VOIDED = payments.PaymentStatus.VOIDED.value
    REFUNDED = payments.PaymentStatus.REFUNDED.value
    PARTIALLY_REFUNDED = payments.PaymentStatus.PARTIALLY_REFUNDED.value


@strawberry.enum
class UnavailableReason(Enum):
    BOOKED = calendar.Reason.BOOKED.value
    BLOCKED = calendar.Reason.BLOCKED.value


@strawberry.enum(
    description="Ties are broken by id, so pages are stable; RATING puts unrated last."
)
class ListingSort(Enum):
    NEWEST = Sort.NEWEST.value
    PRICE = Sort.PRICE.value
    PRICE_DESC = Sort.PRICE_DESC.value
    RATING = Sort.RATING.value
    DISTANCE = Sort.DISTANCE.value


@strawberry.enum
class PropertyType(Enum):
    ENTIRE_HOME = listing_details.PropertyType.ENTIRE_HOME.value
    PRIVATE_ROOM = listing_details.PropertyType.PRIVATE_ROOM.value
    SHARED_ROOM = listing_details.PropertyType.SHARED_ROOM.value
    HOTEL_ROOM = listing_details.PropertyType.HOTEL_ROOM.value


@strawberry.enum(
    description="PENDING: hidden from all but its author until both sides wrote or "
    "the 14 days after check-out passed; then PUBLISHED."
)
class ReviewStatus(Enum):
    PENDING = reviews.ReviewStatus.PENDING.value
    PUBLISHED = reviews.ReviewStatus.PUBLISHED.value


@strawberry.enum(
    description="PERCENT: amount in basis points of appliesTo; PER_GUEST_NIGHT: amount in "
    "minor units per guest per night."
)
class TaxKind(Enum):
    PERCENT = taxes.TaxKind.PERCENT.value
    PER_GUEST_NIGHT = taxes.TaxKind.PER_GUEST_NIGHT.value


@strawberry.enum(
    description="What a PERCENT tax is a share of: the nights after any discount, or those "
    "plus the cleaning and extra-guest fees (never the service fee)."
)
class TaxBase(Enum):
    NIGHTS = taxes.TaxBase.NIGHTS.value
    NIGHTS_AND_FEES = taxes.TaxBase.NIGHTS_AND_FEES.value
