"""Schemas of accounts and tokens."""

from __future__ import annotations

from marshmallow import fields, validate

from rental.domain.users import MAX_BIO, MAX_FULL_NAME, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH
from rental.entrypoints.http.schemas.common import BaseSchema

PASSWORD = validate.Length(min=MIN_PASSWORD_LENGTH, max=MAX_PASSWORD_LENGTH)


class RegisterSchema(BaseSchema):
    """A new account. ``role`` is ``guest`` (the default) or ``host``; admins come from the CLI."""

    username = fields.String(
        required=True, validate=validate.Regexp(r"^[A-Za-z0-9_.-]{3,30}$"),
        metadata={"example": "hana"},
    )  # fmt: skip
    email = fields.String(
        required=True, validate=validate.Length(max=254), metadata={"example": "hana@example.com"}
    )
    password = fields.String(required=True, load_only=True, validate=PASSWORD)
    role = fields.String(load_default="guest", validate=validate.OneOf(["guest", "host"]))


class LoginSchema(BaseSchema):
    """Credentials; a wrong email or password answers 401 without saying which."""

    email = fields.String(required=True, validate=validate.Length(max=254))
    password = fields.String(required=True, load_only=True, validate=validate.Length(max=1024))


class ProfileUpdateSchema(BaseSchema):
    """Only the fields given change; ``null`` leaves a field as it is."""

    full_name = fields.String(allow_none=True, validate=validate.Length(max=MAX_FULL_NAME))
    bio = fields.String(allow_none=True, validate=validate.Length(max=MAX_BIO))
    password = fields.String(allow_none=True, load_only=True, validate=PASSWORD)


class UserSchema(BaseSchema):
    """A user as they see themselves; never a password or its hash."""

    id = fields.String(required=True)
    username = fields.String(required=True)
    email = fields.String(required=True)
    role = fields.String(required=True, validate=validate.OneOf(["guest", "host", "admin"]))
    full_name = fields.String(required=True, allow_none=True)
    bio = fields.String(required=True, allow_none=True)
    created_at = fields.DateTime(required=True)


class AccessTokenSchema(BaseSchema):
    """A new access token; ``expires_in`` is in seconds."""

    access_token = fields.String(required=True)
    token_type = fields.String(required=True, metadata={"example": "Bearer"})
    expires_in = fields.Integer(required=True)


class TokensSchema(AccessTokenSchema):
    """The answer to a login: an access token and the refresh token that renews it."""

    refresh_token = fields.String(required=True)
