"""Delivering committed events to their consumers: at least once, and acting once.

Events are written to the outbox with the change that raised them. A relay claims due entries
and hands each to a sink: the broker (Dramatiq on Redis), or the consumers in this process.
Consumers act at most once per entry thanks to a ledger, so a redelivery is harmless.
"""

from __future__ import annotations

import abc
import logging
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from typing import Any

from attrs import frozen

from rental.domain.events import Event

logger = logging.getLogger(__name__)


@frozen
class OutboxEntry:
    """An event as stored in the outbox, with the id that makes its deliveries recognizable."""

    id: int
    event_name: str
    payload: dict[str, Any]
    attempts: int = 0

    def event(self) -> Event:
        return Event.from_dict(self.event_name, self.payload)


class Outbox(abc.ABC):
    """The events committed with their changes, until a relay has delivered them."""

    @abc.abstractmethod
    def claim(self, now: datetime, lease: timedelta, limit: int) -> list[OutboxEntry]:
        """Up to ``limit`` undelivered entries due at ``now``, oldest first; other claims do not
        see them until ``now + lease`` (so a relay that dies lets them go)."""

    @abc.abstractmethod
    def mark_published(self, entry_ids: Sequence[int], now: datetime) -> None:
        """These entries were delivered: never claim them again."""

    @abc.abstractmethod
    def retry_later(self, entry_ids: Sequence[int], at: datetime) -> None:
        """Delivering these failed: count an attempt, and let them be claimed from ``at``."""

    @abc.abstractmethod
    def republish_unconsumed(
        self,
        published_before: datetime,
        consumers_of: Callable[[str], frozenset[str]],
        now: datetime,
        limit: int,
    ) -> int:
        """An entry is done only when every consumer of its event (``consumers_of`` its
        name) has acted on it. Of the entries published before ``published_before`` and not
        done: mark those whose consumers have all acted done, make the others due again at
        ``now`` (the broker lost them, or they are still failing; the ledger makes a second
        delivery act once). Return how many were made due again."""


class ConsumerLedger(abc.ABC):
    """Remembers which consumer has acted on which outbox entry."""

    @abc.abstractmethod
    def once(self, entry_id: int, consumer: str) -> AbstractContextManager[bool]:
        """Enter with True when ``consumer`` has not acted on ``entry_id`` yet; a clean exit
        records that it has, an exception records nothing. Two concurrent holders of one
        (entry, consumer) are serialized, and the second enters with False."""


@frozen
class Consumer:
    """A named reaction to some events. ``once=False`` for naturally idempotent ones (cache
    invalidation), which skip the ledger."""

    name: str
    events: tuple[type[Event], ...]
    handle: Callable[[Event], None]
    once: bool = True


class DeliveryFailed(Exception):
    """One or more consumers failed on an event; the entry must be delivered again."""

    def __init__(self, entry_id: int, event_name: str, failures: dict[str, Exception]) -> None:
        reasons = "; ".join(f"{name}: {error!r}" for name, error in failures.items())
        super().__init__(f"event {event_name} (outbox #{entry_id}) failed in {reasons}")
        self.failures = failures


class EventDispatcher:
    """Runs every consumer of an event, each at most once per outbox entry.

    All consumers get their turn even when one fails; then ``DeliveryFailed`` is raised so
    that the entry comes again, and those that already acted skip it.
    """

    def __init__(self, consumers: Iterable[Consumer], ledger: ConsumerLedger) -> None:
        self._consumers = list(consumers)
        self._ledger = ledger

    def dispatch(self, entry_id: int, event: Event) -> None:
        failures: dict[str, Exception] = {}
        for consumer in self._consumers:
            if not isinstance(event, consumer.events):
                continue
            try:
                if not consumer.once:
                    consumer.handle(event)
                    continue
                with self._ledger.once(entry_id, consumer.name) as first:
                    if first:
                        consumer.handle(event)
            except Exception as error:  # each consumer's failure is reported, none hides others
                failures[consumer.name] = error
        if failures:
            raise DeliveryFailed(entry_id, event.name, failures)

    def dispatch_entry(self, entry: OutboxEntry) -> None:
        self.dispatch(entry.id, entry.event())

    def consumers_of(self, event_name: str) -> frozenset[str]:
        """The consumers that must have acted on an event of this name before its entry is
        done: those that record themselves in the ledger (idempotent ones do not)."""
        event_type = Event.registry.get(event_name)
        if event_type is None:
            return frozenset()
        return frozenset(
            c.name for c in self._consumers if c.once and issubclass(event_type, c.events)
        )
