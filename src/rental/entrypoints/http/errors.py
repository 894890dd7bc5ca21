"""Every error answers RFC 9457 problem details (``application/problem+json``), never a 500
for anything a client can send, and never a stack trace."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from flask import Flask, Response, current_app, json, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge, UnsupportedMediaType

from rental.domain import errors as e
from rental.entrypoints.web.body import (
    NUL_MESSAGE,
    BodyRefused,
    fields_with_nul,
    keep_parsed,
    parse_body,
)
from rental.entrypoints.web.problems import DOMAIN_STATUS, OWN_BODIES, OWN_ERRORS, flatten_messages

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "https://rental.example/problems/"
logger = logging.getLogger(__name__)


def problem(
    status: int,
    detail: str,
    *,
    type_: str = "about:blank",
    title: str | None = None,
    headers: Mapping[str, str] | None = None,
    **extra: Any,
) -> Response:
    """A problem+json response; ``extra`` members (``errors``, ``payment_id``…) are added."""
    body = {
        "type": type_,
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        **extra,
    }
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_JSON)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def problem_type(error_class: type[BaseException]) -> str:
    """A stable URI per kind of domain error: ``DatesUnavailable`` → ``…/dates-unavailable``."""
    slug = re.sub(r"(?<!^)(?=[A-Z])", "-", error_class.__name__).lower()
    return PROBLEM_BASE + slug


def domain_problem(error: e.DomainError) -> Response:
    status = next((s for cls, s in DOMAIN_STATUS if isinstance(error, cls)), 400)
    # One title per type, from the class name: ``DatesUnavailable`` → "Dates unavailable".
    title = re.sub(r"(?<!^)(?=[A-Z])", " ", type(error).__name__).capitalize()
    extra: dict[str, Any] = {}
    if isinstance(error, e.InvalidInput):
        extra["errors"] = error.errors
    if isinstance(error, e.PaymentDeclined):
        extra.update(payment_id=error.payment_id, failure_reason=error.reason)
    if isinstance(error, e.AccountDeletionBlocked):
        extra["blockers"] = error.blockers
    headers = {}
    retried = (
        e.TooManyAttempts | e.TooManyMessages | e.TooManyPaymentAttempts | e.TooManySyncRequests
    )
    if isinstance(error, retried):
        headers["Retry-After"] = str(error.retry_after)
    return problem(
        status,
        error.detail,
        type_=problem_type(type(error)),
        title=title,
        headers=headers,
        **extra,
    )


def validation_errors(error: HTTPException) -> dict[str, list[str]] | None:
    """The field errors webargs attached to its 422 (``{"json": {...}, "query": {...}}``)."""
    data = getattr(error, "data", None) or {}
    messages = data.get("messages")
    if not isinstance(messages, Mapping):
        return None
    flat: dict[str, list[str]] = {}
    for location_messages in messages.values():
        for field, texts in flatten_messages(location_messages).items():
            flat.setdefault(field, []).extend(texts)
    return flat


def http_problem(error: HTTPException) -> Response:
    status = error.code or 500
    headers = {k: v for k, v in error.get_headers() if k.lower() != "content-type"}
    extra: dict[str, Any] = {}
    detail = error.description or HTTPStatus(status).phrase
    if status == 422:
        extra["errors"] = validation_errors(error) or {}
        detail = "Some fields are not valid; see errors."
    elif status == 400 and getattr(error, "data", None):
        detail = "The request body is not valid JSON."
    if status >= 500:
        detail = "Something went wrong on our side; it has been logged."
    return problem(status, detail, headers=headers, **extra)


UNAVAILABLE = PROBLEM_BASE + "service-unavailable"
RETRY_AFTER_SECONDS = 5


def unavailable_problem(detail: str) -> Response:
    """503 with ``Retry-After``: a dependency did not answer; the same request may work soon."""
    return problem(
        503, detail, type_=UNAVAILABLE, headers={"Retry-After": str(RETRY_AFTER_SECONDS)}
    )


def unexpected_problem(error: Exception) -> Response:
    if _database_unavailable(error):
        # Expected when the database is down: one line, not a trace per request.
        logger.warning(
            "database unavailable on %s %s: %s", request.method, request.path, type(error).__name__
        )
        return unavailable_problem("The database is not answering; try again shortly.")
    # The trace goes to the log, never to the client.
    logger.exception("unhandled error on %s %s", request.method, request.path)
    return problem(500, "Something went wrong on our side; it has been logged.")


# Endpoints whose body is signed by its sender: nothing about its content is judged before
# the signature is (a NUL is refused after it, with the signature's 400).
SIGNED_BODIES = frozenset({"webhooks.stripe_webhook"})


def _nul_problem(fields: list[str]) -> Response:
    return problem(
        422, "Some fields are not valid; see errors.", errors={f: [NUL_MESSAGE] for f in fields}
    )


def _database_unavailable(error: BaseException) -> bool:
    from rental.adapters.sqlalchemy.errors import is_unavailable

    return any(is_unavailable(e) for e in _chain(error))


def _chain(error: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _read_body(limit: int | None) -> bytes | None:
    """The body's bytes, or None past ``limit``. A chunked body has no length to check first,
    so at most one byte more than the limit is read to tell."""
    if request.content_length is not None or limit is None:
        return request.get_data(cache=True)
    raw = request.input_stream.read(limit + 1)
    return None if len(raw) > limit else raw


def check_request() -> Response | None:
    """Before each request: a body must be JSON (415), at most ``MAX_CONTENT_LENGTH`` bytes
    (413, told before a byte of it is read), parse once within ``body.parse_body``'s limits
    (400) into a JSON object (400); no text may carry a NUL character, which no database
    column stores (PostgreSQL refuses it).
    Endpoints listed in ``OWN_ERRORS`` (GraphQL) check and answer in their own shape."""
    if request.endpoint in current_app.extensions.get(OWN_ERRORS, ()):
        return None
    if "\x00" in request.path:
        return problem(404, "No such resource.")
    bad_args = sorted({k for k, v in request.args.items(multi=True) if "\x00" in k + v})
    if bad_args:
        return _nul_problem(bad_args)
    if not request.content_length and not request.headers.get("Transfer-Encoding"):
        return None
    if request.routing_exception is not None:
        return None  # no endpoint takes this body: routing answers (404, 405), not its media type
    if request.endpoint in current_app.extensions.get(OWN_BODIES, ()):
        return None  # the endpoint reads its own body, with its own limit (photo uploads)
    limit = request.max_content_length
    too_large = RequestEntityTooLarge(f"A request body may have at most {limit} bytes.")
    if limit is not None and (request.content_length or 0) > limit:
        return http_problem(too_large)
    if not request.is_json:
        error = UnsupportedMediaType("Request bodies must be application/json.")
        return http_problem(error)
    raw = _read_body(limit)
    if raw is None:
        return http_problem(too_large)
    if not raw:
        return None
    try:
        parsed = parse_body(raw)
    except BodyRefused as refused:
        return problem(400, refused.detail)
    if not isinstance(parsed, dict):
        return problem(400, "The request body must be a JSON object.")
    keep_parsed(parsed)
    if request.endpoint in SIGNED_BODIES:
        return None  # its signature is checked first; the endpoint checks the rest after
    bad_fields = fields_with_nul(parsed)
    return _nul_problem(bad_fields) if bad_fields else None


def init_app(app: Flask) -> None:
    """Register the handlers; call after flask-smorest's ``Api`` so that these win."""
    app.register_error_handler(e.DomainError, domain_problem)
    app.register_error_handler(HTTPException, http_problem)
    app.register_error_handler(Exception, unexpected_problem)
    app.before_request(check_request)
