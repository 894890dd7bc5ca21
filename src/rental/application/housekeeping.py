"""Use cases that are more than one command: settling what time has made due. The ``Rental``
facade and the worker call them."""

from __future__ import annotations

from rental.application.commands import PublishStayReviews, SettleBooking
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


def publish_reviews(bus: MessageBus, dependencies: Dependencies, limit: int = 1000) -> int:
    """Publish the pending reviews of stays whose 14 days have ended, each stay in its own
    transaction; how many reviews this run published. Two runs at once are safe: the stay's
    version lets one publish and the other find nothing left to do."""
    with dependencies.uow_factory() as uow:
        due = uow.reviews.due_for_publication(dependencies.clock.now(), limit)
    return sum(int(bus.handle(PublishStayReviews(booking_id=booking_id))) for booking_id in due)
