"""Stripe's webhook events: the signature checked by the SDK, the payload read into the
application's ``ProviderEvent`` (only what it acts on: ids and amounts, never card data)."""

from __future__ import annotations

from typing import Any

import stripe

from rental.application.ports import ProviderEvent
from rental.domain.errors import WebhookRejected

TOLERANCE_SECONDS = 300  # a signature older than 5 minutes is refused: a replay, or a delay
HANDLED = frozenset(
    {
        "payment_intent.succeeded",
        "payment_intent.payment_failed",
        "payment_intent.canceled",
        "charge.refunded",
        "charge.dispute.created",
    }
)


def verified_event(
    payload: bytes, signature: str | None, secret: str, *, tolerance: int = TOLERANCE_SECONDS
) -> ProviderEvent:
    """The event, once ``signature`` (the ``Stripe-Signature`` header) proves Stripe sent
    ``payload`` less than ``tolerance`` seconds ago; else ``WebhookRejected``."""
    try:
        event = stripe.Webhook.construct_event(
            payload.decode("utf-8"), signature, secret, tolerance=tolerance
        )
    except stripe.SignatureVerificationError:
        raise WebhookRejected("The Stripe-Signature is missing, wrong or too old.") from None
    except (ValueError, UnicodeDecodeError):
        raise WebhookRejected("The body is not a Stripe event.") from None
    return _provider_event(event)


def _provider_event(event: Any) -> ProviderEvent:
    kind = str(event.type)
    obj = event.data.object
    if kind.startswith("payment_intent."):
        reference = obj.id
    else:  # a charge or a dispute names its PaymentIntent
        reference = getattr(obj, "payment_intent", None)
    failure = None
    if kind == "payment_intent.payment_failed":
        error = getattr(obj, "last_payment_error", None)
        failure = getattr(error, "decline_code", None) or getattr(error, "code", None)
    refunded = int(getattr(obj, "amount_refunded", 0) or 0) if kind == "charge.refunded" else 0
    disputed = int(getattr(obj, "amount", 0) or 0) if kind == "charge.dispute.created" else 0
    return ProviderEvent(
        id=str(event.id), type=kind, reference=str(reference) if reference else None,
        refunded=refunded, disputed=disputed, failure_reason=failure,
        handled=kind in HANDLED,
    )  # fmt: skip
