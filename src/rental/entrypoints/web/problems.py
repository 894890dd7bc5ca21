"""What a domain error or a refused input is called in any web answer, HTTP or GraphQL."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rental.domain import errors as e
from rental.domain.listings.photos import UnsupportedImage, UploadTooLarge

# Most specific first: the first class an error is an instance of gives its status.
DOMAIN_STATUS: tuple[tuple[type[e.DomainError], int], ...] = (
    (e.InvalidInput, 422),
    (e.CurrencyMismatch, 422),
    (e.NotFound, 404),
    (e.PermissionDenied, 403),
    (e.AuthenticationFailed, 401),
    (e.PaymentDeclined, 402),
    (e.PaymentProviderUnavailable, 503),
    (e.WebhookRejected, 400),
    (e.Conflict, 409),
    (e.PreconditionFailed, 412),
    (e.InvalidToken, 400),
    (e.TooManyAttempts, 429),
    (e.TooManyMessages, 429),
    (e.TooManySyncRequests, 429),
    (UnsupportedImage, 415),
    (UploadTooLarge, 413),
    (e.TimeBudgetSpent, 503),
    (e.TooManyPaymentAttempts, 429),
)


OWN_ERRORS = "rental.own_errors"  # app.extensions key: endpoints whose errors are not problems
OWN_BODIES = "rental.own_bodies"  # app.extensions key: endpoints whose bodies are not JSON


def flatten_messages(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """Marshmallow's nested messages as ``{"field": [...], "field.0": [...]}``."""
    if isinstance(messages, Mapping):
        flat: dict[str, list[str]] = {}
        for key, value in messages.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            for field, texts in flatten_messages(value, name).items():
                flat.setdefault(field, []).extend(texts)
        return flat
    if isinstance(messages, list | tuple):
        texts = [m for m in messages if isinstance(m, str)]
        flat = {prefix or "_schema": texts} if texts else {}
        for item in messages:
            if not isinstance(item, str):
                for field, more in flatten_messages(item, prefix).items():
                    flat.setdefault(field, []).extend(more)
        return flat
    return {prefix or "_schema": [str(messages)]}
