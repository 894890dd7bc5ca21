"""Recurring events expanded by ``IcalendarFormat`` (with ``dateutil.rrule``): what RFC 5545
says of ``RRULE``, ``RDATE``, ``EXDATE`` and ``RECURRENCE-ID``, within the window only, and
the rules no booking calendar has refused before they cost anything."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from rental.adapters.ical.calendar_format import IcalendarFormat
from rental.application.ports import CalendarFeedError
from rental.domain.calendar.stay import Stay
from rental.domain.channel_sync.imports import FeedEvent, imported_nights

NOW = datetime(2030, 1, 10, 12, tzinfo=UTC)
WINDOW = {"start": NOW - timedelta(days=1), "end": NOW + timedelta(days=90)}
PARIS = ZoneInfo("Europe/Paris")


def _parse(*events: str, **options: int) -> list[FeedEvent]:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN"]
    for event in events:
        lines += ["BEGIN:VEVENT", "DTSTAMP:20300101T000000Z", *event.split("|"), "END:VEVENT"]
    body = ("\r\n".join([*lines, "END:VCALENDAR"]) + "\r\n").encode()
    return IcalendarFormat(**options).parse(body, **WINDOW)


def _starts(events: list[FeedEvent]) -> list[date | datetime]:
    return sorted((e.start for e in events), key=lambda s: (str(type(s)), s))


def test_a_weekly_series_with_exceptions_a_moved_instance_and_an_extra_date() -> None:
    found = _parse(
        "UID:w|DTSTART;TZID=Europe/Paris:20300107T150000|DURATION:PT2H"
        "|RRULE:FREQ=WEEKLY;UNTIL=20300205T000000Z;BYDAY=MO"
        "|EXDATE;TZID=Europe/Paris:20300114T150000|RDATE;TZID=Europe/Paris:20300301T100000",
        # The 21st moved to the 22nd; the 28th cancelled.
        "UID:w|RECURRENCE-ID;TZID=Europe/Paris:20300121T150000"
        "|DTSTART;TZID=Europe/Paris:20300122T150000|DURATION:PT2H",
        "UID:w|RECURRENCE-ID;TZID=Europe/Paris:20300128T150000|STATUS:CANCELLED"
        "|DTSTART;TZID=Europe/Paris:20300128T150000|DURATION:PT2H",
    )
    # The 7th is before the window, the 14th excluded, and UNTIL ends the series on the 4th.
    assert _starts(found) == [
        datetime(2030, 1, 22, 15, tzinfo=PARIS),
        datetime(2030, 2, 4, 15, tzinfo=PARIS),
        datetime(2030, 3, 1, 10, tzinfo=PARIS),
    ]
    assert all(e.end == e.start + timedelta(hours=2) for e in found)
    assert len({e.uid for e in found}) == 3  # each occurrence keyed by its own start


def test_floating_and_all_day_series_take_until_and_count_in_their_own_kind() -> None:
    floating = _parse("UID:f|DTSTART:20300110T100000|RRULE:FREQ=DAILY;UNTIL=20300112T100000Z")
    assert _starts(floating) == [datetime(2030, 1, d, 10) for d in (10, 11, 12)]
    counted = _parse("UID:c|DTSTART;VALUE=DATE:20300110|RRULE:FREQ=MONTHLY;COUNT=3")
    assert _starts(counted) == [date(2030, 1, 10), date(2030, 2, 10), date(2030, 3, 10)]
    until_a_date = _parse("UID:u|DTSTART;VALUE=DATE:20300110|RRULE:FREQ=DAILY;UNTIL=20300111")
    assert _starts(until_a_date) == [date(2030, 1, 10), date(2030, 1, 11)]


def test_only_the_window_is_expanded_and_an_endless_series_stops_at_its_end() -> None:
    found = _parse("UID:y|DTSTART;VALUE=DATE:20200110|RRULE:FREQ=WEEKLY")
    assert min(e.start for e in found) >= WINDOW["start"].date() - timedelta(days=1)
    assert max(e.start for e in found) <= WINDOW["end"].date() + timedelta(days=1)
    assert len(found) == 13  # the Fridays from January 11 to April 5


def test_a_series_repeated_under_other_uids_is_expanded_once() -> None:
    copies = [f"UID:copy{i}|DTSTART;VALUE=DATE:20300110|RRULE:FREQ=DAILY" for i in range(50)]
    found = _parse(*copies, max_occurrences=100)
    assert len(found) == 91 and {e.uid.split("#")[0] for e in found if e.uid} == {"copy0"}


def test_rules_no_booking_calendar_has_are_refused_or_cost_nothing() -> None:
    with pytest.raises(CalendarFeedError, match="more often than daily"):
        _parse("UID:h|DTSTART:20300110T100000Z|RRULE:FREQ=MINUTELY")
    with pytest.raises(CalendarFeedError, match="starts before 1970"):
        _parse("UID:o|DTSTART;VALUE=DATE:00010101|RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30")
    # A rule that never matches: dateutil alone searches every day up to the year 9999 (13 s).
    started = time.monotonic()
    never = _parse("UID:n|DTSTART;VALUE=DATE:20300110|RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30")
    assert _starts(never) == [date(2030, 1, 10)]  # DTSTART alone
    assert time.monotonic() - started < 5


def test_overlapping_and_adjacent_nights_are_one_range_keyed_by_the_first_event() -> None:
    day = date(2030, 2, 1)
    events = [
        FeedEvent("b", "Second", day + timedelta(days=2), day + timedelta(days=6)),
        FeedEvent("a", "First", day, day + timedelta(days=3)),
        FeedEvent("c", "Meets", day + timedelta(days=6), day + timedelta(days=8)),
        FeedEvent("d", "Apart", day + timedelta(days=9), day + timedelta(days=10)),
        FeedEvent("e", "Far", day + timedelta(days=300), day + timedelta(days=400)),
    ]
    ranges = imported_nights(events, "UTC", date(2030, 1, 10), until=day + timedelta(days=350))
    assert [(r.key, r.summary, r.stay) for r in ranges] == [
        ("a", "First", Stay(day, day + timedelta(days=8))),
        ("d", "Apart", Stay(day + timedelta(days=9), day + timedelta(days=10))),
        ("e", "Far", Stay(day + timedelta(days=300), day + timedelta(days=350))),  # the horizon
    ]
