"""Credentials, recovery, verification and sessions (issue 21): ``/auth/password-reset``,
``/auth/verify-email``, ``/auth/logout-all`` and ``/users/me/{password,email,sessions}``."""

from __future__ import annotations

from typing import Any

from flask import Response, current_app

from rental.application import commands as c
from rental.application.export_commands import RequestDataExport
from rental.application.exports import DataExportView
from rental.domain.errors import WrongPassword
from rental.entrypoints.http.auth import current_actor, jwt_required
from rental.entrypoints.http.context import BEARER, Blueprint, get_rental, location_header
from rental.entrypoints.http.users import RATE_LIMIT
from rental.entrypoints.web.clients import current_client
from rental.entrypoints.web.schemas.users import (
    AccountDeletionSchema,
    DataExportSchema,
    EmailChangeSchema,
    PasswordChangeSchema,
    PasswordResetConfirmSchema,
    PasswordResetSchema,
    SessionSchema,
    TokensSchema,
    VerifyEmailSchema,
)
from rental.entrypoints.web.tokens import (
    current_session_id,
    session_lifetime,
    tokens_for,
    user_agent,
)

blp = Blueprint("accounts", __name__, description="Passwords, email addresses, sessions.")


def _counting_wrong_passwords(command: c.Command) -> Any:
    """Run ``command``; a wrong current password counts toward the sign-in rate limit of this
    client address, as a wrong password at login does."""
    try:
        return get_rental().handle(command)
    except WrongPassword:
        current_app.extensions["rental.rate_limiter"].count(current_client())
        raise


@blp.post("/users/me/password")
@blp.doc(operationId="changePassword")
@jwt_required()
@blp.arguments(PasswordChangeSchema)
@blp.response(200, TokensSchema)
@blp.problems(400, 401, 403, 415)
@blp.doc(security=BEARER)
def change_password(body: dict[str, Any]) -> dict[str, Any]:
    """Change your password; the current one is required (403 when wrong, counted toward the
    sign-in rate limit of your address).

    Every token of yours stops at once, and every session ends; the answer holds fresh tokens
    of a new session for this client. You are emailed that the password changed."""
    command = c.ChangePassword(
        actor=current_actor(),
        current_password=body["current_password"],
        new_password=body["new_password"],
        user_agent=user_agent(),
        lifetime=session_lifetime(),
    )
    return tokens_for(_counting_wrong_passwords(command))


@blp.post("/auth/password-reset")
@blp.doc(operationId="requestPasswordReset")
@blp.arguments(PasswordResetSchema)
@blp.response(202, headers=RATE_LIMIT)
@blp.problems(400, 415, 429)
def request_password_reset(body: dict[str, Any]) -> Response:
    """Ask for a password reset link: 202 always, whether the address has an account or not.

    The request only records the ask, with the same statements for any address; who has the
    address is looked up after the answer (by the worker), and a known, enabled account is
    emailed a link (``RENTAL_FRONTEND_URL/reset-password#token=…``) valid 30 minutes. At most
    3 reset emails an hour go to one address. Shares the sign-in rate limit (429)."""
    get_rental().handle(c.RequestPasswordReset(email=body["email"]))
    return Response(status=202)


@blp.post("/auth/password-reset/confirm")
@blp.doc(operationId="confirmPasswordReset")
@blp.arguments(PasswordResetConfirmSchema)
@blp.response(204, headers=RATE_LIMIT)
@blp.problems(400, 415, 429)
def confirm_password_reset(body: dict[str, Any]) -> Response:
    """Set a new password with the emailed token; every token and session of the account ends.

    A bad, used, voided (a newer one was asked for, or the password changed) or expired token
    answers 400 ``invalid-token``. Shares the sign-in rate limit (429)."""
    get_rental().handle(c.ResetPassword(token=body["token"], new_password=body["new_password"]))
    return Response(status=204)


@blp.post("/auth/verify-email")
@blp.doc(operationId="verifyEmail")
@blp.arguments(VerifyEmailSchema)
@blp.response(204, headers=RATE_LIMIT)
@blp.problems(400, 409, 415, 429)
def verify_email(body: dict[str, Any]) -> Response:
    """Confirm an address with its emailed token (valid 7 days): the account's own, or the new
    one of an email change, which then replaces the old (409 when someone registered that
    address meanwhile). A bad, used or expired token answers 400 ``invalid-token``."""
    get_rental().handle(c.VerifyEmail(token=body["token"]))
    return Response(status=204)


@blp.post("/auth/verify-email/resend")
@blp.doc(operationId="resendVerificationEmail")
@jwt_required()
@blp.response(202, headers=RATE_LIMIT)
@blp.problems(401, 429)
@blp.doc(security=BEARER)
def resend_verification() -> Response:
    """Email a new verification link (the older ones stop working); nothing is sent when the
    address is verified already. Shares the sign-in rate limit (429)."""
    get_rental().handle(c.ResendVerification(actor=current_actor()))
    return Response(status=202)


@blp.post("/users/me/email")
@blp.doc(operationId="changeEmail")
@jwt_required()
@blp.arguments(EmailChangeSchema)
@blp.response(202)
@blp.problems(400, 401, 403, 409, 415)
@blp.doc(security=BEARER)
def change_email(body: dict[str, Any]) -> Response:
    """Ask to change your email address; the current password is required (403 when wrong).

    The new address is emailed a link to confirm it and the old one a notice; the address
    changes only when ``POST /auth/verify-email`` confirms that link. 409 when the new address
    belongs to an account already."""
    command = c.RequestEmailChange(
        actor=current_actor(),
        new_email=body["new_email"],
        current_password=body["current_password"],
    )
    _counting_wrong_passwords(command)
    return Response(status=202)


@blp.get("/users/me/sessions")
@blp.doc(operationId="listSessions")
@jwt_required()
@blp.response(200, SessionSchema(many=True))
@blp.problems(401)
@blp.doc(security=BEARER)
def sessions() -> list[dict[str, Any]]:
    """Your live sessions, one per sign-in, newest first; ``current`` marks this request's.

    ``last_used_at`` is when the session last signed in or renewed its tokens (a refresh),
    not every request."""
    current = current_session_id()
    return [
        {
            "id": view.id,
            "created_at": view.created_at,
            "last_used_at": view.last_used_at,
            "user_agent": view.user_agent,
            "current": view.id == current,
        }
        for view in get_rental().sessions(current_actor())
    ]


@blp.delete("/users/me/sessions/<session_id>")
@blp.doc(operationId="endSession")
@jwt_required()
@blp.response(204)
@blp.problems(401, 404)
@blp.doc(security=BEARER)
def end_session(session_id: str) -> Response:
    """End one of your sessions: its access and refresh tokens answer 401 from now on.
    Someone else's session answers 404, as a missing one does."""
    get_rental().handle(c.EndSession(actor=current_actor(), session_id=session_id))
    return Response(status=204)


@blp.post("/auth/logout-all")
@blp.doc(operationId="logoutAll")
@jwt_required(verify_type=False)
@blp.response(204)
@blp.problems(401)
@blp.doc(security=BEARER)
def logout_all() -> Response:
    """End every session of yours, this one included: every token answers 401 from now on."""
    get_rental().handle(c.EndEverySession(actor=current_actor()))
    return Response(status=204)


@blp.delete("/users/me")
@blp.doc(operationId="deleteAccount")
@jwt_required()
@blp.arguments(AccountDeletionSchema)
@blp.response(204)
@blp.problems(400, 401, 403, 409, 415, 429)
@blp.doc(security=BEARER)
def delete_account(body: dict[str, Any]) -> Response:
    """Delete your account; the current password is required (403 when wrong, counted toward
    the sign-in rate limit of your address and the account's lock, 429).

    409 while something needs you, each named in `blockers` (`reason`, `booking_id`): a stay
    of yours as guest that has not ended (`stay-as-guest`), a confirmed stay at a listing you
    host that has not ended (`hosted-stay`), a payout still to be paid to you (`payout-owed`)
    or money you owe back (`money-owed`).

    Your name, bio, email, username, password and sessions are erased and your listings are
    unlisted, their photos deleted; bookings, payments, the books and reviews stay, shown as a
    deleted user's. The address may sign up again at once, and is emailed a confirmation."""
    command = c.DeleteAccount(actor=current_actor(), current_password=body["current_password"])
    _counting_wrong_passwords(command)
    return Response(status=204)


EXPORT_LOCATION = location_header("/api/v1/users/me/exports/{id}, where the export is followed.")


def _export(view: DataExportView) -> dict[str, Any]:
    return {
        "id": view.id,
        "status": view.status,
        "requested_at": view.requested_at,
        "download_url": view.download_url,
        "expires_at": view.expires_at,
        "failure_reason": view.failure_reason,
    }


@blp.post("/users/me/export")
@blp.doc(operationId="requestDataExport")
@jwt_required()
@blp.response(202, DataExportSchema, headers=EXPORT_LOCATION)
@blp.problems(401)
@blp.doc(security=BEARER)
def request_data_export() -> tuple[dict[str, Any], int, dict[str, str]]:
    """Ask for a copy of everything held about you (profile, listings and their photos'
    URLs, bookings as guest and host, payments, payouts, reviews written and received,
    messages, sessions…), one JSON document built by the worker.

    While one is pending, asking again answers that same export. You are emailed when it is
    ready; follow it at the `Location`."""
    export = get_rental().handle(RequestDataExport(actor=current_actor()))
    body = {
        "id": export.id,
        "status": export.status,
        "requested_at": export.requested_at,
        "download_url": None,
        "expires_at": None,
        "failure_reason": None,
    }
    return body, 202, {"Location": f"/api/v1/users/me/exports/{export.id}"}


@blp.get("/users/me/exports/<export_id>")
@blp.doc(operationId="getDataExport")
@jwt_required()
@blp.response(200, DataExportSchema)
@blp.problems(401, 404)
@blp.doc(security=BEARER)
def data_export(export_id: str) -> dict[str, Any]:
    """One of your data exports; someone else's is a 404, as a missing one.

    `download_url` is an unguessable link that stops working at `expires_at`, 24 hours after
    the export was made (a signed link of the media store); the file is deleted after."""
    return _export(get_rental().data_export(current_actor(), export_id))
