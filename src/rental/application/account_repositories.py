"""Ports of the accounts area: one-time tokens and sign-in sessions (issue 21)."""

from __future__ import annotations

import abc
from datetime import datetime

from attrs import frozen

from rental.domain.accounts.one_time_tokens import OneTimeToken, TokenPurpose
from rental.domain.accounts.sessions import LoginSession


@frozen
class SessionView:
    """A live session as its owner sees it (``GET /users/me/sessions``)."""

    id: str
    created_at: datetime
    last_used_at: datetime
    user_agent: str


class OneTimeTokens(abc.ABC):
    """One-time tokens by id; what is stored of the secret is its hash only."""

    @abc.abstractmethod
    def add(self, token: OneTimeToken) -> None: ...

    @abc.abstractmethod
    def get(self, token_id: str) -> OneTimeToken | None:
        """The token, locked for this transaction where the database can, or ``None``."""

    @abc.abstractmethod
    def unspent_of(self, user_id: str, purposes: tuple[TokenPurpose, ...]) -> list[OneTimeToken]:
        """The user's tokens of these purposes not yet used nor voided (expired ones too)."""

    @abc.abstractmethod
    def issued_since(self, user_id: str, purpose: TokenPurpose, since: datetime) -> int:
        """How many tokens of ``purpose`` the user was sent since ``since``."""


class LoginSessions(abc.ABC):
    """Sign-in sessions by id."""

    @abc.abstractmethod
    def add(self, session: LoginSession) -> None: ...

    @abc.abstractmethod
    def get(self, session_id: str) -> LoginSession | None:
        """The session, locked for this transaction where the database can, or ``None``."""

    @abc.abstractmethod
    def live_of(self, user_id: str, now: datetime) -> list[LoginSession]:
        """The user's sessions neither ended nor expired at ``now``, newest first."""
