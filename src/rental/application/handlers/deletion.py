"""Deleting an account (GDPR article 17): refused while something needs its owner, else the
person is erased and what the others' history and the books need stays, anonymised."""

from __future__ import annotations

from datetime import timedelta

from rental.application import commands as c
from rental.application.dependencies import Dependencies
from rental.application.handlers.accounts import check_current_password
from rental.application.unit_of_work import UnitOfWork
from rental.domain.accounts.deletion import check_nothing_blocks_deletion, deletion_blockers
from rental.domain.accounts.users import User
from rental.domain.payments.payouts import Debt, PayoutStatus, debts_of


def _blockers_checked(uow: UnitOfWork, deps: Dependencies, user: User) -> None:
    """409 naming every booking or payout that keeps the account open."""
    now = deps.clock.now()
    since = now.date() - timedelta(days=1)  # a day's margin: the listing's today may lag UTC's
    payouts = uow.payouts.listed(user.id)
    balances: dict[str, int] = {}
    debts: list[Debt] = []
    for currency in sorted({p.currency for p in payouts}):
        of_currency = uow.ledger.host_balances(user.id, currency)
        balances |= of_currency
        paid = [p for p in payouts if p.currency == currency and p.status == PayoutStatus.PAID]
        debts += debts_of(paid, of_currency, uow.payouts.recovered(user.id, currency))
    bookings = uow.bookings.live_of_user(user.id, since)
    check_nothing_blocks_deletion(
        deletion_blockers(user.id, bookings, payouts, balances, debts, now)
    )


def delete_account(cmd: c.DeleteAccount, uow: UnitOfWork, deps: Dependencies) -> None:
    """Check the password (403, counted) and the blockers (409), then erase the person in
    one transaction: the row anonymised, sessions and tokens removed, listings unlisted and
    their photos dropped (the worker deletes the files), and every stored event about them
    blanked but the one that confirms the deletion to the old address."""
    uow.users.lock(cmd.actor.user_id)  # a second deletion, or a password change, waits
    user = uow.users.get(cmd.actor.user_id)
    user.check_not_deleted()
    check_current_password(uow, deps, user, cmd.current_password)
    _blockers_checked(uow, deps, user)
    now = deps.clock.now()
    uow.stored_events.forget_person(user.id, user.email)
    user.erase(now=now)
    for listing in uow.listings.hosted_by(user.id):
        listing.take_off_market(now)
        album = uow.photos.album(listing.id)
        for photo in list(album.photos):
            uow.photos.remove(album.remove(photo.id, now))
        listing.photos_changed(now)
    for export in uow.data_exports.of_user(user.id):
        export.discard(now)  # its file holds everything about them: the worker deletes it
    uow.login_sessions.erase_of(user.id)
    uow.one_time_tokens.erase_of(user.id)
    uow.sign_in_failures.clear(user.id)
    uow.wishlists.erase_of(user.id)  # their names and choices are theirs too
    uow.commit()


def forget_deleted_account(cmd: c.ForgetDeletedAccount, uow: UnitOfWork, deps: Dependencies) -> int:
    """Blank the stored events of a deleted account (after its last email went out)."""
    if not uow.users.get(cmd.user_id).is_deleted:
        return 0  # never for a live account, whatever asks
    changed = uow.stored_events.forget_person(cmd.user_id, cmd.email)
    uow.commit()
    return changed
