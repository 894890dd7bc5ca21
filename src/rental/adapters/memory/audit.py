"""The in-memory audit log: a list in the store, appended to and read, never changed."""

from __future__ import annotations

from collections.abc import Sequence

from attrs import evolve

from rental.application.administration.audit import AuditLog, AuditQuery, RecordedEvent
from rental.domain.administration.audit import AuditEntry
from rental.domain.events import Event


class MemoryAuditLog(AuditLog):
    def __init__(self, entries: list[AuditEntry], outbox: list[Event]) -> None:
        self._entries = entries
        self._outbox = outbox

    def append(self, entries: Sequence[AuditEntry]) -> None:
        for e in entries:
            self.add(e)

    def add(self, entry: AuditEntry) -> AuditEntry:
        stored = evolve(entry, id=len(self._entries) + 1)
        self._entries.append(stored)
        return stored

    def events_of_booking(self, booking_id: str) -> list[RecordedEvent]:
        found = [e for e in self._outbox if getattr(e, "booking_id", None) == booking_id]
        ordered = sorted(found, key=lambda e: e.occurred_at)
        return [RecordedEvent(e.name, e.occurred_at, e.to_dict()) for e in ordered]

    def page(self, query: AuditQuery, limit: int) -> list[AuditEntry]:
        found = [
            e
            for e in reversed(self._entries)
            if query.target_id in (None, e.target_id)
            and query.actor_id in (None, e.actor_id)
            and query.action in (None, e.action)
            and (query.before_id is None or e.id < query.before_id)
        ]
        return found[:limit]

    def about(self, target_ids: Sequence[str]) -> list[AuditEntry]:
        wanted = set(target_ids)
        return sorted(
            (e for e in self._entries if e.target_id in wanted), key=lambda e: (e.at, e.id)
        )
