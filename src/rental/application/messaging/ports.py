"""The ports of messaging: threads to change, blocks and preferences, a counter, and reads."""

from __future__ import annotations

import abc
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from attrs import frozen

from rental.application.repositories import Tracking
from rental.domain.messaging.thread import Message, Thread, UserBlock


class ThreadRepository(Tracking, abc.ABC):
    """Threads, each with its messages appended in their own table."""

    def add(self, thread: Thread) -> None:
        self._add(self._seen(thread))

    def get(self, thread_id: str) -> Thread:
        """The thread, or ``ThreadNotFound``."""
        return self._seen(self._get(thread_id))  # type: ignore[no-any-return]

    def of_guest(self, listing_id: str, guest_id: str) -> Thread | None:
        """The thread of this guest about this listing, if they have written before."""
        return self._seen(self._of_guest(listing_id, guest_id))  # type: ignore[no-any-return]

    @abc.abstractmethod
    def append(self, message: Message) -> None:
        """Store a new message of a thread added or loaded here."""

    @abc.abstractmethod
    def message(self, message_id: str) -> Message | None:
        """A message by id, whatever its thread."""

    @abc.abstractmethod
    def emails_due(self, now: datetime, limit: int) -> list[tuple[str, str]]:
        """``(thread_id, recipient_id)`` whose email about unread messages is due."""

    @abc.abstractmethod
    def _add(self, thread: Thread) -> None: ...

    @abc.abstractmethod
    def _get(self, thread_id: str) -> Thread: ...

    @abc.abstractmethod
    def _of_guest(self, listing_id: str, guest_id: str) -> Thread | None: ...


class UserBlockRepository(abc.ABC):
    """Who has blocked whom, and who wants emails about messages."""

    @abc.abstractmethod
    def between(self, user_id: str, other_id: str) -> list[UserBlock]:
        """The blocks of either user by the other (none, one or both)."""

    @abc.abstractmethod
    def add(self, block: UserBlock) -> None:
        """Record a block; a block that exists already stays as it is."""

    @abc.abstractmethod
    def remove(self, blocker_id: str, blocked_id: str) -> None:
        """Lift a block, if there is one."""

    @abc.abstractmethod
    def wants_message_emails(self, user_id: str) -> bool:
        """Whether the user is emailed about new messages (yes, unless turned off)."""

    @abc.abstractmethod
    def set_message_emails(self, user_id: str, enabled: bool) -> None: ...


class MessageRate(Protocol):
    """Counts a sender's messages per fixed window, across every server process."""

    def hit(self, key: str, window: int, period: int) -> int:
        """Count one more in window number ``window`` (of ``period`` seconds); the count."""


@frozen(kw_only=True)
class ThreadRecord:
    """A thread as read, with what its views need beside it: the ids of the guest's bookings
    of the listing, whether one of them is confirmed (or completed), and its latest message."""

    thread: Thread
    booking_ids: tuple[str, ...]
    contact_shared: bool
    last_message: Message | None


class MessagingQueries(Protocol):
    """The read side of messaging, straight from storage."""

    def thread(self, thread_id: str) -> ThreadRecord | None: ...

    def inbox(
        self, user_id: str, before: tuple[datetime, str] | None, limit: int
    ) -> list[ThreadRecord]:
        """The user's threads by latest activity, newest first, strictly before ``before``
        (``updated_at``, ``id``)."""

    def message(self, message_id: str) -> Message | None: ...

    def messages(self, thread_id: str, before: int | None, limit: int) -> list[Message]:
        """A thread's messages, newest first, with positions below ``before``."""

    def latest_messages(self, thread_ids: Sequence[str], limit: int) -> dict[str, list[Message]]:
        """The newest ``limit`` messages of each thread, newest first, in one statement."""

    def messages_between(self, thread_id: str, first: int, last: int) -> list[Message]:
        """A thread's messages of positions ``first`` to ``last``, oldest first."""

    def latest_sequence(self) -> int:
        """The sequence number of the newest message of all (0 when there is none)."""

    def new_messages(self, user_id: str, after: int, limit: int) -> list[tuple[int, Message]]:
        """The messages of the user's threads with sequence numbers above ``after``, oldest
        first, each with its sequence number."""

    def wants_message_emails(self, user_id: str) -> bool: ...

    def blocks_between(self, user_id: str, other_id: str) -> Sequence[UserBlock]: ...
