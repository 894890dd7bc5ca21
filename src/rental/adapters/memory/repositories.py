"""The repositories of the in-memory mode, each over one working copy of ``MemoryData``."""

from __future__ import annotations

from datetime import date, datetime

from rental.adapters.memory.store import MemoryData
from rental.application.repositories import (
    BlockRepository,
    BookingRepository,
    CalendarRepository,
    GuestQuery,
    GuestStanding,
    IdempotencyRecord,
    IdempotencyStore,
    ListingRepository,
    PaymentRepository,
    ReviewRepository,
    RevokedTokens,
    UserRepository,
)
from rental.domain.accounts.users import User
from rental.domain.bookings.booking import LIVE_STATUSES, Booking, BookingStatus
from rental.domain.calendar.calendar import Calendar, CalendarChanges, nights_to_load
from rental.domain.calendar.nights import Block, CalendarEntry, Reason
from rental.domain.calendar.rates import NO_OVERRIDES, RateCalendar, RateOverride
from rental.domain.calendar.stay import Stay, nights_overlap
from rental.domain.errors import (
    BookingNotFound,
    ListingNotFound,
    PaymentNotFound,
    ReviewNotFound,
    UserNotFound,
)
from rental.domain.limits import RecentBooking
from rental.domain.listings.listing import Listing
from rental.domain.payments.payment import Payment, PaymentStatus
from rental.domain.reviews.review import ReviewReport, ReviewStatus
from rental.domain.reviews.stay_reviews import StayReviews


class MemoryUsers(UserRepository):
    """Users by id."""

    def __init__(self, data: MemoryData) -> None:
        super().__init__()
        self._data = data

    def _add(self, user: User) -> None:
        self._data.users[user.id] = user

    def _get(self, user_id: str) -> User:
        try:
            return self._data.users[user_id]
        except KeyError:
            raise UserNotFound(f"No user {user_id}.") from None

    def _by_email(self, email: str) -> User | None:
        return next((u for u in self._data.users.values() if u.email == email.lower()), None)

    def matching(self, text: str, offset: int, limit: int) -> tuple[list[User], int]:
        wanted = text.lower()
        found = [
            u
            for u in self._data.users.values()
            if any(wanted in (v or "").lower() for v in (u.email, u.username, u.full_name))
        ]  # fmt: skip # the filter reads as one phrase
        found.sort(key=lambda u: u.id)
        found.sort(key=lambda u: u.created_at, reverse=True)
        return found[offset : offset + limit], len(found)

    def username_taken(self, username: str) -> bool:
        wanted = username.lower()
        return any(u.username.lower() == wanted for u in self._data.users.values())

    def email_look_alike_taken(self, skeleton: str, except_user_id: str | None = None) -> bool:
        users = self._data.users.values()
        return any(u.email_skeleton == skeleton and u.id != except_user_id for u in users)

    def username_look_alike_taken(self, skeleton: str) -> bool:
        return any(u.username_skeleton == skeleton for u in self._data.users.values())


class MemoryListings(ListingRepository):
    """Listings by id."""

    def __init__(self, data: MemoryData) -> None:
        super().__init__()
        self._data = data

    def _add(self, listing: Listing) -> None:
        self._data.listings[listing.id] = listing

    def _get(self, listing_id: str, for_update: bool) -> Listing:
        try:
            return self._data.listings[listing_id]
        except KeyError:
            raise ListingNotFound(f"No listing {listing_id}.") from None

    def _hosted_by(self, host_id: str) -> list[Listing]:
        listings = self._data.listings.values()
        return [x for x in listings if x.host_id == host_id and not x.is_deleted]

    def hosted_count(self, host_id: str) -> int:
        listings = self._data.listings.values()
        return sum(1 for x in listings if x.host_id == host_id and not x.is_deleted)


class MemoryCalendars(CalendarRepository):
    """Listing calendars computed from the store; the store's lock, held by the unit of work,
    is what serializes bookings. Blocks are the working copy's own objects, so those moved in
    place need no writing."""

    def __init__(self, data: MemoryData) -> None:
        super().__init__()
        self._data = data
        self._rates_read: dict[str, tuple[date, date]] = {}

    def _lock(
        self,
        listing_id: str,
        window: Stay | None,
        now: datetime,
        block_id: str | None,
        guest: GuestQuery | None,
    ) -> tuple[Calendar, GuestStanding | None]:
        standing = None if guest is None else self._standing(guest)
        return self._calendar(listing_id, window, now, block_id), standing

    def _standing(self, guest: GuestQuery) -> GuestStanding:
        user = self._data.users.get(guest.guest_id)
        recent = [
            RecentBooking.of(b)
            for b in self._data.bookings.values()
            if b.guest_id == guest.guest_id and b.created_at > guest.since
        ]
        earlier = None
        if guest.idempotency is not None:
            earlier = self._data.idempotency.get((guest.guest_id, *guest.idempotency))
        verified = user is not None and user.email_verified
        return GuestStanding(verified, tuple(recent), earlier)

    def _calendar(
        self, listing_id: str, window: Stay | None, now: datetime, block_id: str | None
    ) -> Calendar:
        listing = self._data.listings.get(listing_id)
        if listing is None:
            raise ListingNotFound(f"No listing {listing_id}.")
        since, until = nights_to_load(window, now)
        bookings = [
            b
            for b in self._data.bookings.values()
            if b.listing_id == listing_id
            and b.status in LIVE_STATUSES
            and nights_overlap(b.check_in, b.check_out, since, until)
        ]
        return Calendar.of(
            listing_id=listing.id,
            host_id=listing.host_id,
            listed=not listing.is_deleted,
            for_sale=listing.listed,
            terms=listing.terms,
            booked=[
                CalendarEntry(b.check_in, b.check_out, Reason.BOOKED, b.id)
                for b in bookings
                if b.is_live(now)
            ],
            blocks=[
                b
                for b in self._data.blocks.values()
                if b.listing_id == listing_id
                and (nights_overlap(b.start, b.end, since, until) or b.id == block_id)
            ],
            overdue=[b.id for b in bookings if not b.is_live(now)],
            window=window,
            overrides=self._overrides(listing_id, since, until),
        )

    def _overrides(self, listing_id: str, since: date, until: date) -> tuple[RateOverride, ...]:
        """The overrides over ``[since, until]``, as the SQL adapter reads them."""
        self._rates_read[listing_id] = (since, until)
        rates = self._data.rates.get(listing_id, NO_OVERRIDES)
        return tuple(o for o in rates.overrides if o.start <= until and since < o.end)

    def _write(self, calendar: Calendar, changes: CalendarChanges) -> None:
        for block in changes.removed_blocks:
            del self._data.blocks[block.id]
        for block in changes.added_blocks:
            self._data.blocks[block.id] = block
        for booking in changes.bookings:
            self._data.bookings[booking.id] = booking
        if changes.rates is not None:
            since, until = self._rates_read[calendar.listing_id]
            stored = self._data.rates.get(calendar.listing_id, NO_OVERRIDES).overrides
            kept = [o for o in stored if not (o.start <= until and since < o.end)]
            self._data.rates[calendar.listing_id] = RateCalendar((*kept, *changes.rates.overrides))


class MemoryBlocks(BlockRepository):
    """Blocks by id."""

    def __init__(self, data: MemoryData) -> None:
        self._data = data

    def add(self, block: Block) -> None:
        self._data.blocks[block.id] = block

    def upcoming(self, listing_id: str, since: date, until: date | None = None) -> list[Block]:
        return [
            b
            for b in self._data.blocks.values()
            if b.listing_id == listing_id and nights_overlap(b.start, b.end, since, until)
        ]


class MemoryBookings(BookingRepository):
    """Bookings by id."""

    def __init__(self, data: MemoryData) -> None:
        super().__init__()
        self._data = data

    def _add(self, booking: Booking) -> None:
        self._data.bookings[booking.id] = booking

    def _get(self, booking_id: str, for_update: bool) -> Booking:
        try:
            return self._data.bookings[booking_id]
        except KeyError:
            raise BookingNotFound(f"No booking {booking_id}.") from None

    def _live_on_listing(self, listing_id: str, since: date, until: date | None) -> list[Booking]:
        return [
            b
            for b in self._data.bookings.values()
            if b.listing_id == listing_id
            and b.status in LIVE_STATUSES
            and nights_overlap(b.check_in, b.check_out, since, until)
        ]

    def live_of_host(self, host_id: str, since: date) -> list[str]:
        found = [
            b
            for b in self._data.bookings.values()
            if b.host_id == host_id and b.status in LIVE_STATUSES and b.check_in >= since
        ]
        return [b.id for b in sorted(found, key=lambda b: (b.check_in, b.id))]

    def live_of_user(self, user_id: str, since: date) -> list[Booking]:
        found = [
            b
            for b in self._data.bookings.values()
            if user_id in (b.guest_id, b.host_id)
            and b.status in LIVE_STATUSES
            and b.check_out > since
        ]
        return sorted(found, key=lambda b: (b.check_in, b.id))

    def due_for_expiry_or_completion(self, now: datetime, limit: int) -> list[str]:
        due = [
            b
            for b in self._data.bookings.values()
            if (b.status == BookingStatus.PENDING and b.is_overdue(now))
            or (b.status == BookingStatus.CONFIRMED and b.today(now) >= b.check_out)
        ]
        return [b.id for b in sorted(due, key=lambda b: (b.created_at, b.id))[:limit]]


class MemoryPayments(PaymentRepository):
    """Payments by id."""

    def __init__(self, data: MemoryData) -> None:
        super().__init__()
        self._data = data

    def _add(self, payment: Payment) -> None:
        self._data.payments[payment.id] = payment

    def _get(self, payment_id: str) -> Payment:
        try:
            return self._data.payments[payment_id]
        except KeyError:
            raise PaymentNotFound(f"No payment {payment_id}.") from None

    def _for_booking(self, booking_id: str) -> list[Payment]:
        found = [p for p in self._data.payments.values() if p.booking_id == booking_id]
        return sorted(found, key=lambda p: (p.created_at, p.id))

    def _by_reference(self, reference: str) -> Payment | None:
        payments = self._data.payments.values()
        return next((p for p in payments if p.gateway_reference == reference), None)

    def failed_of_payer(self, payer_id: str, since: datetime) -> list[Payment]:
        return [
            p
            for p in self._data.payments.values()
            if p.payer_id == payer_id and p.status == PaymentStatus.FAILED and p.created_at > since
        ]

    def to_reconcile(self, since: datetime, limit: int) -> list[str]:
        found = [
            p
            for p in self._data.payments.values()
            if p.gateway_reference and (p.status == "authorized" or p.updated_at >= since)
        ]
        ordered = sorted(found, key=lambda p: (p.updated_at, p.id))[:limit]
        return [p.gateway_reference for p in ordered if p.gateway_reference]


class MemoryReviews(ReviewRepository):
    """Each stay's reviews by booking id, and the reports."""

    def __init__(self, data: MemoryData) -> None:
        super().__init__()
        self._data = data

    def _add(self, stay_reviews: StayReviews) -> None:
        self._data.stay_reviews[stay_reviews.booking_id] = stay_reviews

    def _for_booking(self, booking_id: str) -> StayReviews | None:
        return self._data.stay_reviews.get(booking_id)

    def _with_review(self, review_id: str) -> StayReviews:
        for stay in self._data.stay_reviews.values():
            if any(r.id == review_id for r in stay.reviews):
                return stay
        raise ReviewNotFound(f"No review {review_id}.")

    def add_report(self, report: ReviewReport) -> None:
        self._data.review_reports.append(report)

    def due_for_publication(self, now: datetime, limit: int) -> list[str]:
        due = [
            stay.booking_id
            for stay in self._data.stay_reviews.values()
            if any(
                r.status == ReviewStatus.PENDING and r.window_has_closed(now) for r in stay.reviews
            )
        ]
        return sorted(due)[:limit]


class MemoryIdempotency(IdempotencyStore):
    """Idempotency records by user, scope and key."""

    def __init__(self, data: MemoryData) -> None:
        self._data = data

    def get(self, user_id: str, scope: str, key: str) -> IdempotencyRecord | None:
        return self._data.idempotency.get((user_id, scope, key))

    def add(self, record: IdempotencyRecord) -> None:
        self._data.idempotency[(record.user_id, record.scope, record.key)] = record


class MemoryRevokedTokens(RevokedTokens):
    """Revoked token ids with their expiry."""

    def __init__(self, data: MemoryData) -> None:
        self._data = data

    def revoke(self, jti: str, expires_at: datetime) -> None:
        self._data.revoked[jti] = expires_at

    def is_revoked(self, jti: str) -> bool:
        return jti in self._data.revoked

    def active(self, now: datetime) -> list[tuple[str, datetime]]:
        return [(jti, at) for jti, at in self._data.revoked.items() if at > now]
