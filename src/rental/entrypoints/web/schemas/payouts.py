"""Payouts and webhook acknowledgements on the wire."""

from __future__ import annotations

from marshmallow import fields, validate

from rental.entrypoints.web.schemas.common import BaseSchema

PAYOUT_STATUSES = ["scheduled", "due", "paid", "cancelled", "held"]


class PayoutSchema(BaseSchema):
    """The host's payout for one booking, in minor units of ``currency``."""

    id = fields.String(required=True)
    booking_id = fields.String(required=True)
    host_id = fields.String(required=True)
    status = fields.String(
        required=True,
        validate=validate.OneOf(PAYOUT_STATUSES),
        metadata={
            "description": "`scheduled` until 24 hours after check-in (listing time zone), "
            "then `due`; `paid` once sent; `cancelled` when refunds left nothing to pay."
        },
    )
    currency = fields.String(required=True)
    amount = fields.Integer(
        required=True,
        metadata={
            "description": "What was sent (never below 0); before that, the host's share "
            "now: nightly subtotal - discount + cleaning fee - the host fee, less its share "
            "of refunds (what the host owes is deducted when it is paid)."
        },
    )
    deducted = fields.Integer(
        required=True,
        metadata={
            "description": "Taken from this payout when it was paid towards what the host "
            "owed for refunds made after earlier payouts in this currency (0 otherwise)."
        },
    )
    owed = fields.Integer(
        required=True,
        metadata={
            "description": "What the host still owes because this booking was refunded "
            "after its payout, until later payouts in this currency recover it (0 otherwise)."
        },
    )
    due_at = fields.DateTime(required=True)
    paid_at = fields.DateTime(required=True, allow_none=True)


class PayoutTotalsSchema(BaseSchema):
    """One currency's payouts summed by status."""

    currency = fields.String(required=True)
    scheduled = fields.Integer(required=True)
    due = fields.Integer(required=True)
    paid = fields.Integer(required=True)
    deducted = fields.Integer(
        required=True,
        metadata={"description": "Taken from payouts towards refunds after earlier payouts."},
    )
    owed = fields.Integer(
        required=True,
        metadata={"description": "Refunded after a payout and not yet recovered from a later one."},
    )


class PayoutSummarySchema(BaseSchema):
    """Sums per currency: amounts in different currencies are never added together."""

    currencies = fields.List(fields.Nested(PayoutTotalsSchema), required=True)


class WebhookAckSchema(BaseSchema):
    """The answer to a verified event: ``acted`` says whether it changed anything."""

    received = fields.Boolean(required=True)
    acted = fields.Boolean(required=True)
