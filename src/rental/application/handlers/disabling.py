"""Handlers of disabling an account and what follows for a host (``application.disabling``)."""

from __future__ import annotations

from rental.application import commands as c
from rental.application.dependencies import Dependencies
from rental.application.handlers.bookings import cancel_as
from rental.application.handlers.payouts import payout_entry, payout_state
from rental.application.unit_of_work import UnitOfWork
from rental.domain.accounts.users import User, normalize_email
from rental.domain.administration.audit import Action
from rental.domain.bookings.booking import LIVE_STATUSES, CancelledBy
from rental.domain.errors import TransitionNotAllowed, UserNotFound
from rental.domain.payments.payouts import PayoutStatus


def _user(uow: UnitOfWork, email: str) -> User:
    user = uow.users.by_email(normalize_email(email))
    if user is None:
        raise UserNotFound(f"No user with the email {email}.")
    return user


def disable_user(cmd: c.DisableUser, uow: UnitOfWork, deps: Dependencies) -> User:
    """An admin closes an account (``rental disable-user``): every token of it stops now;
    a host's listings leave the market and their scheduled payouts are held."""
    user = _user(uow, cmd.email)
    now = deps.clock.now()
    user.disable(now=now)
    for listing in uow.listings.hosted_by(user.id):
        listing.take_off_market(now)
    for payout in uow.payouts.listed(user.id):
        if payout.status == PayoutStatus.SCHEDULED:
            before = payout_state(payout)
            payout.hold()
            uow.payouts.save(payout)
            uow.audit.append([payout_entry(Action.HOLD_PAYOUT, payout, before, now)])
    uow.commit()
    return user


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
    cancel_as(uow, deps, booking, CancelledBy.HOST, now)
    uow.commit()
    return True


def release_payouts(cmd: c.ReleasePayouts, uow: UnitOfWork, deps: Dependencies) -> int:
    """An admin releases a host's held payouts: each is paid when due; how many."""
    user = _user(uow, cmd.email)
    held = [p for p in uow.payouts.listed(user.id) if p.status == PayoutStatus.HELD]
    now = deps.clock.now()
    for payout in held:
        before = payout_state(payout)
        payout.release()
        uow.payouts.save(payout)
        uow.audit.append([payout_entry(Action.RELEASE_PAYOUT, payout, before, now)])
    uow.commit()
    return len(held)
