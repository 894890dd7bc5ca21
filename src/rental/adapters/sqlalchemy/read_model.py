"""The read side on SQL: ``select()`` queries straight to the tables, one round trip a page."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Engine,
    Select,
    Table,
    and_,
    bindparam,
    case,
    exists,
    func,
    select,
)
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import Executable

from rental.adapters.sqlalchemy import tables as t
from rental.adapters.sqlalchemy.engine import READ_ONLY
from rental.adapters.sqlalchemy.mapping import start_mappers
from rental.adapters.sqlalchemy.reviews import published
from rental.adapters.sqlalchemy.search import (
    live_bookings,
    live_bookings_of,
    overlapping_blocks,
    overlapping_blocks_of,
    search_parameters,
    search_shape,
    search_statements,
)
from rental.application.queries import (
    ListingSearch,
    Page,
    PageRequest,
    PayoutRecord,
    PayoutTotals,
    ReadModel,
)
from rental.domain.accounts.users import TokenStanding, User
from rental.domain.bookings.booking import Booking
from rental.domain.calendar.nights import Block, CalendarEntry, HeldNights
from rental.domain.calendar.rates import RateCalendar, RateOverride
from rental.domain.calendar.stay import Stay
from rental.domain.listings.listing import Listing
from rental.domain.payments.payment import Payment
from rental.domain.payments.payouts import Payout, PayoutStatus
from rental.domain.reviews.review import Review, Side

L, B, R, P = t.listings.c, t.bookings.c, t.reviews.c, t.payments.c


# A token's standing: its user's version and state, and whether the token was revoked.
TOKEN_STANDING = select(
    t.users.c.token_version,
    t.users.c.disabled_at.is_not(None).label("disabled"),
    exists().where(t.revoked_tokens.c.jti == bindparam("jti")).label("revoked"),
).where(t.users.c.id == bindparam("user_id"))


class SqlReadModel(ReadModel):
    """Reads committed rows through short read-only sessions on ``engine``.

    On PostgreSQL and MariaDB the sessions run in autocommit: at READ COMMITTED each statement
    sees its own snapshot even inside a transaction, so a ``BEGIN`` and a ``ROLLBACK`` around a
    read would cost two round trips and buy nothing. SQLite's deferred transaction does give
    several statements one snapshot, and costs no round trip: it stays."""

    def __init__(self, engine: Engine) -> None:
        start_mappers()
        options: dict[str, Any] = {READ_ONLY: True}
        if engine.dialect.name != "sqlite":
            options["isolation_level"] = "AUTOCOMMIT"
        self._engine = engine.execution_options(**options)

    @contextmanager
    def _session(self) -> Iterator[Session]:
        with Session(self._engine, expire_on_commit=False, autoflush=False) as session:
            yield session

    def _page(
        self,
        entity: type[Any],
        table: Table,
        where: Sequence[ColumnElement[bool]],
        order_by: Sequence[ColumnElement[Any]],
        page: PageRequest,
    ) -> Page[Any]:
        """One query for the page and its total (a window count); a second only when the
        page is past the end."""
        total = func.count().over().label("total")
        query = select(entity, total).where(*where).order_by(*order_by)
        query = query.limit(page.per_page).offset(page.offset)
        return self._page_of(
            query, lambda: select(func.count()).select_from(table).where(*where), {}, page
        )

    def _page_of(
        self,
        query: Executable,
        count: Callable[[], Executable],
        params: dict[str, Any],
        page: PageRequest,
    ) -> Page[Any]:
        """``query``'s rows and their window total; ``count()`` is built and run only for a
        page past the end."""
        with self._session() as session:
            rows = session.execute(query, params).all()
            if rows:
                total = int(rows[0].total)
            elif page.offset == 0:
                total = 0
            else:
                total = int(session.scalar(count(), params) or 0)
        items = [row[0] for row in rows]
        return Page(items=items, page=page.page, per_page=page.per_page, total=total)

    def _get(self, cls: type[Any], key: str) -> Any:
        with self._session() as session:
            return session.get(cls, key)

    def user(self, user_id: str) -> User | None:
        found: User | None = self._get(User, user_id)
        return found

    def token_standing(self, user_id: str, jti: str) -> TokenStanding | None:
        with self._engine.connect() as connection:
            row = connection.execute(TOKEN_STANDING, {"user_id": user_id, "jti": jti}).first()
        if row is None:
            return None
        return TokenStanding(row.token_version, bool(row.disabled), bool(row.revoked))

    def listing(self, listing_id: str) -> Listing | None:
        found: Listing | None = self._get(Listing, listing_id)
        return None if found is None or found.is_deleted else found

    def search_listings(self, search: ListingSearch, now: datetime) -> Page[Listing]:
        dialect = self._engine.dialect.name
        statements = search_statements(search_shape(search, dialect))
        params = search_parameters(search, now, dialect)
        return self._page_of(statements.page, lambda: statements.count, params, search.page)

    def unavailable(
        self, listing_id: str, start: date, end: date, now: datetime
    ) -> list[CalendarEntry]:
        stay = Stay(start, end)
        bookings = select(Booking).where(*live_bookings(listing_id, stay, now))
        blocks = select(Block).where(*overlapping_blocks(listing_id, stay))
        with self._session() as session:
            calendar = HeldNights.of(session.scalars(bookings), session.scalars(blocks), now)
        return calendar.collisions(stay)

    def rate_overrides(self, listing_id: str, start: date, end: date) -> RateCalendar:
        R = t.rate_overrides.c
        query = (
            select(
                R.start, R.end, R.price, R.min_nights, R.closed_to_arrival, R.closed_to_departure
            )
            .where(R.listing_id == listing_id, R.start <= end, R.end > start)
            .order_by(R.start)
        )
        with self._session() as session:
            return RateCalendar(tuple(RateOverride(*row) for row in session.execute(query)))

    def booking(self, booking_id: str) -> Booking | None:
        found: Booking | None = self._get(Booking, booking_id)
        return found

    def trips(self, guest_id: str, page: PageRequest) -> Page[Booking]:
        order = (B.check_in.desc(), B.id.asc())
        return self._page(Booking, t.bookings, [B.guest_id == guest_id], order, page)

    def host_bookings(self, host_id: str, page: PageRequest) -> Page[Booking]:
        order = (B.check_in.desc(), B.id.asc())
        return self._page(Booking, t.bookings, [B.host_id == host_id], order, page)

    def payment(self, payment_id: str) -> Payment | None:
        found: Payment | None = self._get(Payment, payment_id)
        return found

    def booking_payments(self, booking_id: str) -> list[Payment]:
        c = t.payments.c
        query = select(Payment).where(c.booking_id == booking_id).order_by(c.created_at, c.id)
        with self._session() as session:
            return list(session.scalars(query))

    def review_of_booking(self, booking_id: str, side: str = "guest") -> Review | None:
        query = select(Review).where(R.booking_id == booking_id, R.side == side)
        with self._session() as session:
            return session.scalars(query).first()

    def listing_reviews(self, listing_id: str, page: PageRequest, now: datetime) -> Page[Review]:
        return self.reviews_pages([listing_id], page, now)[listing_id]

    # -- batches: one statement for all the parents of a page -----------------------------
    def _by_id(self, cls: type[Any], column: Any, ids: Collection[str]) -> dict[str, Any]:
        if not ids:
            return {}
        with self._session() as session:
            found = session.scalars(select(cls).where(column.in_(sorted(set(ids)))))
            return {item.id: item for item in found}

    def users_by_id(self, user_ids: Collection[str]) -> dict[str, User]:
        return self._by_id(User, t.users.c.id, user_ids)

    def listings_by_id(self, listing_ids: Collection[str]) -> dict[str, Listing]:
        return self._by_id(Listing, L.id, listing_ids)

    def bookings_by_id(self, booking_ids: Collection[str]) -> dict[str, Booking]:
        return self._by_id(Booking, B.id, booking_ids)

    def payments_of_bookings(self, booking_ids: Collection[str]) -> dict[str, list[Payment]]:
        found: dict[str, list[Payment]] = {i: [] for i in booking_ids}
        if not found:
            return found
        query = (
            select(Payment)
            .where(P.booking_id.in_(sorted(found)))
            .order_by(P.booking_id, P.created_at, P.id)
        )
        with self._session() as session:
            for payment in session.scalars(query):
                found[payment.booking_id].append(payment)
        return found

    def reviews_of_bookings(self, booking_ids: Collection[str]) -> dict[str, Review]:
        if not booking_ids:
            return {}
        query = select(Review).where(
            R.booking_id.in_(sorted(set(booking_ids))), R.side == Side.GUEST.value
        )
        with self._session() as session:
            return {review.booking_id: review for review in session.scalars(query)}

    def reviews_pages(
        self, listing_ids: Collection[str], page: PageRequest, now: datetime
    ) -> dict[str, Page[Review]]:
        return self._reviews_pages(R.listing_id, Side.GUEST, listing_ids, page, now)

    def user_reviews_pages(
        self, user_ids: Collection[str], page: PageRequest, now: datetime
    ) -> dict[str, Page[Review]]:
        return self._reviews_pages(R.subject_id, Side.HOST, user_ids, page, now)

    def _reviews_pages(
        self,
        key: Any,
        side: Side,
        ids: Collection[str],
        page: PageRequest,
        now: datetime,
    ) -> dict[str, Page[Review]]:
        """One statement for every parent (listing, or reviewed guest): each published
        review's rank and its parent's total come from window functions over the parent's
        reviews, and the page is a range of ranks."""
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        where = (key.in_(wanted), R.side == side.value, published(now))
        order = (R.created_at.desc(), R.id.asc())
        rank = func.row_number().over(partition_by=key, order_by=order)
        total = func.count().over(partition_by=key)
        ranked = (
            select(t.reviews, rank.label("rank"), total.label("total")).where(*where).subquery()
        )
        review = aliased(Review, ranked)
        first, last = page.offset + 1, page.offset + page.per_page
        query = (
            select(review, ranked.c.total)
            .where(ranked.c.rank.between(first, last))
            .order_by(ranked.c[key.name], ranked.c.rank)
        )
        items: dict[str, list[Review]] = defaultdict(list)
        totals: dict[str, int] = dict.fromkeys(wanted, 0)
        with self._session() as session:
            for found, count in session.execute(query):
                parent = getattr(found, key.name)
                items[parent].append(found)
                totals[parent] = int(count)
            past_the_end = [i for i in wanted if i not in items]
            if page.offset and past_the_end:
                # A page after the last has no row to carry its total: count those apart.
                counts = (
                    select(key, func.count()).where(key.in_(past_the_end), *where[1:]).group_by(key)
                )
                totals.update({i: int(n) for i, n in session.execute(counts)})
        return {
            i: Page(items=items.get(i, []), page=page.page, per_page=page.per_page, total=totals[i])
            for i in wanted
        }

    def unavailable_by_listing(
        self, listing_ids: Collection[str], start: date, end: date, now: datetime
    ) -> dict[str, list[CalendarEntry]]:
        ids = sorted(set(listing_ids))
        if not ids:
            return {}
        stay = Stay(start, end)
        bookings: dict[str, list[Booking]] = defaultdict(list)
        blocks: dict[str, list[Block]] = defaultdict(list)
        with self._session() as session:
            for booking in session.scalars(
                select(Booking).where(*live_bookings_of(ids, stay, now))
            ):
                bookings[booking.listing_id].append(booking)
            for block in session.scalars(select(Block).where(*overlapping_blocks_of(ids, stay))):
                blocks[block.listing_id].append(block)
        return {i: HeldNights.of(bookings[i], blocks[i], now).collisions(stay) for i in ids}

    def host_listings(self, host_id: str, page: PageRequest) -> Page[Listing]:
        where = [L.host_id == host_id, L.deleted_at.is_(None)]
        return self._page(Listing, t.listings, where, (L.created_at.desc(), L.id.asc()), page)

    # -- the hosts' money: one statement each, payouts beside their sums -------------------
    def _payout_rows(self, host_id: str | None) -> Select[Any]:
        """Payouts with the host's ledger balance of each booking (``balance``) and what has
        been recovered of the host's debt for it (``recovered``)."""
        entries, recoveries, payouts = t.ledger_entries.c, t.payout_recoveries.c, t.payouts.c
        balance = select(entries.booking_id, func.sum(entries.amount).label("balance"))
        balance = balance.where(entries.account == "host")
        recovered = select(recoveries.booking_id, func.sum(recoveries.amount).label("recovered"))
        if host_id is not None:
            balance = balance.where(entries.host_id == host_id)
            recovered = recovered.where(recoveries.host_id == host_id)
        balances = balance.group_by(entries.booking_id).subquery("balances")
        recovered_sums = recovered.group_by(recoveries.booking_id).subquery("recovered")
        joined = t.payouts.outerjoin(balances, balances.c.booking_id == payouts.booking_id)
        joined = joined.outerjoin(recovered_sums, recovered_sums.c.booking_id == payouts.booking_id)
        query = select(
            t.payouts,
            func.coalesce(balances.c.balance, 0).label("balance"),
            func.coalesce(recovered_sums.c.recovered, 0).label("recovered"),
        ).select_from(joined)
        if host_id is not None:
            query = query.where(payouts.host_id == host_id)
        return query

    def payouts(self, host_id: str | None, page: PageRequest) -> Page[PayoutRecord]:
        payouts = t.payouts.c
        rows = self._payout_rows(host_id).add_columns(func.count().over().label("total"))
        query = rows.order_by(payouts.due_at.desc(), payouts.id.desc())
        query = query.limit(page.per_page).offset(page.offset)
        names = list(t.payouts.columns.keys())
        with self._session() as session:
            found = session.execute(query).mappings().all()
            if found:
                count = int(found[0]["total"])
            elif page.offset == 0:
                count = 0
            else:
                counted = select(func.count()).select_from(t.payouts)
                if host_id is not None:
                    counted = counted.where(payouts.host_id == host_id)
                count = int(session.scalar(counted) or 0)
        items = [
            PayoutRecord(
                payout=Payout(**{name: row[name] for name in names}),
                balance=int(row["balance"]),
                recovered=int(row["recovered"]),
            )
            for row in found
        ]
        return Page(items=items, page=page.page, per_page=page.per_page, total=count)

    def payout_totals(self, host_id: str | None, now: datetime) -> list[PayoutTotals]:
        """The sums of ``payout_reads.totals_of``, computed by the database."""
        rows = self._payout_rows(host_id).subquery("rows")
        c = rows.c
        paid = c.status == PayoutStatus.PAID.value
        scheduled = c.status == PayoutStatus.SCHEDULED.value
        owed = c.amount + c.deducted - c.balance - c.recovered

        def total(condition: ColumnElement[bool], value: Any) -> Any:
            return func.coalesce(func.sum(case((condition, value), else_=0)), 0)

        query = (
            select(
                c.currency,
                total(and_(scheduled, c.due_at > now), c.balance),
                total(and_(scheduled, c.due_at <= now), c.balance),
                total(paid, c.amount),
                total(paid, c.deducted),
                total(and_(paid, owed > 0), owed),
            )
            .group_by(c.currency)
            .order_by(c.currency)
        )
        with self._session() as session:
            return [
                PayoutTotals(
                    currency=currency,
                    scheduled=int(s),
                    due=int(d),
                    paid=int(p),
                    deducted=int(x),
                    owed=int(o),
                )
                for currency, s, d, p, x, o in session.execute(query)
            ]
