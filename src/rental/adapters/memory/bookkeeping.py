"""In-memory ledger, payouts and provider events, kept in the ``MemoryData`` of a store."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rental.application.bookkeeping import Ledger, PayoutStore, ProviderEvents
from rental.domain.payments.ledger import LedgerEntry
from rental.domain.payments.payouts import Payout, PayoutStatus, Recovery


class MemoryLedger(Ledger):
    def __init__(self, entries: list[LedgerEntry]) -> None:
        self._entries = entries

    def append(self, entries: Sequence[LedgerEntry]) -> None:
        self._entries.extend(entries)

    def for_booking(self, booking_id: str) -> list[LedgerEntry]:
        return [e for e in self._entries if e.booking_id == booking_id]

    def host_balances(self, host_id: str, currency: str) -> dict[str, int]:
        sums: dict[str, int] = {}
        for e in self._entries:
            if e.host_id == host_id and e.currency == currency and e.account == "host":
                sums[e.booking_id] = sums.get(e.booking_id, 0) + e.amount
        return sums


class MemoryPayouts(PayoutStore):
    def __init__(self, payouts: dict[str, Payout], recoveries: list[Recovery]) -> None:
        self._payouts = payouts  # by booking id
        self._recoveries = recoveries

    def add(self, payout: Payout) -> None:
        self._payouts[payout.booking_id] = payout

    def for_booking(self, booking_id: str) -> Payout | None:
        return self._payouts.get(booking_id)

    def save(self, payout: Payout) -> None:
        self._payouts[payout.booking_id] = payout

    def due(self, now: datetime, limit: int) -> list[str]:
        due = [
            p
            for p in self._payouts.values()
            if p.status == PayoutStatus.SCHEDULED and p.due_at <= now
        ]
        return [p.booking_id for p in sorted(due, key=lambda p: (p.due_at, p.id))[:limit]]

    def listed(self, host_id: str | None) -> list[Payout]:
        found = [p for p in self._payouts.values() if host_id is None or p.host_id == host_id]
        return sorted(found, key=lambda p: (p.due_at, p.id), reverse=True)

    def lock_host(self, host_id: str) -> None:
        pass  # a memory unit of work holds the whole store

    def add_recoveries(self, recoveries: Sequence[Recovery]) -> None:
        self._recoveries.extend(recoveries)

    def recovered(self, host_id: str, currency: str) -> dict[str, int]:
        sums: dict[str, int] = {}
        for r in self._recoveries:
            if r.host_id == host_id and r.currency == currency:
                sums[r.booking_id] = sums.get(r.booking_id, 0) + r.amount
        return sums


class MemoryProviderEvents(ProviderEvents):
    def __init__(self, seen: dict[str, str]) -> None:
        self._seen = seen

    def first_time(self, event_id: str, event_type: str, received_at: datetime) -> bool:
        if event_id in self._seen:
            return False
        self._seen[event_id] = event_type
        return True
