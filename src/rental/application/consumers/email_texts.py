"""The words of each email: a subject and a paragraph per recipient role and event."""

from __future__ import annotations

from decimal import Decimal

from rental.domain import events as e
from rental.domain.bookings.booking import Booking

ZERO_DECIMALS = frozenset("BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF".split())
THREE_DECIMALS = frozenset("BHD IQD JOD KWD LYD OMR TND".split())

Messages = dict[str, tuple[str, str]]


def format_amount(minor_units: int, currency: str) -> str:
    """``12050, "USD"`` → ``"120.50 USD"``; exact, never through a float."""
    digits = 0 if currency in ZERO_DECIMALS else 3 if currency in THREE_DECIMALS else 2
    return f"{Decimal(minor_units).scaleb(-digits):.{digits}f} {currency}"


def compose(event: e.Event, booking: Booking, title: str, place: str) -> Messages:
    """Subject and text for the guest and/or the host; empty for an event nobody hears of."""
    # Subjects are one header line: a title saved before titles were checked for line breaks
    # must not make every delivery of the event fail.
    title, place = " ".join(title.split()), " ".join(place.split())
    dates = f"{booking.check_in.isoformat()} to {booking.check_out.isoformat()}"
    nights = (booking.check_out - booking.check_in).days
    where = f"{title} ({place})" if place else title
    total = format_amount(booking.total, booking.currency)
    stay = (
        f"{where}, {dates}: {nights} night{'s' * (nights != 1)}, {booking.guests} "
        f"guest{'s' * (booking.guests != 1)}, total {total}. Booking {booking.id}."
    )
    about = f"{title}, {dates}"
    if isinstance(event, e.BookingRequested):
        return {
            "guest": (
                f"Booking requested: {about}",
                f"We hold your dates: {stay} Pay within 30 minutes to keep them.",
            ),
            "host": (f"New booking request: {about}", f"A guest asked to stay: {stay}"),
        }
    if isinstance(event, e.BookingConfirmed):
        return {
            "guest": (f"Booking confirmed: {about}", f"Your stay is confirmed: {stay}"),
            "host": (f"Booking confirmed: {about}", f"This stay is confirmed: {stay}"),
        }
    if isinstance(event, e.BookingDeclined):
        return {
            "guest": (
                f"Booking declined: {about}",
                f"The host declined: {stay} Your card was not charged; the hold on it is released.",
            ),
            "host": (f"Booking declined: {about}", f"You declined: {stay}"),
        }
    if isinstance(event, e.BookingCancelled):
        refund = format_amount(event.refund_amount, event.currency)
        text = f"Cancelled by the {event.cancelled_by}: {stay} Refund: {refund}."
        return {
            "guest": (f"Booking cancelled: {about}", text),
            "host": (f"Booking cancelled: {about}", text),
        }
    if isinstance(event, e.BookingExpired):
        return {
            "guest": (
                f"Booking expired: {about}",
                f"This request expired and the dates are "
                f"free again: {stay} Any hold on your card is released.",
            ),
            "host": (f"Booking expired: {about}", f"This request expired: {stay}"),
        }
    if isinstance(event, e.PaymentCaptured):
        paid = format_amount(event.amount, event.currency)
        return {"guest": (f"Payment receipt: {paid} for {about}", f"We received {paid}: {stay}")}
    if isinstance(event, e.PaymentRefunded):
        refunded = format_amount(event.refunded, event.currency)
        return {"guest": (f"Refund: {refunded} for {about}", f"We refunded {refunded}: {stay}")}
    if isinstance(event, e.PaymentDisputed):
        disputed = format_amount(event.disputed, event.currency)
        return {
            "host": (
                f"Payment disputed: {about}",
                f"The guest's bank reports that the card holder disputes {disputed} of the "
                f"payment for this stay: {stay} The money stays where it is until the bank "
                "decides; if the dispute is lost it is taken back, from your payout too. We "
                "may ask you for evidence of the stay (messages, check-in).",
            ),
            "admin": (
                f"Payment disputed: {disputed}, booking {booking.id}",
                f"The card holder disputes {disputed} of payment {event.payment_id} "
                f"(booking {booking.id}): {stay} Answer it with evidence in the payment "
                "provider's dashboard before its deadline.",
            ),
        }
    if isinstance(event, e.ReviewPublished):
        # The reviewed side hears of it once it is public, never while it is hidden.
        if event.side == "guest":
            return {
                "host": (
                    f"New review of {title}: {event.rating}/5",
                    f"Your guest's review is published, {event.rating} out of 5: {stay} "
                    "You may answer it once, publicly.",
                )
            }
        return {
            "guest": (
                f"Your host reviewed you: {event.rating}/5",
                f"The host's review of your stay is published, {event.rating} out of 5: "
                f"{stay} You may answer it once, publicly.",
            )
        }
    if isinstance(event, e.ReviewReported):
        return {
            "admin": (
                f"Review reported: {about}",
                f"Review {event.review_id} of this stay was reported by user "
                f"{event.reporter_id}: {stay} Their reason: {quoted(event.reason)}",
            )
        }
    if isinstance(event, e.CalendarImportConflicted):
        taken = f"{event.start.isoformat()} to {event.end.isoformat()}"
        return {
            "host": (
                f"Calendar conflict: {about}",
                f"The calendar {quoted(event.import_name)} that you import into this listing "
                f"says {taken} is taken ({quoted(event.summary)}), and so does this stay "
                f"here: {stay} Both are kept, and nobody else can book those nights here. "
                "Cancel the stay on the platform that should not have it.",
            )
        }
    return {}


def quoted(text: str) -> str:
    """Text from elsewhere (an imported calendar) in quotes, one line, its own quotes and
    backslashes escaped, so that it cannot pass for our words or start a line or a header."""
    line = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return '"' + line.replace("\\", "\\\\").replace('"', '\\"') + '"'
