"""Handlers of admins' acts: check the admin and the reason, one domain call, an audit entry
in the same transaction, commit. Each returns the entry it wrote."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from attrs import asdict

from rental.application.administration import commands as a
from rental.application.administration.audit import entry
from rental.application.commands import Actor, Command
from rental.application.dependencies import Dependencies
from rental.application.repositories import IdempotencyRecord
from rental.application.shared.calendars import money, void_authorizations
from rental.application.shared.ledger import record_refund
from rental.application.unit_of_work import UnitOfWork
from rental.domain.accounts.users import User, normalize_email
from rental.domain.administration.audit import Action, AuditEntry, check_reason
from rental.domain.bookings.booking import Booking
from rental.domain.errors import (
    IdempotencyKeyReused,
    PermissionDenied,
    TransitionNotAllowed,
    UserNotFound,
)
from rental.domain.listings.listing import Listing
from rental.domain.reviews.review import Review, Side

CANCEL_SCOPE = "POST /admin/bookings/{id}/cancel"


def check_is_admin(actor: Actor | None) -> None:
    """An act from the API needs an admin; ``None`` is an operator at the command line."""
    if actor is not None and not actor.is_admin:
        raise PermissionDenied("Only admins may do this.")


def named_user(uow: UnitOfWork, user_id: str | None, email: str | None) -> User:
    """The account an admin names by id (the API) or by email (the command line); a deleted
    account is kept only for others' history, so nothing more is done to it (409)."""
    if user_id is not None:
        user = uow.users.get(user_id)
    else:
        found = uow.users.by_email(normalize_email(email or ""))
        if found is None:
            raise UserNotFound(f"No user with the email {email}.")
        user = found
    user.check_not_deleted()
    return user


def check_admin_act(cmd: a.AdminCommand) -> str:
    """The admin, then the reason (1 to 500 characters); the reason."""
    check_is_admin(cmd.actor)
    return check_reason(cmd.reason)


def user_state(user: User) -> dict[str, Any]:
    disabled = user.disabled_at.isoformat() if user.disabled_at else None
    return {"role": user.role, "disabled_at": disabled}


def listing_state(listing: Listing) -> dict[str, Any]:
    return {"listed": listing.listed, "suspended": listing.suspended}


def review_state(review: Review) -> dict[str, Any]:
    hidden = review.hidden_at.isoformat() if review.hidden_at else None
    return {"hidden_at": hidden, "listing_id": review.listing_id, "side": review.side}


def booking_state(booking: Booking) -> dict[str, Any]:
    return {
        "status": booking.status,
        "cancelled_by": booking.cancelled_by,
        "refund_amount": booking.refund_amount,
    }


def enable_user(cmd: a.EnableUser, uow: UnitOfWork, deps: Dependencies) -> AuditEntry:
    reason = check_admin_act(cmd)
    user, now = named_user(uow, cmd.user_id, cmd.email), deps.clock.now()
    before = user_state(user)
    user.enable(now=now)
    return _commit(
        uow,
        entry(
            Action.ENABLE_USER,
            "user",
            user.id,
            at=now,
            reason=reason,
            before=before,
            after=user_state(user),
        ),
    )


def unlist_listing(cmd: a.UnlistListing, uow: UnitOfWork, deps: Dependencies) -> AuditEntry:
    reason = check_admin_act(cmd)
    listing, now = uow.listings.get(cmd.listing_id, for_update=True), deps.clock.now()
    before = listing_state(listing)
    listing.suspend(now)
    done = entry(
        Action.UNLIST_LISTING,
        "listing",
        listing.id,
        at=now,
        reason=reason,
        before=before,
        after=listing_state(listing),
    )
    return _commit(uow, done)


def relist_listing(cmd: a.RelistListing, uow: UnitOfWork, deps: Dependencies) -> AuditEntry:
    reason = check_admin_act(cmd)
    listing, now = uow.listings.get(cmd.listing_id, for_update=True), deps.clock.now()
    if uow.users.get(listing.host_id).is_disabled:
        raise TransitionNotAllowed("Its host is disabled: enable the host first.")
    before = listing_state(listing)
    listing.reinstate(now)
    done = entry(
        Action.RELIST_LISTING,
        "listing",
        listing.id,
        at=now,
        reason=reason,
        before=before,
        after=listing_state(listing),
    )
    return _commit(uow, done)


def hide_review(cmd: a.HideReview, uow: UnitOfWork, deps: Dependencies) -> AuditEntry:
    """Hide a review; a guest's published one leaves its listing's averages."""
    reason = check_admin_act(cmd)
    stay, now = uow.reviews.with_review(cmd.review_id), deps.clock.now()
    review = stay.review(cmd.review_id)
    counted, before = review.counts_in_averages, review_state(review)
    stay.hide(cmd.review_id, now)
    if review.side == Side.GUEST:
        listing = uow.listings.get(review.listing_id, for_update=True)
        if counted:
            listing.forget_review(review.rating, now, review.sub_ratings)
        else:
            listing.reviews_changed(now)
    done = entry(
        Action.HIDE_REVIEW,
        "review",
        review.id,
        at=now,
        reason=reason,
        before=before,
        after=review_state(review),
    )
    return _commit(uow, done)


def unhide_review(cmd: a.UnhideReview, uow: UnitOfWork, deps: Dependencies) -> AuditEntry:
    """Show a hidden review again; a guest's published one counts again."""
    reason = check_admin_act(cmd)
    stay, now = uow.reviews.with_review(cmd.review_id), deps.clock.now()
    review = stay.review(cmd.review_id)
    before = review_state(review)
    stay.unhide(cmd.review_id)
    if review.side == Side.GUEST:
        listing = uow.listings.get(review.listing_id, for_update=True)
        if review.counts_in_averages:
            listing.record_review(review.rating, now, review.sub_ratings)
        listing.reviews_changed(now)
    done = entry(
        Action.UNHIDE_REVIEW,
        "review",
        review.id,
        at=now,
        reason=reason,
        before=before,
        after=review_state(review),
    )
    return _commit(uow, done)


def _fingerprint(cmd: a.CancelBookingAsAdmin) -> str:
    body = [cmd.booking_id, cmd.refund_amount, cmd.reason]
    return hashlib.sha256(json.dumps(body).encode()).hexdigest()


def cancel_booking_as_admin(
    cmd: a.CancelBookingAsAdmin, uow: UnitOfWork, deps: Dependencies
) -> AuditEntry:
    """End a live booking and refund the chosen amount of what was captured, through the
    gateway (one refund per payment and booking, whatever retries); authorizations not
    captured are voided. The ledger takes the refund from the host's and the platform's
    shares in proportion, so the host's payout pays less, or the host owes it back from later
    payouts when it was paid already. The same ``idempotency_key`` and body again answer
    with the first cancellation's entry; another body with it is a 409."""
    reason = check_admin_act(cmd)
    actor, key = cmd.actor, cmd.idempotency_key
    if actor is None:
        key = None  # an operator's retry is the command run again: a 409
    if key is not None and actor is not None:
        record = uow.idempotency.get(actor.user_id, CANCEL_SCOPE, key)
        if record is not None:
            if record.fingerprint != _fingerprint(cmd):
                raise IdempotencyKeyReused("This Idempotency-Key was used with another body.")
            return AuditEntry(**_restored(record.response))
    booking, now = uow.bookings.get(cmd.booking_id, for_update=True), deps.clock.now()
    payments = uow.payments.for_booking(booking.id)
    before = booking_state(booking)
    booking.cancel_by_admin(cmd.refund_amount, sum(p.refundable for p in payments), now)
    void_authorizations(uow, deps, booking)
    left = cmd.refund_amount
    for payment in payments:
        part = min(left, payment.refundable)
        if part and payment.gateway_reference:
            deps.gateway.refund(
                payment.gateway_reference,
                money(booking, part),
                idempotency_key=f"admin-refund-{booking.id}-{payment.id}",
            )
            payment.refund(part, now)
            record_refund(uow, deps, booking, payment, part, now)
            left -= part
    done = uow.audit.add(
        entry(
            Action.CANCEL_BOOKING,
            "booking",
            booking.id,
            at=now,
            reason=reason,
            before=before,
            after=booking_state(booking),
        )
    )
    if key is not None and actor is not None:
        uow.idempotency.add(
            IdempotencyRecord(
                user_id=actor.user_id,
                scope=CANCEL_SCOPE,
                key=key,
                fingerprint=_fingerprint(cmd),
                outcome="cancelled",
                resource_id=booking.id,
                response=_stored(done),
                created_at=now,
            )
        )
    uow.commit()
    return done


def _stored(done: AuditEntry) -> dict[str, Any]:
    """The entry, JSON-ready, to answer a replay with."""
    return {**asdict(done), "at": done.at.isoformat()}


def _restored(values: dict[str, Any]) -> dict[str, Any]:
    return {**values, "at": datetime.fromisoformat(values["at"])}


def read_thread_for_dispute(
    cmd: a.ReadThreadForDispute, uow: UnitOfWork, deps: Dependencies
) -> AuditEntry:
    """Record that an admin reads a thread as written; the caller then reads it."""
    reason = check_admin_act(cmd)
    thread, now = uow.threads.get(cmd.thread_id), deps.clock.now()
    done = entry(
        Action.READ_THREAD,
        "thread",
        thread.id,
        at=now,
        reason=reason,
        after={"guest_id": thread.guest_id, "host_id": thread.host_id},
    )
    return _commit(uow, done)


def _commit(uow: UnitOfWork, done: AuditEntry) -> AuditEntry:
    """Store the act's entry and commit both; the entry as stored."""
    stored = uow.audit.add(done)
    uow.commit()
    return stored


HANDLERS: dict[type[Command], Callable[[Any, UnitOfWork, Dependencies], Any]] = {
    a.EnableUser: enable_user,
    a.UnlistListing: unlist_listing,
    a.RelistListing: relist_listing,
    a.HideReview: hide_review,
    a.UnhideReview: unhide_review,
    a.CancelBookingAsAdmin: cancel_booking_as_admin,
    a.ReadThreadForDispute: read_thread_for_dispute,
}
