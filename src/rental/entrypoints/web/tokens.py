"""The tokens both doors hand out: a signed-in session's access and refresh tokens (JWT,
flask-jwt-extended), and what a request's token says of its session."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import request
from flask_jwt_extended import create_access_token, create_refresh_token, get_jwt

from rental.application.handlers.accounts import SignedIn
from rental.domain.accounts.sessions import LoginSession
from rental.domain.accounts.users import User
from rental.entrypoints.web.context import get_settings

BEARER = "Bearer"
TOKEN_VERSION = "ver"  # noqa: S105 - the claim holding the user's token_version at issue
SESSION = "sid"  # the claim naming a token's sign-in session


def _claims(user: User, session: LoginSession) -> dict[str, Any]:
    return {"role": user.role, TOKEN_VERSION: user.token_version, SESSION: session.id}


def access_token_for(user: User, session: LoginSession) -> dict[str, Any]:
    """An access token of ``session``. Its ``jti`` is the session's id: ending the session
    revokes every access token it issued, through the revocation checked on each request."""
    claims = _claims(user, session) | {"jti": session.id}
    token = create_access_token(identity=user.id, additional_claims=claims)
    minutes = get_settings().access_token_minutes
    return {"access_token": token, "token_type": BEARER, "expires_in": minutes * 60}


def tokens_for(signed_in: SignedIn) -> dict[str, Any]:
    """An access token and the session's current refresh token (login, refresh, password)."""
    user, session = signed_in.user, signed_in.session
    claims = _claims(user, session) | {"jti": session.refresh_jti}
    refresh = create_refresh_token(identity=user.id, additional_claims=claims)
    return {**access_token_for(user, session), "refresh_token": refresh}


def session_lifetime() -> timedelta:
    """How long a session lives unused: the refresh token's lifetime."""
    return timedelta(days=get_settings().refresh_token_days)


def current_session_id() -> str | None:
    """The sign-in session of the current request's token (``None`` for a token from before
    sessions existed)."""
    session_id = get_jwt().get(SESSION)
    return session_id if isinstance(session_id, str) else None


def user_agent() -> str:
    return request.headers.get("User-Agent", "")[:255]
