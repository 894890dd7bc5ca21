"""The audit log's port, who is acting now, and the entries money movements write.

Who acts is bound per request, command or job (``acting``): the HTTP layer binds the
request id, the message bus the command's actor, the worker and the command line their own
roles. Every entry written meanwhile carries it, so a refund made by a webhook, a job or an
admin is recorded the same way, by the unit of work, in the transaction that moves the money.
"""

from __future__ import annotations

import abc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar, Token
from datetime import datetime
from typing import Any

from attrs import evolve, frozen

from rental.domain.administration.audit import Action, ActorRole, AuditEntry
from rental.domain.events import (
    Event,
    PaymentAuthorized,
    PaymentCaptured,
    PaymentEvent,
    PaymentRefunded,
    PaymentVoided,
)


@frozen
class Author:
    """Who is acting, in which role, on behalf of which HTTP request (if any)."""

    actor_id: str | None = None
    actor_role: str = ActorRole.SYSTEM.value
    request_id: str | None = None


_AUTHOR: ContextVar[Author] = ContextVar("rental_audit_author", default=Author())  # noqa: B039 - frozen


def current_author() -> Author:
    return _AUTHOR.get()


def bind_author(**changes: Any) -> Token[Author]:
    """``acting`` for callers whose block spans two hooks (an HTTP request's start and
    end): pass what it returns to ``unbind_author``."""
    return _AUTHOR.set(evolve(_AUTHOR.get(), **changes))


def unbind_author(token: Token[Author]) -> None:
    _AUTHOR.reset(token)


@contextmanager
def acting(**changes: Any) -> Iterator[Author]:
    """Within the block, entries are written by the current author with ``changes``
    (``actor_id``, ``actor_role``, ``request_id``); it is undone when the block ends."""
    token = _AUTHOR.set(evolve(_AUTHOR.get(), **changes))
    try:
        yield _AUTHOR.get()
    finally:
        _AUTHOR.reset(token)


@frozen
class RecordedEvent:
    """An event as the outbox keeps it: its name, when, and its JSON-ready fields."""

    name: str
    occurred_at: datetime
    data: dict[str, Any]


@frozen(kw_only=True)
class AuditQuery:
    """Filters of ``GET /admin/audit`` (None: any), and the cursor: entries older than
    ``before_id``."""

    target_id: str | None = None
    actor_id: str | None = None
    action: str | None = None
    before_id: int | None = None


class AuditLog(abc.ABC):
    """The append-only audit log, in the unit of work's transaction. It has no method to
    change or remove an entry, and its adapters write none."""

    @abc.abstractmethod
    def append(self, entries: Sequence[AuditEntry]) -> None:
        """Add ``entries`` (their ``id`` is given by the log) with the transaction."""

    @abc.abstractmethod
    def add(self, entry: AuditEntry) -> AuditEntry:
        """Add one entry with the transaction; the entry as stored, with its id."""

    @abc.abstractmethod
    def page(self, query: AuditQuery, limit: int) -> list[AuditEntry]:
        """Entries matching ``query``, newest first, at most ``limit``."""

    @abc.abstractmethod
    def about(self, target_ids: Sequence[str]) -> list[AuditEntry]:
        """Every entry whose target is one of ``target_ids``, oldest first."""

    @abc.abstractmethod
    def events_of_booking(self, booking_id: str) -> list[RecordedEvent]:
        """The events committed (in the outbox) that name ``booking_id``, oldest first: with
        the entries and the ledger, a booking's whole history."""


def entry(
    action: Action,
    target_type: str,
    target_id: str,
    *,
    at: datetime,
    reason: str | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:  # fmt: skip # the keywords grouped: what, when, why and the change
    """An entry by the current author; its id is given when the log stores it."""
    author = current_author()
    return AuditEntry(
        id=0,
        at=at,
        actor_id=author.actor_id,
        actor_role=author.actor_role,
        action=action.value,
        target_type=target_type,
        target_id=target_id,
        reason=reason,
        before=before,
        after=after,
        request_id=author.request_id,
    )  # fmt: skip # the fields in the order the API lists them, not one a line


MONEY_ACTIONS: dict[type[PaymentEvent], Action] = {
    PaymentAuthorized: Action.AUTHORIZATION,
    PaymentCaptured: Action.CAPTURE,
    PaymentVoided: Action.VOID,
    PaymentRefunded: Action.REFUND,
}


def money_entries(events: Sequence[Event]) -> list[AuditEntry]:
    """An entry for each movement of a payment's money among ``events`` (what the unit of
    work commits): whichever path moved it, the same entry."""
    entries = []
    for event in events:
        if not isinstance(event, PaymentEvent) or type(event) not in MONEY_ACTIONS:
            continue
        after = {k: v for k, v in event.to_dict().items() if k != "occurred_at"}
        action = MONEY_ACTIONS[type(event)]
        entries.append(
            entry(action, "payment", event.payment_id, at=event.occurred_at, after=after)
        )
    return entries
