"""Repositories on a SQLAlchemy ``Session``; queries with ``select()``."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from rental.adapters.sqlalchemy import tables as t
from rental.adapters.sqlalchemy.errors import domain_errors
from rental.adapters.sqlalchemy.search import LIVE, nights_overlap, still_holds
from rental.application.repositories import (
    BlockRepository,
    BookingRepository,
    ListingRepository,
    PaymentRepository,
    UserRepository,
)
from rental.domain.accounts.users import User
from rental.domain.bookings.booking import Booking, BookingStatus, hold_cutoffs
from rental.domain.calendar.calendar import OPEN_END
from rental.domain.calendar.nights import Block
from rental.domain.errors import (
    BookingNotFound,
    DomainError,
    ListingNotFound,
    PaymentNotFound,
    UserNotFound,
)
from rental.domain.listings.listing import Listing
from rental.domain.payments.payment import Payment, PaymentStatus

T = TypeVar("T")


def _get(
    session: Session, cls: type[T], key: str, missing: type[DomainError], for_update: bool = False
) -> T:
    with domain_errors():
        if for_update:
            found = session.get(cls, key, with_for_update=True, populate_existing=True)
        else:
            found = session.get(cls, key)
    if found is None:
        raise missing(f"No {cls.__name__.lower()} {key}.") from None
    return found


def _all(session: Session, statement: Any) -> list[Any]:
    with domain_errors():
        return list(session.scalars(statement))


class SqlUserRepository(UserRepository):
    """Users in the ``users`` table."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session

    def _add(self, user: User) -> None:
        self._session.add(user)

    def _get(self, user_id: str) -> User:
        return _get(self._session, User, user_id, UserNotFound)

    def lock(self, user_id: str) -> None:
        if self._session.get_bind().dialect.name == "sqlite":
            return  # BEGIN IMMEDIATE already runs one writer at a time
        with domain_errors():
            self._session.execute(
                select(t.users.c.id).where(t.users.c.id == user_id).with_for_update()
            )

    def _by_email(self, email: str) -> User | None:
        found = _all(self._session, select(User).where(t.users.c.email == email.lower()))
        return found[0] if found else None

    def matching(self, text: str, offset: int, limit: int) -> tuple[list[User], int]:
        c, wanted = t.users.c, text.lower()
        holds = or_(
            *(
                func.lower(column).contains(wanted, autoescape=True)
                for column in (c.email, c.username, c.full_name)
            )
        )  # fmt: skip # the generator reads as one phrase
        query = select(User).where(holds).order_by(c.created_at.desc(), c.id).offset(offset)
        with domain_errors():
            total = self._session.scalar(select(func.count()).select_from(t.users).where(holds))
        return _all(self._session, query.limit(limit)), int(total or 0)

    def username_taken(self, username: str) -> bool:
        column = t.users.c.username
        if self._session.get_bind().dialect.name in ("mysql", "mariadb"):
            taken = column == username  # the column's collation ignores case, and is indexed
        else:
            taken = func.lower(column) == username.lower()  # uq_users_username_lower
        query = select(exists().where(taken))
        with domain_errors():
            return bool(self._session.scalar(query))

    def email_look_alike_taken(self, skeleton: str, except_user_id: str | None = None) -> bool:
        c = t.users.c
        query = select(exists().where(c.email_skeleton == skeleton, c.id != (except_user_id or "")))
        with domain_errors():
            return bool(self._session.scalar(query))

    def username_look_alike_taken(self, skeleton: str) -> bool:
        query = select(exists().where(t.users.c.username_skeleton == skeleton))
        with domain_errors():
            return bool(self._session.scalar(query))


class SqlListingRepository(ListingRepository):
    """Listings, deleted ones included; ``for_update`` takes the row lock."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session

    def _add(self, listing: Listing) -> None:
        self._session.add(listing)

    def _get(self, listing_id: str, for_update: bool) -> Listing:
        return _get(self._session, Listing, listing_id, ListingNotFound, for_update)

    def _hosted_by(self, host_id: str) -> list[Listing]:
        hosted = (t.listings.c.host_id == host_id) & t.listings.c.deleted_at.is_(None)
        return _all(self._session, select(Listing).where(hosted))

    def hosted_count(self, host_id: str) -> int:
        hosted = (t.listings.c.host_id == host_id) & t.listings.c.deleted_at.is_(None)
        return self._session.scalar(select(func.count()).where(hosted)) or 0


class SqlBlockRepository(BlockRepository):
    """Blocks of a listing's nights."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, block: Block) -> None:
        self._session.add(block)

    def upcoming(self, listing_id: str, since: date, until: date | None = None) -> list[Block]:
        k = t.blocks.c
        query = select(Block).where(
            k.listing_id == listing_id, nights_overlap(k.start, k.end, since, until or OPEN_END)
        )
        return _all(self._session, query.order_by(k.start))


class SqlBookingRepository(BookingRepository):
    """Bookings; a listing's calendar loads only the live ones that have not ended."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session

    def _add(self, booking: Booking) -> None:
        self._session.add(booking)

    def _get(self, booking_id: str, for_update: bool) -> Booking:
        return _get(self._session, Booking, booking_id, BookingNotFound, for_update)

    def _live_on_listing(self, listing_id: str, since: date, until: date | None) -> list[Booking]:
        b = t.bookings.c
        query = select(Booking).where(
            b.listing_id == listing_id,
            b.status.in_(LIVE),
            nights_overlap(b.check_in, b.check_out, since, until or OPEN_END),
        )
        return _all(self._session, query.order_by(b.check_in))

    def live_of_host(self, host_id: str, since: date) -> list[str]:
        b = t.bookings.c
        live = (b.host_id == host_id, b.status.in_(LIVE), b.check_in >= since)
        query = select(b.id).where(*live).order_by(b.check_in, b.id)
        with domain_errors():
            return list(self._session.scalars(query))

    def live_of_user(self, user_id: str, since: date) -> list[Booking]:
        b = t.bookings.c
        theirs = or_(b.guest_id == user_id, b.host_id == user_id)
        query = select(Booking).where(theirs, b.status.in_(LIVE), b.check_out > since)
        return _all(self._session, query.order_by(b.check_in, b.id))

    def due_for_expiry_or_completion(self, now: datetime, limit: int) -> list[str]:
        b = t.bookings.c
        overdue = and_(b.status == BookingStatus.PENDING.value, ~still_holds(*hold_cutoffs(now)))
        # Check-out may have come in some time zone: local dates run up to a day ahead of UTC.
        tomorrow = now.date() + timedelta(days=1)
        ended = and_(b.status == BookingStatus.CONFIRMED.value, b.check_out <= tomorrow)
        query = select(b.id).where(or_(overdue, ended)).order_by(b.created_at, b.id).limit(limit)
        return _all(self._session, query)


class SqlPaymentRepository(PaymentRepository):
    """Payments."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session

    def _add(self, payment: Payment) -> None:
        self._session.add(payment)

    def _get(self, payment_id: str) -> Payment:
        return _get(self._session, Payment, payment_id, PaymentNotFound)

    def _for_booking(self, booking_id: str) -> list[Payment]:
        c = t.payments.c
        query = select(Payment).where(c.booking_id == booking_id).order_by(c.created_at, c.id)
        return _all(self._session, query)

    def _by_reference(self, reference: str) -> Payment | None:
        found = _all(
            self._session, select(Payment).where(t.payments.c.gateway_reference == reference)
        )
        return found[0] if found else None

    def failed_of_payer(self, payer_id: str, since: datetime) -> list[Payment]:
        c = t.payments.c
        failed = (
            c.payer_id == payer_id,
            c.status == PaymentStatus.FAILED.value,
            c.created_at > since,
        )
        return _all(self._session, select(Payment).where(*failed))

    def to_reconcile(self, since: datetime, limit: int) -> list[str]:
        c = t.payments.c
        query = (
            select(c.gateway_reference)
            .where(c.gateway_reference.is_not(None))
            .where(or_(c.status == "authorized", c.updated_at >= since))
            .order_by(c.updated_at, c.id)
            .limit(limit)
        )
        with domain_errors():
            return [r for r in self._session.execute(query).scalars() if r]
