"""Messages in GraphQL: ``viewer { threads }``, ``thread(id) { messages }``, ``sendMessage``,
``markThreadRead``; the same reads, commands and redaction as the HTTP API's."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from rental.application.commands import Actor
from rental.application.messaging import commands as m
from rental.application.messaging.reads import (
    MessagePage as MessagePageValue,
)
from rental.application.messaging.reads import (
    MessageView,
    MessagingReads,
    ThreadView,
    view_of_message,
)
from rental.domain.errors import ThreadNotFound
from rental.entrypoints.graphql.inputs import loaded
from rental.entrypoints.graphql.loaders import NO_ARGUMENTS, Batch
from rental.entrypoints.graphql.types import Info, Listing, User
from rental.entrypoints.web.schemas.messaging import MessageRequestSchema

PageArguments = tuple[str | None, int]


def _reads(info: Info) -> MessagingReads:
    reads = info.context.rental.messaging
    assert reads is not None  # bootstrap() always builds it
    return reads


class ThreadBatches:
    """The first pages of messages of the threads a request hands out, in one statement."""

    def __init__(self, reads: MessagingReads, actor: Actor | None) -> None:
        self._reads = reads
        self._actor = actor
        self._threads: dict[str, ThreadView] = {}
        self.messages: Batch[PageArguments, MessagePageValue] = Batch(self._pages)

    @classmethod
    def of(cls, info: Info) -> ThreadBatches:
        batches = info.context.loaders.by_area.get("messaging")
        if not isinstance(batches, ThreadBatches):
            batches = cls(_reads(info), info.context.actor)
            info.context.loaders.by_area["messaging"] = batches
        return batches

    def saw_threads(self, info: Info, threads: list[ThreadView]) -> None:
        self._threads.update((t.id, t) for t in threads)
        self.messages.expect(t.id for t in threads)
        loaders = info.context.loaders
        loaders.listings.expect(t.listing_id for t in threads)
        loaders.users.expect(u for t in threads for u in (t.guest_id, t.host_id))

    def _pages(self, ids: list[str], arguments: PageArguments) -> dict[str, MessagePageValue]:
        assert self._actor is not None  # threads are handed out to signed-in callers only
        before, per_page = arguments
        if before is None:
            threads = [self._threads[i] for i in ids if i in self._threads]
            return self._reads.latest_messages(self._actor, threads, per_page)
        # A cursor belongs to one thread: asked of several, it is a 422 for the others.
        return {i: self._reads.messages(self._actor, i, before, per_page) for i in ids}


@strawberry.type(
    description="A message as the caller sees it: with contact details [hidden] "
    "(redacted true) until the two have a confirmed booking."
)
class Message:
    id: strawberry.ID
    thread_id: strawberry.ID
    body: str
    created_at: datetime
    redacted: bool

    @strawberry.field
    @staticmethod
    def sender(root: strawberry.Parent[MessageView], info: Info) -> User:
        return info.context.loaders.users.load(root.sender_id, NO_ARGUMENTS)  # type: ignore[return-value]


@strawberry.type(description="Messages, newest first; nextCursor is null on the last page.")
class MessagePage:
    items: list[Message]
    next_cursor: str | None


@strawberry.type(description="A guest and a host about a listing (GET /threads/{id}).")
class Thread:
    id: strawberry.ID
    booking_ids: list[strawberry.ID]
    unread_count: int
    updated_at: datetime
    check_in: date | None
    check_out: date | None
    guests: int | None
    last_message: Message | None

    @strawberry.field
    @staticmethod
    def listing(root: strawberry.Parent[ThreadView], info: Info) -> Listing | None:
        return info.context.loaders.listings.load(root.listing_id, NO_ARGUMENTS)  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def guest(root: strawberry.Parent[ThreadView], info: Info) -> User:
        return info.context.loaders.users.load(root.guest_id, NO_ARGUMENTS)  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def host(root: strawberry.Parent[ThreadView], info: Info) -> User:
        return info.context.loaders.users.load(root.host_id, NO_ARGUMENTS)  # type: ignore[return-value]

    @strawberry.field(description="Newest first; page on with before: nextCursor.")
    @staticmethod
    def messages(
        root: strawberry.Parent[ThreadView],
        info: Info,
        before: str | None = None,
        per_page: int | None = 20,
    ) -> MessagePage:
        batches = ThreadBatches.of(info)
        page = batches.messages.load(root.id, (before, 20 if per_page is None else per_page))
        assert page is not None
        info.context.loaders.users.expect(v.sender_id for v in page.items)
        return page  # type: ignore[return-value]


@strawberry.type(description="Threads, most recent activity first.")
class ThreadPage:
    items: list[Thread]
    next_cursor: str | None


def viewer_threads(info: Info, before: str | None = None, per_page: int | None = 20) -> ThreadPage:
    """The caller's threads (GET /threads)."""
    actor = info.context.signed_in()
    page = _reads(info).threads(actor, before, 20 if per_page is None else per_page)
    ThreadBatches.of(info).saw_threads(info, page.items)
    return page  # type: ignore[return-value]


@strawberry.type
class MessagingViewer:
    threads: ThreadPage = strawberry.field(
        resolver=viewer_threads, description="Your threads, most recent activity first."
    )


@strawberry.type
class MessagingQuery:
    @strawberry.field(
        description="A thread of yours; null when missing or not yours (admins read others' "
        "threads for a dispute over HTTP, audited)."
    )
    @staticmethod
    def thread(info: Info, id: strawberry.ID) -> Thread | None:
        actor = info.context.actor
        if actor is None:
            return None
        try:
            view = _reads(info).thread(actor, str(id))
        except ThreadNotFound:
            return None
        ThreadBatches.of(info).saw_threads(info, [view])
        return view  # type: ignore[return-value]


@strawberry.input(description="POST /threads/{id}/messages.")
class SendMessageInput:
    thread_id: strawberry.ID
    body: str


@strawberry.type
class MessagingMutation:
    @strawberry.mutation(
        description="POST /threads/{id}/messages (its participants; 403 when "
        "blocked; at most 30 a minute, RATE_LIMITED past it)."
    )
    @staticmethod
    def send_message(info: Info, input: SendMessageInput) -> Message | None:
        actor = info.context.signed_in()
        body = loaded(MessageRequestSchema(), {"body": input.body})
        thread_id = str(input.thread_id)
        sent = info.context.handle(m.SendMessage(actor=actor, thread_id=thread_id, **body))
        # Its sender sees a message as written: no read needed to show it to them.
        return view_of_message(sent, actor, contact_shared=False)  # type: ignore[return-value]

    @strawberry.mutation(description="POST /threads/{id}/read: read up to the message upTo.")
    @staticmethod
    def mark_thread_read(
        info: Info, thread_id: strawberry.ID, up_to: strawberry.ID
    ) -> Thread | None:
        actor = info.context.signed_in()
        command = m.MarkThreadRead(actor=actor, thread_id=str(thread_id), up_to=str(up_to))
        info.context.handle(command)
        view = _reads(info).thread(actor, str(thread_id))
        ThreadBatches.of(info).saw_threads(info, [view])
        return view  # type: ignore[return-value]
