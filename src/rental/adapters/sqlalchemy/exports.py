"""Data exports on SQLAlchemy: the ``data_exports`` rows, and everything the database holds
about a person, found from the schema itself."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session

from rental.adapters.sqlalchemy import tables as t
from rental.adapters.sqlalchemy.errors import domain_errors
from rental.application.export_repository import DataExports
from rental.application.exports import PERSON_COLUMNS, SECRET_COLUMNS
from rental.domain.accounts.exports import DataExport, ExportStatus

E = t.data_exports.c
# The machinery's own tables (events, idempotency, the staff's log) hold no one's data.
MACHINERY = frozenset(
    {
        "outbox",
        "processed_events",
        "revoked_tokens",
        "provider_events",
        "idempotency_keys",
        "one_time_tokens",
        "audit_log",
        "alembic_version",
    }
)
# Rows reached through what the person owns follow these parents only: the money split of
# someone else's listing (its ledger rows, its host's payout) is not the guest's.
OWNED_PARENTS = frozenset({"listings", "threads", "bookings", "wishlists"})
NOT_THROUGH_PARENTS = frozenset({"ledger_entries", "payouts", "payout_recoveries"})
# Rows that belong to one parent only: a listing saved to someone's wishlist is the
# wishlist's owner's choice, not the listing's host's data.
ONLY_THROUGH = {"wishlist_items": "wishlists"}


class SqlDataExports(DataExports):
    """Exports in ``data_exports``."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session

    def _add(self, export: DataExport) -> None:
        self._session.add(export)

    def _get(self, export_id: str) -> DataExport | None:
        with domain_errors():
            return self._session.get(DataExport, export_id, with_for_update=True)

    def _pending_of(self, user_id: str) -> DataExport | None:
        query = select(DataExport).where(E.pending_user_id == user_id)
        with domain_errors():
            return self._session.scalars(query).first()

    def _of_user(self, user_id: str) -> list[DataExport]:
        with domain_errors():
            return list(self._session.scalars(select(DataExport).where(E.user_id == user_id)))

    def expired(self, now: datetime, limit: int) -> list[str]:
        query = (
            select(E.id)
            .where(E.status == ExportStatus.READY.value, E.expires_at <= now)
            .order_by(E.expires_at)
            .limit(limit)
        )
        with domain_errors():
            return list(self._session.scalars(query))


def _row(row: Any) -> dict[str, Any]:
    return {k: v for k, v in row._mapping.items() if k not in SECRET_COLUMNS}


class SqlPersonalData:
    """Every table of the schema is read: the rows whose person columns name the user, then
    the rows whose foreign keys point at what they own. A table added later (wishlists)
    is in the export without a line here."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def about(self, user_id: str) -> dict[str, list[dict[str, Any]]]:
        found: dict[str, dict[Any, dict[str, Any]]] = {}
        readable = [x for x in t.metadata.sorted_tables if x.name not in MACHINERY]
        with self._engine.connect() as connection:
            for table in readable:
                key = table.primary_key.columns.values()
                if table.name == "users":
                    naming = [table.c.id == user_id]
                else:
                    naming = [c == user_id for c in table.c if c.name in PERSON_COLUMNS]
                for row in connection.execute(select(table).where(or_(*naming))) if naming else ():
                    found.setdefault(table.name, {})[tuple(row._mapping[c.name] for c in key)] = (
                        _row(row)
                    )
            for table in readable:
                if table.name in NOT_THROUGH_PARENTS:
                    continue
                key = table.primary_key.columns.values()
                for fk in table.foreign_keys:
                    parent = fk.column.table.name
                    ids = [r[fk.column.name] for r in found.get(parent, {}).values()]
                    if parent not in OWNED_PARENTS or not ids:
                        continue
                    if ONLY_THROUGH.get(table.name, parent) != parent:
                        continue
                    for row in connection.execute(select(table).where(fk.parent.in_(ids))):
                        found.setdefault(table.name, {})[
                            tuple(row._mapping[c.name] for c in key)
                        ] = _row(row)
        return {name: list(rows.values()) for name, rows in sorted(found.items())}
