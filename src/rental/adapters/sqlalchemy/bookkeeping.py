"""The ledger, the payouts and the provider's events on plain tables, in the unit of work's
session (so they commit, or roll back, with the payment they follow)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from attrs import asdict
from sqlalchemy import Insert, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from rental.adapters.sqlalchemy import tables as t
from rental.adapters.sqlalchemy.errors import domain_errors
from rental.application.bookkeeping import Ledger, PayoutStore, ProviderEvents
from rental.domain.errors import ConcurrentUpdate
from rental.domain.payments.ledger import LedgerEntry
from rental.domain.payments.payouts import Payout, PayoutStatus, Recovery


class SqlLedger(Ledger):
    """Only INSERTs and SELECTs: the table is append-only."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def append(self, entries: Sequence[LedgerEntry]) -> None:
        if entries:
            with domain_errors():
                self._session.flush()  # the payment they name may still be pending
                self._session.execute(insert(t.ledger_entries), [asdict(e) for e in entries])

    def for_booking(self, booking_id: str) -> list[LedgerEntry]:
        c = t.ledger_entries.c
        query = (
            select(t.ledger_entries)
            .where(c.booking_id == booking_id)
            .order_by(c.created_at, c.reason, c.id)
        )
        with domain_errors():
            return [LedgerEntry(**row) for row in self._session.execute(query).mappings()]

    def host_balances(self, host_id: str, currency: str) -> dict[str, int]:
        c = t.ledger_entries.c
        query = (
            select(c.booking_id, func.sum(c.amount))
            .where(c.host_id == host_id, c.currency == currency, c.account == "host")
            .group_by(c.booking_id)
        )
        with domain_errors():
            return {i: int(total) for i, total in self._session.execute(query)}


class SqlPayouts(PayoutStore):
    """Payouts; ``save`` checks the version it read, so two payers never both pay one."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, payout: Payout) -> None:
        with domain_errors():
            self._session.flush()
            self._session.execute(insert(t.payouts).values(asdict(payout)))

    def for_booking(self, booking_id: str) -> Payout | None:
        return self._one(t.payouts.c.booking_id == booking_id)

    def save(self, payout: Payout) -> None:
        c = t.payouts.c
        values = asdict(payout)
        statement = (
            update(t.payouts)
            .where(c.id == payout.id, c.version == payout.version - 1)
            .values(values)
        )
        with domain_errors():
            if self._session.execute(statement).rowcount != 1:  # type: ignore[attr-defined]
                raise ConcurrentUpdate("This payout was changed at the same time.")

    def due(self, now: datetime, limit: int) -> list[str]:
        c = t.payouts.c
        query = (
            select(c.booking_id)
            .where(c.status == PayoutStatus.SCHEDULED.value, c.due_at <= now)
            .order_by(c.due_at, c.id)
            .limit(limit)
        )
        with domain_errors():
            return list(self._session.execute(query).scalars())

    def listed(self, host_id: str | None) -> list[Payout]:
        c = t.payouts.c
        query = select(t.payouts).order_by(c.due_at.desc(), c.id.desc())
        if host_id is not None:
            query = query.where(c.host_id == host_id)
        with domain_errors():
            return [Payout(**row) for row in self._session.execute(query).mappings()]

    def lock_host(self, host_id: str) -> None:
        query = select(t.users.c.id).where(t.users.c.id == host_id).with_for_update()
        with domain_errors():
            self._session.execute(query)

    def add_recoveries(self, recoveries: Sequence[Recovery]) -> None:
        if recoveries:
            with domain_errors():
                self._session.flush()  # the payout they name may still be pending
                self._session.execute(insert(t.payout_recoveries), [asdict(r) for r in recoveries])

    def recovered(self, host_id: str, currency: str) -> dict[str, int]:
        c = t.payout_recoveries.c
        query = (
            select(c.booking_id, func.sum(c.amount))
            .where(c.host_id == host_id, c.currency == currency)
            .group_by(c.booking_id)
        )
        with domain_errors():
            return {i: int(total) for i, total in self._session.execute(query)}

    def _one(self, condition: object) -> Payout | None:
        with domain_errors():
            row = self._session.execute(select(t.payouts).where(condition)).mappings().first()  # type: ignore[arg-type]
        return None if row is None else Payout(**row)


class SqlProviderEvents(ProviderEvents):
    """An INSERT that skips a duplicate id: the id it returns (PostgreSQL, SQLite) or its
    row count (MariaDB/MySQL, whose INSERT IGNORE counts exactly) says whether this delivery
    is the first. A concurrent delivery of the same event waits on the first one's row and
    then finds it, on every database, whatever the isolation level. (psycopg's row count of
    an ``ON CONFLICT DO NOTHING`` run through the session reads -1 either way: not usable.)"""

    def __init__(self, session: Session) -> None:
        self._session = session

    def first_time(self, event_id: str, event_type: str, received_at: datetime) -> bool:
        row = {"id": event_id, "type": event_type, "received_at": received_at}
        statement: Insert
        dialect = self._session.get_bind().dialect.name
        if dialect in ("postgresql", "sqlite"):
            insert_of = postgresql.insert if dialect == "postgresql" else sqlite.insert
            statement = insert_of(t.provider_events).values(row).on_conflict_do_nothing()
            with domain_errors():
                found = self._session.execute(statement.returning(t.provider_events.c.id))
                return found.first() is not None
        statement = insert(t.provider_events).values(row).prefix_with("IGNORE")
        with domain_errors():
            result = self._session.execute(statement)
        return bool(result.rowcount)  # type: ignore[attr-defined]
