"""The real clock and id generator, and a clock that stands where it is set."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, date, datetime, time, timedelta


class SystemClock:
    """The machine's clock, in UTC."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class SettableClock:
    """A clock that stands still until it is moved: the demo seed plays out past stays with
    it, and the tests move it to make time pass. Always UTC-aware; safe across threads."""

    def __init__(self, now: datetime | None = None) -> None:
        self._now = now or datetime(2030, 1, 1, 12, 0, tzinfo=UTC)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("the clock speaks UTC-aware datetimes")
        with self._lock:
            self._now = moment

    def set_day(self, day: date, hour: int = 12) -> None:
        """Noon (or ``hour``) UTC of ``day``."""
        self.set(datetime.combine(day, time(hour), tzinfo=UTC))

    def advance(self, **delta: float) -> datetime:
        """Move on by ``timedelta(**delta)``; return the new now."""
        with self._lock:
            self._now += timedelta(**delta)
            return self._now


class UuidIds:
    """Random UUID4 strings: opaque and unguessable."""

    def new_id(self) -> str:
        return str(uuid.uuid4())
