"""One-time tokens mailed to a user: password reset, email verification, email change."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta
from enum import StrEnum

from attrs import define, field

from rental.domain.aggregate import Aggregate
from rental.domain.errors import InvalidToken

TOKEN_BYTES = 32  # 256 random bits, over the 128 asked for


class TokenPurpose(StrEnum):
    """What a one-time token may be spent on; a token of one purpose never serves another."""

    PASSWORD_RESET = "password-reset"  # noqa: S105 - a purpose, not a password
    VERIFY_EMAIL = "verify-email"
    CHANGE_EMAIL = "change-email"


LIFETIME = {
    TokenPurpose.PASSWORD_RESET: timedelta(minutes=30),
    TokenPurpose.VERIFY_EMAIL: timedelta(days=7),
    TokenPurpose.CHANGE_EMAIL: timedelta(days=7),
}
RESET_EMAILS_PER_HOUR = 3


def secret_hash(secret: str) -> str:
    """What is stored of a token's secret: its SHA-256. The secret has 256 random bits, so a
    fast hash is enough (nothing to brute-force), and a database dump yields no usable token."""
    return hashlib.sha256(secret.encode()).hexdigest()


def split_token(token: str) -> tuple[str, str]:
    """A token as sent (``<id>.<secret>``) → its id and secret; ``InvalidToken`` if malformed."""
    token_id, dot, secret = token.partition(".")
    if not dot or not token_id or not secret or len(token) > 200:
        raise InvalidToken("The token is invalid or has expired.")
    return token_id, secret


@define(slots=False, eq=False)
class OneTimeToken(Aggregate):
    """A single-use token mailed to a user. Only the hash of its secret is kept; purpose,
    expiry, single use and the comparison are decided here and nowhere else.

    ``new_email`` is the address an email-change token confirms (``None`` otherwise).
    """

    id: str
    user_id: str
    purpose: str
    secret_hash: str = field(repr=False)
    created_at: datetime
    expires_at: datetime
    spent_at: datetime | None = None  # used, or voided by a newer token or a password change
    new_email: str | None = None
    version: int = field(default=1, kw_only=True)

    @classmethod
    def issue(
        cls,
        *,
        user_id: str,
        purpose: TokenPurpose,
        now: datetime,
        new_email: str | None = None,
    ) -> tuple[OneTimeToken, str]:
        """A new token and the string to mail (``<id>.<secret>``), which is never stored.
        The id is random too (not from the id generator), so that mailing a token never
        shifts the ids of the business's own objects."""
        token_id, secret = secrets.token_hex(16), secrets.token_urlsafe(TOKEN_BYTES)
        token = cls(
            id=token_id,
            user_id=user_id,
            purpose=purpose.value,
            secret_hash=secret_hash(secret),
            created_at=now,
            expires_at=now + LIFETIME[purpose],
            new_email=new_email,
        )
        return token, f"{token_id}.{secret}"

    def check_usable(self, secret: str, purposes: tuple[TokenPurpose, ...], now: datetime) -> None:
        """The one test of a presented token: same answer for every way of being wrong."""
        matches = hmac.compare_digest(self.secret_hash, secret_hash(secret))
        if (
            not matches
            or self.purpose not in purposes
            or self.spent_at is not None
            or now >= self.expires_at
        ):
            raise InvalidToken("The token is invalid, used or expired.")

    def spend(self, now: datetime) -> None:
        """Used, or voided: it never works again."""
        if self.spent_at is None:
            self.spent_at = now
            self.bump_version()
