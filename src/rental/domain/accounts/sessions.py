"""Sign-in sessions, one per login, and the rotation of their refresh tokens."""

from __future__ import annotations

import hmac
from datetime import datetime, timedelta

from attrs import define, field

from rental.domain.aggregate import Aggregate
from rental.domain.errors import RefreshTokenReused, SessionEnded


@define(slots=False, eq=False)
class LoginSession(Aggregate):
    """One sign-in: the family of refresh tokens it has issued, of which only the newest
    (``refresh_jti``) works. Presenting an older one means a copy was stolen (or the client
    is confused): the whole session ends (RFC 9700, section 4.14.2).

    Its access tokens carry the session's id as their ``jti``, so ending the session revokes
    them with the revocation the per-request token check already reads.
    """

    id: str
    user_id: str
    created_at: datetime
    last_used_at: datetime
    expires_at: datetime
    refresh_jti: str = field(repr=False)
    user_agent: str = ""
    ended_at: datetime | None = None
    version: int = field(default=1, kw_only=True)

    @classmethod
    def start(
        cls,
        *,
        session_id: str,
        user_id: str,
        refresh_jti: str,
        user_agent: str,
        now: datetime,
        lifetime: timedelta,
    ) -> LoginSession:
        return cls(
            id=session_id,
            user_id=user_id,
            created_at=now,
            last_used_at=now,
            expires_at=now + lifetime,
            refresh_jti=refresh_jti,
            user_agent=user_agent[:255],
        )

    @property
    def is_ended(self) -> bool:
        return self.ended_at is not None

    def is_live(self, now: datetime) -> bool:
        return self.ended_at is None and now < self.expires_at

    def check_is_live(self, now: datetime) -> None:
        if not self.is_live(now):
            raise SessionEnded("This session has ended; sign in again.")

    def is_reuse(self, presented_jti: str) -> bool:
        """Whether ``presented_jti`` is a refresh token this session already rotated away."""
        return not hmac.compare_digest(presented_jti, self.refresh_jti)

    def rotate(self, presented_jti: str, new_jti: str, now: datetime) -> None:
        """Swap the current refresh token for ``new_jti``. The caller ends the session and
        commits that first when ``is_reuse``; here a reused token is refused all the same."""
        self.check_is_live(now)
        if self.is_reuse(presented_jti):
            raise RefreshTokenReused("This refresh token was already used; the session ended.")
        self.refresh_jti = new_jti
        self.last_used_at = now
        self.bump_version()

    def end(self, now: datetime) -> None:
        if self.ended_at is None:
            self.ended_at = now
            self.bump_version()
