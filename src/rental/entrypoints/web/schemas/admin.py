"""Administration on the wire: the reason every act gives, accounts, the audit log and a
booking's timeline."""

from __future__ import annotations

from marshmallow import EXCLUDE, fields, validate

from rental.domain.administration.audit import MAX_REASON, Action, ActorRole
from rental.entrypoints.web.schemas.common import MULTILINE, BaseSchema, text
from rental.entrypoints.web.schemas.payments import idempotency_key_field

REASON = text(
    MULTILINE,
    required=True,
    min_length=1,
    max_length=MAX_REASON,
    metadata={"description": "Why (1 to 500 characters, not blank): kept in the audit log."},
)


class ReasonSchema(BaseSchema):
    """Every admin act says why."""

    reason = REASON


class CancelRequestSchema(BaseSchema):
    """An admin's cancellation: why, and how much of what was captured to refund."""

    reason = REASON
    refund_amount = fields.Integer(
        required=True,
        strict=True,
        metadata={
            "description": "Minor units to refund through the payment provider: from 0 to what "
            "was captured for the booking and not yet refunded."
        },
    )


class CancelHeadersSchema(BaseSchema):
    """The optional ``Idempotency-Key`` header of an admin's cancellation."""

    class Meta:
        unknown = EXCLUDE

    idempotency_key = idempotency_key_field(
        "Retry safely: the same key with the same body gives back the first cancellation's "
        "audit entry (200) and refunds nothing more; the same key with another body is a 409."
    )


class AccountQuerySchema(BaseSchema):
    """``?q=`` (part of an email, username or full name) and the page."""

    q = fields.String(required=True, validate=validate.Length(min=1, max=200))
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=1_000_000))
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))


class AccountSchema(BaseSchema):
    """An account as admins see it."""

    id = fields.String(required=True)
    username = fields.String(required=True)
    email = fields.String(required=True)
    role = fields.String(required=True)
    full_name = fields.String(required=True, allow_none=True)
    created_at = fields.DateTime(required=True)
    email_verified = fields.Boolean(required=True)
    disabled_at = fields.DateTime(
        required=True, allow_none=True, metadata={"description": "Null unless disabled."}
    )


class AuditEntrySchema(BaseSchema):
    """One line of the append-only audit log."""

    id = fields.Integer(required=True)
    at = fields.DateTime(required=True)
    actor_id = fields.String(
        required=True,
        allow_none=True,
        metadata={
            "description": "The user's id; `cli:<login>` for an operator; null for a "
            "webhook, a job or the system."
        },
    )
    actor_role = fields.String(required=True, validate=validate.OneOf([r.value for r in ActorRole]))
    action = fields.String(required=True, validate=validate.OneOf([a.value for a in Action]))
    target_type = fields.String(
        required=True,
        metadata={
            "description": "`user`, `listing`, `review`, `booking`, `payment`, `payout`, "
            "`recovery` or `thread`."
        },
    )
    target_id = fields.String(required=True)
    reason = fields.String(required=True, allow_none=True)
    before = fields.Dict(required=True, allow_none=True)
    after = fields.Dict(required=True, allow_none=True)
    request_id = fields.String(
        required=True,
        allow_none=True,
        metadata={"description": "The `X-Request-ID` of the HTTP request that caused it."},
    )


class AuditQuerySchema(BaseSchema):
    """Filters (each optional, all must hold) and the cursor of the next page."""

    target_id = fields.String(load_default=None, validate=validate.Length(min=1, max=64))
    actor_id = fields.String(load_default=None, validate=validate.Length(min=1, max=64))
    action = fields.String(validate=validate.OneOf([a.value for a in Action]))
    cursor = fields.String(load_default=None, validate=validate.Length(max=200))
    per_page = fields.Integer(load_default=50, validate=validate.Range(min=1, max=100))


class AuditPageSchema(BaseSchema):
    """Audit entries, newest first; ``next_cursor`` is null on the last page."""

    items = fields.List(fields.Nested(AuditEntrySchema), required=True)
    next_cursor = fields.String(required=True, allow_none=True)


class TimelineItemSchema(BaseSchema):
    """One moment of a booking: an event, a ledger entry or an audit entry, in one shape."""

    at = fields.DateTime(required=True)
    source = fields.String(required=True, validate=validate.OneOf(["event", "ledger", "audit"]))
    kind = fields.String(
        required=True,
        metadata={
            "description": "The event's name (`BookingCancelled`), the ledger entry's "
            "reason (`capture`, `refund`) or the audit action (`refund`)."
        },
    )
    actor_id = fields.String(required=True, allow_none=True)
    actor_role = fields.String(required=True, allow_none=True)
    data = fields.Dict(required=True, metadata={"description": "Its fields, as recorded."})


class TimelineSchema(BaseSchema):
    """Everything that happened to a booking and its money, oldest first."""

    items = fields.List(fields.Nested(TimelineItemSchema), required=True)


class ReleasedSchema(BaseSchema):
    """How many held payouts were released (each paid when due)."""

    released = fields.Integer(required=True)


class DisputeQuerySchema(BaseSchema):
    """``?reason=`` (kept in the audit log with the read), and the page of messages."""

    reason = REASON
    before = fields.String(load_default=None)
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))
