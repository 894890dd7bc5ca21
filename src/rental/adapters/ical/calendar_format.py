"""iCalendar text read and written with the ``icalendar`` library, recurring events expanded
with ``recurring-ical-events``: no hand-written iCal (RFC 5545 folding, escaping and time zones
are theirs to get right)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import icalendar
import recurring_ical_events

from rental.application.ports import CalendarFeedError
from rental.domain.channel_sync.export import ExportedEvent
from rental.domain.channel_sync.imports import FeedEvent

PRODUCT_ID = "-//rental//calendar export//EN"
DEFAULT_MAX_EVENTS = 2000  # RENTAL_ICAL_MAX_EVENTS
OCCURRENCES_PER_EVENT = 10  # occurrences expanded, at most, per event the feed may have
PARSE_SECONDS = 10.0  # as long as a fetch may take


class IcalendarFormat:
    """The ``CalendarFormat`` port on ``icalendar``. A feed is refused (the import fails,
    nothing changes) with more than ``max_events`` events, more than ``OCCURRENCES_PER_EVENT``
    times that many occurrences inside the window, or when reading it has taken longer than
    ``parse_seconds`` (checked after reading and after expanding: ``recurring-ical-events``
    cannot be stopped midway, so ``max_events`` is what bounds one expansion)."""

    def __init__(
        self, *, max_events: int = DEFAULT_MAX_EVENTS, parse_seconds: float = PARSE_SECONDS
    ) -> None:
        self._max_events = max_events
        self._max_occurrences = max_events * OCCURRENCES_PER_EVENT
        self._parse_seconds = parse_seconds

    def render(self, events: Sequence[ExportedEvent], *, name: str) -> bytes:
        calendar = icalendar.Calendar()
        calendar.add("prodid", PRODUCT_ID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", name)
        for exported in events:
            # DTSTAMP is the last change, as RFC 5545 asks when there is no METHOD, rather than
            # the time of the request: the same calendar gives the same bytes, and ETag.
            stamp = exported.modified_at.replace(microsecond=0)
            event = icalendar.Event()
            event.add("uid", exported.uid)
            event.add("dtstamp", stamp)
            event.add("last-modified", stamp)
            event.add("dtstart", exported.start)
            event.add("dtend", exported.end)
            event.add("summary", exported.summary.value)
            event.add("transp", "OPAQUE")
            calendar.add_component(event)
        body: bytes = calendar.to_ical()
        return body

    def _occurrences(
        self, calendar: Any, start: datetime, end: datetime, deadline: float
    ) -> list[Any]:
        return _occurrences_of(calendar, start, end, deadline, self._max_occurrences)

    def parse(self, body: bytes, *, start: datetime, end: datetime) -> list[FeedEvent]:
        try:
            text = body.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CalendarFeedError("the feed is not UTF-8 text") from None
        if "BEGIN:VCALENDAR" not in text[:1024].upper():
            raise CalendarFeedError("the feed is not an iCalendar file (no BEGIN:VCALENDAR)")
        deadline = time.monotonic() + self._parse_seconds
        try:
            calendar = icalendar.Calendar.from_ical(text)
            count = sum(1 for _ in calendar.walk("VEVENT"))
            if count > self._max_events:
                raise CalendarFeedError(
                    f"the feed has {count:,} events, more than the {self._max_events:,} allowed"
                )
            events = [_event(o) for o in self._occurrences(calendar, start, end, deadline)]
        except CalendarFeedError:
            raise
        except Exception as error:  # the library's errors have no common base: any is a bad feed
            reason = " ".join(str(error).split())[:200]
            raise CalendarFeedError(
                f"the feed is not a readable iCalendar file: {reason}"
            ) from None
        repeated = Counter(e.uid for e in events if e.uid)
        # Occurrences of a recurring event share its UID: each is keyed by its own start too.
        return [
            FeedEvent(f"{e.uid}#{_iso(e.start)}", e.summary, e.start, e.end)
            if e.uid and repeated[e.uid] > 1
            else e
            for e in events
        ]


def _occurrences_of(
    calendar: Any, start: datetime, end: datetime, deadline: float, most: int
) -> list[Any]:
    """The events holding nights in ``[start, end)``, recurring ones expanded;
    ``CalendarFeedError`` past ``most`` of them, or when the deadline has passed once the
    file is read and again once it is expanded (the library cannot be stopped midway)."""
    if time.monotonic() > deadline:
        raise CalendarFeedError("reading the feed took too long")
    occurrences = recurring_ical_events.of(calendar).between(start, end)
    if time.monotonic() > deadline:
        raise CalendarFeedError("reading the feed took too long")
    if len(occurrences) > most:
        raise CalendarFeedError(
            f"the feed repeats into more than {most:,} events in the next {(end - start).days} days"
        )
    return [o for o in occurrences if _counts(o)]


def _counts(component: Any) -> bool:
    """Cancelled and free ("transparent") events hold no nights."""
    status = str(component.get("STATUS", "")).upper()
    transparent = str(component.get("TRANSP", "")).upper() == "TRANSPARENT"
    return component.name == "VEVENT" and status != "CANCELLED" and not transparent


def _iso(value: date | datetime) -> str:
    return value.isoformat()


def _event(component: Any) -> FeedEvent:
    start = component.start
    try:
        end = component.end
    except icalendar.error.IncompleteComponent:
        end = None
    uid = component.get("UID")
    return FeedEvent(
        uid=str(uid) if uid else None,
        summary=str(component.get("SUMMARY", "")),
        start=start,
        end=end,
    )
