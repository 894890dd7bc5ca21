"""The read side of messaging: who may read what, as frozen views.

What the other participant wrote is shown with contact details hidden until the pair has a
confirmed booking; the sender and admins see it as written. Cursors are opaque to clients: a
cursor names the list it pages (a thread, or one user's inbox), and one that does not decode,
or that belongs to another list, is refused (422).
"""

from __future__ import annotations

import base64
import binascii
from datetime import date, datetime

from attrs import frozen

from rental.application.commands import Actor
from rental.application.messaging.ports import MessagingQueries, ThreadRecord
from rental.domain.errors import InvalidInput, MessageNotFound, ThreadNotFound
from rental.domain.messaging.thread import Message, Thread

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


@frozen(kw_only=True)
class MessageView:
    """A message as one reader sees it."""

    id: str
    thread_id: str
    sender_id: str
    body: str
    created_at: datetime
    redacted: bool


@frozen(kw_only=True)
class ThreadView:
    """A thread as one of its participants (or an admin) sees it."""

    id: str
    listing_id: str
    guest_id: str
    host_id: str
    booking_ids: tuple[str, ...]
    last_message: MessageView | None
    unread_count: int
    updated_at: datetime
    check_in: date | None
    check_out: date | None
    guests: int | None
    contact_shared: bool  # whether contact details show (not shown to clients as such)


@frozen
class ThreadPage:
    items: list[ThreadView]
    next_cursor: str | None


@frozen
class MessagePage:
    items: list[MessageView]
    next_cursor: str | None


@frozen
class Updates:
    """New messages of the reader's threads since a cursor, and the cursor to wait from next."""

    messages: list[MessageView]
    cursor: str


def encode_cursor(*parts: str) -> str:
    return base64.urlsafe_b64encode("\x1f".join(parts).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, name: str, kind: str, count: int) -> list[str]:
    """The parts of a cursor of ``kind``, or ``InvalidInput`` on ``name``."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    parts = text.split("\x1f")
    if len(parts) != count or parts[0] != kind:
        raise InvalidInput.field(name, "is not a cursor of this list.")
    return parts[1:]


def view_of_message(message: Message, viewer: Actor, *, contact_shared: bool) -> MessageView:
    body, redacted = message.shown_to(
        viewer.user_id, contact_shared=contact_shared, is_admin=viewer.is_admin
    )
    return MessageView(
        id=message.id,
        thread_id=message.thread_id,
        sender_id=message.sender_id,
        body=body,
        created_at=message.created_at,
        redacted=redacted,
    )


def view_of_thread(record: ThreadRecord, viewer: Actor) -> ThreadView:
    thread: Thread = record.thread
    last = record.last_message
    return ThreadView(
        id=thread.id,
        listing_id=thread.listing_id,
        guest_id=thread.guest_id,
        host_id=thread.host_id,
        booking_ids=record.booking_ids,
        last_message=None
        if last is None
        else view_of_message(last, viewer, contact_shared=record.contact_shared),
        unread_count=thread.unread_count_for(viewer.user_id),
        updated_at=thread.updated_at,
        check_in=thread.check_in,
        check_out=thread.check_out,
        guests=thread.guests,
        contact_shared=record.contact_shared,
    )


class MessagingReads:
    """What a user may read of their messages. Admins read any thread, as written, only
    for a dispute (``dispute=True``), after ``ReadThreadForDispute`` has put the read in the
    audit log; elsewhere a thread they are not in does not exist for them either."""

    def __init__(self, queries: MessagingQueries) -> None:
        self._queries = queries

    def _record(self, actor: Actor, thread_id: str, *, dispute: bool = False) -> ThreadRecord:
        record = self._queries.thread(thread_id)
        if record is None:
            raise ThreadNotFound(f"No thread {thread_id}.")
        record.thread.check_can_read(actor.user_id, is_admin=dispute and actor.is_admin)
        return record

    def thread(self, actor: Actor, thread_id: str, *, dispute: bool = False) -> ThreadView:
        return view_of_thread(self._record(actor, thread_id, dispute=dispute), actor)

    def threads(self, actor: Actor, before: str | None, limit: int = DEFAULT_LIMIT) -> ThreadPage:
        """The actor's threads, most recent activity first."""
        after: tuple[datetime, str] | None = None
        if before is not None:
            stamp, thread_id = decode_cursor(before, "before", "inbox:" + actor.user_id, 3)
            try:
                after = (datetime.fromisoformat(stamp), thread_id)
            except ValueError:
                raise InvalidInput.field("before", "is not a cursor of this list.") from None
        records = self._queries.inbox(actor.user_id, after, limit + 1)
        items = [view_of_thread(r, actor) for r in records[:limit]]
        next_cursor = None
        if len(records) > limit:
            last = records[limit - 1].thread
            next_cursor = encode_cursor(
                "inbox:" + actor.user_id, last.updated_at.isoformat(), last.id
            )
        return ThreadPage(items, next_cursor)

    def message(self, actor: Actor, thread_id: str, message_id: str) -> MessageView:
        record = self._record(actor, thread_id)
        message = self._queries.message(message_id)
        if message is None or message.thread_id != thread_id:
            raise MessageNotFound(f"No message {message_id} in this thread.")
        return view_of_message(message, actor, contact_shared=record.contact_shared)

    def messages(
        self,
        actor: Actor,
        thread_id: str,
        before: str | None,
        limit: int = DEFAULT_LIMIT,
        *,
        dispute: bool = False,
    ) -> MessagePage:  # fmt: skip # the keyword-only flag on the line of the others
        """A thread's messages, newest first."""
        record = self._record(actor, thread_id, dispute=dispute)
        position: int | None = None
        if before is not None:
            (raw,) = decode_cursor(before, "before", "thread:" + thread_id, 2)
            if not raw.isdigit():
                raise InvalidInput.field("before", "is not a cursor of this list.")
            position = int(raw)
        found = self._queries.messages(thread_id, position, limit + 1)
        shared = record.contact_shared
        items = [view_of_message(m, actor, contact_shared=shared) for m in found[:limit]]
        next_cursor = None
        if len(found) > limit:
            next_cursor = encode_cursor("thread:" + thread_id, str(found[limit - 1].position))
        return MessagePage(items, next_cursor)

    def latest_messages(
        self, actor: Actor, threads: list[ThreadView], limit: int = DEFAULT_LIMIT
    ) -> dict[str, MessagePage]:
        """The first page of messages of each of ``threads`` (views this actor was given), in
        one query: GraphQL's batch of ``threads { messages }``."""
        if not 1 <= limit <= MAX_LIMIT:
            raise InvalidInput.field("perPage", f"must be 1 to {MAX_LIMIT}.")
        found = self._queries.latest_messages([t.id for t in threads], limit + 1)
        pages = {}
        for view in threads:
            messages = found.get(view.id, [])
            next_cursor = None
            if len(messages) > limit:
                next_cursor = encode_cursor("thread:" + view.id, str(messages[limit - 1].position))
            pages[view.id] = MessagePage(
                [
                    view_of_message(m, actor, contact_shared=view.contact_shared)
                    for m in messages[:limit]
                ],
                next_cursor,
            )
        return pages

    def message_emails(self, actor: Actor) -> bool:
        """Whether the actor is emailed about new messages."""
        return self._queries.wants_message_emails(actor.user_id)

    def updates_cursor(self) -> str:
        """Where to wait from: after the newest message committed now."""
        return encode_cursor("updates", str(self._queries.latest_sequence()))

    def updates(self, actor: Actor, since: str, limit: int = MAX_LIMIT) -> Updates:
        """The messages of the actor's threads committed after ``since`` (none: the same
        cursor), oldest first."""
        (raw,) = decode_cursor(since, "since", "updates", 2)
        if not raw.isdigit():
            raise InvalidInput.field("since", "is not a cursor of this list.")
        after = int(raw)
        found = self._queries.new_messages(actor.user_id, after, limit)
        shared: dict[str, bool] = {}
        views = []
        for _, message in found:
            if message.thread_id not in shared:
                record = self._queries.thread(message.thread_id)
                shared[message.thread_id] = record is not None and record.contact_shared
            views.append(view_of_message(message, actor, contact_shared=shared[message.thread_id]))
        last = found[-1][0] if found else after
        return Updates(views, encode_cursor("updates", str(last)))
