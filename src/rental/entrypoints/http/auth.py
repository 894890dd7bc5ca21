"""JWT access and refresh tokens (flask-jwt-extended, HS256), revocation, and who is asking.

Every token failure (missing, malformed, tampered, expired, revoked, the wrong type) answers
401 problem+json; none of the library's default bodies reaches a client.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any, cast

import flask_jwt_extended
from flask import Flask, Response, request
from flask_jwt_extended import (
    JWTManager,
    get_jwt,
    get_jwt_identity,
)
from flask_jwt_extended.config import config as jwt_config

from rental.adapters.telemetry import logs
from rental.application.commands import Actor
from rental.entrypoints.http.context import Decorator, get_rental
from rental.entrypoints.http.errors import problem
from rental.entrypoints.web.tokens import BEARER, TOKEN_VERSION

logger = logging.getLogger(__name__)
TOKEN_PROBLEM = "https://rental.example/problems/invalid-token"  # noqa: S105 - a URI
VERIFIED_TOKENS = 4096  # per process: tokens in use by the clients of the last minutes


def _unauthorized(detail: str) -> Response:
    # Worth a line for whoever watches for token abuse; never the token itself.
    logger.info("token rejected on %s %s: %s", request.method, request.path, detail)
    return problem(
        401,
        detail,
        type_=TOKEN_PROBLEM,
        title="Unauthorized",
        headers={"WWW-Authenticate": BEARER},
    )


def _is_revoked(_header: dict[str, Any], payload: dict[str, Any]) -> bool:
    # Revoked by logout, issued before a password change or disabling, or its user is gone:
    # each is a 401 "revoked", on every endpoint, refresh included.
    version = payload.get(TOKEN_VERSION, 0)
    if isinstance(version, bool) or not isinstance(version, int):
        return True
    valid = get_rental().token_is_valid(str(payload["sub"]), str(payload["jti"]), version)
    return not valid


class VerifyingOnceJWTManager(JWTManager):
    """flask-jwt-extended's manager, which verifies a token's signature once per process.

    Decoding and verifying a token costs about as much as the rest of a cached read (PyJWT
    decodes each segment twice and checks it character by character). A token whose signature
    verified once verifies forever under the same key, so the claims of the last
    ``VERIFIED_TOKENS`` good tokens are kept, keyed by the whole encoded token. What time
    changes is checked again on every use: a kept token past its ``exp`` goes through the full
    decode, which rejects it as before. Revocation is not decided here: it is asked on every
    request, after this. A token that fails is never kept.
    """

    def __init__(self, app: Flask | None = None) -> None:
        super().__init__(app)
        self._verified = lru_cache(maxsize=VERIFIED_TOKENS)(self._verify)

    def _verify(self, encoded_token: str) -> dict[str, Any]:
        claims: dict[str, Any] = super()._decode_jwt_from_config(encoded_token)
        return claims

    def _decode_jwt_from_config(
        self, encoded_token: str, csrf_value: str | None = None, allow_expired: bool = False
    ) -> dict[str, Any]:
        if csrf_value is not None or allow_expired:
            return cast(
                dict[str, Any],
                super()._decode_jwt_from_config(encoded_token, csrf_value, allow_expired),
            )
        claims = self._verified(encoded_token)
        # PyJWT's own test: expired once exp <= now - leeway.
        leeway = jwt_config.leeway
        if "exp" in claims and int(claims["exp"]) <= time.time() - leeway:
            return cast(dict[str, Any], super()._decode_jwt_from_config(encoded_token))
        return dict(claims)  # a copy: callers may add to it


def init_app(app: Flask) -> JWTManager:
    settings = app.extensions["rental.settings"]
    app.config.update(
        JWT_SECRET_KEY=settings.secret_key,
        JWT_ALGORITHM="HS256",
        JWT_TOKEN_LOCATION=["headers"],
        JWT_ACCESS_TOKEN_EXPIRES=timedelta(minutes=settings.access_token_minutes),
        JWT_REFRESH_TOKEN_EXPIRES=timedelta(days=settings.refresh_token_days),
    )
    jwt = VerifyingOnceJWTManager(app)
    jwt.token_in_blocklist_loader(_is_revoked)
    jwt.unauthorized_loader(lambda _reason: _unauthorized("A bearer token is required."))
    jwt.invalid_token_loader(lambda _reason: _unauthorized("The token is invalid."))
    jwt.expired_token_loader(lambda _h, _p: _unauthorized("The token has expired."))
    jwt.revoked_token_loader(lambda _h, _p: _unauthorized("The token has been revoked."))
    jwt.needs_fresh_token_loader(lambda _h, _p: _unauthorized("A fresh token is required."))
    jwt.token_verification_failed_loader(lambda _h, _p: _unauthorized("The token is invalid."))
    jwt.user_lookup_error_loader(lambda _h, _p: _unauthorized("The token is invalid."))
    return jwt


def jwt_required(*, refresh: bool = False, verify_type: bool = True) -> Decorator:
    """``flask_jwt_extended.jwt_required`` with its type: a bearer token is needed (an access
    token, or a refresh token when ``refresh``; either when not ``verify_type``)."""
    decorator = flask_jwt_extended.jwt_required(refresh=refresh, verify_type=verify_type)
    return cast(Decorator, decorator)


def current_actor() -> Actor:
    """Who is asking; call inside a view decorated with ``@jwt_required()``."""
    actor = Actor(user_id=str(get_jwt_identity()), role=str(get_jwt()["role"]))
    logs.bind(user_id=actor.user_id)  # the request's later lines say whose they are
    return actor


def optional_actor() -> Actor | None:
    """Who is asking on a public route: ``None`` without an ``Authorization`` header; with one,
    it must hold a valid access token (else 401, as on any route)."""
    if "Authorization" not in request.headers:
        return None
    flask_jwt_extended.verify_jwt_in_request()
    return current_actor()


def token_expiry() -> datetime:
    """When the token of the current request expires (UTC)."""
    return datetime.fromtimestamp(int(get_jwt()["exp"]), tz=UTC)
