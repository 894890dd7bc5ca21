"""In-memory ledger, payouts and provider events, kept in the ``MemoryData`` of a store."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rental.application.bookkeeping import Ledger, PayoutStore, ProviderEvents
from rental.domain.ledger import LedgerEntry
from rental.domain.payouts import Payout, PayoutStatus


class MemoryLedger(Ledger):
    def __init__(self, entries: list[LedgerEntry]) -> None:
        self._entries = entries

    def append(self, entries: Sequence[LedgerEntry]) -> None:
        self._entries.extend(entries)

    def for_booking(self, booking_id: str) -> list[LedgerEntry]:
        return [e for e in self._entries if e.booking_id == booking_id]


class MemoryPayouts(PayoutStore):
    def __init__(self, payouts: dict[str, Payout]) -> None:
        self._payouts = payouts  # by booking id

    def add(self, payout: Payout) -> None:
        self._payouts[payout.booking_id] = payout

    def for_booking(self, booking_id: str) -> Payout | None:
        return self._payouts.get(booking_id)

    def save(self, payout: Payout) -> None:
        self._payouts[payout.booking_id] = payout

    def due(self, now: datetime, limit: int) -> list[str]:
        due = [
            p for p in self._payouts.values()
            if p.status == PayoutStatus.SCHEDULED and p.due_at <= now
        ]  # fmt: skip
        return [p.booking_id for p in sorted(due, key=lambda p: (p.due_at, p.id))[:limit]]

    def listed(self, host_id: str | None) -> list[Payout]:
        found = [p for p in self._payouts.values() if host_id is None or p.host_id == host_id]
        return sorted(found, key=lambda p: (p.due_at, p.id), reverse=True)


class MemoryProviderEvents(ProviderEvents):
    def __init__(self, seen: dict[str, str]) -> None:
        self._seen = seen

    def first_time(self, event_id: str, event_type: str, received_at: datetime) -> bool:
        if event_id in self._seen:
            return False
        self._seen[event_id] = event_type
        return True
