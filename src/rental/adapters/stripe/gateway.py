"""The ``PaymentGateway`` on Stripe's PaymentIntents and Refunds, through the official SDK.

Request to book authorizes (``capture_method=manual``) and captures or cancels later; instant
book confirms and captures in one call. Every call that moves money sends an idempotency key
made from our own ids. Stripe's errors become the port's: a refused card ``CardDeclined`` with
Stripe's decline code, an unknown PaymentMethod ``UnknownPaymentToken``, a timeout, a 5xx, a
rate limit or a refused key ``PaymentProviderUnavailable``. No message of ours ever carries the
secret key, and Stripe's own messages are not passed on (they may quote the request).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import stripe

from rental.application.ports import CardDeclined, PaymentTags, ProviderPayment
from rental.domain.errors import PaymentProviderUnavailable, UnknownPaymentToken
from rental.domain.money import Money

log = logging.getLogger(__name__)

# Stripe's PaymentIntent statuses, in the port's words; the others (requires_action,
# processing, requires_confirmation) are money not yet held: reconciliation leaves them be.
STATUSES = {
    "requires_capture": "authorized",
    "succeeded": "captured",
    "canceled": "voided",
    "requires_payment_method": "failed",
}
UNKNOWN_TOKEN = {
    "payment_token": ["is not a PaymentMethod Stripe knows (a test one is pm_card_visa)."]
}


class StripeGateway:
    """Payments through a ``stripe.StripeClient`` on ``api_base`` (Stripe's, or a proxy or a
    Stripe-compatible test server). ``timeout`` is per request, in seconds; the SDK retries a
    failed connection ``max_network_retries`` times with the same idempotency key.
    ``http_client`` replaces the SDK's (``requests``) one, as tests do to watch the wire."""

    def __init__(
        self,
        secret_key: str,
        *,
        api_base: str = "https://api.stripe.com",
        timeout: float = 30.0,
        max_network_retries: int = 2,
        http_client: stripe.HTTPClient | None = None,
    ) -> None:
        self._client = stripe.StripeClient(
            secret_key,
            base_addresses={"api": api_base},
            max_network_retries=max_network_retries,
            http_client=http_client or stripe.RequestsClient(timeout=timeout),
        )

    def __repr__(self) -> str:  # the client holds the key: never show it
        return "StripeGateway()"

    def authorize(
        self, token: str, amount: Money, idempotency_key: str, tags: PaymentTags | None = None
    ) -> str:
        return self._create(token, amount, idempotency_key, tags, capture_method="manual")

    def charge(
        self, token: str, amount: Money, idempotency_key: str, tags: PaymentTags | None = None
    ) -> str:
        return self._create(token, amount, idempotency_key, tags, capture_method="automatic")

    def _create(
        self, token: str, amount: Money, key: str, tags: PaymentTags | None, capture_method: str
    ) -> str:
        params: dict[str, Any] = {
            "amount": amount.amount,
            "currency": amount.currency.lower(),
            "payment_method": token,
            "payment_method_types": ["card"],
            "confirm": True,
            "capture_method": capture_method,
            "metadata": _metadata(tags),
        }
        with _translated("create a PaymentIntent", paying=True):
            intent = self._client.v1.payment_intents.create(
                params=params,  # type: ignore[arg-type]
                options={"idempotency_key": key},
            )
        if intent.status not in ("requires_capture", "succeeded"):
            # Such as 3-D Secure asked for: we have no page to send the guest to, so let go.
            with _translated("cancel a PaymentIntent"):
                self._client.v1.payment_intents.cancel(intent.id)
            raise CardDeclined("authentication_required")
        return intent.id

    def capture(self, reference: str, amount: Money, idempotency_key: str) -> None:
        with _translated("capture a PaymentIntent"):
            self._client.v1.payment_intents.capture(
                reference,
                params={"amount_to_capture": amount.amount},
                options={"idempotency_key": idempotency_key},
            )

    def void(self, reference: str) -> None:
        intent = self.lookup(reference)
        if intent.status in ("voided", "failed"):
            return  # voided already, or never held: as the port says, that is success
        with _translated("cancel a PaymentIntent"):
            self._client.v1.payment_intents.cancel(reference)

    def refund(self, reference: str, amount: Money, idempotency_key: str) -> None:
        with _translated("refund a PaymentIntent"):
            self._client.v1.refunds.create(
                params={"payment_intent": reference, "amount": amount.amount},
                options={"idempotency_key": idempotency_key},
            )

    def lookup(self, reference: str) -> ProviderPayment:
        with _translated("read a PaymentIntent"):
            intent = self._client.v1.payment_intents.retrieve(
                reference, params={"expand": ["latest_charge"]}
            )
        return _provider_payment(intent)

    def recent(self, since: datetime) -> Iterator[ProviderPayment]:
        """PaymentIntents newest first, down to ``since``, those carrying our ids. Listed
        without Stripe's ``created`` filter, which Stripe-compatible test servers lack."""
        with _translated("list PaymentIntents"):
            page = self._client.v1.payment_intents.list(
                params={"limit": 100, "expand": ["data.latest_charge"]}
            )
            for intent in page.auto_paging_iter():
                if intent.created < since.timestamp():
                    continue
                found = _provider_payment(intent)
                if found.booking_id:
                    yield found


def _metadata(tags: PaymentTags | None) -> dict[str, str]:
    if tags is None:
        return {}
    return {"booking_id": tags.booking_id, "payer_id": tags.payer_id}


def _provider_payment(intent: Any) -> ProviderPayment:
    charge = intent.latest_charge
    refunded = 0
    if charge is not None and not isinstance(charge, str):
        refunded = int(charge.amount_refunded or 0)
    metadata = intent.metadata.to_dict() if intent.metadata else {}
    status = STATUSES.get(intent.status, "pending")
    # What was taken, once captured (localstripe has no ``amount_received``: then the amount).
    received = getattr(intent, "amount_received", None) if status == "captured" else None
    return ProviderPayment(
        reference=intent.id,
        status=status,
        amount=int(received or intent.amount),
        currency=str(intent.currency).upper(),
        refunded=refunded,
        booking_id=metadata.get("booking_id"),
        payer_id=metadata.get("payer_id"),
    )


@contextmanager
def _translated(doing: str, *, paying: bool = False) -> Iterator[None]:
    """Stripe's errors as the port's. Logged with Stripe's request id, never the key."""
    try:
        yield
    except stripe.CardError as error:
        reason = error.code or "card_declined"
        decline_code = getattr(error, "decline_code", None)
        if decline_code and reason == "card_declined":
            reason = decline_code
        raise CardDeclined(reason) from None
    except stripe.InvalidRequestError as error:
        if paying and (error.http_status == 404 or error.code == "resource_missing"):
            raise UnknownPaymentToken(UNKNOWN_TOKEN) from None
        log.error("Stripe refused to %s (%s, request %s)", doing, error.code, error.request_id)
        raise PaymentProviderUnavailable(
            f"The payment provider refused to {doing}; nothing was recorded as paid."
        ) from None
    except stripe.StripeError as error:
        # Timeouts, connection failures, 5xx, rate limits, and a key Stripe refuses.
        log.error(
            "Stripe did not %s: %s (status %s, request %s)",
            doing,
            type(error).__name__,
            error.http_status,
            error.request_id,
        )
        raise PaymentProviderUnavailable(
            "The payment provider is not answering; nothing was recorded as paid. Try again."
        ) from None
