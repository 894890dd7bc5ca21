"""The committed state of the in-memory mode, shared by its units of work and read model."""

from __future__ import annotations

import threading
from datetime import datetime

from attrs import define, field

from rental.adapters.memory.messaging import MessagingData
from rental.adapters.memory.wishlists import WishlistData
from rental.application.repositories import IdempotencyRecord
from rental.domain.accounts.exports import DataExport
from rental.domain.accounts.one_time_tokens import OneTimeToken
from rental.domain.accounts.sessions import LoginSession
from rental.domain.accounts.sign_in import SignInStanding
from rental.domain.accounts.users import User
from rental.domain.administration.audit import AuditEntry
from rental.domain.bookings.booking import Booking
from rental.domain.calendar.nights import Block
from rental.domain.calendar.rates import RateCalendar
from rental.domain.channel_sync.export import CalendarFeed
from rental.domain.channel_sync.imports import CalendarImport
from rental.domain.events import Event
from rental.domain.listings.listing import Listing
from rental.domain.listings.photos import Photo
from rental.domain.payments.ledger import LedgerEntry
from rental.domain.payments.payment import Payment
from rental.domain.payments.payouts import Payout, Recovery
from rental.domain.reviews.review import Review, ReviewReport
from rental.domain.reviews.stay_reviews import StayReviews


@define
class MemoryData:
    """Every table, as dicts by id."""

    users: dict[str, User] = field(factory=dict)
    listings: dict[str, Listing] = field(factory=dict)
    blocks: dict[str, Block] = field(factory=dict)
    bookings: dict[str, Booking] = field(factory=dict)
    payments: dict[str, Payment] = field(factory=dict)
    stay_reviews: dict[str, StayReviews] = field(factory=dict)  # by booking id
    review_reports: list[ReviewReport] = field(factory=list)
    idempotency: dict[tuple[str, str, str], IdempotencyRecord] = field(factory=dict)
    revoked: dict[str, datetime] = field(factory=dict)
    outbox: list[Event] = field(factory=list)
    ledger: list[LedgerEntry] = field(factory=list)
    payouts: dict[str, Payout] = field(factory=dict)  # by booking id
    recoveries: list[Recovery] = field(factory=list)
    provider_events: dict[str, str] = field(factory=dict)  # id -> type
    calendar_feeds: dict[str, CalendarFeed] = field(factory=dict)
    calendar_imports: dict[str, CalendarImport] = field(factory=dict)
    one_time_tokens: dict[str, OneTimeToken] = field(factory=dict)
    login_sessions: dict[str, LoginSession] = field(factory=dict)
    sign_in_failures: dict[str, SignInStanding] = field(factory=dict)
    rates: dict[str, RateCalendar] = field(factory=dict)  # by listing id
    messaging: MessagingData = field(factory=MessagingData)
    photos: dict[str, Photo] = field(factory=dict)
    wishlists: WishlistData = field(factory=WishlistData)
    audit: list[AuditEntry] = field(factory=list)
    data_exports: dict[str, DataExport] = field(factory=dict)


class MemoryStore:
    """The committed state, shared by every unit of work and the read model."""

    def __init__(self) -> None:
        self.data = MemoryData()
        self.lock = threading.RLock()

    def reviews(self) -> list[Review]:
        """Every review of every stay, as committed."""
        with self.lock:
            return [r for stay in self.data.stay_reviews.values() for r in stay.reviews]
