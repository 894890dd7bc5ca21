"""Disabling a host: their listings leave the market at once, their upcoming stays are
cancelled as a host's cancellation (a full refund, through the usual path), and their
payouts are held until an admin releases them.

``DisableUser`` does the first and the last in one transaction; each upcoming stay is then
cancelled in its own, so that one refund the provider refuses holds back none of the others
(disabling again retries what is left). A stay already under way is not cancelled: only an
admin can end it (``CancelBookingAsAdmin``). Every step is in the audit log under the admin
who disabled the account (or the operator at the command line) with the reason they gave.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from attrs import frozen

from rental.application.administration.audit import acting
from rental.application.commands import Actor, CancelStayOfDisabledHost, DisableUser, ReleasePayouts
from rental.application.dependencies import Dependencies
from rental.application.messagebus import MessageBus
from rental.domain.administration.audit import AuditEntry
from rental.domain.errors import DomainError

log = logging.getLogger("rental.disabling")


@frozen
class Disabled:
    """What disabling an account did: its audit entry, the stays cancelled and those that
    failed."""

    entry: AuditEntry
    cancelled: tuple[str, ...] = ()
    failed: tuple[str, ...] = ()


@frozen(kw_only=True)
class Account:
    """The account an admin acts on, by id (the API) or email (the command line), and why;
    ``actor`` None for an operator at the command line."""

    reason: str
    user_id: str | None = None
    email: str | None = None
    actor: Actor | None = None


@contextmanager
def _as(actor: Actor | None) -> Iterator[None]:
    if actor is None:
        yield
    else:
        with acting(actor_id=actor.user_id, actor_role=actor.role):
            yield


def disable_account(bus: MessageBus, deps: Dependencies, account: Account) -> Disabled:
    """Disable the account; for a host, cancel their upcoming stays too."""
    with _as(account.actor):
        done: AuditEntry = bus.handle(
            DisableUser(
                reason=account.reason,
                user_id=account.user_id,
                email=account.email,
                actor=account.actor,
            )
        )
        # A day's margin for time zones: the handler cancels only stays not yet begun.
        since = deps.clock.now().date() - timedelta(days=1)
        with deps.uow_factory() as uow:
            upcoming = uow.bookings.live_of_host(done.target_id, since)
        cancelled: list[str] = []
        failed: list[str] = []
        why = f"its host was disabled: {account.reason}"[:500]
        for booking_id in upcoming:
            try:
                if bus.handle(CancelStayOfDisabledHost(booking_id=booking_id, reason=why)):
                    cancelled.append(booking_id)
            except DomainError:
                log.exception(
                    "could not cancel booking %s of disabled host %s", booking_id, done.target_id
                )
                failed.append(booking_id)
    return Disabled(done, tuple(cancelled), tuple(failed))


def release_payouts(bus: MessageBus, account: Account) -> int:
    """Let the held payouts of the host be paid when due; how many."""
    released: int = bus.handle(
        ReleasePayouts(
            reason=account.reason,
            user_id=account.user_id,
            email=account.email,
            actor=account.actor,
        )
    )
    return released
