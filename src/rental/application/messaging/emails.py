"""Emails about unread messages: a scheduled job decides who is due one, a consumer writes it.

``email_unread_messages`` (the worker runs it every minute) hands each thread whose email is
due to ``NotifyOfMessages``; the thread decides (nothing unread, emails turned off: none) and
records ``UnreadMessagesToEmail``, which the outbox delivers to ``MessageEmails``. So a
recipient gets at most one email per thread every 15 minutes, listing what is unread then.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from rental.application.delivery import Consumer
from rental.application.dependencies import Dependencies
from rental.application.messaging.commands import NotifyOfMessages
from rental.application.messaging.ports import MessagingQueries
from rental.application.ports import Notifier
from rental.application.queries import ReadModel
from rental.domain.events import Event
from rental.domain.messaging.thread import UnreadMessagesToEmail

logger = logging.getLogger(__name__)


def email_unread_messages(
    handle: Callable[[Any], Any], deps: Dependencies, limit: int = 1000
) -> int:
    """Decide every email about unread messages that is due; how many went out."""
    with deps.uow_factory() as uow:
        due = uow.threads.emails_due(deps.clock.now(), limit)
    sent = 0
    for thread_id, recipient_id in due:
        try:
            sent += bool(handle(NotifyOfMessages(thread_id=thread_id, recipient_id=recipient_id)))
        except Exception:
            logger.exception("the email about thread %s could not be decided", thread_id)
    return sent


class MessageEmails:
    """Writes the email of an ``UnreadMessagesToEmail``: each unread message, with contact
    details hidden as the recipient sees them in the thread."""

    def __init__(self, queries: MessagingQueries, model: ReadModel, notifier: Notifier) -> None:
        self._queries = queries
        self._model = model
        self._notifier = notifier

    def consumer(self) -> Consumer:
        return Consumer("email-messages", (UnreadMessagesToEmail,), self.send)

    def send(self, event: Event) -> None:
        assert isinstance(event, UnreadMessagesToEmail)
        record = self._queries.thread(event.thread_id)
        recipient = self._model.user(event.recipient_id)
        if record is None or recipient is None or recipient.is_deleted:
            logger.warning("no email about messages: the thread or its recipient is gone")
            return
        thread = record.thread
        sender = self._model.user(thread.other_participant(event.recipient_id))
        listing = self._model.listing(thread.listing_id)
        title = listing.title if listing else "a listing"
        name = (sender.full_name or sender.username) if sender else "Someone"
        unread = self._queries.messages_between(
            thread.id, event.first_position, event.last_position
        )
        lines = []
        for message in unread:
            body, _ = message.shown_to(
                event.recipient_id, contact_shared=record.contact_shared, is_admin=False
            )
            lines.append(f"{message.created_at:%Y-%m-%d %H:%M} UTC\n{body}")
        count = len(unread)
        subject = f"{count} new message{'s' if count != 1 else ''} from {name} about {title}"
        hello = recipient.full_name or recipient.username
        text = "\n\n".join(lines)
        body = f"Hello {hello},\n\n{name} wrote to you about {title}:\n\n{text}\n\n— rental\n"
        self._notifier.send(to=recipient.email, subject=subject, body=body)
