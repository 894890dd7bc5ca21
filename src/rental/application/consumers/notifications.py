"""Emails to the guest and the host when a booking, its payment or its reviews move on.

Event handlers (consumers) in front of the ``Notifier`` port. Names, addresses, listings and
dates come from the read model at sending time. A message says what happened, the listing,
the dates and the amounts; never a token, a password or the other party's address.
"""

from __future__ import annotations

import logging

from attrs import frozen

from rental.application.consumers.email_texts import compose
from rental.application.delivery import Consumer
from rental.application.ports import Notifier
from rental.application.queries import ReadModel
from rental.domain import events as e
from rental.domain.accounts.users import User
from rental.domain.bookings.booking import Booking

logger = logging.getLogger(__name__)

EVENTS = (
    e.BookingEvent,
    e.PaymentCaptured,
    e.PaymentRefunded,
    e.PaymentDisputed,
    e.ReviewPublished,
    e.CalendarImportConflicted,
)
# What the marketplace's own staff must answer.
ADMIN_EVENTS = (e.PaymentDisputed, e.ReviewReported)


@frozen
class Email:
    """One message to one address."""

    to: str
    subject: str
    body: str


@frozen
class _Context:
    booking: Booking
    guest: User
    host: User
    title: str
    place: str


class Notifications:
    """Builds and sends the emails of an event: one consumer per recipient role, so that a
    retry after the host's mail failed does not write to the guest again. The ``admin``
    role's messages (a disputed payment) go to ``admin_email`` (``RENTAL_ADMIN_EMAIL``); with
    none set they are only logged."""

    def __init__(
        self, model: ReadModel, notifier: Notifier, admin_email: str | None = None
    ) -> None:
        self._model = model
        self._notifier = notifier
        self._admin_email = admin_email

    def consumers(self) -> list[Consumer]:
        return [
            Consumer("email-guest", EVENTS, lambda event: self._send(event, "guest")),
            Consumer("email-host", EVENTS, lambda event: self._send(event, "host")),
            Consumer("email-admin", ADMIN_EVENTS, lambda event: self._send(event, "admin")),
        ]

    def _send(self, event: e.Event, role: str) -> None:
        email = self.emails(event).get(role)
        if email is not None:
            self._notifier.send(to=email.to, subject=email.subject, body=email.body)

    def emails(self, event: e.Event) -> dict[str, Email]:
        """The messages of ``event`` by recipient role (``guest``, ``host``, ``admin``)."""
        booking_id = getattr(event, "booking_id", None)
        context = self._context(booking_id) if isinstance(booking_id, str) else None
        if context is None:
            logger.warning("no email for %s: its booking or people are gone", event.name)
            return {}
        messages = compose(event, context.booking, context.title, context.place)
        people = {"guest": context.guest, "host": context.host}
        emails = {
            role: Email(
                to=people[role].email,
                subject=subject,
                body=f"Hello {_name(people[role])},\n\n{text}\n\n— rental\n",
            )
            for role, (subject, text) in messages.items()
            if role in people and not people[role].is_deleted  # no one reads a tombstone
        }
        if "admin" in messages:
            subject, text = messages["admin"]
            if self._admin_email:
                body = f"Hello,\n\n{text}\n\n— rental\n"
                emails["admin"] = Email(to=self._admin_email, subject=subject, body=body)
            else:
                logger.warning("no admin email (RENTAL_ADMIN_EMAIL) for: %s", subject)
        return emails

    def _context(self, booking_id: str) -> _Context | None:
        booking = self._model.booking(booking_id)
        if booking is None:
            return None
        guest, host = self._model.user(booking.guest_id), self._model.user(booking.host_id)
        if guest is None or host is None:
            return None
        listing = self._model.listing(booking.listing_id)
        title = listing.title if listing else "your stay"
        place = f"{listing.city}, {listing.country}" if listing else ""
        return _Context(booking, guest, host, title, place)


def _name(user: User) -> str:
    return user.full_name or user.username
