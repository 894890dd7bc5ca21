"""Command handlers of messaging: load the thread, one domain call, commit."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from rental.application.commands import Command
from rental.application.dependencies import Dependencies
from rental.application.handlers.accounts import check_email_verified
from rental.application.messaging import commands as c
from rental.application.messaging.ports import MessageRate
from rental.application.unit_of_work import UnitOfWork
from rental.domain.errors import InvalidInput, TooManyMessages
from rental.domain.messaging.thread import InquiryStay, Message, Thread, UserBlock, check_body

MESSAGES_PER_MINUTE = 30
RATE_PERIOD = 60


def _check_rate(rate: MessageRate | None, sender_id: str, deps: Dependencies) -> None:
    """At most 30 messages a minute per sender, counted in windows of the clock's minutes."""
    if rate is None:
        return
    seconds = deps.clock.now().timestamp()
    window = int(seconds // RATE_PERIOD)
    if rate.hit(f"messages:{sender_id}", window, RATE_PERIOD) > MESSAGES_PER_MINUTE:
        retry_after = max(1, math.ceil(RATE_PERIOD - seconds % RATE_PERIOD))
        raise TooManyMessages(
            f"At most {MESSAGES_PER_MINUTE} messages a minute; try again in {retry_after} seconds.",
            retry_after,
        )


def _post(
    thread: Thread, cmd: c.SendInquiry | c.SendMessage, uow: UnitOfWork, deps: Dependencies
) -> Message:
    actor = cmd.actor
    check_email_verified(uow, deps, actor.user_id)  # RENTAL_REQUIRE_VERIFIED_EMAIL
    blocks = uow.user_blocks.between(thread.guest_id, thread.host_id)
    thread.check_can_post(actor.user_id, is_admin=actor.is_admin, blocks=blocks)
    check_body(cmd.body)  # a refused body does not count towards the rate
    _check_rate(deps.message_rate, actor.user_id, deps)
    message = thread.post(
        message_id=deps.ids.new_id(),
        sender_id=actor.user_id,
        body=cmd.body,
        now=deps.clock.now(),
        is_admin=actor.is_admin,
        blocks=blocks,
    )
    uow.threads.append(message)
    return message


def send_inquiry(cmd: c.SendInquiry, uow: UnitOfWork, deps: Dependencies) -> Thread:
    """A guest writes to a listing's host: the thread of this guest and listing, new or not."""
    listing = uow.listings.get(cmd.listing_id)
    listing.check_is_active()
    stay = InquiryStay(check_in=cmd.check_in, check_out=cmd.check_out, guests=cmd.guests)
    thread = uow.threads.of_guest(listing.id, cmd.actor.user_id)
    if thread is None:
        thread = Thread.start(
            thread_id=deps.ids.new_id(),
            listing_id=listing.id,
            host_id=listing.host_id,
            guest_id=cmd.actor.user_id,
            now=deps.clock.now(),
        )
        thread.ask_about(stay)
        uow.threads.add(thread)
    else:
        thread.ask_about(stay)
    _post(thread, cmd, uow, deps)
    uow.commit()
    return thread


def send_message(cmd: c.SendMessage, uow: UnitOfWork, deps: Dependencies) -> Message:
    """A participant adds a message to their thread."""
    thread = uow.threads.get(cmd.thread_id)
    message = _post(thread, cmd, uow, deps)
    uow.commit()
    return message


def mark_thread_read(cmd: c.MarkThreadRead, uow: UnitOfWork, deps: Dependencies) -> None:
    """A participant has read their thread up to a message of it."""
    thread = uow.threads.get(cmd.thread_id)
    thread.check_can_read(cmd.actor.user_id, is_admin=cmd.actor.is_admin)
    thread.mark_read(cmd.actor.user_id, uow.threads.message(cmd.up_to), is_admin=cmd.actor.is_admin)
    uow.commit()


def block_user(cmd: c.BlockUser, uow: UnitOfWork, deps: Dependencies) -> None:
    """The actor stops messages from a user (who is not told)."""
    if cmd.user_id == cmd.actor.user_id:
        raise InvalidInput.field("user_id", "You cannot block yourself.")
    uow.users.get(cmd.user_id)  # UserNotFound for a user that does not exist
    block = UserBlock(
        blocker_id=cmd.actor.user_id, blocked_id=cmd.user_id, created_at=deps.clock.now()
    )
    uow.user_blocks.add(block)
    uow.commit()


def unblock_user(cmd: c.UnblockUser, uow: UnitOfWork, deps: Dependencies) -> None:
    """The actor accepts messages from a user again."""
    uow.users.get(cmd.user_id)  # UserNotFound for a user that does not exist
    uow.user_blocks.remove(cmd.actor.user_id, cmd.user_id)
    uow.commit()


def set_message_emails(cmd: c.SetMessageEmails, uow: UnitOfWork, deps: Dependencies) -> None:
    """Turn emails about new messages on or off for the actor."""
    uow.user_blocks.set_message_emails(cmd.actor.user_id, cmd.enabled)
    uow.commit()


def notify_of_messages(cmd: c.NotifyOfMessages, uow: UnitOfWork, deps: Dependencies) -> bool:
    """At its due time, email the recipient what is unread in the thread (through the outbox),
    unless they have read it or turned message emails off; whether an email is on its way."""
    thread = uow.threads.get(cmd.thread_id)
    wants = uow.user_blocks.wants_message_emails(cmd.recipient_id)
    sent = thread.email_unread(cmd.recipient_id, deps.clock.now(), wants_emails=wants)
    uow.commit()
    return sent


HANDLERS: dict[type[Command], Callable[[Any, UnitOfWork, Dependencies], Any]] = {
    c.SendInquiry: send_inquiry,
    c.SendMessage: send_message,
    c.MarkThreadRead: mark_thread_read,
    c.BlockUser: block_user,
    c.UnblockUser: unblock_user,
    c.SetMessageEmails: set_message_emails,
    c.NotifyOfMessages: notify_of_messages,
}
