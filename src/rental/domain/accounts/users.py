"""Users: guests, hosts and admins."""

from __future__ import annotations

import secrets
from datetime import datetime
from enum import StrEnum

from attrs import define, field, frozen

from rental.domain.accounts.names import EMAIL_PATTERN as EMAIL_PATTERN
from rental.domain.accounts.names import RESERVED_USERNAMES, check_username
from rental.domain.accounts.names import USERNAME_PATTERN as USERNAME_PATTERN
from rental.domain.accounts.names import normalize_email as normalize_email
from rental.domain.aggregate import Aggregate
from rental.domain.errors import (
    AccountIsDeleted,
    AuthenticationFailed,
    EmailNotVerified,
    InvalidInput,
    PermissionDenied,
)
from rental.domain.events import (
    AccountDeleted,
    EmailChangeRequested,
    EmailVerificationRequested,
    EmailVerified,
    PasswordChanged,
    UserRegistered,
)
from rental.domain.text import check_text

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024  # hashing is slow on purpose; an endless password must not be
MAX_FULL_NAME = 200
MAX_BIO = 5000
# What a deleted account's email becomes: unique, and in a domain that can never receive mail
# (``.invalid`` is reserved, RFC 2606), so the address is free to register again.
DELETED_EMAIL_DOMAIN = "deleted.invalid"
DELETED_USERNAME_PREFIX = "deleted-"
UNUSABLE_PASSWORD_HASH = "!"  # noqa: S105 - no hasher ever matches it


class Role(StrEnum):
    """What a user may do: book (guest), also list homes (host), or anything (admin)."""

    GUEST = "guest"
    HOST = "host"
    ADMIN = "admin"


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
    email_verified_at: datetime | None = None
    # What the email and the username look like (TR39 skeletons), to refuse look-alikes.
    email_skeleton: str | None = None
    username_skeleton: str | None = None
    deleted_at: datetime | None = None  # the person closed the account (0017)
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
        staff: bool = False,
    ) -> User:
        """A new account; reserved usernames (``admin``, ``support``…) only for the staff."""
        check_profile_text(full_name, None)
        username = check_username(username)
        if not staff and username.lower() in RESERVED_USERNAMES:
            raise InvalidInput.field("username", "is reserved.")
        user = cls(
            id=user_id,
            username=username,
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

    @property
    def is_deleted(self) -> bool:
        """Whether the person closed the account: it is kept, anonymised, for the bookings,
        payments and reviews of others that name it, and shown as a deleted user."""
        return self.deleted_at is not None

    def check_not_deleted(self) -> None:
        """Nothing more is done with a deleted account (409)."""
        if self.is_deleted:
            raise AccountIsDeleted(f"User {self.id} deleted their account.")

    def erase(self, *, now: datetime) -> None:
        """Close the account: every personal value goes (name, bio, email, username, the
        password hash), every token stops, and the row stays for the others' history.

        The email becomes a unique tombstone, so the address may register again; the one
        copy of it left is in ``AccountDeleted``, to confirm the deletion to."""
        self.check_not_deleted()
        self.record(AccountDeleted(occurred_at=now, user_id=self.id, email=self.email))
        random = secrets.token_hex(11)
        self.username = f"{DELETED_USERNAME_PREFIX}{random}"
        self.email = f"{DELETED_USERNAME_PREFIX}{random}@{DELETED_EMAIL_DOMAIN}"
        self.full_name = self.bio = None
        self.email_skeleton = self.username_skeleton = None
        self.email_verified_at = None
        self.password_hash = UNUSABLE_PASSWORD_HASH
        self.deleted_at = now
        self.end_every_session(now=now)

    def check_can_sign_in(self) -> None:
        if self.is_deleted:
            raise AuthenticationFailed("This account was deleted.")
        if self.is_disabled:
            raise AuthenticationFailed("This account is disabled.")

    def disable(self, *, now: datetime) -> None:
        """An admin closes the account: no sign-in, and every token issued so far is void."""
        if self.disabled_at is None:
            self.disabled_at = now
        self.token_version += 1
        self.updated_at = now
        self.bump_version()

    def enable(self, *, now: datetime) -> None:
        """An admin opens a disabled account again. Tokens issued before it was disabled stay
        void (their version is behind): its owner signs in anew."""
        if self.disabled_at is not None:
            self.disabled_at = None
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
    ) -> None:
        check_profile_text(full_name, bio)
        if full_name is not None:
            self.full_name = full_name
        if bio is not None:
            self.bio = bio
        self.updated_at = now
        self.bump_version()

    # -- credentials and email (issue 21) ---------------------------------------------------
    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None

    def check_email_is_verified(self) -> None:
        """Creating a listing, booking, paying and messaging need a verified email when
        ``RENTAL_REQUIRE_VERIFIED_EMAIL`` is on (the handlers ask only then)."""
        check_email_verified(self.email_verified)

    def change_password(self, *, password_hash: str, now: datetime) -> None:
        """A new password; every token issued before stops working (``token_version``)."""
        self.password_hash = password_hash
        self.end_every_session(now=now)
        self.record(PasswordChanged(occurred_at=now, user_id=self.id))

    def end_every_session(self, *, now: datetime) -> None:
        """Every token issued so far, access and refresh, stops at once."""
        self.token_version += 1
        self.updated_at = now
        self.bump_version()

    def ask_for_verification(self, *, now: datetime) -> None:
        """Mail a (new) verification token, unless the address is verified already."""
        if not self.email_verified:
            self.record(EmailVerificationRequested(occurred_at=now, user_id=self.id))

    def verify_email(self, *, now: datetime) -> None:
        if self.email_verified_at is None:
            self.email_verified_at = now
            self.updated_at = now
            self.bump_version()
            self.record(EmailVerified(occurred_at=now, user_id=self.id, email=self.email))

    def ask_to_change_email(self, *, new_email: str, now: datetime) -> str:
        """The new address (normalised) gets a token; it replaces the old one only when
        that token is confirmed (``change_email``)."""
        new_email = normalize_email(new_email)
        if new_email == self.email:
            raise InvalidInput.field("new_email", "is your current email address.")
        self.record(
            EmailChangeRequested(
                occurred_at=now, user_id=self.id, old_email=self.email, new_email=new_email
            )
        )
        return new_email

    def change_email(self, *, new_email: str, skeleton: str, now: datetime) -> None:
        """The new address was confirmed with its token, so it is verified too."""
        self.email = new_email
        self.email_skeleton = skeleton
        self.email_verified_at = now
        self.updated_at = now
        self.bump_version()
        self.record(EmailVerified(occurred_at=now, user_id=self.id, email=new_email))


def check_email_verified(verified: bool) -> None:
    """``User.check_email_is_verified`` for a handler that read only whether it is (a booking
    request reads it with the listing's lock)."""
    if not verified:
        raise EmailNotVerified("Verify your email address first.")
