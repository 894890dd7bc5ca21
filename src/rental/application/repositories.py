"""Repository ports: collections of aggregates that remember which ones they have handed out."""

from __future__ import annotations

import abc
from datetime import date, datetime
from typing import Any

from attrs import frozen

from rental.domain.accounts.users import User
from rental.domain.aggregate import Aggregate
from rental.domain.bookings.booking import Booking
from rental.domain.calendar.calendar import Calendar, CalendarChanges
from rental.domain.calendar.nights import Block
from rental.domain.calendar.stay import Stay
from rental.domain.channel_sync.export import CalendarFeed
from rental.domain.channel_sync.imports import CalendarImport
from rental.domain.limits import RecentBooking
from rental.domain.listings.listing import Listing
from rental.domain.payments.payment import Payment
from rental.domain.reviews.review import ReviewReport
from rental.domain.reviews.stay_reviews import StayReviews


class Tracking:
    """Remembers every aggregate handed in or out, so the unit of work can collect its events."""

    def __init__(self) -> None:
        self.seen: list[Aggregate] = []

    def _seen(self, aggregate: Any) -> Any:
        if aggregate is not None and all(a is not aggregate for a in self.seen):
            self.seen.append(aggregate)
        return aggregate


class UserRepository(Tracking, abc.ABC):
    """Users by id, email (lower-cased) or username."""

    def add(self, user: User) -> None:
        self._add(self._seen(user))

    def get(self, user_id: str) -> User:
        """The user, or ``UserNotFound``."""
        return self._seen(self._get(user_id))  # type: ignore[no-any-return]

    def by_email(self, email: str) -> User | None:
        return self._seen(self._by_email(email))  # type: ignore[no-any-return]

    @abc.abstractmethod
    def username_taken(self, username: str) -> bool:
        """Whether a user has this username, compared without regard to case."""

    @abc.abstractmethod
    def email_look_alike_taken(self, skeleton: str, except_user_id: str | None = None) -> bool:
        """Whether another user's email has this skeleton (TR39): it would pass for it."""

    @abc.abstractmethod
    def username_look_alike_taken(self, skeleton: str) -> bool:
        """Whether a user's username has this skeleton."""

    @abc.abstractmethod
    def matching(self, text: str, offset: int, limit: int) -> tuple[list[User], int]:
        """Users whose email, username or full name holds ``text`` (any case), newest
        first: ``limit`` of them from ``offset``, and how many match in all (admins' search).
        They are for reading: not tracked."""

    @abc.abstractmethod
    def _add(self, user: User) -> None: ...

    @abc.abstractmethod
    def _get(self, user_id: str) -> User: ...

    @abc.abstractmethod
    def _by_email(self, email: str) -> User | None: ...

    def lock(self, user_id: str) -> None:
        """Lock the user's row until commit, so that one user's holds and payment attempts
        are counted one request at a time; storages that run one unit of work at a time
        (memory, SQLite) need nothing more."""


class ListingRepository(Tracking, abc.ABC):
    """Listings, deleted ones included (the handlers decide what a deleted listing means)."""

    def add(self, listing: Listing) -> None:
        self._add(self._seen(listing))

    def get(self, listing_id: str, *, for_update: bool = False) -> Listing:
        """The listing, or ``ListingNotFound``. ``for_update`` locks its row until commit,
        so that bookings on one listing serialize while other listings go on."""
        return self._seen(self._get(listing_id, for_update))  # type: ignore[no-any-return]

    def hosted_by(self, host_id: str) -> list[Listing]:
        """The listings ``host_id`` hosts, deleted ones left out; to change."""
        return [self._seen(x) for x in self._hosted_by(host_id)]

    @abc.abstractmethod
    def _hosted_by(self, host_id: str) -> list[Listing]: ...

    @abc.abstractmethod
    def hosted_count(self, host_id: str) -> int:
        """How many listings, deleted ones left out, ``host_id`` hosts."""

    @abc.abstractmethod
    def _add(self, listing: Listing) -> None: ...

    @abc.abstractmethod
    def _get(self, listing_id: str, for_update: bool) -> Listing: ...


@frozen
class GuestQuery:
    """What a booking request asks of its guest along with the listing's lock: their bookings
    made after ``since``, and the record of the request's ``Idempotency-Key``
    (``idempotency``: its scope and key) if it has one."""

    guest_id: str
    since: datetime
    idempotency: tuple[str, str] | None = None


@frozen
class GuestStanding:
    """What storage read of a booking request's guest (``GuestQuery``), for the rules to
    decide: whether their email is verified, their bookings made since ``since``, and the
    record an earlier request with the same ``Idempotency-Key`` left (or None)."""

    email_verified: bool
    recent: tuple[RecentBooking, ...]
    earlier: IdempotencyRecord | None


class CalendarRepository(Tracking, abc.ABC):
    """A listing's ``Calendar``: where every decision about its nights is made.

    ``lock`` gives a listing's calendar over the nights asked for and holds it (on SQL, the
    listing's row lock) until the unit of work ends, so that bookings, blocks and channel-sync
    imports of one listing serialize while other listings go on. What the calendars decided
    is written with the commit (``keep_changes``, called by the unit of work).
    """

    def lock(
        self, listing_id: str, window: Stay | None, now: datetime, *, block_id: str | None = None
    ) -> Calendar:
        """The listing's calendar over ``window`` (``None``: every night to come) at ``now``:
        its terms, its live bookings and blocks over those nights (``nights_to_load``) and
        the overdue pending bookings there. The listing's block ``block_id``, when given, is
        loaded too wherever its nights are (a block wholly past can still be unblocked).
        Deleted listings too (not ``listed``); ``ListingNotFound`` when there is none."""
        calendar, _ = self._lock(listing_id, window, now, block_id, None)
        return self._seen(calendar)  # type: ignore[no-any-return]

    def lock_for_guest(
        self, listing_id: str, stay: Stay, now: datetime, guest: GuestQuery
    ) -> tuple[Calendar, GuestStanding]:
        """``lock(listing_id, stay, now)`` for a booking request, with the guest's row locked
        too (first: one guest's requests are counted one at a time) and what the request's
        rules need of the guest read with it (on PostgreSQL, in the same round trip)."""
        calendar, standing = self._lock(listing_id, stay, now, None, guest)
        assert standing is not None  # asked for, so read
        return self._seen(calendar), standing

    def keep_changes(self) -> None:
        """Write what the calendars of this unit of work decided; the new bookings are seen
        from then on, so that their events are committed too."""
        for calendar in [a for a in self.seen if isinstance(a, Calendar)]:
            changes = calendar.pull_changes()
            for booking in changes.bookings:
                self._seen(booking)
            self._write(calendar, changes)

    @abc.abstractmethod
    def _lock(
        self,
        listing_id: str,
        window: Stay | None,
        now: datetime,
        block_id: str | None,
        guest: GuestQuery | None,
    ) -> tuple[Calendar, GuestStanding | None]:
        """The calendar, and with ``guest`` what ``lock_for_guest`` reads of them."""

    @abc.abstractmethod
    def _write(self, calendar: Calendar, changes: CalendarChanges) -> None:
        """Write ``changes``, and the calendar's blocks moved in place since it was loaded.
        New bookings are written at the latest with the commit; later reads in the same unit
        of work may not see them, and nothing changes them again before the commit."""


class BlockRepository(abc.ABC):
    """Blocks of a listing's nights, to read (the export feed) or to seed storage. Blocks are
    entities of the listing's ``Calendar``: every change to them goes through it."""

    @abc.abstractmethod
    def add(self, block: Block) -> None:
        """Store ``block`` as it is, outside any decision (fixtures, seeding)."""

    @abc.abstractmethod
    def upcoming(self, listing_id: str, since: date, until: date | None = None) -> list[Block]:
        """Blocks of the listing that end after ``since`` (the only ones that can collide) and,
        with ``until``, start before it."""


class BookingRepository(Tracking, abc.ABC):
    """Bookings."""

    def add(self, booking: Booking) -> None:
        self._add(self._seen(booking))

    def get(self, booking_id: str, *, for_update: bool = False) -> Booking:
        """The booking, or ``BookingNotFound``."""
        return self._seen(self._get(booking_id, for_update))  # type: ignore[no-any-return]

    def live_on_listing(
        self, listing_id: str, since: date, until: date | None = None
    ) -> list[Booking]:
        """Pending or confirmed bookings of the listing whose check-out is after ``since`` and,
        with ``until``, whose check-in is before it: a booking loads only what can collide.

        Overdue pending ones are included; the domain leaves them out of the calendar. They are
        to read: to change one, ``get`` it."""
        return [self._seen(b) for b in self._live_on_listing(listing_id, since, until)]

    @abc.abstractmethod
    def live_of_host(self, host_id: str, since: date) -> list[str]:
        """Ids of the pending and confirmed bookings on ``host_id``'s listings whose check-in
        is on or after ``since``, by check-in."""

    @abc.abstractmethod
    def live_of_user(self, user_id: str, since: date) -> list[Booking]:
        """The pending and confirmed bookings whose guest or host is ``user_id`` and whose
        check-out is after ``since`` (overdue ones too: the domain reads them); to read."""

    @abc.abstractmethod
    def due_for_expiry_or_completion(self, now: datetime, limit: int) -> list[str]:
        """Ids of pending bookings that may be overdue and confirmed ones whose check-out may
        have come (checked again by the domain), oldest first."""

    @abc.abstractmethod
    def _add(self, booking: Booking) -> None: ...

    @abc.abstractmethod
    def _get(self, booking_id: str, for_update: bool) -> Booking: ...

    @abc.abstractmethod
    def _live_on_listing(
        self, listing_id: str, since: date, until: date | None
    ) -> list[Booking]: ...


class PaymentRepository(Tracking, abc.ABC):
    """Payments."""

    def add(self, payment: Payment) -> None:
        self._add(self._seen(payment))

    def get(self, payment_id: str) -> Payment:
        """The payment, or ``PaymentNotFound``."""
        return self._seen(self._get(payment_id))  # type: ignore[no-any-return]

    def for_booking(self, booking_id: str) -> list[Payment]:
        """The booking's payments, oldest first."""
        return [self._seen(p) for p in self._for_booking(booking_id)]

    @abc.abstractmethod
    def _add(self, payment: Payment) -> None: ...

    @abc.abstractmethod
    def _get(self, payment_id: str) -> Payment: ...

    def by_reference(self, reference: str) -> Payment | None:
        """The payment the gateway knows as ``reference``, if we recorded it."""
        return self._seen(self._by_reference(reference))  # type: ignore[no-any-return]

    @abc.abstractmethod
    def failed_of_payer(self, payer_id: str, since: datetime) -> list[Payment]:
        """The payer's failed payments created after ``since``, on any booking; to read."""

    @abc.abstractmethod
    def to_reconcile(self, since: datetime, limit: int) -> list[str]:
        """Gateway references of the payments still authorized (not final) and of those
        changed since ``since``: what reconciliation asks the provider about."""

    @abc.abstractmethod
    def _for_booking(self, booking_id: str) -> list[Payment]: ...

    @abc.abstractmethod
    def _by_reference(self, reference: str) -> Payment | None: ...


class ReviewRepository(Tracking, abc.ABC):
    """Each stay's reviews (``StayReviews``, by booking id) and the reports about them."""

    def add(self, stay_reviews: StayReviews) -> None:
        self._add(self._seen(stay_reviews))

    def for_booking(self, booking_id: str) -> StayReviews | None:
        """The stay's reviews, or None when neither side has written."""
        return self._seen(self._for_booking(booking_id))  # type: ignore[no-any-return]

    def with_review(self, review_id: str) -> StayReviews:
        """The stay's reviews holding review ``review_id``, or ``ReviewNotFound``."""
        return self._seen(self._with_review(review_id))  # type: ignore[no-any-return]

    @abc.abstractmethod
    def add_report(self, report: ReviewReport) -> None: ...

    @abc.abstractmethod
    def due_for_publication(self, now: datetime, limit: int) -> list[str]:
        """Booking ids of stays with a pending review whose 14 days have ended at ``now``."""

    @abc.abstractmethod
    def _add(self, stay_reviews: StayReviews) -> None: ...

    @abc.abstractmethod
    def _for_booking(self, booking_id: str) -> StayReviews | None: ...

    @abc.abstractmethod
    def _with_review(self, review_id: str) -> StayReviews: ...


class ChannelFeedRepository(Tracking, abc.ABC):
    """Each listing's export feed (its secret token): at most one per listing."""

    def add(self, feed: CalendarFeed) -> None:
        self._add(self._seen(feed))

    def get(self, listing_id: str) -> CalendarFeed | None:
        """The listing's feed, or None when its host has never asked for one."""
        return self._seen(self._get(listing_id))  # type: ignore[no-any-return]

    @abc.abstractmethod
    def _add(self, feed: CalendarFeed) -> None: ...

    @abc.abstractmethod
    def _get(self, listing_id: str) -> CalendarFeed | None: ...


class ChannelImportRepository(Tracking, abc.ABC):
    """Calendars of other platforms imported into listings."""

    def add(self, calendar_import: CalendarImport) -> None:
        self._add(self._seen(calendar_import))

    def get(self, import_id: str) -> CalendarImport:
        """The import, or ``CalendarImportNotFound``."""
        return self._seen(self._get(import_id))  # type: ignore[no-any-return]

    def for_listing(self, listing_id: str) -> list[CalendarImport]:
        """The listing's imports, oldest first."""
        return [self._seen(i) for i in self._for_listing(listing_id)]

    @abc.abstractmethod
    def remove(self, calendar_import: CalendarImport) -> None: ...

    @abc.abstractmethod
    def due(self, attempted_before: datetime, limit: int) -> list[str]:
        """Ids of the imports of active listings never tried, or last tried at or before
        ``attempted_before``, least recently tried first."""

    @abc.abstractmethod
    def _add(self, calendar_import: CalendarImport) -> None: ...

    @abc.abstractmethod
    def _get(self, import_id: str) -> CalendarImport: ...

    @abc.abstractmethod
    def _for_listing(self, listing_id: str) -> list[CalendarImport]: ...


@frozen
class IdempotencyRecord:
    """The outcome of a request made with an ``Idempotency-Key``, to answer again."""

    user_id: str
    scope: str
    key: str
    fingerprint: str
    outcome: str  # "created" or "declined"
    resource_id: str
    response: dict[str, Any]
    created_at: datetime


class IdempotencyStore(abc.ABC):
    """Idempotency keys, scoped to a user and an endpoint, kept at least 24 hours."""

    @abc.abstractmethod
    def get(self, user_id: str, scope: str, key: str) -> IdempotencyRecord | None: ...

    @abc.abstractmethod
    def add(self, record: IdempotencyRecord) -> None: ...


class RevokedTokens(abc.ABC):
    """Ids (``jti``) of tokens revoked before they expire."""

    @abc.abstractmethod
    def revoke(self, jti: str, expires_at: datetime) -> None:
        """Revoke; revoking twice is harmless."""

    @abc.abstractmethod
    def is_revoked(self, jti: str) -> bool: ...

    @abc.abstractmethod
    def active(self, now: datetime) -> list[tuple[str, datetime]]:
        """``(jti, expires_at)`` of every revoked token that has not expired by ``now``."""
