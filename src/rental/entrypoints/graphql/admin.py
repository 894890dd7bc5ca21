"""Administration in GraphQL: the audit log, and the moderation acts that read well as
mutations (hide a review, unlist a listing, cancel a booking with a refund), each building the
command its HTTP twin builds. Reading a thread for a dispute, disabling accounts and the
booking's timeline stay in the HTTP API (``/admin``). Anyone but an admin: ``FORBIDDEN``."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.scalars import JSON

from rental.application.administration import commands as a
from rental.application.administration.audit import AuditQuery
from rental.application.administration.handlers import check_is_admin
from rental.application.commands import Actor
from rental.domain.administration import audit
from rental.entrypoints.graphql.inputs import loaded
from rental.entrypoints.graphql.types import Info
from rental.entrypoints.web.schemas.admin import AuditQuerySchema, CancelRequestSchema, ReasonSchema


@strawberry.type(description="One line of the append-only audit log (GET /admin/audit).")
class AuditEntry:
    id: int
    at: datetime
    actor_id: str | None
    actor_role: str
    action: str
    target_type: str
    target_id: str
    reason: str | None
    before: JSON | None
    after: JSON | None
    request_id: str | None


@strawberry.type(description="Audit entries, newest first; nextCursor is null on the last page.")
class AuditPage:
    items: list[AuditEntry]
    next_cursor: str | None


def _admin(info: Info) -> Actor:
    """The caller, an admin (else ``FORBIDDEN``), checked before anything else is read."""
    actor = info.context.signed_in()
    check_is_admin(actor)
    return actor


def _shown(entry: audit.AuditEntry) -> AuditEntry:
    values: dict[str, Any] = {name: getattr(entry, name) for name in AuditEntry.__annotations__}
    return AuditEntry(**values)


@strawberry.type
class AdminQuery:
    @strawberry.field(
        description="GET /admin/audit (admins): filters, all that are given "
        "must hold; `after` is a nextCursor."
    )  # fmt: skip # the description's lines
    @staticmethod
    def audit_log(
        info: Info,
        target_id: str | None = None,
        actor_id: str | None = None,
        action: str | None = None,
        after: str | None = None,
        per_page: int = 50,
    ) -> AuditPage | None:  # fmt: skip # the filters grouped
        actor = _admin(info)
        given = {
            "target_id": target_id,
            "actor_id": actor_id,
            "action": action,
            "cursor": after,
            "per_page": per_page,
        }  # fmt: skip # the query's fields
        query = loaded(AuditQuerySchema(), {k: v for k, v in given.items() if v is not None})
        filters = AuditQuery(
            target_id=query["target_id"], actor_id=query["actor_id"], action=query.get("action")
        )
        page = info.context.rental.admin.audit(actor, filters, query["cursor"], query["per_page"])
        return AuditPage(items=[_shown(e) for e in page.items], next_cursor=page.next_cursor)


@strawberry.input(description="The listing or review acted on, and why (1 to 500 characters).")
class ModerationInput:
    id: strawberry.ID
    reason: str


@strawberry.input(description="POST /admin/bookings/{id}/cancel.")
class AdminCancelBookingInput:
    booking_id: strawberry.ID
    reason: str
    refund_amount: int


def _act(
    info: Info, command: type[a.AdminCommand], field: str, input: ModerationInput
) -> AuditEntry:
    actor = _admin(info)
    body = loaded(ReasonSchema(), {"reason": input.reason})
    done: audit.AuditEntry = info.context.handle(
        command(actor=actor, reason=body["reason"], **{field: str(input.id)})
    )
    return _shown(done)


@strawberry.type
class AdminMutation:
    @strawberry.mutation(description="POST /admin/reviews/{id}/hide (admins).")
    @staticmethod
    def hide_review(info: Info, input: ModerationInput) -> AuditEntry | None:
        return _act(info, a.HideReview, "review_id", input)

    @strawberry.mutation(description="POST /admin/reviews/{id}/unhide (admins).")
    @staticmethod
    def unhide_review(info: Info, input: ModerationInput) -> AuditEntry | None:
        return _act(info, a.UnhideReview, "review_id", input)

    @strawberry.mutation(description="POST /admin/listings/{id}/unlist (admins).")
    @staticmethod
    def unlist_listing(info: Info, input: ModerationInput) -> AuditEntry | None:
        return _act(info, a.UnlistListing, "listing_id", input)

    @strawberry.mutation(description="POST /admin/listings/{id}/relist (admins).")
    @staticmethod
    def relist_listing(info: Info, input: ModerationInput) -> AuditEntry | None:
        return _act(info, a.RelistListing, "listing_id", input)

    @strawberry.mutation(
        description="POST /admin/bookings/{id}/cancel (admins): a refund from "
        "0 to what was captured."
    )  # fmt: skip # the description's lines
    @staticmethod
    def cancel_booking_as_admin(info: Info, input: AdminCancelBookingInput) -> AuditEntry | None:
        actor = _admin(info)
        body = loaded(
            CancelRequestSchema(), {"reason": input.reason, "refund_amount": input.refund_amount}
        )
        done: audit.AuditEntry = info.context.handle(
            a.CancelBookingAsAdmin(actor=actor, booking_id=str(input.booking_id), **body)
        )
        return _shown(done)
