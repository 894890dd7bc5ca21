"""Contact details hidden until a booking is confirmed, and what must never be hidden."""

from __future__ import annotations

import pytest

from rental.domain.messaging.redaction import HIDDEN, redact_contact_details

HIDDEN_CASES = [
    # email addresses
    ("Write to me at anna.schmidt@gmail.com please", "Write to me at [hidden] please"),
    ("my email: J.Doe+airbnb@outlook.co.uk", "my email: [hidden]"),
    ("mark_twain@mail-provider.de!", "[hidden]!"),
    ("contact: maria (at) yahoo.es", "contact: [hidden]"),
    ("pedro[at]hotmail.com", "[hidden]"),
    # phone numbers, international
    ("Call +44 20 7946 0958 anytime", "Call [hidden] anytime"),
    ("WhatsApp +33 6 12 34 56 78", "WhatsApp [hidden]"),
    ("my cell is +1 (415) 555-2671.", "my cell is [hidden]."),
    ("0049 30 1234567 is my number", "[hidden] is my number"),
    ("+34 612 345 678", "[hidden]"),
    ("+61.2.9876.5432", "[hidden]"),
    ("text +4915123456789", "text [hidden]"),
    # phone numbers, local
    ("(415) 555-2671", "[hidden]"),
    ("ring 415.555.2671 after 6", "ring [hidden] after 6"),
    ("415-555-2671", "[hidden]"),
    ("020 7946 0958", "[hidden]"),
    ("06 12 34 56 78", "[hidden]"),
    ("06.12.34.56.78", "[hidden]"),
    ("07700 900123", "[hidden]"),
    ("my number 0612345678 ok?", "my number [hidden] ok?"),
    ("612 345 678", "[hidden]"),
    # links
    ("see https://example.com/my-flat?ref=1.", "see [hidden]."),
    ("book direct at www.villa-sol.es", "book direct at [hidden]"),
    ("http://bit.ly/3xYz", "[hidden]"),
    ("my site airbnb-free.com/rooms/123 is cheaper", "my site [hidden] is cheaper"),
    ("Instagram: instagram.com/anna_flat", "Instagram: [hidden]"),
    # several at once
    ("a@b.io or +44 7700 900123", "[hidden] or [hidden]"),
]

KEPT_CASES = [
    "The price is $1,250.00 for the week",
    "That is 1.250.000 € in total",
    "€ 1 234 567 would be too much",
    "It costs 1 234 567 EUR",
    "We arrive 2026-12-24 and leave 2026-12-28",
    "Check-in 24.12.2026, check-out 28.12.2026",
    "from 12/24/2026 to 12/28/2026",
    "check-in from 15:00 to 20:00",
    "221B Baker Street, London NW1 6XE",
    "Calle Mayor 12, 28013 Madrid",
    "Apartment 4, 1234 5th Avenue",
    "We are 4 adults and 2 kids",
    "The door code is 4521",
    "Room 1204 on the 12th floor",
    "flight BA 2490 lands at 14:35",
    "Wi-Fi is 300 Mbit/s",
    "2-3 nights, maybe 4",
    "Is 120 USD per night the final price?",
    "e.g. bring towels, i.e. two each",
    "It is 3.5 km from the beach",
    "Node.js developer staying for work",
    "Thanks!! See you on 2027-01-03 :)",
    "<script>alert('x')</script> is just text",
]


@pytest.mark.parametrize(("text", "expected"), HIDDEN_CASES)
def test_contact_details_are_hidden(text: str, expected: str) -> None:
    assert redact_contact_details(text) == (expected, True)


@pytest.mark.parametrize("text", KEPT_CASES)
def test_prices_dates_and_street_numbers_are_kept(text: str) -> None:
    assert redact_contact_details(text) == (text, False)


def test_the_table_is_large_enough() -> None:
    assert len(HIDDEN_CASES) + len(KEPT_CASES) >= 30
    assert all(HIDDEN in expected for _, expected in HIDDEN_CASES)


def test_a_long_run_of_digits_and_separators_is_redacted_in_linear_time() -> None:
    text = "1 " * 2500 + "x"  # a backtracking pattern would never finish this
    assert redact_contact_details(text) == (text, False)  # far more digits than a phone
