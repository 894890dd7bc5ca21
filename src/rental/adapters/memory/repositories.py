"""The repositories of the in-memory mode, each over one working copy of ``MemoryData``."""

from __future__ import annotations

from datetime import date, datetime

from rental.adapters.memory.store import MemoryData
from rental.application.repositories import (
    BlockRepository,
    BookingRepository,
    CalendarRepository,
    IdempotencyRecord,
    IdempotencyStore,
    ListingRepository,
    PaymentRepository,
    ReviewRepository,
    RevokedTokens,
    UserRepository,
)
from rental.domain.bookings import LIVE_STATUSES, Booking, BookingStatus
from rental.domain.calendar import Block, CalendarEntry, Reason
from rental.domain.errors import (
    BlockNotFound,
    BookingNotFound,
    ListingNotFound,
    PaymentNotFound,
    UserNotFound,
)
from rental.domain.listing_calendar import ListingCalendar
from rental.domain.listings import Listing
from rental.domain.payments import Payment, PaymentStatus
from rental.domain.reviews import Review
from rental.domain.stay import Stay
from rental.domain.users import User


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

    def username_taken(self, username: str) -> bool:
        wanted = username.lower()
        return any(u.username.lower() == wanted for u in self._data.users.values())


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
    is what serializes bookings."""

    def __init__(self, data: MemoryData) -> None:
        super().__init__()
        self._data = data

    def lock(self, listing_id: str, stay: Stay, now: datetime) -> ListingCalendar:
        listing = self._data.listings.get(listing_id)
        if listing is None:
            raise ListingNotFound(f"No listing {listing_id}.")
        bookings = [
            b
            for b in self._data.bookings.values()
            if b.listing_id == listing_id and b.status in LIVE_STATUSES and b.stay.overlaps(stay)
        ]
        blocks = [
            CalendarEntry(b.start, b.end, Reason.BLOCKED, b.id)
            for b in self._data.blocks.values()
            if b.listing_id == listing_id and b.stay.overlaps(stay)
        ]
        held = [
            CalendarEntry(b.check_in, b.check_out, Reason.BOOKED, b.id)
            for b in bookings
            if b.is_live(now)
        ]
        overdue = [b.id for b in bookings if not b.is_live(now)]
        return listing.booking_calendar([*held, *blocks], overdue)

    def _add(self, booking: Booking) -> None:
        self._data.bookings[booking.id] = booking


class MemoryBlocks(BlockRepository):
    """Blocks by id."""

    def __init__(self, data: MemoryData) -> None:
        self._data = data

    def add(self, block: Block) -> None:
        self._data.blocks[block.id] = block

    def get(self, listing_id: str, block_id: str) -> Block:
        block = self._data.blocks.get(block_id)
        if block is None or block.listing_id != listing_id:
            raise BlockNotFound(f"No block {block_id} on listing {listing_id}.")
        return block

    def remove(self, block: Block) -> None:
        del self._data.blocks[block.id]

    def upcoming(self, listing_id: str, since: date, until: date | None = None) -> list[Block]:
        return [
            b
            for b in self._data.blocks.values()
            if b.listing_id == listing_id and b.end > since and (until is None or b.start < until)
        ]

    def of_source(self, listing_id: str, source: str, since: date) -> list[Block]:
        found = [b for b in self.upcoming(listing_id, since) if b.source == source]
        return sorted(found, key=lambda b: (b.start, b.id))


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
            and b.check_out > since
            and (until is None or b.check_in < until)
        ]

    def live_of_host(self, host_id: str, since: date) -> list[str]:
        found = [
            b for b in self._data.bookings.values()
            if b.host_id == host_id and b.status in LIVE_STATUSES and b.check_in >= since
        ]  # fmt: skip
        return [b.id for b in sorted(found, key=lambda b: (b.check_in, b.id))]

    def made_by_guest_since(self, guest_id: str, since: datetime) -> list[Booking]:
        bookings = self._data.bookings.values()
        return [b for b in bookings if b.guest_id == guest_id and b.created_at > since]

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
            p for p in self._data.payments.values()
            if p.payer_id == payer_id and p.status == PaymentStatus.FAILED and p.created_at > since
        ]  # fmt: skip

    def to_reconcile(self, since: datetime, limit: int) -> list[str]:
        found = [
            p for p in self._data.payments.values()
            if p.gateway_reference and (p.status == "authorized" or p.updated_at >= since)
        ]  # fmt: skip
        ordered = sorted(found, key=lambda p: (p.updated_at, p.id))[:limit]
        return [p.gateway_reference for p in ordered if p.gateway_reference]


class MemoryReviews(ReviewRepository):
    """Reviews by id."""

    def __init__(self, data: MemoryData) -> None:
        super().__init__()
        self._data = data

    def _add(self, review: Review) -> None:
        self._data.reviews[review.id] = review

    def for_booking(self, booking_id: str) -> Review | None:
        return next((r for r in self._data.reviews.values() if r.booking_id == booking_id), None)


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
