"""Messaging in SQL: threads (mapped, versioned), messages appended with Core, and the reads.

A participant's inbox reads ``threads`` through ``ix_threads_guest_inbox`` and
``ix_threads_host_inbox``, one query per side merged here, so that each uses its index; a
thread's history reads ``messages`` by its unique ``(thread_id, position)``. Every page costs a
fixed number of statements, whatever its length.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, and_, func, insert, or_, select, tuple_
from sqlalchemy.engine import Connection, RowMapping
from sqlalchemy.orm import Session

from rental.adapters.sqlalchemy import tables as t
from rental.adapters.sqlalchemy.engine import READ_ONLY
from rental.adapters.sqlalchemy.errors import domain_errors
from rental.application.messaging.ports import ThreadRecord, ThreadRepository, UserBlockRepository
from rental.domain.errors import ThreadNotFound
from rental.domain.messaging.thread import CONTACT_SHARING_STATUSES, Message, Thread, UserBlock

_MESSAGE_COLUMNS = [
    t.messages.c[name]
    for name in ("id", "thread_id", "position", "sender_id", "body", "created_at")
]


def _message(row: RowMapping | Any) -> Message:
    return Message(**_message_values(row))


def _message_values(source: Any) -> dict[str, Any]:
    """A message's fields, by column name, read off a row or a ``Message``."""
    return {column.name: getattr(source, column.name) for column in _MESSAGE_COLUMNS}


def _thread(row: RowMapping) -> Thread:
    return Thread(**dict(row))


class SqlThreads(ThreadRepository):
    """Threads in ``threads``, their messages in ``messages``."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session

    def _add(self, thread: Thread) -> None:
        self._session.add(thread)

    def _get(self, thread_id: str) -> Thread:
        with domain_errors():
            thread = self._session.get(Thread, thread_id)
        if thread is None:
            raise ThreadNotFound(f"No thread {thread_id}.")
        return thread

    def _of_guest(self, listing_id: str, guest_id: str) -> Thread | None:
        query = select(Thread).where(
            t.threads.c.listing_id == listing_id, t.threads.c.guest_id == guest_id
        )
        with domain_errors():
            return self._session.scalars(query).first()

    def append(self, message: Message) -> None:
        with domain_errors():
            self._session.flush()  # the thread first: its row, or its version, decides
            # On the session's connection: a Core INSERT needs none of the ORM's execution.
            self._session.connection().execute(insert(t.messages).values(_message_values(message)))

    def message(self, message_id: str) -> Message | None:
        query = select(*_MESSAGE_COLUMNS).where(t.messages.c.id == message_id)
        with domain_errors():
            row = self._session.execute(query).first()
        return None if row is None else _message(row)

    def emails_due(self, now: datetime, limit: int) -> list[tuple[str, str]]:
        c = t.threads.c
        guests = select(c.id, c.guest_id).where(c.guest_email_due_at <= now).limit(limit)
        hosts = select(c.id, c.host_id).where(c.host_email_due_at <= now).limit(limit)
        with domain_errors():
            found = [tuple(r) for r in self._session.execute(guests)]
            found += [tuple(r) for r in self._session.execute(hosts)]
        return found[:limit]


class SqlUserBlocks(UserBlockRepository):
    """Blocks in ``user_blocks``, email choices in ``message_preferences``."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def between(self, user_id: str, other_id: str) -> list[UserBlock]:
        return _blocks_between(self._session.connection(), user_id, other_id)

    def add(self, block: UserBlock) -> None:
        if any(
            b.blocker_id == block.blocker_id
            for b in self.between(block.blocker_id, block.blocked_id)
        ):
            return
        with domain_errors():
            self._session.execute(
                insert(t.user_blocks).values(
                    blocker_id=block.blocker_id,
                    blocked_id=block.blocked_id,
                    created_at=block.created_at,
                )
            )

    def remove(self, blocker_id: str, blocked_id: str) -> None:
        c = t.user_blocks.c
        with domain_errors():
            self._session.execute(
                t.user_blocks.delete().where(c.blocker_id == blocker_id, c.blocked_id == blocked_id)
            )

    def wants_message_emails(self, user_id: str) -> bool:
        return _wants_message_emails(self._session.connection(), user_id)

    def set_message_emails(self, user_id: str, enabled: bool) -> None:
        c = t.message_preferences.c
        with domain_errors():
            changed = self._session.execute(
                t.message_preferences.update()
                .where(c.user_id == user_id)
                .values(notify_messages=enabled)
            )
            if not changed.rowcount:  # type: ignore[attr-defined]
                self._session.execute(
                    insert(t.message_preferences).values(user_id=user_id, notify_messages=enabled)
                )


def _blocks_between(connection: Connection, user_id: str, other_id: str) -> list[UserBlock]:
    c = t.user_blocks.c
    query = select(c.blocker_id, c.blocked_id, c.created_at).where(
        or_(
            and_(c.blocker_id == user_id, c.blocked_id == other_id),
            and_(c.blocker_id == other_id, c.blocked_id == user_id),
        )
    )
    with domain_errors():
        rows = connection.execute(query).all()
    return [
        UserBlock(blocker_id=r.blocker_id, blocked_id=r.blocked_id, created_at=r.created_at)
        for r in rows
    ]


def _wants_message_emails(connection: Connection, user_id: str) -> bool:
    c = t.message_preferences.c
    with domain_errors():
        chosen = connection.scalar(select(c.notify_messages).where(c.user_id == user_id))
    return True if chosen is None else bool(chosen)


class SqlMessagingQueries:
    """The read side of messaging, on short read-only connections (never a session): in
    autocommit on PostgreSQL and MariaDB, a deferred (not ``IMMEDIATE``) transaction on
    SQLite, as ``SqlReadModel`` reads."""

    def __init__(self, engine: Engine) -> None:
        options: dict[str, Any] = {READ_ONLY: True}
        if engine.dialect.name != "sqlite":
            options["isolation_level"] = "AUTOCOMMIT"
        self._engine = engine.execution_options(**options)

    def _records(self, connection: Connection, rows: Sequence[RowMapping]) -> list[ThreadRecord]:
        if not rows:
            return []
        threads = [_thread(row) for row in rows]
        b = t.bookings.c
        bookings = connection.execute(
            select(b.id, b.listing_id, b.guest_id, b.status)
            .where(
                b.listing_id.in_({th.listing_id for th in threads}),
                b.guest_id.in_({th.guest_id for th in threads}),
            )
            .order_by(b.created_at, b.id)
        ).all()
        m = t.messages.c
        # Each thread's last message by its key (thread_id, position): one index probe each.
        keys = [(th.id, th.last_position) for th in threads if th.last_position]
        last = (
            connection.execute(
                select(*_MESSAGE_COLUMNS).where(tuple_(m.thread_id, m.position).in_(keys))
            ).all()
            if keys
            else []
        )
        last_of = {row.thread_id: _message(row) for row in last}
        records = []
        for thread in threads:
            own = [
                bk
                for bk in bookings
                if (bk.listing_id, bk.guest_id) == (thread.listing_id, thread.guest_id)
            ]
            records.append(
                ThreadRecord(
                    thread=thread,
                    booking_ids=tuple(bk.id for bk in own),
                    contact_shared=any(bk.status in CONTACT_SHARING_STATUSES for bk in own),
                    last_message=last_of.get(thread.id),
                )
            )
        return records

    def thread(self, thread_id: str) -> ThreadRecord | None:
        with self._engine.connect() as connection, domain_errors():
            rows = (
                connection.execute(select(t.threads).where(t.threads.c.id == thread_id))
                .mappings()
                .all()
            )
            records = self._records(connection, rows)
        return records[0] if records else None

    def inbox(
        self, user_id: str, before: tuple[datetime, str] | None, limit: int
    ) -> list[ThreadRecord]:
        c = t.threads.c
        sides = []
        for column in (c.guest_id, c.host_id):
            query = select(t.threads).where(column == user_id)
            if before is not None:
                stamp, thread_id = before
                query = query.where(
                    or_(c.updated_at < stamp, and_(c.updated_at == stamp, c.id < thread_id))
                )
            sides.append(query.order_by(c.updated_at.desc(), c.id.desc()).limit(limit))
        with self._engine.connect() as connection, domain_errors():
            rows = [row for query in sides for row in connection.execute(query).mappings().all()]
            rows.sort(key=lambda r: (r["updated_at"], r["id"]), reverse=True)
            return self._records(connection, rows[:limit])

    def message(self, message_id: str) -> Message | None:
        query = select(*_MESSAGE_COLUMNS).where(t.messages.c.id == message_id)
        with self._engine.connect() as connection, domain_errors():
            row = connection.execute(query).first()
        return None if row is None else _message(row)

    def messages(self, thread_id: str, before: int | None, limit: int) -> list[Message]:
        m = t.messages.c
        query = select(*_MESSAGE_COLUMNS).where(m.thread_id == thread_id)
        if before is not None:
            query = query.where(m.position < before)
        query = query.order_by(m.position.desc()).limit(limit)
        with self._engine.connect() as connection, domain_errors():
            return [_message(row) for row in connection.execute(query)]

    def latest_messages(self, thread_ids: Sequence[str], limit: int) -> dict[str, list[Message]]:
        m = t.messages.c
        rank = func.row_number().over(partition_by=m.thread_id, order_by=m.position.desc())
        ranked = select(*_MESSAGE_COLUMNS, rank.label("rank")).where(m.thread_id.in_(thread_ids))
        inner = ranked.subquery()
        query = select(inner).where(inner.c.rank <= limit).order_by(inner.c.thread_id, inner.c.rank)
        found: dict[str, list[Message]] = {thread_id: [] for thread_id in thread_ids}
        if not thread_ids:
            return found
        with self._engine.connect() as connection, domain_errors():
            for row in connection.execute(query):
                found[row.thread_id].append(_message(row))
        return found

    def messages_between(self, thread_id: str, first: int, last: int) -> list[Message]:
        m = t.messages.c
        query = (
            select(*_MESSAGE_COLUMNS)
            .where(m.thread_id == thread_id, m.position >= first, m.position <= last)
            .order_by(m.position)
        )
        with self._engine.connect() as connection, domain_errors():
            return [_message(row) for row in connection.execute(query)]

    def latest_sequence(self) -> int:
        with self._engine.connect() as connection, domain_errors():
            return int(connection.scalar(select(func.max(t.messages.c.seq))) or 0)

    def new_messages(self, user_id: str, after: int, limit: int) -> list[tuple[int, Message]]:
        m, c = t.messages.c, t.threads.c
        query = (
            select(m.seq, *_MESSAGE_COLUMNS)
            .join(t.threads, c.id == m.thread_id)
            .where(m.seq > after, or_(c.guest_id == user_id, c.host_id == user_id))
            .order_by(m.seq)
            .limit(limit)
        )
        with self._engine.connect() as connection, domain_errors():
            return [(row.seq, _message(row)) for row in connection.execute(query)]

    def wants_message_emails(self, user_id: str) -> bool:
        with self._engine.connect() as connection:
            return _wants_message_emails(connection, user_id)

    def blocks_between(self, user_id: str, other_id: str) -> Sequence[UserBlock]:
        with self._engine.connect() as connection:
            return _blocks_between(connection, user_id, other_id)
