"""Admins' commands: each names the admin acting and the reason they give (1 to 500
characters), which the audit log keeps with what the act changed."""

from __future__ import annotations

from attrs import frozen

from rental.application.commands import Actor, Command


@frozen(kw_only=True)
class AdminCommand(Command):
    """An admin's act: who, and why."""

    actor: Actor | None  # None: an operator at the ``rental`` command line
    reason: str


@frozen(kw_only=True)
class EnableUser(AdminCommand):
    """A disabled account may sign in again (its old tokens stay void). Named by
    ``user_id`` (the API) or ``email`` (the command line)."""

    user_id: str | None = None
    email: str | None = None


@frozen(kw_only=True)
class UnlistListing(AdminCommand):
    """Take a listing off the market; its host cannot list it again."""

    listing_id: str


@frozen(kw_only=True)
class RelistListing(AdminCommand):
    listing_id: str


@frozen(kw_only=True)
class HideReview(AdminCommand):
    """Hide a review from everyone but its author, and from its listing's averages."""

    review_id: str


@frozen(kw_only=True)
class UnhideReview(AdminCommand):
    review_id: str


@frozen(kw_only=True)
class CancelBookingAsAdmin(AdminCommand):
    """End a live booking (under way too) and refund ``refund_amount`` of what was captured,
    from 0 to all of it. The same ``idempotency_key`` again answers with the first outcome."""

    booking_id: str
    refund_amount: int
    idempotency_key: str | None = None


@frozen(kw_only=True)
class ReadThreadForDispute(AdminCommand):
    """An admin is about to read a thread as written (a dispute): the read is recorded."""

    thread_id: str
