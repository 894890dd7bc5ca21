"""Emails about new messages through the outbox and a real SMTP server: at most one per thread
every 15 minutes, listing what is unread; none when read first or turned off."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.application.messaging import commands as m
from rental.composition import Rental, bootstrap
from rental.entrypoints.worker import ScheduledJobs
from tests.events import SmtpInbox, wait_until
from tests.fakes import FakeClock
from tests.integration.event_steps import Stay, host_guest_listing


def about_messages(inbox: SmtpInbox) -> list[Any]:
    """The emails about new messages (accounts send others: verification, welcome)."""
    return [m for m in inbox.messages if " new message" in str(m["Subject"])]


class Worker:
    """The worker's scheduled jobs on a monotonic clock the test moves."""

    def __init__(self, rental: Rental) -> None:
        self.seconds = 0.0
        self.jobs = ScheduledJobs(rental, expire_every=60, monotonic=lambda: self.seconds)

    def turn(self) -> None:
        self.jobs.tick()
        self.seconds += 61


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def rental(database_url: str, clock: FakeClock, smtp_inbox: SmtpInbox) -> Iterator[Rental]:
    rental = bootstrap(
        database_url=database_url, clock=clock, password_hasher=Argon2Hasher(fast=True),
        smtp_url=smtp_inbox.url,
    )  # fmt: skip
    yield rental
    rental.close()


def _write(rental: Rental, stay: Stay, clock: FakeClock, count: int) -> str:
    """The guest sends ``count`` messages, 3 seconds apart; the thread's id."""
    thread = rental.handle(
        m.SendInquiry(actor=stay.guest, listing_id=stay.listing.id, body="1: +44 20 7946 0958")
    )
    for n in range(2, count + 1):
        clock.advance(seconds=3)
        rental.handle(m.SendMessage(actor=stay.guest, thread_id=thread.id, body=str(n)))
    return str(thread.id)


def test_twenty_messages_in_a_minute_make_one_email(
    rental: Rental, clock: FakeClock, smtp_inbox: SmtpInbox
) -> None:
    stay = host_guest_listing(rental)
    worker = Worker(rental)
    _write(rental, stay, clock, 20)
    worker.turn()  # within the first minute: not due yet
    clock.advance(minutes=1)
    worker.turn()
    wait_until(lambda: len(about_messages(smtp_inbox)) == 1, what="one email")
    [email] = [m for m in smtp_inbox.to(stay.host_email) if m in about_messages(smtp_inbox)]
    assert email["Subject"] == "20 new messages from Gus Guest about Loft by the river"
    body = email.get_payload(decode=True).decode()
    assert "1: [hidden]" in body and "7946" not in body
    lines = body.splitlines()
    assert lines.index("2") < lines.index("20")  # oldest first, every one of the 20
    for _ in range(5):
        clock.advance(minutes=3)
        worker.turn()
    assert len(about_messages(smtp_inbox)) == 1


def test_no_email_when_read_first_or_turned_off(
    rental: Rental, clock: FakeClock, smtp_inbox: SmtpInbox
) -> None:
    stay = host_guest_listing(rental)
    worker = Worker(rental)
    thread_id = _write(rental, stay, clock, 2)
    assert rental.messaging is not None
    last = rental.messaging.messages(stay.host, thread_id, None).items[0].id
    rental.handle(m.MarkThreadRead(actor=stay.host, thread_id=thread_id, up_to=last))
    clock.advance(minutes=2)
    worker.turn()
    rental.handle(m.SetMessageEmails(actor=stay.host, enabled=False))
    rental.handle(m.SendMessage(actor=stay.guest, thread_id=thread_id, body="still there?"))
    clock.advance(minutes=20)
    worker.turn()
    rental.handle(m.SendMessage(actor=stay.host, thread_id=thread_id, body="yes"))
    clock.advance(minutes=2)
    worker.turn()  # the guest wants emails: one, about the host's answer
    wait_until(lambda: len(about_messages(smtp_inbox)) == 1, what="the guest's email")
    assert [(e["To"], e["Subject"]) for e in about_messages(smtp_inbox)] == [
        (stay.guest_email, "1 new message from Hana Host about Loft by the river")
    ]
