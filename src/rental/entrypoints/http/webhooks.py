"""``POST /webhooks/stripe``: Stripe tells us what happened to a payment.

The body is read as bytes and its ``Stripe-Signature`` checked by the Stripe SDK (5 minutes
of tolerance) before anything else; a bad or stale one is a 400 and nothing is recorded. A
verified event goes to the message bus, which acts on each event id once."""

from __future__ import annotations

import logging
from typing import Any

from flask import request

from rental.adapters.stripe.webhooks import verified_event
from rental.application.commands import HandleProviderEvent
from rental.application.handlers.provider_sync import Change, Outcome
from rental.domain.errors import NotFound, WebhookRejected
from rental.entrypoints.http.context import Blueprint, get_rental, get_settings
from rental.entrypoints.web.body import fields_with_nul, parsed_body
from rental.entrypoints.web.schemas.payouts import WebhookAckSchema

blp = Blueprint("webhooks", __name__, description="Events from the payment provider.")
log = logging.getLogger(__name__)
SIGNATURE = {
    "in": "header",
    "name": "Stripe-Signature",
    "required": True,
    "schema": {"type": "string"},
    "description": "Stripe's signature of the body (`t=…,v1=…`), checked with the endpoint's "
    "signing secret, RENTAL_STRIPE_WEBHOOK_SECRET.",
}
EVENT_BODY = {
    "required": True,
    "content": {"application/json": {"schema": {"type": "object"}}},
    "description": "A Stripe event, exactly as Stripe sent it: any JSON object, judged only "
    "after its signature (so a body the server would refuse elsewhere, a NUL in a key for one, "
    "is a 404 while webhooks are off and the signature's 400 when they are on; a signed event "
    "with a NUL is a 400 too). At most RENTAL_MAX_BODY_BYTES (413); JSON only (415). Acted on: "
    "payment_intent.succeeded, payment_intent.payment_failed, payment_intent.canceled, "
    "charge.refunded, charge.dispute.created; other types are acknowledged and ignored.",
}


@blp.route("/webhooks/stripe", methods=["POST"])
@blp.response(200, WebhookAckSchema)
@blp.problems(400, 404, 413, 415)
@blp.doc(parameters=[SIGNATURE], requestBody=EVENT_BODY)
def stripe_webhook() -> dict[str, Any]:
    """Receive a Stripe event (no bearer token: the signature authenticates it).

    400 for a missing, wrong or stale (over 5 minutes) signature, with nothing recorded; 404
    when Stripe is not the configured gateway. A replayed event answers 200 and acts once.
    A request without the header is malformed whatever the gateway, so it is a 400 first; any
    value of the header is checked only as a signature. The body's content is judged only
    after the signature."""
    signature = request.headers.get("Stripe-Signature")
    if signature is None:
        raise WebhookRejected("The Stripe-Signature header is missing.")
    secret = get_settings().payments.stripe_webhook_secret
    if not secret:
        raise NotFound("Stripe webhooks are not enabled (RENTAL_PAYMENT_GATEWAY=sandbox).")
    event = verified_event(request.get_data(), signature, secret)
    if fields_with_nul(parsed_body({})):
        raise WebhookRejected("The event has text with a NUL character, which is not stored.")
    done: Outcome = get_rental().handle(HandleProviderEvent(event=event))
    log.info("stripe event %s (%s): %s", event.id, event.type, done.text)
    return {"received": True, "acted": done.change is not Change.UNCHANGED}
