"""Email texts: amounts in the currency's own units, and subjects that stay one line."""

from __future__ import annotations

from datetime import UTC, datetime

from rental.application.handlers.email_texts import compose, format_amount
from rental.domain import events as e
from tests.unit.builders import World


def test_amounts_use_the_currency_minor_unit() -> None:
    assert format_amount(12050, "USD") == "120.50 USD"
    assert format_amount(12050, "JPY") == "12050 JPY"
    assert format_amount(12050, "KWD") == "12.050 KWD"
    assert format_amount(5, "EUR") == "0.05 EUR"


def test_a_subject_stays_one_line_whatever_the_title_holds() -> None:
    world = World()
    booking = world.book(world.user("guest"), world.listing(world.user("host")))
    event = e.BookingConfirmed(
        occurred_at=datetime(2030, 1, 1, tzinfo=UTC), booking_id=booking.id,
        listing_id=booking.listing_id, guest_id=booking.guest_id, host_id=booking.host_id,
    )  # fmt: skip
    messages = compose(event, booking, "Loft\r\nBcc: someone@example.com", "Lisbon\n")
    for subject, _ in messages.values():
        assert "\n" not in subject and "\r" not in subject
        assert subject.startswith("Booking confirmed: Loft Bcc: someone@example.com, ")
