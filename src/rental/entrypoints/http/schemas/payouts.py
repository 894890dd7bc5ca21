"""Payouts and webhook acknowledgements on the wire."""

from __future__ import annotations

from marshmallow import fields, validate

from rental.entrypoints.http.schemas.common import BaseSchema

PAYOUT_STATUSES = ["scheduled", "due", "paid", "cancelled"]


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
            "description": "What was paid; before that, the host's share now: nightly "
            "subtotal - discount + cleaning fee - the host fee, less its share of refunds."
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


class PayoutSummarySchema(BaseSchema):
    """Sums per currency: amounts in different currencies are never added together."""

    currencies = fields.List(fields.Nested(PayoutTotalsSchema), required=True)


class WebhookAckSchema(BaseSchema):
    """The answer to a verified event: ``acted`` says whether it changed anything."""

    received = fields.Boolean(required=True)
    acted = fields.Boolean(required=True)
