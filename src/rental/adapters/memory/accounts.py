"""One-time tokens and sign-in sessions of the in-memory mode."""

from __future__ import annotations

from datetime import datetime

from attrs import evolve

from rental.application.account_repositories import (
    LoginSessions,
    OneTimeTokens,
    SignInFailures,
    StoredEvents,
)
from rental.domain.accounts.one_time_tokens import OneTimeToken, TokenPurpose
from rental.domain.accounts.sessions import LoginSession
from rental.domain.accounts.sign_in import SignInStanding
from rental.domain.events import Event, without_person


class MemoryOneTimeTokens(OneTimeTokens):
    """Tokens in a dict by id."""

    def __init__(self, tokens: dict[str, OneTimeToken]) -> None:
        self._tokens = tokens

    def add(self, token: OneTimeToken) -> None:
        self._tokens[token.id] = token

    def get(self, token_id: str) -> OneTimeToken | None:
        return self._tokens.get(token_id)

    def unspent_of(self, user_id: str, purposes: tuple[TokenPurpose, ...]) -> list[OneTimeToken]:
        return [
            t
            for t in self._tokens.values()
            if t.user_id == user_id and t.purpose in purposes and t.spent_at is None
        ]

    def issued_since(self, user_id: str, purpose: TokenPurpose, since: datetime) -> int:
        return sum(
            1
            for t in self._tokens.values()
            if t.user_id == user_id and t.purpose == purpose and t.created_at >= since
        )

    def erase_of(self, user_id: str) -> None:
        for token_id in [t.id for t in self._tokens.values() if t.user_id == user_id]:
            del self._tokens[token_id]


class MemoryLoginSessions(LoginSessions):
    """Sessions in a dict by id."""

    def __init__(self, sessions: dict[str, LoginSession]) -> None:
        self._sessions = sessions

    def add(self, session: LoginSession) -> None:
        self._sessions[session.id] = session

    def get(self, session_id: str) -> LoginSession | None:
        return self._sessions.get(session_id)

    def live_of(self, user_id: str, now: datetime) -> list[LoginSession]:
        live = [s for s in self._sessions.values() if s.user_id == user_id and s.is_live(now)]
        return sorted(live, key=lambda s: (s.created_at, s.id), reverse=True)

    def erase_of(self, user_id: str) -> None:
        for session_id in [s.id for s in self._sessions.values() if s.user_id == user_id]:
            del self._sessions[session_id]


class MemoryStoredEvents(StoredEvents):
    """The events of ``MemoryData.outbox``, replaced in place (an entry's id is its place)."""

    def __init__(self, events: list[Event]) -> None:
        self._events = events

    def forget_person(self, user_id: str, email: str | None) -> int:
        changed = 0
        for place, event in enumerate(self._events):
            blanked = without_person(event.name, event.to_dict(), user_id, email)
            if blanked is not None:
                self._events[place] = Event.from_dict(event.name, blanked)
                changed += 1
        return changed


class MemorySignInFailures(SignInFailures):
    """Failures in a dict by user id."""

    def __init__(self, standings: dict[str, SignInStanding]) -> None:
        self._standings = standings

    def standing(self, user_id: str) -> SignInStanding:
        return self._standings.get(user_id, SignInStanding())

    def record_failure(self, user_id: str) -> int:
        failures = self.standing(user_id).failures + 1
        self._standings[user_id] = evolve(self.standing(user_id), failures=failures)
        return failures

    def lock(self, user_id: str, until: datetime) -> None:
        self._standings[user_id] = evolve(self.standing(user_id), locked_until=until)

    def clear(self, user_id: str) -> None:
        self._standings.pop(user_id, None)
