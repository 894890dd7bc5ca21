"""The attack's smaller findings, each refused now: internal addresses a feed could reach,
addresses in an import's error, invisible and bidi characters in text, time zones that are
not IANA's, and a host ending a stay under way."""

from __future__ import annotations

import ipaddress
from datetime import timedelta

import pytest

from rental.adapters.ical.fetcher import SafeFeedFetcher, is_public
from rental.application.ports import CalendarFeedError
from rental.domain.accounts.users import Role
from rental.domain.bookings.booking import CancelledBy
from rental.domain.calendar.stay import check_timezone
from rental.domain.errors import InvalidInput, PermissionDenied
from rental.domain.text import check_text
from tests.contracts.builders import NOW, TODAY, a_booking, a_listing, a_user, confirmed

INTERNAL_IN_DISGUISE = [
    "::7f00:1",  # IPv4-compatible 127.0.0.1
    "::a00:1",  # IPv4-compatible 10.0.0.1
    "::ffff:0:7f00:1",  # IPv4-translated 127.0.0.1
    "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
    "64:ff9b::808:808",  # NAT64 of a public address: still a translator's, refused
    "64:ff9b:1::a00:1",  # NAT64 local use
    "fec0::1",  # site-local
    "::ffff:10.0.0.1",  # IPv4-mapped, as before
]


@pytest.mark.parametrize("address", INTERNAL_IN_DISGUISE)
def test_internal_addresses_in_ipv6_clothing_are_not_public(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["2606:4700:4700::1111", "8.8.8.8", "2a00:1450::1"])
def test_public_addresses_stay_public(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))


def test_a_refused_feed_does_not_tell_what_the_name_resolves_to() -> None:
    fetcher = SafeFeedFetcher(resolver=lambda host, port: ["10.20.30.40", "::a00:1"])
    with pytest.raises(CalendarFeedError) as refused:
        fetcher.fetch("http://intranet.example/cal.ics", etag=None, last_modified=None)
    assert str(refused.value) == "refused: intranet.example is not a public address"
    assert "10.20.30.40" not in str(refused.value)


@pytest.mark.parametrize(
    "text",
    ["abc\u202edcba", "zero\u200bwidth", "\ufeffBOM", "isolate\u2066x\u2069", "mark\u200f"],
)
def test_invisible_and_bidi_characters_are_refused_in_text(text: str) -> None:
    for multiline in (False, True):
        errors: dict[str, list[str]] = {}
        check_text(errors, "title", text, limit=100, multiline=multiline)
        assert errors == {
            "title": ["must not contain invisible or bidirectional control characters."]
        }


def test_joiners_that_emoji_and_scripts_need_are_kept() -> None:
    errors: dict[str, list[str]] = {}
    check_text(
        errors,
        "title",
        "Family \U0001f468\u200d\U0001f469 \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
        limit=100,
        multiline=False,
    )
    assert errors == {}


@pytest.mark.parametrize("name", ["localtime", "posixrules", "Factory"])
def test_only_iana_time_zones_are_accepted(name: str) -> None:
    with pytest.raises(InvalidInput, match="is not an IANA time zone name"):
        check_timezone(name)
    assert check_timezone("Europe/Lisbon") == "Europe/Lisbon"


def test_a_host_cannot_end_a_stay_under_way_but_the_guest_can() -> None:
    host, guest = a_user(Role.HOST), a_user()
    listing = a_listing(host)
    stay = confirmed(a_booking(listing, guest, TODAY + timedelta(days=1), nights=3), NOW)
    later = NOW + timedelta(days=2)  # the second night
    assert not stay.is_under_way(NOW + timedelta(days=1))  # arrival day: the host still may
    assert stay.is_under_way(later)
    with pytest.raises(PermissionDenied, match="only through an admin"):
        stay.cancel(CancelledBy.HOST, later)
    assert stay.cancel(CancelledBy.GUEST, later) == 0  # flexible: under a day before, nothing
    ahead = confirmed(a_booking(listing, guest, TODAY + timedelta(days=5)), NOW)
    assert ahead.cancel(CancelledBy.HOST, NOW) == ahead.total


def test_a_total_no_card_payment_may_be_is_refused_before_any_hold() -> None:
    from rental.domain.calendar.stay import Stay
    from rental.domain.errors import InvalidInput, TotalNotChargeable

    host = a_user(Role.HOST)
    cheap = a_listing(host, price_per_night=10, currency="GBP")  # 10 + 1 fee < 30 pence
    stay = Stay(TODAY + timedelta(days=1), TODAY + timedelta(days=2))
    with pytest.raises(TotalNotChargeable, match="less than the least a card payment may be"):
        cheap.terms.check_stay_rules(stay, 1, NOW)
    dear = a_listing(host, price_per_night=99_999_999, max_nights=400)
    with pytest.raises(TotalNotChargeable, match="more than the most a card payment may be"):
        dear.terms.check_stay_rules(stay, 1, NOW)  # one night plus the service fee
    fine = a_listing(host, price_per_night=30, currency="GBP")
    fine.terms.check_stay_rules(stay, 1, NOW)
    with pytest.raises(InvalidInput, match="price_per_night"):
        a_listing(host, price_per_night=100_000_000)


def _signed(body: dict[str, object], at: float | None = None) -> tuple[bytes, str]:
    import json

    from tests.stripe_events import signature

    payload = json.dumps(body).encode()
    return payload, signature(payload, at=at)


@pytest.mark.parametrize(
    "body",
    [
        {"object": "event", "type": "charge.refunded", "data": {"object": {}}},  # no id
        {"id": "evt_1", "object": "event", "type": "charge.refunded", "data": None},
        {"id": "evt_2", "object": "event", "type": "charge.refunded",
         "data": {"object": {"object": "charge", "amount_refunded": "lots"}}},
        {"id": "evt_3", "object": "event", "data": {"object": {}}},  # no type
    ],
)  # fmt: skip
def test_a_signed_but_malformed_stripe_event_is_refused_and_logged(
    body: dict[str, object], caplog: pytest.LogCaptureFixture
) -> None:
    from rental.adapters.stripe.webhooks import verified_event
    from rental.domain.errors import WebhookRejected
    from tests.stripe_server import WEBHOOK_SECRET

    payload, header = _signed(body)
    with (
        caplog.at_level("WARNING", logger="rental.adapters.stripe.webhooks"),
        pytest.raises(WebhookRejected, match="signed but malformed"),
    ):
        verified_event(payload, header, WEBHOOK_SECRET)
    assert [r.message for r in caplog.records if r.name == "rental.adapters.stripe.webhooks"]


def test_a_stripe_signature_stamped_in_the_future_is_refused() -> None:
    import time

    from rental.adapters.stripe.webhooks import verified_event
    from rental.domain.errors import WebhookRejected
    from tests.stripe_server import WEBHOOK_SECRET

    body = {"id": "evt_9", "object": "event", "type": "x.y", "data": {"object": {}}}
    payload, header = _signed(body, at=time.time() + 3600)
    with pytest.raises(WebhookRejected, match="in the future"):
        verified_event(payload, header, WEBHOOK_SECRET)
    payload, header = _signed(body, at=time.time() + 60)  # clocks differ a little
    assert verified_event(payload, header, WEBHOOK_SECRET).id == "evt_9"


def _feed(*events: str) -> bytes:
    body = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN", *events])
    return (body + "\r\nEND:VCALENDAR\r\n").encode()


def _daily(uid: str, first: str = "20300101") -> str:
    return "\r\n".join([
        "BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20300101T000000Z", f"DTSTART;VALUE=DATE:{first}",
        "DTEND;VALUE=DATE:20300102", "RRULE:FREQ=DAILY", "SUMMARY:x", "END:VEVENT",
    ])  # fmt: skip


WINDOW = {"start": NOW - timedelta(days=1), "end": NOW + timedelta(days=548)}


def test_an_imported_calendar_is_bounded_in_events_occurrences_and_time() -> None:
    from rental.adapters.ical.calendar_format import IcalendarFormat

    with pytest.raises(CalendarFeedError, match="3 events, more than the 2 allowed"):
        IcalendarFormat(max_events=2).parse(_feed(*(_daily(f"u{i}") for i in range(3))), **WINDOW)
    # Two daily events over 548 days would be 1,100 occurrences.
    with pytest.raises(CalendarFeedError, match="repeats into more than 20 events"):
        IcalendarFormat(max_occurrences=20).parse(
            _feed(_daily("a"), _daily("b", "20300102")), **WINDOW
        )
    with pytest.raises(CalendarFeedError, match="took too long"):
        IcalendarFormat(parse_seconds=-1).parse(_feed(_daily("a")), **WINDOW)
    # The window widened by a day each side: the listing's time zone decides later.
    assert len(IcalendarFormat().parse(_feed(_daily("a")), **WINDOW)) == 552


def test_the_name_lookup_is_inside_the_fetchs_deadline() -> None:
    import threading

    never = threading.Event()

    def hanging(host: str, port: int) -> list[str]:
        never.wait()  # a resolver that never answers
        return []

    fetcher = SafeFeedFetcher(resolver=hanging, timeout=0.05)
    try:
        with pytest.raises(CalendarFeedError, match="timed out"):
            fetcher.fetch("http://slow-dns.example/cal.ics", etag=None, last_modified=None)
    finally:
        never.set()
