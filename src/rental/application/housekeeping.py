"""Use cases that are more than one command: settling what time has made due, and asking
whether a token still holds. The ``Rental`` facade and the worker call them."""

from __future__ import annotations

from rental.application.commands import SettleBooking
from rental.application.dependencies import Dependencies
from rental.application.messagebus import MessageBus
from rental.domain.errors import AuthenticationFailed


def expire_bookings(
    bus: MessageBus, dependencies: Dependencies, limit: int = 1000
) -> dict[str, int]:
    """Expire overdue pending bookings and complete ended stays, each in its own transaction
    (one failure does not hold back the others); return how many of each."""
    with dependencies.uow_factory() as uow:
        due = uow.bookings.due_for_expiry_or_completion(dependencies.clock.now(), limit)
    counts = {"expired": 0, "completed": 0}
    for booking_id in due:
        done = bus.handle(SettleBooking(booking_id=booking_id))
        if done in counts:
            counts[done] += 1
    return counts


def token_is_valid(dependencies: Dependencies, user_id: str, jti: str, token_version: int) -> bool:
    """Asked on every authenticated request, of the database, which keeps the record: two
    primary-key reads in one transaction. A cache beside it (Redis) could answer "not
    revoked" only by trusting that it holds every revocation, which a Redis paused or
    restarted during a logout can leave untrue (issue 10); these reads also see a password
    change, a disabled account and a deleted user at once."""
    with dependencies.uow_factory() as uow:
        standing = uow.users.token_standing(user_id)
        if standing is None:
            return False
        try:
            standing.check_token_is_current(token_version)
        except AuthenticationFailed:
            return False
        return not uow.revoked_tokens.is_revoked(jti)
