"""Handlers of disabling an account and what follows for a host (``application.disabling``).
Each step writes its audit entry: the account disabled, each payout held, each stay
cancelled (its refund too, as every refund), each payout released."""

from __future__ import annotations

from attrs import evolve

from rental.application import commands as c
from rental.application.administration.audit import entry
from rental.application.administration.handlers import (
    booking_state,
    check_is_admin,
    named_user,
    user_state,
)
from rental.application.dependencies import Dependencies
from rental.application.handlers.bookings import cancel_as
from rental.application.handlers.payouts import payout_entry, payout_state
from rental.application.unit_of_work import UnitOfWork
from rental.domain.accounts.users import User
from rental.domain.administration.audit import Action, AuditEntry, check_reason
from rental.domain.bookings.booking import LIVE_STATUSES, CancelledBy
from rental.domain.errors import TransitionNotAllowed
from rental.domain.payments.payouts import PayoutStatus


def _user(uow: UnitOfWork, cmd: c.DisableUser | c.ReleasePayouts) -> User:
    """The account the command names, once its actor (if any) is known to be an admin and
    its reason is good."""
    check_is_admin(cmd.actor)
    check_reason(cmd.reason)
    return named_user(uow, cmd.user_id, cmd.email)


def disable_user(cmd: c.DisableUser, uow: UnitOfWork, deps: Dependencies) -> AuditEntry:
    """An admin closes an account: every token of it stops now; a host's listings leave the
    market and their scheduled payouts are held."""
    user = _user(uow, cmd)
    now = deps.clock.now()
    before = user_state(user)
    user.disable(now=now)
    for listing in uow.listings.hosted_by(user.id):
        listing.take_off_market(now)
    for payout in uow.payouts.listed(user.id):
        if payout.status == PayoutStatus.SCHEDULED:
            held = payout_state(payout)
            payout.hold()
            uow.payouts.save(payout)
            uow.audit.append([payout_entry(Action.HOLD_PAYOUT, payout, held, now)])
    done = uow.audit.add(
        entry(
            Action.DISABLE_USER,
            "user",
            user.id,
            at=now,
            reason=cmd.reason,
            before=before,
            after=user_state(user),
        )
    )
    uow.commit()
    return done


def cancel_stay_of_disabled_host(
    cmd: c.CancelStayOfDisabledHost, uow: UnitOfWork, deps: Dependencies
) -> bool:
    """Cancel the stay as its host would (a full refund) if it has not begun; whether it was."""
    booking = uow.bookings.get(cmd.booking_id, for_update=True)
    if not uow.users.get(booking.host_id).is_disabled:
        raise TransitionNotAllowed("Only the stays of a disabled host are cancelled this way.")
    now = deps.clock.now()
    if booking.status_at(now) not in LIVE_STATUSES or booking.is_under_way(now):
        return False  # over already, or under way: only an admin may end a stay in progress
    before = booking_state(booking)
    cancel_as(uow, deps, booking, CancelledBy.HOST, now)
    uow.audit.append(
        [
            entry(
                Action.CANCEL_BOOKING,
                "booking",
                booking.id,
                at=now,
                reason=cmd.reason,
                before=before,
                after=booking_state(booking),
            )
        ]
    )
    uow.commit()
    return True


def release_payouts(cmd: c.ReleasePayouts, uow: UnitOfWork, deps: Dependencies) -> int:
    """An admin releases a host's held payouts: each is paid when due; how many."""
    user = _user(uow, cmd)
    held = [p for p in uow.payouts.listed(user.id) if p.status == PayoutStatus.HELD]
    now = deps.clock.now()
    for payout in held:
        before = payout_state(payout)
        payout.release()
        uow.payouts.save(payout)
        done = payout_entry(Action.RELEASE_PAYOUT, payout, before, now)
        uow.audit.append([evolve(done, reason=cmd.reason)])
    uow.commit()
    return len(held)
