"""Disabling a host: their listings leave the market at once, their upcoming stays are
cancelled as a host's cancellation (a full refund, through the usual path), and their
payouts are held until an admin releases them.

``DisableUser`` does the first and the last in one transaction; each upcoming stay is then
cancelled in its own, so that one refund the provider refuses holds back none of the others
(running ``rental disable-user`` again retries what is left). A stay already under way is
not cancelled: only an admin can end it.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from attrs import frozen

from rental.application.commands import CancelStayOfDisabledHost, DisableUser, ReleasePayouts
from rental.application.dependencies import Dependencies
from rental.application.messagebus import MessageBus
from rental.domain.accounts.users import User
from rental.domain.errors import DomainError

log = logging.getLogger("rental.disabling")


@frozen
class Disabled:
    """What disabling an account did: the user, the stays cancelled and those that failed."""

    user: User
    cancelled: tuple[str, ...] = ()
    failed: tuple[str, ...] = ()


def disable_account(bus: MessageBus, deps: Dependencies, email: str) -> Disabled:
    """Disable the account with ``email``; for a host, cancel their upcoming stays too."""
    user: User = bus.handle(DisableUser(email=email))
    # A day's margin for time zones: the handler cancels only stays not yet begun.
    since = deps.clock.now().date() - timedelta(days=1)
    with deps.uow_factory() as uow:
        upcoming = uow.bookings.live_of_host(user.id, since)
    cancelled: list[str] = []
    failed: list[str] = []
    for booking_id in upcoming:
        try:
            if bus.handle(CancelStayOfDisabledHost(booking_id=booking_id)):
                cancelled.append(booking_id)
        except DomainError:
            log.exception("could not cancel booking %s of disabled host %s", booking_id, user.id)
            failed.append(booking_id)
    return Disabled(user, tuple(cancelled), tuple(failed))


def release_payouts(bus: MessageBus, email: str) -> int:
    """Let the held payouts of the host with ``email`` be paid when due; how many."""
    released: int = bus.handle(ReleasePayouts(email=email))
    return released
