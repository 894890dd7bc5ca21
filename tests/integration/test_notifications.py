"""Emails to guest and host at each step of a stay, received by a real SMTP server."""

from __future__ import annotations

from datetime import timedelta

import pytest

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.application import commands as c
from rental.application.consumers.account_mail import VERIFY
from rental.composition import Rental, bootstrap
from rental.domain.errors import DatesUnavailable
from tests.events import RecordingNotifier, SmtpInbox, wait_until
from tests.fakes import FakeClock
from tests.integration.event_steps import PASSWORD, book, host_guest_listing, pay

VERIFY_SUBJECT = VERIFY[0]


def _rental(**options: object) -> Rental:
    return bootstrap(clock=FakeClock(), password_hasher=Argon2Hasher(fast=True), **options)  # type: ignore[arg-type]


def test_a_booking_request_mails_guest_and_host_through_smtp(smtp_inbox: SmtpInbox) -> None:
    rental = _rental(smtp_url=smtp_inbox.url)
    stay = host_guest_listing(rental)
    booking = book(rental, stay, nights=3)

    # Each new account is also mailed its verification link: those are not about the stay.
    wait_until(lambda: len(smtp_inbox.messages) == 4, what="two emails and two verifications")
    smtp_inbox.messages = [m for m in smtp_inbox.messages if m["Subject"] != VERIFY_SUBJECT]
    [to_guest], [to_host] = smtp_inbox.to(stay.guest_email), smtp_inbox.to(stay.host_email)
    stay_dates = f"{booking.check_in.isoformat()} to {booking.check_out.isoformat()}"
    assert to_guest["Subject"] == f"Booking requested: Loft by the river, {stay_dates}"
    assert to_host["Subject"] == f"New booking request: Loft by the river, {stay_dates}"
    for message in (to_guest, to_host):
        assert message["From"] == "bookings@rental.test"
        body = message.get_payload(decode=True).decode()
        assert "Lisbon, PT" in body and "3 nights" in body
        assert "total 330.00 USD" in body  # 3 x 100.00 + 10 % service fee
        assert PASSWORD not in body and "hash" not in body.lower()
    assert to_guest.get_payload(decode=True).decode().startswith("Hello Gus Guest,")
    assert stay.host_email not in to_guest.get_payload(decode=True).decode()


def _by_recipient(notifier: RecordingNotifier) -> list[tuple[str, str]]:
    return [
        (m["to"].split("@")[0].rstrip("0123456789"), m["subject"])
        for m in notifier.sent
        if m["subject"] != VERIFY_SUBJECT  # each new account's verification link
    ]


def test_an_instant_stay_mails_its_confirmation_receipt_cancellation_and_refund() -> None:
    notifier = RecordingNotifier()
    rental = _rental(notifier=notifier)
    stay = host_guest_listing(rental)
    booking = book(rental, stay, start_in_days=30)
    pay(rental, stay, booking)  # instant book: captured and confirmed at once
    rental.handle(c.CancelBooking(actor=stay.host, booking_id=booking.id))  # refunds 100 %

    subjects = [subject.split(":")[0] for _, subject in _by_recipient(notifier)]
    recipients = [who for who, _ in _by_recipient(notifier)]
    assert sorted(zip(recipients, subjects, strict=True)) == sorted([
        ("guest", "Booking requested"), ("host", "New booking request"),
        ("guest", "Payment receipt"),
        ("guest", "Booking confirmed"), ("host", "Booking confirmed"),
        ("guest", "Booking cancelled"), ("host", "Booking cancelled"),
        ("guest", "Refund"),
    ])  # fmt: skip
    receipt = next(m for m in notifier.sent if m["subject"].startswith("Payment receipt"))
    assert receipt["subject"].startswith("Payment receipt: 330.00 USD for Loft by the river")
    cancelled = next(m for m in notifier.sent if m["subject"].startswith("Booking cancelled"))
    assert (
        "Cancelled by the host" in cancelled["body"] and "Refund: 330.00 USD" in cancelled["body"]
    )


def test_declined_and_expired_requests_and_a_review_mail_who_they_concern() -> None:
    notifier = RecordingNotifier()
    rental = _rental(notifier=notifier)
    clock = rental.dependencies.clock
    assert isinstance(clock, FakeClock)
    stay = host_guest_listing(rental, instant_book=False)
    declined = book(rental, stay, start_in_days=5)
    pay(rental, stay, declined)
    rental.handle(c.DeclineBooking(actor=stay.host, booking_id=declined.id))
    expired = book(rental, stay, start_in_days=20)
    clock.advance(minutes=31)
    rental.expire_bookings()
    reviewed = book(rental, stay, start_in_days=1, nights=1)
    pay(rental, stay, reviewed)
    rental.handle(c.ConfirmBooking(actor=stay.host, booking_id=reviewed.id))
    clock.advance(days=3)
    rental.handle(c.SubmitReview(actor=stay.guest, booking_id=reviewed.id, rating=4))
    assert not any("review" in subject.lower() for _, subject in _by_recipient(notifier))
    rental.handle(c.SubmitGuestReview(actor=stay.host, booking_id=reviewed.id, rating=5))

    sent = _by_recipient(notifier)
    assert ("guest", f"Booking declined: Loft by the river, {declined.check_in} to "
            f"{declined.check_out}") in sent  # fmt: skip
    assert ("host", f"Booking expired: Loft by the river, {expired.check_in} to "
            f"{expired.check_out}") in sent  # fmt: skip
    # Published together: each side hears of the review about them, once.
    reviews = [(who, subject) for who, subject in sent if "review" in subject.lower()]
    assert sorted(reviews) == [
        ("guest", "Your host reviewed you: 5/5"),
        ("host", "New review of Loft by the river: 4/5"),
    ]


@pytest.mark.parametrize("amount, currency, text", [(12050, "USD", "120.50 USD"),
                         (1500, "JPY", "1500 JPY"), (1234, "KWD", "1.234 KWD")])  # fmt: skip
def test_amounts_are_written_in_the_currencys_own_units(
    amount: int, currency: str, text: str
) -> None:
    from rental.application.consumers.email_texts import format_amount

    assert format_amount(amount, currency) == text


def test_no_email_is_sent_for_a_booking_that_was_refused() -> None:
    notifier = RecordingNotifier()
    rental = _rental(notifier=notifier)
    stay = host_guest_listing(rental)
    first = book(rental, stay)
    sent_before = len(notifier.sent)
    with pytest.raises(DatesUnavailable):
        rental.handle(
            c.RequestBooking(actor=stay.guest, listing_id=stay.listing.id,
                             check_in=first.check_in + timedelta(days=1),
                             check_out=first.check_out + timedelta(days=1), guests=1)
        )  # fmt: skip
    assert len(notifier.sent) == sent_before
