"""The idempotency store and the revoked tokens, on plain tables (no aggregates)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from attrs import asdict
from sqlalchemy import Insert, Table, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from rental.adapters.sqlalchemy import tables as t
from rental.adapters.sqlalchemy.errors import domain_errors
from rental.application.repositories import IdempotencyRecord, IdempotencyStore, RevokedTokens


def insert_ignoring_duplicates(session: Session, table: Table, values: dict[str, Any]) -> None:
    """INSERT, doing nothing when the primary key is already there."""
    dialect = session.get_bind().dialect.name
    statement: Insert
    if dialect == "postgresql":
        statement = postgresql.insert(table).values(values).on_conflict_do_nothing()
    elif dialect == "sqlite":
        statement = sqlite.insert(table).values(values).on_conflict_do_nothing()
    else:
        statement = insert(table).values(values).prefix_with("IGNORE")
    with domain_errors():
        session.execute(statement)


class SqlIdempotencyStore(IdempotencyStore):
    """Idempotency keys; a key stored twice at once loses the race as ``ConcurrentUpdate``."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, user_id: str, scope: str, key: str) -> IdempotencyRecord | None:
        c = t.idempotency_keys.c
        query = select(t.idempotency_keys).where(
            c.user_id == user_id, c.scope == scope, c.key == key
        )
        with domain_errors():
            row = self._session.execute(query).mappings().first()
        return None if row is None else IdempotencyRecord(**row)

    def add(self, record: IdempotencyRecord) -> None:
        values = asdict(record, recurse=False)
        with domain_errors():
            self._session.execute(insert(t.idempotency_keys).values(values))


class SqlRevokedTokens(RevokedTokens):
    """Revoked token ids, until they would have expired anyway."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def revoke(self, jti: str, expires_at: datetime) -> None:
        insert_ignoring_duplicates(
            self._session, t.revoked_tokens, {"jti": jti, "expires_at": expires_at}
        )

    def is_revoked(self, jti: str) -> bool:
        query = select(t.revoked_tokens.c.jti).where(t.revoked_tokens.c.jti == jti)
        with domain_errors():
            return self._session.execute(query).first() is not None

    def active(self, now: datetime) -> list[tuple[str, datetime]]:
        c = t.revoked_tokens.c
        query = select(c.jti, c.expires_at).where(c.expires_at > now)
        with domain_errors():
            return [(row.jti, row.expires_at) for row in self._session.execute(query)]
