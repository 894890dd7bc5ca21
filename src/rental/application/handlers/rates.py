"""Changing a listing's prices and rules by date: on its ``Calendar``, under the same lock as
the bookings of those nights, so that a booking is priced wholly before or wholly after."""

from __future__ import annotations

from datetime import date, timedelta

from rental.application import commands as c
from rental.application.dependencies import Dependencies
from rental.application.shared.calendars import managed_calendar
from rental.application.unit_of_work import UnitOfWork
from rental.domain.calendar.stay import Stay


def _window(cmd: c.UpdateCalendar, today: date) -> Stay:
    """The nights the ranges touch (a broken range is the calendar's to refuse)."""
    starts = [r["start"] for r in cmd.ranges if isinstance(r.get("start"), date)]
    ends = [r["end"] for r in cmd.ranges if isinstance(r.get("end"), date)]
    first = min(starts, default=today)
    return Stay(first, max([*ends, first + timedelta(days=1)]))


def update_calendar(
    cmd: c.UpdateCalendar, uow: UnitOfWork, deps: Dependencies
) -> tuple[date, date]:
    """Apply the ranges; returns the nights ``[start, end)`` they touch."""
    window = _window(cmd, deps.clock.now().date())
    calendar = managed_calendar(uow, deps, cmd.actor, cmd.listing_id, window)
    touched = calendar.change_rates(cmd.ranges, deps.clock.now())
    uow.commit()
    return touched
