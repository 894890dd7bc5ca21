"""What admins read: accounts by email or name, the audit log paged by cursor, and a
booking's whole timeline (its events, its ledger and its audit entries in one shape). Every
read checks the admin first, so anyone else learns nothing, not even whether an id exists."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from attrs import asdict, frozen

from rental.application.administration.audit import AuditQuery
from rental.application.administration.handlers import check_is_admin
from rental.application.commands import Actor
from rental.application.messaging.reads import decode_cursor, encode_cursor
from rental.application.queries import Page, PageRequest
from rental.application.unit_of_work import UnitOfWork
from rental.domain.administration.audit import AuditEntry
from rental.domain.errors import InvalidInput

AUDIT_PAGE = 50
MAX_QUERY = 200


@frozen(kw_only=True)
class AccountView:
    """An account as admins see it (never its password's hash)."""

    id: str
    username: str
    email: str
    role: str
    full_name: str | None
    created_at: datetime
    email_verified: bool
    disabled_at: datetime | None


@frozen
class AuditPage:
    items: list[AuditEntry]
    next_cursor: str | None


@frozen(kw_only=True)
class TimelineItem:
    """One moment of a booking's life: an event (``source: event``), a ledger entry
    (``ledger``) or an audit entry (``audit``); ``kind`` is the event's name, the entry's
    reason or the audit action; ``data`` its fields."""

    at: datetime
    source: str
    kind: str
    actor_id: str | None
    actor_role: str | None
    data: dict[str, Any]


class AdminReads:
    """Admins' reads, each in a unit of work of its own (no write)."""

    def __init__(self, uow_factory: Callable[[], UnitOfWork]) -> None:
        self._uow_factory = uow_factory

    def accounts(self, actor: Actor, text: str, page: PageRequest) -> Page[AccountView]:
        """Accounts whose email, username or full name holds ``text``, newest first."""
        check_is_admin(actor)
        if not text.strip() or len(text) > MAX_QUERY:
            raise InvalidInput.field("q", f"must be 1 to {MAX_QUERY} characters.")
        with self._uow_factory() as uow:
            users, total = uow.users.matching(text.strip(), page.offset, page.per_page)
        items = [
            AccountView(
                id=u.id,
                username=u.username,
                email=u.email,
                role=u.role,
                full_name=u.full_name,
                created_at=u.created_at,
                email_verified=u.email_verified,
                disabled_at=u.disabled_at,
            )
            for u in users
        ]
        return Page(items=items, page=page.page, per_page=page.per_page, total=total)

    def audit(
        self, actor: Actor, query: AuditQuery, cursor: str | None, limit: int = AUDIT_PAGE
    ) -> AuditPage:
        """The entries matching ``query``, newest first; ``cursor`` continues a page."""
        check_is_admin(actor)
        if cursor is not None:
            (raw,) = decode_cursor(cursor, "cursor", "audit", 2)
            if not raw.isdigit():
                raise InvalidInput.field("cursor", "is not a cursor of this list.")
            query = AuditQuery(
                target_id=query.target_id,
                actor_id=query.actor_id,
                action=query.action,
                before_id=int(raw),
            )
        with self._uow_factory() as uow:
            found = uow.audit.page(query, limit + 1)
        next_cursor = (
            encode_cursor("audit", str(found[limit - 1].id)) if len(found) > limit else None
        )
        return AuditPage(found[:limit], next_cursor)

    def timeline(self, actor: Actor, booking_id: str) -> list[TimelineItem]:
        """Everything that happened to the booking and its money, oldest first."""
        check_is_admin(actor)
        with self._uow_factory() as uow:
            booking = uow.bookings.get(booking_id)
            payments = uow.payments.for_booking(booking.id)
            payout = uow.payouts.for_booking(booking.id)
            targets = [booking.id, *(p.id for p in payments)]
            targets += [payout.id] if payout is not None else []
            events = uow.audit.events_of_booking(booking.id)
            ledger = uow.ledger.for_booking(booking.id)
            audit = uow.audit.about(targets)
        items = (
            [
                TimelineItem(
                    at=e.occurred_at,
                    source="event",
                    kind=e.name,
                    actor_id=None,
                    actor_role=None,
                    data=e.data,
                )
                for e in events
            ]
            + [
                TimelineItem(
                    at=e.created_at,
                    source="ledger",
                    kind=e.reason,
                    actor_id=None,
                    actor_role=None,
                    data=_json(asdict(e)),
                )
                for e in ledger
            ]
            + [
                TimelineItem(
                    at=e.at,
                    source="audit",
                    kind=e.action,
                    actor_id=e.actor_id,
                    actor_role=e.actor_role,
                    data=_json(asdict(e)),
                )
                for e in audit
            ]
        )
        order = {"event": 0, "ledger": 1, "audit": 2}
        return sorted(items, key=lambda i: (i.at, order[i.source]))


def _json(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in values.items()}
