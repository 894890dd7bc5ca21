"""Messaging in the in-memory mode: threads, messages, blocks, preferences and reads."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from attrs import define, field

from rental.application.messaging.ports import ThreadRecord, ThreadRepository, UserBlockRepository
from rental.domain.errors import ThreadNotFound
from rental.domain.messaging.thread import CONTACT_SHARING_STATUSES, Message, Thread, UserBlock

if TYPE_CHECKING:
    from rental.adapters.memory.store import MemoryStore


@define
class MessagingData:
    """Messaging's part of ``MemoryData``."""

    threads: dict[str, Thread] = field(factory=dict)
    messages: dict[str, list[Message]] = field(factory=dict)  # by thread, oldest first
    sequence: list[tuple[int, Message]] = field(factory=list)  # every message, in commit order
    blocks: dict[tuple[str, str], UserBlock] = field(factory=dict)
    emails_off: set[str] = field(factory=set)


class MemoryThreads(ThreadRepository):
    """Threads of one working copy."""

    def __init__(self, data: MessagingData) -> None:
        super().__init__()
        self._data = data

    def _add(self, thread: Thread) -> None:
        self._data.threads[thread.id] = thread
        self._data.messages.setdefault(thread.id, [])

    def _get(self, thread_id: str) -> Thread:
        thread = self._data.threads.get(thread_id)
        if thread is None:
            raise ThreadNotFound(f"No thread {thread_id}.")
        return thread

    def _of_guest(self, listing_id: str, guest_id: str) -> Thread | None:
        return next(
            (
                t
                for t in self._data.threads.values()
                if t.listing_id == listing_id and t.guest_id == guest_id
            ),
            None,
        )

    def append(self, message: Message) -> None:
        self._data.messages.setdefault(message.thread_id, []).append(message)
        self._data.sequence.append((len(self._data.sequence) + 1, message))

    def message(self, message_id: str) -> Message | None:
        return next((m for _, m in self._data.sequence if m.id == message_id), None)

    def emails_due(self, now: datetime, limit: int) -> list[tuple[str, str]]:
        due = [
            (t.id, user)
            for t in self._data.threads.values()
            for user in (t.guest_id, t.host_id)
            if (at := t.email_due_at(user)) is not None and at <= now
        ]
        return due[:limit]


class MemoryUserBlocks(UserBlockRepository):
    """Blocks and message-email preferences of one working copy."""

    def __init__(self, data: MessagingData) -> None:
        self._data = data

    def between(self, user_id: str, other_id: str) -> list[UserBlock]:
        pairs = ((user_id, other_id), (other_id, user_id))
        return [self._data.blocks[p] for p in pairs if p in self._data.blocks]

    def add(self, block: UserBlock) -> None:
        self._data.blocks.setdefault((block.blocker_id, block.blocked_id), block)

    def remove(self, blocker_id: str, blocked_id: str) -> None:
        self._data.blocks.pop((blocker_id, blocked_id), None)

    def wants_message_emails(self, user_id: str) -> bool:
        return user_id not in self._data.emails_off

    def set_message_emails(self, user_id: str, enabled: bool) -> None:
        if enabled:
            self._data.emails_off.discard(user_id)
        else:
            self._data.emails_off.add(user_id)


class MemoryMessagingQueries:
    """The read side of messaging over the committed state."""

    def __init__(self, store: MemoryStore) -> None:
        self._store = store

    @property
    def _data(self) -> MessagingData:
        return self._store.data.messaging

    def _record(self, thread: Thread) -> ThreadRecord:
        bookings = sorted(
            (
                b
                for b in self._store.data.bookings.values()
                if b.listing_id == thread.listing_id and b.guest_id == thread.guest_id
            ),
            key=lambda b: (b.created_at, b.id),
        )
        messages = self._data.messages.get(thread.id, [])
        return ThreadRecord(
            thread=thread,
            booking_ids=tuple(b.id for b in bookings),
            contact_shared=any(b.status in CONTACT_SHARING_STATUSES for b in bookings),
            last_message=messages[-1] if messages else None,
        )

    def thread(self, thread_id: str) -> ThreadRecord | None:
        with self._store.lock:
            thread = self._data.threads.get(thread_id)
            return None if thread is None else self._record(thread)

    def inbox(
        self, user_id: str, before: tuple[datetime, str] | None, limit: int
    ) -> list[ThreadRecord]:
        with self._store.lock:
            mine = [
                t
                for t in self._data.threads.values()
                if user_id in (t.guest_id, t.host_id)
                and (before is None or (t.updated_at, t.id) < before)
            ]
            mine.sort(key=lambda t: (t.updated_at, t.id), reverse=True)
            return [self._record(t) for t in mine[:limit]]

    def message(self, message_id: str) -> Message | None:
        with self._store.lock:
            return MemoryThreads(self._data).message(message_id)

    def messages(self, thread_id: str, before: int | None, limit: int) -> list[Message]:
        with self._store.lock:
            found = [
                m
                for m in reversed(self._data.messages.get(thread_id, []))
                if before is None or m.position < before
            ]
            return found[:limit]

    def latest_messages(self, thread_ids: Sequence[str], limit: int) -> dict[str, list[Message]]:
        return {thread_id: self.messages(thread_id, None, limit) for thread_id in thread_ids}

    def messages_between(self, thread_id: str, first: int, last: int) -> list[Message]:
        with self._store.lock:
            return [
                m for m in self._data.messages.get(thread_id, []) if first <= m.position <= last
            ]

    def latest_sequence(self) -> int:
        with self._store.lock:
            return len(self._data.sequence)

    def new_messages(self, user_id: str, after: int, limit: int) -> list[tuple[int, Message]]:
        with self._store.lock:
            threads = self._data.threads
            found = [
                (seq, m)
                for seq, m in self._data.sequence[after:]
                if user_id in (threads[m.thread_id].guest_id, threads[m.thread_id].host_id)
            ]
            return found[:limit]

    def wants_message_emails(self, user_id: str) -> bool:
        with self._store.lock:
            return user_id not in self._data.emails_off

    def blocks_between(self, user_id: str, other_id: str) -> Sequence[UserBlock]:
        with self._store.lock:
            return MemoryUserBlocks(self._data).between(user_id, other_id)


class MemoryMessageRate:
    """Counters in this process (the in-memory mode is one process)."""

    def __init__(self) -> None:
        self._counts: dict[tuple[str, int], int] = {}
        self._lock = threading.Lock()

    def hit(self, key: str, window: int, period: int) -> int:
        with self._lock:
            for stale in [k for k in self._counts if k[1] < window]:
                del self._counts[stale]
            self._counts[(key, window)] = self._counts.get((key, window), 0) + 1
            return self._counts[(key, window)]
