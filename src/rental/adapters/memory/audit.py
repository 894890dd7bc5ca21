"""The in-memory audit log: a list in the store, appended to and read, never changed."""

from __future__ import annotations

from collections.abc import Sequence

from attrs import evolve

from rental.application.administration.audit import AuditLog, AuditQuery
from rental.domain.administration.audit import AuditEntry


class MemoryAuditLog(AuditLog):
    def __init__(self, entries: list[AuditEntry]) -> None:
        self._entries = entries

    def append(self, entries: Sequence[AuditEntry]) -> None:
        for e in entries:
            self._entries.append(evolve(e, id=len(self._entries) + 1))

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
