"""Errors as GraphQL answers them: ``message``, ``path`` and ``extensions.code``.

The domain's error tree maps to codes through the HTTP API's own table of statuses, so the
two front doors cannot drift apart. Anything else is a bug: it is logged with its trace, and
the client reads one sentence, never the trace.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from graphql import GraphQLError, GraphQLSyntaxError

from rental.domain import errors as e
from rental.entrypoints.web.problems import DOMAIN_STATUS

logger = logging.getLogger(__name__)

CODE_OF_STATUS = {
    401: "UNAUTHENTICATED",
    402: "PAYMENT_DECLINED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    409: "CONFLICT",
    422: "BAD_USER_INPUT",
    429: "RATE_LIMITED",
    503: "SERVICE_UNAVAILABLE",
}
PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
BAD_USER_INPUT = "BAD_USER_INPUT"
INTERNAL = "INTERNAL_SERVER_ERROR"
INTERNAL_MESSAGE = "Something went wrong on our side; it has been logged."
# graphql-core's parser enforces max_tokens; GRAPHQL.md counts it among the validation limits.
TOO_MANY_TOKENS = re.compile(r"Syntax Error: Document contains more than \d+ tokens")


def camel(name: str) -> str:
    """``price_per_night`` → ``pricePerNight``; ``amenities.0`` stays as it is."""
    return ".".join(
        re.sub(r"_([a-z0-9])", lambda m: m[1].upper(), part) for part in name.split(".")
    )


def domain_extensions(error: e.DomainError) -> dict[str, Any]:
    status = next((s for cls, s in DOMAIN_STATUS if isinstance(error, cls)), 422)
    extensions: dict[str, Any] = {"code": CODE_OF_STATUS.get(status, BAD_USER_INPUT)}
    if isinstance(error, e.InvalidInput):
        extensions["errors"] = {camel(field): list(texts) for field, texts in error.errors.items()}
    if isinstance(error, e.PaymentDeclined):
        extensions.update(paymentId=error.payment_id, failureReason=error.reason)
    if isinstance(
        error,
        e.TooManyAttempts | e.TooManyPaymentAttempts | e.TooManyMessages | e.TooManySyncRequests,
    ):
        extensions["retryAfter"] = error.retry_after
    if isinstance(error, e.AccountDeletionBlocked):
        extensions["blockers"] = [
            {"reason": b["reason"], "bookingId": b["booking_id"]} for b in error.blockers
        ]
    return extensions


def is_unexpected(error: GraphQLError) -> bool:
    """A resolver or the machinery raised something that is not a rule of the business."""
    original = error.original_error
    if isinstance(original, e.DomainError):
        return False
    if error.path is not None:
        return True  # a field's error: graphql-core wrapped what its resolver raised
    # Before any field ran, GraphQL's own checks (a scalar refusing a literal or a variable
    # included) point at the document; Strawberry wraps anything else without a location.
    return original is not None and not isinstance(original, GraphQLError) and not error.nodes


def formatted(error: GraphQLError) -> dict[str, Any]:
    """The entry of ``errors`` for ``error``, with its code."""
    original = error.original_error
    extensions = dict(error.extensions or {})
    message = error.message
    if isinstance(original, e.DomainError):
        message = original.detail
        extensions = domain_extensions(original)
    elif is_unexpected(error):
        message, extensions = INTERNAL_MESSAGE, {"code": INTERNAL}
    elif isinstance(error, GraphQLSyntaxError):
        too_many = TOO_MANY_TOKENS.match(error.message)
        extensions["code"] = VALIDATION_FAILED if too_many else PARSE_FAILED
    else:
        # Validation errors were coded as such (``PhaseCodes``); what remains before any
        # field ran is a variable that cannot be coerced to its type.
        extensions.setdefault("code", BAD_USER_INPUT)
    entry: dict[str, Any] = {"message": message}
    if error.locations:
        entry["locations"] = [{"line": x.line, "column": x.column} for x in error.locations]
    if error.path is not None:
        entry["path"] = list(error.path)
    entry["extensions"] = extensions
    return entry


def log_unexpected(errors: list[GraphQLError]) -> None:
    for error in errors:
        if is_unexpected(error):
            logger.error(
                "unhandled error in GraphQL field %s", error.path, exc_info=error.original_error
            )
