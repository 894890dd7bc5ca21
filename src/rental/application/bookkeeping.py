"""Ports of the money's books: the ledger, the hosts' payouts, the provider's events seen."""

from __future__ import annotations

import abc
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from rental.domain.money import Money
from rental.domain.payments.ledger import LedgerEntry
from rental.domain.payments.payouts import Payout, Recovery


class Ledger(abc.ABC):
    """The append-only ledger: entries are added, never changed or removed."""

    @abc.abstractmethod
    def append(self, entries: Sequence[LedgerEntry]) -> None: ...

    @abc.abstractmethod
    def for_booking(self, booking_id: str) -> list[LedgerEntry]:
        """The booking's entries, oldest first."""

    @abc.abstractmethod
    def host_balances(self, host_id: str, currency: str) -> dict[str, int]:
        """The sum of the host account's entries per booking of ``host_id`` in ``currency``
        (bookings without entries left out)."""


class PayoutStore(abc.ABC):
    """One payout per booking whose money was captured, and the append-only recoveries
    deducted from payouts for what hosts owe back."""

    @abc.abstractmethod
    def add(self, payout: Payout) -> None: ...

    @abc.abstractmethod
    def for_booking(self, booking_id: str) -> Payout | None: ...

    @abc.abstractmethod
    def save(self, payout: Payout) -> None:
        """Write a payout changed by ``pay`` or ``cancel``."""

    @abc.abstractmethod
    def due(self, now: datetime, limit: int) -> list[str]:
        """Ids of the bookings whose payout is scheduled and due by ``now``, oldest first."""

    @abc.abstractmethod
    def listed(self, host_id: str | None) -> list[Payout]:
        """Every payout of ``host_id`` (all of them for ``None``), newest due first."""

    @abc.abstractmethod
    def lock_host(self, host_id: str) -> None:
        """Hold the host's row until commit, so that two payers of one host's payouts take
        turns and never both deduct the same debt."""

    @abc.abstractmethod
    def add_recoveries(self, recoveries: Sequence[Recovery]) -> None:
        """Append recoveries; they are never changed or removed."""

    @abc.abstractmethod
    def recovered(self, host_id: str, currency: str) -> dict[str, int]:
        """What has been recovered so far per booking owed for, of ``host_id``'s debts in
        ``currency``."""


class ProviderEvents(abc.ABC):
    """Ids of the payment provider's webhook events already acted on."""

    @abc.abstractmethod
    def first_time(self, event_id: str, event_type: str, received_at: datetime) -> bool:
        """Record ``event_id``; True the first time, False for a replay (then do nothing).
        Recorded in the transaction of what the event changes, so both stand or neither."""


class PayoutGateway(Protocol):
    """Sends a host their money (next: Stripe Connect transfers; now: a logging adapter)."""

    def pay(self, host_id: str, amount: Money, idempotency_key: str) -> str:
        """Pay ``amount`` to the host; return the transfer's reference. The same key again
        pays nothing more."""
        ...
