"""The audit log's entry, the actions it names, and the reason every admin act must give.

An entry says who did what to which thing, why, and how the thing looked before and after.
Entries are only ever appended: nothing changes or removes one once it is written.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from attrs import frozen

from rental.domain.errors import InvalidInput

MAX_REASON = 500


class Action(StrEnum):
    """What an entry records: an admin's act, or a movement of money."""

    # money, whoever moved it (a user, an admin, a webhook, a job)
    AUTHORIZATION = "authorization"
    CAPTURE = "capture"
    VOID = "void"
    REFUND = "refund"
    PAYOUT = "payout"
    RECOVERY = "recovery"
    HOLD_PAYOUT = "hold_payout"
    RELEASE_PAYOUT = "release_payout"
    # an admin's acts
    DISABLE_USER = "disable_user"
    ENABLE_USER = "enable_user"
    UNLIST_LISTING = "unlist_listing"
    RELIST_LISTING = "relist_listing"
    HIDE_REVIEW = "hide_review"
    UNHIDE_REVIEW = "unhide_review"
    CANCEL_BOOKING = "cancel_booking"
    READ_THREAD = "read_thread"


class ActorRole(StrEnum):
    """Who acted: a signed-in user in their role, or the system on its own account."""

    GUEST = "guest"
    HOST = "host"
    ADMIN = "admin"
    OPERATOR = "operator"  # someone at the ``rental`` command line
    WEBHOOK = "webhook"  # the payment provider telling us what happened
    JOB = "job"  # a scheduled job (payouts, reconciliation, expiry)
    SYSTEM = "system"  # anything else with no person behind it


def check_reason(reason: object) -> str:
    """An admin act's reason: required, not blank, at most 500 characters."""
    if not isinstance(reason, str) or not reason.strip():
        raise InvalidInput.field("reason", "is required: say why, in 1 to 500 characters.")
    if len(reason) > MAX_REASON:
        raise InvalidInput.field("reason", f"must be at most {MAX_REASON} characters.")
    return reason


@frozen(kw_only=True)
class AuditEntry:
    """One line of the audit log. ``before`` and ``after`` are JSON-ready snapshots of what
    changed (None where there was nothing before, or nothing changes: a read). ``id`` grows
    with each entry the log stores (0 until it is stored)."""

    id: int
    at: datetime
    actor_id: str | None
    actor_role: str
    action: str
    target_type: str
    target_id: str
    reason: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    request_id: str | None
