"""What a guest or a host asks of their messages."""

from __future__ import annotations

from datetime import date

from attrs import frozen

from rental.application.commands import Actor, Command


@frozen(kw_only=True)
class SendInquiry(Command):
    """Write to a listing's host: opens the thread of this guest and listing, or adds to it."""

    actor: Actor
    listing_id: str
    body: str
    check_in: date | None = None
    check_out: date | None = None
    guests: int | None = None


@frozen(kw_only=True)
class SendMessage(Command):
    """Add a message to a thread the actor takes part in."""

    actor: Actor
    thread_id: str
    body: str


@frozen(kw_only=True)
class MarkThreadRead(Command):
    """The actor has read the thread up to the message ``up_to``."""

    actor: Actor
    thread_id: str
    up_to: str


@frozen(kw_only=True)
class BlockUser(Command):
    """The actor no longer accepts messages from ``user_id``."""

    actor: Actor
    user_id: str


@frozen(kw_only=True)
class UnblockUser(Command):
    """The actor accepts messages from ``user_id`` again."""

    actor: Actor
    user_id: str


@frozen(kw_only=True)
class SetMessageEmails(Command):
    """Whether the actor is emailed about new messages."""

    actor: Actor
    enabled: bool


@frozen(kw_only=True)
class NotifyOfMessages(Command):
    """Email ``recipient_id`` what is unread in a thread, unless they were told within the
    last 15 minutes, have read it meanwhile or turned message emails off."""

    thread_id: str
    recipient_id: str
