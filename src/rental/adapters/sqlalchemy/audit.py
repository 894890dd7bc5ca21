"""The audit log on its table, in the unit of work's session: only INSERT and SELECT."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from attrs import asdict, evolve
from sqlalchemy import Select, insert, select
from sqlalchemy.orm import Session

from rental.adapters.sqlalchemy import tables as t
from rental.adapters.sqlalchemy.errors import domain_errors
from rental.application.administration.audit import AuditLog, AuditQuery, RecordedEvent
from rental.domain.administration.audit import AuditEntry


class SqlAuditLog(AuditLog):
    """Entries get their ids from the table's sequence, which orders them as written."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def append(self, entries: Sequence[AuditEntry]) -> None:
        if entries:
            rows = [{k: v for k, v in asdict(e).items() if k != "id"} for e in entries]
            with domain_errors():
                self._session.execute(insert(t.audit_log), rows)

    def add(self, entry: AuditEntry) -> AuditEntry:
        row = {k: v for k, v in asdict(entry).items() if k != "id"}
        with domain_errors():
            result = self._session.execute(insert(t.audit_log).values(row))
        (entry_id,) = result.inserted_primary_key  # type: ignore[attr-defined]
        return evolve(entry, id=int(entry_id))

    def page(self, query: AuditQuery, limit: int) -> list[AuditEntry]:
        c = t.audit_log.c
        named = [
            (c.target_id, query.target_id),
            (c.actor_id, query.actor_id),
            (c.action, query.action),
        ]  # fmt: skip # pairs, not one value a line
        conditions = [column == value for column, value in named if value is not None]
        if query.before_id is not None:
            conditions.append(c.id < query.before_id)
        statement = select(t.audit_log).where(*conditions).order_by(c.id.desc()).limit(limit)
        return self._entries(statement)

    def about(self, target_ids: Sequence[str]) -> list[AuditEntry]:
        c = t.audit_log.c
        statement = select(t.audit_log).where(c.target_id.in_(target_ids)).order_by(c.at, c.id)
        return self._entries(statement) if target_ids else []

    def events_of_booking(self, booking_id: str) -> list[RecordedEvent]:
        # The payload's booking_id, read as text on each database (no index: an admin's
        # occasional read, over the outbox's rows).
        c = t.outbox.c
        statement = (
            select(c.event_name, c.occurred_at, c.payload)
            .where(c.payload["booking_id"].as_string() == booking_id)
            .order_by(c.occurred_at, c.id)
        )
        with domain_errors():
            rows = self._session.execute(statement).all()
        return [RecordedEvent(name, at, payload) for name, at, payload in rows]

    def _entries(self, statement: Select[Any]) -> list[AuditEntry]:
        with domain_errors():
            return [AuditEntry(**row) for row in self._session.execute(statement).mappings()]
