"""Ports of the accounts area: one-time tokens and sign-in sessions (issue 21)."""

from __future__ import annotations

import abc
import unicodedata
from datetime import datetime
from typing import Protocol

from attrs import frozen

from rental.domain.accounts.one_time_tokens import OneTimeToken, TokenPurpose
from rental.domain.accounts.sessions import LoginSession
from rental.domain.accounts.sign_in import SignInStanding


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

    @abc.abstractmethod
    def erase_of(self, user_id: str) -> None:
        """Remove every token of the user (the account is deleted)."""


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

    @abc.abstractmethod
    def erase_of(self, user_id: str) -> None:
        """Remove every session of the user, ended ones too (the account is deleted)."""


class StoredEvents(abc.ABC):
    """The events kept in the outbox, as far as a person's right to be forgotten reaches."""

    @abc.abstractmethod
    def forget_person(self, user_id: str, email: str | None) -> int:
        """Blank the personal fields (``Event.personal``) of the stored events about the
        person (``without_person``); how many events changed."""


class SignInFailures(abc.ABC):
    """Failed passwords per account since its last success, counted in the database so that
    every server process sees the same count."""

    @abc.abstractmethod
    def standing(self, user_id: str) -> SignInStanding: ...

    @abc.abstractmethod
    def record_failure(self, user_id: str) -> int:
        """Count one more failure at once (not read-then-written, so that concurrent failures
        all count); return the new count."""

    @abc.abstractmethod
    def lock(self, user_id: str, until: datetime) -> None: ...

    @abc.abstractmethod
    def clear(self, user_id: str) -> None:
        """A success: no failures, no lock."""


class LookAlikes(Protocol):
    """Unicode's confusables (TR39): what a name looks like, and whether it mixes scripts."""

    def skeleton(self, text: str) -> str:
        """Equal for two texts a reader could take for one another."""
        ...

    def is_mixed_script(self, text: str) -> bool:
        """Whether letters of several scripts are mixed (Latin with Cyrillic, say)."""
        ...


class PlainLookAlikes:
    """``LookAlikes`` without the confusables data (memory-only demos and unit tests): the
    skeleton is the NFKC case-folded text, and nothing counts as mixed."""

    def skeleton(self, text: str) -> str:
        return unicodedata.normalize("NFKC", text).casefold()

    def is_mixed_script(self, text: str) -> bool:
        return False
