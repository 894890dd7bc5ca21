"""One-time tokens and sign-in sessions in ``one_time_tokens`` and ``login_sessions``."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import Text, cast, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from rental.adapters.sqlalchemy import tables as t
from rental.adapters.sqlalchemy.errors import domain_errors
from rental.application.account_repositories import (
    LoginSessions,
    OneTimeTokens,
    SignInFailures,
    StoredEvents,
)
from rental.domain.accounts.one_time_tokens import OneTimeToken, TokenPurpose
from rental.domain.accounts.sessions import LoginSession
from rental.domain.accounts.sign_in import SignInStanding
from rental.domain.events import personal_event_names, without_person


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

    def erase_of(self, user_id: str) -> None:
        c = t.one_time_tokens.c
        with domain_errors():
            self._session.execute(delete(t.one_time_tokens).where(c.user_id == user_id))


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

    def erase_of(self, user_id: str) -> None:
        c = t.login_sessions.c
        with domain_errors():
            self._session.execute(delete(t.login_sessions).where(c.user_id == user_id))


class SqlStoredEvents(StoredEvents):
    """The ``outbox`` rows of the events with personal fields that mention the person (their
    id, or their address as stored: plain, or escaped as JSON escapes it), each checked and
    rewritten exactly by ``without_person``."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def forget_person(self, user_id: str, email: str | None) -> int:
        c = t.outbox.c
        text = cast(c.payload, Text)
        needles = {user_id} | ({email, json.dumps(email)[1:-1]} if email else set())
        query = select(c.id, c.event_name, c.payload).where(
            c.event_name.in_(personal_event_names()),
            or_(*(text.contains(needle, autoescape=True) for needle in needles)),
        )
        changed = 0
        with domain_errors():
            for row in self._session.execute(query).all():
                blanked = without_person(row.event_name, row.payload, user_id, email)
                if blanked is not None:
                    statement = update(t.outbox).where(c.id == row.id).values(payload=blanked)
                    self._session.execute(statement)
                    changed += 1
        return changed


class SqlSignInFailures(SignInFailures):
    """Failures in ``sign_in_failures``: one row per account that has failed since its last
    success. Counting is one ``UPDATE … SET failures = failures + 1``, whose row lock holds
    until the transaction ends, so concurrent failures all count."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def standing(self, user_id: str) -> SignInStanding:
        c = t.sign_in_failures.c
        with domain_errors():
            row = self._session.execute(
                select(c.failures, c.locked_until).where(c.user_id == user_id)
            ).first()
        return SignInStanding() if row is None else SignInStanding(row.failures, row.locked_until)

    def record_failure(self, user_id: str) -> int:
        table, c = t.sign_in_failures, t.sign_in_failures.c
        count = update(table).where(c.user_id == user_id).values(failures=c.failures + 1)
        with domain_errors():
            if self._session.execute(count).rowcount == 0:  # type: ignore[attr-defined]
                try:
                    with self._session.begin_nested():
                        self._session.execute(insert(table).values(user_id=user_id, failures=1))
                except IntegrityError:  # another process inserted it first: count on it
                    self._session.execute(count)
            failures = self._session.scalar(select(c.failures).where(c.user_id == user_id))
            return int(failures or 0)

    def lock(self, user_id: str, until: datetime) -> None:
        c = t.sign_in_failures.c
        statement = update(t.sign_in_failures).where(c.user_id == user_id)
        with domain_errors():
            self._session.execute(statement.values(locked_until=until))

    def clear(self, user_id: str) -> None:
        c = t.sign_in_failures.c
        with domain_errors():
            self._session.execute(delete(t.sign_in_failures).where(c.user_id == user_id))
