"""Liveness and readiness probes, at the server root."""

from __future__ import annotations

import logging
from typing import Any

from flask import Response
from marshmallow import fields

from rental.entrypoints.http.context import Blueprint, get_rental, get_settings
from rental.entrypoints.http.errors import RETRY_AFTER_SECONDS, problem
from rental.entrypoints.web.schemas.common import BaseSchema

blp = Blueprint("health", __name__, description="Probes for load balancers and orchestrators.")
logger = logging.getLogger(__name__)


class HealthSchema(BaseSchema):
    """``status`` is ``ok``; ``checks`` (readiness only) names each dependency."""

    status = fields.String(required=True, metadata={"example": "ok"})
    checks = fields.Dict(keys=fields.String(), values=fields.String())


@blp.get("/healthz")
@blp.doc(operationId="checkHealth")
@blp.response(200, HealthSchema)
def healthz() -> dict[str, Any]:
    """The process is up (checks nothing else)."""
    return {"status": "ok"}


def _database_answers() -> bool:
    try:
        with get_rental().dependencies.uow_factory() as uow:
            uow.users.username_taken("healthcheck")
        return True
    except Exception:
        logger.warning("readiness: the database does not answer", exc_info=True)
        return False


def _redis_answers(url: str) -> bool:
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        try:
            return bool(client.ping())
        finally:
            client.close()
    except Exception:
        logger.warning("readiness: Redis does not answer", exc_info=True)
        return False


@blp.get("/readyz")
@blp.doc(operationId="checkReadiness")
@blp.response(200, HealthSchema)
@blp.problems(503)
def readyz() -> dict[str, Any] | Response:
    """Ready to serve: the database answers, and Redis too when one is configured."""
    checks = {"database": "ok" if _database_answers() else "unavailable"}
    redis_url = get_settings().redis_url
    if redis_url:
        checks["redis"] = "ok" if _redis_answers(redis_url) else "unavailable"
    if all(state == "ok" for state in checks.values()):
        return {"status": "ok", "checks": checks}
    return problem(
        503,
        "A dependency does not answer; see checks.",
        checks=checks,
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )
