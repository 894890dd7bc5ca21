"""Accounts in GraphQL (issue 21): ``viewer { sessions }`` and the mutations of passwords,
email addresses and sessions, each building the command its HTTP twin builds. Login,
register, refresh and logout stay in the HTTP API."""

from __future__ import annotations

from datetime import datetime

import strawberry
from flask import current_app

from rental.application import commands as c
from rental.application.export_commands import RequestDataExport
from rental.application.exports import DataExportView
from rental.domain.accounts.exports import DataExportNotFound
from rental.domain.errors import TooManyAttempts, WrongPassword
from rental.entrypoints.graphql.inputs import loaded
from rental.entrypoints.graphql.types import Info
from rental.entrypoints.web.clients import current_client
from rental.entrypoints.web.schemas.users import (
    AccountDeletionSchema,
    EmailChangeSchema,
    PasswordChangeSchema,
    PasswordResetConfirmSchema,
    PasswordResetSchema,
    VerifyEmailSchema,
)
from rental.entrypoints.web.tokens import (
    current_session_id,
    session_lifetime,
    tokens_for,
    user_agent,
)


@strawberry.type(description="One sign-in (GET /users/me/sessions).")
class Session:
    id: strawberry.ID
    created_at: datetime
    last_used_at: datetime
    user_agent: str
    current: bool


@strawberry.type(description="Fresh tokens of a new session for this client.")
class AuthTokens:
    access_token: str
    refresh_token: str
    token_type: str
    expires_in: int


def viewer_sessions(info: Info) -> list[Session]:
    """The caller's live sessions (GET /users/me/sessions)."""
    actor = info.context.signed_in()
    current = current_session_id()
    views = info.context.rental.sessions(actor)
    return [
        Session(
            id=strawberry.ID(v.id),
            created_at=v.created_at,
            last_used_at=v.last_used_at,
            user_agent=v.user_agent,
            current=v.id == current,
        )
        for v in views
    ]


@strawberry.type(description="A copy of everything held about you (GET /users/me/exports/{id}).")
class DataExport:
    id: strawberry.ID
    status: str = strawberry.field(description="pending, ready, failed or expired.")
    requested_at: datetime
    download_url: str | None = strawberry.field(
        description="An unguessable link to the JSON document until expiresAt; null unless ready."
    )
    expires_at: datetime | None
    failure_reason: str | None


def _data_export(view: DataExportView) -> DataExport:
    return DataExport(
        id=strawberry.ID(view.id),
        status=view.status,
        requested_at=view.requested_at,
        download_url=view.download_url,
        expires_at=view.expires_at,
        failure_reason=view.failure_reason,
    )


def viewer_data_export(info: Info, id: strawberry.ID) -> DataExport | None:
    """One of the caller's data exports; null for a missing one or someone else's."""
    actor = info.context.signed_in()
    try:
        return _data_export(info.context.rental.data_export(actor, str(id)))
    except DataExportNotFound:
        return None


@strawberry.type
class AccountsViewer:
    sessions: list[Session] = strawberry.field(
        resolver=viewer_sessions, description="Your live sessions, one per sign-in, newest first."
    )
    data_export: DataExport | None = strawberry.field(
        resolver=viewer_data_export, description="One of your data exports, or null."
    )


def _sign_in_limit() -> None:
    """The sign-in rate limit of the HTTP API's recovery endpoints, per client address."""
    wait = current_app.extensions["rental.rate_limiter"].check(current_client())
    if wait is not None:
        raise TooManyAttempts(f"Too many attempts; try again in {wait} seconds.", wait)


def _counting_wrong_passwords(info: Info, command: c.Command) -> object:
    try:
        return info.context.handle(command)
    except WrongPassword:
        current_app.extensions["rental.rate_limiter"].count(current_client())
        raise


def _tokens(result: object) -> AuthTokens:
    tokens = tokens_for(result)  # type: ignore[arg-type]
    return AuthTokens(**tokens)


@strawberry.type
class AccountMutation:
    @strawberry.mutation(
        description="POST /users/me/password: needs the current password "
        "(FORBIDDEN when wrong); ends every other session."
    )
    @staticmethod
    def change_password(info: Info, current_password: str, new_password: str) -> AuthTokens | None:
        actor = info.context.signed_in()
        fields = loaded(
            PasswordChangeSchema(),
            {"current_password": current_password, "new_password": new_password},
        )
        command = c.ChangePassword(
            actor=actor, user_agent=user_agent(), lifetime=session_lifetime(), **fields
        )
        return _tokens(_counting_wrong_passwords(info, command))

    @strawberry.mutation(
        description="POST /users/me/email: the new address gets a link to "
        "confirm it (verifyEmail); true once asked."
    )
    @staticmethod
    def change_email(info: Info, new_email: str, current_password: str) -> bool | None:
        actor = info.context.signed_in()
        fields = loaded(
            EmailChangeSchema(), {"new_email": new_email, "current_password": current_password}
        )
        _counting_wrong_passwords(info, c.RequestEmailChange(actor=actor, **fields))
        return True

    @strawberry.mutation(description="POST /auth/verify-email/resend.")
    @staticmethod
    def resend_verification_email(info: Info) -> bool | None:
        actor = info.context.signed_in()
        _sign_in_limit()
        info.context.handle(c.ResendVerification(actor=actor))
        return True

    @strawberry.mutation(
        description="POST /auth/password-reset: true for any address, known "
        "or not; no sign-in needed; RATE_LIMITED as sign-ins are."
    )
    @staticmethod
    def request_password_reset(info: Info, email: str) -> bool | None:
        _sign_in_limit()
        fields = loaded(PasswordResetSchema(), {"email": email})
        info.context.handle(c.RequestPasswordReset(**fields))
        return True

    @strawberry.mutation(
        description="POST /auth/password-reset/confirm; a bad, used or "
        "expired token is BAD_USER_INPUT."
    )
    @staticmethod
    def reset_password(info: Info, token: str, new_password: str) -> bool | None:
        _sign_in_limit()
        fields = loaded(
            PasswordResetConfirmSchema(), {"token": token, "new_password": new_password}
        )
        info.context.handle(c.ResetPassword(**fields))
        return True

    @strawberry.mutation(
        description="POST /auth/verify-email; CONFLICT when the new address "
        "of an email change was taken meanwhile."
    )
    @staticmethod
    def verify_email(info: Info, token: str) -> bool | None:
        _sign_in_limit()
        fields = loaded(VerifyEmailSchema(), {"token": token})
        info.context.handle(c.VerifyEmail(**fields))
        return True

    @strawberry.mutation(
        description="DELETE /users/me/sessions/{id}: NOT_FOUND for another user's session."
    )
    @staticmethod
    def end_session(info: Info, id: strawberry.ID) -> bool | None:
        actor = info.context.signed_in()
        info.context.handle(c.EndSession(actor=actor, session_id=str(id)))
        return True

    @strawberry.mutation(description="POST /auth/logout-all: every session ends, this one too.")
    @staticmethod
    def end_all_sessions(info: Info) -> bool | None:
        actor = info.context.signed_in()
        info.context.handle(c.EndEverySession(actor=actor))
        return True

    @strawberry.mutation(
        description="DELETE /users/me: needs the current password "
        "(FORBIDDEN when wrong); CONFLICT with extensions.blockers "
        "(reason, bookingId) while a stay or money keeps the account "
        "open; true once deleted."
    )
    @staticmethod
    def delete_account(info: Info, current_password: str) -> bool | None:
        actor = info.context.signed_in()
        fields = loaded(AccountDeletionSchema(), {"current_password": current_password})
        _counting_wrong_passwords(info, c.DeleteAccount(actor=actor, **fields))
        return True

    @strawberry.mutation(
        description="POST /users/me/export: the pending export, or a new one; "
        "the worker builds it and you are emailed when it is ready."
    )
    @staticmethod
    def request_data_export(info: Info) -> DataExport | None:
        actor = info.context.signed_in()
        export = info.context.handle(RequestDataExport(actor=actor))
        return DataExport(
            id=strawberry.ID(export.id),
            status=export.status,
            requested_at=export.requested_at,
            download_url=None,
            expires_at=None,
            failure_reason=None,
        )
