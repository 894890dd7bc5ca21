"""iCalendar text read and written with the ``icalendar`` library, recurring events expanded
with ``recurring-ical-events``: no hand-written iCal (RFC 5545 folding, escaping and time zones
are theirs to get right)."""

from __future__ import annotations

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


class IcalendarFormat:
    """The ``CalendarFormat`` port on ``icalendar``."""

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

    def parse(self, body: bytes, *, start: datetime, end: datetime) -> list[FeedEvent]:
        try:
            text = body.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CalendarFeedError("the feed is not UTF-8 text") from None
        if "BEGIN:VCALENDAR" not in text[:1024].upper():
            raise CalendarFeedError("the feed is not an iCalendar file (no BEGIN:VCALENDAR)")
        try:
            calendar = icalendar.Calendar.from_ical(text)
            occurrences = list(recurring_ical_events.of(calendar).between(start, end))
            events = [_event(o) for o in occurrences if _counts(o)]
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
