"""Stripe's webhook events: the signature checked by the SDK, the payload read into the
application's ``ProviderEvent`` (only what it acts on: ids and amounts, never card data)."""

from __future__ import annotations

import logging
import time
from typing import Any

import stripe

from rental.application.ports import ProviderEvent
from rental.domain.errors import WebhookRejected

log = logging.getLogger(__name__)
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
    ``payload`` less than ``tolerance`` seconds ago (and not more than ``tolerance`` ahead of
    our clock, which the SDK does not check); else ``WebhookRejected``. A correctly signed
    event we cannot read (no id, no object, an amount that is no number) is refused too, and
    logged: a 500 would have Stripe retry it for days."""
    check_not_from_the_future(signature, tolerance)
    try:
        event = stripe.Webhook.construct_event(
            payload.decode("utf-8"), signature, secret, tolerance=tolerance
        )
    except stripe.SignatureVerificationError:
        raise WebhookRejected("The Stripe-Signature is missing, wrong or too old.") from None
    except (ValueError, UnicodeDecodeError):
        raise WebhookRejected("The body is not a Stripe event.") from None
    try:
        return _provider_event(event)
    except (AttributeError, KeyError, TypeError, ValueError) as error:
        log.warning("refused a signed but malformed Stripe event: %s", type(error).__name__)
        raise WebhookRejected("The event is signed but malformed.") from None


def check_not_from_the_future(signature: str | None, tolerance: int) -> None:
    """Refuse a signature stamped more than ``tolerance`` seconds after now."""
    stamps = [p.split("=", 1)[1] for p in (signature or "").split(",") if p.startswith("t=")]
    if any(s.strip().isdigit() and int(s) > time.time() + tolerance for s in stamps):
        raise WebhookRejected("The Stripe-Signature is stamped in the future.")


def _provider_event(event: Any) -> ProviderEvent:
    kind, event_id = event["type"], event["id"]
    if not isinstance(kind, str) or not isinstance(event_id, str) or not kind or not event_id:
        raise ValueError("an event needs a type and an id")
    obj = event["data"]["object"]
    if kind.startswith("payment_intent."):
        reference = obj.id
    else:  # a charge or a dispute names its PaymentIntent
        reference = getattr(obj, "payment_intent", None)
    failure = None
    if kind == "payment_intent.payment_failed":
        error = getattr(obj, "last_payment_error", None)
        failure = getattr(error, "decline_code", None) or getattr(error, "code", None)
    refunded = _amount(obj, "amount_refunded") if kind == "charge.refunded" else 0
    disputed = _amount(obj, "amount") if kind == "charge.dispute.created" else 0
    return ProviderEvent(
        id=event_id,
        type=kind,
        reference=str(reference) if reference else None,
        refunded=refunded,
        disputed=disputed,
        failure_reason=failure,
        handled=kind in HANDLED,
    )


def _amount(obj: Any, name: str) -> int:
    """A whole, non-negative amount of minor units (``ValueError`` otherwise)."""
    value = getattr(obj, name, 0) or 0
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name} is not an amount")
    return value
