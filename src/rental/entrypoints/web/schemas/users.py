"""Schemas of accounts and tokens."""

from __future__ import annotations

from marshmallow import fields, validate

from rental.domain.accounts.users import (
    EMAIL_PATTERN,
    MAX_BIO,
    MAX_FULL_NAME,
    MAX_PASSWORD_LENGTH,
    MIN_PASSWORD_LENGTH,
    USERNAME_PATTERN,
)
from rental.entrypoints.web.schemas.common import (
    MULTILINE,
    NO_NUL,
    ONE_LINE,
    BaseSchema,
    StrictBoolean,
    one_of,
    text,
)

# The domain's email rule, with control characters spelled out: Python's \s takes U+001C to
# U+001F as spaces, generators of the pattern do not, and NUL is refused everywhere anyway.
EMAIL = EMAIL_PATTERN.pattern.replace(r"\s", r"\s\x00-\x1f\x7f-\x9f")


def password(**kwargs: object) -> fields.String:
    return text(
        NO_NUL,
        min_length=MIN_PASSWORD_LENGTH,
        max_length=MAX_PASSWORD_LENGTH,
        load_only=True,
        **kwargs,
    )


class RegisterSchema(BaseSchema):
    """A new account. ``role`` is ``guest`` (the default) or ``host``; admins come from the CLI."""

    username = fields.String(
        required=True,
        validate=validate.Regexp(
            USERNAME_PATTERN.pattern,
            error="must be 3 to 30 letters, digits, dots, dashes or underscores.",
        ),
        metadata={"example": "hana", "description": "Unique without regard to case."},
    )
    email = fields.String(
        required=True,
        validate=[
            validate.Length(max=254),
            validate.Regexp(EMAIL, error="is not a valid email address."),
        ],
        metadata={"example": "hana@example.com", "description": "Unique, case-insensitive."},
    )
    password = password(required=True, metadata={"example": "correct horse battery"})
    role = one_of(["guest", "host"], "must be guest or host.", load_default="guest")


class LoginSchema(BaseSchema):
    """Credentials; a wrong email or password answers 401 without saying which."""

    email = text(NO_NUL, max_length=254, required=True, metadata={"example": "hana@example.com"})
    password = text(
        NO_NUL,
        max_length=1024,
        required=True,
        load_only=True,
        metadata={"example": "correct horse battery"},
    )


class ProfileUpdateSchema(BaseSchema):
    """Only the fields given change; ``null`` leaves a field as it is."""

    full_name = text(
        ONE_LINE, max_length=MAX_FULL_NAME, allow_none=True, metadata={"example": "Hana Ito"}
    )
    bio = text(MULTILINE, max_length=MAX_BIO, allow_none=True)
    notify_messages = StrictBoolean(
        allow_none=True,
        metadata={
            "description": "Whether you are emailed about new messages (at most one "
            "email per thread every 15 minutes)."
        },
    )


class UserSchema(BaseSchema):
    """A user as they see themselves; never a password or its hash."""

    id = fields.String(required=True)
    username = fields.String(required=True)
    email = fields.String(required=True)
    role = fields.String(
        required=True,
        validate=validate.OneOf(["guest", "host", "admin"]),
        metadata={"example": "guest"},
    )
    full_name = fields.String(required=True, allow_none=True)
    bio = fields.String(required=True, allow_none=True)
    created_at = fields.DateTime(required=True)
    email_verified = fields.Boolean(required=True)
    notify_messages = fields.Boolean(
        metadata={"description": "Whether you are emailed about new messages."}
    )


class AccessTokenSchema(BaseSchema):
    """A new access token; ``expires_in`` is in seconds."""

    access_token = fields.String(required=True)
    token_type = fields.String(required=True, metadata={"example": "Bearer"})
    expires_in = fields.Integer(required=True)


class TokensSchema(AccessTokenSchema):
    """The answer to a login: an access token and the refresh token that renews it."""

    refresh_token = fields.String(required=True)


# -- accounts (issue 21) --------------------------------------------------------------------
def _email(**kwargs: object) -> fields.String:
    return fields.String(
        validate=[
            validate.Length(max=254),
            validate.Regexp(EMAIL, error="is not a valid email address."),
        ],
        metadata={"example": "hana@example.com"},
        **kwargs,  # type: ignore[arg-type]
    )


ONE_TIME_TOKEN = {"description": "The token from the emailed link (after `#token=`)."}


class PasswordChangeSchema(BaseSchema):
    """The current password, and the new one."""

    current_password = text(NO_NUL, max_length=MAX_PASSWORD_LENGTH, required=True, load_only=True)
    new_password = password(required=True)


class PasswordResetSchema(BaseSchema):
    """The address of the account whose password is forgotten."""

    email = _email(required=True)


class PasswordResetConfirmSchema(BaseSchema):
    """The emailed token and the new password."""

    token = text(NO_NUL, max_length=200, required=True, load_only=True, metadata=ONE_TIME_TOKEN)
    new_password = password(required=True)


class VerifyEmailSchema(BaseSchema):
    """The emailed token of a verification or of an email change."""

    token = text(NO_NUL, max_length=200, required=True, load_only=True, metadata=ONE_TIME_TOKEN)


class EmailChangeSchema(BaseSchema):
    """The new address, and the current password to confirm it is you."""

    new_email = _email(required=True)
    current_password = text(NO_NUL, max_length=MAX_PASSWORD_LENGTH, required=True, load_only=True)


class AccountDeletionSchema(BaseSchema):
    """The current password, to confirm it is you."""

    current_password = text(NO_NUL, max_length=MAX_PASSWORD_LENGTH, required=True, load_only=True)


class SessionSchema(BaseSchema):
    """One sign-in; ``current`` is the one of the token of this request."""

    id = fields.String(required=True)
    created_at = fields.DateTime(required=True)
    last_used_at = fields.DateTime(required=True)
    user_agent = fields.String(required=True)
    current = fields.Boolean(required=True)


class DataExportSchema(BaseSchema):
    """A copy of everything held about you: `pending` until the worker has built it, then
    `ready` (with `download_url` until `expires_at`, 24 hours on), `expired` after, or
    `failed`."""

    id = fields.String(required=True)
    status = fields.String(
        required=True, validate=validate.OneOf(["pending", "ready", "failed", "expired"])
    )
    requested_at = fields.DateTime(required=True)
    download_url = fields.String(
        required=True,
        allow_none=True,
        metadata={
            "description": "An unguessable link to the JSON document, valid until "
            "`expires_at`; null unless `ready`."
        },
    )
    expires_at = fields.DateTime(required=True, allow_none=True)
    failure_reason = fields.String(required=True, allow_none=True)
