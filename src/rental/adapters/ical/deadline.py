"""Work that must end by a deadline although it cannot be interrupted (the system's name
lookup, ``icalendar``'s parse): run on a thread of its own, waited for until the deadline and
left behind after it. What it would have answered is dropped; what it may cost is bounded by
its caller (a lookup ends with the resolver's own retries, a parse with the size and event
caps, and the expansion checks the deadline itself and stops)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

from rental.application.ports import CalendarFeedError

T = TypeVar("T")


def before(deadline: float, work: Callable[[], T], *, name: str, late: str) -> T:
    """``work()``'s answer, or ``CalendarFeedError(late)`` once ``time.monotonic()`` has
    passed ``deadline`` without one; its exceptions are raised here."""
    answer: list[tuple[bool, object]] = []

    def run() -> None:
        try:
            answer.append((True, work()))
        except BaseException as error:  # handed to the caller
            answer.append((False, error))

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    thread.join(max(0.0, deadline - time.monotonic()))
    if not answer:
        raise CalendarFeedError(late)
    done, value = answer[0]
    if not done:
        assert isinstance(value, BaseException)
        raise value
    return value  # type: ignore[return-value]
