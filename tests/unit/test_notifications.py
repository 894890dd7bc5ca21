"""Who gets which email: each person at their own address, greeted by name; the staff's
messages at RENTAL_ADMIN_EMAIL only; nothing, and a log line, when the people are gone."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest

from rental.application import commands as c
from rental.application.consumers.email_texts import compose
from rental.application.consumers.notifications import EVENTS, Email, Notifications
from rental.domain import events as e
from tests.unit.builders import World

T = datetime(2030, 1, 1, tzinfo=UTC)
LOGGER = "rental.application.consumers.notifications"


def said(caplog: pytest.LogCaptureFixture) -> list[str]:
    """What the notifications logged (other loggers may be captured too, at INFO)."""
    return [r.getMessage() for r in caplog.records if r.name == LOGGER]


class Outbox:
    """A notifier that keeps what it was asked to send."""

    def __init__(self) -> None:
        self.sent: list[Email] = []

    def send(self, *, to: str, subject: str, body: str) -> None:
        self.sent.append(Email(to=to, subject=subject, body=body))


def a_stay(world: World) -> tuple[c.Actor, c.Actor, object]:
    host, guest = world.user("host"), world.user("guest")
    world.handle(c.UpdateProfile(actor=host, full_name="Ana Host"))
    booking = world.book(guest, world.listing(host))
    return host, guest, booking


def confirmed(booking: object) -> e.BookingConfirmed:
    return e.BookingConfirmed(
        occurred_at=T, booking_id=booking.id, listing_id=booking.listing_id,  # type: ignore[attr-defined]
        guest_id=booking.guest_id, host_id=booking.host_id,  # type: ignore[attr-defined]
    )  # fmt: skip


def test_each_person_is_written_to_at_their_own_address_by_name() -> None:
    world = World()
    _, _, booking = a_stay(world)
    notifications = Notifications(world.app.delivery.read_model, Outbox())  # type: ignore[union-attr]
    event = confirmed(booking)
    emails = notifications.emails(event)
    words = compose(event, booking, "Loft", "Lisbon, PT")  # type: ignore[arg-type]
    assert emails == {
        "guest": Email(
            to="guest2@x.io", subject=words["guest"][0],
            body=f"Hello guest2,\n\n{words['guest'][1]}\n\n— rental\n",
        ),
        "host": Email(
            to="host1@x.io", subject=words["host"][0],
            body=f"Hello Ana Host,\n\n{words['host'][1]}\n\n— rental\n",
        ),
    }  # fmt: skip


def test_a_dispute_reaches_the_staff_only_at_the_admin_address(
    caplog: pytest.LogCaptureFixture,
) -> None:
    world = World()
    _, _, booking = a_stay(world)
    disputed = e.PaymentDisputed(
        occurred_at=T, payment_id="p-1", booking_id=booking.id, amount=100,  # type: ignore[attr-defined]
        currency="USD", disputed=100,
    )  # fmt: skip
    model = world.app.delivery.read_model  # type: ignore[union-attr]
    subject, text = compose(disputed, booking, "Loft", "Lisbon, PT")["admin"]  # type: ignore[arg-type]
    staffed = Notifications(model, Outbox(), admin_email="ops@x.io").emails(disputed)
    assert staffed["admin"] == Email(
        to="ops@x.io", subject=subject, body=f"Hello,\n\n{text}\n\n— rental\n"
    )
    assert set(staffed) == {"host", "admin"}
    with caplog.at_level(logging.WARNING, LOGGER):
        unstaffed = Notifications(model, Outbox()).emails(disputed)
    assert set(unstaffed) == {"host"}
    assert said(caplog) == [f"no admin email (RENTAL_ADMIN_EMAIL) for: {subject}"]


def test_each_consumer_sends_its_own_persons_email_once() -> None:
    world = World()
    _, _, booking = a_stay(world)
    outbox = Outbox()
    notifications = Notifications(world.app.delivery.read_model, outbox, "ops@x.io")  # type: ignore[union-attr]
    consumers = {consumer.name: consumer for consumer in notifications.consumers()}
    assert {name: consumers[name].events for name in consumers} == {
        "email-guest": EVENTS, "email-host": EVENTS,
        "email-admin": (e.PaymentDisputed, e.ReviewReported),
    }  # fmt: skip
    assert all(consumer.once for consumer in consumers.values())
    event = confirmed(booking)
    consumers["email-host"].handle(event)
    assert [mail.to for mail in outbox.sent] == ["host1@x.io"]
    consumers["email-guest"].handle(event)
    assert [mail.to for mail in outbox.sent] == ["host1@x.io", "guest2@x.io"]
    consumers["email-admin"].handle(event)  # nothing for the staff in a confirmation
    assert len(outbox.sent) == 2


def test_no_email_when_the_booking_is_gone_and_a_deleted_listing_is_your_stay(
    caplog: pytest.LogCaptureFixture,
) -> None:
    world = World()
    host, _, booking = a_stay(world)
    notifications = Notifications(world.app.delivery.read_model, Outbox())  # type: ignore[union-attr]
    gone = e.BookingConfirmed(
        occurred_at=T, booking_id="no-such-booking", listing_id="l", guest_id="g", host_id="h"
    )
    with caplog.at_level(logging.WARNING, LOGGER):
        assert notifications.emails(gone) == {}
    assert said(caplog) == ["no email for BookingConfirmed: its booking or people are gone"]
    listing_id = booking.listing_id  # type: ignore[attr-defined]
    world.clock.advance(hours=1)  # the unpaid request expires, and the listing can go
    world.handle(c.DeleteListing(actor=host, listing_id=listing_id))
    subject = notifications.emails(confirmed(booking))["host"].subject
    assert subject.startswith("Booking confirmed: your stay, ")
