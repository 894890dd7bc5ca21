"""Messages on the wire: inquiries, threads, messages, read positions, cursors."""

from __future__ import annotations

from marshmallow import fields, validate

from rental.application.messaging.reads import MAX_LIMIT
from rental.domain.messaging.thread import MAX_BODY, MAX_INQUIRY_GUESTS
from rental.entrypoints.web.schemas.common import BaseSchema

BODY = {
    "description": f"1 to {MAX_BODY:,} characters once leading and trailing white space is "
    "trimmed; line breaks and tabs are kept, other control characters and bidirectional "
    "override characters are refused. Stored as text, never as HTML.",
    "example": "Hello! Is the flat free from the 24th to the 28th?",
}


class MessageRequestSchema(BaseSchema):
    """Body of ``POST /threads/{id}/messages``."""

    body = fields.String(required=True, metadata=BODY)


class InquiryRequestSchema(MessageRequestSchema):
    """Body of ``POST /listings/{id}/inquiries``: a message, and the stay it asks about."""

    check_in = fields.Date(load_default=None, metadata={"description": "With check_out."})
    check_out = fields.Date(load_default=None, metadata={"description": "After check_in."})
    guests = fields.Integer(
        load_default=None, strict=True, validate=validate.Range(min=1, max=MAX_INQUIRY_GUESTS)
    )


class ReadRequestSchema(BaseSchema):
    """Body of ``POST /threads/{id}/read``."""

    up_to = fields.String(
        required=True,
        metadata={"description": "The id of a message of this thread: read up to it."},
    )


class CursorQuerySchema(BaseSchema):
    """``?before=<cursor>&per_page=20``: the cursor is a ``next_cursor`` of the same list."""

    before = fields.String(load_default=None)
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=MAX_LIMIT))


class MessageSchema(BaseSchema):
    """A message as its reader sees it: ``redacted`` when contact details became [hidden]."""

    id = fields.String(required=True)
    thread_id = fields.String(required=True)
    sender_id = fields.String(required=True)
    body = fields.String(required=True)
    created_at = fields.DateTime(required=True)
    redacted = fields.Boolean(required=True)


class ThreadSchema(BaseSchema):
    """A guest and a host about a listing; ``check_in``, ``check_out`` and ``guests`` are the
    stay of the latest inquiry (null when it named none)."""

    id = fields.String(required=True)
    listing_id = fields.String(required=True)
    guest_id = fields.String(required=True)
    host_id = fields.String(required=True)
    booking_ids = fields.List(fields.String(), required=True)
    last_message = fields.Nested(MessageSchema, required=True, allow_none=True)
    unread_count = fields.Integer(required=True)
    updated_at = fields.DateTime(required=True)
    check_in = fields.Date(required=True, allow_none=True)
    check_out = fields.Date(required=True, allow_none=True)
    guests = fields.Integer(required=True, allow_none=True)


class ThreadPageSchema(BaseSchema):
    """Threads, most recent activity first; ``next_cursor`` is null on the last page."""

    items = fields.List(fields.Nested(ThreadSchema), required=True)
    next_cursor = fields.String(required=True, allow_none=True)


class MessagePageSchema(BaseSchema):
    """Messages, newest first; ``next_cursor`` is null on the last page."""

    items = fields.List(fields.Nested(MessageSchema), required=True)
    next_cursor = fields.String(required=True, allow_none=True)


class UpdatesQuerySchema(BaseSchema):
    """``?since=<cursor>``: a ``cursor`` from an earlier answer of ``GET /threads/updates``."""

    since = fields.String(load_default=None)


class UpdatesSchema(BaseSchema):
    """New messages of your threads, oldest first, and the cursor to wait from next; without
    ``since``, the cursor alone."""

    messages = fields.List(fields.Nested(MessageSchema))
    cursor = fields.String(required=True)
