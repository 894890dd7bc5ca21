"""Each request's id, log line and metrics, and the ``/metrics`` endpoint.

The request id is the client's ``X-Request-ID`` when it is well formed (1 to 128 letters,
digits, ``-``, ``_``, ``.``, ``:``), else a new one; it is bound to every line logged while the
request runs and returned in the response. When the request ends, one line says its method,
route template (never the path itself: ids and query strings stay out), status, duration and
user id. ``/metrics`` answers only ``Authorization: Bearer <RENTAL_METRICS_TOKEN>``, and is not
served at all without that setting.
"""

from __future__ import annotations

import hmac
import logging
import re
import time
import uuid
from typing import Any

from flask import Flask, Response, g, request

from rental.adapters.telemetry import logs
from rental.application.administration.audit import bind_author, unbind_author
from rental.domain.administration.audit import ActorRole
from rental.entrypoints.http.context import get_rental, get_settings
from rental.entrypoints.http.errors import problem

REQUEST_ID_HEADER = "X-Request-ID"
REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
UNMATCHED_ROUTE = "<unmatched>"
logger = logging.getLogger("rental.http")


def request_id_from(header: str | None) -> str:
    """The client's id when it is well formed, else a new random one."""
    if header and REQUEST_ID.fullmatch(header):
        return header
    return uuid.uuid4().hex


def init_app(app: Flask) -> None:
    """Register first, so that every other hook's lines (a 429, a 401) carry the request id."""
    from rental.adapters.telemetry import metrics

    app.before_request(_start)
    app.after_request(_finish)
    app.teardown_request(_end)
    app.add_url_rule("/metrics", "metrics", _metrics, methods=["GET"])
    app.extensions["rental.metrics"] = metrics


def _start() -> None:
    g.rental_started = time.perf_counter()
    g.rental_request_id = request_id_from(request.headers.get(REQUEST_ID_HEADER))
    g.rental_log_context = logs.open_context(request_id=g.rental_request_id)
    # The audit log names the request of each entry written while it runs; a request starts
    # with nobody acting yet (the bus names the command's actor), whatever the thread held.
    g.rental_audit_author = bind_author(
        actor_id=None, actor_role=ActorRole.SYSTEM.value, request_id=g.rental_request_id
    )
    get_rental().new_request()  # reads may go to a replica until this request writes


def _user_id() -> str | None:
    try:
        from flask_jwt_extended import get_jwt

        subject = get_jwt().get("sub")
    except RuntimeError:  # no token was checked on this request
        return None
    return None if subject is None else str(subject)


def _finish(response: Response) -> Response:
    metrics: Any = _metrics_module()
    request_id = getattr(g, "rental_request_id", None) or request_id_from(None)
    response.headers[REQUEST_ID_HEADER] = request_id
    route = request.url_rule.rule if request.url_rule is not None else UNMATCHED_ROUTE
    seconds = time.perf_counter() - getattr(g, "rental_started", time.perf_counter())
    status = str(response.status_code)
    metrics.HTTP_REQUESTS.labels(route, request.method, status).inc()
    metrics.HTTP_DURATION.labels(route, request.method, status).observe(seconds)
    logger.info(
        "%s %s %s %.1fms",
        request.method,
        route,
        status,
        seconds * 1000,
        extra={
            "method": request.method,
            "route": route,
            "status": response.status_code,
            "duration_ms": round(seconds * 1000, 3),
            "user_id": _user_id(),
        },
    )
    return response


def _end(_error: BaseException | None) -> None:
    author = g.pop("rental_audit_author", None)
    token = g.pop("rental_log_context", None)
    try:
        if author is not None:
            unbind_author(author)
    finally:
        if token is not None:
            logs.close_context(token)


def _metrics_module() -> Any:
    from flask import current_app

    return current_app.extensions["rental.metrics"]


def _metrics() -> Response:
    token = get_settings().metrics_token
    if token is None:
        return problem(404, "Metrics are not served: RENTAL_METRICS_TOKEN is not set.")
    given = request.headers.get("Authorization", "")
    if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return problem(
            401, "The metrics token is missing or wrong.", headers={"WWW-Authenticate": "Bearer"}
        )
    body, content_type = _metrics_module().exposition(get_rental().probes)
    return Response(body, content_type=content_type)
