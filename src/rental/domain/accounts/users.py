"""Users: guests, hosts and admins."""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum

from attrs import define, field, frozen

from rental.domain.aggregate import Aggregate
from rental.domain.errors import AuthenticationFailed, InvalidInput, PermissionDenied
from rental.domain.events import UserRegistered
from rental.domain.text import check_text

EMAIL_PATTERN = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")
USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9_.-]{3,30}$")
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024  # hashing is slow on purpose; an endless password must not be
MAX_FULL_NAME = 200
MAX_BIO = 5000


class Role(StrEnum):
    """What a user may do: book (guest), also list homes (host), or anything (admin)."""

    GUEST = "guest"
    HOST = "host"
    ADMIN = "admin"


def normalize_email(email: str) -> str:
    """Emails are case-insensitive: stored and compared lower-cased."""
    normalized = email.strip().lower()
    if len(normalized) > 254 or not EMAIL_PATTERN.match(normalized):
        raise InvalidInput.field("email", "is not a valid email address.")
    return normalized


def check_username(username: str) -> str:
    if not USERNAME_PATTERN.match(username):
        raise InvalidInput.field(
            "username", "must be 3 to 30 letters, digits, dots, dashes or underscores."
        )
    return username


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput.field("password", f"must be at least {MIN_PASSWORD_LENGTH} characters.")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InvalidInput.field("password", f"must be at most {MAX_PASSWORD_LENGTH} characters.")
    return password


def check_profile_text(full_name: str | None, bio: str | None) -> None:
    errors: dict[str, list[str]] = {}
    if full_name is not None:
        check_text(errors, "full_name", full_name, limit=MAX_FULL_NAME, multiline=False)
    if bio is not None:
        check_text(errors, "bio", bio, limit=MAX_BIO, multiline=True)
    if errors:
        raise InvalidInput(errors)


@frozen
class TokenStanding:
    """What checking a token needs to know of its user, read on every authenticated request."""

    token_version: int
    disabled: bool
    revoked: bool  # the token itself (its ``jti``) was revoked: signed out

    def check_token_is_current(self, token_version: int) -> None:
        """A token is good only while its account is enabled, it was not revoked, and it
        carries the account's current ``token_version`` (tokens from before a password change
        do not)."""
        if self.disabled:
            raise AuthenticationFailed("This account is disabled.")
        if self.revoked:
            raise AuthenticationFailed("The token has been revoked.")
        if token_version != self.token_version:
            raise AuthenticationFailed("The token was issued before the password changed.")


@define(slots=False, eq=False)
class User(Aggregate):
    """A person with an account. ``password_hash`` never leaves the application.

    ``token_version`` is stamped into every token issued to the user; a token is good only
    while it matches. A password change or disabling the account bumps it, so every token
    issued before, refresh tokens included, stops working at once.
    """

    id: str
    username: str
    email: str
    role: str
    password_hash: str = field(repr=False)  # never in a log line or traceback
    created_at: datetime
    updated_at: datetime
    full_name: str | None = None
    bio: str | None = None
    token_version: int = 0
    disabled_at: datetime | None = None
    version: int = field(default=1, kw_only=True)

    @classmethod
    def register(
        cls,
        *,
        user_id: str,
        username: str,
        email: str,
        role: Role,
        password_hash: str,
        now: datetime,
        full_name: str | None = None,
    ) -> User:
        check_profile_text(full_name, None)
        user = cls(
            id=user_id,
            username=check_username(username),
            email=normalize_email(email),
            role=Role(role).value,
            password_hash=password_hash,
            created_at=now,
            updated_at=now,
            full_name=full_name,
        )
        user.record(
            UserRegistered(
                occurred_at=now,
                user_id=user.id,
                username=user.username,
                email=user.email,
                role=user.role,
            )
        )
        return user

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def is_disabled(self) -> bool:
        return self.disabled_at is not None

    def check_can_sign_in(self) -> None:
        if self.is_disabled:
            raise AuthenticationFailed("This account is disabled.")

    def disable(self, *, now: datetime) -> None:
        """An admin closes the account: no sign-in, and every token issued so far is void."""
        if self.disabled_at is None:
            self.disabled_at = now
        self.token_version += 1
        self.updated_at = now
        self.bump_version()

    def check_can_host(self) -> None:
        if self.role not in (Role.HOST, Role.ADMIN):
            raise PermissionDenied("Only hosts and admins may list homes.")

    def update_profile(
        self,
        *,
        now: datetime,
        full_name: str | None = None,
        bio: str | None = None,
        password_hash: str | None = None,
    ) -> None:
        check_profile_text(full_name, bio)
        if full_name is not None:
            self.full_name = full_name
        if bio is not None:
            self.bio = bio
        if password_hash is not None:
            self.password_hash = password_hash
            self.token_version += 1  # whoever held a token under the old password loses it
        self.updated_at = now
        self.bump_version()
