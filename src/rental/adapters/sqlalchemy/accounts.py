"""One-time tokens and sign-in sessions in ``one_time_tokens`` and ``login_sessions``."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rental.adapters.sqlalchemy import tables as t
from rental.adapters.sqlalchemy.errors import domain_errors
from rental.application.account_repositories import LoginSessions, OneTimeTokens
from rental.domain.accounts.one_time_tokens import OneTimeToken, TokenPurpose
from rental.domain.accounts.sessions import LoginSession


class SqlOneTimeTokens(OneTimeTokens):
    """Tokens by id; ``get`` locks the row, so that two spends of one token serialize."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, token: OneTimeToken) -> None:
        self._session.add(token)

    def get(self, token_id: str) -> OneTimeToken | None:
        with domain_errors():
            return self._session.get(
                OneTimeToken, token_id, with_for_update=True, populate_existing=True
            )

    def unspent_of(self, user_id: str, purposes: tuple[TokenPurpose, ...]) -> list[OneTimeToken]:
        c = t.one_time_tokens.c
        query = select(OneTimeToken).where(
            c.user_id == user_id, c.purpose.in_([p.value for p in purposes]), c.spent_at.is_(None)
        )
        with domain_errors():
            return list(self._session.scalars(query))

    def issued_since(self, user_id: str, purpose: TokenPurpose, since: datetime) -> int:
        c = t.one_time_tokens.c
        query = select(func.count()).where(
            c.user_id == user_id, c.purpose == purpose.value, c.created_at >= since
        )
        with domain_errors():
            return int(self._session.scalar(query) or 0)


class SqlLoginSessions(LoginSessions):
    """Sessions by id; ``get`` locks the row, so that two rotations of one token serialize."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, session: LoginSession) -> None:
        self._session.add(session)

    def get(self, session_id: str) -> LoginSession | None:
        with domain_errors():
            return self._session.get(
                LoginSession, session_id, with_for_update=True, populate_existing=True
            )

    def live_of(self, user_id: str, now: datetime) -> list[LoginSession]:
        c = t.login_sessions.c
        query = (
            select(LoginSession)
            .where(c.user_id == user_id, c.ended_at.is_(None), c.expires_at > now)
            .order_by(c.created_at.desc(), c.id.desc())
        )
        with domain_errors():
            return list(self._session.scalars(query))
