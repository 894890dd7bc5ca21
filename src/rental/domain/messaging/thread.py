"""Messages between a guest and a host: one thread per guest and listing.

A ``Thread`` joins one guest and one host about one listing; the bookings of that guest on that
listing belong to it. Its messages are appended, never edited, each with the next ``position``
of the thread. Each participant has a read position: everything up to it has been read, and
posting reads everything before one's own message, so the unread count of a participant is
``last_position - their read position``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from datetime import date, datetime, timedelta

from attrs import define, field, frozen

from rental.domain.aggregate import Aggregate
from rental.domain.bookings.booking import BookingStatus
from rental.domain.errors import (
    InquiryToOwnListing,
    InvalidInput,
    PermissionDenied,
    SenderBlocked,
    ThreadNotFound,
)
from rental.domain.events import Event
from rental.domain.messaging.redaction import redact_contact_details

MAX_BODY = 5000
MAX_INQUIRY_GUESTS = 100
# Explicit direction embeddings, overrides and isolates: they make a text read otherwise than
# it is written ("Trojan source"); the implicit marks (U+200E, U+200F) are harmless and stay.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LINE_BREAKS = frozenset("\n\r\t")
# A guest and a host share contact details once a booking between them is (or was) confirmed.
CONTACT_SHARING_STATUSES = (BookingStatus.CONFIRMED, BookingStatus.COMPLETED)
# Emails about new messages: at most one per thread and recipient in this time, and not before
# the first unread message has waited this grace (a reader who is online reads it first).
EMAIL_EVERY = timedelta(minutes=15)
EMAIL_GRACE = timedelta(minutes=1)


def check_body(body: str) -> str:
    """A message's text, trimmed: 1 to 5,000 characters, line breaks and tabs but no other
    control character, no bidirectional override. Nothing is escaped: it is stored as text."""
    text = body.strip()
    if not text:
        raise InvalidInput.field("body", "must not be empty.")
    if len(text) > MAX_BODY:
        raise InvalidInput.field("body", f"must be at most {MAX_BODY} characters.")
    for ch in text:
        if unicodedata.category(ch) == "Cc" and ch not in LINE_BREAKS:
            raise InvalidInput.field("body", "must not contain control characters.")
        if ch in BIDI_CONTROLS:
            raise InvalidInput.field("body", "must not contain bidirectional override characters.")
    return text


@frozen(kw_only=True)
class InquiryStay:
    """The stay a guest asks about in an inquiry; every part optional."""

    check_in: date | None = None
    check_out: date | None = None
    guests: int | None = None

    def check(self) -> InquiryStay:
        if (self.check_in is None) != (self.check_out is None):
            raise InvalidInput.field("check_out", "check_in and check_out go together.")
        if self.check_in and self.check_out and self.check_out <= self.check_in:
            raise InvalidInput.field("check_out", "must be after check_in.")
        if self.guests is not None and not 1 <= self.guests <= MAX_INQUIRY_GUESTS:
            raise InvalidInput.field("guests", f"must be from 1 to {MAX_INQUIRY_GUESTS}.")
        return self


@frozen(kw_only=True)
class UserBlock:
    """``blocker_id`` has blocked ``blocked_id``: the blocked user may not write to them."""

    blocker_id: str
    blocked_id: str
    created_at: datetime


@frozen(kw_only=True)
class Message:
    """One message, as written; never edited."""

    id: str
    thread_id: str
    position: int
    sender_id: str
    body: str
    created_at: datetime

    def shown_to(self, viewer_id: str, *, contact_shared: bool, is_admin: bool) -> tuple[str, bool]:
        """The body as ``viewer_id`` sees it and whether contact details were hidden: the
        other participant sees ``[hidden]`` for them until the pair has a confirmed booking;
        the sender and admins see the original."""
        if contact_shared or is_admin or viewer_id == self.sender_id:
            return self.body, False
        return redact_contact_details(self.body)


@frozen(kw_only=True)
class MessagePosted(Event):
    """A message was added to a thread; its recipient may be told by email."""

    thread_id: str
    message_id: str
    position: int
    sender_id: str
    recipient_id: str
    listing_id: str


@frozen(kw_only=True)
class UnreadMessagesToEmail(Event):
    """The recipient has messages unread in a thread and is due an email listing them
    (positions ``first_position`` to ``last_position``)."""

    thread_id: str
    recipient_id: str
    first_position: int
    last_position: int


@define(slots=False, eq=False)
class Thread(Aggregate):
    """The conversation of one guest and one host about one listing."""

    id: str
    listing_id: str
    guest_id: str
    host_id: str
    created_at: datetime
    updated_at: datetime  # the last activity: the newest message
    last_position: int = 0
    guest_read_position: int = 0
    host_read_position: int = 0
    check_in: date | None = None  # the stay of the latest inquiry
    check_out: date | None = None
    guests: int | None = None
    guest_email_due_at: datetime | None = None  # when unread messages are emailed, if unread
    host_email_due_at: datetime | None = None
    guest_emailed_at: datetime | None = None
    host_emailed_at: datetime | None = None
    version: int = field(default=1, kw_only=True)

    @classmethod
    def start(
        cls, *, thread_id: str, listing_id: str, host_id: str, guest_id: str, now: datetime
    ) -> Thread:
        """A new thread about ``listing_id``; a host cannot inquire about their own listing."""
        if guest_id == host_id:
            raise InquiryToOwnListing.field(
                "listing_id", "is your own listing; you cannot write an inquiry to it."
            )
        return cls(
            id=thread_id,
            listing_id=listing_id,
            guest_id=guest_id,
            host_id=host_id,
            created_at=now,
            updated_at=now,
        )

    def is_participant(self, user_id: str) -> bool:
        return user_id in (self.guest_id, self.host_id)

    def check_can_read(self, user_id: str, *, is_admin: bool = False) -> None:
        """Its two participants and admins read it; to anyone else it does not exist."""
        if not (is_admin or self.is_participant(user_id)):
            raise ThreadNotFound(f"No thread {self.id}.")

    def check_is_participant(self, user_id: str, *, is_admin: bool) -> None:
        """Only the participants write in a thread or move their read position; admins, who
        may read it, are refused (403); to anyone else it does not exist (404)."""
        self.check_can_read(user_id, is_admin=is_admin)
        if not self.is_participant(user_id):
            raise PermissionDenied("Admins may read a thread but not write in it.")

    def check_can_post(
        self, sender_id: str, *, is_admin: bool, blocks: Collection[UserBlock]
    ) -> None:
        """A participant whom the other participant has not blocked."""
        self.check_is_participant(sender_id, is_admin=is_admin)
        recipient = self.other_participant(sender_id)
        if any(b.blocker_id == recipient and b.blocked_id == sender_id for b in blocks):
            raise SenderBlocked("This user has blocked you; you cannot write to them.")

    def other_participant(self, user_id: str) -> str:
        return self.host_id if user_id == self.guest_id else self.guest_id

    def read_position_of(self, user_id: str) -> int:
        return self.guest_read_position if user_id == self.guest_id else self.host_read_position

    def unread_count_for(self, user_id: str) -> int:
        if not self.is_participant(user_id):
            return 0
        return self.last_position - self.read_position_of(user_id)

    def ask_about(self, stay: InquiryStay) -> None:
        """Remember the stay the latest inquiry asks about."""
        stay.check()
        if stay != InquiryStay():
            self.check_in, self.check_out, self.guests = stay.check_in, stay.check_out, stay.guests

    def post(
        self,
        *,
        message_id: str,
        sender_id: str,
        body: str,
        now: datetime,
        is_admin: bool = False,
        blocks: Collection[UserBlock] = (),
    ) -> Message:
        """Append a message by ``sender_id``, who has then read everything before it."""
        self.check_can_post(sender_id, is_admin=is_admin, blocks=blocks)
        text = check_body(body)
        self.last_position += 1
        message = Message(
            id=message_id,
            thread_id=self.id,
            position=self.last_position,
            sender_id=sender_id,
            body=text,
            created_at=now,
        )
        self._set_read_position(sender_id, self.last_position)
        self._schedule_email(self.other_participant(sender_id), now)
        self.updated_at = max(self.updated_at, now)
        self.bump_version()
        self.record(
            MessagePosted(
                occurred_at=now,
                thread_id=self.id,
                message_id=message_id,
                position=message.position,
                sender_id=sender_id,
                recipient_id=self.other_participant(sender_id),
                listing_id=self.listing_id,
            )
        )
        return message

    def mark_read(self, reader_id: str, up_to: Message | None, *, is_admin: bool = False) -> None:
        """``reader_id`` has read everything up to ``up_to``, a message of this thread; a read
        position never moves back."""
        self.check_is_participant(reader_id, is_admin=is_admin)
        if up_to is None or up_to.thread_id != self.id:
            raise InvalidInput.field("up_to", "names no message of this thread.")
        if up_to.position > self.read_position_of(reader_id):
            self._set_read_position(reader_id, up_to.position)
            self.bump_version()

    def _set_read_position(self, user_id: str, position: int) -> None:
        if user_id == self.guest_id:
            self.guest_read_position = position
        else:
            self.host_read_position = position

    def _schedule_email(self, recipient_id: str, now: datetime) -> None:
        is_guest = recipient_id == self.guest_id
        if (self.guest_email_due_at if is_guest else self.host_email_due_at) is not None:
            return  # one email will list this message with the others
        emailed = self.guest_emailed_at if is_guest else self.host_emailed_at
        due = (
            now + EMAIL_GRACE if emailed is None else max(now + EMAIL_GRACE, emailed + EMAIL_EVERY)
        )
        if is_guest:
            self.guest_email_due_at = due
        else:
            self.host_email_due_at = due

    def email_due_at(self, recipient_id: str) -> datetime | None:
        return self.guest_email_due_at if recipient_id == self.guest_id else self.host_email_due_at

    def email_unread(self, recipient_id: str, now: datetime, *, wants_emails: bool) -> bool:
        """At its due time, decide the email of ``recipient_id``: sent (an event lists what is
        unread) unless they have read everything meanwhile or turned message emails off.
        Either way nothing is due any more; whether an email went is returned."""
        due = self.email_due_at(recipient_id)
        if due is None or due > now or not self.is_participant(recipient_id):
            return False
        unread = self.unread_count_for(recipient_id)
        sent = wants_emails and unread > 0
        is_guest = recipient_id == self.guest_id
        if is_guest:
            self.guest_email_due_at = None
            self.guest_emailed_at = now if sent else self.guest_emailed_at
        else:
            self.host_email_due_at = None
            self.host_emailed_at = now if sent else self.host_emailed_at
        self.bump_version()
        if sent:
            self.record(
                UnreadMessagesToEmail(
                    occurred_at=now,
                    thread_id=self.id,
                    recipient_id=recipient_id,
                    first_position=self.last_position - unread + 1,
                    last_position=self.last_position,
                )
            )
        return sent
