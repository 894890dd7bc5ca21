"""Accounts: register, log in, refresh, log out (``/auth``), and one's own profile
(``/users/me``; there is no way to read anyone else's)."""

from __future__ import annotations

from typing import Any

from flask import Response, url_for
from flask_jwt_extended import get_jwt

from rental.application import commands as c
from rental.application.messaging.commands import SetMessageEmails
from rental.domain.accounts.users import User
from rental.domain.errors import AuthenticationFailed
from rental.entrypoints.http.auth import current_actor, jwt_required, token_expiry
from rental.entrypoints.http.context import BEARER, Blueprint, get_rental, location_header
from rental.entrypoints.http.messaging import Account, message_emails
from rental.entrypoints.web.schemas.users import (
    LoginSchema,
    ProfileUpdateSchema,
    RegisterSchema,
    TokensSchema,
    UserSchema,
)
from rental.entrypoints.web.tokens import (
    current_session_id,
    session_lifetime,
    tokens_for,
    user_agent,
)

blp = Blueprint("auth", __name__, description="Sign up, sign in, tokens.")
LOCATION = location_header("/api/v1/users/me, the new user's own account.")
RATE_LIMIT = {
    name: {"description": description, "schema": {"type": "integer"}}
    for name, description in (
        ("RateLimit-Limit", "Sign-in attempts (login and register) allowed per window."),
        ("RateLimit-Remaining", "Attempts left in this window."),
        ("RateLimit-Reset", "Seconds until the window resets."),
    )
}
me_blp = Blueprint("users", __name__, description="Your own account.")


@blp.post("/auth/register")
@blp.doc(operationId="registerUser")
@blp.arguments(RegisterSchema)
@blp.response(201, UserSchema, headers=LOCATION | RATE_LIMIT)
@blp.problems(400, 409, 415, 429)
def register(body: dict[str, Any]) -> tuple[User, int, dict[str, str]]:
    """Create an account (guest or host); the email is case-insensitive and unique.

    The username is unique without regard to case too (API.md says only "unique"; "Hana" and
    "hana" would read as one person), and is kept as typed.

    Login and register share a rate limit per client address (RENTAL_AUTH_RATE_LIMIT); past
    it, 429 with Retry-After; every answer carries the RateLimit-* headers. ``role`` defaults
    to ``guest`` when left out.
    """
    user = get_rental().handle(c.RegisterUser(**body))
    return user, 201, {"Location": url_for("users.me")}


@blp.post("/auth/login")
@blp.arguments(LoginSchema)
@blp.response(200, TokensSchema, headers=RATE_LIMIT)
@blp.problems(400, 401, 415, 429)
def login(body: dict[str, Any]) -> dict[str, Any]:
    """Exchange credentials for an access token and a refresh token.

    Shares the rate limit of register, per client address; past it, 429 with Retry-After.
    Every answer carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset.
    """
    rental = get_rental()
    user = rental.handle(c.Authenticate(email=body["email"], password=body["password"]))
    command = c.StartSession(user_id=user.id, user_agent=user_agent(), lifetime=session_lifetime())
    return tokens_for(rental.handle(command))


@blp.post("/auth/refresh")
@blp.doc(operationId="refreshToken")
@jwt_required(refresh=True)
@blp.response(200, TokensSchema)
@blp.problems(401)
@blp.doc(security=BEARER)
def refresh() -> dict[str, Any]:
    """A new access token and a new refresh token; send the refresh token as the bearer.

    Refresh tokens rotate: the one sent stops working. Sending one that was already rotated
    (a stolen copy, or a client that kept an old one) answers 401 and ends its whole session,
    every token of that sign-in included (RFC 9700, section 4.14.2)."""
    claims = get_jwt()
    session_id = current_session_id()
    if session_id is None:
        raise AuthenticationFailed("This refresh token has no session; sign in again.")
    command = c.RotateRefreshToken(
        user_id=str(claims["sub"]),
        session_id=session_id,
        jti=str(claims["jti"]),
        lifetime=session_lifetime(),
    )
    return tokens_for(get_rental().handle(command))


@blp.post("/auth/logout")
@jwt_required(verify_type=False)
@blp.response(204)
@blp.problems(401)
@blp.doc(security=BEARER)
def logout() -> Response:
    """End the sign-in session of the bearer token (access or refresh): from now on this
    token, and every other token of the same sign-in, answers 401."""
    rental = get_rental()
    rental.handle(c.RevokeToken(jti=str(get_jwt()["jti"]), expires_at=token_expiry()))
    session_id = current_session_id()
    if session_id is not None:
        rental.handle(c.EndSession(actor=current_actor(), session_id=session_id))
    return Response(status=204)


@me_blp.get("/users/me")
@me_blp.doc(operationId="getCurrentUser")
@jwt_required()
@me_blp.response(200, UserSchema)
@me_blp.problems(401)
@me_blp.doc(security=BEARER)
def me() -> Account:
    """Your own account."""
    actor = current_actor()
    return Account(get_rental().reads.me(actor), message_emails(actor))


@me_blp.patch("/users/me")
@me_blp.doc(operationId="updateCurrentUser")
@jwt_required()
@me_blp.arguments(ProfileUpdateSchema)
@me_blp.response(200, UserSchema)
@me_blp.problems(400, 401, 415)
@me_blp.doc(security=BEARER)
def update_me(body: dict[str, Any]) -> Account:
    """Change your full name or bio, or whether you are emailed about new messages
    (`notify_messages`); fields left out (or null) stay as they are.

    ``password`` is refused (422): changing it needs the current one, at
    ``POST /users/me/password``."""
    actor = current_actor()
    notify = body.pop("notify_messages", None)
    if notify is not None:
        get_rental().handle(SetMessageEmails(actor=actor, enabled=notify))
    result: User = get_rental().handle(c.UpdateProfile(actor=actor, **body))
    return Account(result, message_emails(actor))
