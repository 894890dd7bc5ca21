"""Use cases that are more than one command: settling what time has made due. The ``Rental``
facade and the worker call them."""

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
