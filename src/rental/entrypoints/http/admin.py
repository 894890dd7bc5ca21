"""Administration: admins find accounts, disable and enable them, unlist listings, hide
reviews, cancel bookings with a refund of their choosing, read a booking's timeline, a
thread under dispute and the audit log. Every act gives a reason and answers with the audit
entry it wrote. Anyone but an admin gets 403 on every one of these endpoints, whatever the
id (so a guessed id tells nothing); without a token, 401."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from rental.application.administration import commands as a
from rental.application.administration.audit import AuditQuery
from rental.application.administration.reads import AdminReads, AuditPage, TimelineItem
from rental.application.commands import Actor
from rental.application.disabling import Account
from rental.application.messaging.reads import MessagePage
from rental.application.queries import Page, PageRequest
from rental.domain.administration.audit import AuditEntry
from rental.domain.errors import PermissionDenied
from rental.entrypoints.http.auth import current_actor, jwt_required
from rental.entrypoints.http.context import BEARER, Blueprint, get_rental
from rental.entrypoints.web.schemas.admin import (
    AccountQuerySchema,
    AccountSchema,
    AuditEntrySchema,
    AuditPageSchema,
    AuditQuerySchema,
    CancelHeadersSchema,
    CancelRequestSchema,
    DisputeQuerySchema,
    ReasonSchema,
    ReleasedSchema,
    TimelineSchema,
)
from rental.entrypoints.web.schemas.common import page_of
from rental.entrypoints.web.schemas.messaging import MessagePageSchema

blp = Blueprint("admin", __name__, description="Administration and the audit log (admins only).")
F = TypeVar("F", bound=Callable[..., Any])


def admin_only(view: F) -> F:
    """A bearer token of an admin: 401 without a good token, 403 for anyone else, both before
    the body or the id is looked at."""

    @wraps(view)
    def checked(*args: Any, **kwargs: Any) -> Any:
        if not current_actor().is_admin:
            raise PermissionDenied("Only admins may use the administration endpoints.")
        return view(*args, **kwargs)

    return cast(F, jwt_required()(checked))


def admin() -> Actor:
    return current_actor()


def reads() -> AdminReads:
    return get_rental().admin


def _act(command: a.AdminCommand) -> AuditEntry:
    done: AuditEntry = get_rental().handle(command)
    return done


# -- accounts ------------------------------------------------------------------------------
@blp.route("/admin/users")
@admin_only
@blp.arguments(AccountQuerySchema, location="query")
@blp.response(200, page_of(AccountSchema))
@blp.problems(401, 403, 422)
@blp.doc(security=BEARER, operationId="adminSearchUsers")
def search_users(query: dict[str, Any]) -> Page[Any]:
    """Accounts whose email, username or full name holds `q` (any case), newest first."""
    page = PageRequest(query["page"], query["per_page"])
    return reads().accounts(admin(), query["q"], page)


@blp.route("/admin/users/<user_id>/disable", methods=["POST"])
@admin_only
@blp.arguments(ReasonSchema)
@blp.response(200, AuditEntrySchema)
@blp.problems(400, 401, 403, 404, 409, 415, 422)
@blp.doc(security=BEARER, operationId="adminDisableUser")
def disable_user(body: dict[str, Any], user_id: str) -> AuditEntry:
    """Disable an account: it can no longer sign in and every token of it answers 401. A
    host's listings leave the market, their stays not yet begun are cancelled with full
    refunds (each in the audit log), and their payouts are held until released.

    Answers the `disable_user` audit entry. Again on a disabled account: done again (stays
    whose refund failed are retried). 404 for an unknown account."""
    account = Account(reason=body["reason"], user_id=user_id, actor=admin())
    return get_rental().disable_account(account).entry


@blp.route("/admin/users/<user_id>/enable", methods=["POST"])
@admin_only
@blp.arguments(ReasonSchema)
@blp.response(200, AuditEntrySchema)
@blp.problems(400, 401, 403, 404, 409, 415, 422)
@blp.doc(security=BEARER, operationId="adminEnableUser")
def enable_user(body: dict[str, Any], user_id: str) -> AuditEntry:
    """Let a disabled account sign in again. Its old tokens stay void; a host's listings
    stay unlisted and payouts held until an admin relists and releases them."""
    return _act(a.EnableUser(actor=admin(), reason=body["reason"], user_id=user_id))


@blp.route("/admin/users/<user_id>/release-payouts", methods=["POST"])
@admin_only
@blp.arguments(ReasonSchema)
@blp.response(200, ReleasedSchema)
@blp.problems(400, 401, 403, 404, 415, 422)
@blp.doc(security=BEARER, operationId="adminReleasePayouts")
def release_payouts(body: dict[str, Any], user_id: str) -> dict[str, int]:
    """Release a disabled host's held payouts: each is paid when due (each in the audit log
    as `release_payout`)."""
    account = Account(reason=body["reason"], user_id=user_id, actor=admin())
    return {"released": get_rental().release_payouts(account)}


# -- listings and reviews ------------------------------------------------------------------
def _moderation(
    path: str, operation: str, command: type[a.AdminCommand], field: str, doc: str
) -> None:
    """One ``POST /admin/<things>/{id}/<act> {reason}`` answering the act's audit entry."""

    def act(body: dict[str, Any], target_id: str) -> AuditEntry:
        return _act(command(actor=admin(), reason=body["reason"], **{field: target_id}))

    act.__name__ = operation
    act.__doc__ = doc
    view = blp.doc(security=BEARER, operationId=operation)(act)
    view = blp.problems(400, 401, 403, 404, 409, 415, 422)(view)
    view = blp.response(200, AuditEntrySchema)(view)
    view = blp.arguments(ReasonSchema)(view)
    blp.route(path, methods=["POST"])(admin_only(view))


_moderation(
    "/admin/listings/<target_id>/unlist",
    "adminUnlistListing",
    a.UnlistListing,
    "listing_id",
    "Take a listing off the market: out of search and wishlists, no booking, and its host "
    "cannot list it again (their `PATCH` with `listed: true` is a 403). Bookings already "
    "made stand. 404 for an unknown or deleted listing.",
)
_moderation(
    "/admin/listings/<target_id>/relist",
    "adminRelistListing",
    a.RelistListing,
    "listing_id",
    "List an unlisted listing again. 409 while its host is disabled.",
)
_moderation(
    "/admin/reviews/<target_id>/hide",
    "adminHideReview",
    a.HideReview,
    "review_id",
    "Hide a review from every list (its author still sees it); a guest's published review "
    "leaves its listing's `rating_average`, `review_count` and sub-rating averages. 409 when "
    "it is hidden already.",
)
_moderation(
    "/admin/reviews/<target_id>/unhide",
    "adminUnhideReview",
    a.UnhideReview,
    "review_id",
    "Show a hidden review again (and count it again). 409 when it is not hidden.",
)


# -- bookings ------------------------------------------------------------------------------
@blp.route("/admin/bookings/<booking_id>/cancel", methods=["POST"])
@admin_only
@blp.arguments(CancelRequestSchema)
@blp.arguments(CancelHeadersSchema, location="headers", as_kwargs=True)
@blp.response(200, AuditEntrySchema)
@blp.problems(400, 401, 403, 404, 409, 415, 422)
@blp.doc(security=BEARER, operationId="adminCancelBooking")
def cancel_booking(
    body: dict[str, Any], booking_id: str, idempotency_key: str | None = None
) -> AuditEntry:
    """Cancel a pending or confirmed booking, a stay under way too (`cancelled_by: admin`),
    refunding `refund_amount` of what was captured through the payment provider; a card
    authorization not captured is released.

    The ledger takes the refund from the host's and the platform's shares in proportion: the
    host's payout pays less, or, paid already, what the host owes is deducted from their next
    payouts. 422 for a refund below 0 or above what was captured and not yet refunded; 409
    for a booking no longer live (cancelled twice at once: one refunds, the other gets 409).
    With an `Idempotency-Key`, the same request again answers the first cancellation."""
    command = a.CancelBookingAsAdmin(
        actor=admin(),
        reason=body["reason"],
        booking_id=booking_id,
        refund_amount=body["refund_amount"],
        idempotency_key=idempotency_key,
    )
    return _act(command)


@blp.route("/admin/bookings/<booking_id>/timeline")
@admin_only
@blp.response(200, TimelineSchema)
@blp.problems(401, 403, 404)
@blp.doc(security=BEARER, operationId="adminBookingTimeline")
def booking_timeline(booking_id: str) -> dict[str, list[TimelineItem]]:
    """Everything that happened to the booking and its money, oldest first, in one shape:
    its events (`source: event`), its ledger entries (`ledger`) and the audit entries of the
    booking, its payments and its payout (`audit`)."""
    return {"items": reads().timeline(admin(), booking_id)}


# -- a thread under dispute, and the audit log ----------------------------------------------
@blp.route("/admin/threads/<thread_id>/messages")
@admin_only
@blp.arguments(DisputeQuerySchema, location="query")
@blp.response(200, MessagePageSchema)
@blp.problems(401, 403, 404, 422)
@blp.doc(security=BEARER, operationId="adminReadThread")
def read_thread(query: dict[str, Any], thread_id: str) -> MessagePage:
    """A thread's messages as written (never redacted), newest first, for a dispute: each
    read is in the audit log (`read_thread`) with its `reason`. Admins read threads they are
    not in only here; read-only (an admin cannot write in a thread)."""
    actor = admin()
    _act(a.ReadThreadForDispute(actor=actor, reason=query["reason"], thread_id=thread_id))
    messaging = get_rental().messaging
    assert messaging is not None  # bootstrap() always gives it
    return messaging.messages(actor, thread_id, query["before"], query["per_page"], dispute=True)


@blp.route("/admin/audit")
@admin_only
@blp.arguments(AuditQuerySchema, location="query")
@blp.response(200, AuditPageSchema)
@blp.problems(401, 403, 422)
@blp.doc(security=BEARER, operationId="adminListAudit")
def audit(query: dict[str, Any]) -> AuditPage:
    """The audit log, newest first, filtered by `target_id`, `actor_id` and `action` (all
    that are given must hold); `next_cursor` is the `cursor` of the next page."""
    filters = AuditQuery(
        target_id=query["target_id"], actor_id=query["actor_id"], action=query.get("action")
    )
    return reads().audit(admin(), filters, query["cursor"], query["per_page"])
