"""Messages between guests and hosts: inquiries, threads, messages, read positions, blocks.

Only a thread's two participants see it (admins read it, without writing); to anyone else it
is a 404. What the other participant wrote shows contact details as ``[hidden]`` until the pair
has a confirmed booking.
"""

from __future__ import annotations

from typing import Any

from flask import Response, url_for
from flask.views import MethodView

from rental.application.commands import Actor
from rental.application.messaging import commands as m
from rental.application.messaging.reads import (
    MessagePage,
    MessageView,
    MessagingReads,
    ThreadPage,
    ThreadView,
    Updates,
    view_of_message,
)
from rental.domain.accounts.users import User
from rental.entrypoints.http.auth import current_actor, jwt_required
from rental.entrypoints.http.context import BEARER, Blueprint, get_rental, location_header
from rental.entrypoints.web.schemas.messaging import (
    CursorQuerySchema,
    InquiryRequestSchema,
    MessagePageSchema,
    MessageRequestSchema,
    MessageSchema,
    ReadRequestSchema,
    ThreadPageSchema,
    ThreadSchema,
    UpdatesQuerySchema,
    UpdatesSchema,
)

blp = Blueprint("messaging", __name__, description="Messages between guests and hosts.")
THREAD_LOCATION = location_header("The thread's URL.")
MESSAGE_LOCATION = location_header("The message's URL.")


class Account:
    """A user as ``/users/me`` shows them: with whether they are emailed about messages."""

    def __init__(self, user: User, notify_messages: bool) -> None:
        self._user = user
        self.notify_messages = notify_messages

    def __getattr__(self, name: str) -> Any:
        return getattr(self._user, name)


def message_emails(actor: Actor) -> bool:
    return messaging().message_emails(actor)


def messaging() -> MessagingReads:
    reads = get_rental().messaging
    assert reads is not None  # bootstrap() always builds it
    return reads


@blp.route("/listings/<listing_id>/inquiries")
class ListingInquiries(MethodView):
    """Write to a listing's host."""

    @jwt_required()
    @blp.arguments(InquiryRequestSchema)
    @blp.response(201, ThreadSchema, headers=THREAD_LOCATION)
    @blp.problems(400, 401, 403, 404, 415, 422, 429)
    @blp.doc(security=BEARER)
    @blp.doc(operationId="sendInquiry")
    def post(self, body: dict[str, Any], listing_id: str) -> tuple[ThreadView, int, dict[str, str]]:
        """Ask a listing's host (anyone but the host: the host gets 422 on `listing_id`).

        Opens the thread of you and this listing, or adds the message to it when you have
        written before; either way 201 with the thread. `check_in`, `check_out` (both or
        neither) and `guests` are the stay you ask about. 403 when the host has blocked you,
        404 for a missing or deleted listing.

        A sender may post at most 30 messages a minute (inquiries included), across every
        server process; past it, 429 with Retry-After."""
        actor = current_actor()
        thread = get_rental().handle(m.SendInquiry(actor=actor, listing_id=listing_id, **body))
        location = url_for("messaging.Thread", thread_id=thread.id)
        return messaging().thread(actor, thread.id), 201, {"Location": location}


@blp.get("/threads")
@blp.doc(operationId="listThreads")
@jwt_required()
@blp.arguments(CursorQuerySchema, location="query")
@blp.response(200, ThreadPageSchema)
@blp.problems(401, 422)
@blp.doc(security=BEARER)
def threads(query: dict[str, Any]) -> ThreadPage:
    """Your threads, most recent activity first, with what you have not read.

    Page on with `?before=` and the `next_cursor` of the page before (null on the last page);
    a cursor of another list is a 422. `per_page` is 1 to 100 (default 20)."""
    return messaging().threads(current_actor(), query["before"], query["per_page"])


@blp.get("/threads/updates")
@blp.doc(operationId="getThreadUpdates")
@jwt_required()
@blp.arguments(UpdatesQuerySchema, location="query")
@blp.response(200, UpdatesSchema)
@blp.alt_response(204, description="Nothing new since the cursor: keep it and ask again.")
@blp.problems(401, 422, 503)
@blp.doc(security=BEARER)
def updates(query: dict[str, Any]) -> Updates | dict[str, str] | Response:
    """New messages without polling every second.

    Without `since`: `{cursor}` at once, to wait from. With `since=<cursor>`: the new
    messages of your threads, oldest first, with the cursor to wait from next, or 204 when
    there is none. Served by `rental serve-updates`, the request is held up to 25 s and
    answered as soon as a message for you is committed (no database connection is held
    while it waits; past the server's limit of waiting clients, 503 with Retry-After).
    Served by `rental serve` alone, it answers at once."""
    reads = messaging()
    if query["since"] is None:
        return {"cursor": reads.updates_cursor()}
    found = reads.updates(current_actor(), query["since"])
    return found if found.messages else Response(status=204)


@blp.route("/threads/<thread_id>")
class Thread(MethodView):
    """One thread."""

    @jwt_required()
    @blp.response(200, ThreadSchema)
    @blp.problems(401, 404)
    @blp.doc(security=BEARER)
    @blp.doc(operationId="getThread")
    def get(self, thread_id: str) -> ThreadView:
        """A thread of yours (or any, for an admin); 404 for anyone else."""
        return messaging().thread(current_actor(), thread_id)


@blp.route("/threads/<thread_id>/messages")
class ThreadMessages(MethodView):
    """A thread's messages."""

    @jwt_required()
    @blp.arguments(CursorQuerySchema, location="query")
    @blp.response(200, MessagePageSchema)
    @blp.problems(401, 404, 422)
    @blp.doc(security=BEARER)
    @blp.doc(operationId="listThreadMessages")
    def get(self, query: dict[str, Any], thread_id: str) -> MessagePage:
        """The thread's messages, newest first, paged by `?before=` and `next_cursor`.

        The other participant's contact details read `[hidden]` (`redacted: true`) until you
        have a confirmed booking together; admins see every message as written."""
        return messaging().messages(current_actor(), thread_id, query["before"], query["per_page"])

    @jwt_required()
    @blp.arguments(MessageRequestSchema)
    @blp.response(201, MessageSchema, headers=MESSAGE_LOCATION)
    @blp.problems(400, 401, 403, 404, 415, 422, 429)
    @blp.doc(security=BEARER)
    @blp.doc(operationId="sendMessage")
    def post(self, body: dict[str, Any], thread_id: str) -> tuple[MessageView, int, dict[str, str]]:
        """Write in a thread of yours. 403 when the other participant has blocked you, or for
        an admin (who reads threads, never writes in them).

        A sender may post at most 30 messages a minute (inquiries included), across every
        server process; past it, 429 with Retry-After."""
        actor = current_actor()
        message = get_rental().handle(m.SendMessage(actor=actor, thread_id=thread_id, **body))
        location = url_for("messaging.ThreadMessage", thread_id=thread_id, message_id=message.id)
        # Its sender sees a message as written: no read needed to show it to them.
        return view_of_message(message, actor, contact_shared=False), 201, {"Location": location}


@blp.route("/threads/<thread_id>/messages/<message_id>")
class ThreadMessage(MethodView):
    """One message."""

    @jwt_required()
    @blp.response(200, MessageSchema)
    @blp.problems(401, 404)
    @blp.doc(security=BEARER)
    @blp.doc(operationId="getThreadMessage")
    def get(self, thread_id: str, message_id: str) -> MessageView:
        """One message of a thread of yours (the URL a new message answers with)."""
        return messaging().message(current_actor(), thread_id, message_id)


@blp.post("/threads/<thread_id>/read")
@blp.doc(operationId="markThreadRead")
@jwt_required()
@blp.arguments(ReadRequestSchema)
@blp.response(204)
@blp.problems(400, 401, 403, 404, 415, 422)
@blp.doc(security=BEARER)
def mark_read(body: dict[str, Any], thread_id: str) -> Response:
    """You have read the thread up to the message `up_to` (422 when it is not a message of
    this thread). A read position never moves back; writing a message reads what came
    before it."""
    get_rental().handle(m.MarkThreadRead(actor=current_actor(), thread_id=thread_id, **body))
    return Response(status=204)


@blp.route("/users/<user_id>/block")
class UserBlock(MethodView):
    """Whether a user may write to you."""

    @jwt_required()
    @blp.response(204)
    @blp.problems(401, 404, 422)
    @blp.doc(security=BEARER)
    @blp.doc(operationId="blockUser")
    def post(self, user_id: str) -> Response:
        """Block a user: they can no longer write to you (403 when they try); they are not
        told otherwise. Blocking twice is blocking once; you cannot block yourself (422)."""
        get_rental().handle(m.BlockUser(actor=current_actor(), user_id=user_id))
        return Response(status=204)

    @jwt_required()
    @blp.response(204)
    @blp.problems(401, 404)
    @blp.doc(security=BEARER)
    @blp.doc(operationId="unblockUser")
    def delete(self, user_id: str) -> Response:
        """Lift your block of a user (nothing happens when there is none)."""
        get_rental().handle(m.UnblockUser(actor=current_actor(), user_id=user_id))
        return Response(status=204)
