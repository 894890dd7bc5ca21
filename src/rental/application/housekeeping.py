"""Use cases that are more than one command: settling what time has made due, and asking
whether a token was revoked. The ``Rental`` facade and the worker call them."""

from __future__ import annotations

from rental.application.commands import SettleBooking
from rental.application.dependencies import Dependencies
from rental.application.messagebus import MessageBus


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


def token_is_revoked(dependencies: Dependencies, jti: str) -> bool:
    """Asked on every authenticated request: the revocation cache answers when there is one
    and it knows; the database, which keeps the record, otherwise."""
    cache = dependencies.revocations
    answer = None if cache is None else cache.is_revoked(jti)
    if answer is not None:
        return answer
    with dependencies.uow_factory() as uow:
        return uow.revoked_tokens.is_revoked(jti)
