"""Email texts: amounts in the currency's own units, and subjects that stay one line."""

from __future__ import annotations

from datetime import UTC, date, datetime

from rental.application.consumers.email_texts import compose, format_amount, quoted
from rental.domain import events as e
from rental.domain.bookings.booking import Booking
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


T = datetime(2030, 1, 1, tzinfo=UTC)
ABOUT = "Loft, 2030-01-11 to 2030-01-14"
STAY = (
    "Loft (Lisbon, PT), 2030-01-11 to 2030-01-14: 3 nights, 2 guests, total 358.05 USD. "
    "Booking id-4."
)


def three_nights_for_two() -> Booking:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    booking = world.book(guest, world.listing(host, cleaning_fee=2550), nights=3, guests=2)
    assert (booking.id, booking.total) == ("id-4", 35805)
    return booking


def events_of(b: Booking) -> list[e.Event]:
    ids = dict(booking_id=b.id, listing_id=b.listing_id, guest_id=b.guest_id, host_id=b.host_id)
    pay = dict(occurred_at=T, payment_id="p-1", booking_id=b.id, amount=35805, currency="USD")
    return [
        e.BookingRequested(
            occurred_at=T, **ids, check_in=b.check_in, check_out=b.check_out, total=b.total,
            currency="USD",
        ),
        e.BookingConfirmed(occurred_at=T, **ids),
        e.BookingDeclined(occurred_at=T, **ids),
        e.BookingExpired(occurred_at=T, **ids),
        e.BookingCancelled(
            occurred_at=T, **ids, cancelled_by="host", refund_amount=17900, currency="USD"
        ),
        e.PaymentCaptured(**pay),
        e.PaymentRefunded(**pay, refunded=1005),
        e.PaymentDisputed(**pay, disputed=700),
        e.ReviewSubmitted(  # hidden until published: nobody is written to
            occurred_at=T, review_id="r-1", booking_id=b.id, listing_id=b.listing_id,
            author_id=b.guest_id, rating=4,
        ),
        e.ReviewPublished(
            occurred_at=T, review_id="r-1", booking_id=b.id, listing_id=b.listing_id,
            author_id=b.guest_id, subject_id=b.host_id, side="guest", rating=4,
        ),
        e.ReviewPublished(
            occurred_at=T, review_id="r-2", booking_id=b.id, listing_id=b.listing_id,
            author_id=b.host_id, subject_id=b.guest_id, side="host", rating=5,
        ),
        e.ReviewReported(
            occurred_at=T, report_id="rr-1", review_id="r-2", booking_id=b.id,
            reporter_id="u-9", reason="Rude\nBcc: x",
        ),
        e.CalendarImportConflicted(
            occurred_at=T, import_id="i-1", import_name='Vrbo "main"\r\nBcc: x',
            listing_id=b.listing_id, booking_id=b.id, start=date(2030, 1, 12),
            end=date(2030, 1, 13), summary="Owner\\stay",
        ),
    ]  # fmt: skip


# The words each person reads, written out: they are the product's, not the code's.
WORDS = {
    ("BookingRequested", "guest"): (
        f"Booking requested: {ABOUT}",
        f"We hold your dates: {STAY} Pay within 30 minutes to keep them.",
    ),
    ("BookingRequested", "host"): (
        f"New booking request: {ABOUT}",
        f"A guest asked to stay: {STAY}",
    ),
    ("BookingConfirmed", "guest"): (
        f"Booking confirmed: {ABOUT}",
        f"Your stay is confirmed: {STAY}",
    ),
    ("BookingConfirmed", "host"): (
        f"Booking confirmed: {ABOUT}",
        f"This stay is confirmed: {STAY}",
    ),
    ("BookingDeclined", "guest"): (
        f"Booking declined: {ABOUT}",
        f"The host declined: {STAY} Your card was not charged; the hold on it is released.",
    ),
    ("BookingDeclined", "host"): (f"Booking declined: {ABOUT}", f"You declined: {STAY}"),
    ("BookingExpired", "guest"): (
        f"Booking expired: {ABOUT}",
        f"This request expired and the dates are free again: {STAY} Any hold on your card is "
        "released.",
    ),
    ("BookingExpired", "host"): (f"Booking expired: {ABOUT}", f"This request expired: {STAY}"),
    ("BookingCancelled", "guest"): (
        f"Booking cancelled: {ABOUT}",
        f"Cancelled by the host: {STAY} Refund: 179.00 USD.",
    ),
    ("BookingCancelled", "host"): (
        f"Booking cancelled: {ABOUT}",
        f"Cancelled by the host: {STAY} Refund: 179.00 USD.",
    ),
    ("PaymentCaptured", "guest"): (
        f"Payment receipt: 358.05 USD for {ABOUT}",
        f"We received 358.05 USD: {STAY}",
    ),
    ("PaymentRefunded", "guest"): (
        f"Refund: 10.05 USD for {ABOUT}",
        f"We refunded 10.05 USD: {STAY}",
    ),
    ("PaymentDisputed", "host"): (
        f"Payment disputed: {ABOUT}",
        "The guest's bank reports that the card holder disputes 7.00 USD of the payment for "
        f"this stay: {STAY} The money stays where it is until the bank decides; if the dispute "
        "is lost it is taken back, from your payout too. We may ask you for evidence of the "
        "stay (messages, check-in).",
    ),
    ("PaymentDisputed", "admin"): (
        "Payment disputed: 7.00 USD, booking id-4",
        f"The card holder disputes 7.00 USD of payment p-1 (booking id-4): {STAY} Answer it "
        "with evidence in the payment provider's dashboard before its deadline.",
    ),
    ("ReviewPublished", "host"): (
        "New review of Loft: 4/5",
        f"Your guest's review is published, 4 out of 5: {STAY} You may answer it once, publicly.",
    ),
    ("ReviewPublished", "guest"): (
        "Your host reviewed you: 5/5",
        f"The host's review of your stay is published, 5 out of 5: {STAY} You may answer "
        "it once, publicly.",
    ),
    ("ReviewReported", "admin"): (
        f"Review reported: {ABOUT}",
        f'Review r-2 of this stay was reported by user u-9: {STAY} Their reason: "Rude Bcc: x"',
    ),
    ("CalendarImportConflicted", "host"): (
        f"Calendar conflict: {ABOUT}",
        'The calendar "Vrbo \\"main\\" Bcc: x" that you import into this listing says '
        '2030-01-12 to 2030-01-13 is taken ("Owner\\\\stay"), and so does this stay here: '
        f"{STAY} Both are kept, and nobody else can book those nights here. Cancel the stay "
        "on the platform that should not have it.",
    ),
}


def test_each_event_tells_each_person_what_happened_in_these_words() -> None:
    booking = three_nights_for_two()
    written = {
        (event.name, role): words
        for event in events_of(booking)
        for role, words in compose(event, booking, "Loft", "Lisbon, PT").items()
    }
    assert written == WORDS


def test_one_night_for_one_guest_is_said_in_the_singular_and_a_place_may_be_unknown() -> None:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    booking = world.book(guest, world.listing(host), nights=1, guests=1)
    event = e.BookingConfirmed(
        occurred_at=T, booking_id=booking.id, listing_id=booking.listing_id,
        guest_id=booking.guest_id, host_id=booking.host_id,
    )  # fmt: skip
    _, text = compose(event, booking, "Loft", "")["guest"]
    assert text.startswith(
        "Your stay is confirmed: Loft, 2030-01-11 to 2030-01-12: 1 night, 1 guest, total "
    )


def test_imported_text_is_quoted_on_one_line_with_its_quotes_and_backslashes_escaped() -> None:
    assert quoted('Air"bnb\\ \n\t x\u202e') == '"Air\\"bnb\\\\ x"'
    assert quoted("") == '""'
