"""iCalendar text read and written with the ``icalendar`` library (RFC 5545 folding, escaping
and time zones are its to get right); recurring events expanded here with ``dateutil.rrule``,
bounded by the window, an occurrence cap and the sync's deadline.

Why not ``recurring-ical-events``: its expansion cannot be stopped midway nor capped as it
goes (``between()`` over 2,000 distinct events took 16 s, and 2,000 copies of one daily event
made a million occurrences before anything could count them). Here each series is expanded
lazily, one occurrence at a time, only up to the window's end; the deadline is checked at
every step and the occurrence cap counted as they come, and a series repeated identically
(same start, end and rules, under other UIDs) is expanded once.
"""

from __future__ import annotations

import re
import time
import warnings
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from typing import Any

import icalendar
from dateutil.rrule import rrule, rrulestr

from rental.adapters.ical.deadline import before
from rental.application.ports import CalendarFeedError
from rental.domain.channel_sync.export import ExportedEvent
from rental.domain.channel_sync.imports import FeedEvent

PRODUCT_ID = "-//rental//calendar export//EN"
DEFAULT_MAX_EVENTS = 2000  # RENTAL_ICAL_MAX_EVENTS
DEFAULT_MAX_OCCURRENCES = 20_000  # RENTAL_ICAL_MAX_OCCURRENCES
PARSE_SECONDS = 10.0  # when no deadline is given: as long as a fetch may take
# A line that opens an event: counted before parsing, so an oversized feed costs no parse.
EVENT_LINE = re.compile(r"^BEGIN:VEVENT\s*$", re.IGNORECASE | re.MULTILINE)
SLACK = timedelta(days=1)  # the window widened by a day: zones are applied later, per listing
DAILY_OR_LESS = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
EARLIEST_SERIES = 1970
TOO_LONG = "reading the feed took too long"
Moment = date | datetime


class IcalendarFormat:
    """The ``CalendarFormat`` port on ``icalendar``. A feed is refused (the import fails,
    nothing changes) with more than ``max_events`` events (counted before parsing), more than
    ``max_occurrences`` occurrences inside the window once expanded (counted as they are
    made), or when reading and expanding it has not ended by the deadline: the parse runs on a
    thread of its own that is left behind then, and the expansion stops itself."""

    def __init__(
        self,
        *,
        max_events: int = DEFAULT_MAX_EVENTS,
        max_occurrences: int = DEFAULT_MAX_OCCURRENCES,
        parse_seconds: float = PARSE_SECONDS,
    ) -> None:
        self._max_events = max_events
        self._max_occurrences = max_occurrences
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

    def parse(
        self, body: bytes, *, start: datetime, end: datetime, deadline: float | None = None
    ) -> list[FeedEvent]:
        if deadline is None:
            deadline = time.monotonic() + self._parse_seconds
        try:
            text = body.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CalendarFeedError("the feed is not UTF-8 text") from None
        if "BEGIN:VCALENDAR" not in text[:1024].upper():
            raise CalendarFeedError("the feed is not an iCalendar file (no BEGIN:VCALENDAR)")
        self._check_events(len(EVENT_LINE.findall(text)))
        window = Window(start, end, deadline, self._max_occurrences)
        events = before(
            deadline, lambda: self._read(text, window), name="feed-parse", late=TOO_LONG
        )
        repeated: dict[str, int] = {}
        for event in events:
            if event.uid:
                repeated[event.uid] = repeated.get(event.uid, 0) + 1
        # Occurrences of a recurring event share its UID: each is keyed by its own start too.
        return [
            FeedEvent(f"{e.uid}#{e.start.isoformat()}", e.summary, e.start, e.end)
            if e.uid and repeated[e.uid] > 1
            else e
            for e in events
        ]

    def _check_events(self, count: int) -> None:
        if count > self._max_events:
            raise CalendarFeedError(
                f"the feed has {count:,} events, more than the {self._max_events:,} allowed"
            )

    def _read(self, text: str, window: Window) -> list[FeedEvent]:
        try:
            calendar = icalendar.Calendar.from_ical(text)
            window.check_time()
            components = list(calendar.walk("VEVENT"))
            self._check_events(len(components))
            return window.expand(components)
        except CalendarFeedError:
            raise
        except Exception as error:  # the library's errors have no common base: any is a bad feed
            reason = " ".join(str(error).split())[:200]
            raise CalendarFeedError(
                f"the feed is not a readable iCalendar file: {reason}"
            ) from None


class Window:
    """Expands events over ``[start, end)`` (widened by a day each side) by ``deadline``
    (``time.monotonic()``), at most ``most`` occurrences in all."""

    def __init__(self, start: datetime, end: datetime, deadline: float, most: int) -> None:
        self.start, self.end = start - SLACK, end + SLACK
        self._deadline = deadline
        self._most = most
        self._days = (end - start).days
        self._count = 0

    def check_time(self) -> None:
        if time.monotonic() > self._deadline:
            raise CalendarFeedError(TOO_LONG)

    def _take(self) -> None:
        self._count += 1
        if self._count > self._most:
            raise CalendarFeedError(
                f"the feed repeats into more than {self._most:,} events in the next "
                f"{self._days} days"
            )

    def expand(self, components: Sequence[Any]) -> list[FeedEvent]:
        """The occurrences holding time inside the window: each series once (an identical
        series under another UID adds nothing), its instances moved or cancelled by a
        ``RECURRENCE-ID`` replaced by those."""
        masters: list[Any] = []
        moved: dict[str, dict[tuple[str, Moment], Any]] = {}
        for component in components:
            uid: str | None = str(component.get("UID", ""))
            recurrence_id = component.get("RECURRENCE-ID")
            if recurrence_id is not None and uid:
                moved.setdefault(uid, {})[_key(recurrence_id.dt)] = component
            else:
                masters.append(component)
        expanded: set[tuple[object, ...]] = set()
        found: list[FeedEvent] = []
        for master in masters:
            self.check_time()
            uid = str(master.get("UID", "")) or None
            instead = moved.get(uid, {}) if uid else {}
            if not instead:
                series = _series(master)
                if series in expanded:
                    continue
                expanded.add(series)
            if _counts(master):
                summary = str(master.get("SUMMARY", ""))
                for first, last in self._occurrences(master):
                    if _key(first) not in instead:
                        self._take()
                        found.append(FeedEvent(uid, summary, first, last))
            for override in instead.values():
                event = _event(override)
                if _counts(override) and self._holds(event.start, event.end):
                    self._take()
                    found.append(event)
        return found

    def _occurrences(self, component: Any) -> Iterator[tuple[Moment, Moment | None]]:
        first: Moment = component.start
        last = _end(component)
        length = None if last is None else last - first
        excluded = {_key(moment) for moment in _dates(component, "EXDATE")}
        seen: set[tuple[str, Moment]] = set()
        for moment, until in self._starts(component, first):
            key = _key(moment)
            if key in excluded or key in seen:
                continue
            seen.add(key)
            if until is None and length is not None:
                until = moment + length
            if self._holds(moment, until):
                yield moment, until

    def _starts(self, component: Any, first: Moment) -> Iterator[tuple[Moment, Moment | None]]:
        """The instances' starts (and an end, for an ``RDATE`` period): ``DTSTART``, each
        ``RDATE``, then each ``RRULE``'s up to the window's end, in order."""
        yield first, None
        for moment in _dates(component, "RDATE"):
            if isinstance(moment, tuple):  # a PERIOD: its start, and an end or a duration
                begin, finish = moment
                yield begin, begin + finish if isinstance(finish, timedelta) else finish
            else:
                yield moment, None
        rules = component.get("RRULE")
        for recur in rules if isinstance(rules, list) else [rules] if rules else []:
            for step, moment in enumerate(self._rule(recur, first)):
                if step % 64 == 0:
                    self.check_time()
                if _compare(moment, self.end) >= 0:
                    break
                yield moment, None

    def _rule(self, recur: Any, first: Moment) -> Iterator[Moment]:
        """The starts ``recur`` makes from ``first``, up to the window's end.

        ``dateutil`` checks ``UNTIL`` only against the instances it finds, so a rule that
        matches nothing (``FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30``) searches every day up to the
        year 9999: 13 s. The Gregorian calendar repeats exactly every 400 years (weekdays,
        leap years, week numbers), so the rule is run that many times 400 years later, as
        close to 9999 as the window allows, and its instances brought back: the search past
        the last instance is then at most 400 years (under a second for a daily rule). A
        series must start in 1970 or later (else its search from ``DTSTART`` is as long) and
        repeat at most daily (nights are what is blocked)."""
        if str(recur.get("FREQ", [""])[0]).upper() not in DAILY_OR_LESS:
            raise CalendarFeedError("the feed has an event that repeats more often than daily")
        if _day(first).year < EARLIEST_SERIES:
            raise CalendarFeedError(
                f"the feed has a repeating event that starts before {EARLIEST_SERIES}"
            )
        start = first if isinstance(first, datetime) else datetime.combine(first, clock_time())
        until = _like(self.end, start)
        if "UNTIL" in recur:
            until = min(until, _like(recur["UNTIL"][0], start, end_of_day=True))
        years = (datetime.max.year - 1 - until.year) // 400 * 400
        parts = {name: value for name, value in recur.items() if name != "UNTIL"}
        text: bytes = icalendar.vRecur(parts).to_ical()  # type: ignore[no-untyped-call]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # COUNT beside UNTIL (our own): both bound it
            rule = rrulestr(text.decode(), dtstart=_years_on(start, years))
            assert isinstance(rule, rrule)  # one RRULE, never a set
            rule = rule.replace(until=_years_on(until, years))
        for moment in rule:
            moment = _years_on(moment, -years)
            yield moment if isinstance(first, datetime) else moment.date()

    def _holds(self, first: Moment, last: Moment | None) -> bool:
        """Whether an instance ``[first, last)`` reaches into the window, to the day."""
        finish = last if last is not None and _compare(last, first) > 0 else first
        return _day(first) < self.end.date() and _day(finish) >= self.start.date()


def _dates(component: Any, name: str) -> list[Any]:
    values = component.get(name)
    found: list[Any] = []
    for value in values if isinstance(values, list) else [values] if values else []:
        found.extend(item.dt for item in value.dts)
    return found


def _end(component: Any) -> Moment | None:
    try:
        end: Moment = component.end
    except icalendar.error.IncompleteComponent:
        return None
    return end


def _series(component: Any) -> tuple[object, ...]:
    """What makes a series' instances: two events alike in these hold the same time."""
    rules = component.get("RRULE")
    texts = [r.to_ical() for r in (rules if isinstance(rules, list) else [rules] if rules else [])]
    return (
        _key(component.start),
        _end(component),
        tuple(texts),
        _counts(component),
        tuple(sorted(map(repr, _dates(component, "RDATE")))),
        tuple(sorted(map(repr, _dates(component, "EXDATE")))),
    )


def _years_on(moment: datetime, years: int) -> datetime:
    """The same wall time ``years`` later (a multiple of 400: February 29 stays valid)."""
    return moment.replace(year=moment.year + years)


def _key(moment: Moment) -> tuple[str, Moment]:
    """An instance's start as ``EXDATE`` and ``RECURRENCE-ID`` name it: a date, a floating
    time, or an instant (in UTC)."""
    if not isinstance(moment, datetime):
        return "date", moment
    if moment.tzinfo is None:
        return "floating", moment
    return "instant", moment.astimezone(UTC).replace(tzinfo=None)


def _like(moment: Moment, model: datetime, *, end_of_day: bool = False) -> datetime:
    """``moment`` as a datetime of ``model``'s kind (zoned or floating); a date is its first
    instant, or its last with ``end_of_day``."""
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, clock_time.max if end_of_day else clock_time())
    if model.tzinfo is None:
        return moment.replace(tzinfo=None)
    return moment if moment.tzinfo else moment.replace(tzinfo=model.tzinfo)


def _compare(moment: Moment, other: Moment) -> int:
    """-1, 0 or 1, dates read as their first instant, floating times in UTC."""
    a, b = _instant(moment), _instant(other)
    return (a > b) - (a < b)


def _instant(moment: Moment) -> datetime:
    if not isinstance(moment, datetime):
        return datetime.combine(moment, clock_time(), UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _day(moment: Moment) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _counts(component: Any) -> bool:
    """Cancelled and free ("transparent") events hold no nights."""
    status = str(component.get("STATUS", "")).upper()
    transparent = str(component.get("TRANSP", "")).upper() == "TRANSPARENT"
    return component.name == "VEVENT" and status != "CANCELLED" and not transparent


def _event(component: Any) -> FeedEvent:
    uid = component.get("UID")
    return FeedEvent(
        uid=str(uid) if uid else None,
        summary=str(component.get("SUMMARY", "")),
        start=component.start,
        end=_end(component),
    )
