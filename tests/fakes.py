"""Fakes written once, shared by every test: a clock the test moves, predictable ids."""

from __future__ import annotations

import itertools
import threading
from datetime import UTC, datetime, timedelta


class FakeClock:
    """A clock that stands still until the test moves it. Always UTC-aware."""

    def __init__(self, now: datetime | None = None) -> None:
        self._now = now or datetime(2030, 1, 1, 12, 0, tzinfo=UTC)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def set(self, moment: datetime) -> None:
        assert moment.tzinfo is not None, "the clock speaks UTC-aware datetimes"
        with self._lock:
            self._now = moment

    def advance(self, **delta: float) -> datetime:
        with self._lock:
            self._now += timedelta(**delta)
            return self._now


class SequentialIds:
    """Ids a test can predict: ``prefix-1``, ``prefix-2``…"""

    def __init__(self, prefix: str = "id") -> None:
        self._counter = itertools.count(1)
        self._prefix = prefix

    def new_id(self) -> str:
        return f"{self._prefix}-{next(self._counter)}"
