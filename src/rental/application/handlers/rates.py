"""Changing a listing's prices and rules by date: on the calendar aggregate, under the same
lock as the bookings of those nights, so a booking is priced wholly before or wholly after."""

from __future__ import annotations

from datetime import date, timedelta

from rental.application import commands as c
from rental.application.authorization import check_can_manage_calendar
from rental.application.dependencies import Dependencies
from rental.application.handlers.calendars import locked_calendar
from rental.application.unit_of_work import UnitOfWork
from rental.domain.stay import Stay


def _window(cmd: c.UpdateCalendar) -> Stay:
    """The nights the ranges touch (a broken range is the domain's to refuse)."""
    starts = [r["start"] for r in cmd.ranges if isinstance(r.get("start"), date)]
    ends = [r["end"] for r in cmd.ranges if isinstance(r.get("end"), date)]
    first = min(starts, default=date.min + timedelta(days=1))
    return Stay(first, max([*ends, first + timedelta(days=1)]))


def update_calendar(
    cmd: c.UpdateCalendar, uow: UnitOfWork, deps: Dependencies
) -> tuple[date, date]:
    """Apply the ranges; returns the window ``[start, end)`` they touch."""
    now = deps.clock.now()
    calendar = locked_calendar(uow, deps, cmd.listing_id, _window(cmd), now)
    check_can_manage_calendar(cmd.actor, calendar)
    touched = calendar.change_rates(cmd.ranges, now)
    uow.calendars.save_rates(calendar)
    uow.commit()
    return touched
