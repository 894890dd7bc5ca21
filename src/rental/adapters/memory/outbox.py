"""The outbox and the consumer ledger of the in-memory mode (``memory://``)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta

from rental.adapters.memory.store import MemoryStore
from rental.application.delivery import ConsumerLedger, Outbox, OutboxEntry


class MemoryOutbox(Outbox):
    """Reads the events ``MemoryUnitOfWork`` appended to ``store.data.outbox``; an entry's id
    is its position there plus one (the list only grows). Delivery state lives here."""

    def __init__(self, store: MemoryStore) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._published: set[int] = set()
        self._due: dict[int, datetime] = {}
        self._attempts: dict[int, int] = {}
        self._first_undelivered = 1

    def claim(self, now: datetime, lease: timedelta, limit: int) -> list[OutboxEntry]:
        events = self._store.data.outbox
        claimed: list[OutboxEntry] = []
        with self._lock:
            for entry_id in range(self._first_undelivered, len(events) + 1):
                if len(claimed) == limit:
                    break
                if entry_id in self._published or self._due.get(entry_id, now) > now:
                    continue
                event = events[entry_id - 1]
                attempts = self._attempts.get(entry_id, 0)
                claimed.append(OutboxEntry(entry_id, event.name, event.to_dict(), attempts))
                self._due[entry_id] = now + lease
        return claimed

    def mark_published(self, entry_ids: Sequence[int], now: datetime) -> None:
        with self._lock:
            self._published.update(entry_ids)
            for entry_id in entry_ids:
                self._due.pop(entry_id, None)
            while self._first_undelivered in self._published:
                self._published.discard(self._first_undelivered)
                self._first_undelivered += 1

    def retry_later(self, entry_ids: Sequence[int], at: datetime) -> None:
        with self._lock:
            for entry_id in entry_ids:
                self._attempts[entry_id] = self._attempts.get(entry_id, 0) + 1
                self._due[entry_id] = at

    def republish_unconsumed(
        self,
        published_before: datetime,
        consumers_of: Callable[[str], frozenset[str]],
        now: datetime,
        limit: int,
    ) -> int:
        # Memory mode forgets what it published (its store dies with the process), so there
        # is nothing to look at again; its consumers run in this process.
        return 0


class MemoryConsumerLedger(ConsumerLedger):
    """(entry, consumer) pairs done. One lock serializes consumers, as a row lock would."""

    def __init__(self) -> None:
        self._done: set[tuple[int, str]] = set()
        self._lock = threading.RLock()

    @contextmanager
    def once(self, entry_id: int, consumer: str) -> Iterator[bool]:
        key = (entry_id, consumer)
        with self._lock:
            if key in self._done:
                yield False
                return
            yield True
            self._done.add(key)
