"""Payments on the wire: paying a booking, and a payment as its parties see it."""

from __future__ import annotations

from marshmallow import EXCLUDE, fields, validate

from rental.adapters.sandbox_gateway import APPROVES, DECLINES
from rental.entrypoints.web.schemas.common import NO_NUL, BaseSchema, text

# Stripe's rule for Idempotency-Key: up to 255 characters; printable ASCII keeps it loggable.
# (``$`` is safe here: a header value never holds a newline.)
IDEMPOTENCY_KEY = validate.Regexp(
    r"^[\x20-\x7e]{1,255}$", error="must be 1 to 255 printable ASCII characters."
)


class PaymentRequestSchema(BaseSchema):
    """Body of ``POST /bookings/{id}/payments``. The amount is always the booking's total."""

    payment_method = fields.String(required=True, validate=validate.OneOf(["card"]))
    payment_token = text(
        NO_NUL,
        min_length=1,
        max_length=255,
        required=True,
        metadata={
            "description": "Card token from the gateway; a token it does not know is a 422. "
            "Sandbox: `tok_visa` succeeds, `tok_chargeDeclined` and "
            "`tok_chargeDeclinedInsufficientFunds` are declined (402). "
            "With RENTAL_PAYMENT_GATEWAY=stripe: a Stripe PaymentMethod id (`pm_…`; in test "
            "mode `pm_card_visa`).",
            "example": "tok_visa",
            "x-rental-gateway-token": sorted(APPROVES | set(DECLINES)),
        },
    )


def idempotency_key_field(description: str) -> fields.String:
    """The optional ``Idempotency-Key`` header field (payments, bookings)."""
    return fields.String(
        data_key="Idempotency-Key", validate=IDEMPOTENCY_KEY, metadata={"description": description}
    )


class IdempotencyHeadersSchema(BaseSchema):
    """The optional ``Idempotency-Key`` header; every other header is ignored."""

    class Meta:
        unknown = EXCLUDE

    idempotency_key = idempotency_key_field(
        "Retry safely: the same key with the same body, within 24 hours, answers the stored "
        "response again (201 or 402) without charging twice; the same key with another body "
        "is a 409. Keys are scoped to you and this endpoint."
    )


class PaymentSchema(BaseSchema):
    """A payment of a booking's total; never the card token or the gateway's reference."""

    id = fields.String()
    booking_id = fields.String()
    amount = fields.Integer(metadata={"description": "Minor units of `currency`."})
    currency = fields.String()
    payment_method = fields.String(metadata={"enum": ["card"]})
    status = fields.String(
        metadata={
            "enum": [
                "authorized",
                "captured",
                "failed",
                "voided",
                "refunded",
                "partially_refunded",
            ]
        }
    )
    refunded_amount = fields.Integer()
    failure_reason = fields.String(allow_none=True)
    created_at = fields.DateTime()
